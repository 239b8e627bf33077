use super::yearly::{self, Measure};
use super::{declare_rule, Check};
use crate::check::{Checker, Companion};

declare_rule! {
    /// ## What
    /// When a department's 部门预算 and its 部门决算, or two consecutive 部门预算, are checked
    /// together, the budget figures they both state for one year agree: the budget total
    /// (`收入预算较上年增加21.74万元` implies last year's budget; the 决算's 整体支出绩效自评表
    /// states it as 年初预算数), the 财政拨款收入 budget (`财政拨款收入15621.11万元，比2023年预算
    /// 减少876.75万元`; the 2023 budget's `财政拨款收入16497.86万元`), the 机关运行经费 budget
    /// (`比上年预算减少18.26万元`; `比年初预算数减少58.86万元`) and the “三公”经费 budget
    /// (`比2023年增加（减少）4万元`, `比2023年预算增加25万元`; 09表 预算数).
    ///
    /// ## Why
    /// A year's 年初预算 is fixed when the budget is approved; the next budget's 上年 figure and
    /// the accounts' 年初预算 restate it. A difference means one of the documents is wrong.
    ///
    /// ## Example
    /// 2024 budget: 收入预算257万元，较上年增加21.74万元 (→ 235.26); 2023 accounts: 年度资金总额
    /// 年初预算数 235.26: holds. When the direction is left open (`增加（减少）`), the nearer
    /// reading is compared.
    ///
    /// ## Source
    /// 部门预算公开 template (收支总体情况, 机关运行经费, “三公”经费预算); 部门决算公开 template;
    /// docs/domain.md §8.
    pub struct BudgetAcrossYears {
        code: "Y001",
        name: "budget-across-years",
        title_zh: "与另一年度文件的预算数不符",
        title_en: "Budget figure differs from the other year's document",
        category: CrossTable,
        severity: Warning,
    }
}

impl Check for BudgetAcrossYears {
    fn compare(&self, own: &Companion, checker: &mut Checker) {
        yearly::compare(
            &Self::INFO,
            own,
            checker,
            &[
                Measure::BudgetTotal,
                Measure::FiscalGrantBudget,
                Measure::RunningCostsBudget,
                Measure::ThreePublicBudget,
            ],
        );
    }
}
