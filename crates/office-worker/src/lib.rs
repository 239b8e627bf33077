//! The web app's reader of office files, run in a Web Worker (`web/office-worker.js`) so that
//! reading a workbook never blocks the page: [`hedui_office`] reads workbooks, Word documents,
//! CSV and legacy-encoded text, several files of one drop as one document
//! ([`hedui_office::combine`]). Built by xtask into `dist/office/` and fetched only when such a
//! file is opened: the app itself carries no office code.

use hedui_office::{combine, handles, import, import_text, ImportError, Imported, Kind, Limits};
use js_sys::{Array, Object, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;

/// Talc instead of Rust's default wasm allocator (dlmalloc): smaller and faster.
#[cfg(target_family = "wasm")]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

/// Reads the files `names[i]`, `files[i]` (`Uint8Array`s) as one document and returns the
/// message the worker posts: `{type: 'done', text, sources, notes}` (`sources`: core's
/// `SourcePlaces` as lines, `SourcePlaces::to_lines`; `notes`: `[{zh, en}]`, such as hidden
/// sheets skipped) or
/// `{type: 'error', zh, en}` for the first file that could not be read (named when there are
/// several). The limits are the CLI's.
#[wasm_bindgen]
pub fn read(names: Vec<String>, files: Vec<Uint8Array>) -> JsValue {
    let limits = Limits::default();
    let read: Result<Vec<Imported>, (String, ImportError)> = names
        .iter()
        .zip(&files)
        .map(|(name, file)| {
            // A file over the size limit is refused before it is copied into the module's memory.
            if file.length() as usize > limits.max_file {
                return Err((name.clone(), ImportError::TooLarge { limit_mb: limits.max_file >> 20 }));
            }
            read_file(name, &file.to_vec(), &limits).map_err(|e| (name.clone(), e))
        })
        .collect();
    match read {
        Ok(parts) => {
            let document = combine(parts);
            let notes: Array = document
                .notes
                .iter()
                .map(|note| object([("zh", note.zh.as_str().into()), ("en", note.en.as_str().into())]))
                .collect();
            object([
                ("type", "done".into()),
                ("text", document.text.into()),
                ("sources", document.places.to_lines().into()),
                ("notes", notes.into()),
            ])
        }
        // The document is named after its files: when it has several, the message names the one.
        Err((name, error)) if names.len() > 1 => object([
            ("type", "error".into()),
            ("zh", format!("{name}：{}", error.zh()).into()),
            ("en", format!("{name}: {}", error.en()).into()),
        ]),
        Err((_, error)) => object([("type", "error".into()), ("zh", error.zh().into()), ("en", error.en().into())]),
    }
}

/// One file: an office file by its name or header, else text in an encoding told from its
/// bytes. A workbook read alone must hold a disclosure table.
fn read_file(name: &str, bytes: &[u8], limits: &Limits) -> Result<Imported, ImportError> {
    let imported = if handles(name, bytes) { import(name, bytes, limits)? } else { import_text(name, bytes)? };
    if imported.kind == Kind::Workbook && hedui_core::parse(name, &imported.text).tables.is_empty() {
        return Err(ImportError::NoDisclosureTables);
    }
    Ok(imported)
}

fn object<const N: usize>(fields: [(&str, JsValue); N]) -> JsValue {
    let object = Object::new();
    for (key, value) in fields {
        let _ = Reflect::set(&object, &key.into(), &value);
    }
    object.into()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shared(path: &str) -> Vec<u8> {
        let path = format!("{}/../../../shared/corpus/{path}", env!("CARGO_MANIFEST_DIR"));
        std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
    }

    #[test]
    fn a_workbook_must_hold_a_disclosure_table() {
        let template =
            read_file("template.xlsx", &shared("xlsx/sh-2026-department-budget-template.xlsx"), &Limits::default())
                .unwrap();
        assert_eq!(template.kind, Kind::Workbook);
        let path = format!("{}/../../target/office-fixtures/bad/no-tables.xlsx", env!("CARGO_MANIFEST_DIR"));
        let no_tables = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e} (run `cargo xtask fixtures`)"));
        assert_eq!(
            read_file("no-tables.xlsx", &no_tables, &Limits::default()).err(),
            Some(ImportError::NoDisclosureTables)
        );
    }

    #[test]
    fn text_core_cannot_decode_is_read_in_its_encoding() {
        let gbk = read_file("a.txt", &[0xba, 0xcf, 0xbc, 0xc6], &Limits::default()).unwrap();
        assert_eq!(gbk.text, "合计");
        assert_eq!(read_file("a.doc", b"\xd0\xcf\x11\xe0", &Limits::default()).err(), Some(ImportError::Word97));
    }
}
