//! What several rules record alike: where a finding points (a table, a cell, a match in a
//! paragraph or a heading) and the verdicts they share (a lint's matches in a paragraph, a
//! side's total of a summary table).

use super::lookup::TextLine;
use super::RuleInfo;
use crate::check::Checker;
use crate::finding::{FindingLocation, Term};
use crate::ingest::find;
use crate::model::{Amount, Side, SummaryTable};
use crate::recognise::RecognisedTable;

/// Where a finding about a whole table points: its title line when the title is running
/// text (found in the document's [`text_lines`], built once by the caller), else the table body.
pub fn table_location(lines: &[TextLine], table: &RecognisedTable) -> FindingLocation {
    let title = table.title_line.and_then(|line| {
        lines
            .get(lines.partition_point(|(_, span)| span.line_start < line))
            .filter(|(_, span)| span.line_start == line)
            .copied()
    });
    let (excerpt, span) = match title {
        Some((text, span)) => (text.to_string(), span),
        None => (table.title.clone().unwrap_or_else(|| table.form_name.to_string()), table.span),
    };
    let mut location = FindingLocation::span(span, excerpt);
    location.table = Some(table.form_name);
    location
}

/// Where a cell is, for a finding that is not a calculation ([`crate::check::Checker::require`]).
pub fn cell_location(table: &RecognisedTable, row: &str, column: &str, amount: &Amount) -> FindingLocation {
    FindingLocation::cell(Some(table.form_name), Some(row), Some(column), amount)
}

/// Where `found`, starting at byte `offset` of `paragraph.text`, is in the input. The byte
/// range is the match itself when its sentence carried no markup (`**`, `<b>`), which would
/// shift offsets; otherwise it is the whole sentence.
pub fn in_paragraph(
    paragraph: &crate::recognise::Paragraph,
    offset: usize,
    found: &str,
    table: Option<&'static str>,
) -> FindingLocation {
    let mut range = (paragraph.span.byte_start, paragraph.span.byte_end);
    let mut cursor = 0;
    for sentence in &paragraph.sentences {
        // Sentences follow one another, apart from spacing: a search is the fallback.
        let rest = &paragraph.text[cursor..];
        let spacing = rest.len() - rest.trim_start().len();
        let next = if rest[spacing..].starts_with(&sentence.text) { Some(spacing) } else { find(rest, &sentence.text) };
        let Some(at) = next.map(|at| cursor + at) else { continue };
        cursor = at + sentence.text.len();
        if (at..cursor).contains(&offset) {
            let span = sentence.span;
            let exact = span.byte_end - span.byte_start == sentence.text.len();
            range = match reflowed_range(sentence, offset - at, found) {
                Some(reflowed) => reflowed,
                None if exact => (span.byte_start + offset - at, span.byte_start + offset - at + found.len()),
                None => (span.byte_start, span.byte_end),
            };
            break;
        }
    }
    let mut location = FindingLocation::text(paragraph.span.line_start, range.0..range.1, found.to_string());
    location.table = table;
    location
}

/// The byte range in the input of `found` at byte `from` of a sentence the layout reader
/// reflowed (its stretches say where each byte is); `None` for a verbatim sentence.
#[cfg(feature = "layout")]
fn reflowed_range(sentence: &crate::recognise::Sentence, from: usize, found: &str) -> Option<(usize, usize)> {
    let stretches = &sentence.stretches;
    let last = found.chars().next_back().map_or(0, char::len_utf8);
    let end = crate::ingest::source_byte(stretches, from + found.len() - last) + last;
    (!stretches.is_empty()).then(|| (crate::ingest::source_byte(stretches, from), end))
}

/// Without the layout reader no sentence is reflowed.
#[cfg(not(feature = "layout"))]
fn reflowed_range(_: &crate::recognise::Sentence, _: usize, _: &str) -> Option<(usize, usize)> {
    None
}

/// Where `found` in a section heading is in the input: the heading line (its `#` markers and
/// markup make offsets inside it inexact).
pub fn in_heading(section: &crate::recognise::Section, found: &str) -> FindingLocation {
    FindingLocation::span(section.span, found.to_string())
}

/// A text a lint found in a paragraph: its byte offset there, the text, and the messages.
pub struct Match<'t> {
    pub offset: usize,
    pub text: &'t str,
    pub message: String,
    pub message_en: String,
}

/// Records a lint's verdict on one paragraph: `held` relations that held, and one broken
/// relation per match, located at its exact text with its context as the derivation.
pub fn lint_paragraph(
    checker: &mut Checker,
    rule: &RuleInfo,
    paragraph: &crate::recognise::Paragraph,
    held: usize,
    matches: Vec<Match>,
) {
    for _ in 0..held {
        checker.held(rule);
    }
    for m in matches {
        let derivation = context(&paragraph.text, m.offset, m.text);
        checker.require(
            rule,
            false,
            in_paragraph(paragraph, m.offset, m.text, None),
            m.message,
            m.message_en,
            derivation,
        );
    }
}

/// `found` (at byte `offset` of `text`) with up to 12 characters either side, for derivations.
pub fn context(text: &str, offset: usize, found: &str) -> String {
    const AROUND: usize = 12;
    let (before, after) = (&text[..offset], &text[offset + found.len()..]);
    let head_start = before.char_indices().rev().nth(AROUND - 1).map_or(0, |(at, _)| at);
    let tail_end = after.char_indices().nth(AROUND).map_or(after.len(), |(at, _)| at);
    let open = if head_start > 0 { "…" } else { "" };
    let close = if tail_end < after.len() { "…" } else { "" };
    format!("{open}{}【{found}】{}{close}", &before[head_start..], &after[..tail_end])
}

/// `total_label` = Σ the lines of `side` above it, per value column.
pub fn check_side_total(
    rule: &RuleInfo,
    checker: &mut Checker,
    table: &RecognisedTable,
    summary: &SummaryTable,
    side: Side,
    total_label: &str,
) {
    let lines: Vec<_> = summary.lines.iter().filter(|l| l.side == side).collect();
    let Some(total_index) = lines.iter().position(|l| l.label == total_label) else { return };
    let total = lines[total_index];
    for (column, stated) in &total.values {
        let parts: Vec<_> = lines[..total_index]
            .iter()
            .filter_map(|l| l.values.get(column).map(|v| (Term::cell(table, &l.label, column, v), true)))
            .collect();
        if !parts.is_empty() {
            checker.sum(rule, Term::cell(table, &total.label, column, stated), &parts);
        }
    }
}

/// Where a figure of the text is: its number and unit.
pub fn figure_location(figure: &crate::claims::Figure) -> FindingLocation {
    FindingLocation::text(figure.at.line, figure.at.byte_start..figure.at.byte_end, figure.raw.clone())
}
