//! Rounding-aware arithmetic (docs/domain.md §3, the XBRL Calculations 1.1 idea).
//!
//! A figure shown with `d` decimals stands for every value that rounds to it: the interval
//! `[v − ½·10^−d, v + ½·10^−d)`. A relation **holds** when the interval of the computed side
//! meets the interval of the stated figure. Outside that, a gap of at most one unit in the
//! last displayed digit is a **rounding** discrepancy (尾数误差); anything larger is
//! **broken**. No fixed tolerance: `211.6` is looser than `211.60`, a sum of ten rounded
//! parts is looser than a sum of two.
//!
//! Every computation is checked: a value beyond `Decimal`'s range gives `None`, and the
//! relation it belongs to is not checked (never held), rather than a panic.

#![deny(clippy::arithmetic_side_effects, clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::amount::Number;

/// The values a displayed figure may stand for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Interval {
    pub lo: Decimal,
    pub hi: Decimal,
}

impl Interval {
    /// The interval of a displayed number (a percentage stays in percent units); a single
    /// value when the number is exact; `None` beyond `Decimal`'s range.
    pub fn of(number: &Number) -> Option<Self> {
        if number.exact {
            return Some(Self::exact(number.value));
        }
        let half = half_unit(number.decimals)?;
        Some(Interval { lo: sub(number.value, half)?, hi: add(number.value, half)? })
    }

    /// A value known exactly (a count, a stated maximum like 100 分).
    pub fn exact(value: Decimal) -> Self {
        Interval { lo: value, hi: value }
    }

    /// Every sum of a value from each interval.
    pub fn checked_add(self, other: Interval) -> Option<Self> {
        Some(Interval { lo: add(self.lo, other.lo)?, hi: add(self.hi, other.hi)? })
    }

    /// Every difference of a value from each interval.
    pub fn checked_sub(self, other: Interval) -> Option<Self> {
        Some(Interval { lo: sub(self.lo, other.hi)?, hi: sub(self.hi, other.lo)? })
    }

    /// The interval of the sum of `numbers`; `None` beyond `Decimal`'s range.
    pub fn sum<'a>(numbers: impl IntoIterator<Item = &'a Number>) -> Option<Self> {
        numbers
            .into_iter()
            .try_fold(Interval::exact(Decimal::ZERO), |sum, number| sum.checked_add(Interval::of(number)?))
    }

    /// The interval of `100 · self / other`; `None` when `other` may be zero or negative, or
    /// the quotient is beyond `Decimal`'s range.
    pub fn percent_of(self, other: Interval) -> Option<Self> {
        if other.lo <= Decimal::ZERO {
            return None;
        }
        let hundred = Decimal::ONE_HUNDRED;
        let candidates =
            [div(self.lo, other.lo)?, div(self.lo, other.hi)?, div(self.hi, other.lo)?, div(self.hi, other.hi)?];
        let lo = candidates.iter().copied().min()?;
        let hi = candidates.iter().copied().max()?;
        Some(Interval { lo: mul(lo, hundred)?, hi: mul(hi, hundred)? })
    }

    /// Whether two intervals share values. Both are half-open in spirit (`211.605` rounds
    /// to `211.61`), so intervals that only touch do not meet — unless one is exact.
    pub fn meets(&self, other: &Interval) -> bool {
        let exact = self.lo == self.hi || other.lo == other.hi;
        if exact {
            self.lo <= other.hi && other.lo <= self.hi
        } else {
            self.lo < other.hi && other.lo < self.hi
        }
    }

    /// The midpoint: the value computed from the displayed figures; `None` beyond `Decimal`'s range.
    pub fn mid(&self) -> Option<Decimal> {
        div(add(self.lo, self.hi)?, Decimal::TWO)
    }
}

// rust_decimal inlines its arithmetic into every caller: core computes only through these
// four, so the wasm holds one copy of each.

/// `a + b`; `None` beyond `Decimal`'s range.
#[inline(never)]
pub fn add(a: Decimal, b: Decimal) -> Option<Decimal> {
    a.checked_add(b)
}

/// `a − b`; `None` beyond `Decimal`'s range.
#[inline(never)]
pub fn sub(a: Decimal, b: Decimal) -> Option<Decimal> {
    a.checked_sub(b)
}

/// `a × b`; `None` beyond `Decimal`'s range.
#[inline(never)]
pub fn mul(a: Decimal, b: Decimal) -> Option<Decimal> {
    a.checked_mul(b)
}

/// `a ÷ b`; `None` for a zero `b` or beyond `Decimal`'s range.
#[inline(never)]
pub fn div(a: Decimal, b: Decimal) -> Option<Decimal> {
    a.checked_div(b)
}

/// Half a unit in the `decimals`-th decimal place; `None` past `Decimal`'s 28 decimals.
fn half_unit(decimals: u32) -> Option<Decimal> {
    Decimal::try_new(5, decimals.checked_add(1)?).ok()
}

/// One unit in the `decimals`-th decimal place; `None` past `Decimal`'s 28 decimals.
pub fn unit(decimals: u32) -> Option<Decimal> {
    Decimal::try_new(1, decimals).ok()
}

/// The verdict on one evaluated relation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// The intervals meet: consistent given the displayed precision.
    Held,
    /// Off by at most one unit in the last displayed digit: a rounding discrepancy (尾数误差).
    Rounding,
    /// A real inconsistency.
    Broken,
}

/// The rounding allowance of a relation among `numbers`: the coarsest displayed precision
/// of those that are rounded; `None` when all are exact (nothing was rounded, so a slip of
/// one unit is a real error, not a 尾数误差).
pub fn allowance<'a>(numbers: impl IntoIterator<Item = &'a Number>) -> Option<u32> {
    numbers.into_iter().filter(|number| !number.exact).map(|number| number.decimals).min()
}

/// Judges a stated figure against a computed interval. One unit of the `allowance`
/// ([`allowance`]) decimals is a rounding discrepancy; without an allowance there is none.
/// `None` when a figure is beyond `Decimal`'s range: the relation cannot be judged.
pub fn judge(stated: &Number, computed: Interval, allowance: Option<u32>) -> Option<Outcome> {
    if Interval::of(stated)?.meets(&computed) {
        return Some(Outcome::Held);
    }
    let gap = sub(stated.value, computed.mid()?)?.abs();
    let within_unit = match allowance {
        Some(decimals) => gap <= unit(decimals)?,
        None => false,
    };
    Some(if within_unit { Outcome::Rounding } else { Outcome::Broken })
}

/// `stated = Σ parts` (a part subtracted when its flag is false): the parts' interval and the
/// verdict; `None` beyond `Decimal`'s range.
pub fn judge_sum<'a>(
    stated: &Number,
    parts: impl Iterator<Item = (&'a Number, bool)> + Clone,
) -> Option<(Interval, Outcome)> {
    let computed = parts.clone().try_fold(Interval::exact(Decimal::ZERO), |computed, (number, add)| {
        let interval = Interval::of(number)?;
        if add {
            computed.checked_add(interval)
        } else {
            computed.checked_sub(interval)
        }
    })?;
    let allowance = allowance(std::iter::once(stated).chain(parts.map(|(number, _)| number)));
    Some((computed, judge(stated, computed, allowance)?))
}

/// `part ≤ whole`, allowing for rounding; `None` beyond `Decimal`'s range.
pub fn judge_at_most(part: &Number, whole: &Number) -> Option<Outcome> {
    let (p, w) = (Interval::of(part)?, Interval::of(whole)?);
    let allowance = allowance([part, whole]);
    let within_unit = |decimals| Some(sub(part.value, whole.value)? <= unit(decimals)?);
    Some(if p.lo < w.hi || (allowance.is_none() && p.lo <= w.hi) {
        Outcome::Held
    } else if allowance.and_then(within_unit).unwrap_or(false) {
        Outcome::Rounding
    } else {
        Outcome::Broken
    })
}

/// `stated% = 100 · numerator / denominator`: broken when the denominator may be zero or
/// negative; `None` beyond `Decimal`'s range.
pub fn judge_ratio(stated: &Number, numerator: &Number, denominator: &Number) -> Option<Outcome> {
    let (n, d) = (Interval::of(numerator)?, Interval::of(denominator)?);
    if d.lo <= Decimal::ZERO {
        return Some(Outcome::Broken);
    }
    judge(stated, n.percent_of(d)?, allowance([stated]))
}

/// Displays a decimal with exactly `decimals` places (`280.7` → `280.70`).
pub fn display(value: Decimal, decimals: u32) -> String {
    at_precision(value, decimals).to_string()
}

/// `value` rounded to exactly `decimals` places (`280.7` → `280.70`, `119.32` → `119`).
pub fn at_precision(value: Decimal, decimals: u32) -> Decimal {
    let mut rounded = value.round_dp(decimals);
    rounded.rescale(decimals);
    rounded
}

/// `shown` (a [`display`]ed figure) with its integer digits grouped by thousands, as a table
/// that writes `10,903,043.00` writes its figures: `-516000.00` → `-516,000.00`.
pub fn grouped(shown: &str) -> String {
    let (sign, unsigned) = shown.strip_prefix('-').map_or(("", shown), |rest| ("-", rest));
    let digits = unsigned.find('.').unwrap_or(unsigned.len());
    let (integer, fraction) = unsigned.split_at(digits);
    let mut out = String::from(sign);
    for (index, digit) in integer.chars().enumerate() {
        let left = integer.len().saturating_sub(index);
        if index > 0 && left % 3 == 0 {
            out.push(',');
        }
        out.push(digit);
    }
    out + fraction
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::amount::parse_number;

    fn n(text: &str) -> Number {
        parse_number(text).unwrap()
    }

    fn sum(parts: &[&str]) -> Interval {
        Interval::sum(&parts.iter().map(|p| n(p)).collect::<Vec<_>>()).unwrap()
    }

    fn judge(stated: &Number, computed: Interval, allowance: Option<u32>) -> Outcome {
        super::judge(stated, computed, allowance).unwrap()
    }

    #[test]
    fn displayed_precision_sets_the_interval() {
        let i = Interval::of(&n("211.6")).unwrap();
        assert_eq!((i.lo.to_string(), i.hi.to_string()), ("211.55".into(), "211.65".into()));
        let i = Interval::of(&n("211.60")).unwrap();
        assert_eq!((i.lo.to_string(), i.hi.to_string()), ("211.595".into(), "211.605".into()));
    }

    #[test]
    fn exact_sums_hold() {
        assert_eq!(judge(&n("280.72"), sum(&["211.60", "69.12", "0.00"]), Some(2)), Outcome::Held);
    }

    #[test]
    fn coarser_text_figures_equal_table_figures() {
        assert_eq!(judge(&n("211.6"), sum(&["211.60"]), Some(1)), Outcome::Held);
        assert_eq!(judge(&n("176.4"), sum(&["175.37", "1.03"]), Some(1)), Outcome::Held);
    }

    #[test]
    fn rounded_parts_may_miss_the_total_by_their_rounding() {
        // Three parts each rounded: their sum may be off by up to 0.015.
        assert_eq!(judge(&n("1.00"), sum(&["0.33", "0.33", "0.33"]), Some(2)), Outcome::Held);
    }

    #[test]
    fn one_unit_in_the_last_digit_is_rounding_not_error() {
        assert_eq!(judge(&n("211.61"), sum(&["211.60"]), Some(2)), Outcome::Rounding);
        assert_eq!(judge(&n("176.41"), sum(&["176.40"]), Some(2)), Outcome::Rounding);
        assert_eq!(judge(&n("176.41"), sum(&["175.37", "1.03", "0.00"]), Some(2)), Outcome::Held);
    }

    #[test]
    fn larger_differences_are_broken() {
        // Two units off in the last digit, beyond what the parts' rounding allows.
        assert_eq!(judge(&n("176.40"), sum(&["175.37", "1.03", "0.02"]), Some(2)), Outcome::Broken);
        assert_eq!(judge(&n("176.40"), sum(&["175.37", "1.03", "0.05"]), Some(2)), Outcome::Broken);
        // A fixed ±0.5万元 tolerance would hide this slip.
        assert_eq!(judge(&n("26.42"), sum(&["0.00", "16.71", "9.31"]), Some(2)), Outcome::Broken);
    }

    #[test]
    fn percentages_carry_intervals_through_the_division() {
        let rate = |a: &str, b: &str| Interval::of(&n(a)).unwrap().percent_of(Interval::of(&n(b)).unwrap()).unwrap();
        // 26.42 / 44 = 60.045…%: "60%" holds.
        assert_eq!(judge(&n("60%"), rate("26.42", "44"), Some(0)), Outcome::Held);
        // 211.6 / 235.26 = 89.94…%: "89.95%" holds within 211.6's interval.
        assert_eq!(judge(&n("89.95%"), rate("211.6", "235.26"), Some(2)), Outcome::Held);
        // 9.71 / 20 = 48.55%: "100%" is broken.
        assert_eq!(judge(&n("100%"), rate("9.71", "20"), Some(0)), Outcome::Broken);
        // A zero base has no percentage.
        assert!(Interval::of(&n("0")).unwrap().percent_of(Interval::of(&n("0")).unwrap()).is_none());
    }

    #[test]
    fn exact_figures_stand_for_themselves_and_allow_no_rounding() {
        let exact = |text: &str| n(text).exactly();
        assert_eq!(Interval::of(&exact("3")), Some(Interval::exact(Decimal::from(3))));
        let counts = [exact("1"), exact("1")];
        let parts = Interval::sum(&counts).unwrap();
        // 3辆 stated, 1 + 1 listed: one unit off, yet nothing was rounded.
        assert_eq!(allowance(counts.iter().chain([&exact("3")])), None);
        assert_eq!(judge(&exact("3"), parts, None), Outcome::Broken);
        assert_eq!(judge(&exact("2"), parts, None), Outcome::Held);
        // Beside a rounded figure the rounded one sets the allowance.
        assert_eq!(allowance([&exact("20"), &n("44.0")]), Some(1));
    }

    #[test]
    fn figures_beyond_decimal_range_are_not_judged() {
        let max = Number { value: Decimal::MAX, decimals: 0, percent: false, exact: false };
        // Decimal::MAX ± ½ overflows: no interval, so no verdict (issue #14: was a panic).
        assert_eq!(Interval::of(&max), None);
        assert_eq!(Interval::sum(&[max.exactly(), max.exactly()]), None);
        assert_eq!(super::judge(&max, Interval::exact(Decimal::ZERO), Some(0)), None);
        // A 27-digit figure ×100 in a rate: beyond the range, not a panic.
        let big = Interval::exact(Decimal::from_i128_with_scale(10i128.pow(27), 0));
        assert_eq!(big.percent_of(Interval::exact(Decimal::ONE)), None);
        // 28 decimals: no half unit at the 29th.
        let fine = Number { value: Decimal::new(1, 28), decimals: 28, percent: false, exact: false };
        assert_eq!(Interval::of(&fine), None);
        assert_eq!(unit(29), None);
    }

    #[test]
    fn display_pads_to_the_requested_decimals() {
        assert_eq!(display(Decimal::new(2807, 1), 2), "280.70");
        assert_eq!(display(Decimal::new(600454, 4), 2), "60.05");
        assert_eq!(grouped("11419043.00"), "11,419,043.00");
        assert_eq!(grouped("-516000.00"), "-516,000.00");
        assert_eq!(grouped("999"), "999");
        assert_eq!(grouped("-1000"), "-1,000");
        assert_eq!(grouped("0.50"), "0.50");
    }
}
