use super::{declare_rule, lookup, verdicts, Check};
use crate::check::Checker;
use crate::ingest::{contains, find_all};
use crate::recognise::Paragraph;
use crate::report::ParseReport;

declare_rule! {
    /// ## What
    /// In the 情况说明 (sections whose heading, or a heading above them, says `说明`), a
    /// sentence that states a change in money (`增加/减少…万元`) gives its reason in the same
    /// paragraph: `主要原因是…`, `主要是…`, `原因是…`, `由于…`. A paragraph broken over lines
    /// by conversion (a line that does not end a sentence) is read together with the next.
    /// Each change sentence is one relation.
    ///
    /// ## Why
    /// The disclosure rules ask units to explain every change against the budget and the
    /// previous year; a change stated without a reason tells the public what, not why.
    ///
    /// ## Example
    /// `与上年相比减少3.38万元，降低3.91%。其中：` with no reason in the paragraph: notice.
    /// `与上年相比，减少116.72万元，减少29.37%，主要是因为压缩开支。`: holds.
    ///
    /// ## Source
    /// 财预〔2016〕143号《地方预决算公开操作规程》(情况说明 explains changes); docs/domain.md §5, §9.
    pub struct ChangeWithoutReason {
        code: "L008",
        name: "change-without-reason",
        title_zh: "增减变化未说明原因",
        title_en: "Change stated without its reason",
        category: Form,
        severity: Notice,
    }
}

/// A change in money: `增加`/`减少`, at most a few characters, then an amount, as the pattern
/// `(?:增加|减少)[^，。；\d]{0,4}\d[\d,]*(?:\.\d+)?\s*(?:万元|亿元|元)` reads it: byte offset and text.
fn changes(text: &str) -> Vec<(usize, &str)> {
    // Where 增加 and 减少 occur, each searched for once, in order.
    let mut starts: Vec<usize> = find_all(text, "增加").chain(find_all(text, "减少")).collect();
    crate::sorting::sort_by_key(&mut starts, |at| *at);
    let mut out = Vec::new();
    let mut from = 0;
    for start in starts {
        if start < from {
            continue;
        }
        from = start + "增加".len();
        let Some((_, (at, _))) = text[from..]
            .char_indices()
            .take(5)
            .enumerate()
            .find(|(_, (_, c))| matches!(c, '，' | '。' | '；') || c.is_ascii_digit())
        else {
            continue;
        };
        if !text.as_bytes()[from + at].is_ascii_digit() {
            continue;
        }
        if let Ok((end, _)) = lookup::money_at(text, from + at) {
            out.push((start, &text[start..end]));
            from = end;
        }
    }
    out
}

/// Words that introduce a reason.
const REASONS: [&str; 4] = ["原因", "主要是", "由于", "因为"];

/// Marks that end a line's sentence; a line ending otherwise continues on the next.
const SENTENCE_ENDS: [char; 5] = ['。', '；', '！', '？', '：'];

/// The paragraphs of the 情况说明, with lines broken mid-sentence joined to the next line.
fn explained_paragraphs(document: &ParseReport) -> Vec<Vec<&Paragraph>> {
    let mut groups: Vec<Vec<&Paragraph>> = Vec::new();
    // Whether the last line left a sentence open, and the section it is in.
    let mut open: Option<Vec<&str>> = None;
    for placed in lookup::placed_paragraphs(document) {
        if !placed.headings.iter().any(|h| contains(h, "说明")) {
            open = None;
            continue;
        }
        let paragraph = placed.paragraph;
        match groups.last_mut() {
            Some(group) if open.as_ref() == Some(&placed.headings) => group.push(paragraph),
            _ => groups.push(vec![paragraph]),
        }
        open = (!paragraph.text.trim_end().ends_with(SENTENCE_ENDS)).then_some(placed.headings);
    }
    groups
}

impl Check for ChangeWithoutReason {
    fn check(&self, document: &ParseReport, checker: &mut Checker) {
        for group in explained_paragraphs(document) {
            let explained = group.iter().any(|p| REASONS.iter().any(|r| contains(&p.text, r)));
            for paragraph in &group {
                let text = paragraph.text.as_str();
                for (start, change) in changes(text) {
                    if explained {
                        checker.held(&Self::INFO);
                        continue;
                    }
                    let location = verdicts::in_paragraph(paragraph, start, change, None);
                    let sentence = paragraph
                        .sentences
                        .iter()
                        .find(|s| contains(&s.text, change))
                        .map_or(text, |s| s.text.as_str());
                    checker.require(
                        &Self::INFO,
                        false,
                        location,
                        format!("{}：「{change}」所在段落没有说明原因（如“主要原因是…”）", Self::INFO.title_zh),
                        format!(
                            "{}: «{change}» has no reason in its paragraph (such as 主要原因是…)",
                            Self::INFO.title_en
                        ),
                        format!("「{sentence}」"),
                    );
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    #[test]
    fn changes_in_money_are_found() {
        let found: Vec<&str> = changes("与上年相比，减少116.72万元，减少29.37%；比年初预算数减少 544.23 万元")
            .into_iter()
            .map(|(_, m)| m)
            .collect();
        assert_eq!(found, ["减少116.72万元", "减少 544.23 万元"]);
    }

    proptest! {
        /// The scan reads what the pattern it spells out would.
        #[test]
        fn scan_reads_as_the_pattern_does(pieces in prop::collection::vec(prop::sample::select(&["增加", "减少", "增", "了", "约", "，", "；", "1", "0", ".", ",", " ", "元", "万元", "%"][..]), 0..24)) {
            let text: String = pieces.concat();
            let pattern = regex_lite::Regex::new(r"(?:增加|减少)[^，。；\d]{0,4}\d[\d,]*(?:\.\d+)?\s*(?:万元|亿元|元)").unwrap();
            let by_pattern: Vec<_> = pattern.find_iter(&text).map(|m| (m.start(), m.as_str())).collect();
            prop_assert_eq!(changes(&text), by_pattern);
        }
    }
}
