use super::{declare_rule, lookup, Check};
use crate::check::Checker;
use crate::finding::Term;
use crate::recognise::Form;
use crate::report::ParseReport;

declare_rule! {
    /// ## What
    /// 一般公共预算财政拨款支出决算表 (05) 合计 `基本支出` = 基本支出决算明细表 (06)
    /// `人员经费合计` + `公用经费合计`.
    ///
    /// ## Why
    /// 06 breaks down by economic class exactly the 基本支出 that 05 reports by function.
    ///
    /// ## Example
    /// 05 合计 基本支出 `211.60`; 06 `人员经费合计 35.20`, `公用经费合计 176.40`: holds.
    ///
    /// ## Source
    /// 部门决算公开 templates (公开05表, 公开06表); docs/domain.md §4 (across tables).
    pub struct BasicExpenditureVsEconomic {
        code: "X003",
        name: "basic-expenditure-vs-economic",
        title_zh: "基本支出与人员经费、公用经费之和不符",
        title_en: "Basic spending differs from the personnel and public expense totals",
        category: CrossTable,
        severity: Error,
    }
}

impl Check for BasicExpenditureVsEconomic {
    fn check(&self, document: &ParseReport, checker: &mut Checker) {
        let (Some((t05, general)), Some((t06, economic))) =
            (lookup::classified(document, Form::GeneralBudgetExpenditure), lookup::economic(document))
        else {
            return;
        };
        let Some(column) = general.columns.iter().find(|c| c.rsplit('/').next() == Some("基本支出")) else {
            return;
        };
        let (Some(stated), Some(personnel), Some(public)) = (
            general.total.as_ref().and_then(|t| t.values.get(column)),
            &economic.personnel_total,
            &economic.public_total,
        ) else {
            return;
        };
        let parts = [
            (Term::cell(t06, "人员经费合计", "决算数", personnel), true),
            (Term::cell(t06, "公用经费合计", "决算数", public), true),
        ];
        checker.sum(&Self::INFO, Term::cell(t05, "合计", column, stated), &parts);
    }
}
