//! Layout text: a page laid out in columns of characters, as `pdftotext -layout` writes it and
//! as [`render`] writes the glyphs of a PDF. Tables have no tabs
//! there: their columns are where the text stands. This reader rebuilds them (rows by line,
//! columns from the header and from aligned figures, wrapped labels and headers joined) and
//! reflows running text (wrapped lines joined, letter-spacing dropped), keeping every piece's
//! place in the input.

use crate::amount::{cell_value, CellValue};
use crate::forms::form_of_title;
use crate::ingest::{contains, Block, Row, Span, TableLayout};
use crate::labels::subject_code;

mod columns;
mod render;
mod ruled;
mod running;

use columns::{despace, measure_of, merge_split_code, regions, table};
pub use render::{render, GlyphPlaces, Rendered};
use running::{drop_page_furniture, drop_repeats_across_pages, paragraphs};

/// Whether `text` is layout text: pages (form feeds end them) with ruled tables' rows (tabs
/// between cells), as [`render`] writes PDF text, or, without tabs, lines whose words stand apart
/// in columns (two spaces or more between them, a figure among them).
pub fn is_layout_text(text: &str) -> bool {
    let bytes = text.as_bytes();
    if bytes.contains(&b'\t') {
        return bytes.contains(&b'\x0c');
    }
    let columned = text
        .lines()
        .filter(|line| {
            let fields = fields(line);
            contains(line, "  ") && fields.len() >= 2 && fields.iter().any(|f| is_figure(f.text))
        })
        .take(5)
        .count();
    columned >= 5
}

/// One line of the input.
#[derive(Debug)]
struct Line<'a> {
    /// 1-based line number.
    number: usize,
    /// Byte offset of the line in the input.
    start: usize,
    text: &'a str,
    /// Page, counted by form feeds.
    page: usize,
    fields: Vec<Field<'a>>,
}

/// A run of text in a line that stands apart from the rest (two spaces or more around it).
#[derive(Debug, Clone, Copy)]
struct Field<'a> {
    text: &'a str,
    /// Byte offset in the line.
    at: usize,
    /// Character columns: the start and end column counting every character as one.
    chars: (usize, usize),
    /// Display columns: CJK characters count two.
    display: (usize, usize),
}

/// Whether a character takes two display columns (CJK, Hangul, full-width forms).
fn is_wide(c: char) -> bool {
    matches!(c as u32, 0x1100..=0x115F | 0x2E80..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6 | 0x20000..=0x3FFFD)
}

/// The fields of a line: runs separated by two spaces or more (a full-width space counts two),
/// or by one space between two figures.
fn fields(line: &str) -> Vec<Field<'_>> {
    let mut out: Vec<Field> = Vec::new();
    let (mut chars, mut display) = (0, 0);
    let mut start: Option<(usize, usize, usize)> = None;
    let mut spaces = 0;
    let mut last_end = (0, 0, 0);
    for (at, c) in line.char_indices() {
        let width = if is_wide(c) { 2 } else { 1 };
        if c == '\t' {
            spaces += 2;
        } else if c == ' ' || c == '\u{3000}' || c == '\u{a0}' {
            spaces += width;
        } else {
            if let Some(begin) = start {
                let next_word = line[at..].split(' ').next().unwrap_or("");
                let so_far = &line[begin.0..last_end.0];
                // One space apart: two figures, or an amount and the label of the next column
                // (`156,211,123 一、一般公共服务支出` in a tight two-sided table, `0.00 其他资金`).
                let split = spaces >= 2
                    || (spaces == 1
                        && ((is_figure(next_word) && is_figure(so_far))
                            || (is_amount(so_far) && (is_ordinal_label(next_word) || is_column_label(&line[at..])))));
                if split {
                    out.push(Field {
                        text: &line[begin.0..last_end.0],
                        at: begin.0,
                        chars: (begin.1, last_end.1),
                        display: (begin.2, last_end.2),
                    });
                    start = None;
                }
            }
            if start.is_none() {
                start = Some((at, chars, display));
            }
            spaces = 0;
            last_end = (at + c.len_utf8(), chars + 1, display + width);
        }
        chars += 1;
        display += width;
    }
    if let Some(begin) = start {
        out.push(Field {
            text: &line[begin.0..last_end.0],
            at: begin.0,
            chars: (begin.1, last_end.1),
            display: (begin.2, last_end.2),
        });
    }
    out
}

/// Whether the text after an amount and one space opens with the label of the next column:
/// a word of CJK text, not a unit (`万元`) or a sentence, standing apart from what follows
/// (two spaces after it), as where a right-aligned figure meets a left-aligned label.
fn is_column_label(rest: &str) -> bool {
    let Some(end) = crate::ingest::find(rest, "  ") else { return false };
    rest[..end].chars().enumerate().all(|(i, c)| {
        is_wide(c)
            && !matches!(c, '，' | '。' | '；' | '：')
            && (i > 0 || !matches!(c, '万' | '亿' | '元' | '千' | '百'))
    })
}

/// A figure as tables print them: an amount, a percentage, a count, a code.
fn is_figure(text: &str) -> bool {
    matches!(cell_value(text), CellValue::Number(_))
}

/// An amount (not a code or a line number): it has decimals or thousands separators.
fn is_amount(text: &str) -> bool {
    is_figure(text) && text.contains(['.', ',', '%'])
}

/// Whether a line opens with a 科目编码 (`201`, `2010301`, `201 06 01`, `30101 基本工资`).
fn opens_with_code(line: &Line) -> bool {
    line.fields.first().is_some_and(|f| subject_code(f.text).is_some())
}

/// The label over one side of a two-sided table: `收入` or `支出` (`本年收入`, `本年支出` in
/// budget summaries).
fn side_label(text: &str) -> bool {
    matches!(despace(text).as_str(), "收入" | "支出" | "本年收入" | "本年支出")
}

/// Whether a field opens with an ordinal: `一、…`, `十二、…`, `（一）…`.
fn is_ordinal_label(text: &str) -> bool {
    crate::labels::numbering(text).is_some_and(|(rank, _)| rank == 20 || rank == 30)
}

/// Whether a field is a label with an ordinal (`一、…`, `（一）…`) or a total (`合计`, `总计`).
fn is_row_label(text: &str) -> bool {
    let first = text.chars().next().unwrap_or(' ');
    let ordinal =
        matches!(first, '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十') && contains(text, "、");
    ordinal || first == '（' || first == '(' || text.ends_with('计') || contains(text, "合计") || contains(text, "总计")
}

fn lines(text: &str) -> Vec<Line<'_>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut page = 1;
    for (index, raw) in text.split_inclusive('\n').enumerate() {
        let mut body = raw.trim_end_matches(['\n', '\r']);
        let mut offset = start;
        while let Some(rest) = body.strip_prefix('\x0c') {
            page += 1;
            body = rest;
            offset += 1;
        }
        out.push(Line { number: index + 1, start: offset, text: body, page, fields: fields(body) });
        start += raw.len();
    }
    out
}

/// Whether a line has the shape of a table row: three fields or more, or two with a figure.
fn row_like(line: &Line) -> bool {
    let n = line.fields.len();
    n >= 3 || (n == 2 && line.fields.iter().any(|f| is_figure(f.text)))
}

/// Whether a line inside a table is a row of it: fields side by side, a 科目编码 first, or a
/// row label alone (`十、节能环保支出`, `合计`).
fn is_row(line: &Line) -> bool {
    line.fields.len() >= 2
        || opens_with_code(line)
        || line.fields.first().is_some_and(|f| is_row_label(f.text) && f.text.chars().count() <= 20)
}

/// Whether a line holds a table's body: an amount, or a 科目编码 first.
fn has_body(line: &Line) -> bool {
    opens_with_code(line) || line.fields.iter().any(|f| is_amount(f.text))
}

/// A line that a table never takes: a title, a unit line, a note, a part heading, a finished
/// sentence.
fn outside_tables(line: &Line) -> bool {
    let text = line.text.trim();
    if text.starts_with('第') && contains(text, "部分") {
        return true;
    }
    let single = line.fields.len() <= 1;
    text.starts_with('注')
        || text.starts_with("说明")
        || contains(text, "单位：")
        || contains(text, "单位:")
        || (single && form_of_title(text).is_some())
        || (single && text.ends_with('。'))
}

fn line_span(line: &Line) -> Span {
    let leading = line.text.len() - line.text.trim_start().len();
    let start = line.start + leading;
    Span { line_start: line.number, line_end: line.number, byte_start: start, byte_end: start + line.text.trim().len() }
}

/// Reads layout text into blocks: rebuilt tables, and paragraphs of reflowed running text.
/// Lines of tab-separated cells are the rows of ruled tables ([`render`] writes them so).
pub fn blocks(text: &str) -> Vec<Block> {
    let mut lines = lines(text);
    drop_page_furniture(&mut lines);
    drop_repeats_across_pages(&mut lines);
    let mut out = Vec::new();
    let mut at = 0;
    while at < lines.len() {
        let ruled = lines[at..].iter().position(|l| tabs(l) > 0).map_or(lines.len(), |p| at + p);
        positioned(&mut lines[at..ruled], &mut out);
        let Some(first) = lines.get(ruled) else { break };
        // One table: rows with as many cells, and the blank lines and page breaks between them.
        let mut last = ruled;
        for (index, line) in lines.iter().enumerate().skip(ruled + 1) {
            if tabs(line) == tabs(first) {
                last = index;
            } else if !line.fields.is_empty() {
                break;
            }
        }
        let rows: Vec<Row> = lines[ruled..=last]
            .iter()
            .filter(|l| tabs(l) > 0)
            .map(|l| {
                let row = crate::ingest::tabbed_row(l.number, l.start, l.text);
                Row { cells: merge_split_code(row.cells), span: row.span }
            })
            .collect();
        let span = line_span(first).join(line_span(&lines[last]));
        out.push(Block::Table { rows, layout: TableLayout::Tabbed, span });
        at = last + 1;
    }
    out
}

/// The tabs in a line: a row of a ruled table has one less than its cells.
fn tabs(line: &Line) -> usize {
    line.text.bytes().filter(|&b| b == b'\t').count()
}

/// Reads lines laid out by position: tables rebuilt from where their text stands, and the
/// running text around them.
fn positioned(lines: &mut [Line], out: &mut Vec<Block>) {
    let regions = regions(lines);
    let measure = measure_of(lines, &regions);
    let mut at = 0;
    for region in regions {
        paragraphs(&lines[at..region.start].iter().collect::<Vec<_>>(), out);
        let rows = table(&mut lines[region.clone()], measure);
        if let Some(span) = rows.iter().map(|r| r.span).reduce(Span::join) {
            out.push(Block::Table { rows, layout: TableLayout::Columns, span });
        }
        at = region.end;
    }
    paragraphs(&lines[at..].iter().collect::<Vec<_>>(), out);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tabbed_and_plain_texts_are_not_layout_text() {
        assert!(!is_layout_text("收入\t支出\n1.00\t2.00\n"));
        assert!(!is_layout_text("本年收入合计 307.82 万元，其中：财政拨款收入 307.82 万元。\n"));
    }

    #[test]
    fn an_amount_one_space_before_the_next_columns_label_ends_its_field() {
        fn texts(line: &str) -> Vec<&str> {
            fields(line).iter().map(|f| f.text).collect()
        }
        // A 项目支出绩效目标表 as `pdftotext -layout` sets it: right-aligned figures one space
        // before the next column's left-aligned label.
        assert_eq!(
            texts("     项目资金总额           4,100,000.00 年度资金申请总额        4,100,000.00"),
            ["项目资金总额", "4,100,000.00", "年度资金申请总额", "4,100,000.00"]
        );
        assert_eq!(
            texts("     其他资金                     0.00 其他资金                   0.00"),
            ["其他资金", "0.00", "其他资金", "0.00"]
        );
        // A unit, a sentence, or a label at the end of the line stay with the figure.
        assert_eq!(texts("  280.72 万元  合计"), ["280.72 万元", "合计"]);
        assert_eq!(texts("  5.20% 主要原因是人员增加，支出增长"), ["5.20% 主要原因是人员增加，支出增长"]);
        assert_eq!(texts("  合计  280.72 合计"), ["合计", "280.72 合计"]);
    }

    #[test]
    fn rows_of_ruled_tables_are_read_by_their_tabs_over_page_breaks() {
        // As `render` writes a ruled table that runs onto a second page: the running text around
        // it is read as usual, the table is one table of tab-separated rows.
        let text = "   一、收入决算表说明\n\n   本年收入合计 307.82 万元。\n\n功能分类科目编码\t\t\t科目名称\t本年收入合计\n201\t06\t01\t行政运行\t1.00\n\n- 1 -\n\x0c\n201\t06\t02\t一般行政管理事务\t2.00\n\n   注：本表为空表。\n\n- 2 -\n\x0c";
        assert!(is_layout_text(text));
        let blocks = blocks(text);
        let tables: Vec<Vec<Vec<&str>>> = blocks
            .iter()
            .filter_map(|b| match b {
                Block::Table { rows, layout: TableLayout::Tabbed, .. } => {
                    Some(rows.iter().map(|r| r.texts()).collect())
                }
                _ => None,
            })
            .collect();
        assert_eq!(
            tables,
            [[
                ["功能分类科目编码", "", "", "科目名称", "本年收入合计"],
                ["2010601", "", "", "行政运行", "1.00"],
                ["2010602", "", "", "一般行政管理事务", "2.00"]
            ]]
        );
        let paragraphs: Vec<&str> = blocks
            .iter()
            .filter_map(|b| match b {
                Block::Paragraph { text, .. } => Some(text.as_str()),
                _ => None,
            })
            .collect();
        assert_eq!(paragraphs, ["一、收入决算表说明", "本年收入合计307.82万元。", "注：本表为空表。"]);
    }
}
