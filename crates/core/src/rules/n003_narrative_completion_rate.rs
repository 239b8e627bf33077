use super::{declare_rule, Check};
use crate::check::Checker;
use crate::claims::{self, ClaimKind};
use crate::report::ParseReport;

declare_rule! {
    /// ## What
    /// A completion rate stated with its budget and actual (`年初预算为235.26万元，支出决算为
    /// 211.6万元，完成年初预算的89.95%`) equals actual ÷ budget. Budget and actual stated in
    /// different units (`年初预算为26.53元，支出决算为26.53万元`) are a unit slip reported by
    /// the lints, not recomputed here; a zero budget is N005's.
    ///
    /// ## Why
    /// `完成预算的100%` copied into every paragraph of a 三公 or 项目 explanation is common.
    ///
    /// ## Example
    /// `公务接待费支出预算为20万元，支出决算为9.71万元，完成预算的100%`: 9.71 ÷ 20 = 48.55%, broken.
    ///
    /// ## Source
    /// 部门决算公开 情况说明 template (五(三), 七 三公, 一般性支出); 绩效自评报告; docs/domain.md §5.
    pub struct NarrativeCompletionRate {
        code: "N003",
        name: "narrative-completion-rate",
        title_zh: "文中预算完成率与预算数、决算数不符",
        title_en: "Stated completion rate does not follow from budget and actual",
        category: Narrative,
        severity: Error,
    }
}

impl Check for NarrativeCompletionRate {
    fn check(&self, _document: &ParseReport, checker: &mut Checker) {
        for claim in checker.claims() {
            let ClaimKind::Completion { subject, budget, actual, percent: Some(percent), .. } = &claim.kind else {
                continue;
            };
            if budget.unit != actual.unit || budget.is_zero() {
                continue;
            }
            let (Some(budget_amount), Some(actual_amount), Some(stated)) =
                (budget.amount(), actual.amount(), percent.amount())
            else {
                continue;
            };
            let subject = if subject.is_empty() { String::new() } else { format!("{subject} ") };
            checker.ratio(
                &Self::INFO,
                claims::term(format!("文中 {subject}完成率"), &stated),
                claims::term("决算数", &actual_amount),
                claims::term("预算数", &budget_amount),
            );
        }
    }
}
