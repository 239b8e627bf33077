use std::sync::OnceLock;

use regex_lite::Regex;
use rust_decimal::Decimal;

use super::{declare_rule, lookup, Rule, RuleInfo};
use crate::check::Checker;
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
    /// DOMAIN.md §5 (shares `占P%`), §9.
    pub struct ImpossibleFigure {
        code: "L007",
        name: "impossible-figure",
        title_zh: "比重超过100%或金额为负",
        title_en: "Share above 100% or negative amount",
        category: Form,
        severity: Error,
    }
}

/// A share: `占` (not `占用`, `占有`, `占地`) and the first percentage after it in the clause.
fn share() -> &'static Regex {
    static PATTERN: OnceLock<Regex> = OnceLock::new();
    PATTERN.get_or_init(|| Regex::new(r"占(?:[^用有地压，。；：\d%][^，。；：\d%]{0,30})?(\d+(?:\.\d+)?)\s*[%％]").expect("valid pattern"))
}

/// An amount of money, with the sign it is written with, if any (`-3.5万元`, `－3.5万元`).
fn amount() -> &'static Regex {
    static PATTERN: OnceLock<Regex> = OnceLock::new();
    PATTERN.get_or_init(|| Regex::new(r"([-－−]?)\s*\d[\d,]*(?:\.\d+)?\s*(?:万元|亿元|元)").expect("valid pattern"))
}

/// How many shares and amounts `text` states, and the impossible ones: byte offset, the text,
/// and whether it is a share (else an amount).
fn impossible(text: &str) -> (usize, Vec<(usize, &str, bool)>) {
    let mut checked = 0;
    let mut out = Vec::new();
    // Both patterns need `占` or `元`: skip the regexes for texts without them.
    let shares = if text.contains('占') { share().captures_iter(text).collect() } else { Vec::new() };
    for c in shares {
        checked += 1;
        let whole = c.get(0).expect("match");
        let percent: Decimal = c[1].parse().unwrap_or_default();
        if percent > Decimal::ONE_HUNDRED {
            out.push((whole.start(), whole.as_str(), true));
        }
    }
    let amounts = if text.contains('元') { amount().captures_iter(text).collect() } else { Vec::new() };
    for c in amounts {
        let whole = c.get(0).expect("match");
        // A sign right after a digit is a range (`1-2万元`), not a negative amount.
        let after_digit = text[..whole.start()].chars().next_back().is_some_and(|ch| ch.is_ascii_digit());
        if after_digit && !c[1].is_empty() {
            continue;
        }
        checked += 1;
        if !c[1].is_empty() {
            out.push((whole.start(), whole.as_str(), false));
        }
    }
    (checked, out)
}

impl Rule for ImpossibleFigure {
    fn info(&self) -> &'static RuleInfo {
        &Self::INFO
    }

    fn check(&self, document: &ParseReport, checker: &mut Checker) {
        for placed in lookup::placed_paragraphs(document) {
            let paragraph = placed.paragraph;
            let (checked, found) = impossible(&paragraph.text);
            let held = checked - found.len();
            let matches = found
                .into_iter()
                .map(|(offset, figure, is_share)| {
                    let (zh, en) = if is_share { ("比重超过100%", "a share above 100%") } else { ("金额为负数", "a negative amount") };
                    lookup::Match {
                        offset,
                        text: figure,
                        message: format!("{}：「{figure}」是{zh}", Self::INFO.title_zh),
                        message_en: format!("{}: «{figure}» is {en}", Self::INFO.title_en),
                    }
                })
                .collect();
            lookup::lint_paragraph(checker, &Self::INFO, paragraph, held, matches);
        }
    }
}

#[cfg(test)]
mod tests {
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
}
