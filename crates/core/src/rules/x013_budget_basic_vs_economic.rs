use super::{budget, declare_rule, lookup, Check};
use crate::check::Checker;
use crate::recognise::Form;
use crate::report::ParseReport;

declare_rule! {
    /// ## What
    /// A budget's 一般公共预算基本支出部门预算经济分类预算表 details the 基本支出 of its
    /// 一般公共预算支出功能分类预算表: its `合计` row's total equals the `合计` row's `基本支出`
    /// there, and so do its 人员经费 and 公用经费 together.
    ///
    /// ## Why
    /// The two tables classify the same 基本支出 two ways (by purpose and by economic nature).
    ///
    /// ## Example
    /// 经济分类 `合计 99,706,020 | 88,537,451 | 11,168,569` and 功能分类 `合计 … 基本支出 99,706,020`: holds.
    ///
    /// ## Source
    /// 上海市部门预算公开 templates; 《政府收支分类科目》 (部门预算支出经济分类); docs/domain.md §8.
    pub struct BudgetBasicVsEconomic {
        code: "X013",
        name: "budget-basic-vs-economic",
        title_zh: "经济分类预算表与基本支出不符",
        title_en: "Budget economic classification differs from 基本支出",
        category: CrossTable,
        severity: Error,
    }
}

impl Check for BudgetBasicVsEconomic {
    fn check(&self, document: &ParseReport, checker: &mut Checker) {
        let (Some((tg, general)), Some((tx, economic))) = (
            lookup::classified(document, Form::BudgetGeneral),
            lookup::classified(document, Form::BudgetBasicEconomic),
        ) else {
            return;
        };
        let (Some(total_g), Some(total_x)) = (&general.total, &economic.total) else { return };
        let Some((column_g, basic)) =
            budget::column_ending(general, "基本支出").and_then(|c| total_g.values.get(c).map(|v| (c, v)))
        else {
            return;
        };
        let basic = budget::cell(tg, total_g, column_g, basic);
        if let Some((column, stated)) =
            budget::total_column(economic).and_then(|c| total_x.values.get(c).map(|v| (c, v)))
        {
            checker.equal(&Self::INFO, budget::cell(tx, total_x, column, stated), basic.clone());
        }
        let split: Vec<_> = ["人员经费", "公用经费"]
            .iter()
            .filter_map(|end| {
                budget::column_ending(economic, end)
                    .and_then(|c| total_x.values.get(c).map(|v| (budget::cell(tx, total_x, c, v), true)))
            })
            .collect();
        if split.len() == 2 {
            checker.sum(&Self::INFO, basic, &split);
        }
    }
}
