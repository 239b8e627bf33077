//! Rounding-aware arithmetic (DOMAIN.md §3, the XBRL Calculations 1.1 idea).
//!
//! A figure shown with `d` decimals stands for every value that rounds to it: the interval
//! `[v − ½·10^−d, v + ½·10^−d)`. A relation **holds** when the interval of the computed side
//! meets the interval of the stated figure. Outside that, a gap of at most one unit in the
//! last displayed digit is a **rounding** discrepancy (尾数误差); anything larger is
//! **broken**. No fixed tolerance: `211.6` is looser than `211.60`, a sum of ten rounded
//! parts is looser than a sum of two.

use rust_decimal::Decimal;
use serde::Serialize;

use crate::amount::Number;

/// The values a displayed figure may stand for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Interval {
    pub lo: Decimal,
    pub hi: Decimal,
}

impl Interval {
    /// The interval of a displayed number (a percentage stays in percent units); a single
    /// value when the number is exact.
    pub fn of(number: &Number) -> Self {
        if number.exact {
            return Self::exact(number.value);
        }
        let half = half_unit(number.decimals);
        Interval { lo: number.value - half, hi: number.value + half }
    }

    /// A value known exactly (a count, a stated maximum like 100 分).
    pub fn exact(value: Decimal) -> Self {
        Interval { lo: value, hi: value }
    }

    /// The interval of `100 · self / other`; `None` when `other` may be zero or negative.
    pub fn percent_of(self, other: Interval) -> Option<Self> {
        if other.lo <= Decimal::ZERO {
            return None;
        }
        let hundred = Decimal::ONE_HUNDRED;
        let candidates = [self.lo / other.lo, self.lo / other.hi, self.hi / other.lo, self.hi / other.hi];
        let lo = candidates.iter().copied().min().expect("four candidates");
        let hi = candidates.iter().copied().max().expect("four candidates");
        Some(Interval { lo: lo * hundred, hi: hi * hundred })
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

    /// The midpoint: the value computed from the displayed figures.
    pub fn mid(&self) -> Decimal {
        (self.lo + self.hi) / Decimal::TWO
    }
}

/// Every sum of a value from each interval.
impl std::ops::Add for Interval {
    type Output = Interval;

    fn add(self, other: Interval) -> Interval {
        Interval { lo: self.lo + other.lo, hi: self.hi + other.hi }
    }
}

/// Every difference of a value from each interval.
impl std::ops::Sub for Interval {
    type Output = Interval;

    fn sub(self, other: Interval) -> Interval {
        Interval { lo: self.lo - other.hi, hi: self.hi - other.lo }
    }
}

/// Half a unit in the `decimals`-th decimal place.
fn half_unit(decimals: u32) -> Decimal {
    Decimal::new(5, decimals + 1)
}

/// One unit in the `decimals`-th decimal place.
pub fn unit(decimals: u32) -> Decimal {
    Decimal::new(1, decimals)
}

/// The verdict on one evaluated relation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
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
pub fn judge(stated: &Number, computed: Interval, allowance: Option<u32>) -> Outcome {
    let stated_interval = Interval::of(stated);
    if stated_interval.meets(&computed) {
        return Outcome::Held;
    }
    if allowance.is_some_and(|decimals| (stated.value - computed.mid()).abs() <= unit(decimals)) {
        Outcome::Rounding
    } else {
        Outcome::Broken
    }
}

/// Displays a decimal with exactly `decimals` places (`280.7` → `280.70`).
pub fn display(value: Decimal, decimals: u32) -> String {
    let mut rounded = value.round_dp(decimals);
    rounded.rescale(decimals);
    rounded.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::amount::parse_number;

    fn n(text: &str) -> Number {
        parse_number(text).unwrap()
    }

    fn sum(parts: &[&str]) -> Interval {
        parts.iter().fold(Interval::exact(Decimal::ZERO), |acc, p| acc + Interval::of(&n(p)))
    }

    #[test]
    fn displayed_precision_sets_the_interval() {
        let i = Interval::of(&n("211.6"));
        assert_eq!((i.lo.to_string(), i.hi.to_string()), ("211.55".into(), "211.65".into()));
        let i = Interval::of(&n("211.60"));
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
        let rate = |a: &str, b: &str| Interval::of(&n(a)).percent_of(Interval::of(&n(b))).unwrap();
        // 26.42 / 44 = 60.045…%: "60%" holds.
        assert_eq!(judge(&n("60%"), rate("26.42", "44"), Some(0)), Outcome::Held);
        // 211.6 / 235.26 = 89.94…%: "89.95%" holds within 211.6's interval.
        assert_eq!(judge(&n("89.95%"), rate("211.6", "235.26"), Some(2)), Outcome::Held);
        // 9.71 / 20 = 48.55%: "100%" is broken.
        assert_eq!(judge(&n("100%"), rate("9.71", "20"), Some(0)), Outcome::Broken);
        // A zero base has no percentage.
        assert!(Interval::of(&n("0")).percent_of(Interval::of(&n("0"))).is_none());
    }

    #[test]
    fn exact_figures_stand_for_themselves_and_allow_no_rounding() {
        let exact = |text: &str| n(text).exactly();
        assert_eq!(Interval::of(&exact("3")), Interval::exact(Decimal::from(3)));
        let counts = [exact("1"), exact("1")];
        let parts = counts.iter().fold(Interval::exact(Decimal::ZERO), |acc, c| acc + Interval::of(c));
        // 3辆 stated, 1 + 1 listed: one unit off, yet nothing was rounded.
        assert_eq!(allowance(counts.iter().chain([&exact("3")])), None);
        assert_eq!(judge(&exact("3"), parts, None), Outcome::Broken);
        assert_eq!(judge(&exact("2"), parts, None), Outcome::Held);
        // Beside a rounded figure the rounded one sets the allowance.
        assert_eq!(allowance([&exact("20"), &n("44.0")]), Some(1));
    }

    #[test]
    fn display_pads_to_the_requested_decimals() {
        assert_eq!(display(Decimal::new(2807, 1), 2), "280.70");
        assert_eq!(display(Decimal::new(600454, 4), 2), "60.05");
    }
}
