use super::{declare_rule, lookup, verdicts, Check};
use crate::amount::{is_beyond_range, parse_number};
use crate::check::Checker;
use crate::finding::FindingLocation;
use crate::ingest::Block;
use crate::report::ParseReport;

declare_rule! {
    /// ## What
    /// A figure written with 13 digits or more — a table cell, or an amount of money in the
    /// text (`…万元`, `…元`) — is within the range the checks compute with: at most
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
    /// Issue #14 (never silently misread); docs/domain.md §2, §9.
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

/// Long amounts of money in running text (`…万元`, `…元`, `…亿元`): byte offset and figure.
fn long_amounts(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(start) =
        text.get(from..).and_then(|rest| rest.bytes().position(|b| b.is_ascii_digit())).map(|at| from + at)
    {
        match lookup::money_at(text, start) {
            Ok((end, unit)) => {
                let figure = text.get(start..end.saturating_sub(unit.len())).unwrap_or_default().trim_end();
                if is_long(figure) {
                    out.push((start, figure));
                }
                from = end;
            }
            Err(run_end) => from = run_end,
        }
    }
    out
}

impl Check for FigureBeyondRange {
    fn check(&self, document: &ParseReport, checker: &mut Checker) {
        for block in &document.blocks {
            // Each long figure with its byte offset in `text` (a cell's is the whole text).
            let (text, span, figures) = match block {
                Block::Table { rows, .. } => {
                    for cell in rows.iter().flat_map(|row| &row.cells).filter(|cell| is_long(&cell.text)) {
                        judge(checker, &cell.text, cell.span, &cell.text, 0);
                    }
                    continue;
                }
                Block::Paragraph { text, span, .. } | Block::Heading { text, span, .. } => {
                    (text, *span, long_amounts(text))
                }
            };
            for (offset, figure) in figures {
                judge(checker, text, span, figure, offset);
            }
        }
    }
}

/// One long `figure` at byte `offset` of `text` (a cell or a paragraph at `span`): held when
/// read as a number, a notice when beyond the range.
fn judge(checker: &mut Checker, text: &str, span: crate::ingest::Span, figure: &str, offset: usize) {
    if parse_number(figure).is_some() {
        checker.held(&FigureBeyondRange::INFO);
    } else if is_beyond_range(figure) {
        let location = FindingLocation::span(span, figure.to_string());
        checker.require(
            &FigureBeyondRange::INFO,
            false,
            location,
            format!("数值超出可核对范围：「{figure}」超过 13 位整数或 6 位小数，未核对"),
            format!(
                "Figure beyond the checkable range: «{figure}» has over 13 integer digits or 6 decimals, not checked"
            ),
            verdicts::context(text, offset, figure),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_amounts_are_found() {
        let text = "决算79228162514264337593543950335万元，完成0%，电话13800138000，证号123456789012345678。";
        assert_eq!(long_amounts(text), [(6, "79228162514264337593543950335")]);
        assert_eq!(long_amounts("为1,234,567,890,123.45 万元。"), [(3, "1,234,567,890,123.45")]);
    }
}
