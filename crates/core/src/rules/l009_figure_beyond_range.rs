use super::{declare_rule, lookup, Rule, RuleInfo};
use crate::amount::{is_beyond_range, parse_number};
use crate::check::{Checker, FindingLocation};
use crate::ingest::Block;
use crate::report::ParseReport;

declare_rule! {
    /// ## What
    /// A figure written with 13 digits or more — a table cell, or an amount or percentage in
    /// the text (`…万元`, `…元`, `…%`) — is within the range the checks compute with: at most
    /// 13 integer digits (below ten trillion) and 6 decimals. Each such figure is one relation;
    /// a figure beyond it is a notice, and it is not read as a number, so no relation it
    /// belongs to is checked.
    ///
    /// ## Why
    /// No disclosure states ten trillion 万元 or a millionth of one: such a figure is a slip
    /// (digits run together, a pasted ID) that would otherwise vanish silently — its table read
    /// as empty, its sentence unchecked.
    ///
    /// ## Example
    /// `支出决算为79228162514264337593543950335万元`: notice. `支出决算为1234567890123.45万元`: holds.
    ///
    /// ## Source
    /// Issue #14 (never silently misread); DOMAIN.md §1.
    pub struct FigureBeyondRange {
        code: "L009",
        name: "figure-beyond-range",
        title_zh: "数值超出可核对范围",
        title_en: "Figure beyond the checkable range",
        category: Form,
        severity: Notice,
    }
}

/// Digits a figure has before this rule looks at it.
const LONG: usize = 13;

/// Whether `text` is written with at least [`LONG`] digits.
fn is_long(text: &str) -> bool {
    text.chars().filter(|c| c.is_ascii_digit() || matches!(c, '０'..='９')).count() >= LONG
}

/// Long figures in running text followed by a unit (`万元`, `元`, `%`): byte offset and text.
fn long_figures(text: &str) -> Vec<(usize, &str)> {
    let figure_char = |c: char| c.is_ascii_digit() || matches!(c, '０'..='９' | ',' | '，' | '.' | '．');
    let mut out = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if !(c.is_ascii_digit() || matches!(c, '０'..='９')) {
            continue;
        }
        let mut end = text.len();
        while let Some(&(at, c)) = chars.peek() {
            if !figure_char(c) {
                end = at;
                break;
            }
            chars.next();
        }
        let figure = text.get(start..end).unwrap_or_default().trim_end_matches([',', '，', '.', '．']);
        let after = text.get(start + figure.len()..).unwrap_or_default().trim_start();
        if is_long(figure) && ["万元", "亿元", "元", "%", "％"].iter().any(|unit| after.starts_with(unit)) {
            out.push((start, figure));
        }
    }
    out
}

/// The message of a figure beyond the range.
fn messages(figure: &str) -> (String, String) {
    (
        format!("{}：「{figure}」超过 13 位整数或 6 位小数，未作为数值核对", FigureBeyondRange::INFO.title_zh),
        format!("{}: «{figure}» has more than 13 integer digits or 6 decimals and is not checked as a number", FigureBeyondRange::INFO.title_en),
    )
}

impl Rule for FigureBeyondRange {
    fn info(&self) -> &'static RuleInfo {
        &Self::INFO
    }

    fn check(&self, document: &ParseReport, checker: &mut Checker) {
        for block in &document.blocks {
            let Block::Table { rows, .. } = block else { continue };
            for cell in rows.iter().flat_map(|row| &row.cells).filter(|cell| is_long(&cell.text)) {
                if parse_number(&cell.text).is_some() {
                    checker.held(&Self::INFO);
                } else if is_beyond_range(&cell.text) {
                    let (message, message_en) = messages(&cell.text);
                    let span = cell.span;
                    let location = FindingLocation {
                        line: span.line_start,
                        table: None,
                        row: None,
                        column: None,
                        excerpt: cell.text.clone(),
                        byte_start: span.byte_start,
                        byte_end: span.byte_end,
                        page: None,
                    };
                    checker.require(&Self::INFO, false, location, message, message_en, format!("表格单元格「{}」", cell.text));
                }
            }
        }
        for paragraph in lookup::paragraphs(document) {
            let (beyond, within): (Vec<_>, Vec<_>) = long_figures(&paragraph.text).into_iter().partition(|(_, figure)| is_beyond_range(figure));
            let matches = beyond
                .into_iter()
                .map(|(offset, text)| {
                    let (message, message_en) = messages(text);
                    lookup::Match { offset, text, message, message_en }
                })
                .collect();
            let held = within.iter().filter(|(_, figure)| parse_number(figure).is_some()).count();
            lookup::lint_paragraph(checker, &Self::INFO, paragraph, held, matches);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_figures_with_a_unit_are_found() {
        let text = "决算79228162514264337593543950335万元，完成0%，电话13800138000，证号123456789012345678。";
        assert_eq!(long_figures(text), [(6, "79228162514264337593543950335")]);
        assert_eq!(long_figures("为1,234,567,890,123.45万元。"), [(3, "1,234,567,890,123.45")]);
    }
}
