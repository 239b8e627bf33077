//! Inputs that once crashed or were misread (issue #14): each gets its documented result.

use hedui_core::rules::Severity;

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
    assert_eq!(findings("年初预算为1万元，支出决算为123456789012345678901234567万元，完成年初预算的100%。\n"), [("L009", Severity::Notice)]);
    // A 28-decimal figure in a 基础数据表 cell.
    let basic_data = "部门整体支出绩效评价基础数据表\n项目\t本年预算数\t本年决算数\n三公经费\t0.9999999999999999999999999999\t1.00\n";
    assert_eq!(findings(basic_data), [("L009", Severity::Notice)]);
}
