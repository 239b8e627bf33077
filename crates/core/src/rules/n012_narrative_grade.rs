use super::{declare_rule, Check};
use crate::check::Checker;
use crate::claims::{bind, ClaimKind};
use crate::finding::FindingLocation;
use crate::report::ParseReport;

declare_rule! {
    /// ## What
    /// The grade the text gives (`评价等级为“优”`) is the grade of the score: 优 (优秀) ≥ 90,
    /// 良 (良好) 80–89, 中 (中等, 合格) 60–79, 差 (不合格) < 60. The score is the 绩效自评表's
    /// 总分 得分 when the sentence's score is bound to one, else the score the sentence states.
    ///
    /// ## Why
    /// A grade above its score overstates the evaluation the public reads.
    ///
    /// ## Example
    /// `绩效自评得分 99.5 分，评价等级为“优”` with 总分 得分 `99.68`: 优, holds. `得分 85 分，
    /// 评价等级为“优”` does not.
    ///
    /// ## Source
    /// 财预〔2020〕10号 (评价等级); docs/domain.md §6 (grades).
    pub struct NarrativeGrade {
        code: "N012",
        name: "narrative-grade",
        title_zh: "文中评价等级与得分不符",
        title_en: "Stated grade does not match the score",
        category: Narrative,
        severity: Error,
    }
}

/// The grades a score earns, in the words the texts use.
fn grades_for(score: rust_decimal::Decimal) -> &'static [&'static str] {
    let score = score.round_dp(0);
    if score >= 90.into() {
        &["优", "优秀"]
    } else if score >= 80.into() {
        &["良", "良好"]
    } else if score >= 60.into() {
        &["中", "中等", "合格"]
    } else {
        &["差", "不合格"]
    }
}

impl Check for NarrativeGrade {
    fn check(&self, _document: &ParseReport, checker: &mut Checker) {
        for (claim, bindings) in checker.bound_claims() {
            let ClaimKind::Score { score: Some(score), grade: Some(grade), grade_at: Some(at), .. } = &claim.kind
            else {
                continue;
            };
            let table = bindings.iter().find(|b| b.role == bind::Role::Score).map(|b| b.cells[0].clone());
            let (basis, value) = match &table {
                Some(cell) => {
                    (format!("{} 总分 得分 {}", cell.table.form_name, cell.amount.raw), cell.amount.number.value)
                }
                None => (format!("文中得分 {}", score.raw), score.number.value),
            };
            let expected = grades_for(value);
            let location = FindingLocation::text(at.line, at.byte_start..at.byte_end, grade.clone());
            let message = format!("{}：文中评价等级为“{grade}”，而{basis}对应“{}”", Self::INFO.title_zh, expected[0]);
            let message_en =
                format!("{}: the text grades “{grade}” but {basis} earns “{}”", Self::INFO.title_en, expected[0]);
            let derivation = format!("{basis} → “{}”（优 ≥ 90，良 80–89，中 60–79，差 < 60）≠ “{grade}”", expected[0]);
            checker.require(&Self::INFO, expected.contains(&grade.as_str()), location, message, message_en, derivation);
        }
    }
}
