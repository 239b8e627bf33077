use super::{budget, declare_rule, lookup, Check};
use crate::check::Checker;
use crate::finding::Term;
use crate::recognise::Form;
use crate::report::ParseReport;

declare_rule! {
    /// ## What
    /// A budget's 机关运行经费 (“三公”经费和机关运行经费预算表, 万元) is at most the 公用经费 of its
    /// 一般公共预算基本支出部门预算经济分类预算表 (`合计` row, 元, compared in 万元).
    ///
    /// ## Why
    /// 机关运行经费 is the 公用经费 of the 行政单位 and 参公事业单位 among the budget's units: part
    /// of the 公用经费, equal to it when only such units are included.
    ///
    /// ## Example
    /// `机关运行经费 443.18` (万元) and `公用经费 11,168,569` (元): holds.
    ///
    /// ## Source
    /// 财政部 部门预算公开 名词解释 (机关运行经费); docs/domain.md §8.
    pub struct BudgetOperatingWithinPublic {
        code: "X015",
        name: "budget-operating-within-public",
        title_zh: "机关运行经费超过公用经费",
        title_en: "Budget 机关运行经费 exceeds 公用经费",
        category: CrossTable,
        severity: Error,
    }
}

impl Check for BudgetOperatingWithinPublic {
    fn check(&self, document: &ParseReport, checker: &mut Checker) {
        let (Some((tp, three)), Some((tx, economic))) =
            (budget::three_public(document), lookup::classified(document, Form::BudgetBasicEconomic))
        else {
            return;
        };
        let (Some(operating), Some(total)) = (&three.operating, &economic.total) else { return };
        let Some((column, public)) =
            budget::column_ending(economic, "公用经费").and_then(|c| total.values.get(c).map(|v| (c, v)))
        else {
            return;
        };
        let public = budget::in_ten_thousand(tx, public);
        let operating = budget::in_ten_thousand(tp, operating);
        checker.at_most(
            &Self::INFO,
            budget::in_unit(tp, Term::cell(tp, "预算数", "机关运行经费", &operating)),
            budget::in_unit(tx, budget::cell(tx, total, column, &public)),
        );
    }
}
