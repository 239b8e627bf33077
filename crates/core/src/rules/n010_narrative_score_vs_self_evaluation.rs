use super::{declare_rule, Check};
use crate::check::Checker;
use crate::claims::{self, bind, ClaimKind, ScoreSubject};
use crate::report::ParseReport;

declare_rule! {
    /// ## What
    /// The self-evaluation score the text states (`绩效自评得分99.5分`, `项目绩效自评得分为95分`)
    /// equals the 总分 得分 of the 绩效自评表 it speaks about: the 整体支出 table, or the
    /// 项目支出 table of the project the sentence names.
    ///
    /// ## Why
    /// The score in the report is what the public reads; the table is what was evaluated.
    ///
    /// ## Example
    /// `绩效自评得分 99.5 分` with the 整体支出绩效自评表 总分 得分 `99.68`: broken.
    ///
    /// ## Source
    /// 财预〔2020〕10号; 湘财绩〔2020〕7号; docs/domain.md §5 (绩效), §6.
    pub struct NarrativeScoreVsSelfEvaluation {
        code: "N010",
        name: "narrative-score-vs-self-evaluation",
        title_zh: "文中绩效自评得分与自评表不符",
        title_en: "Self-evaluation score in the text differs from the 自评表",
        category: Narrative,
        severity: Error,
    }
}

impl Check for NarrativeScoreVsSelfEvaluation {
    fn check(&self, _document: &ParseReport, checker: &mut Checker) {
        for (claim, bindings) in checker.bound_claims() {
            let ClaimKind::Score { subject, .. } = &claim.kind else { continue };
            let whom = match subject {
                ScoreSubject::Overall => "整体支出".to_string(),
                ScoreSubject::Project(name) => name.clone(),
            };
            for binding in bindings.iter().filter(|b| b.role == bind::Role::Score) {
                let Some(stated) = binding.figure.amount() else { continue };
                checker.equal(
                    &Self::INFO,
                    claims::term(format!("文中 {whom} 自评得分"), &stated),
                    binding.cells[0].term(),
                );
            }
        }
    }
}
