//! A check from start to end, above every stage it runs: each document's rules ([`check`]),
//! the diagnosis of its broken relations (feature `diagnosis`), the comparisons
//! with its companions, its score ([`score`]) and its report ([`CheckReport`]). A document is
//! checked in two steps, [`begin`] and [`finish`], so that a batch keeps companions, not
//! documents, between them.

#[cfg(feature = "diagnosis")]
use crate::check::Checked;
use crate::check::{self, pair, CheckOptions, Companion};
use crate::check_report::{CheckReport, DocumentReport, Summary, TableRef};
#[cfg(feature = "diagnosis")]
use crate::diagnosis;
use crate::finding::{CheckStats, Finding};
use crate::recognise::meta::DocumentKind;
use crate::report::ParseReport;
use crate::score;

/// Checks parsed documents together, each with the rules `options` select: the rules that
/// compare years (Y) read each document's companions ([`Companion::pairs_with`]).
pub fn check_parsed(documents: &[&ParseReport], options: &CheckOptions) -> CheckReport {
    let (pending, companions): (Vec<Pending>, Vec<Companion>) =
        documents.iter().map(|document| begin(document, options)).unzip();
    let paired = pair(&companions);
    CheckReport::new(
        pending
            .into_iter()
            .zip(&companions)
            .zip(paired)
            .map(|((pending, own), others)| {
                let others: Vec<&Companion> = others.into_iter().filter_map(|other| companions.get(other)).collect();
                finish(pending, own, &others, options)
            })
            .collect(),
    )
}

/// A document checked by every rule but those that compare it with its companions.
pub struct Pending {
    source: String,
    kind: Vec<DocumentKind>,
    year: Option<u16>,
    department: Option<String>,
    tables: Vec<TableRef>,
    has_performance_tables: bool,
    stats: CheckStats,
    findings: Vec<Finding>,
}

/// Checks one parsed document with the rules `options` select, but for the comparisons with
/// its companions ([`finish`]), and diagnoses its broken relations; the document's companion
/// side is returned with it.
pub fn begin(document: &ParseReport, options: &CheckOptions) -> (Pending, Companion) {
    let (checked, companion) = check::check_document(document, options);
    #[cfg(feature = "diagnosis")]
    let checked = diagnosed(checked, options);
    let pending = Pending {
        source: document.source.clone(),
        kind: document.document.kinds.clone(),
        year: document.document.year,
        department: document.document.department.clone(),
        tables: document
            .tables
            .iter()
            .map(|t| TableRef { form: t.form, form_name: t.form_name, line: t.line })
            .collect(),
        has_performance_tables: document.tables.iter().any(|t| t.form.is_performance()),
        stats: checked.stats,
        findings: checked.findings,
    };
    (pending, companion)
}

/// `checked` with the findings the report lists: one per cause ([`diagnosis::diagnose`]), its
/// severities counted again; each broken relation its own finding, without fixes, when
/// `options` say `no_diagnosis` (without the feature, always).
#[cfg(feature = "diagnosis")]
fn diagnosed(mut checked: Checked, options: &CheckOptions) -> Checked {
    if options.no_diagnosis {
        for finding in &mut checked.findings {
            finding.fix = None;
        }
        return checked;
    }
    checked.findings = diagnosis::diagnose(&checked.relations, std::mem::take(&mut checked.findings));
    checked.stats.count_severities(&checked.findings);
    checked
}

/// Compares a [`begin`]-checked document (`own`) with its companions and scores it.
pub fn finish(pending: Pending, own: &Companion, companions: &[&Companion], options: &CheckOptions) -> DocumentReport {
    let Pending { source, kind, year, department, tables, has_performance_tables, stats, findings } = pending;
    let (stats, mut findings) = check::compare(own, companions, options, stats, findings);
    Finding::sort_for_report(&mut findings);
    let score =
        score::score(&kind, has_performance_tables, stats.table_coverage.as_ref(), &stats.by_category, &findings);
    let compared_with = companions.iter().map(|c| c.source.clone()).collect();
    let summary = Summary::of(&stats, &score);
    DocumentReport { source, kind, year, department, compared_with, tables, stats, score, summary, findings }
}
