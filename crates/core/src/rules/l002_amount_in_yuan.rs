use super::{declare_rule, lookup, verdicts, Check};
use crate::check::Checker;
use crate::ingest::contains;
use crate::model::Unit;
use crate::report::ParseReport;

declare_rule! {
    /// ## What
    /// In a document kept in 万元, a paragraph that states amounts in 万元 does not state one in
    /// bare 元: in `年初预算为26.53元，支出决算为26.53万元` one figure has the wrong unit. Rates
    /// (`元/人`, `每人…元`, `标准…元`) are left alone, and so are documents whose tables are in 元
    /// (some provinces use 元 in tables and 万元 in text). Each paragraph with amounts in 万元 is
    /// one relation.
    ///
    /// ## Why
    /// 元 and 万元 differ by a factor of 10,000: the sentence as printed says the budget was
    /// 26.53 yuan. The reader cannot tell a unit slip from a real figure.
    ///
    /// ## Example
    /// `年初预算为26.53元，支出决算为26.53万元，完成年初预算的100.0%`: warning on `26.53元`.
    /// `年初预算为26.53万元，支出决算为26.53万元`: holds.
    ///
    /// ## Source
    /// 部门决算公开 templates (amounts in 万元, two decimals); docs/domain.md §1, §2, §9.
    pub struct AmountInYuan {
        code: "L002",
        name: "amount-in-yuan",
        title_zh: "金额单位误写为元",
        title_en: "Amount in 元 in a 万元 document",
        category: Form,
        severity: Warning,
    }
}

/// Amounts in bare 元 in running text (`\d[\d,]*(?:\.\d+)?\s*元`, not `万元` or `亿元`):
/// byte offset and text.
fn amounts_in_yuan(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(start) = text[from..].bytes().position(|b| b.is_ascii_digit()).map(|at| from + at) {
        match lookup::money_at(text, start) {
            Ok((end, unit)) => {
                if unit == "元" {
                    out.push((start, &text[start..end]));
                }
                from = end;
            }
            Err(run_end) => from = run_end,
        }
    }
    out
}

/// Words before an amount that make it a rate or a standard, legitimately in 元.
const RATE_MARKERS: [&str; 5] = ["每", "人均", "标准", "单价", "均价"];

/// Whether the bare-元 amount at `start..end` of `text` is a rate (`500元/人`, `每人每月500元`).
fn is_rate(text: &str, start: usize, end: usize) -> bool {
    let before: String = text[..start].chars().rev().take(8).collect::<Vec<_>>().into_iter().rev().collect();
    text[end..].starts_with('/') || RATE_MARKERS.iter().any(|m| contains(&before, m))
}

impl Check for AmountInYuan {
    fn check(&self, document: &ParseReport, checker: &mut Checker) {
        if document.document.unit == Some(Unit::Yuan) {
            return;
        }
        for paragraph in lookup::paragraphs(document) {
            let text = paragraph.text.as_str();
            if !contains(text, "万元") {
                continue;
            }
            let slips: Vec<(usize, &str)> = amounts_in_yuan(text)
                .into_iter()
                .filter(|(start, found)| !is_rate(text, *start, start + found.len()))
                .collect();
            let held = usize::from(slips.is_empty());
            let matches = slips
                .into_iter()
                .map(|(offset, found)| {
                    let number = found.trim_end_matches('元').trim();
                    verdicts::Match {
                        offset,
                        text: found,
                        message: format!(
                            "{}：「{found}」写作元，本文件金额单位为万元（应为 {number}万元？）",
                            Self::INFO.title_zh
                        ),
                        message_en: format!(
                            "{}: «{found}» is in 元 but the document states amounts in 万元 ({number}万元?)",
                            Self::INFO.title_en
                        ),
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

    proptest! {
        /// The scan reads what the pattern it spells out would.
        #[test]
        fn scan_reads_as_the_pattern_does(chars in prop::collection::vec(prop::sample::select("05., \t\u{b}元万亿，a".chars().collect::<Vec<_>>()), 0..40)) {
            let text: String = chars.into_iter().collect();
            let amount = regex_lite::Regex::new(r"\d[\d,]*(?:\.\d+)?\s*(万元|亿元|元)").unwrap();
            let by_pattern: Vec<_> = amount.captures_iter(&text).filter(|c| &c[1] == "元").map(|c| (c.get(0).unwrap().start(), c.get(0).unwrap().as_str())).collect();
            prop_assert_eq!(amounts_in_yuan(&text), by_pattern);
        }
    }
}
