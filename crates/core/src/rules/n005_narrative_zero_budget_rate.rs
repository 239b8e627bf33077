use super::{declare_rule, verdicts, Check};
use crate::check::Checker;
use crate::claims::ClaimKind;
use crate::report::ParseReport;

declare_rule! {
    /// ## What
    /// A completion rate is not stated against a zero budget: `年初预算为0万元，支出决算为
    /// 69.12万元，完成年初预算的0%` divides by nothing. Every completion sentence with a zero
    /// budget and spending is checked; nothing budgeted and nothing spent (`预算为0万元，支出
    /// 决算为0万元，完成预算的100%`) is not reported, whatever rate follows.
    ///
    /// ## Why
    /// The template sentence was filled in mechanically; the right wording drops the rate and
    /// explains the spending without a budget (`年初无预算，年中追加…`).
    ///
    /// ## Example
    /// `年初预算为0万元，支出决算为69.12万元，完成年初预算的0%`: reported.
    ///
    /// ## Source
    /// 部门决算公开 情况说明 template (五(三)); docs/domain.md §5 (A = 0 with a percentage is a defect).
    pub struct NarrativeZeroBudgetRate {
        code: "N005",
        name: "narrative-zero-budget-rate",
        title_zh: "年初预算为0却写出完成率",
        title_en: "Completion rate stated against a zero budget",
        category: Narrative,
        severity: Warning,
    }
}

impl Check for NarrativeZeroBudgetRate {
    fn check(&self, _document: &ParseReport, checker: &mut Checker) {
        for claim in checker.claims() {
            let ClaimKind::Completion { budget, actual, percent, .. } = &claim.kind else { continue };
            if budget.unit != actual.unit || !budget.is_zero() || actual.is_zero() {
                continue;
            }
            let Some(percent) = percent else {
                checker.held(&Self::INFO);
                continue;
            };
            let message = format!(
                "{}：{}{}、{}{}，却写出完成率 {}",
                Self::INFO.title_zh,
                budget.label,
                budget.raw,
                actual.label,
                actual.raw,
                percent.raw
            );
            let message_en = format!(
                "{}: the budget is {} and the actual {}, yet a rate of {} is stated",
                Self::INFO.title_en,
                budget.raw,
                actual.raw,
                percent.raw
            );
            let derivation = format!("{} ÷ {}：分母为 0，没有完成率", actual.raw, budget.raw);
            checker.require(&Self::INFO, false, verdicts::figure_location(percent), message, message_en, derivation);
        }
    }
}
