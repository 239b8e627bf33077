//! The web app's PDF reader, run in a Web Worker (`web/pdf-worker.js`) so that reading a PDF
//! never blocks the page: [`hedui_pdf::read_pdf`] reads the glyphs, core's
//! [`hedui_core::layout::render`] lays them out as the text the app checks, and each page is
//! drawn as SVG for the app's page view ([`sheet`]). Built by xtask into `dist/pdf/` and fetched
//! only when a PDF is opened: the app itself carries no PDF code.

mod sheet;

use hedui_core::layout::{render, Rendered};
use hedui_pdf::{read_pdf_with, Limits, PdfError};
use js_sys::{Array, Function, Object, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;

/// Talc instead of Rust's default wasm allocator (dlmalloc): smaller and faster.
#[cfg(target_family = "wasm")]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

/// Reads the PDF `bytes`, calling `progress(page, pages)` after each page, and returns the
/// message the worker posts: `{type: 'done', text, places, pages}` or `{type: 'error', zh, en}`.
/// `places` is core's `GlyphPlaces`, postcard-encoded; `pages` has per page its `width` and
/// `height` in points and its text as SVG markup (`svg`). The limits are the CLI's, so both read
/// the same text; a file over the size limit is refused before it is copied into the module's
/// memory.
#[wasm_bindgen]
pub fn read(bytes: &Uint8Array, progress: &Function) -> JsValue {
    let mut report = |page: usize, pages: usize| {
        let _ = progress.call2(&JsValue::NULL, &(page as u32).into(), &(pages as u32).into());
    };
    let limits = Limits::default();
    let size = bytes.length() as usize;
    let outcome = if size > limits.max_bytes {
        Err(PdfError::TooLarge { bytes: size, max: limits.max_bytes })
    } else {
        read_for_page(&bytes.to_vec(), &mut report)
    };
    match outcome {
        Ok(read) => {
            let pages: Array = read
                .sheets
                .into_iter()
                .map(|sheet| {
                    object([("width", sheet.width.into()), ("height", sheet.height.into()), ("svg", sheet.svg.into())])
                })
                .collect();
            object([
                ("type", "done".into()),
                ("text", read.text.into()),
                ("places", Uint8Array::from(read.places.as_slice()).into()),
                ("pages", pages.into()),
            ])
        }
        Err(error) => object([("type", "error".into()), ("zh", error.zh().into()), ("en", error.en().into())]),
    }
}

fn object<const N: usize>(fields: [(&str, JsValue); N]) -> JsValue {
    let object = Object::new();
    for (key, value) in fields {
        let _ = Reflect::set(&object, &key.into(), &value);
    }
    object.into()
}

/// A PDF as the page receives it.
#[derive(Debug)]
struct ForPage {
    /// The layout text the app checks and shows.
    text: String,
    /// `GlyphPlaces`, postcard-encoded.
    places: Vec<u8>,
    sheets: Vec<sheet::Sheet>,
}

fn read_for_page(bytes: &[u8], progress: &mut dyn FnMut(usize, usize)) -> Result<ForPage, PdfError> {
    let pages = read_pdf_with(bytes, &Limits::default(), progress)?;
    let Rendered { text, places } = render(&pages);
    // A plain struct of numbers: encoding it cannot fail.
    let places = postcard::to_allocvec(&places).expect("glyph places encode");
    Ok(ForPage { text, places, sheets: pages.iter().map(sheet::Sheet::of).collect() })
}

#[cfg(test)]
mod tests {
    use hedui_core::layout::GlyphPlaces;

    use super::*;

    const SHARED_PDF: &str =
        concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/corpus/pdf/sh-2024-final-social-work-dept.pdf");

    /// What the page decodes is what the CLI has: the same text, and places that survive the
    /// trip (every finding gets the CLI's page and box); a sheet per page.
    #[test]
    fn the_page_gets_the_clis_text_and_places() {
        let bytes = std::fs::read(SHARED_PDF).unwrap_or_else(|e| panic!("{SHARED_PDF}: {e}"));
        let mut reported = Vec::new();
        let read = read_for_page(&bytes, &mut |page, pages| reported.push((page, pages))).unwrap();
        assert_eq!(reported, (1..=24).map(|page| (page, 24)).collect::<Vec<_>>());

        let pages = hedui_pdf::read_pdf(&bytes, &Limits::default()).unwrap();
        let cli = render(&pages);
        assert_eq!(read.text, cli.text);
        assert_eq!(read.sheets, pages.iter().map(sheet::Sheet::of).collect::<Vec<_>>());
        let places: GlyphPlaces = postcard::from_bytes(&read.places).unwrap();
        let mut report = hedui_core::check(&[("a.pdf", cli.text.as_str())]);
        let mut decoded_report = report.clone();
        report.documents[0].place_on_pages(&cli.places);
        decoded_report.documents[0].place_on_pages(&places);
        assert!(!report.documents[0].findings.is_empty());
        assert!(report.documents[0].findings.iter().all(|f| f.location.page.is_some()), "every finding has a page");
        assert_eq!(decoded_report.to_json(), report.to_json());
    }

    #[test]
    fn what_is_not_a_readable_pdf_is_an_error_and_reports_no_page() {
        let mut reported = Vec::new();
        assert_eq!(
            read_for_page(b"hello", &mut |page, pages| reported.push((page, pages))).unwrap_err(),
            PdfError::NotPdf
        );
        let bytes = std::fs::read(SHARED_PDF).unwrap();
        assert!(matches!(
            read_for_page(&bytes[..bytes.len() / 2], &mut |page, pages| reported.push((page, pages))),
            Err(PdfError::Corrupt(_))
        ));
        assert_eq!(reported, []);
    }
}
