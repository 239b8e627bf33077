use super::{budget, declare_rule, lookup, Check};
use crate::check::Checker;
use crate::finding::Term;
use crate::recognise::Form;
use crate::report::ParseReport;

declare_rule! {
    /// ## What
    /// A budget's 经济分类 lines for the 三公 items are at most the items of its “三公”经费和机关
    /// 运行经费预算表: 因公出国(境)费用, 公务接待费, 公务用车运行维护费 and 公务用车购置 (by name)
    /// ≤ 因公出国(境)费, 公务接待费, 运行费 and 购置费. The 经济分类 table is in 元 and the 三公
    /// table in 万元: the 元 figure is compared in 万元.
    ///
    /// ## Why
    /// The 经济分类 table covers 基本支出 only; the 三公 budget also covers 项目支出, so it may be
    /// larger, never smaller.
    ///
    /// ## Example
    /// 经济分类 `30217 公务接待费 13,500` (元) and 三公 `公务接待费 1.35` (万元): holds.
    ///
    /// ## Source
    /// 上海市部门预算公开 templates; 《党政机关厉行节约反对浪费条例》 (三公经费); docs/domain.md §8.
    pub struct BudgetThreePublicVsEconomic {
        code: "X014",
        name: "budget-three-public-vs-economic",
        title_zh: "经济分类“三公”科目超过“三公”经费预算",
        title_en: "Budget economic 三公 line exceeds the 三公 budget",
        category: CrossTable,
        severity: Error,
    }
}

impl Check for BudgetThreePublicVsEconomic {
    fn check(&self, document: &ParseReport, checker: &mut Checker) {
        let (Some((tp, three)), Some((tx, economic))) =
            (budget::three_public(document), lookup::classified(document, Form::BudgetBasicEconomic))
        else {
            return;
        };
        let Some(total_x) = budget::total_column(economic) else { return };
        let f = &three.figures;
        let items = [
            ("因公出国", "因公出国(境)费", &f.abroad),
            ("公务接待", "公务接待费", &f.reception),
            ("公务用车运行", "运行费", &f.vehicle_operation),
            ("公务用车购置", "购置费", &f.vehicle_purchase),
        ];
        for row in &economic.rows {
            let Some(value) = row.values.get(total_x) else { continue };
            let Some((_, column, Some(budgeted))) = items.iter().find(|(name, _, _)| row.label.starts_with(name))
            else {
                continue;
            };
            let converted = budget::in_ten_thousand(tx, value);
            let budgeted = budget::in_ten_thousand(tp, budgeted);
            checker.at_most(
                &Self::INFO,
                budget::in_unit(tx, budget::cell(tx, row, total_x, &converted)),
                budget::in_unit(tp, Term::cell(tp, "预算数", column, &budgeted)),
            );
        }
    }
}
