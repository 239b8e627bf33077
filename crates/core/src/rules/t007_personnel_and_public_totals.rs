use super::{declare_rule, lookup, Check};
use crate::check::Checker;
use crate::finding::Term;
use crate::report::ParseReport;

declare_rule! {
    /// ## What
    /// In 一般公共预算财政拨款基本支出决算明细表 (06): `人员经费合计` = 301 工资福利支出 +
    /// 303 对个人和家庭的补助; `公用经费合计` = 302 商品和服务支出 + 307 + 309 + 310 + 399
    /// (the classes the table lists).
    ///
    /// ## Why
    /// 人员经费 and 公用经费 are quoted in the narrative (六、基本支出) and in the 基础数据表;
    /// they must come from the classes.
    ///
    /// ## Example
    /// `302 175.37`, `307 0.00`, `310 1.03`, `399 0.00`, `公用经费合计 176.40`: holds.
    ///
    /// ## Source
    /// 部门决算公开 template 公开06表; docs/domain.md §4.
    pub struct PersonnelAndPublicTotals {
        code: "T007",
        name: "personnel-and-public-totals",
        title_zh: "人员经费/公用经费合计与经济分类不符",
        title_en: "Personnel or public expense total differs from its classes",
        category: TableArithmetic,
        severity: Error,
    }
}

const PERSONNEL_CLASSES: [&str; 2] = ["301", "303"];
const PUBLIC_CLASSES: [&str; 5] = ["302", "307", "309", "310", "399"];

impl Check for PersonnelAndPublicTotals {
    fn check(&self, document: &ParseReport, checker: &mut Checker) {
        let Some((table, economic)) = lookup::economic(document) else { return };
        let totals = [
            ("人员经费合计", &economic.personnel_total, &PERSONNEL_CLASSES[..]),
            ("公用经费合计", &economic.public_total, &PUBLIC_CLASSES[..]),
        ];
        for (label, total, classes) in totals {
            let Some(stated) = total else { continue };
            let parts: Vec<_> = economic
                .items
                .iter()
                .filter(|i| classes.contains(&i.code.as_str()))
                .filter_map(|i| i.amount.as_ref().map(|v| (lookup::economic_term(table, i, v), true)))
                .collect();
            if !parts.is_empty() {
                checker.sum(&Self::INFO, Term::cell(table, label, "决算数", stated), &parts);
            }
        }
    }
}
