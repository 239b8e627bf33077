//! Honest coverage: a 部门决算 whose tables were not read says so first, is not scored, and
//! its 规范性 (lint) checks are counted apart from the relations among figures.

use std::path::PathBuf;

use hedui_core::finding::Category;
use hedui_core::finding::TableCoverage;
use hedui_core::DocumentReport;

fn read(path: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(path);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn national(name: &str) -> String {
    read(&format!("tests/fixtures/national/{name}"))
}

fn corpus(name: &str) -> String {
    read(&format!("../../../shared/corpus/{name}"))
}

fn check(source: &str, text: &str) -> (DocumentReport, String) {
    let report = hedui_core::check(&[(source, text)]);
    let text = report.to_text();
    (report.documents.into_iter().next().unwrap(), text)
}

/// The relation counts add up: figures and lint apart, every category in `by_category`.
fn assert_split(document: &DocumentReport) {
    let s = &document.stats;
    let form = s.by_category.get(&Category::Form).copied().unwrap_or_default();
    assert_eq!(s.lint, form, "{}: lint is the 规范性 category", document.source);
    let figures: usize =
        s.by_category.iter().filter(|(c, _)| **c != Category::Form).map(|(_, counts)| counts.checked).sum();
    assert_eq!(s.total.checked, figures, "{}", document.source);
    assert_eq!(s.total.checked, s.total.held + s.total.rounding + s.total.broken, "{}", document.source);
    assert_eq!(s.lint.checked, s.lint.held + s.lint.rounding + s.lint.broken, "{}", document.source);
}

#[test]
fn a_final_accounts_narrative_without_tables_says_so_first_and_is_not_scored() {
    let (document, text) = check("narrative.txt", &national("final_accounts_narrative.txt"));
    let coverage = document.stats.table_coverage.as_ref().expect("a 决算 requires its nine tables");
    assert_eq!((coverage.expected, coverage.recognised, coverage.missing.len()), (9, 0, 9));
    assert_eq!(text.lines().next(), Some("narrative.txt: 识别到 0 / 9 张表：表内、表间勾稽未核对"));
    // Its wording, narrative and the nine C002 warnings alone would have scored 91.0.
    assert_eq!((document.score.value, document.score.grade), (None, None));
    assert!(text.contains("\nnarrative.txt: 质量评分：表格未识别，不评分\n"), "{text}");
    assert_split(&document);
    assert_eq!(document.stats.lint.checked, 51);
    assert_eq!(
        document.stats.total.checked, 14,
        "9 tables required (C002) and 5 narrative relations, not the 51 lint checks"
    );
    assert!(text.contains("\nnarrative.txt: 已核对 14 项关系，5 项成立，0 项尾数误差，9 项不一致；另查规范性 51 项，0 项不符 · 0 错误, 9 警告, 0 提示\n"), "{text}");
}

#[test]
fn a_partly_read_final_accounts_names_the_tables_not_read() {
    let (document, text) = check("summary.txt", &national("final_accounts_summary.txt"));
    let coverage = document.stats.table_coverage.as_ref().unwrap();
    assert_eq!((coverage.recognised, coverage.missing[0].form_name), (1, "收入决算表"));
    let first = text.lines().next().unwrap();
    assert!(
        first.starts_with("summary.txt: 识别到 1 / 9 张表，未识别 收入决算表、支出决算表、财政拨款收入支出决算总表、"),
        "{first}"
    );
    assert!(first.ends_with("、财政拨款“三公”经费支出决算表：涉及这些表的勾稽未核对"), "{first}");
    // One table of nine: the table categories count for a ninth of their weight.
    assert!(document.score.value.is_some());
    assert_eq!(document.score.coverage, 26);
    assert!(document.score.grade_capped_by_coverage);
    assert_split(&document);
}

#[test]
fn fully_read_documents_and_documents_without_tables_say_nothing_more() {
    let (accounts, text) = check("000.txt", &corpus("000_a60f2e9b14e82395.txt"));
    assert_eq!(
        accounts.stats.table_coverage,
        Some(TableCoverage { expected: 9, recognised: 9, missing: Vec::new(), columns_lost: Vec::new() })
    );
    assert!(text.starts_with("000.txt:"), "{text}");
    assert!(!text.contains("识别到"), "{text}");
    assert_split(&accounts);
    assert_eq!((accounts.stats.total.checked, accounts.stats.lint.checked), (377, 659));
    for (name, file) in [("001.txt", "001_1a1813143cd16474.txt"), ("003.txt", "003_1cc174f46883e4ef.txt")] {
        let (document, text) = check(name, &corpus(file));
        assert_eq!(document.stats.table_coverage, None, "a 绩效 report or a budget requires no 决算 tables");
        assert!(!text.contains("识别到"), "{text}");
        assert!(document.score.value.is_some());
        assert_split(&document);
    }
}
