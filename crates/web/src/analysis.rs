//! One document as core reads and checks it, kept together for rendering.

use hedui_core::check::{check_parsed, CheckOptions, Finding};
use hedui_core::{DocumentReport, ParseReport};

use crate::storage::{text_hash, Document};

/// Core's parse and check reports of one document text (the parse report's blocks feed the document view).
pub struct Analysis {
    pub text: String,
    pub text_hash: u64,
    pub parse: ParseReport,
    pub report: DocumentReport,
    /// How long parse + check took, in microseconds (shown as `data-check-us` for the benchmark).
    pub check_micros: u64,
}

impl Analysis {
    /// Reads and checks a document; a pasted one (no file name) is reported as `input`, as in the JS API.
    pub fn of(document: &Document) -> Self {
        let source = if document.name.is_empty() { "input" } else { &document.name };
        let started = now();
        let parse = hedui_core::parse(source, &document.text);
        let report = check_parsed(std::slice::from_ref(&parse), &CheckOptions::default()).documents.remove(0);
        let check_micros = ((now() - started) * 1000.0) as u64;
        Analysis {
            check_micros,
            text: document.text.clone(),
            text_hash: text_hash(&document.text),
            parse,
            report,
        }
    }
}

fn now() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map_or(0.0, |p| p.now())
}

/// Analyses are compared by identity: a new analysis is a new render.
impl PartialEq for Analysis {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}

/// Identifies a finding within its document text (for dismissals): rule, line and cell.
pub fn finding_key(finding: &Finding) -> String {
    format!("{}:{}:{}", finding.rule, finding.location.line, finding.location.byte_start)
}

/// The DOM id of the element showing the cell or sentence that starts at `byte_start`.
pub fn place_id(byte_start: usize) -> String {
    format!("at{byte_start}")
}

/// The DOM id of the element showing source line `line` (the fallback target).
pub fn line_id(line: usize) -> String {
    format!("line{line}")
}
