use super::{budget, declare_rule, lookup, Check};
use crate::check::Checker;
use crate::recognise::Form;
use crate::report::ParseReport;

declare_rule! {
    /// ## What
    /// A budget's 收入预算总表 and 支出预算总表 classify the same money by 支出功能分类: the `合计`
    /// column of each 科目 row (and of the `合计` row) is the same in both tables.
    ///
    /// ## Why
    /// A budget plans income for each 科目 to be spent on it: income and spending by function
    /// must agree row by row, not only in total.
    ///
    /// ## Example
    /// 收入预算总表 `201 一般公共服务支出 2,932,700` and 支出预算总表 `201 … 2,932,700`: holds.
    ///
    /// ## Source
    /// 上海市部门预算公开 templates (部门收入预算总表, 部门支出预算总表); docs/domain.md §8.
    pub struct BudgetIncomeVsExpenditure {
        code: "X009",
        name: "budget-income-vs-expenditure",
        title_zh: "收入预算总表与支出预算总表不符",
        title_en: "Budget income table differs from expenditure table",
        category: CrossTable,
        severity: Error,
    }
}

impl Check for BudgetIncomeVsExpenditure {
    fn check(&self, document: &ParseReport, checker: &mut Checker) {
        let (Some((ti, income)), Some((te, expenditure))) =
            (lookup::classified(document, Form::BudgetIncome), lookup::classified(document, Form::BudgetExpenditure))
        else {
            return;
        };
        let (Some(ci), Some(ce)) = (budget::total_column(income), budget::total_column(expenditure)) else { return };
        for row in budget::rows(expenditure) {
            let (Some(spent), Some(other)) = (row.values.get(ce), budget::same_row(income, row)) else { continue };
            if let Some(received) = other.values.get(ci) {
                checker.equal(&Self::INFO, budget::cell(te, row, ce, spent), budget::cell(ti, other, ci, received));
            }
        }
    }
}
