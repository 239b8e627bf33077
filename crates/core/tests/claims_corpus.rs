//! The claims read from each corpus document, one line per claim, snapshotted for review.

use std::fmt::Write;
use std::path::PathBuf;

use hedui_core::claims::{self, Claim, ClaimKind, Figure, ScoreSubject};

fn corpus() -> Vec<(String, String)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus");
    let mut files: Vec<PathBuf> =
        std::fs::read_dir(&dir).map(|d| d.filter_map(|e| e.ok()).map(|e| e.path()).collect()).unwrap_or_default();
    files.retain(|p| p.extension().is_some_and(|e| e == "txt"));
    files.sort();
    assert_eq!(files.len(), 5, "the five corpus documents in {}", dir.display());
    files
        .iter()
        .map(|p| (p.file_name().unwrap().to_string_lossy().into_owned(), std::fs::read_to_string(p).unwrap()))
        .collect()
}

fn f(figure: &Figure) -> String {
    format!("{}«{}»", figure.label, figure.raw)
}

fn opt(figure: &Option<Figure>) -> String {
    figure.as_ref().map_or("-".to_string(), f)
}

/// One line per claim: line, shape and its figures with their labels.
pub fn render(claim: &Claim) -> String {
    let body = match &claim.kind {
        ClaimKind::Amount { figure, .. } => format!("amount {}", f(figure)),
        ClaimKind::Count { figure, .. } => format!("count {}", f(figure)),
        ClaimKind::Share { part, whole, whole_label, percent } => {
            format!("share {} of {} [{}] = {}", f(part), opt(whole), whole_label, percent.raw)
        }
        ClaimKind::Change { subject, basis, direction, delta, rate, current } => {
            format!(
                "change [{subject}] {basis:?} {direction:?} {} rate {} current {}",
                delta.raw,
                rate.as_ref().map_or("-", |r| r.raw.as_str()),
                opt(current)
            )
        }
        ClaimKind::Completion { subject, budget, actual, percent, comparison } => format!(
            "completion [{subject}] budget {} actual {} percent {} comparison {}",
            budget.raw,
            actual.raw,
            percent.as_ref().map_or("-", |p| p.raw.as_str()),
            comparison.as_ref().map_or("-".to_string(), |c| format!("{:?}", c.comparison))
        ),
        ClaimKind::Growth { base, current, direction, rate } => {
            format!("growth {} to {} {direction:?} rate {}", f(base), f(current), opt(rate))
        }
        ClaimKind::Parts { whole, parts, complete } => {
            format!(
                "parts {} = {}{}",
                f(whole),
                parts.iter().map(|p| p.raw.as_str()).collect::<Vec<_>>().join(" + "),
                if *complete { "" } else { " + …" }
            )
        }
        ClaimKind::Score { subject, score, grade, .. } => {
            let subject = match subject {
                ScoreSubject::Overall => "整体".to_string(),
                ScoreSubject::Project(name) => name.clone(),
            };
            format!("score [{subject}] {} grade {}", opt(score), grade.as_deref().unwrap_or("-"))
        }
    };
    format!("L{} {}", claim.span.line_start, body)
}

#[test]
fn corpus_claims() {
    for (name, text) in corpus() {
        let report = hedui_core::parse(&name, &text);
        let mut out = String::new();
        for claim in claims::extract(&report) {
            let _ = writeln!(out, "{}", render(&claim));
        }
        insta::assert_snapshot!(format!("claims_{}", &name[..3]), out);
    }
}

/// The narrative findings on each corpus document, with the claims found, bound and checked:
/// reviewed line by line against the text.
#[test]
fn corpus_narrative_findings() {
    for (name, text) in corpus() {
        let report = hedui_core::parse(&name, &text);
        let found = claims::extract(&report);
        let summary = claims::summary(&found, &claims::bind::bind_all(&report, &found));
        let mut out =
            format!("claims: found {}, bound {}, checked {}\n", summary.found, summary.bound, summary.checked);
        let checked = hedui_core::check(&[(&name, &text)]);
        for f in checked.documents[0].findings.iter().filter(|f| f.rule.starts_with('N')) {
            let _ =
                writeln!(out, "L{} {:?} {} {}\n  = {}", f.location.line, f.severity, f.rule, f.message, f.derivation);
        }
        insta::assert_snapshot!(format!("narrative_findings_{}", &name[..3]), out);
    }
}
