use super::{budget, declare_rule, Check};
use crate::check::Checker;
use crate::finding::Term;
use crate::model::Side;
use crate::recognise::Form;
use crate::report::ParseReport;

declare_rule! {
    /// ## What
    /// In a budget's 财务收支预算总表 and 财政拨款收支预算总表, `收入总计` equals `支出总计`
    /// (its total column).
    ///
    /// ## Why
    /// A budget is balanced: every yuan budgeted to come in is budgeted to be spent.
    ///
    /// ## Example
    /// `收入总计 156,211,123` and `支出总计 156,211,123`: holds.
    ///
    /// ## Source
    /// 《预算法》 (收支平衡); 上海市部门预算公开 templates; docs/domain.md §8.
    pub struct BudgetSummaryBalance {
        code: "T012",
        name: "budget-summary-balance",
        title_zh: "预算收入总计与支出总计不等",
        title_en: "Budget income total differs from expenditure total",
        category: TableArithmetic,
        severity: Error,
    }
}

impl Check for BudgetSummaryBalance {
    fn check(&self, document: &ParseReport, checker: &mut Checker) {
        for form in [Form::BudgetSummary, Form::BudgetFiscalGrantSummary] {
            let Some((table, summary)) = super::lookup::summary(document, form) else { continue };
            let (Some(income), Some(expenditure)) = (
                budget::summary_line(summary, Side::Income, "收入总计"),
                budget::summary_line(summary, Side::Expenditure, "支出总计"),
            ) else {
                continue;
            };
            if let (Some((ci, vi)), Some((ce, ve))) =
                (budget::first_value(summary, income), budget::first_value(summary, expenditure))
            {
                checker.equal(
                    &Self::INFO,
                    Term::cell(table, &expenditure.label, ce, ve),
                    Term::cell(table, &income.label, ci, vi),
                );
            }
        }
    }
}
