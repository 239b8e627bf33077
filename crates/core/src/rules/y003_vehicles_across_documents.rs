use super::yearly::{self, Measure};
use super::{declare_rule, Check};
use crate::check::{Checker, Companion};

declare_rule! {
    /// ## What
    /// When documents of one department are checked together, the 公务用车 they say were held
    /// at the end of the same year agree (`截止2023年12月底，本部门共有公务用车2辆` in the 2024
    /// budget; `截止2023年12月31日…公务用车保有量为3辆` in the 2023 accounts).
    ///
    /// ## Why
    /// Both count the same cars at the same date; the budget's 国有资产占有情况 restates the
    /// accounts' count. Two counts mean one of them is wrong.
    ///
    /// ## Example
    /// 2024 budget: 共有公务用车3辆 (end of 2023); 2023 accounts: 保有量为3辆: holds.
    ///
    /// ## Source
    /// 部门预算公开 template (国有资产占有使用情况); 部门决算公开 template (三公 经费, 国有资产
    /// 占用情况); docs/domain.md §5, §8.
    pub struct VehiclesAcrossDocuments {
        code: "Y003",
        name: "vehicles-across-documents",
        title_zh: "公务用车数与另一文件不符",
        title_en: "Vehicle count differs from the other document",
        category: CrossTable,
        severity: Warning,
    }
}

impl Check for VehiclesAcrossDocuments {
    fn compare(&self, own: &Companion, checker: &mut Checker) {
        yearly::compare(&Self::INFO, own, checker, &[Measure::VehiclesHeld]);
    }
}
