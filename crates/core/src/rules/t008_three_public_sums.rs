use super::{declare_rule, lookup, Check};
use crate::check::Checker;
use crate::finding::Term;
use crate::model::ThreePublicFigures;
use crate::recognise::RecognisedTable;
use crate::report::ParseReport;

declare_rule! {
    /// ## What
    /// In 财政拨款“三公”经费支出决算表 (09), for 预算数 and for 决算数, and in a budget's
    /// “三公”经费和机关运行经费预算表: `合计` = 因公出国(境)费 + 公务用车购置及运行(维护)费 小计 +
    /// 公务接待费, and `小计` = 公务用车购置费 + 公务用车运行(维护)费.
    ///
    /// ## Why
    /// The 三公 total is the most watched figure of a disclosure; it must be its three items.
    ///
    /// ## Example
    /// `26.42 | 0.00 | 16.71 | 0.00 | 16.71 | 9.71`: holds.
    ///
    /// ## Source
    /// 部门决算公开 template 公开09表; 部门预算公开 templates (“三公”经费和机关运行经费预算表);
    /// docs/domain.md §4, §8.
    pub struct ThreePublicSums {
        code: "T008",
        name: "three-public-sums",
        title_zh: "“三公”经费合计与分项不符",
        title_en: "三公 total differs from its items",
        category: TableArithmetic,
        severity: Error,
    }
}

impl Check for ThreePublicSums {
    fn check(&self, document: &ParseReport, checker: &mut Checker) {
        if let Some((table, three)) = lookup::three_public(document) {
            for (column, f) in [("预算数", &three.budget), ("决算数", &three.actual)] {
                check_figures(checker, table, column, f);
            }
        }
        #[cfg(feature = "budget")]
        if let Some((table, three)) = super::budget::three_public(document) {
            check_figures(checker, table, "预算数", &three.figures);
        }
    }
}

fn check_figures(checker: &mut Checker, table: &RecognisedTable, column: &str, f: &ThreePublicFigures) {
    let term = |row: &str, amount| Term::cell(table, row, column, amount);
    if let (Some(total), Some(abroad), Some(vehicle), Some(reception)) =
        (&f.total, &f.abroad, &f.vehicle_subtotal, &f.reception)
    {
        let parts = [
            (term("因公出国(境)费", abroad), true),
            (term("公务用车购置及运行费小计", vehicle), true),
            (term("公务接待费", reception), true),
        ];
        checker.sum(&ThreePublicSums::INFO, term("合计", total), &parts);
    }
    if let (Some(vehicle), Some(purchase), Some(operation)) =
        (&f.vehicle_subtotal, &f.vehicle_purchase, &f.vehicle_operation)
    {
        let parts = [(term("公务用车购置费", purchase), true), (term("公务用车运行费", operation), true)];
        checker.sum(&ThreePublicSums::INFO, term("公务用车购置及运行费小计", vehicle), &parts);
    }
}
