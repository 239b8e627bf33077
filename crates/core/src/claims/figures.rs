//! The figures of running text: each number with its unit, the words before it, and its
//! place in the text's structure (clause, sentence, bracket depth), read before the claim
//! shapes ([`super::extract`]) are matched over them.

use super::text::Unit;
use super::{Figure, FigureUnit};
use crate::amount::parse_number;
use crate::ingest::trim_start_literal;

/// A figure found in a unit, with its place in the unit's structure.
pub(super) struct Found {
    pub(super) figure: Figure,
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) clause: usize,
    pub(super) clause_start: usize,
    pub(super) sentence: usize,
    pub(super) depth: usize,
    /// The last clause break between the previous figure and this one.
    pub(super) after: Option<char>,
}

/// Units a figure may carry, longer forms first (`人次` before `人`, `万元` before `元`).
const UNITS: [&str; 21] = [
    "亿元", "万元", "元", "%", "％", "分", "人次", "个", "人", "辆", "批次", "次", "家", "名", "项", "台", "篇", "期",
    "件", "卷", "页",
];

fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

/// Numbers followed by a unit (`280.72万元`, `5,487.18 万元`, `１００％`, `3辆`), as byte ranges
/// of the whole figure, its number and its unit. A number glued to a word (`IGBT2`, `4.0理念`'s
/// `0`) or followed by no unit (years, dates, codes) is not a figure. Scanned by hand: a regex
/// over every sentence costs more than all the rest of extraction.
fn scan(text: &str) -> Vec<(usize, usize, &str, &str)> {
    let bytes_at = |i: usize| text[i..].chars().next();
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(&lead) = text.as_bytes().get(i) {
        // Digits are ASCII or full-width (led by 0xEF in UTF-8): other bytes are passed over undecoded.
        if !lead.is_ascii_digit() && lead != 0xEF {
            i += 1;
            continue;
        }
        let c = bytes_at(i).unwrap_or_default();
        if !is_digit(c) {
            i += c.len_utf8();
            continue;
        }
        let start = i;
        let digits = |mut j: usize| {
            while let Some(d) = bytes_at(j).filter(|d| is_digit(*d)) {
                j += d.len_utf8();
            }
            j
        };
        let mut end = digits(start);
        while let Some(group) = thousands_group(text, end) {
            end += group;
        }
        if let Some(point) = bytes_at(end).filter(|p| matches!(p, '.' | '．')) {
            let after = end + point.len_utf8();
            if bytes_at(after).is_some_and(is_digit) {
                end = digits(after);
            }
        }
        let number_end = end;
        let unit_start =
            number_end + text[number_end..].len() - text[number_end..].trim_start_matches([' ', '\u{3000}']).len();
        let glued =
            text[..start].chars().next_back().is_some_and(|p| p.is_ascii_alphanumeric() || p == '.' || p == '．');
        match UNITS.iter().find(|u| text[unit_start..].starts_with(*u)) {
            Some(unit) if !glued => {
                out.push((start, unit_start + unit.len(), &text[start..number_end], *unit));
                i = unit_start + unit.len();
            }
            _ => i = number_end,
        }
    }
    out
}

/// The length of a thousands group at `at` (`,487` after ASCII digits, `，４８７` after
/// full-width ones: a full-width comma after ASCII digits is a clause break), if there is one.
fn thousands_group(text: &str, at: usize) -> Option<usize> {
    let full_width = |c: char| ('０'..='９').contains(&c);
    let (separator, digit): (char, fn(char) -> bool) = match text[..at].chars().next_back()? {
        c if c.is_ascii_digit() => (',', |c| c.is_ascii_digit()),
        c if full_width(c) => ('，', full_width),
        _ => return None,
    };
    let rest = text[at..].strip_prefix(separator)?;
    let mut chars = rest.chars();
    let group: Vec<char> = chars.by_ref().take(3).collect();
    let complete = group.len() == 3 && group.iter().all(|&c| digit(c)) && !chars.next().is_some_and(is_digit);
    complete.then(|| separator.len_utf8() + group.iter().map(|c| c.len_utf8()).sum::<usize>())
}

/// Clause separators; `、` separates list items but not clauses.
pub(super) fn is_clause_break(c: char) -> bool {
    matches!(c, '，' | ',' | '；' | ';' | '。' | '！' | '？')
}

fn is_sentence_break(c: char) -> bool {
    matches!(c, '。' | '！' | '？')
}

fn unit_of(text: &str) -> FigureUnit {
    match text {
        "元" => FigureUnit::Yuan,
        "万元" => FigureUnit::TenThousandYuan,
        "亿元" => FigureUnit::HundredMillionYuan,
        "%" | "％" => FigureUnit::Percent,
        "分" => FigureUnit::Points,
        _ => FigureUnit::Count,
    }
}

/// Figures of a unit with labels, clauses, sentences and bracket depth.
pub(super) fn figures(unit: &Unit) -> Vec<Found> {
    let text = &unit.text;
    let matches = scan(text)
        .into_iter()
        .filter_map(|(start, end, number, unit)| parse_number(number).map(|n| (start, end, n, unit.to_string())));
    let mut out = Vec::new();
    let (mut clause, mut sentence, mut depth) = (0, 0, 0usize);
    let mut clause_start = 0;
    let mut label_start = 0;
    let mut cursor = 0;
    for (start, end, number, unit_text) in matches {
        let mut after = None;
        let between = &text[cursor..start];
        for (i, &byte) in between.as_bytes().iter().enumerate() {
            // Breaks and brackets are ASCII or led by 0xE3 (`。`) or 0xEF (full-width forms) in
            // UTF-8: other bytes are passed over undecoded.
            if byte >= 0x80 && byte != 0xE3 && byte != 0xEF {
                continue;
            }
            let c = between[i..].chars().next().unwrap_or_default();
            let at = cursor + i + c.len_utf8();
            if is_clause_break(c) {
                clause += 1;
                clause_start = at;
                label_start = at;
                after = Some(c);
            }
            if is_sentence_break(c) {
                sentence += 1;
            }
            match c {
                '（' | '(' => depth += 1,
                '）' | ')' => depth = depth.saturating_sub(1),
                _ => {}
            }
        }
        let label = clean_label(&text[label_start.min(start)..start]);
        let figure = Figure {
            number,
            unit: unit_of(&unit_text),
            unit_text,
            raw: text[start..end].to_string(),
            label,
            at: unit.locate(start, end),
        };
        out.push(Found { figure, start, end, clause, clause_start, sentence, depth, after });
        cursor = end;
        label_start = end;
    }
    out
}

/// The words before a figure without list openers and spacing.
fn clean_label(raw: &str) -> String {
    let trimmed =
        trim_start_literal(raw.trim().trim_start_matches('、'), "其中").trim_start_matches(['：', ':', '，']).trim();
    trimmed.chars().filter(|c| !c.is_whitespace()).collect()
}
