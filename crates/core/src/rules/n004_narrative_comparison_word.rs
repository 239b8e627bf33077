use super::{declare_rule, Check};
use crate::check::Checker;
use crate::claims::{self, ClaimKind, Comparison};
use crate::report::ParseReport;

declare_rule! {
    /// ## What
    /// The comparison word of a completion sentence agrees with its figures:
    /// `决算数大于年初预算数` (or `全年预算数`) needs actual ≥ budget, `小于` actual ≤ budget,
    /// `等于` and `决算数与全年预算数持平` equal (each allowing for rounding); the comparison may
    /// open the sentence after the figures (`…支出决算为11.72万元。决算数与全年预算数持平`).
    /// Sentences whose budget and actual are in different units are left to the unit-slip lint.
    ///
    /// ## Why
    /// The explanation that follows (`主要原因是…`) explains a direction; if the word is wrong
    /// the explanation is of something that did not happen.
    ///
    /// ## Example
    /// `年初预算为181.11万元，支出决算为185.04万元，…决算数小于年初预算数`: 185.04 > 181.11, broken.
    ///
    /// ## Source
    /// 部门决算公开 情况说明 template (五(三), 七 三公); docs/domain.md §5.
    pub struct NarrativeComparisonWord {
        code: "N004",
        name: "narrative-comparison-word",
        title_zh: "决算数与预算数的大小关系与文字不符",
        title_en: "Comparison word contradicts budget and actual",
        category: Narrative,
        severity: Error,
    }
}

impl Check for NarrativeComparisonWord {
    fn check(&self, _document: &ParseReport, checker: &mut Checker) {
        for claim in checker.claims() {
            let ClaimKind::Completion { budget, actual, comparison: Some(comparison), .. } = &claim.kind else {
                continue;
            };
            if budget.unit != actual.unit {
                continue;
            }
            let (Some(budget_amount), Some(actual_amount)) = (budget.amount(), actual.amount()) else { continue };
            let said = format!("（文中：{}）", comparison.raw);
            let actual_term = claims::term(format!("决算数{said}"), &actual_amount);
            let budget_term = claims::term("预算数", &budget_amount);
            match comparison.comparison {
                Comparison::Greater => checker.at_most(
                    &Self::INFO,
                    claims::term(format!("预算数{said}"), &budget_amount),
                    claims::term("决算数", &actual_amount),
                ),
                Comparison::Less => checker.at_most(&Self::INFO, actual_term, budget_term),
                Comparison::Equal => checker.equal(&Self::INFO, actual_term, budget_term),
            }
            // The word the figures ask for, in place of the one written.
            let right = match actual_amount.number.value.cmp(&budget_amount.number.value) {
                std::cmp::Ordering::Greater => "大于",
                std::cmp::Ordering::Less => "小于",
                std::cmp::Ordering::Equal => "等于",
            };
            checker.reword(&comparison.at, &comparison.raw, right);
        }
    }
}
