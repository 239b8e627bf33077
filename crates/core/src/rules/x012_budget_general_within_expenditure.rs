use super::{budget, declare_rule, lookup, Check};
use crate::check::Checker;
use crate::recognise::Form;
use crate::report::ParseReport;

declare_rule! {
    /// ## What
    /// A budget's 一般公共预算支出功能分类预算表 against its 支出预算总表, row by row (the `合计` row
    /// and each 科目编码) and column by column (合计, 基本支出, 项目支出): the 一般公共预算 figure is
    /// at most the whole, and equal to it when all the budget's money is 一般公共预算 (the two
    /// `合计` rows show the same total).
    ///
    /// ## Why
    /// 一般公共预算 is one source of the spending the 支出预算总表 lists; a 单位预算 with 事业收入
    /// spends more than it, a 部门预算 funded only by 一般公共预算 exactly as much.
    ///
    /// ## Example
    /// `2120101 行政运行 16,603,248 | 16,353,248 | 250,000` in both tables: holds.
    ///
    /// ## Source
    /// 上海市部门预算公开 templates (部门支出预算总表, 部门一般公共预算支出功能分类预算表); docs/domain.md §8.
    pub struct BudgetGeneralWithinExpenditure {
        code: "X012",
        name: "budget-general-within-expenditure",
        title_zh: "一般公共预算支出与支出预算总表不符",
        title_en: "Budget 一般公共预算 spending differs from the expenditure table",
        category: CrossTable,
        severity: Error,
    }
}

impl Check for BudgetGeneralWithinExpenditure {
    fn check(&self, document: &ParseReport, checker: &mut Checker) {
        let (Some((tg, general)), Some((te, expenditure))) =
            (lookup::classified(document, Form::BudgetGeneral), lookup::classified(document, Form::BudgetExpenditure))
        else {
            return;
        };
        let (Some(total_g), Some(total_e)) = (budget::total_column(general), budget::total_column(expenditure)) else {
            return;
        };
        let parts = ["基本支出", "项目支出"]
            .map(|end| budget::column_ending(general, end).zip(budget::column_ending(expenditure, end)));
        let columns: Vec<(&str, &str)> =
            std::iter::once((total_g, total_e)).chain(parts.into_iter().flatten()).collect();
        let grand = |table: &crate::model::ClassifiedTable, column: &str| {
            table.total.as_ref().and_then(|r| r.values.get(column)).map(|a| a.number.value)
        };
        let all_general = grand(general, total_g).is_some() && grand(general, total_g) == grand(expenditure, total_e);
        for row in budget::rows(general) {
            let Some(other) = budget::same_row(expenditure, row) else { continue };
            for &(column_g, column_e) in &columns {
                let (Some(part), Some(whole)) = (row.values.get(column_g), other.values.get(column_e)) else {
                    continue;
                };
                let (part, whole) = (budget::cell(tg, row, column_g, part), budget::cell(te, other, column_e, whole));
                if all_general {
                    checker.equal(&Self::INFO, part, whole);
                } else {
                    checker.at_most(&Self::INFO, part, whole);
                }
            }
        }
    }
}
