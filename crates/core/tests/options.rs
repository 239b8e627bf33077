//! `CheckOptions`: a check limited to some rule categories runs only their rules, and the
//! score's coverage shows that the check was partial.

use std::path::PathBuf;

use hedui_core::finding::Category;
use hedui_core::CheckOptions;

fn corpus(name: &str) -> String {
    std::fs::read_to_string(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus").join(name))
        .unwrap()
}

#[test]
fn only_the_selected_categories_run() {
    let text = corpus("000_a60f2e9b14e82395.txt");
    let full = hedui_core::check(&[("000", &text)]);
    let options = CheckOptions {
        categories: Some(vec![Category::TableArithmetic, Category::Performance]),
        ..CheckOptions::default()
    };
    let partial = hedui_core::check_with(&[("000", &text)], &options);
    let (full, partial) = (&full.documents[0], &partial.documents[0]);

    let selected = |category: &Category| matches!(category, Category::TableArithmetic | Category::Performance);
    assert!(partial.findings.iter().all(|f| selected(&f.category)));
    assert!(partial.stats.by_category.keys().all(selected));
    // Compared relation by relation: which broken relations one figure explains depends on the
    // relations checked, so the findings of one cause may differ.
    let relations = |findings: &[hedui_core::finding::Finding], keep: &dyn Fn(&Category) -> bool| {
        let mut out: Vec<_> = findings
            .iter()
            .flat_map(|f| f.relations())
            .filter(|f| keep(&f.category))
            .map(|f| (f.rule, f.location.line, f.location.byte_start))
            .collect();
        out.sort();
        out
    };
    assert_eq!(relations(&partial.findings, &|_| true), relations(&full.findings, &selected));
    assert!(full.findings.len() > partial.findings.len());
    assert!(partial.score.coverage < full.score.coverage, "{} vs {}", partial.score.coverage, full.score.coverage);
}

#[test]
fn no_category_selected_checks_nothing() {
    let text = corpus("001_1a1813143cd16474.txt");
    let report = hedui_core::check_with(
        &[("001", &text)],
        &CheckOptions { categories: Some(Vec::new()), ..CheckOptions::default() },
    );
    let document = &report.documents[0];
    assert!(document.findings.is_empty());
    assert_eq!(document.stats.total.checked, 0);
    assert_eq!(document.score.value, None);
}
