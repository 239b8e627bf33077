#![deny(clippy::arithmetic_side_effects)]

use super::{declare_rule, lookup, Check};
use crate::check::Checker;
use crate::finding::Term;
use crate::model::Amount;
use crate::report::ParseReport;
use crate::rounding::{allowance, display, judge, Interval, Outcome};

declare_rule! {
    /// ## What
    /// On every funding line of a 绩效自评表 that states an `执行率`: `执行率` = `全年执行数` ÷
    /// `全年预算数`. When the stated rate does not hold but matches `全年执行数` ÷ `年初预算数`,
    /// the finding says so: the unit divided by the wrong base.
    ///
    /// ## Why
    /// 预算执行率 is the scored budget-execution item (usually 10 of 100 points); it is measured
    /// against the adjusted full-year budget, not the budget at the start of the year.
    ///
    /// ## Example
    /// `年度资金总额 | 5061.48 | 5667.65 | 5487.17 | 10 | 96.81% | 9.68`: 5487.17 ÷ 5667.65 = 96.82%, a
    /// rounding notice. `293.53 | 300.48 | 300.36 | 10 | 102.32%`: 300.36 ÷ 300.48 = 99.96%; the
    /// stated figure is 300.36 ÷ 293.53 (年初预算数).
    ///
    /// ## Source
    /// 财预〔2020〕10号《项目支出绩效评价管理办法》; 湘财绩〔2020〕7号 (Hunan); docs/domain.md §3, §6.
    pub struct ExecutionRate {
        code: "P005",
        name: "execution-rate",
        title_zh: "执行率与执行数、预算数不符",
        title_en: "Execution rate differs from spending over budget",
        category: Performance,
        severity: Error,
    }
}

impl Check for ExecutionRate {
    fn check(&self, document: &ParseReport, checker: &mut Checker) {
        for (table, performance) in lookup::performance_tables(document) {
            for line in &performance.funding {
                let (Some(rate), Some(executed), Some(budget)) =
                    (&line.execution_rate, &line.executed, &line.full_year_budget)
                else {
                    continue;
                };
                let row = lookup::performance_row(table, performance, &line.label);
                let mut stated = Term::cell(table, &row, "执行率", rate);
                let initial = line
                    .initial_budget
                    .as_ref()
                    .filter(|initial| !matches(rate, executed, budget) && matches(rate, executed, initial));
                if let Some(initial) = initial {
                    let alternative = rate_of(executed, initial)
                        .and_then(|r| r.mid())
                        .map_or_else(String::new, |mid| display(mid, 2));
                    stated.label =
                        format!("{}（与 全年执行数 ÷ 年初预算数 {} = {alternative}% 相符）", stated.label, initial.raw);
                }
                checker.ratio(
                    &Self::INFO,
                    stated,
                    Term::cell(table, &row, "全年执行数", executed),
                    Term::cell(table, &row, "全年预算数", budget),
                );
                // The rate is that of the 年初预算数: which figure to change is not a slip's.
                if initial.is_some() {
                    checker.undecided();
                }
            }
        }
    }
}

/// Whether `rate` is `executed ÷ base` up to rounding (a rounding discrepancy counts as a match).
fn matches(rate: &Amount, executed: &Amount, base: &Amount) -> bool {
    rate_of(executed, base)
        .and_then(|computed| judge(&rate.number, computed, allowance([&rate.number])))
        .is_some_and(|outcome| outcome != Outcome::Broken)
}

/// `100 · executed ÷ base` as an interval; `None` for a base that may be zero or beyond range.
fn rate_of(executed: &Amount, base: &Amount) -> Option<Interval> {
    Interval::of(&executed.number)?.percent_of(Interval::of(&base.number)?)
}
