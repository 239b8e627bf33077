#![deny(clippy::arithmetic_side_effects)]

use rust_decimal::Decimal;

use super::{declare_rule, lookup, Check};
use crate::amount::Number;
use crate::check::Checker;
use crate::finding::Term;
use crate::model::Amount;
use crate::report::ParseReport;
use crate::rounding::{self, Interval};

declare_rule! {
    /// ## What
    /// On every scored funding line of a 绩效自评表 (`年度资金总额`, and `当年财政拨款` where it
    /// is scored): `得分` = `分值` × min(`执行率`, 100%). The stated 执行率 is used (P005 checks it) with its displayed precision;
    /// the 分值 is a weight and exact; the 得分 holds when its own displayed precision covers
    /// the product.
    ///
    /// ## Why
    /// The budget-execution item is scored in proportion to the execution rate, capped at full
    /// marks; a score that is not the product of the two misstates the 总分.
    ///
    /// ## Example
    /// `分值 10`, `执行率 78.7%`, `得分 8`: 10 × 78.7% = 7.87, shown as `8`: holds. `执行率 28.00%`,
    /// `得分 2.8`: holds. `执行率 102.32%`, `得分 10`: capped, holds.
    ///
    /// ## Source
    /// 湘财绩〔2020〕7号 (Hunan performance evaluation); docs/domain.md §3, §6.
    pub struct ExecutionScore {
        code: "P006",
        name: "execution-score",
        title_zh: "执行率得分与分值×执行率不符",
        title_en: "Execution score differs from points × execution rate",
        category: Performance,
        severity: Error,
    }
}

impl Check for ExecutionScore {
    fn check(&self, document: &ParseReport, checker: &mut Checker) {
        for (table, performance) in lookup::performance_tables(document) {
            for line in &performance.funding {
                let (Some(points), Some(rate), Some(score)) = (&line.points, &line.execution_rate, &line.score) else {
                    continue;
                };
                let row = lookup::performance_row(table, performance, &line.label);
                let Some(expected) = earned(points, rate) else { continue };
                let expected_term = Term {
                    label: format!("{row}·分值×执行率"),
                    ..Term::cell(table, &row, "执行率", &expected)
                };
                checker.equal(&Self::INFO, Term::cell(table, &row, "得分", score), expected_term);
            }
        }
    }
}

/// `points × min(rate, 100%)` as a figure whose displayed precision covers the rate's rounding;
/// `None` beyond `Decimal`'s range.
fn earned(points: &Amount, rate: &Amount) -> Option<Amount> {
    let hundred = Decimal::ONE_HUNDRED;
    let rate_interval = Interval::of(&rate.number)?;
    let share = |rate: Decimal| rounding::div(rounding::mul(points.number.value, rate.min(hundred))?, hundred);
    let product = Interval { lo: share(rate_interval.lo)?, hi: share(rate_interval.hi)? };
    let half_width = rounding::div(rounding::sub(product.hi, product.lo)?, Decimal::TWO)?;
    let decimals = covering_decimals(half_width);
    let capped_rate = if rate.number.value > hundred { "100%".to_string() } else { rate.raw.clone() };
    let mid = product.mid()?;
    let raw = format!("{} × {capped_rate} = {}", points.raw, mid.round_dp(decimals).normalize());
    Some(Amount { number: Number { value: mid, decimals, percent: false, exact: false }, raw, at: rate.at })
}

/// The most decimals whose half unit still covers `half_width` (at most 6).
fn covering_decimals(half_width: Decimal) -> u32 {
    const MOST_DECIMALS: u32 = 6;
    (0..=MOST_DECIMALS)
        .rev()
        .find(|&d| {
            d.checked_add(1).and_then(|scale| Decimal::try_new(5, scale).ok()).is_some_and(|half| half >= half_width)
        })
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Location;

    fn amount(text: &str) -> Amount {
        let number = crate::amount::parse_number(text).expect("a number");
        Amount {
            number,
            raw: text.to_string(),
            at: Location { line: 1, line_end: 1, column: 0, byte_start: 0, byte_end: 0 },
        }
    }

    #[test]
    fn a_rate_above_full_execution_earns_the_full_points() {
        let earned = earned(&amount("10"), &amount("102.32%")).expect("within range");
        assert_eq!(earned.number.value, Decimal::TEN);
        assert_eq!(earned.raw, "10 × 100% = 10");
    }

    #[test]
    fn the_product_carries_the_rounding_of_the_rate() {
        // 78.7% stands for [78.65%, 78.75%): 10 × that is 7.865…7.875, that is 7.87 to two decimals.
        let earned = earned(&amount("10"), &amount("78.7%")).expect("within range");
        assert_eq!((earned.number.value, earned.number.decimals), (Decimal::new(787, 2), 2));
        assert_eq!(earned.raw, "10 × 78.7% = 7.87");
    }
}
