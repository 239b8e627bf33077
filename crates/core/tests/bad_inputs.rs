//! Inputs that once crashed or were misread (issue #14): each gets its documented result.

use hedui_core::finding::Severity;

/// The rules that reported on `text` checked alone, with their severities.
fn findings(text: &str) -> Vec<(&'static str, Severity)> {
    let report = hedui_core::check(&[("input.txt", text)]);
    report.documents[0].findings.iter().map(|f| (f.rule, f.severity)).collect()
}

#[test]
fn figures_beyond_the_checkable_range_are_a_notice_not_a_panic() {
    // A 29-digit figure in a completion sentence: its rate is not checked, the figure is flagged.
    assert_eq!(findings("预算5万元决算79228162514264337593543950335万元完成0%\n"), [("L009", Severity::Notice)]);
    // A 27-digit figure in a rate (×100).
    assert_eq!(
        findings("年初预算为1万元，支出决算为123456789012345678901234567万元，完成年初预算的100%。\n"),
        [("L009", Severity::Notice)]
    );
    // A 28-decimal figure in a 基础数据表 cell.
    let basic_data = "部门整体支出绩效评价基础数据表\n项目\t本年预算数\t本年决算数\n三公经费\t0.9999999999999999999999999999\t1.00\n";
    assert_eq!(findings(basic_data), [("L009", Severity::Notice)]);
}

const BUDGET_003: &str = include_str!("../../../../shared/corpus/003_1cc174f46883e4ef.txt");
const ACCOUNTS_000: &str = include_str!("../../../../shared/corpus/000_a60f2e9b14e82395.txt");

#[test]
fn a_companion_given_twice_adds_no_relation_and_no_finding() {
    let once = hedui_core::check(&[("003.txt", BUDGET_003), ("000.txt", ACCOUNTS_000)]);
    let twice =
        hedui_core::check(&[("003.txt", BUDGET_003), ("000.txt", ACCOUNTS_000), ("000-copy.txt", ACCOUNTS_000)]);
    let (once, twice) = (&once.documents[0], &twice.documents[0]);
    let y_findings = |d: &hedui_core::DocumentReport| d.findings.iter().filter(|f| f.rule.starts_with('Y')).count();
    assert!(y_findings(once) > 0, "003 and 000 disagree on the vehicles (Y003)");
    assert_eq!(y_findings(twice), y_findings(once));
    assert_eq!(twice.stats.total, once.stats.total);
    assert_eq!(twice.score.value, once.score.value);
}
