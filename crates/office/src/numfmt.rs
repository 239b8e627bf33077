//! Numbers as a sheet displays them: a cell's float written with its number format's decimals,
//! thousands separators and percent sign (`#,##0.00` shows 1234.5 as `1,234.50`, a 2-decimal
//! figure), through a decimal, never as float arithmetic.

use rust_decimal::{Decimal, RoundingStrategy};

/// How a number format writes a number: the first section (positive numbers) of the format
/// code, its quoted text, escapes and `[…]` parts left out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Display {
    /// `None` for `General`: as many decimals as the value has, up to 10 significant digits.
    pub decimals: Option<u32>,
    pub grouped: bool,
    pub percent: bool,
}

impl Display {
    pub const GENERAL: Display = Display { decimals: None, grouped: false, percent: false };

    /// The display of a format code (`General`, `0.00`, `#,##0.00_ ;[Red]-#,##0.00`, `0.0%`).
    pub fn of(code: &str) -> Display {
        let mut digits_before_point = false;
        let (mut decimals, mut after_point, mut grouped, mut percent) = (0u32, false, false, false);
        let mut any_digit = false;
        let mut chars = code.chars();
        while let Some(c) = chars.next() {
            match c {
                ';' => break,
                '"' => {
                    for c in chars.by_ref() {
                        if c == '"' {
                            break;
                        }
                    }
                }
                '[' => {
                    for c in chars.by_ref() {
                        if c == ']' {
                            break;
                        }
                    }
                }
                '\\' | '_' | '*' => {
                    chars.next();
                }
                '0' | '#' | '?' => {
                    any_digit = true;
                    if after_point {
                        decimals += 1;
                    } else {
                        digits_before_point = true;
                    }
                }
                '.' => after_point = true,
                ',' if digits_before_point && !after_point => grouped = true,
                '%' => percent = true,
                _ => {}
            }
        }
        if !any_digit {
            return Display::GENERAL;
        }
        Display { decimals: Some(decimals), grouped, percent }
    }

    /// A cell's float as displayed: the float's shortest decimal that reads back as the same
    /// float, then rounded half away from zero, as office suites display it.
    pub fn write_float(self, value: f64) -> String {
        match format!("{value}").parse::<Decimal>() {
            Ok(number) => self.write(number),
            Err(_) => format!("{value}"),
        }
    }

    /// `number` as displayed.
    pub fn write(self, mut number: Decimal) -> String {
        if self.percent {
            number *= Decimal::ONE_HUNDRED;
        }
        let written = match self.decimals {
            Some(decimals) => {
                let mut rounded = number.round_dp_with_strategy(decimals, RoundingStrategy::MidpointAwayFromZero);
                rounded.rescale(decimals);
                rounded.to_string()
            }
            None => general(number),
        };
        let written = if self.grouped { group(&written) } else { written };
        if self.percent {
            written + "%"
        } else {
            written
        }
    }
}

/// `General`: up to 10 significant digits, trailing zeros dropped.
fn general(number: Decimal) -> String {
    let integer_digits = number.abs().trunc().to_string().trim_start_matches('0').len() as u32;
    number
        .round_dp_with_strategy(10u32.saturating_sub(integer_digits), RoundingStrategy::MidpointAwayFromZero)
        .normalize()
        .to_string()
}

/// Thousands separators in the integer part: `-1234567.5` → `-1,234,567.5`.
fn group(written: &str) -> String {
    let (sign, unsigned) = written.strip_prefix('-').map_or(("", written), |rest| ("-", rest));
    let (integer, fraction) = unsigned.split_once('.').map_or((unsigned, None), |(i, f)| (i, Some(f)));
    let mut out = String::from(sign);
    for (index, digit) in integer.chars().enumerate() {
        if index > 0 && (integer.len() - index) % 3 == 0 {
            out.push(',');
        }
        out.push(digit);
    }
    if let Some(fraction) = fraction {
        out.push('.');
        out.push_str(fraction);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_are_written_with_their_formats_decimals() {
        assert_eq!(Display::of("#,##0.00").write_float(1234.5), "1,234.50");
        assert_eq!(Display::of("0.00").write_float(1234.5), "1234.50");
        assert_eq!(Display::of("#,##0.00_ ;[Red]\\-#,##0.00\\ ").write_float(-1234567.125), "-1,234,567.13");
        assert_eq!(Display::of("0.0%").write_float(0.9525), "95.3%");
        assert_eq!(Display::of("#,##0").write_float(1234.5), "1,235");
        assert_eq!(Display::of("\"¥\"#,##0.00").write_float(0.1 + 0.2), "0.30");
        assert_eq!(Display::of("General").write_float(1234.5), "1234.5");
        assert_eq!(Display::of("@").write_float(12.0), "12");
    }

    #[test]
    fn general_shows_ten_significant_digits() {
        assert_eq!(Display::GENERAL.write_float(0.1 + 0.2), "0.3");
        assert_eq!(Display::GENERAL.write_float(2_081_000.0), "2081000");
        assert_eq!(Display::GENERAL.write_float(1.0 / 3.0), "0.3333333333");
    }
}
