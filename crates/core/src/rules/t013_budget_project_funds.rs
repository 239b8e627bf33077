use super::{declare_rule, Check};
use crate::check::Checker;
use crate::finding::Term;
use crate::model::TableModel;
use crate::report::ParseReport;

declare_rule! {
    /// ## What
    /// In each 项目支出绩效目标表 of a budget (财政项目支出绩效目标填报表, one per project):
    /// `项目资金总额` = `财政资金` + `其他资金`, and `年度资金申请总额` = `当年财政拨款` +
    /// `上年结转资金` + `其他资金`. The message names the project.
    ///
    /// ## Why
    /// The table states a project's funds as a total and the sources it splits into; a total
    /// its sources do not make up misstates what the project costs or how it is funded.
    ///
    /// ## Example
    /// `公共服务设施运行经费`: `年度资金申请总额 10,903,043.00`, `其中：当年财政拨款 11,419,043.00`,
    /// `上年结转资金 0.00`, `其他资金 0.00`: the sources add up to 516,000.00 more than the total.
    ///
    /// ## Source
    /// 上海市财政项目支出绩效目标填报表 (published with 部门预算); 财预〔2020〕10号; docs/domain.md §8.
    pub struct BudgetProjectFunds {
        code: "T013",
        name: "budget-project-funds",
        title_zh: "项目资金总额与其构成不符",
        title_en: "Project funds differ from their sources",
        category: TableArithmetic,
        severity: Error,
    }
}

impl Check for BudgetProjectFunds {
    fn check(&self, document: &ParseReport, checker: &mut Checker) {
        for table in &document.tables {
            let TableModel::ProjectGoals(goals) = &table.model else { continue };
            let project = goals.project.as_deref().unwrap_or_default();
            for total in ["项目资金总额", "年度资金申请总额"] {
                let Some(stated) = goals.funds.get(total) else { continue };
                let parts: Vec<(Term, bool)> = goals
                    .funds
                    .iter()
                    .filter_map(|(key, amount)| {
                        Some((Term::cell(table, project, key.strip_prefix(total)?.strip_prefix('/')?, amount), true))
                    })
                    .collect();
                if !parts.is_empty() {
                    checker.sum(&Self::INFO, Term::cell(table, project, total, stated), &parts);
                }
            }
        }
    }
}
