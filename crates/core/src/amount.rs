//! Numbers as they appear in the documents: `280.72`, `5,487.18`, OCR-damaged `5, 487. 18`,
//! full-width digits, `100.00 %`, negatives (`-26.42`, `—26.42`, `△26.42`, `(26.42)`), and the
//! "nothing" markers `-`, `—`, `——`.

#![deny(clippy::arithmetic_side_effects, clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::borrow::Cow;

use rust_decimal::Decimal;
use serde::Serialize;

/// A number as displayed: its exact value, how many decimals were shown and whether it carried `%`.
///
/// `211.6` and `211.60` are equal values with different `decimals`; rounding rules need both.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Number {
    /// The value as displayed (a percentage keeps its displayed figure: `78.7%` → 78.7).
    pub value: Decimal,
    /// Number of decimals shown (`211.60` → 2, `44` → 0).
    pub decimals: u32,
    /// Whether the figure was written with `%`.
    pub percent: bool,
    /// Whether the figure is the value itself rather than a rounding of it: a count, a weight
    /// (分值), an awarded score. Never set by reading; the rules that know say so
    /// ([`Number::exactly`]).
    #[serde(skip)]
    pub exact: bool,
}

impl Number {
    /// The same figure, known to be exact.
    pub fn exactly(self) -> Self {
        Number { exact: true, ..self }
    }
}

/// What a table cell holds once read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CellValue {
    /// Nothing written.
    Empty,
    /// An explicit "nothing" marker: `-`, `—`, `——`, `…`.
    Nil,
    /// A number (amount, count, score or percentage).
    Number(Number),
    /// Anything else (labels, indicator values like `10 批次`).
    Text,
}

/// Reads one cell's text.
pub fn cell_value(text: &str) -> CellValue {
    // A cell opening with a character no number or marker is written with (a label) is text,
    // told without normalising it.
    if crate::ingest::trim(text).chars().next().is_some_and(|c| !is_number_or_marker_char(c)) {
        return CellValue::Text;
    }
    let compact = normalise_number_text(text);
    if compact.is_empty() {
        return CellValue::Empty;
    }
    if compact.chars().all(|c| matches!(c, '-' | '—' | '–' | '─')) {
        return CellValue::Nil;
    }
    match parse_compact(&compact) {
        Some(number) => CellValue::Number(number),
        None => CellValue::Text,
    }
}

/// Whether `c` may be part of a number or a nothing-marker as written (before [`normalise_number_text`]).
fn is_number_or_marker_char(c: char) -> bool {
    matches!(c, '0'..='9' | ',' | '.' | '-' | '%' | '０'..='９' | '．' | '，' | '％' | '－' | '−' | '—' | '–' | '─' | '△' | '(' | '（')
}

/// Parses a cell that should hold exactly one number; `None` for anything else.
pub fn parse_number(text: &str) -> Option<Number> {
    parse_compact(&normalise_number_text(text))
}

/// Whether `text` is a figure written as one (digits, separators, a fraction) but beyond the
/// checkable range, so it is not read as a number ([`parse_number`] gives `None`).
pub fn is_beyond_range(text: &str) -> bool {
    matches!(read_compact(&normalise_number_text(text)), Err(Unread::BeyondRange))
}

/// Why text is not read as a number.
#[derive(Debug, PartialEq, Eq)]
enum Unread {
    /// Not a figure as written.
    NotANumber,
    /// A figure, but with more integer digits or decimals than the checks can compute with.
    BeyondRange,
}

/// Decimals a figure may show and be checked.
const MAX_DECIMALS: u32 = 6;
/// Integer digits a figure may have and be checked (below 10^13: products of two such figures,
/// as in 分值 × 执行率, stay well within `Decimal`'s 28 digits).
const MAX_INTEGER_DIGITS: u32 = 13;

/// Parses text already through [`normalise_number_text`]: digits with optional thousands
/// separators (`5,487`: one to three digits, then groups of three) and an optional fraction,
/// read in one pass. A negative is signed (`-`, `—`, `–`, or `△` as accountants write it) or
/// bracketed with a point or a separator inside (`(26.42)`; `(1)` is a label's number).
fn parse_compact(compact: &str) -> Option<Number> {
    read_compact(compact).ok()
}

/// [`parse_compact`], telling a figure beyond the checkable range from text.
fn read_compact(compact: &str) -> Result<Number, Unread> {
    let bracketed =
        compact.strip_prefix('(').and_then(|inner| inner.strip_suffix(')')).filter(|inner| inner.contains(['.', ',']));
    let (body, percent) = match bracketed.unwrap_or(compact).strip_suffix('%') {
        Some(body) => (body, true),
        None => (bracketed.unwrap_or(compact), false),
    };
    let (negative, digits) = match body.strip_prefix(['-', '—', '–', '△']) {
        Some(_) if bracketed.is_some() => return Err(Unread::NotANumber),
        Some(digits) => (true, digits),
        None => (bracketed.is_some(), body),
    };
    // Saturating: a mantissa that no longer fits stays beyond the range.
    let mut mantissa: i128 = 0;
    // Digits since the start or the last separator, separators seen, and digits after the point.
    let (mut group, mut separators, mut decimals) = (0usize, 0u32, None::<u32>);
    // An integer part ends well with digits, and with a full group after a separator.
    let whole_group = |group: usize, separators: u32| group > 0 && (separators == 0 || group == 3);
    for byte in digits.bytes() {
        match (byte, decimals.as_mut()) {
            (b'0'..=b'9', fraction) => {
                mantissa = mantissa.saturating_mul(10).saturating_add(i128::from(byte.wrapping_sub(b'0')));
                match fraction {
                    Some(decimals) => *decimals = decimals.saturating_add(1),
                    None => group = group.saturating_add(1),
                }
            }
            (b',', None) if (1..=3).contains(&group) && (separators == 0 || group == 3) => {
                separators = separators.saturating_add(1);
                group = 0;
            }
            (b'.', None) if whole_group(group, separators) => decimals = Some(0),
            _ => return Err(Unread::NotANumber),
        }
    }
    let decimals = match decimals {
        Some(0) => return Err(Unread::NotANumber),
        Some(decimals) => decimals,
        None if whole_group(group, separators) => 0,
        None => return Err(Unread::NotANumber),
    };
    // Beyond what a disclosure states (ten trillion, six decimals), a figure would overflow the
    // arithmetic of the checks (sums, products, rates); it is not read as a number.
    let limit = 10i128.checked_pow(MAX_INTEGER_DIGITS.saturating_add(decimals));
    if decimals > MAX_DECIMALS || limit.is_none_or(|limit| mantissa >= limit) {
        return Err(Unread::BeyondRange);
    }
    if negative {
        mantissa = mantissa.saturating_neg();
    }
    let value = Decimal::try_from_i128_with_scale(mantissa, decimals).map_err(|_| Unread::BeyondRange)?;
    Ok(Number { value, decimals, percent, exact: false })
}

/// Full-width forms to ASCII, all whitespace removed (OCR puts spaces inside numbers).
fn normalise_number_text(text: &str) -> Cow<'_, str> {
    // Printable ASCII (most cells) is already normal: it is borrowed, not copied.
    if text.bytes().all(|b| b.is_ascii_graphic()) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            c if c.is_whitespace() => {}
            '０'..='９' => {
                out.push((c as u32).checked_sub('０' as u32).and_then(|digit| char::from_digit(digit, 10)).unwrap_or(c))
            }
            '．' => out.push('.'),
            '，' => out.push(','),
            '％' => out.push('%'),
            '－' | '−' => out.push('-'),
            '（' => out.push('('),
            '）' => out.push(')'),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
#[allow(clippy::arithmetic_side_effects, clippy::unwrap_used)]
mod tests {
    use super::*;

    fn number(text: &str) -> (String, u32, bool) {
        let n = parse_number(text).unwrap_or_else(|| panic!("{text:?} should parse"));
        (n.value.to_string(), n.decimals, n.percent)
    }

    #[test]
    fn plain_amounts_keep_their_displayed_decimals() {
        assert_eq!(number("280.72"), ("280.72".into(), 2, false));
        assert_eq!(number("211.60"), ("211.60".into(), 2, false));
        assert_eq!(number("211.6"), ("211.6".into(), 1, false));
        assert_eq!(number("44"), ("44".into(), 0, false));
        assert_eq!(number("0.00"), ("0.00".into(), 2, false));
    }

    #[test]
    fn thousands_separators_and_ocr_spacing() {
        assert_eq!(number("5,487.18"), ("5487.18".into(), 2, false));
        assert_eq!(number("5, 487. 18"), ("5487.18".into(), 2, false));
        assert_eq!(number("3, 508. 11"), ("3508.11".into(), 2, false));
        assert_eq!(number("139. 69"), ("139.69".into(), 2, false));
    }

    #[test]
    fn full_width_digits_and_percentages() {
        assert_eq!(number("２８０．７２"), ("280.72".into(), 2, false));
        assert_eq!(number("100.00 %"), ("100.00".into(), 2, true));
        assert_eq!(number("78.7%"), ("78.7".into(), 1, true));
        assert_eq!(number("１００％"), ("100".into(), 0, true));
        assert_eq!(number("-3.5"), ("-3.5".into(), 1, false));
    }

    #[test]
    fn negatives_as_people_write_them() {
        for text in ["-26.42", "－26.42", "—26.42", "–26.42", "△26.42", "(26.42)", "（26.42）", "( 26.42 )"] {
            assert_eq!(number(text), ("-26.42".into(), 2, false), "{text}");
        }
        assert_eq!(number("(1,234)"), ("-1234".into(), 0, false));
        assert_eq!(number("(5.0%)"), ("-5.0".into(), 1, true));
        // A bracketed whole number is a label's number; markers and signs alone are no figure.
        for text in ["(1)", "（一）", "△", "(26.42", "—(26.42)", "△-1"] {
            assert_eq!(cell_value(text), CellValue::Text, "{text}");
        }
        for nil in ["—", "——", "–"] {
            assert_eq!(cell_value(nil), CellValue::Nil, "{nil}");
        }
    }

    proptest::proptest! {
        /// A cell told to be text by its first character reads as the full reading would.
        #[test]
        fn labels_are_told_as_the_full_reading_does(chars in proptest::collection::vec(proptest::sample::select("1０,，.．-－−—–─%％ \u{3000}合计a(".chars().collect::<Vec<_>>()), 0..8)) {
            let text: String = chars.into_iter().collect();
            let compact = normalise_number_text(&text);
            let full = if compact.is_empty() {
                CellValue::Empty
            } else if compact.chars().all(|c| matches!(c, '-' | '—' | '–' | '─')) {
                CellValue::Nil
            } else {
                parse_compact(&compact).map_or(CellValue::Text, CellValue::Number)
            };
            proptest::prop_assert_eq!(cell_value(&text), full);
        }
    }

    #[test]
    fn nothing_markers_empty_cells_and_text() {
        for nil in ["-", "—", "——", "－"] {
            assert_eq!(cell_value(nil), CellValue::Nil, "{nil}");
        }
        assert_eq!(cell_value("  "), CellValue::Empty);
        // Beyond the checkable range (issue #14's inputs): not numbers, so no check overflows.
        for text in ["79228162514264337593543950335", "10000000000000", "0.9999999999999999999999999999", "1.1234567"] {
            assert_eq!(parse_number(text), None, "{text}");
        }
        for text in ["9999999999999.99", "1.123456", "-9999999999999"] {
            assert!(parse_number(text).is_some(), "{text}");
        }
        for text in ["10 批次", "≥90%", "1,23.4", "12.", "合计", "5,4870.1"] {
            assert_eq!(cell_value(text), CellValue::Text, "{text}");
        }
    }

    /// The reading in passes that [`parse_compact`] replaced, as the reference it is held to.
    fn parse_compact_in_passes(compact: &str) -> Option<Number> {
        let (body, percent) = match compact.strip_suffix('%') {
            Some(body) => (body, true),
            None => (compact, false),
        };
        let digits = body.strip_prefix('-').unwrap_or(body);
        let (int, frac) = match digits.split_once('.') {
            Some((int, frac)) => (int, Some(frac)),
            None => (digits, None),
        };
        if frac.is_some_and(|frac| frac.is_empty() || !frac.bytes().all(|b| b.is_ascii_digit())) || int.is_empty() {
            return None;
        }
        let mut groups = int.split(',');
        let first = groups.next().unwrap_or_default();
        let well_formed = if first.len() == int.len() {
            int.bytes().all(|b| b.is_ascii_digit())
        } else {
            (1..=3).contains(&first.len())
                && first.bytes().all(|b| b.is_ascii_digit())
                && groups.all(|g| g.len() == 3 && g.bytes().all(|b| b.is_ascii_digit()))
        };
        if !well_formed {
            return None;
        }
        let decimals = frac.map_or(0, |frac| frac.len() as u32);
        let mut mantissa: i128 = 0;
        for digit in digits.bytes().filter(u8::is_ascii_digit) {
            mantissa = mantissa.checked_mul(10)?.checked_add(i128::from(digit - b'0'))?;
        }
        // The checkable range: at most 13 integer digits and 6 decimals.
        if decimals > 6 || int.bytes().filter(u8::is_ascii_digit).skip_while(|&d| d == b'0').count() > 13 {
            return None;
        }
        if body.starts_with('-') {
            mantissa = -mantissa;
        }
        let value = Decimal::try_from_i128_with_scale(mantissa, decimals).ok()?;
        Some(Number { value, decimals, percent, exact: false })
    }

    proptest::proptest! {
        /// The one-pass reading accepts and reads what the reading in passes did.
        #[test]
        fn one_pass_reads_as_in_passes(chars in proptest::collection::vec(proptest::sample::select("0123456789,.-%a".chars().collect::<Vec<_>>()), 0..16)) {
            let text: String = chars.into_iter().collect();
            proptest::prop_assert_eq!(parse_compact(&text), parse_compact_in_passes(&text));
        }

        /// Digits are read into the same value, sign and scale as rust_decimal's own parser,
        /// within the checkable range (13 integer digits, 6 decimals; beyond it, no number).
        #[test]
        fn reads_what_rust_decimal_reads(text in "-?[0-9]{1,13}(\\.[0-9]{1,6})?") {
            let expected: Decimal = text.parse().unwrap();
            let number = parse_number(&text).unwrap();
            proptest::prop_assert_eq!(number.value.to_string(), expected.to_string());
            proptest::prop_assert_eq!(number.value.is_sign_negative(), expected.is_sign_negative());
        }
    }
}
