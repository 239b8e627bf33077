#![deny(clippy::arithmetic_side_effects)]

use super::{declare_rule, Check};
use crate::check::Checker;
use crate::claims::{self, ChangeBasis, ClaimKind, Direction};
use crate::report::ParseReport;

declare_rule! {
    /// ## What
    /// A rate of change stated with its change (`收、支总计280.72万元。与上年相比，减少116.72万元，
    /// 减少29.37%`) equals the change divided by the figure it is measured against: the prior
    /// figure is this year's figure minus the change when it 增加, plus the change when it
    /// 减少 (`比年初预算数减少A万元，降低B%`: the budget is X + A).
    ///
    /// ## Why
    /// Dividing by this year's figure instead of the prior one, or copying last year's rate,
    /// gives a rate that does not follow from the stated change.
    ///
    /// ## Example
    /// 280.72, 减少116.72: prior 397.44, 116.72 ÷ 397.44 = 29.37%, holds. `减少15.30%` after
    /// `280.72万元 … 减少71.81万元` does not: 71.81 ÷ 352.53 = 20.37%.
    ///
    /// ## Source
    /// 部门决算公开 情况说明 template (一, 四, 五(一), 七, 机关运行经费); docs/domain.md §5.
    pub struct NarrativeChangeRate {
        code: "N002",
        name: "narrative-change-rate",
        title_zh: "文中增减率与增减额不符",
        title_en: "Stated rate of change does not follow from the change",
        category: Narrative,
        severity: Error,
    }
}

impl Check for NarrativeChangeRate {
    fn check(&self, _document: &ParseReport, checker: &mut Checker) {
        for claim in checker.claims() {
            let ClaimKind::Change { basis, direction, delta, rate: Some(rate), current: Some(current), .. } =
                &claim.kind
            else {
                continue;
            };
            let (Some(delta_amount), Some(current_amount), Some(stated)) =
                (delta.amount(), current.amount(), rate.amount())
            else {
                continue;
            };
            let (d, c) = (delta_amount.number, current_amount.number);
            let (prior_value, sign) = match direction {
                Direction::Increase => (crate::rounding::sub(c.value, d.value), "−"),
                Direction::Decrease => (crate::rounding::add(c.value, d.value), "+"),
            };
            let Some(prior_value) = prior_value else { continue };
            let prior = claims::derived(prior_value, [&c, &d], current.at);
            let base = match basis {
                ChangeBasis::PriorYear => "上年数",
                ChangeBasis::Budget => "年初预算数",
            };
            let prior_label = format!("{base}（{} {sign} {}）", current.raw, delta.raw);
            checker.ratio(
                &Self::INFO,
                claims::term("文中 增减率", &stated),
                claims::term("文中 增减额", &delta_amount),
                claims::term(prior_label, &prior),
            );
        }
    }
}
