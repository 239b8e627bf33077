use super::{declare_rule, lookup, Check};
use crate::check::Checker;
use crate::finding::Term;
use crate::model::Amount;
use crate::report::ParseReport;

declare_rule! {
    /// ## What
    /// The 三公 items of 基本支出决算明细表 (06) do not exceed the 决算数 of the same item in
    /// 财政拨款“三公”经费支出决算表 (09): 30212 因公出国（境）费用 ≤ 因公出国(境)费,
    /// 30217 公务接待费 ≤ 公务接待费, 30231 公务用车运行维护费 ≤ 公务用车运行费.
    ///
    /// ## Why
    /// 09 covers 三公 spending from both 基本支出 and 项目支出, so it is at least the 基本支出
    /// part that 06 shows; less in 09 means one of the two is wrong. Equal is common.
    ///
    /// ## Example
    /// 06 `30231 公务用车运行维护费 16.71`, 09 决算数 公务用车运行费 `16.71`: holds.
    ///
    /// ## Source
    /// 部门决算公开 templates (公开06表, 公开09表); docs/domain.md §4 (across tables).
    pub struct EconomicItemsWithinThreePublic {
        code: "X005",
        name: "economic-items-within-three-public",
        title_zh: "基本支出中的“三公”项目超过“三公”经费决算数",
        title_en: "三公 item of basic spending exceeds the 三公 actuals",
        category: CrossTable,
        severity: Error,
    }
}

impl Check for EconomicItemsWithinThreePublic {
    fn check(&self, document: &ParseReport, checker: &mut Checker) {
        let (Some((t06, economic)), Some((t09, three))) = (lookup::economic(document), lookup::three_public(document))
        else {
            return;
        };
        let actual = &three.actual;
        let pairs: [(&str, &str, &Option<Amount>); 3] = [
            ("30212", "因公出国(境)费", &actual.abroad),
            ("30217", "公务接待费", &actual.reception),
            ("30231", "公务用车运行费", &actual.vehicle_operation),
        ];
        for (code, label09, value09) in pairs {
            let Some(value09) = value09 else { continue };
            let Some(item) = economic.items.iter().find(|i| i.code == code) else { continue };
            let Some(value06) = &item.amount else { continue };
            checker.at_most(
                &Self::INFO,
                lookup::economic_term(t06, item, value06),
                Term::cell(t09, label09, "决算数", value09),
            );
        }
    }
}
