use super::yearly::{self, Measure};
use super::{declare_rule, Check};
use crate::check::{Checker, Companion};

declare_rule! {
    /// ## What
    /// When a department's 部门决算 of two consecutive years are checked together, the later
    /// one's 上年 figures agree with the earlier one: `收、支总计X万元，与上年相比减少A万元`
    /// implies last year's 01表 总计 (X + A), and `机关运行经费…比上年决算数减少A万元` last
    /// year's 机关运行经费支出.
    ///
    /// ## Why
    /// The year-on-year change is the line readers quote; it is only right when its prior-year
    /// base is last year's published figure.
    ///
    /// ## Example
    /// 2023: 收、支总计280.72万元，与上年相比减少116.72万元 (→ 397.44); 2022 accounts: 01表
    /// 收入总计 397.44: holds.
    ///
    /// ## Source
    /// 部门决算公开 template (收入支出决算总体情况, 机关运行经费支出说明); docs/domain.md §5, §8.
    pub struct SpendingAcrossYears {
        code: "Y002",
        name: "spending-across-years",
        title_zh: "上年决算数与上年决算文件不符",
        title_en: "Prior-year figure differs from the prior year's accounts",
        category: CrossTable,
        severity: Warning,
    }
}

impl Check for SpendingAcrossYears {
    fn compare(&self, own: &Companion, checker: &mut Checker) {
        yearly::compare(&Self::INFO, own, checker, &[Measure::AccountsTotal, Measure::RunningCostsSpent]);
    }
}
