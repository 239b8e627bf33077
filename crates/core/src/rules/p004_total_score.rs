use super::{declare_rule, lookup, Check};
use crate::check::Checker;
use crate::finding::Term;
use crate::model::Amount;
use crate::report::ParseReport;

declare_rule! {
    /// ## What
    /// In every 绩效自评表, `总分` `得分` equals the `得分` of the budget-execution item (the
    /// `年度资金总额` line) plus the `得分` of every indicator row. An indicator's 得分 is awarded
    /// and taken as written; the budget-execution 得分 (分值 × 执行率) and the 总分 keep their
    /// displayed precision, as they may be rounded.
    ///
    /// ## Why
    /// The 总分 is what the narrative quotes and what sets the grade; it must be the sum of the
    /// scores the table gives.
    ///
    /// ## Example
    /// `年度资金总额 … 得分 9.68`, indicator scores adding up to 90, `总分 … 99.68`: holds.
    ///
    /// ## Source
    /// 财预〔2020〕10号《项目支出绩效评价管理办法》; docs/domain.md §6.
    pub struct TotalScore {
        code: "P004",
        name: "total-score",
        title_zh: "总分得分与各项得分之和不符",
        title_en: "Total score differs from the items' scores",
        category: Performance,
        severity: Error,
    }
}

impl Check for TotalScore {
    fn check(&self, document: &ParseReport, checker: &mut Checker) {
        for (table, performance) in lookup::performance_tables(document) {
            let Some(total) = &performance.total_score else { continue };
            let indicator_scores: Vec<(String, Amount)> = performance
                .indicators
                .iter()
                .filter_map(|indicator| {
                    Some((
                        lookup::performance_row(table, performance, &indicator.name),
                        lookup::exact(indicator.score.as_ref()?),
                    ))
                })
                .collect();
            if indicator_scores.is_empty() {
                continue;
            }
            let budget_item = lookup::funding_line(performance, lookup::ANNUAL_FUNDS).and_then(|f| f.score.as_ref());
            let budget_term = budget_item.map(|score| {
                (
                    Term::cell(
                        table,
                        &lookup::performance_row(table, performance, lookup::ANNUAL_FUNDS),
                        "得分",
                        score,
                    ),
                    true,
                )
            });
            let indicator_terms =
                indicator_scores.iter().map(|(row, amount)| (Term::cell(table, row, "得分", amount), true));
            let parts: Vec<(Term, bool)> = budget_term.into_iter().chain(indicator_terms).collect();
            let total_row = lookup::performance_row(table, performance, "总分");
            checker.sum(&Self::INFO, Term::cell(table, &total_row, "得分", total), &parts);
        }
    }
}
