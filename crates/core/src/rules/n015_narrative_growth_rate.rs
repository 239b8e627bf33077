use super::{declare_rule, Check};
use crate::check::Checker;
use crate::claims::{self, ClaimKind, Direction};
use crate::report::ParseReport;

declare_rule! {
    /// ## What
    /// A figure stated with the one it is measured from and a rate of change — `2023年当年预算
    /// 执行数为711.34万元，2024年预算安排738.66万元，比2023年预算执行数增加3.84%` — has the rate
    /// the two figures give, in the direction its word says: `增加 R%` is `(本年 − 上年) ÷ 上年`,
    /// `减少 R%` is `(上年 − 本年) ÷ 上年`, and `持平` means the two figures are equal (`基本持平`,
    /// roughly level, states no tolerance and is not evaluated). A rate from a base of 0 cannot be
    /// computed (`0.00万元 … 增加100.00%`) and is reported as such.
    ///
    /// ## Why
    /// The 编制说明 lists each 项 with last year's execution, this year's budget and the change;
    /// a rate copied from the item above, or a direction word left from last year's text,
    /// describes a change that did not happen.
    ///
    /// ## Example
    /// `2022年当年预算执行数为132.59万元，2023年预算安排441.25万元，比2022年预算执行数增加60.54%`:
    /// (441.25 − 132.59) ÷ 132.59 = 232.80%: broken (the rate and the 441.25 are the item above's).
    ///
    /// ## Source
    /// 部门预算公开 编制说明 template (财政拨款支出主要内容); docs/domain.md §8.
    pub struct NarrativeGrowthRate {
        code: "N015",
        name: "narrative-growth-rate",
        title_zh: "文中增减率与前后两数不符",
        title_en: "Stated rate of change does not follow from the two figures",
        category: Narrative,
        severity: Error,
    }
}

impl Check for NarrativeGrowthRate {
    fn check(&self, _document: &ParseReport, checker: &mut Checker) {
        for claim in checker.claims() {
            let ClaimKind::Growth { base, current, direction, rate } = &claim.kind else { continue };
            let (Some(base_amount), Some(current_amount)) = (base.amount(), current.amount()) else { continue };
            let (Some(direction), Some(rate)) = (direction, rate) else {
                checker.equal(
                    &Self::INFO,
                    claims::term(format!("文中 {}（持平）", current.name()), &current_amount),
                    claims::term(format!("文中 {}", base.name()), &base_amount),
                );
                continue;
            };
            let Some(stated) = rate.amount() else { continue };
            let (b, c) = (base_amount.number, current_amount.number);
            let (change, shown) = match direction {
                Direction::Increase => {
                    (crate::rounding::sub(c.value, b.value), format!("{} − {}", current.raw, base.raw))
                }
                Direction::Decrease => {
                    (crate::rounding::sub(b.value, c.value), format!("{} − {}", base.raw, current.raw))
                }
            };
            let Some(change) = change else { continue };
            let change = claims::derived(change, [&b, &c], current.at);
            checker.ratio(
                &Self::INFO,
                claims::term("文中 增减率", &stated),
                claims::term(format!("增减额（{shown}）"), &change),
                claims::term(format!("文中 {}", base.name()), &base_amount),
            );
        }
    }
}
