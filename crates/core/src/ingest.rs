//! Ingest: plain text → ordered blocks (heading, paragraph, table) with exact source spans.
//!
//! Tables come in two layouts: one row per line with tab-separated cells, or (in some
//! converted Word tables) one cell per line, each cell line starting with a tab, a blank
//! line ending the row and untabbed lines continuing the cell above. Markup (`<b>`, `**`)
//! is removed from texts; spans always point at the raw source.

use serde::Serialize;

/// Where a piece of input sits: 1-based inclusive line range and the byte range in the input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Span {
    pub line_start: usize,
    pub line_end: usize,
    pub byte_start: usize,
    pub byte_end: usize,
}

impl Span {
    /// The smallest span covering both.
    pub fn join(self, other: Span) -> Span {
        Span {
            line_start: self.line_start.min(other.line_start),
            line_end: self.line_end.max(other.line_end),
            byte_start: self.byte_start.min(other.byte_start),
            byte_end: self.byte_end.max(other.byte_end),
        }
    }
}

/// One table cell: its text without markup and surrounding blanks, and where it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Cell {
    pub text: String,
    pub span: Span,
}

/// One table row, cells in reading order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Row {
    pub cells: Vec<Cell>,
    pub span: Span,
}

impl Row {
    /// The text of cell `index`, or `""` past the end.
    pub fn text(&self, index: usize) -> &str {
        self.cells.get(index).map_or("", |c| c.text.as_str())
    }

    /// The texts of the cells.
    pub fn texts(&self) -> Vec<&str> {
        self.cells.iter().map(|c| c.text.as_str()).collect()
    }

    /// Whether every cell is blank.
    pub fn is_blank(&self) -> bool {
        self.cells.iter().all(|c| c.text.is_empty())
    }

    /// All cell texts joined without separators and without whitespace (for label matching).
    pub fn compact_text(&self) -> String {
        self.cells.iter().map(|c| compact(&c.text)).collect()
    }
}

/// How a table was laid out in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TableLayout {
    /// One row per line, cells separated by tabs.
    Tabbed,
    /// At least one row spread one cell per line.
    CellPerLine,
    /// Rebuilt from where the text stands in layout text (PDF text, `pdftotext -layout`).
    Columns,
}

/// Where a stretch of a paragraph's text starts in the input: the text from `text_at` up to
/// the next stretch is the input from `source_at` on, verbatim. A paragraph reflowed from
/// wrapped lines is several stretches (line breaks, indentation and letter-spacing left out).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Stretch {
    pub text_at: usize,
    pub source_at: usize,
    /// The input line `source_at` is on.
    pub line: usize,
}

/// The input byte of byte `offset` of a text made of `stretches` (see [`Stretch`]).
pub fn source_byte(stretches: &[Stretch], offset: usize) -> usize {
    let index = stretches.partition_point(|s| s.text_at <= offset).saturating_sub(1);
    stretches.get(index).map_or(offset, |s| s.source_at + (offset - s.text_at))
}

/// One block of the document, in reading order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Block {
    /// A markdown heading line (`#`…), without its markers; `depth` counts the `#`.
    Heading { text: String, depth: usize, span: Span },
    /// Running text: one non-blank line (converted PDF text puts one paragraph per line), or
    /// in layout text the lines of a paragraph reflowed, with the `stretches` they came from.
    Paragraph {
        text: String,
        span: Span,
        #[serde(skip_serializing_if = "Vec::is_empty")]
        stretches: Vec<Stretch>,
    },
    /// Consecutive table rows; blank lines between rows do not end a table.
    Table { rows: Vec<Row>, layout: TableLayout, span: Span },
}

impl Block {
    /// The block's place in the input.
    pub fn span(&self) -> Span {
        match self {
            Block::Heading { span, .. } | Block::Paragraph { span, .. } | Block::Table { span, .. } => *span,
        }
    }
}

/// Removes whitespace (including full-width spaces) from `text`.
pub fn compact(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Whether `byte` can be the first byte of a whitespace character in UTF-8: ASCII spacing, or
/// the lead byte of U+0085 … U+3000 (0xC2, 0xE1, 0xE2 or 0xE3). Byte scans skip the rest.
pub fn may_start_spacing(byte: u8) -> bool {
    matches!(byte, b'\t'..=b'\r' | b' ' | 0xC2 | 0xE1 | 0xE2 | 0xE3)
}

/// The bytes a character takes in UTF-8, from its first byte: scans by bytes step over
/// characters with it.
pub fn char_width(lead: u8) -> usize {
    match lead {
        0..=0x7F => 1,
        0x80..=0xDF => 2,
        0xE0..=0xEF => 3,
        _ => 4,
    }
}

/// `text.trim()`, without trimming when neither end is spacing (the start told by
/// [`may_start_spacing`] from the first byte).
pub fn trim(text: &str) -> &str {
    let spacing_first = text.as_bytes().first().is_some_and(|&b| may_start_spacing(b));
    if spacing_first || text.chars().next_back().is_some_and(char::is_whitespace) {
        text.trim()
    } else {
        text
    }
}

/// Byte offset of the first `needle` in `haystack`, as `haystack.find(needle)`. The texts
/// searched are short (cells, labels, paragraphs): setting up std's searcher costs more than
/// the search in wasm, so this scans for the needle's last byte (for Han characters a
/// continuation byte, rarer than their few lead bytes) and compares the rest. Core searches
/// literals (and non-ASCII characters) only with this and the functions below, so std's
/// substring searcher is not in the wasm at all (about 2 KB gzip).
pub fn find(haystack: &str, needle: &str) -> Option<usize> {
    let Some((&last, _)) = needle.as_bytes().split_last() else { return Some(0) };
    let bytes = haystack.as_bytes();
    let mut end = needle.len() - 1;
    while end < bytes.len() {
        end += position_of(&bytes[end..], last)?;
        let start = end + 1 - needle.len();
        if &bytes[start..=end] == needle.as_bytes() {
            return Some(start);
        }
        end += 1;
    }
    None
}

/// Index of the first `byte` in `bytes`, as `bytes.iter().position(|&b| b == byte)`, eight
/// bytes at a time (what std's private `memchr` does).
fn position_of(bytes: &[u8], byte: u8) -> Option<usize> {
    const ONES: u64 = u64::from_le_bytes([1; 8]);
    const HIGHS: u64 = u64::from_le_bytes([0x80; 8]);
    let mut chunks = bytes.chunks_exact(8);
    for (index, chunk) in (&mut chunks).enumerate() {
        // Bytes equal to `byte` are zero in `x`; the lowest flagged byte is the first zero.
        let x = u64::from_le_bytes(chunk.try_into().expect("eight bytes")) ^ (ONES * u64::from(byte));
        let zeros = x.wrapping_sub(ONES) & !x & HIGHS;
        if zeros != 0 {
            return Some(8 * index + zeros.trailing_zeros() as usize / 8);
        }
    }
    let rest = chunks.remainder();
    rest.iter().position(|&b| b == byte).map(|at| bytes.len() - rest.len() + at)
}

/// Byte offset of the last `needle` in `haystack`, as `haystack.rfind(needle)` (see [`find`]).
pub fn rfind(haystack: &str, needle: &str) -> Option<usize> {
    // A match of valid UTF-8 in valid UTF-8 starts on a character boundary.
    (0..=haystack.len().checked_sub(needle.len())?)
        .rev()
        .find(|&at| haystack.as_bytes()[at..].starts_with(needle.as_bytes()))
}

/// Byte offsets of the non-overlapping `needle`s in `haystack`, as the offsets of
/// `haystack.match_indices(needle)` (see [`find`]); `needle` is not empty.
pub fn find_all<'a>(haystack: &'a str, needle: &'a str) -> impl Iterator<Item = usize> + 'a {
    let mut from = 0;
    std::iter::from_fn(move || {
        let at = from + find(haystack.get(from..)?, needle)?;
        from = at + needle.len();
        Some(at)
    })
}

/// Whether `needle` occurs in `haystack`, as `haystack.contains(needle)` (see [`find`]). Also
/// for one non-ASCII character: std's `contains(char)` searches for those as for a string.
pub fn contains(haystack: &str, needle: &str) -> bool {
    find(haystack, needle).is_some()
}

/// `text` without the copies of `literal` it starts with, as `text.trim_start_matches(literal)`
/// (which sets up std's substring searcher, see [`find`]).
pub fn trim_start_literal<'a>(text: &'a str, literal: &str) -> &'a str {
    if literal.is_empty() {
        return text;
    }
    let mut rest = text;
    while let Some(after) = rest.strip_prefix(literal) {
        rest = after;
    }
    rest
}

/// `text` without the copies of `literal` it ends with, as `text.trim_end_matches(literal)`.
pub fn trim_end_literal<'a>(text: &'a str, literal: &str) -> &'a str {
    if literal.is_empty() {
        return text;
    }
    let mut rest = text;
    while let Some(before) = rest.strip_suffix(literal) {
        rest = before;
    }
    rest
}

/// `text` with every `literal` removed, as `text.replace(literal, "")` (see [`find`]).
pub fn without(text: &str, literal: &str) -> String {
    if literal.is_empty() {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = find(rest, literal) {
        out.push_str(&rest[..at]);
        rest = &rest[at + literal.len()..];
    }
    out.push_str(rest);
    out
}

/// `text` with each `\r` not followed by `\n` made a `\n` (the same length: offsets keep).
pub fn lone_returns_as_newlines(text: &str) -> std::borrow::Cow<'_, str> {
    let bytes = text.as_bytes();
    let lone = |at: usize| bytes[at] == b'\r' && bytes.get(at + 1) != Some(&b'\n');
    if !(0..bytes.len()).any(lone) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mapped: Vec<u8> = (0..bytes.len()).map(|at| if lone(at) { b'\n' } else { bytes[at] }).collect();
    // Only ASCII `\r` bytes changed, to ASCII `\n`: still UTF-8.
    std::borrow::Cow::Owned(String::from_utf8(mapped).unwrap_or_else(|_| text.to_string()))
}

/// Removes `<b>`, `</b>` and `**` emphasis from `text` and trims it.
pub fn strip_markup(text: &str) -> String {
    if !text.bytes().any(|b| matches!(b, b'<' | b'*' | b'[')) {
        return trim(text).to_string();
    }
    let mut plain = without(&without(&without(text, "<b>"), "</b>"), "**");
    // Word bookmarks left by conversion: `[bookmark: _GoBack]`.
    while let Some(start) = find(&plain, "[bookmark:") {
        let end = plain[start..].find(']').map_or(plain.len(), |e| start + e + 1);
        plain.replace_range(start..end, "");
    }
    plain.trim().to_string()
}

/// One source line with its place.
#[derive(Debug, Clone, Copy)]
struct Line<'a> {
    number: usize,
    start: usize,
    text: &'a str,
}

impl Line<'_> {
    fn span(&self) -> Span {
        Span {
            line_start: self.number,
            line_end: self.number,
            byte_start: self.start,
            byte_end: self.start + self.text.len(),
        }
    }

    /// Blank: nothing but spaces. A lone tab is an empty cell of the one-cell-per-line layout.
    fn is_blank(&self) -> bool {
        self.text.trim_matches([' ', '\u{3000}', '\r']).is_empty()
    }

    /// A line of the one-cell-per-line layout: optional blanks, a tab, then one cell.
    fn is_cell_line(&self) -> bool {
        self.text.trim_start_matches(' ').starts_with('\t') && self.text.matches('\t').count() == 1
    }
}

fn lines(text: &str) -> Vec<Line<'_>> {
    let mut out = Vec::new();
    let mut start = 0;
    for (index, raw) in text.split_inclusive('\n').enumerate() {
        out.push(Line { number: index + 1, start, text: raw.trim_end_matches(['\n', '\r']) });
        start += raw.len();
    }
    out
}

/// The trimmed cell `field` found at byte `offset` of the input, as a [`Cell`] on `line`.
fn cell_at(line_number: usize, offset: usize, field: &str) -> Cell {
    let trimmed = trim(field);
    let leading = if trimmed.len() == field.len() { 0 } else { field.len() - field.trim_start().len() };
    let start = offset + leading;
    Cell {
        text: strip_markup(trimmed),
        span: Span {
            line_start: line_number,
            line_end: line_number,
            byte_start: start,
            byte_end: start + trimmed.len(),
        },
    }
}

/// The row of tab-separated cells `text`, line `number` of the input, starting at byte `start`.
pub(crate) fn tabbed_row(number: usize, start: usize, text: &str) -> Row {
    let mut cells = Vec::new();
    let mut offset = start;
    for field in text.split('\t') {
        cells.push(cell_at(number, offset, field));
        offset += field.len() + 1;
    }
    Row { cells, span: Line { number, start, text }.span() }
}

/// Reads a one-cell-per-line row starting at `lines[start]`; returns it and the next index.
fn cell_per_line_row(lines: &[Line<'_>], start: usize) -> (Row, usize) {
    let mut cells: Vec<Cell> = Vec::new();
    let mut index = start;
    while index < lines.len() && !lines[index].is_blank() {
        let line = &lines[index];
        if line.is_cell_line() {
            let tab = line.text.find('\t').unwrap_or(0);
            cells.push(cell_at(line.number, line.start + tab + 1, &line.text[tab + 1..]));
        } else if contains(line.text, "\t") {
            break;
        } else if let Some(cell) = cells.last_mut() {
            let piece = strip_markup(line.text);
            cell.text.push_str(&piece);
            if cell.span.byte_start == cell.span.byte_end {
                let leading = line.text.len() - line.text.trim_start().len();
                cell.span.byte_start = line.start + leading;
            }
            cell.span.line_end = line.number;
            cell.span.byte_end = line.start + line.text.trim_end().len();
        }
        index += 1;
    }
    let span = lines[start].span().join(lines[index - 1].span());
    (Row { cells, span }, index)
}

/// Splits `text` into blocks; layout text (PDF text) is read by `crate::layout` (feature
/// `layout`; without it, such text is read line by line and its tables are not recognised).
pub fn blocks(text: &str) -> Vec<Block> {
    #[cfg(feature = "layout")]
    if crate::layout::is_layout_text(text) {
        return crate::layout::blocks(text);
    }
    let lines = lines(text);
    let mut out: Vec<Block> = Vec::new();
    let mut index = 0;
    while index < lines.len() {
        let line = lines[index];
        if line.is_blank() {
            index += 1;
            continue;
        }
        let (row, layout, next) = if line.is_cell_line() {
            let (row, next) = cell_per_line_row(&lines, index);
            (Some(row), TableLayout::CellPerLine, next)
        } else if contains(line.text, "\t") {
            (Some(tabbed_row(line.number, line.start, line.text)), TableLayout::Tabbed, index + 1)
        } else {
            (None, TableLayout::Tabbed, index + 1)
        };
        index = next;
        if let Some(row) = row {
            if let Some(Block::Table { rows, layout: table_layout, span }) = out.last_mut() {
                *span = span.join(row.span);
                rows.push(row);
                if layout == TableLayout::CellPerLine {
                    *table_layout = layout;
                }
            } else {
                out.push(Block::Table { span: row.span, rows: vec![row], layout });
            }
            continue;
        }
        let trimmed = line.text.trim();
        let leading = line.text.len() - line.text.trim_start().len();
        let span = Span {
            line_start: line.number,
            line_end: line.number,
            byte_start: line.start + leading,
            byte_end: line.start + leading + trimmed.len(),
        };
        if let Some(heading) = trimmed.strip_prefix('#') {
            let depth = 1 + heading.len() - heading.trim_start_matches('#').len();
            out.push(Block::Heading { text: strip_markup(heading.trim_start_matches('#')), depth, span });
        } else {
            out.push(Block::Paragraph { text: strip_markup(trimmed), span, stretches: Vec::new() });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_headings_paragraphs_and_tables_with_spans() {
        let text = "# 标题\n第一段\n\na\tb\nc\td\n\ne\tf\n末段\n";
        let b = blocks(text);
        assert_eq!(b.len(), 4, "{b:#?}");
        assert!(matches!(&b[0], Block::Heading { text, depth: 1, .. } if text == "标题"));
        assert!(matches!(&b[1], Block::Paragraph { text, span, .. } if text == "第一段" && span.line_start == 2));
        match &b[2] {
            Block::Table { rows, span, layout } => {
                assert_eq!(*layout, TableLayout::Tabbed);
                assert_eq!(rows.len(), 3);
                assert_eq!((span.line_start, span.line_end), (4, 7));
                assert_eq!(&text[span.byte_start..span.byte_end], "a\tb\nc\td\n\ne\tf");
                let cell = &rows[2].cells[1];
                assert_eq!((cell.text.as_str(), &text[cell.span.byte_start..cell.span.byte_end]), ("f", "f"));
            }
            other => panic!("expected table, got {other:?}"),
        }
        assert!(matches!(&b[3], Block::Paragraph { text, span, .. } if text == "末段" && span.line_start == 8));
    }

    #[test]
    fn bold_tags_and_emphasis_are_removed_from_texts_not_from_spans() {
        let text = "#### **第四部分名词解释**\n<b>本年收入合计</b>\t10\t<b>280.72</b>\n";
        let b = blocks(text);
        assert!(matches!(&b[0], Block::Heading { text, depth: 4, .. } if text == "第四部分名词解释"));
        let Block::Table { rows, .. } = &b[1] else { panic!("{b:?}") };
        let cell = &rows[0].cells[2];
        assert_eq!(cell.text, "280.72");
        assert_eq!(&text[cell.span.byte_start..cell.span.byte_end], "<b>280.72</b>");
    }

    #[test]
    fn lone_returns_become_newlines_of_the_same_length() {
        assert_eq!(lone_returns_as_newlines("a\rb\r\nc\r"), "a\nb\r\nc\n");
        assert!(matches!(lone_returns_as_newlines("a\r\nb\n"), std::borrow::Cow::Borrowed(_)));
        let blocks = blocks(&lone_returns_as_newlines("甲\t乙\r1.00\t2.00\r末段\r"));
        assert!(
            matches!(&blocks[..], [Block::Table { rows, .. }, Block::Paragraph { text, .. }] if rows.len() == 2 && text == "末段"),
            "{blocks:?}"
        );
    }

    #[test]
    fn word_bookmarks_are_removed_from_texts() {
        assert_eq!(strip_markup("[bookmark: _GoBack]按支出性质分：303.36"), "按支出性质分：303.36");
        assert_eq!(strip_markup("a[bookmark: x]b[bookmark: y]"), "ab");
        assert_eq!(strip_markup("[1] 注"), "[1] 注");
    }

    proptest::proptest! {
        /// [`trim`] trims what `str::trim` does.
        #[test]
        fn trim_is_str_trim(pieces in proptest::collection::vec(proptest::sample::select(&[" ", "\t", "\n", "\u{b}", "\r", "\u{85}", "\u{a0}", "\u{1680}", "\u{2003}", "\u{2029}", "\u{202f}", "\u{205f}", "\u{3000}", "\u{3001}", "。", "a", "é", "¢", "注", "𝄞", "\u{1c}"][..]), 0..8)) {
            let text: String = pieces.concat();
            proptest::prop_assert_eq!(trim(&text), text.trim());
        }

        /// [`find`], [`rfind`], [`find_all`], [`contains`], [`trim_start_literal`],
        /// [`trim_end_literal`] and [`without`] answer as `str::find`, `str::rfind`,
        /// `str::match_indices`, `str::contains`, `str::trim_start_matches`,
        /// `str::trim_end_matches` and `str::replace` with nothing do.
        #[test]
        fn find_is_str_find(haystack in proptest::collection::vec(proptest::sample::select(&["a", "b", "ab", "年", "决算", "决", "算", "\u{e5}", "。", "𝄞"][..]), 0..24), needle in proptest::collection::vec(proptest::sample::select(&["a", "b", "年", "决", "算", "\u{e5}", "𝄞"][..]), 0..4)) {
            let (haystack, needle) = (haystack.concat(), needle.concat());
            proptest::prop_assert_eq!(find(&haystack, &needle), haystack.find(needle.as_str()));
            proptest::prop_assert_eq!(rfind(&haystack, &needle), haystack.rfind(needle.as_str()));
            if !needle.is_empty() {
                proptest::prop_assert_eq!(find_all(&haystack, &needle).collect::<Vec<_>>(), haystack.match_indices(needle.as_str()).map(|(at, _)| at).collect::<Vec<_>>());
            }
            proptest::prop_assert_eq!(contains(&haystack, &needle), haystack.contains(needle.as_str()));
            proptest::prop_assert_eq!(trim_start_literal(&haystack, &needle), haystack.trim_start_matches(needle.as_str()));
            proptest::prop_assert_eq!(trim_end_literal(&haystack, &needle), haystack.trim_end_matches(needle.as_str()));
            proptest::prop_assert_eq!(without(&haystack, &needle), haystack.replace(needle.as_str(), ""));
        }
    }

    #[test]
    fn one_cell_per_line_rows_with_continuation_lines() {
        let text = "标题\n\t产出\n指标\n（50分)\n\t数量指标\n\t20\n\n\t总分\n\t100\n";
        let b = blocks(text);
        assert_eq!(b.len(), 2, "{b:#?}");
        let Block::Table { rows, layout, .. } = &b[1] else { panic!("{b:?}") };
        assert_eq!(*layout, TableLayout::CellPerLine);
        let texts: Vec<Vec<&str>> = rows.iter().map(|r| r.cells.iter().map(|c| c.text.as_str()).collect()).collect();
        assert_eq!(texts, vec![vec!["产出指标（50分)", "数量指标", "20"], vec!["总分", "100"]]);
        let first = &rows[0].cells[0];
        assert_eq!((first.span.line_start, first.span.line_end), (2, 4));
        assert_eq!(&text[first.span.byte_start..first.span.byte_end], "产出\n指标\n（50分)");
        assert_eq!(rows[1].cells[1].span.line_start, 9);
    }
}
