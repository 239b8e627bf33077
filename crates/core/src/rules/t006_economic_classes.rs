use super::{declare_rule, lookup, Check};
use crate::check::Checker;
use crate::report::ParseReport;

declare_rule! {
    /// ## What
    /// In 一般公共预算财政拨款基本支出决算明细表 (06), each economic class equals the sum of
    /// its listed items: 301 工资福利支出 = Σ 301xx, 302 商品和服务支出 = Σ 302xx, and likewise
    /// 303, 307, 309, 310, 399.
    ///
    /// ## Why
    /// The class totals feed 人员经费 and 公用经费; a class that does not match its items
    /// misstates them.
    ///
    /// ## Example
    /// `301 工资福利支出 35.20` with `30102 津贴补贴 35.05`, `30103 奖金 0.15`, others 0: holds.
    ///
    /// ## Source
    /// 《政府收支分类科目》支出经济分类; 部门决算公开 template 公开06表; docs/domain.md §4.
    pub struct EconomicClasses {
        code: "T006",
        name: "economic-classes",
        title_zh: "经济分类类级与款级之和不符",
        title_en: "Economic class differs from the sum of its items",
        category: TableArithmetic,
        severity: Error,
    }
}

impl Check for EconomicClasses {
    fn check(&self, document: &ParseReport, checker: &mut Checker) {
        let Some((table, economic)) = lookup::economic(document) else { return };
        for class in economic.items.iter().filter(|i| i.code.len() == 3) {
            let Some(stated) = &class.amount else { continue };
            let parts: Vec<_> = economic
                .items
                .iter()
                .filter(|i| i.code.len() == 5 && i.code.starts_with(&class.code))
                .filter_map(|i| i.amount.as_ref().map(|v| (lookup::economic_term(table, i, v), true)))
                .collect();
            if !parts.is_empty() {
                checker.sum(&Self::INFO, lookup::economic_term(table, class, stated), &parts);
            }
        }
    }
}
