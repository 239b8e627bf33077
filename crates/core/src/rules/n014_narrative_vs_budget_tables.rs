use super::{budget, declare_rule, Check};
use crate::check::Checker;
use crate::claims::{self, bind};
use crate::report::ParseReport;

declare_rule! {
    /// ## What
    /// The 编制说明 of a 部门预算 or 单位预算 states the budget tables' figures by their names,
    /// and each equals its table: `收入预算` = 收入预算总表 合计; `财政拨款收入`, `事业收入`,
    /// `事业单位经营收入`, `其他收入` = its column's 合计; `支出预算` = 支出预算总表 合计;
    /// `财政拨款支出预算` = 财政拨款收支预算总表 支出总计; `一般公共预算（拨款）支出预算`,
    /// `政府性基金…`, `国有资本经营预算…` = their function table's 合计; a listed
    /// `“…（类）…（款）…（项）”X万元` and its `预算安排` = that 项 of the 一般公共预算 table; the
    /// “三公”经费 budget and its items, and the 机关运行经费 budget = the 三公 table. Tables in
    /// 元 are compared in 万元 at the text's precision (`950.12万元` and `9,501,164` agree).
    ///
    /// ## Why
    /// Readers take the 编制说明's figures as the budget; one that differs from its table —
    /// often last year's figure left in the template — misstates what was approved.
    ///
    /// ## Example
    /// `“社会保障和就业支出（类）社会福利（款）社会福利事业单位（项）”738.66万元` with the
    /// 一般公共预算支出功能分类预算表's 2081005 合计 `6,964,796` (696.48万元): broken.
    ///
    /// ## Source
    /// 部门预算公开 编制说明 template (收支预算总体情况, 财政拨款支出主要内容, “三公”经费,
    /// 机关运行经费); docs/domain.md §5, §8.
    pub struct NarrativeVsBudgetTables {
        code: "N014",
        name: "narrative-vs-budget-tables",
        title_zh: "预算编制说明与预算表不符",
        title_en: "Budget explanation differs from the budget tables",
        category: Narrative,
        severity: Error,
    }
}

impl Check for NarrativeVsBudgetTables {
    fn check(&self, _document: &ParseReport, checker: &mut Checker) {
        for (_, bindings) in checker.bound_claims() {
            for binding in bindings.iter().filter(|b| b.role == bind::Role::Budget) {
                let Some(stated) = binding.figure.amount() else { continue };
                let cell = &binding.cells[0];
                let table = budget::in_ten_thousand(cell.table, cell.amount);
                let other = budget::in_unit(cell.table, crate::finding::Term { amount: &table, ..cell.term() });
                checker.equal(&Self::INFO, claims::term(format!("文中 {}", binding.figure.name()), &stated), other);
            }
        }
    }
}
