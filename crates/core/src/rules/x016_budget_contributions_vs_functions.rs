use super::{budget, declare_rule, lookup, Check};
use crate::check::Checker;
use crate::recognise::Form;
use crate::report::ParseReport;

/// Economic lines of the 基本支出 (经济分类科目编码) and the function 项 that carry the same
/// contributions (功能分类科目编码).
const CONTRIBUTIONS: [(&str, &[&str]); 4] = [
    // 机关事业单位基本养老保险缴费 — 机关事业单位基本养老保险缴费支出
    ("30108", &["2080505"]),
    // 职业年金缴费 — 机关事业单位职业年金缴费支出
    ("30109", &["2080506"]),
    // 职工基本医疗保险缴费 — 行政单位医疗 + 事业单位医疗
    ("30110", &["2101101", "2101102"]),
    // 住房公积金 — 住房公积金
    ("30113", &["2210201"]),
];

declare_rule! {
    /// ## What
    /// In a budget, each social contribution of the 一般公共预算基本支出部门预算经济分类预算表
    /// equals the 基本支出 of the function 项 that carries it in the
    /// 一般公共预算支出功能分类预算表: 30108 机关事业单位基本养老保险缴费 = 2080505, 30109 职业年金缴费
    /// = 2080506, 30110 职工基本医疗保险缴费 = 2101101 行政单位医疗 + 2101102 事业单位医疗, 30113
    /// 住房公积金 = 2210201. Compared when both tables are in the same unit.
    ///
    /// ## Why
    /// These contributions are paid from the 基本支出 and classified once by nature and once by
    /// purpose: a difference means one of the two tables was filled from other figures.
    ///
    /// ## Example
    /// 经济分类 `30110 职工基本医疗保险缴费 3,023,657` and 功能分类 基本支出 `2101101 行政单位医疗
    /// 1,422,233`, `2101102 事业单位医疗 1,601,424`: holds (1,422,233 + 1,601,424 = 3,023,657).
    ///
    /// ## Source
    /// 《政府收支分类科目》 (支出功能分类 208、210、221 and 部门预算支出经济分类 301); 上海市部门预算公开
    /// templates; docs/domain.md §8.
    pub struct BudgetContributionsVsFunctions {
        code: "X016",
        name: "budget-contributions-vs-functions",
        title_zh: "社会保障缴费经济分类与功能分类不符",
        title_en: "Social contributions differ between economic and function classification",
        category: CrossTable,
        severity: Error,
    }
}

impl Check for BudgetContributionsVsFunctions {
    fn check(&self, document: &ParseReport, checker: &mut Checker) {
        let (Some((tg, general)), Some((tx, economic))) = (
            lookup::classified(document, Form::BudgetGeneral),
            lookup::classified(document, Form::BudgetBasicEconomic),
        ) else {
            return;
        };
        let (Some(basic), Some(total)) = (budget::column_ending(general, "基本支出"), budget::total_column(economic))
        else {
            return;
        };
        if tg.unit != tx.unit {
            return;
        }
        for (economic_code, function_codes) in CONTRIBUTIONS {
            let Some((row, stated)) =
                lookup::row(economic, economic_code).and_then(|row| row.values.get(total).map(|v| (row, v)))
            else {
                continue;
            };
            let parts: Vec<_> = function_codes
                .iter()
                .filter_map(|code| lookup::row(general, code))
                .filter_map(|item| item.values.get(basic).map(|v| (budget::cell(tg, item, basic, v), true)))
                .collect();
            if !parts.is_empty() {
                checker.sum(&Self::INFO, budget::cell(tx, row, total, stated), &parts);
            }
        }
    }
}
