//! Exports, made in the page and handed to the browser as downloads (nothing is uploaded):
//! the check report as JSON (docs/report-schema.md) and the findings as CSV for Excel.

use std::fmt::Write;

use hedui_core::CheckReport;
use wasm_bindgen::JsCast;
use wasm_bindgen::JsValue;
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, Url};

use crate::i18n::Lang;

/// The findings of every document as CSV: UTF-8 with a byte-order mark so that Excel reads
/// the Chinese text correctly; one row per finding (with its page when read from a PDF),
/// dismissed ones marked with their reason (`reasons`: per document, per finding).
pub fn findings_csv(report: &CheckReport, reasons: &[Vec<Option<String>>], lang: Lang) -> String {
    let texts = lang.texts();
    let mut out = String::from("\u{feff}");
    push_row(&mut out, texts.csv_header.iter().map(|s| s.to_string()));
    for (document, reasons) in report.documents.iter().zip(reasons) {
        for (finding, reason) in document.findings.iter().zip(reasons) {
            let location = &finding.location;
            push_row(
                &mut out,
                [
                    document.source.clone(),
                    finding.rule.to_string(),
                    lang.severity(finding.severity).to_string(),
                    lang.category(finding.category).to_string(),
                    location.line.to_string(),
                    location.page.map(|p| p.page.to_string()).unwrap_or_default(),
                    location.table.unwrap_or_default().to_string(),
                    location.row.clone().unwrap_or_default(),
                    location.column.clone().unwrap_or_default(),
                    finding.stated.clone().unwrap_or_default(),
                    finding.expected.clone().unwrap_or_default(),
                    finding.message.clone(),
                    finding.message_en.clone(),
                    finding.derivation.clone(),
                    if reason.is_some() { lang.pick("是", "yes") } else { "" }.to_string(),
                    reason.clone().unwrap_or_default(),
                ]
                .into_iter(),
            );
        }
    }
    out
}

/// One CSV record (RFC 4180 quoting, CRLF line ends).
fn push_row(out: &mut String, fields: impl Iterator<Item = String>) {
    for (index, field) in fields.enumerate() {
        if index > 0 {
            out.push(',');
        }
        if field.contains([',', '"', '\n', '\r']) {
            let _ = write!(out, "\"{}\"", field.replace('"', "\"\""));
        } else {
            out.push_str(&field);
        }
    }
    out.push_str("\r\n");
}

/// Hands `content` to the browser as a file download named `file_name`.
pub fn download(file_name: &str, mime: &str, content: &str) {
    let parts = js_sys::Array::of1(&JsValue::from_str(content));
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = Blob::new_with_str_sequence_and_options(&parts, &options) else { return };
    let Ok(url) = Url::create_object_url_with_blob(&blob) else { return };
    let anchor = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.create_element("a").ok())
        .and_then(|a| a.dyn_into::<HtmlAnchorElement>().ok());
    if let Some(anchor) = anchor {
        anchor.set_href(&url);
        anchor.set_download(file_name);
        anchor.click();
    }
    let _ = Url::revoke_object_url(&url);
}

/// A file-name stem from a document name: its name without the extension.
pub fn file_stem(name: &str) -> &str {
    name.rsplit_once('.').map_or(name, |(stem, _)| stem)
}
