//! hedui core: pure Rust, no web dependencies.
//!
//! Data flows one way: [`ingest`] (text → blocks with source spans; layout text through
//! `layout`) → [`recognise`] (blocks → typed [`model`] of tables and sections, with coverage:
//! a [`ParseReport`]) → [`claims`] → [`check`] (the [`rules`]) → `diagnosis` → [`score`] →
//! [`CheckReport`], the stages after recognise run by [`pipeline`]. No module imports one of a
//! later stage (`tests/layering.rs`). Every face (CLI, web app, JS API) calls [`parse`] and
//! renders what it returns; none holds domain logic of its own.

pub mod amount;
pub mod check;
pub mod check_report;
pub mod claims;
pub mod decode;
#[cfg(feature = "diagnosis")]
pub mod diagnosis;
pub mod finding;
#[cfg(feature = "fixes")]
pub mod fixes;
pub mod forms;
pub mod ingest;
pub mod labels;
#[cfg(feature = "layout")]
pub mod layout;
pub mod model;
pub mod pipeline;
pub mod positioned;
pub mod recognise;
#[cfg(feature = "diagnosis")]
pub mod relations;
pub mod report;
pub mod rounding;
pub mod rules;
pub mod score;
pub mod sorted_map;
pub mod sorting;

pub use check::CheckOptions;
pub use check_report::{CheckReport, DocumentReport, REPORT_SCHEMA_VERSION};
pub use report::{ParseReport, SCHEMA_VERSION};

/// Reads `text` (a whole document as pasted or loaded from `source`) into a report. Lines may
/// end in `\n`, `\r\n` or a lone `\r` (old Mac files, some exports): a lone `\r` is read as
/// `\n`, one byte for one, so every byte offset still points into `text`.
pub fn parse(source: &str, text: &str) -> ParseReport {
    let text = ingest::lone_returns_as_newlines(text);
    let blocks = ingest::blocks(&text);
    let recognised = recognise::recognise(&text, &blocks);
    ParseReport::new(source, &text, blocks, recognised)
}

/// Reads and checks each `(source, text)` document with every rule.
pub fn check(documents: &[(&str, &str)]) -> CheckReport {
    check_with(documents, &CheckOptions::default())
}

/// Reads and checks each `(source, text)` document with the rules `options` select.
pub fn check_with(documents: &[(&str, &str)], options: &CheckOptions) -> CheckReport {
    let parsed: Vec<ParseReport> = documents.iter().map(|(source, text)| parse(source, text)).collect();
    pipeline::check_parsed(&parsed.iter().collect::<Vec<_>>(), options)
}
