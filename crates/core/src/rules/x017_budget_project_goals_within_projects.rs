use super::{budget, declare_rule, lookup, Check};
use crate::check::Checker;
use crate::claims::{self, ClaimKind};
use crate::finding::Term;
use crate::ingest::contains;
use crate::model::{Amount, TableModel};
use crate::recognise::Form;
use crate::report::ParseReport;

declare_rule! {
    /// ## What
    /// The projects a budget sets 绩效目标 for are among its 项目支出: the 年度资金申请总额 of its
    /// 项目支出绩效目标表, added up, and the 项目预算资金 the text says the 绩效目标 cover
    /// (`编报绩效目标的项目50个，涉及项目预算资金5634.81万元`) are each at most the 项目支出 of the
    /// 支出预算总表 (`合计` row); and the goal tables published are at most as many as the
    /// projects the text says have goals (`编报绩效目标的项目5个`). Not equal: a budget publishes
    /// the goal tables of its main projects only, and not every project carries a goal.
    ///
    /// ## Why
    /// A project's goal states the money it is budgeted; goals over more money than all the
    /// projects together have been given a figure that is not in the budget.
    ///
    /// ## Example
    /// Five 项目支出绩效目标表 asking 33,513,343.00 元 and the text's `3328.13万元`, against a
    /// 项目支出 of `65,572,343` 元: both hold.
    ///
    /// ## Source
    /// 部门预算公开 template (绩效目标设置情况, 项目支出绩效目标表); docs/domain.md §8.
    pub struct BudgetProjectGoalsWithinProjects {
        code: "X017",
        name: "budget-project-goals-within-projects",
        title_zh: "绩效目标所涉项目与项目支出不符",
        title_en: "Projects under 绩效目标 do not fit the budget's 项目支出",
        category: CrossTable,
        severity: Error,
    }
}

impl Check for BudgetProjectGoalsWithinProjects {
    fn check(&self, document: &ParseReport, checker: &mut Checker) {
        let Some((te, expenditure)) = lookup::classified(document, Form::BudgetExpenditure) else { return };
        let Some((column, projects)) = budget::column_ending(expenditure, "项目支出")
            .and_then(|c| expenditure.total.as_ref()?.values.get(c).map(|v| (c, v)))
        else {
            return;
        };
        let projects = budget::in_ten_thousand(te, projects);
        let whole = || budget::in_unit(te, Term::cell(te, "合计", column, &projects));
        let asked: Vec<Amount> = document
            .tables
            .iter()
            .filter_map(|t| match &t.model {
                TableModel::ProjectGoals(goals) => {
                    goals.funds.get("年度资金申请总额").map(|amount| budget::in_ten_thousand(t, amount))
                }
                _ => None,
            })
            .collect();
        if let Some(first) = asked.first() {
            let total =
                asked.iter().try_fold(rust_decimal::Decimal::ZERO, |sum, a| crate::rounding::add(sum, a.number.value));
            if let Some(total) = total {
                let sum = claims::derived(total, asked.iter().map(|a| &a.number), first.at);
                let label = format!("{}个项目支出绩效目标表 年度资金申请总额之和（万元）", asked.len());
                checker.at_most(&Self::INFO, claims::term(label, &sum), whole());
            }
        }
        for claim in checker.claims() {
            match &claim.kind {
                ClaimKind::Amount { figure, .. }
                    if contains(&figure.label, "项目预算资金") && !figure.label.contains(['比', '较']) =>
                {
                    let Some(stated) = figure.amount() else { continue };
                    checker.at_most(&Self::INFO, claims::term(format!("文中 {}", figure.name()), &stated), whole());
                }
                // `编报绩效目标的项目5个`: at least as many as the goal tables published.
                ClaimKind::Count { figure, .. } if !asked.is_empty() && contains(&figure.label, "绩效目标的项目") =>
                {
                    let Some(stated) = figure.amount() else { continue };
                    let tables = claims::derived(asked.len().into(), [&stated.number], stated.at);
                    checker.at_most(
                        &Self::INFO,
                        claims::term("项目支出绩效目标表的张数", &tables),
                        claims::term(format!("文中 {}", figure.name()), &stated),
                    );
                }
                _ => {}
            }
        }
    }
}
