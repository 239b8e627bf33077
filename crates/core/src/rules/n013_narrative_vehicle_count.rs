use super::{declare_rule, Check};
use crate::check::Checker;
use crate::claims::{self, ClaimKind, Figure};
use crate::ingest::contains;
use crate::report::ParseReport;

declare_rule! {
    /// ## What
    /// The vehicles the 国有资产 section counts (`共有车辆19辆`) are the vehicles the 三公
    /// section says are kept (`公务用车保有量为19辆`).
    ///
    /// ## Why
    /// Both sentences count the same cars at the same date (12月31日); two counts mean one
    /// of them is wrong.
    ///
    /// ## Example
    /// `公务用车保有量为3辆` and `共有车辆3辆`: holds.
    ///
    /// ## Source
    /// 部门决算公开 情况说明 template (七 三公, 国有资产占用情况); docs/domain.md §5.
    pub struct NarrativeVehicleCount {
        code: "N013",
        name: "narrative-vehicle-count",
        title_zh: "文中公务用车保有量与车辆总数不符",
        title_en: "Vehicles kept (三公) differ from vehicles held (国有资产)",
        category: Narrative,
        severity: Error,
    }
}

impl Check for NarrativeVehicleCount {
    fn check(&self, _document: &ParseReport, checker: &mut Checker) {
        let claims = checker.claims();
        let vehicles = |words: &[&str]| -> Option<&Figure> {
            claims.iter().find_map(|c| match &c.kind {
                ClaimKind::Count { figure, .. }
                    if figure.unit_text == "辆" && words.iter().any(|w| contains(&figure.label, w)) =>
                {
                    Some(figure)
                }
                _ => None,
            })
        };
        let (Some(kept), Some(held)) = (vehicles(&["保有量"]), vehicles(&["共有车辆", "共有公务用车"]))
        else {
            return;
        };
        let (Some(kept_amount), Some(held_amount)) = (kept.amount(), held.amount()) else { return };
        checker.equal(
            &Self::INFO,
            claims::term(format!("文中 {}", held.name()), &held_amount),
            claims::term(format!("文中 {}", kept.name()), &kept_amount),
        );
    }
}
