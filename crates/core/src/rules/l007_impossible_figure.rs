use rust_decimal::Decimal;

use super::{declare_rule, lookup, verdicts, Check};
use crate::amount::parse_number;
use crate::check::Checker;
use crate::ingest::contains;
use crate::report::ParseReport;

declare_rule! {
    /// ## What
    /// A share stated in the text (`占…的P%`, `占比P%`) is at most 100%, and an amount of money
    /// (`…万元`, `…元`) is not negative. Rates that may exceed 100% — 完成预算的P%, 增长P% —
    /// are not shares and are left alone. Each share and each amount is one relation.
    ///
    /// ## Why
    /// A part cannot be more than its whole, and spending or income cannot be below zero: such
    /// a figure is wrong whatever the tables say (a slipped digit, swapped figures or a sign).
    ///
    /// ## Example
    /// `基本支出211.6万元，占本年支出合计的175.38%`: error. `占75.38%`: holds.
    /// `支出决算为-3.5万元`: error.
    ///
    /// ## Source
    /// docs/domain.md §5 (shares `占P%`), §9.
    pub struct ImpossibleFigure {
        code: "L007",
        name: "impossible-figure",
        title_zh: "比重超过100%或金额为负",
        title_en: "Share above 100% or negative amount",
        category: Form,
        severity: Error,
    }
}

/// A share: `占` (not `占用`, `占有`, `占地`) and the first percentage after it in the clause, as
/// the pattern `占(?:[^用有地压，。；：\d%][^，。；：\d%]{0,30})?(\d+(?:\.\d+)?)\s*[%％]` reads
/// it: byte offset, text and the percentage's number.
fn shares(text: &str) -> Vec<(usize, &str, &str)> {
    let stops = |c: char| matches!(c, '，' | '。' | '；' | '：' | '%') || c.is_ascii_digit();
    let bytes = text.as_bytes();
    let digit = |i: usize| bytes.get(i).is_some_and(u8::is_ascii_digit);
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(start) = text[from..].find('占').map(|at| from + at) {
        from = start + '占'.len_utf8();
        // The words between `占` and the number: up to 31 characters, none of them a stop.
        let rest = &text[from..];
        let Some((words, (at, _))) = rest.char_indices().take(32).enumerate().find(|(_, (_, c))| stops(*c)) else {
            continue;
        };
        if words > 0 && rest.starts_with(['用', '有', '地', '压']) || !digit(from + at) {
            continue;
        }
        let number_start = from + at;
        let mut end = number_start;
        while digit(end) {
            end += 1;
        }
        if bytes.get(end) == Some(&b'.') && digit(end + 1) {
            end += 2;
            while digit(end) {
                end += 1;
            }
        }
        let number_end = end;
        while bytes.get(end).copied().is_some_and(lookup::is_space) {
            end += 1;
        }
        let Some(mark) = ['%', '％'].into_iter().find(|m| text[end..].starts_with(*m)) else { continue };
        end += mark.len_utf8();
        out.push((start, &text[start..end], &text[number_start..number_end]));
        from = end;
    }
    out
}

/// An amount of money with the sign it is written with, if any (`-3.5万元`, `－3.5万元`), as the
/// pattern `([-－−]?)\s*\d[\d,]*(?:\.\d+)?\s*(?:万元|亿元|元)` reads it: byte offset, text and sign.
fn amounts(text: &str) -> Vec<(usize, &str, &str)> {
    let bytes = text.as_bytes();
    let is_sign = |c: char| matches!(c, '-' | '－' | '−');
    // Where an amount may start at or after `from`: a digit, a sign or spacing. Those are ASCII
    // or led by 0xE2 (`−`) or 0xEF (`－`) in UTF-8; other bytes are passed over undecoded.
    let next_start = |from: usize| {
        (from..text.len())
            .filter(|&at| matches!(bytes[at], b'0'..=b'9' | b'-' | 0xE2 | 0xEF) || lookup::is_space(bytes[at]))
            .filter_map(|at| Some((at, text[at..].chars().next()?)))
            .find(|&(_, c)| c.is_ascii_digit() || is_sign(c) || c.is_ascii() && lookup::is_space(c as u8))
    };
    let mut out = Vec::new();
    let mut from = 0;
    while let Some((start, c)) = next_start(from) {
        let sign_end = start + if is_sign(c) { c.len_utf8() } else { 0 };
        let mut number = sign_end;
        while bytes.get(number).copied().is_some_and(lookup::is_space) {
            number += 1;
        }
        if !bytes.get(number).is_some_and(u8::is_ascii_digit) {
            from = if sign_end > start { sign_end } else { number };
            continue;
        }
        match lookup::money_at(text, number) {
            Ok((end, _)) => {
                out.push((start, &text[start..end], &text[start..sign_end]));
                from = end;
            }
            Err(run_end) => from = run_end,
        }
    }
    out
}

/// How many shares and amounts `text` states, and the impossible ones: byte offset, the text,
/// and whether it is a share (else an amount).
fn impossible(text: &str) -> (usize, Vec<(usize, &str, bool)>) {
    let mut checked = 0;
    let mut out = Vec::new();
    // Both patterns need `占` or `元`: skip the scans for texts without them.
    let shares = if contains(text, "占") { shares(text) } else { Vec::new() };
    for (start, whole, number) in shares {
        checked += 1;
        let percent = parse_number(number).map_or(Decimal::ZERO, |n| n.value);
        if percent > Decimal::ONE_HUNDRED {
            out.push((start, whole, true));
        }
    }
    let amounts = if contains(text, "元") { amounts(text) } else { Vec::new() };
    for (start, whole, sign) in amounts {
        // A sign right after a digit is a range (`1-2万元`), not a negative amount.
        let after_digit = text[..start].chars().next_back().is_some_and(|ch| ch.is_ascii_digit());
        if after_digit && !sign.is_empty() {
            continue;
        }
        checked += 1;
        if !sign.is_empty() {
            out.push((start, whole, false));
        }
    }
    (checked, out)
}

impl Check for ImpossibleFigure {
    fn check(&self, document: &ParseReport, checker: &mut Checker) {
        for paragraph in lookup::paragraphs(document) {
            let (checked, found) = impossible(&paragraph.text);
            let held = checked - found.len();
            let matches = found
                .into_iter()
                .map(|(offset, figure, is_share)| {
                    let (zh, en) = if is_share {
                        ("比重超过100%", "a share above 100%")
                    } else {
                        ("金额为负数", "a negative amount")
                    };
                    verdicts::Match {
                        offset,
                        text: figure,
                        message: format!("{}：「{figure}」是{zh}", Self::INFO.title_zh),
                        message_en: format!("{}: «{figure}» is {en}", Self::INFO.title_en),
                    }
                })
                .collect();
            verdicts::lint_paragraph(checker, &Self::INFO, paragraph, held, matches);
        }
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn found(text: &str) -> Vec<&str> {
        impossible(text).1.into_iter().map(|(_, f, _)| f).collect()
    }

    #[test]
    fn shares_above_100_and_negative_amounts_are_impossible() {
        assert_eq!(found("基本支出211.6万元，占本年支出合计的175.38%；项目支出占24.62%"), ["占本年支出合计的175.38%"]);
        assert_eq!(found("支出决算为-3.5万元"), ["-3.5万元"]);
    }

    #[test]
    fn rates_ranges_and_whole_shares_are_possible() {
        assert!(found("完成预算的249.9%，增长416.32%，占100.0%，国有资产占用情况").is_empty());
        assert!(found("每人1-2万元，占政府采购支出总额的100%").is_empty());
        assert_eq!(impossible("占75.38%，共5万元").0, 2);
    }

    proptest! {
        /// The scans read what the patterns they spell out would.
        #[test]
        fn scans_read_as_the_patterns_do(chars in prop::collection::vec(prop::sample::select("占用地05.,%％ \t\u{b}元万亿-－−，。的比a".chars().collect::<Vec<_>>()), 0..40)) {
            let text: String = chars.into_iter().collect();
            let share = regex_lite::Regex::new(r"占(?:[^用有地压，。；：\d%][^，。；：\d%]{0,30})?(\d+(?:\.\d+)?)\s*[%％]").unwrap();
            let amount = regex_lite::Regex::new(r"([-－−]?)\s*\d[\d,]*(?:\.\d+)?\s*(?:万元|亿元|元)").unwrap();
            let by_pattern: Vec<_> = share.captures_iter(&text).map(|c| (c.get(0).unwrap().start(), c.get(0).unwrap().as_str(), c.get(1).unwrap().as_str())).collect();
            prop_assert_eq!(shares(&text), by_pattern);
            let by_pattern: Vec<_> = amount.captures_iter(&text).map(|c| (c.get(0).unwrap().start(), c.get(0).unwrap().as_str(), c.get(1).unwrap().as_str())).collect();
            prop_assert_eq!(amounts(&text), by_pattern);
        }
    }
}
