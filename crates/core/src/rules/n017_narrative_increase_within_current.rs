use super::{declare_rule, lookup, Check};
use crate::check::Checker;
use crate::claims::{self, ClaimKind, Direction};
use crate::report::ParseReport;

declare_rule! {
    /// ## What
    /// An increase the text states with the figure it led to (`支出预算X万元，比上年增加D万元`)
    /// is at most that figure: the figure before it, X − D, is not negative. Only a figure of
    /// the increase's own sentence is taken as what it led to (the figure read before it may
    /// close the sentence before: `…其他收入0万元。收入预算较上年增加21.74万元`). Each stated
    /// increase with its current figure in one sentence is one relation.
    ///
    /// ## Why
    /// Budgets and spending are not negative; an increase larger than the figure it led to is
    /// a sentence copied from another line or year and not updated (`政府性基金拨款支出预算0万元，
    /// 比2022年预算增加1421.25万元`), or a figure typed in the wrong place.
    ///
    /// ## Example
    /// `政府性基金拨款支出预算0万元，比2022年预算增加1421.25万元`: error (the 2022 figure would be
    /// −1421.25万元). `支出预算1,212.12万元，比2023年预算增加0.46万元`: holds.
    ///
    /// ## Source
    /// 部门决算 and 部门预算 情况说明 templates (`比上年增加（减少）X万元`); docs/domain.md §5, §8.
    pub struct NarrativeIncreaseWithinCurrent {
        code: "N017",
        name: "narrative-increase-within-current",
        title_zh: "文中增加额超过增加后的金额",
        title_en: "Stated increase exceeds the figure it led to",
        category: Narrative,
        severity: Error,
        review: true,
    }
}

impl Check for NarrativeIncreaseWithinCurrent {
    fn check(&self, document: &ParseReport, checker: &mut Checker) {
        // Where each sentence ends, in order.
        let ends: Vec<usize> =
            lookup::paragraphs(document).iter().flat_map(|p| &p.sentences).map(|s| s.span.byte_end).collect();
        let sentence_of = |at: usize| ends.partition_point(|&end| end <= at);
        for claim in checker.claims() {
            let ClaimKind::Change { direction: Direction::Increase, delta, current: Some(current), .. } = &claim.kind
            else {
                continue;
            };
            if sentence_of(current.at.byte_start) != sentence_of(delta.at.byte_start) {
                continue;
            }
            let (Some(delta_amount), Some(current_amount)) = (delta.amount(), current.amount()) else { continue };
            checker.at_most(
                &Self::INFO,
                claims::term("文中 增加额", &delta_amount),
                claims::term("文中 增加后的金额", &current_amount),
            );
        }
    }
}
