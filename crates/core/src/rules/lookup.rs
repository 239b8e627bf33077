//! What several rules look up in a parsed document: its typed tables, their lines, rows,
//! columns and cells, and its running text (headings, paragraphs, notes). Where findings point
//! and the verdicts rules share are in [`super::verdicts`].

use crate::finding::Term;
use crate::ingest::contains;
use crate::model::{
    Amount, ClassifiedRow, ClassifiedTable, EconomicItem, EconomicTable, SummaryLine, SummaryTable, TableModel,
    ThreePublicTable,
};
use crate::recognise::{Form, Note, RecognisedTable};
use crate::report::ParseReport;

/// The first table of `form` with a summary (two-sided) model.
pub fn summary(document: &ParseReport, form: Form) -> Option<(&RecognisedTable, &SummaryTable)> {
    document.tables.iter().filter(|t| t.form == form).find_map(|t| match &t.model {
        TableModel::Summary(s) => Some((t, s)),
        _ => None,
    })
}

/// Every functional-classification table (02, 03, 05, 07, 08).
pub fn classified_tables(document: &ParseReport) -> impl Iterator<Item = (&RecognisedTable, &ClassifiedTable)> {
    document.tables.iter().filter_map(|t| match &t.model {
        TableModel::Classified(c) => Some((t, c)),
        _ => None,
    })
}

/// The first functional-classification table of `form`.
pub fn classified(document: &ParseReport, form: Form) -> Option<(&RecognisedTable, &ClassifiedTable)> {
    classified_tables(document).find(|(t, _)| t.form == form)
}

/// Table 06.
pub fn economic(document: &ParseReport) -> Option<(&RecognisedTable, &EconomicTable)> {
    document.tables.iter().find_map(|t| match &t.model {
        TableModel::Economic(e) => Some((t, e)),
        _ => None,
    })
}

/// Table 09.
pub fn three_public(document: &ParseReport) -> Option<(&RecognisedTable, &ThreePublicTable)> {
    document.tables.iter().find_map(|t| match &t.model {
        TableModel::ThreePublic(p) => Some((t, p.as_ref())),
        _ => None,
    })
}

/// The line of a summary table with this normalised label on this side.
pub fn line<'a>(table: &'a SummaryTable, side: crate::model::Side, label: &str) -> Option<&'a SummaryLine> {
    table.lines.iter().find(|l| l.side == side && l.label == label)
}

/// The single value of a one-column summary line (01's 决算数, 04's income 金额).
pub fn only_value(line: &SummaryLine) -> Option<(&str, &Amount)> {
    line.values.iter().next().map(|(k, v)| (k.as_str(), v))
}

/// The row with this 科目编码.
pub fn row<'a>(table: &'a ClassifiedTable, code: &str) -> Option<&'a ClassifiedRow> {
    table.rows.iter().find(|r| r.code.as_deref() == Some(code))
}

/// Each row's nearest listed ancestor (`None` for a top-level row and a row without a code).
pub fn parents(table: &ClassifiedTable) -> Vec<Option<&str>> {
    let codes: Vec<&str> = table.rows.iter().filter_map(|r| r.code.as_deref()).collect();
    table
        .rows
        .iter()
        .map(|r| {
            let code = r.code.as_deref()?;
            codes.iter().copied().filter(|c| c.len() < code.len() && code.starts_with(c)).max_by_key(|c| c.len())
        })
        .collect()
}

/// Rows with a code whose nearest listed ancestor is `parent` (`None`: the top-level rows),
/// given the table's [`parents`].
pub fn children<'a>(
    table: &'a ClassifiedTable,
    parents: &[Option<&str>],
    parent: Option<&str>,
) -> Vec<&'a ClassifiedRow> {
    table
        .rows
        .iter()
        .zip(parents)
        .filter(|(r, nearest)| r.code.is_some() && **nearest == parent)
        .map(|(r, _)| r)
        .collect()
}

/// The row label for messages: its code and name.
pub fn row_label(row: &ClassifiedRow) -> String {
    match &row.code {
        Some(code) => [code, " ", &row.label].concat(),
        None => row.label.clone(),
    }
}

/// The three kinds of 财政拨款, as 04 names its fund columns and income lines.
pub const FISCAL_FUNDS: [&str; 3] = ["一般公共预算财政拨款", "政府性基金预算财政拨款", "国有资本经营预算财政拨款"];

/// The line of a summary table with this label that details no other line.
pub fn top_line<'a>(table: &'a SummaryTable, side: crate::model::Side, label: &str) -> Option<&'a SummaryLine> {
    table.lines.iter().find(|l| l.side == side && l.parent.is_none() && l.label == label)
}

/// A figure of table 04 for one fund: the row label, the column key and the amount.
pub type FundFigure<'a> = (String, &'a str, &'a Amount);

/// 04's 本年收入 of `fund`: its income line (`一般公共预算财政拨款`), or the fund column of
/// `本年收入合计` when the income side has fund columns.
pub fn fund_income<'a>(table: &'a SummaryTable, fund: &str) -> Option<FundFigure<'a>> {
    let side = crate::model::Side::Income;
    let line = top_line(table, side, fund).or_else(|| top_line(table, side, &format!("{fund}收入")));
    match line {
        Some(line) => only_value(line).map(|(column, amount)| (line.label.clone(), column, amount)),
        None => fund_cell(table, side, "本年收入合计", fund),
    }
}

/// 04's 年初财政拨款结转和结余 of `fund`: the fund line under it, or its fund column.
pub fn fund_opening<'a>(table: &'a SummaryTable, fund: &str) -> Option<FundFigure<'a>> {
    const OPENING: &str = "年初财政拨款结转和结余";
    let detail = table.lines.iter().find(|l| l.parent.as_deref() == Some(OPENING) && l.label == fund);
    match detail {
        Some(line) => only_value(line).map(|(column, amount)| (format!("{OPENING}/{fund}"), column, amount)),
        None => fund_cell(table, crate::model::Side::Income, OPENING, fund),
    }
}

/// The `fund` column of the line `label` (04's 本年支出合计, 年末财政拨款结转和结余).
pub fn fund_cell<'a>(
    table: &'a SummaryTable,
    side: crate::model::Side,
    label: &str,
    fund: &str,
) -> Option<FundFigure<'a>> {
    let line = top_line(table, side, label)?;
    line.values.get_key_value(fund).map(|(column, amount)| (line.label.clone(), column.as_str(), amount))
}

/// The first column whose last header segment is one of `names` (`本年支出/小计` for `小计`).
pub fn column_named<'a>(table: &'a ClassifiedTable, names: &[&str]) -> Option<&'a str> {
    table.columns.iter().map(String::as_str).find(|c| names.contains(&c.rsplit('/').next().unwrap_or(c)))
}

/// A line of running text (heading or paragraph) with its span.
pub type TextLine<'a> = (&'a str, crate::ingest::Span);

/// Every heading and paragraph of the document, in order.
pub fn text_lines(document: &ParseReport) -> Vec<TextLine<'_>> {
    fn walk<'a>(section: &'a crate::recognise::Section, out: &mut Vec<TextLine<'a>>) {
        out.push((section.heading.as_str(), section.span));
        out.extend(section.paragraphs.iter().map(|p| (p.text.as_str(), p.span)));
        for child in &section.children {
            walk(child, out);
        }
    }
    let mut out: Vec<TextLine> = document.preamble.iter().map(|p| (p.text.as_str(), p.span)).collect();
    for section in &document.sections {
        walk(section, &mut out);
    }
    crate::sorting::sort_by_key(&mut out, |(_, span)| span.byte_start);
    out
}

/// Every text of the document's blocks in order, with where it stands: each heading and
/// paragraph, and each cell of a table's rows (at its own span), flagged as a cell.
#[cfg(feature = "review")]
pub fn block_texts(document: &ParseReport) -> Vec<(&str, crate::ingest::Span, bool)> {
    use crate::ingest::Block;
    let mut out = Vec::new();
    for block in &document.blocks {
        match block {
            Block::Heading { text, span, .. } | Block::Paragraph { text, span, .. } => {
                out.push((text.as_str(), *span, false))
            }
            Block::Table { rows, .. } => out.extend(
                rows.iter().flat_map(|row| row.cells.iter().map(move |cell| (cell.text.as_str(), cell.span, true))),
            ),
        }
    }
    out
}

/// Whether a table has no nonzero figure.
pub fn is_empty(table: &RecognisedTable) -> bool {
    table.cells.iter().all(|c| c.value.number.value.is_zero())
}

/// A note's text without whitespace.
pub fn compact(note: &Note) -> String {
    note.text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Whether a note says the whole table has no data (`故本表无数据`, `本表为空表`).
pub fn says_table_has_no_data(note: &Note) -> bool {
    let text = compact(note);
    contains(&text, "无数据") || contains(&text, "空表")
}

/// How a table is named in messages: `07表 政府性基金预算财政拨款收入支出决算表` where the
/// document numbers its tables, else as the document titles it ([`RecognisedTable::long_name`]).
pub fn table_name(table: &RecognisedTable) -> String {
    table.long_name()
}

/// A paragraph of running text with the headings of the sections it sits in, outermost first.
pub struct PlacedParagraph<'a> {
    pub headings: Vec<&'a str>,
    pub paragraph: &'a crate::recognise::Paragraph,
}

/// Every paragraph of running text, in document order (the preamble first).
pub fn placed_paragraphs(document: &ParseReport) -> Vec<PlacedParagraph<'_>> {
    fn walk<'a>(
        section: &'a crate::recognise::Section,
        headings: &mut Vec<&'a str>,
        out: &mut Vec<PlacedParagraph<'a>>,
    ) {
        headings.push(&section.heading);
        out.extend(
            section.paragraphs.iter().map(|paragraph| PlacedParagraph { headings: headings.clone(), paragraph }),
        );
        for child in &section.children {
            walk(child, headings, out);
        }
        headings.pop();
    }
    let mut out: Vec<PlacedParagraph> =
        document.preamble.iter().map(|paragraph| PlacedParagraph { headings: Vec::new(), paragraph }).collect();
    for section in &document.sections {
        walk(section, &mut Vec::new(), &mut out);
    }
    out
}

/// Every paragraph of running text, in document order (the preamble first), without the
/// headings [`placed_paragraphs`] gathers.
pub fn paragraphs(document: &ParseReport) -> Vec<&crate::recognise::Paragraph> {
    let mut out: Vec<_> = document.preamble.iter().collect();
    out.extend(all_sections(document).into_iter().flat_map(|section| &section.paragraphs));
    out
}

/// Every section, in document order.
pub fn all_sections(document: &ParseReport) -> Vec<&crate::recognise::Section> {
    fn walk<'a>(section: &'a crate::recognise::Section, out: &mut Vec<&'a crate::recognise::Section>) {
        out.push(section);
        for child in &section.children {
            walk(child, out);
        }
    }
    let mut out = Vec::new();
    for section in &document.sections {
        walk(section, &mut out);
    }
    out
}

/// Every 绩效自评表 (整体支出 and 项目支出), in document order.
pub fn performance_tables(
    document: &ParseReport,
) -> impl Iterator<Item = (&RecognisedTable, &crate::model::PerformanceTable)> {
    document.tables.iter().filter_map(|t| match &t.model {
        TableModel::Performance(p) => Some((t, p.as_ref())),
        _ => None,
    })
}

/// The 部门整体支出绩效评价基础数据表.
pub fn basic_data(document: &ParseReport) -> Option<(&RecognisedTable, &crate::model::BasicDataTable)> {
    document.tables.iter().find_map(|t| match &t.model {
        TableModel::BasicData(b) => Some((t, b)),
        _ => None,
    })
}

/// The funds (and the 三公 expenses) a text or heading may be about, each with the names it goes
/// by (`国有资产经营`, L005's misnomer, too): the review rules C004 and L016 tell which one a
/// text speaks of.
#[cfg(feature = "review")]
pub const FUNDS: [(&str, &[&str]); 4] = [
    ("政府性基金", &["政府性基金"]),
    ("国有资本经营", &["国有资本经营", "国有资产经营"]),
    ("三公", &["三公"]),
    ("社会保险基金", &["社会保险基金"]),
];

/// The label of the funding line that is the budget-execution item of a 绩效自评表.
pub const ANNUAL_FUNDS: &str = "年度资金总额";

/// The funding line of a 绩效自评表 with this normalised label.
pub fn funding_line<'a>(
    table: &'a crate::model::PerformanceTable,
    label: &str,
) -> Option<&'a crate::model::FundingLine> {
    table.funding.iter().find(|f| f.label == label)
}

/// The column of the 基础数据表 that reports this year's 决算.
pub const BASIC_ACTUAL: &str = "本年决算数";

/// The 三公 rows of the 基础数据表 and the 09 rows of the same figures.
pub const THREE_PUBLIC_BASIC_ROWS: [(&str, &str); 6] = [
    ("三公经费", "合计"),
    ("公务用车购置和维护经费", "公务用车购置及运行费小计"),
    ("公车购置", "公务用车购置费"),
    ("公车运行维护", "公务用车运行费"),
    ("出国经费", "因公出国(境)费"),
    ("公务接待", "公务接待费"),
];

/// The row of the 基础数据表 with this normalised label.
pub fn basic_row<'a>(table: &'a crate::model::BasicDataTable, label: &str) -> Option<&'a crate::model::BasicDataRow> {
    table.rows.iter().find(|r| r.label == label)
}

/// A 绩效自评表 row as messages name it: the project (`整体支出` for the 整体 table), then
/// the row, each cut to a readable length (`驻京工作经费/年度资金总额`).
pub fn performance_row(table: &RecognisedTable, performance: &crate::model::PerformanceTable, row: &str) -> String {
    let scope = match (table.form, performance.subject.as_deref()) {
        (Form::ProjectPerformance, Some(project)) => shortened(project),
        _ => "整体支出".to_string(),
    };
    [&scope, "/", &shortened(row)].concat()
}

/// At most twelve characters of `text`, with `…` when cut.
fn shortened(text: &str) -> String {
    const MAX_CHARS: usize = 12;
    let mut chars = text.chars();
    let head: String = chars.by_ref().take(MAX_CHARS).collect();
    if chars.next().is_some() {
        format!("{head}…")
    } else {
        head
    }
}

/// A figure that is not a rounded amount — a weight (`分值`), an awarded score, a head count —
/// as exact: a sum of many such figures stays as tight as they are instead of widening by half
/// a unit per figure, and a slip of one unit among them is an error, not a 尾数误差.
pub fn exact(amount: &Amount) -> Amount {
    Amount { number: amount.number.exactly(), ..amount.clone() }
}

/// A figure of the 基础数据表 as meant: a `0` there says nothing was spent (exactly zero), not
/// an amount rounded to the nearest 万元.
pub fn basic_figure(amount: &Amount) -> Amount {
    if amount.number.value.is_zero() {
        exact(amount)
    } else {
        amount.clone()
    }
}

/// A 06 item as a term of a relation, named by its code and name.
pub fn economic_term<'a>(table: &RecognisedTable, item: &EconomicItem, amount: &'a Amount) -> Term<'a> {
    Term::cell(table, &[&item.code, " ", &item.name].concat(), "决算数", amount)
}

/// Whitespace as a regex's `\s` reads it: ASCII, vertical tab included.
pub fn is_space(b: u8) -> bool {
    matches!(b, b'\t' | b'\n' | 0x0b | 0x0c | b'\r' | b' ')
}

/// The amount of money starting at the ASCII digit at byte `start` of `text`, as the pattern
/// `\d[\d,]*(?:\.\d+)?\s*(?:万元|亿元|元)` reads it: its end and unit. When there is none, `Err`
/// holds the end of the digits and commas from `start`: no amount starts within them either.
pub fn money_at(text: &str, start: usize) -> Result<(usize, &'static str), usize> {
    let bytes = text.as_bytes();
    let digit = |i: usize| bytes.get(i).is_some_and(u8::is_ascii_digit);
    let mut end = start + 1;
    while bytes.get(end).is_some_and(|b| b.is_ascii_digit() || *b == b',') {
        end += 1;
    }
    let run_end = end;
    if bytes.get(end) == Some(&b'.') && digit(end + 1) {
        end += 2;
        while digit(end) {
            end += 1;
        }
    }
    while bytes.get(end).copied().is_some_and(is_space) {
        end += 1;
    }
    ["万元", "亿元", "元"]
        .into_iter()
        .find(|unit| text[end..].starts_with(unit))
        .map(|unit| (end + unit.len(), unit))
        .ok_or(run_end)
}
