//! `CheckOptions`: a check limited to some rule categories runs only their rules, and the
//! score's coverage shows that the check was partial.

use std::path::PathBuf;

use hedui_core::rules::Category;
use hedui_core::CheckOptions;

fn corpus(name: &str) -> String {
    std::fs::read_to_string(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus").join(name)).unwrap()
}

#[test]
fn only_the_selected_categories_run() {
    let text = corpus("000_a60f2e9b14e82395.txt");
    let full = hedui_core::check(&[("000", &text)]);
    let options = CheckOptions { categories: Some(vec![Category::TableArithmetic, Category::Performance]) };
    let partial = hedui_core::check_with(&[("000", &text)], &options);
    let (full, partial) = (&full.documents[0], &partial.documents[0]);

    let selected = |category: &Category| matches!(category, Category::TableArithmetic | Category::Performance);
    assert!(partial.findings.iter().all(|f| selected(&f.category)));
    assert!(partial.stats.by_category.keys().all(selected));
    let expected: Vec<_> = full.findings.iter().filter(|f| selected(&f.category)).map(|f| (f.rule, f.location.line)).collect();
    let got: Vec<_> = partial.findings.iter().map(|f| (f.rule, f.location.line)).collect();
    assert_eq!(got, expected);
    assert!(full.findings.len() > partial.findings.len());
    assert!(partial.score.coverage < full.score.coverage, "{} vs {}", partial.score.coverage, full.score.coverage);
}

#[test]
fn no_category_selected_checks_nothing() {
    let text = corpus("001_1a1813143cd16474.txt");
    let report = hedui_core::check_with(&[("001", &text)], &CheckOptions { categories: Some(Vec::new()) });
    let document = &report.documents[0];
    assert!(document.findings.is_empty());
    assert_eq!(document.stats.total.checked, 0);
    assert_eq!(document.score.value, None);
}
