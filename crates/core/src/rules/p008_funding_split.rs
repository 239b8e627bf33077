#![deny(clippy::arithmetic_side_effects)]

use super::{declare_rule, lookup, Check};
use crate::check::Checker;
use crate::finding::Term;
use crate::model::{Amount, PerformanceTable, Side, SplitEntry};
use crate::recognise::RecognisedTable;
use crate::report::ParseReport;
use crate::rounding::{allowance, judge, Interval, Outcome};

declare_rule! {
    /// ## What
    /// In a 绩效自评表's funding split: the `按收入性质分` parts (一般公共预算, 政府性基金拨款,
    /// 纳入专户管理的非税收入拨款, 其他资金) add up to the `全年预算数` of `年度资金总额`; the
    /// `按支出性质分` parts (基本支出 + 项目支出) add up to its `全年执行数`. A `转入结余分配` entry
    /// is counted with them when the unit books it as executed (when that is how the figures
    /// add up). A total written after the heading (`按收入性质分：300.48`) equals the same figure.
    /// When the income parts miss the 全年预算数 but add up to the 全年执行数, the finding says so.
    ///
    /// ## Why
    /// The split says where the year's money came from and what it was spent on; parts that do
    /// not add up to the funding line leave some of it unexplained.
    ///
    /// ## Example
    /// `年度资金总额 | 235.26 | 280.72 | 280.72 …`, `一般公共预算：280.72`, `基本支出：211.6`,
    /// `项目支出：69.12`: holds.
    ///
    /// ## Source
    /// 部门整体支出绩效自评表 template (湘财绩〔2020〕7号); docs/domain.md §6.
    pub struct FundingSplit {
        code: "P008",
        name: "funding-split",
        title_zh: "资金按性质分项与年度资金总额不符",
        title_en: "Funding split differs from the annual funds",
        category: Performance,
        severity: Error,
    }
}

/// The headings of the two halves of the split; an amount after them is the half's total.
const INCOME_HEADING: &str = "按收入性质分";
const EXPENDITURE_HEADING: &str = "按支出性质分";
/// The spending parts of `按支出性质分`.
const SPENDING: [&str; 2] = ["基本支出", "项目支出"];
/// The 结余 part that some units count as executed.
const BALANCE: &str = "转入结余分配";

impl Check for FundingSplit {
    fn check(&self, document: &ParseReport, checker: &mut Checker) {
        for (table, performance) in lookup::performance_tables(document) {
            let Some(funds) = lookup::funding_line(performance, lookup::ANNUAL_FUNDS) else { continue };
            let row = lookup::performance_row(table, performance, lookup::ANNUAL_FUNDS);
            let entry = |side: Side, label: &str| {
                performance
                    .funding_split
                    .iter()
                    .find(|e| e.side == side && e.label == label)
                    .and_then(|e| e.amount.as_ref())
            };

            if let Some(budget) = &funds.full_year_budget {
                if let Some(total) = entry(Side::Income, INCOME_HEADING) {
                    checker.equal(
                        &Self::INFO,
                        split_term(table, performance, INCOME_HEADING, total),
                        Term::cell(table, &row, "全年预算数", budget),
                    );
                }
                let parts: Vec<&SplitEntry> = performance
                    .funding_split
                    .iter()
                    .filter(|e| e.side == Side::Income && e.label != INCOME_HEADING && e.amount.is_some())
                    .collect();
                if !parts.is_empty() {
                    let mut stated = Term::cell(table, &row, "全年预算数", budget);
                    let executed = funds
                        .executed
                        .as_ref()
                        .filter(|executed| !adds_up(budget, &parts) && adds_up(executed, &parts));
                    if let Some(executed) = executed {
                        stated.label = format!("{}（各项之和与 全年执行数 {} 相符）", stated.label, executed.raw);
                    }
                    checker.sum(&Self::INFO, stated, &split_terms(table, performance, &parts));
                    // The split is that of the 全年执行数: which figure to change is not a slip's.
                    if executed.is_some() {
                        checker.undecided();
                    }
                }
            }

            if let Some(executed) = &funds.executed {
                if let Some(total) = entry(Side::Expenditure, EXPENDITURE_HEADING) {
                    checker.equal(
                        &Self::INFO,
                        split_term(table, performance, EXPENDITURE_HEADING, total),
                        Term::cell(table, &row, "全年执行数", executed),
                    );
                }
                let spending: Vec<&SplitEntry> = performance
                    .funding_split
                    .iter()
                    .filter(|e| {
                        e.side == Side::Expenditure && SPENDING.contains(&e.label.as_str()) && e.amount.is_some()
                    })
                    .collect();
                if !spending.is_empty() {
                    let mut with_balance = spending.clone();
                    with_balance.extend(
                        performance
                            .funding_split
                            .iter()
                            .filter(|e| e.side == Side::Expenditure && e.label == BALANCE && e.amount.is_some()),
                    );
                    let balance_booked = with_balance.len() > spending.len()
                        && !adds_up(executed, &spending)
                        && adds_up(executed, &with_balance);
                    let parts = if balance_booked { with_balance } else { spending };
                    checker.sum(
                        &Self::INFO,
                        Term::cell(table, &row, "全年执行数", executed),
                        &split_terms(table, performance, &parts),
                    );
                }
            }
        }
    }
}

/// A split entry as a term: `整体支出/一般公共预算`.
fn split_term<'a>(
    table: &RecognisedTable,
    performance: &PerformanceTable,
    label: &str,
    amount: &'a Amount,
) -> Term<'a> {
    Term::cell(table, &lookup::performance_row(table, performance, label), "", amount)
}

fn split_terms<'a>(
    table: &RecognisedTable,
    performance: &PerformanceTable,
    entries: &[&'a SplitEntry],
) -> Vec<(Term<'a>, bool)> {
    entries
        .iter()
        .filter_map(|e| e.amount.as_ref().map(|amount| (split_term(table, performance, &e.label, amount), true)))
        .collect()
}

/// Whether the entries add up to `total` up to rounding.
fn adds_up(total: &Amount, entries: &[&SplitEntry]) -> bool {
    let amounts = entries.iter().filter_map(|e| e.amount.as_ref());
    let allowance = allowance(amounts.clone().map(|a| &a.number).chain([&total.number]));
    Interval::sum(amounts.map(|a| &a.number))
        .and_then(|sum| judge(&total.number, sum, allowance))
        .is_some_and(|outcome| outcome != Outcome::Broken)
}

#[cfg(test)]
mod tests {
    /// 000's 整体自评表 (280.72 executed; 基本 211.6 + 项目 69.12) with a `转入结余分配：0.12`
    /// entry added to the split, and `项目支出` set to `projects`.
    fn split_with_balance(projects: &str) -> String {
        include_str!("../../tests/fixtures/rules/P008_ok.txt")
            .replacen(
                "\t纳入专户管理的非税收入拨款：\t\t\t",
                "\t纳入专户管理的非税收入拨款：\t\t\t转入结余分配：0.12",
                1,
            )
            .replacen("项目支出：69.12", &format!("项目支出：{projects}"), 1)
    }

    /// (checked, broken) of P008.
    fn outcome(text: &str) -> (usize, usize) {
        let report = crate::check(&[("split", text)]);
        let counts = report.documents[0].stats.by_rule["P008"];
        (counts.checked, counts.broken)
    }

    #[test]
    fn a_balance_is_left_out_when_spending_alone_is_the_executed_amount() {
        // 211.6 + 69.12 = 280.72; the 0.12 is what was not spent (001's layout).
        assert_eq!(outcome(&split_with_balance("69.12")), (2, 0));
    }

    #[test]
    fn a_balance_counts_when_the_unit_books_it_as_executed() {
        // 211.6 + 69.00 + 0.12 = 280.72.
        assert_eq!(outcome(&split_with_balance("69.00")), (2, 0));
    }

    #[test]
    fn a_split_that_adds_up_neither_way_is_broken() {
        assert_eq!(outcome(&split_with_balance("68.00")), (2, 1));
    }
}
