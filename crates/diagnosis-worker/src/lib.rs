//! The web app's diagnosis, run in a Web Worker (`web/diagnosis-worker.js`): the app checks
//! without core's `diagnosis` (its solver does not fit the app's size budget) and sends the
//! documents it checked together here when one has a broken relation; this module checks them
//! with and without the diagnosis and returns, per document, the change from the one report to
//! the other ([`Diagnosed`]), which the app applies to its own. Built by xtask into
//! `dist/diagnosis/` and fetched only when a document has such findings.

use hedui_core::fixes::Diagnosed;
use hedui_core::pipeline::check_parsed;
use hedui_core::{CheckOptions, ParseReport};
use wasm_bindgen::prelude::*;

/// Talc instead of Rust's default wasm allocator (dlmalloc): smaller and faster.
#[cfg(target_family = "wasm")]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

/// The documents `sources[i]`, `texts[i]`, checked together as the app checks them, diagnosed:
/// postcard of a `Vec<Option<Diagnosed>>`, one per document in order (`None`: the reports do
/// not differ by a change, which does not happen).
#[wasm_bindgen]
pub fn diagnose(sources: Vec<String>, texts: Vec<String>) -> Vec<u8> {
    postcard::to_allocvec(&changes(&sources, &texts)).unwrap_or_default()
}

fn changes(sources: &[String], texts: &[String]) -> Vec<Option<Diagnosed>> {
    let parsed: Vec<ParseReport> = sources.iter().zip(texts).map(|(source, text)| hedui_core::parse(source, text)).collect();
    let documents: Vec<&ParseReport> = parsed.iter().collect();
    let plain = check_parsed(&documents, &CheckOptions { no_diagnosis: true, ..CheckOptions::default() });
    let diagnosed = check_parsed(&documents, &CheckOptions::default());
    plain.documents.iter().zip(&diagnosed.documents).map(|(plain, diagnosed)| Diagnosed::between(plain, diagnosed)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// 000 as published: its diagnosis changes the report (a cause found), and what the module
    /// sends reads back.
    #[test]
    fn a_document_with_a_slip_gets_its_change() {
        let path = format!("{}/../../../shared/corpus/000_a60f2e9b14e82395.txt", env!("CARGO_MANIFEST_DIR"));
        let text = std::fs::read_to_string(&path).unwrap();
        let sent = diagnose(vec!["000.txt".to_string()], vec![text.clone()]);
        let changes: Vec<Option<Diagnosed>> = postcard::from_bytes(&sent).unwrap();
        assert_eq!(changes, super::changes(&["000.txt".to_string()], std::slice::from_ref(&text)));
        let [Some(change)] = changes.as_slice() else { panic!("{changes:?}") };
        let mut plain = hedui_core::check_with(&[("000.txt", &text)], &CheckOptions { no_diagnosis: true, ..CheckOptions::default() }).documents.remove(0);
        let before = plain.findings.len();
        change.clone().apply(&mut plain);
        assert!(plain.findings.iter().any(|f| f.is_cause()) && plain.findings.len() < before, "{before} → {}", plain.findings.len());
    }
}
