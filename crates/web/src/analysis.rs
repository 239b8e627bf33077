//! One document as core reads and checks it, kept together for rendering.

use std::rc::Rc;

use hedui_core::check::{check_parsed, are_companions, CheckOptions, Finding};
use hedui_core::{DocumentReport, ParseReport};

use crate::storage::{text_hash, Document};

/// Core's parse and check reports of one document text (the parse report's blocks feed the document view).
pub struct Analysis {
    pub text: String,
    pub text_hash: u64,
    pub parse: Rc<ParseReport>,
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
        let report = check_parsed(&[&parse], &CheckOptions::default()).documents.remove(0);
        let check_micros = ((now() - started) * 1000.0) as u64;
        Analysis {
            check_micros,
            text: document.text.clone(),
            text_hash: text_hash(&document.text),
            parse: Rc::new(parse),
            report,
        }
    }
}

/// The analyses with the documents of one department checked together, so that the rules
/// comparing years (Y) see each other; documents without a companion keep their analysis.
pub fn linked(analyses: &[Option<Rc<Analysis>>]) -> Vec<Option<Rc<Analysis>>> {
    let checked: Vec<(usize, &Rc<Analysis>)> = analyses.iter().enumerate().filter_map(|(i, a)| a.as_ref().map(|a| (i, a))).collect();
    let paired: Vec<(usize, &Rc<Analysis>)> =
        checked.iter().filter(|(i, a)| checked.iter().any(|(j, b)| i != j && are_companions(&a.parse, &b.parse))).copied().collect();
    let mut out = analyses.to_vec();
    if paired.is_empty() {
        return out;
    }
    let started = now();
    let parses: Vec<&ParseReport> = paired.iter().map(|(_, a)| a.parse.as_ref()).collect();
    let reports = check_parsed(&parses, &CheckOptions::default()).documents;
    let check_micros = ((now() - started) * 1000.0) as u64;
    for ((index, analysis), report) in paired.into_iter().zip(reports) {
        out[index] = Some(Rc::new(Analysis { text: analysis.text.clone(), text_hash: analysis.text_hash, parse: analysis.parse.clone(), report, check_micros }));
    }
    out
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
