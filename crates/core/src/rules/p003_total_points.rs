use rust_decimal::Decimal;

use super::{declare_rule, lookup, verdicts, Check};
use crate::check::Checker;
use crate::finding::Term;
use crate::model::Amount;
use crate::report::ParseReport;

declare_rule! {
    /// ## What
    /// In every 绩效自评表, `总分` `分值` is 100, and it equals the `分值` of the
    /// budget-execution item (the `年度资金总额` line) plus the `分值` of every indicator row.
    /// 分值 are weights, taken as written (not rounded).
    ///
    /// ## Why
    /// A 自评 is scored out of 100; weights that add up to more (or less) make the 总分 and the
    /// grade (优 ≥ 90) meaningless.
    ///
    /// ## Example
    /// `年度资金总额 … 分值 10`, indicators `40 + 20 + 10 + 20`, `总分 100`: holds. Indicators adding
    /// up to 105 with the budget item's 10 against `总分 100`: does not.
    ///
    /// ## Source
    /// 财预〔2020〕10号《项目支出绩效评价管理办法》 (总分一般设置为 100 分); docs/domain.md §6.
    pub struct TotalPoints {
        code: "P003",
        name: "total-points",
        title_zh: "总分分值不是 100 或与各项分值之和不符",
        title_en: "Total points are not 100 or not the items' sum",
        category: Performance,
        severity: Error,
    }
}

/// The full score of a 绩效自评.
const FULL_SCORE: Decimal = Decimal::ONE_HUNDRED;

impl Check for TotalPoints {
    fn check(&self, document: &ParseReport, checker: &mut Checker) {
        for (table, performance) in lookup::performance_tables(document) {
            let Some(total) = &performance.total_points else { continue };
            let total_row = lookup::performance_row(table, performance, "总分");
            let held = total.number.value == FULL_SCORE;
            let location = verdicts::cell_location(table, &total_row, "分值", total);
            let message = format!("{}：{total_row}·分值 为 {}，满分应为 100", Self::INFO.title_zh, total.raw);
            let message_en =
                format!("{}: {total_row}·分值 is {}, the full score is 100", Self::INFO.title_en, total.raw);
            let derivation = format!("{total_row}·分值 {} ≠ 100", total.raw);
            checker.require(&Self::INFO, held, location, message, message_en, derivation);

            let budget_item = lookup::funding_line(performance, lookup::ANNUAL_FUNDS).and_then(|f| f.points.as_ref());
            let budget_points = budget_item.map(|points| {
                (lookup::performance_row(table, performance, lookup::ANNUAL_FUNDS), lookup::exact(points))
            });
            let indicator_points: Vec<(String, Amount)> = performance
                .indicators
                .iter()
                .filter_map(|indicator| {
                    Some((
                        lookup::performance_row(table, performance, &indicator.name),
                        lookup::exact(indicator.points.as_ref()?),
                    ))
                })
                .collect();
            if indicator_points.is_empty() {
                continue;
            }
            let points: Vec<(String, Amount)> = budget_points.into_iter().chain(indicator_points).collect();
            let parts: Vec<(Term, bool)> =
                points.iter().map(|(row, amount)| (Term::cell(table, row, "分值", amount), true)).collect();
            let total = lookup::exact(total);
            let stated = Term::cell(table, &total_row, "分值", &total);
            // A total of 100 is what the form requires: its parts are what may be wrong.
            if held {
                checker.pin(&stated);
            }
            checker.sum(&Self::INFO, stated, &parts);
        }
    }
}
