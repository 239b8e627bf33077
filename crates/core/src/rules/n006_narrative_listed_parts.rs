#![deny(clippy::arithmetic_side_effects)]

use rust_decimal::Decimal;

use super::{declare_rule, Check};
use crate::check::Checker;
use crate::claims::{self, ClaimKind, FigureUnit};
use crate::report::ParseReport;

declare_rule! {
    /// ## What
    /// Parts listed under a whole (`政府采购支出总额53.94万元，其中：货物支出37.07万元、工程支出
    /// 0万元、服务支出16.87万元`; `共有车辆3辆，其中…`) add up to it; a list ending in `等`, or a
    /// single `其中` part, must not exceed it. Lists of money and of vehicles are checked;
    /// lists of people are not (staff counts are broken down in overlapping ways).
    ///
    /// ## Why
    /// The prose restates a table's breakdown; a part left out or mistyped shows as a sum
    /// that no longer meets its total.
    ///
    /// ## Example
    /// `53.94 = 37.07 + 0 + 16.87`: holds. `公务用车2辆，其中…应急保障用车2辆，…其他用车1辆`: broken.
    ///
    /// ## Source
    /// 部门决算公开 情况说明 template (二, 三, 政府采购, 国有资产); 部门预算说明; docs/domain.md §5, §8.
    pub struct NarrativeListedParts {
        code: "N006",
        name: "narrative-listed-parts",
        title_zh: "文中分项之和与总额不符",
        title_en: "Listed parts do not add up to the stated whole",
        category: Narrative,
        severity: Error,
    }
}

impl Check for NarrativeListedParts {
    fn check(&self, _document: &ParseReport, checker: &mut Checker) {
        for claim in checker.claims() {
            let ClaimKind::Parts { whole, parts, complete } = &claim.kind else { continue };
            let vehicles = whole.unit == FigureUnit::Count && whole.unit_text == "辆";
            if !(whole.is_money() || vehicles) {
                continue;
            }
            let Some(whole_amount) = whole.amount() else { continue };
            let Some(amounts) = parts.iter().map(|p| p.amount()).collect::<Option<Vec<_>>>() else { continue };
            let whole_term = claims::term(format!("文中 {}", whole.name()), &whole_amount);
            if *complete && amounts.len() > 1 {
                let terms: Vec<_> =
                    parts.iter().zip(&amounts).map(|(p, a)| (claims::term(p.name().to_string(), a), true)).collect();
                checker.sum(&Self::INFO, whole_term, &terms);
                continue;
            }
            let Some(value) =
                amounts.iter().try_fold(Decimal::ZERO, |sum, a| crate::rounding::add(sum, a.number.value))
            else {
                continue;
            };
            let Some(first) = parts.first() else { continue };
            let sum = claims::derived(value, amounts.iter().map(|a| &a.number), first.at);
            let names: Vec<&str> = parts.iter().map(|p| p.name()).collect();
            checker.at_most(&Self::INFO, claims::term(format!("文中 {} 之和", names.join("、")), &sum), whole_term);
        }
    }
}
