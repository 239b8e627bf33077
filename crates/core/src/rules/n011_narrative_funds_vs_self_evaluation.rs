use super::{declare_rule, Check};
use crate::check::Checker;
use crate::claims::{self, bind, ClaimKind};
use crate::report::ParseReport;

declare_rule! {
    /// ## What
    /// The funds a 绩效 paragraph states for the department's 整体支出 or for a named project
    /// (`党史及地方志工作经费项目绩效自评综述：…项目全年预算数为5.76万元，执行数为4.32万元`)
    /// equal the 年度资金总额 of that 绩效自评表: the budget its 全年预算数, the actual its
    /// 全年执行数. The project is found by the name the paragraph opens with.
    ///
    /// ## Why
    /// The report and its table are one evaluation; a 全年预算数 that is the table's 年初预算数
    /// gives a different 执行率 than the one scored.
    ///
    /// ## Example
    /// `项目全年预算数为 5.76 万元` with the 项目支出绩效自评表 `年度资金总额 5.76 | 4.32 | 4.32`:
    /// broken (the text's 全年预算数 is the table's 年初预算数).
    ///
    /// ## Source
    /// 财预〔2020〕10号; 湘财绩〔2020〕7号; docs/domain.md §6 (figures in a 项目支出绩效自评表 match the narrative).
    pub struct NarrativeFundsVsSelfEvaluation {
        code: "N011",
        name: "narrative-funds-vs-self-evaluation",
        title_zh: "文中预算数、执行数与绩效自评表不符",
        title_en: "Budget or spending in the 绩效 text differs from the 自评表",
        category: Narrative,
        severity: Error,
    }
}

impl Check for NarrativeFundsVsSelfEvaluation {
    fn check(&self, _document: &ParseReport, checker: &mut Checker) {
        for (claim, bindings) in checker.bound_claims() {
            let ClaimKind::Completion { subject, .. } = &claim.kind else { continue };
            for binding in bindings {
                let what = match binding.role {
                    bind::Role::FundsBudget => "全年预算数",
                    bind::Role::FundsExecuted => "执行数",
                    _ => continue,
                };
                let Some(stated) = binding.figure.amount() else { continue };
                checker.equal(
                    &Self::INFO,
                    claims::term(format!("文中 {subject} {what}"), &stated),
                    binding.cells[0].term(),
                );
            }
        }
    }
}
