use super::{declare_rule, Check};
use crate::check::Checker;
use crate::claims::{self, bind};
use crate::report::ParseReport;

declare_rule! {
    /// ## What
    /// The 三公 figures of the text equal table 09: a budget (`公务接待费支出预算为20万元`) its
    /// 预算数, an actual (`支出决算为9.71万元`, `公务接待费支出决算9.71万元`) its 决算数, for the
    /// item the sentence names (合计, 因公出国(境)费, 公务用车购置及运行费 and its two parts,
    /// 公务接待费).
    ///
    /// ## Why
    /// 三公 figures are the most read part of a disclosure; a budget in the text that is not
    /// the table's (the table showing 预算数 = 决算数, the text the original budget) leaves the
    /// reader with two budgets.
    ///
    /// ## Example
    /// `因公出国（境）费支出预算为20万元` with 09 预算数 因公出国(境)费 `49.98`: broken.
    ///
    /// ## Source
    /// 部门决算公开 情况说明 template (七 三公); 公开09表; docs/domain.md §5.
    pub struct NarrativeThreePublicVsTable {
        code: "N008",
        name: "narrative-three-public-vs-table",
        title_zh: "文中“三公”经费与“三公”经费支出决算表不符",
        title_en: "三公 figure in the text differs from the 三公 expenditure table",
        category: Narrative,
        severity: Error,
    }
}

impl Check for NarrativeThreePublicVsTable {
    fn check(&self, _document: &ParseReport, checker: &mut Checker) {
        for (_, bindings) in checker.bound_claims() {
            for binding in bindings {
                let side = match binding.role {
                    bind::Role::ThreePublicBudget => "预算",
                    bind::Role::ThreePublicActual => "决算",
                    _ => continue,
                };
                let Some(stated) = binding.figure.amount() else { continue };
                let cell = &binding.cells[0];
                checker.equal(&Self::INFO, claims::term(format!("文中 {} {side}", cell.row), &stated), cell.term());
            }
        }
    }
}
