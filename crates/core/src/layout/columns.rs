//! Tables in layout text rebuilt from where their text stands: the regions of lines that are
//! tables, their columns (from the rows with most fields and the header), each row's fields
//! placed in order by kind and distance, wrapped labels and broken headers joined.

use super::*;
use crate::ingest::{contains, Cell};

/// Splits the lines into table regions (line index ranges) and the running text around them.
pub(super) fn regions(lines: &[Line]) -> Vec<std::ops::Range<usize>> {
    let mut out: Vec<std::ops::Range<usize>> = Vec::new();
    let mut index = 0;
    while index < lines.len() {
        if !row_like(&lines[index]) || outside_tables(&lines[index]) {
            index += 1;
            continue;
        }
        // Header lines above the first row: not running text, on the same page.
        let mut start = index;
        let floor = out.last().map_or(0, |r| r.end);
        let mut looked = 0;
        while start > floor && looked < 8 {
            let above = &lines[start - 1];
            if above.page != lines[index].page || outside_tables(above) {
                break;
            }
            if !above.fields.is_empty() && above.fields.iter().any(|f| f.text.chars().count() > 12) {
                break;
            }
            start -= 1;
            looked += 1;
        }
        while start < index && lines[start].fields.is_empty() {
            start += 1;
        }
        // Rows, and the lines between them (wrapped labels, header lines), while rows keep
        // coming; over a page break when the next page goes on with rows, or when the page
        // ended inside the header (no figure or code yet).
        let mut end = index + 1;
        let mut last_row = index;
        let mut between = 0;
        let mut in_header = !has_body(&lines[index]);
        while end < lines.len() && !outside_tables(&lines[end]) {
            let line = &lines[end];
            // A page may open with the end of a label wrapped from the last row: look past it.
            // Row labels alone (`十六、金融支出`, rows with no figures) do not tell: they may as
            // well be the heading of the text that follows; look past them too.
            let rows_follow = || {
                let lone_label = |l: &&Line| l.fields.len() == 1 && is_row(l) && !has_body(l);
                let following = lines[end..].iter().filter(|l| !l.fields.is_empty()).take(16).filter(|l| !lone_label(l));
                following.take(3).any(|l| is_row(l) && (l.fields.len() >= 2 || has_body(l)))
            };
            if line.page != lines[end - 1].page && !in_header && !rows_follow() {
                break;
            }
            in_header &= !has_body(line);
            if line.fields.is_empty() {
                end += 1;
                continue;
            }
            if is_row(line) {
                last_row = end;
                between = 0;
            } else {
                between += 1;
                if between > 5 || line.fields.iter().any(|f| f.text.chars().count() > 16) {
                    break;
                }
            }
            end += 1;
        }
        // A wrapped label line right after the last row, on its page, belongs to it (lines
        // before `end` are never outside tables).
        let wrapped = |next: &Line| !next.fields.is_empty() && next.page == lines[last_row].page;
        let stop = if last_row + 1 < end && wrapped(&lines[last_row + 1]) { last_row + 2 } else { last_row + 1 };
        out.push(start..stop);
        index = stop;
    }
    out
}

/// What a field or a column holds: labels, 科目编码, or figures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Label,
    Code,
    Figure,
}

fn kind_of(field: &Field) -> Kind {
    if subject_code(field.text).is_some_and(|c| c.2.is_empty()) && !is_amount(field.text) {
        Kind::Code
    } else if is_figure(field.text) || matches!(cell_value(field.text), CellValue::Nil) {
        Kind::Figure
    } else {
        Kind::Label
    }
}

/// What a header label names: 科目编码 / 代码 a code column; an amount's name (决算数, 合计,
/// 基本支出, 财政拨款收入, 年初结转和结余, 公务接待费) a column of figures; anything else (项目,
/// 科目名称, 栏次, a piece of a wrapped label) a label column.
fn header_kind(text: &str) -> Kind {
    let text = despace(text);
    if contains(&text, "编码") || contains(&text, "代码") {
        Kind::Code
    } else if ["数", "计", "额", "支出", "收入", "拨款", "结余", "费"].iter().any(|word| contains(&text, word)) {
        Kind::Figure
    } else {
        Kind::Label
    }
}

/// A column of a rebuilt table: its kind and where what it holds stands.
#[derive(Debug, Clone, Copy)]
struct Column {
    kind: Kind,
    /// Leftmost start and rightmost end of what it holds.
    extent: (usize, usize),
}

impl Column {
    /// Figures are right-aligned, labels and codes left-aligned.
    fn anchor(&self) -> usize {
        if self.kind == Kind::Figure {
            self.extent.1
        } else {
            self.extent.0
        }
    }
}

/// Which column measure a table's lines agree on: character counts (`pdftotext -layout`) or
/// display columns (a monospace view, [`render`]).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Measure {
    Chars,
    Display,
}

fn span_of(field: &Field, measure: Measure) -> (usize, usize) {
    match measure {
        Measure::Chars => field.chars,
        Measure::Display => field.display,
    }
}

/// Columns from the rows with the most fields: their `i`-th fields make column `i` (figures
/// standing in groups apart several columns, of at least `split_figures` figures each:
/// [`figure_columns`]).
fn body_columns(rows: &[Vec<&Field>], measure: Measure, split_figures: Option<usize>) -> Vec<Column> {
    let widest = rows.iter().map(Vec::len).max().unwrap_or(0);
    let full: Vec<&Vec<&Field>> = rows.iter().filter(|r| r.len() == widest).collect();
    let mut columns = Vec::new();
    for i in 0..widest {
        let fields: Vec<&Field> = full.iter().map(|r| r[i]).collect();
        let count = |kind| fields.iter().filter(|f| kind_of(f) == kind).count();
        let kind = [Kind::Label, Kind::Code, Kind::Figure].into_iter().max_by_key(|&k| count(k)).unwrap_or(Kind::Label);
        let spans: Vec<(usize, usize)> = fields.iter().map(|f| span_of(f, measure)).collect();
        if let (Kind::Figure, Some(least)) = (kind, split_figures) {
            columns.extend(figure_columns(spans, least));
        } else {
            columns.push(Column { kind, extent: spans.iter().fold((usize::MAX, 0), |(s, e), &(fs, fe)| (s.min(fs), e.max(fe))) });
        }
    }
    columns
}

/// The figure columns of the widest rows' `i`-th fields: one, or several when their right ends
/// stand in groups apart (six columns or more between them, `least` figures or more each) — two
/// columns no row fills together, such as 人员经费 and 公用经费 of an 经济分类 table, whose rows
/// have a figure in one or the other.
fn figure_columns(mut spans: Vec<(usize, usize)>, least: usize) -> Vec<Column> {
    const APART: usize = 6;
    crate::sorting::sort_by_key(&mut spans, |&(_, end)| end);
    let mut columns: Vec<Column> = Vec::new();
    // How many figures the last column holds.
    let mut held = 0;
    for (index, &(start, end)) in spans.iter().enumerate() {
        match columns.last_mut() {
            Some(last) if end - last.extent.1 < APART || held < least || spans.len() - index < least => {
                last.extent = (last.extent.0.min(start), end);
                held += 1;
            }
            _ => {
                columns.push(Column { kind: Kind::Figure, extent: (start, end) });
                held = 1;
            }
        }
    }
    columns
}

/// Columns in order, left to right.
fn sort_columns(columns: &mut Vec<Column>) {
    crate::sorting::sort_by_key(columns, |c| c.extent.0 + c.extent.1);
}

/// How far a field stands from a column; a field of another kind does not fit.
fn distance(field: &Field, column: &Column, measure: Measure) -> usize {
    let (start, end) = span_of(field, measure);
    let point = if column.kind == Kind::Figure { end } else { start };
    let apart = point.abs_diff(column.anchor());
    let kind = kind_of(field);
    if kind == column.kind || (kind == Kind::Figure && column.kind == Kind::Code) {
        apart
    } else if kind == Kind::Code && column.kind == Kind::Figure {
        apart + 8
    } else {
        apart + 1000
    }
}

/// Assigns a row's fields to columns in order (field `k` left of field `k + 1`), at the least
/// total distance.
fn assign(fields: &[&Field], columns: &[Column], distance: &dyn Fn(&Field, &Column) -> usize) -> Vec<usize> {
    if fields.len() > columns.len() {
        // More fields than columns: the extra ones go to the last column.
        return (0..fields.len()).map(|k| k.min(columns.len().saturating_sub(1))).collect();
    }
    in_order(fields.len(), columns.len(), &|k, j| distance(fields[k], &columns[j]))
}

/// Places `n` items in `m ≥ n` slots in order (item `k` left of item `k + 1`) at the least total
/// `cost(item, slot)`.
fn in_order(n: usize, m: usize, cost_of: &dyn Fn(usize, usize) -> usize) -> Vec<usize> {
    if n == 0 || m == 0 {
        return Vec::new();
    }
    // cost[k][j]: least cost of items 0..=k with item k in slot j.
    let mut cost = vec![vec![usize::MAX; m]; n];
    let mut from = vec![vec![0; m]; n];
    for (j, first) in cost[0].iter_mut().enumerate() {
        *first = cost_of(0, j);
    }
    for k in 1..n {
        for j in k..m {
            let best = (k - 1..j).filter(|&i| cost[k - 1][i] != usize::MAX).min_by_key(|&i| cost[k - 1][i]);
            if let Some(i) = best {
                cost[k][j] = cost[k - 1][i].saturating_add(cost_of(k, j));
                from[k][j] = i;
            }
        }
    }
    let mut j = (n - 1..m).min_by_key(|&j| cost[n - 1][j]).unwrap_or(m - 1);
    let mut out = vec![0; n];
    for k in (0..n).rev() {
        out[k] = j;
        j = from[k][j];
    }
    out
}

/// A later page of a table: its own columns and how far each moves.
type PageShifts = (usize, Vec<Column>, Vec<isize>);

/// How far each field of a later page of a table moves to stand in the first page's columns:
/// pdftotext spaces each page anew, by the widths of what that page prints. Each page's own
/// columns (from its widest rows) are matched in order to the first page's, kind to kind and
/// width to width (a 2-digit 款 code to its column, a 9-digit amount to its own), and its fields
/// move with their column. With `split_figures`, figure columns no row fills together are told
/// apart on the first page (two figures or more each) and on each later page (one or more, as a
/// page may end with one row of a kind), and every page must have as many columns as the first,
/// so that which is which is told by their order. `None` when the table stays on one page or a
/// page's columns do not fit the first's (more of them, or of another kind): then all rows'
/// columns are used as they stand.
fn page_shifts(pages: &[usize], rows: &[Vec<&Field>], measure: Measure, split_figures: bool) -> Option<Vec<PageShifts>> {
    let first = *pages.first()?;
    let on = |page: usize| rows.iter().zip(pages).filter(|(_, p)| **p == page).map(|(r, _)| r.clone()).collect::<Vec<_>>();
    let reference = body_columns(&on(first), measure, split_figures.then_some(2));
    let mut out = Vec::new();
    for (i, &page) in pages.iter().enumerate() {
        if page == first || pages[i - 1] == page {
            continue;
        }
        let own = body_columns(&on(page), measure, split_figures.then_some(1));
        if own.len() > reference.len() || (split_figures && own.len() != reference.len()) {
            return None;
        }
        let width = |c: &Column| c.extent.1 - c.extent.0;
        let cost = |k: usize, j: usize| if own[k].kind == reference[j].kind { width(&own[k]).abs_diff(width(&reference[j])) } else { 1000 };
        let to = in_order(own.len(), reference.len(), &cost);
        if to.iter().enumerate().any(|(k, &j)| cost(k, j) >= 1000) {
            return None;
        }
        let shifts = to.iter().enumerate().map(|(k, &j)| reference[j].anchor() as isize - own[k].anchor() as isize).collect();
        out.push((page, own, shifts));
    }
    (!out.is_empty()).then_some(out)
}

/// The column nearest to a field standing alone.
fn assign_one(field: &Field, columns: &[Column], measure: Measure) -> usize {
    (0..columns.len()).min_by_key(|&c| distance(field, &columns[c], measure)).unwrap_or(0)
}

/// How many columns a table's fields fall into under `measure`, page by page: where figures end
/// and codes and labels start. The measure under which they line up best has fewer.
fn columns_under(rows: &[Vec<&Field>], pages: &[usize], measure: Measure) -> usize {
    // Page, then figures (where they end) apart from the rest (where it starts).
    let mut anchors: Vec<usize> = Vec::new();
    for (row, page) in rows.iter().zip(pages) {
        for f in row {
            let (start, end) = span_of(f, measure);
            anchors.push(if kind_of(f) == Kind::Figure { (page * 2 + 1) << 16 | end } else { (page * 2) << 16 | start });
        }
    }
    crate::sorting::sort_by_key(&mut anchors, |a| *a);
    anchors.windows(2).filter(|pair| pair[1] > pair[0] + 1).count()
}

/// A cell being built from fields of one or more lines.
#[derive(Debug, Default, Clone)]
struct Draft {
    /// Each field's line and text.
    pieces: Vec<(usize, String)>,
    span: Option<Span>,
}

impl Draft {
    fn add(&mut self, line: &Line, field: &Field) {
        self.pieces.push((line.number, field.text.to_string()));
        let start = line.start + field.at;
        let span = Span { line_start: line.number, line_end: line.number, byte_start: start, byte_end: start + field.text.len() };
        self.span = Some(self.span.map_or(span, |s| s.join(span)));
    }

    /// The cell: its pieces joined top to bottom.
    fn cell(mut self, fallback: Span) -> Cell {
        let empty = Span { line_end: fallback.line_start, byte_end: fallback.byte_start, ..fallback };
        crate::sorting::sort_by_key(&mut self.pieces, |(line, _)| *line);
        let mut text = String::new();
        for (_, piece) in &self.pieces {
            join_into(&mut text, piece);
        }
        Cell { text, span: self.span.unwrap_or(empty) }
    }
}

/// Appends `piece` to `text`: without a space between CJK text, with one between Latin words;
/// single spaces between CJK characters inside `piece` (letter-spacing) are dropped.
fn join_into(text: &mut String, piece: &str) {
    let tight = despace(piece);
    if let (Some(last), Some(first)) = (text.chars().last(), tight.chars().next()) {
        if last.is_ascii_alphabetic() && first.is_ascii_alphanumeric() {
            text.push(' ');
        }
    }
    text.push_str(&tight);
}

/// `piece` without the single spaces that stand between two characters of which one is CJK.
pub(super) fn despace(piece: &str) -> String {
    let mut out = String::with_capacity(piece.len());
    let mut previous: Option<char> = None;
    for (at, c) in piece.char_indices() {
        let next = piece[at + c.len_utf8()..].chars().next();
        if !(c == ' ' && (previous.is_some_and(is_wide) || next.is_some_and(is_wide)) && previous.is_some() && next.is_some()) {
            out.push(c);
        }
        previous = Some(c);
    }
    out
}

/// The measure a run of lines is laid out in, by one producer: the one under which the fields
/// of its tables' lines of two fields or more fall into fewer columns, page by page (display
/// columns on a tie). A table whose own figures cannot tell (all of them ASCII) takes it.
pub(super) fn measure_of(lines: &[Line], regions: &[std::ops::Range<usize>]) -> Measure {
    let (rows, pages): (Vec<Vec<&Field>>, Vec<usize>) =
        regions.iter().flat_map(|r| &lines[r.clone()]).filter(|l| l.fields.len() > 1).map(|l| (l.fields.iter().collect(), l.page)).unzip();
    if columns_under(&rows, &pages, Measure::Chars) < columns_under(&rows, &pages, Measure::Display) {
        Measure::Chars
    } else {
        Measure::Display
    }
}

/// Rebuilds one table region into rows of cells, in the measure its lines line up best in,
/// `prefer` where they cannot tell.
pub(super) fn table(lines: &mut [Line], prefer: Measure) -> Vec<Row> {
    // Body rows start at the first line with a figure, a code or a row label.
    let labels_rows = |l: &Line| !l.fields.is_empty() && l.fields.iter().all(|f| is_figure(f.text) || is_row_label(f.text));
    let first_body = lines.iter().position(|l| opens_with_code(l) || l.fields.iter().any(|f| is_amount(f.text)) || labels_rows(l)).unwrap_or(lines.len());
    // Anchor lines hold a row; the others (one field, no figure) continue a neighbour's label.
    // A code alone on its line with its name and figures on the next is one row: that next line
    // is the anchor's partner.
    let mut anchors: Vec<usize> = Vec::new();
    let mut partners: Vec<Option<usize>> = Vec::new();
    let body = &lines[first_body..];
    let mut i = 0;
    while i < body.len() {
        let line = &body[i];
        let is_anchor = line.fields.len() >= 2 || opens_with_code(line) || line.fields.iter().any(|f| is_figure(f.text) || is_row_label(f.text));
        if is_anchor && !line.fields.is_empty() {
            let code_only = line.fields.len() == 1 && opens_with_code(line) && subject_code(line.fields[0].text).is_some_and(|c| c.2.is_empty());
            let joined = code_only && body.get(i + 1).is_some_and(|next| !next.fields.is_empty() && !opens_with_code(next));
            anchors.push(i);
            partners.push(joined.then_some(i + 1));
            if joined {
                i += 1;
            }
        }
        i += 1;
    }
    let anchor_pages: Vec<usize> = anchors.iter().map(|&a| body[a].page).collect();
    let anchor_rows: Vec<Vec<&Field>> = anchors.iter().map(|&a| body[a].fields.iter().collect()).collect();
    let (chars, display) = (columns_under(&anchor_rows, &anchor_pages, Measure::Chars), columns_under(&anchor_rows, &anchor_pages, Measure::Display));
    let measure = if chars == display {
        prefer
    } else if chars < display {
        Measure::Chars
    } else {
        Measure::Display
    };
    // The fields of later pages move into the first page's columns. Figure columns no row fills
    // together are told apart where every page has them all. Where a later page, spaced anew,
    // has fewer (pdftotext may set both at one place), which one it is cannot be told: they are
    // told apart on a one-page table only.
    let (shifts, split_figures) = match page_shifts(&anchor_pages, &anchor_rows, measure, true) {
        Some(shifts) => (Some(shifts), true),
        None => {
            let shifts = page_shifts(&anchor_pages, &anchor_rows, measure, false);
            let split_figures = shifts.is_none();
            (shifts, split_figures)
        }
    };
    if let Some(pages) = shifts {
        for line in &mut lines[first_body..] {
            let Some((_, own, shifts)) = pages.iter().find(|(page, _, _)| *page == line.page) else { continue };
            let to = assign(&line.fields.iter().collect::<Vec<_>>(), own, &|f, c| distance(f, c, measure));
            for (field, k) in line.fields.iter_mut().zip(to) {
                let span = if measure == Measure::Chars { &mut field.chars } else { &mut field.display };
                *span = (span.0.saturating_add_signed(shifts[k]), span.1.saturating_add_signed(shifts[k]));
            }
        }
    }
    let (header, body) = lines.split_at(first_body);
    let anchor_rows: Vec<Vec<&Field>> = anchors.iter().map(|&a| body[a].fields.iter().collect()).collect();
    let header_fields: Vec<(&Field, Kind)> = header.iter().flat_map(|l| &l.fields).map(|f| (f, header_kind(f.text))).collect();
    let mut columns = body_columns(&anchor_rows, measure, split_figures.then_some(2));
    let body_count = columns.len();
    // Header fields over no body column are columns of their own (a column with no figures).
    let overlaps = |field: &Field, column: &Column| {
        let (start, end) = span_of(field, measure);
        start < column.extent.1 && column.extent.0 < end
    };
    let mut extra: Vec<Column> = Vec::new();
    for &(field, kind) in &header_fields {
        // Over a column it may label: that column's label. A figure's label (决算数) over codes
        // only (an empty table's codes drifting under it) is a column of its own.
        // Labels are left-aligned: a label column's header may stand anywhere over it, up to
        // where the next column starts.
        let (start, end) = span_of(field, measure);
        let over_labels = |i: usize| columns[i].kind == Kind::Label && start >= columns[i].extent.0 && columns.get(i + 1).is_none_or(|next| end <= next.extent.0);
        if columns.iter().any(|c| overlaps(field, c) && !(c.kind == Kind::Code && kind == Kind::Figure))
            || side_label(field.text)
            || (kind == Kind::Label && (0..body_count).any(over_labels))
        {
            continue;
        }
        let extent = span_of(field, measure);
        match extra.iter_mut().find(|c| extent.0 < c.extent.1 && c.extent.0 < extent.1) {
            Some(column) => column.extent = (column.extent.0.min(extent.0), column.extent.1.max(extent.1)),
            None => extra.push(Column { kind, extent }),
        }
    }
    columns.extend(extra);
    sort_columns(&mut columns);
    if columns.is_empty() {
        return Vec::new();
    }
    let width = columns.len();
    let mut rows = Vec::new();
    // Header: a field over several columns is a group label, repeated over each; the others are
    // pieces of their column's label, joined top to bottom.
    let mut groups = vec![Draft::default(); width];
    let mut leaves = vec![Draft::default(); width];
    // A two-sided table (收入 | 支出) splits at its second label column.
    let second_label = (1..width).find(|&c| columns[c].kind == Kind::Label).unwrap_or(width);
    // Header labels are centred over their column.
    let by_centre = |field: &Field, column: &Column| {
        let (start, end) = span_of(field, measure);
        (start + end).abs_diff(column.extent.0 + column.extent.1) / 2
    };
    // A 栏次 line (`栏次 1 2 3 …`) is a row of its own, as in tabbed text, not part of the labels.
    let numbers_line = |line: &Line| crate::labels::is_column_number_row(&line.fields.iter().map(|f| f.text).collect::<Vec<_>>());
    let mut number_rows = Vec::new();
    for line in header.iter().filter(|l| numbers_line(l)) {
        let fields: Vec<&Field> = line.fields.iter().collect();
        let mut cells = vec![Draft::default(); width];
        for (field, column) in fields.iter().zip(assign(&fields, &columns, &|f, c| distance(f, c, measure))) {
            cells[column].add(line, field);
        }
        let span = line_span(line);
        number_rows.push(Row { cells: cells.into_iter().map(|d| d.cell(span)).collect(), span });
    }
    for line in header.iter().filter(|l| !numbers_line(l)) {
        let mut leaf_fields: Vec<&Field> = Vec::new();
        for field in &line.fields {
            let side = despace(field.text);
            let covered: Vec<usize> = match side.as_str() {
                "收入" | "本年收入" => (0..second_label).collect(),
                "支出" | "本年支出" => (second_label..width).collect(),
                _ => (0..width).filter(|&c| overlaps(field, &columns[c])).collect(),
            };
            // Over several columns with labels under them: a group label, repeated over each.
            let has_below = |c: &usize| header.iter().filter(|l| l.number > line.number).flat_map(|l| l.fields.iter()).any(|f| overlaps(f, &columns[*c]));
            let group = side_label(&side) || (covered.len() > 1 && covered.iter().filter(|c| has_below(c)).count() >= 2);
            if group {
                for c in covered {
                    groups[c].add(line, field);
                }
            } else {
                leaf_fields.push(field);
            }
        }
        for (field, column) in leaf_fields.iter().zip(assign(&leaf_fields, &columns, &by_centre)) {
            leaves[column].add(line, field);
        }
    }
    let header_span = header.iter().filter(|l| !l.fields.is_empty()).map(line_span).reduce(Span::join);
    if let Some(span) = header_span {
        if groups.iter().any(|g| g.span.is_some()) {
            rows.push(Row { cells: groups.into_iter().map(|g| g.cell(span)).collect(), span });
        }
        rows.push(Row { cells: leaves.into_iter().map(|g| g.cell(span)).collect(), span });
    }
    rows.extend(number_rows);
    // Body: each anchor's fields by column; the lines between anchors go to the nearer one (on
    // a tie, to the one with nothing in that column).
    let mut drafts: Vec<Vec<Draft>> = vec![vec![Draft::default(); width]; anchors.len()];
    let mut spans: Vec<Span> = anchors.iter().map(|&a| line_span(&body[a])).collect();
    for (k, &a) in anchors.iter().enumerate() {
        let mut own: Vec<(&Line, &Field)> = body[a].fields.iter().map(|f| (&body[a], f)).collect();
        if let Some(next) = partners[k].map(|p| &body[p]) {
            own.extend(next.fields.iter().map(|f| (next, f)));
            spans[k] = spans[k].join(line_span(next));
        }
        let fields: Vec<&Field> = own.iter().map(|(_, f)| *f).collect();
        for ((line, field), column) in own.iter().zip(assign(&fields, &columns, &|f, c| distance(f, c, measure))) {
            drafts[k][column].add(line, field);
        }
    }
    let mut taken = vec![false; body.len()];
    for &i in anchors.iter().chain(partners.iter().flatten()) {
        taken[i] = true;
    }
    for (i, line) in body.iter().enumerate() {
        if taken[i] || line.fields.is_empty() || anchors.is_empty() {
            continue;
        }
        // Anchors are in line order: the nearest above and below by bisection.
        let after = anchors.partition_point(|&a| a <= i);
        let below = (after < anchors.len()).then_some(after);
        let above = after.checked_sub(1).filter(|&k| anchors[k] < i);
        for field in &line.fields {
            let column = assign_one(field, &columns, measure);
            let target = match (above, below) {
                (Some(up), Some(down)) => {
                    let (d_up, d_down) = (i - anchors[up], anchors[down] - i);
                    let own = |k: usize| body[anchors[k]].fields.iter().any(|f| assign_one(f, &columns, measure) == column);
                    // A label centred on its row's line wraps above and below it alike.
                    let wrapped_above = drafts[up][column].pieces.iter().any(|(number, _)| *number < body[anchors[up]].number);
                    if d_up < d_down || (d_up == d_down && ((own(down) && !own(up)) || (own(down) == own(up) && wrapped_above))) {
                        up
                    } else {
                        down
                    }
                }
                (Some(up), None) => up,
                (None, Some(down)) => down,
                (None, None) => continue,
            };
            drafts[target][column].add(line, field);
            spans[target] = spans[target].join(line_span(line));
        }
    }
    for (cells, span) in drafts.into_iter().zip(spans) {
        rows.push(Row { cells: merge_split_code(cells.into_iter().map(|d| d.cell(span)).collect()), span });
    }
    rows
}

/// A 科目编码 printed over three columns (`201` `06` `01`) becomes one cell.
pub(super) fn merge_split_code(mut cells: Vec<Cell>) -> Vec<Cell> {
    let digits = |cell: &Cell| cell.text.len() == 2 && cell.text.bytes().all(|b| b.is_ascii_digit());
    if cells.len() >= 3 && cells[0].text.len() == 3 && cells[0].text.bytes().all(|b| b.is_ascii_digit()) && digits(&cells[1]) {
        let parts = if digits(&cells[2]) { 3 } else { 2 };
        let joined: String = cells[..parts].iter().map(|c| c.text.as_str()).collect();
        let span = cells[..parts].iter().map(|c| c.span).reduce(Span::join).unwrap_or(cells[0].span);
        cells[0] = Cell { text: joined, span };
        for cell in &mut cells[1..parts] {
            *cell = Cell { text: String::new(), span: Span { line_end: cell.span.line_start, byte_end: cell.span.byte_start, ..cell.span } };
        }
    }
    cells
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::{Block, TableLayout};
    use crate::layout::blocks;

    fn table_rows(text: &str) -> Vec<Vec<String>> {
        let blocks = blocks(text);
        let rows = blocks.iter().find_map(|b| match b {
            Block::Table { rows, layout: TableLayout::Columns, .. } => Some(rows.clone()),
            _ => None,
        });
        rows.unwrap_or_else(|| panic!("no table in {blocks:#?}")).iter().map(|r| r.cells.iter().map(|c| c.text.clone()).collect()).collect()
    }

    #[test]
    fn figure_columns_no_row_fills_together_are_told_apart_on_one_page() {
        // The 福利院 budget's 经济分类 table as pdftotext sets it: a 301 row fills 人员经费, a 302
        // row 公用经费, only the 合计 row both.
        let text = "\
 经济分类科目编码
                        部门经济分类科目名称     合计          人员经费          公用经费
  301        工资福利支出                    6,958,414     6,958,414
  301   01   基本工资                        758,448      758,448
  301   02   津贴补贴                        225,600      225,600
  302        商品和服务支出                  2,120,950                  2,120,950
  302   01   办公费                           69,000                   69,000
  302   04   水费                             60,000                   60,000
                      合计             9,501,164     7,380,214     2,120,950
";
        let rows = table_rows(text);
        let figures = |code: &str| rows.iter().rev().find(|r| r.iter().any(|c| c == code)).map(|r| r[r.len() - 3..].to_vec()).unwrap_or_else(|| panic!("{code} in {rows:?}"));
        assert_eq!(figures("工资福利支出"), ["6,958,414", "6,958,414", ""]);
        assert_eq!(figures("商品和服务支出"), ["2,120,950", "", "2,120,950"]);
        assert_eq!(figures("合计"), ["9,501,164", "7,380,214", "2,120,950"]);
    }

    #[test]
    fn columns_come_from_full_rows_and_blank_cells_stay_blank() {
        // As `pdftotext -layout` writes it: columns drift with the CJK text before them.
        let text = "支出决算表\n单位：万元\n  科目编码    科目名称      本年支出合计    基本支出       项目支出\n          合计             307.82   105.58   202.24\n201       一般公共服务支出       264.87   62.63    202.24\n2013901   行政运行           51.32    51.32\n2013999   其他社会工作事务支出     202.24            202.24\n";
        let rows = table_rows(text);
        assert_eq!(rows[0], ["科目编码", "科目名称", "本年支出合计", "基本支出", "项目支出"]);
        assert_eq!(rows[1], ["", "合计", "307.82", "105.58", "202.24"]);
        assert_eq!(rows[3], ["2013901", "行政运行", "51.32", "51.32", ""]);
        assert_eq!(rows[4], ["2013999", "其他社会工作事务支出", "202.24", "", "202.24"]);
    }

    #[test]
    fn wrapped_labels_join_the_row_they_wrap_around() {
        let text = "一般公共预算财政拨款支出决算表\n  科目编码    科目名称      合计      基本支出     项目支出\n 20805      行政事业单位养老支出     10.82    10.82\n            机关事业单位\n 2080505    基本养老保险      6.18     6.18\n            缴费支出\n 2080506    职业年金缴费支出      4.64     4.64\n 210        卫生健康支出      2.71     2.71\n";
        let rows = table_rows(text);
        assert_eq!(rows[2][..3], ["2080505", "机关事业单位基本养老保险缴费支出", "6.18"]);
        assert_eq!(rows[3][..2], ["2080506", "职业年金缴费支出"]);
    }

    #[test]
    fn headers_broken_over_lines_are_joined_and_side_labels_span_their_side() {
        let text = "收入支出决算总表\n              收入                          支出\n         项目        决算数               项目         决算数\n一、一般公共预算财政拨款收入     307.82   一、一般公共服务支出          264.87\n二、政府性基金预算财政拨款收入             二、外交支出\n                            九、卫生健康支出             2.71\n    本年收入合计         307.82          本年支出合计       307.82\n";
        let rows = table_rows(text);
        assert_eq!(rows[0], ["收入", "收入", "支出", "支出"]);
        assert_eq!(rows[1], ["项目", "决算数", "项目", "决算数"]);
        assert_eq!(rows[3], ["二、政府性基金预算财政拨款收入", "", "二、外交支出", ""]);
        assert_eq!(rows[4], ["", "", "九、卫生健康支出", "2.71"]);
        let text = "收入决算表\n                                        附属单位\n 科目编码    科目名称   本年收入合计  财政拨款收入              其他收入\n                                        上缴收入\n201       一般公共服务支出   264.87    264.87\n20139     社会工作事务     264.87    264.87\n";
        let rows = table_rows(text);
        assert_eq!(rows[0], ["科目编码", "科目名称", "本年收入合计", "财政拨款收入", "附属单位上缴收入", "其他收入"]);
    }

    #[test]
    fn a_column_number_line_is_a_row_of_its_own_and_wrapped_labels_stay_labels() {
        // A table of a corpus document as LibreOffice prints it (HTML table → PDF), laid out by
        // `render`: the 科目编码 label wrapped over two lines, a 栏次 line under the header.
        let text = format!("收入决算表\n{}", "                                                                本年收入 合  财政拨款 收  上级补助 收 事业收  经营收  附属单位 上缴收\n               项 目                                                                                                                 其他收入\n                                                                计          入           入          入      入       入\n               功能分类科 目编\n                               科目名称\n               码\n\n               栏次                                             1           2            3           4       5        6              7\n\n               合计                                             280.72      280.72       0.00        0.00    0.00     0.00           0.00\n\n               201             一般公共服务支出                 280.72      280.72       0.00        0.00    0.00     0.00           0.00\n\n               20103           政府办公厅（室）及相关机构事务   280.72      280.72       0.00        0.00    0.00     0.00           0.00\n\n               2010301         行政运行                         211.60      211.60       0.00        0.00    0.00     0.00           0.00\n\n                               其他政府办公厅（室）及相关机构\n               2010399                                          69.12       69.12        0.00        0.00    0.00     0.00           0.00\n");
        let rows = table_rows(&text);
        let numbers = rows.iter().position(|r| r.iter().any(|c| c == "栏次")).expect("a 栏次 row");
        assert_eq!(rows[numbers][1..], ["栏次", "1", "2", "3", "4", "5", "6", "7"]);
        assert_eq!(rows[numbers - 1][0], "项目功能分类科目编码");
        assert_eq!(rows[numbers - 1][2..4], ["本年收入合计", "财政拨款收入"]);
        assert_eq!(rows[numbers + 2][..4], ["201", "一般公共服务支出", "280.72", "280.72"]);
        assert_eq!(rows[numbers + 5][..3], ["2010399", "其他政府办公厅（室）及相关机构", "69.12"]);
    }

    #[test]
    fn codes_split_over_three_columns_are_one_code() {
        let cells = ["201", "06", "01", "行政运行", "1.00"].map(|t| Cell { text: t.to_string(), span: Span { line_start: 1, line_end: 1, byte_start: 0, byte_end: 0 } });
        let merged = merge_split_code(cells.to_vec());
        assert_eq!(merged.iter().map(|c| c.text.as_str()).collect::<Vec<_>>(), ["2010601", "", "", "行政运行", "1.00"]);
    }

    #[test]
    fn an_amount_one_space_before_the_next_sides_ordinal_label_ends_its_cell() {
        // A budget's 财务收支预算总表 as `pdftotext -layout` sets it: the income side's figure
        // one space before the expenditure side's label; 本年收入 / 本年支出 over the sides.
        let text = "                  本年收入                                   本年支出\n\n           项目             预算数                       项目          预算数\n\n一、财政拨款收入                   156,211,123 一、一般公共服务支出                  2,932,700\n\n2. 政府性基金                                 三、教育支出                       250,000\n\n           收入总计            156,211,123            支出总计           156,211,123\n";
        let rows = table_rows(text);
        assert_eq!(rows[0], ["本年收入", "本年收入", "本年支出", "本年支出"]);
        assert_eq!(rows[2], ["一、财政拨款收入", "156,211,123", "一、一般公共服务支出", "2,932,700"]);
        assert_eq!(rows[3], ["2.政府性基金", "", "三、教育支出", "250,000"]);
    }

    /// The column of each non-blank cell of a row.
    fn filled(row: &[String]) -> Vec<usize> {
        row.iter().enumerate().filter(|(_, c)| !c.is_empty()).map(|(i, _)| i).collect()
    }

    #[test]
    fn figure_columns_no_row_fills_together_are_told_apart_on_each_page() {
        // The 2023 万里 budget's 经济分类 table as pdftotext sets it over two pages, each spaced
        // anew; the second page has one 人员经费 row (303 02) among its 公用经费 rows.
        let text = "\
 部门预算经济分类科目
    编码                     经济分类科目名称   合计           人员经费         公用经费
 类     款
 301         工资福利支出                   83,847,385   83,847,385
 301   01    基本工资                      5,668,416    5,668,416
 301   02    津贴补贴                     16,743,933   16,743,933
 302         商品和服务支出                  15,381,432                15,381,432
 302   01    办公费                       5,811,753                 5,811,753
 302   04    手续费                          30,000                    30,000
\x0c302   06   电费               710,000                   710,000
302   07   邮电费              390,000                   390,000
303        对个人和家庭的补助        177,480      177,480
303   02   退休费              177,480      177,480
                    合计   99,406,297   84,024,865   15,381,432
";
        let rows = table_rows(text);
        let figures = |label: &str| rows.iter().rev().find(|r| r.iter().any(|c| c == label)).map(|r| r[r.len() - 3..].to_vec()).unwrap_or_else(|| panic!("{label} in {rows:?}"));
        assert_eq!(figures("基本工资"), ["5,668,416", "5,668,416", ""]);
        assert_eq!(figures("办公费"), ["5,811,753", "", "5,811,753"]);
        assert_eq!(figures("电费"), ["710,000", "", "710,000"]);
        assert_eq!(figures("退休费"), ["177,480", "177,480", ""]);
        assert_eq!(figures("合计"), ["99,406,297", "84,024,865", "15,381,432"]);
    }

    #[test]
    fn a_table_ends_at_a_page_break_followed_by_headings_and_text() {
        // A one-row 三公 table at the end of its page; the next page opens a part of the text with
        // a heading and a numbered heading (`一、…`, which reads like a row label alone).
        let text = "\
   合计           因公出国(境)费       公务接待费
                                          小计           购置费       运行费

        22.91              0       1.35        21.56         0         21.56
\x0c                              其他相关情况说明

  一、2023年“三公”经费预算情况说明
      2023年“三公”经费预算数为22.91万元，比2022年预算增加0.5万元。
";
        let rows = table_rows(text);
        assert_eq!(
            rows.last().map(|r| r.iter().filter(|c| !c.is_empty()).cloned().collect::<Vec<_>>()),
            Some(["22.91", "0", "1.35", "21.56", "0", "21.56"].map(String::from).to_vec()),
            "{rows:?}"
        );
        let paragraphs: Vec<String> = blocks(text).into_iter().filter_map(|b| if let Block::Paragraph { text, .. } = b { Some(text) } else { None }).collect();
        assert_eq!(paragraphs[..2], ["其他相关情况说明", "一、2023年“三公”经费预算情况说明"], "{paragraphs:?}");
    }

    #[test]
    fn each_page_of_a_table_is_read_in_its_own_columns() {
        // A budget's 收入预算总表 as `pdftotext -layout` sets it over three pages, each spaced
        // anew by the widths of what it prints: the figures of a row of the second page stand
        // where a 0 stood on the first.
        let text = "                   项目                                          收入预算\n\n功能分类科目编码                                                                  事业单位\n                       功能分类科目名称        合计         财政拨款收入       事业收入                  其他收入\n类     款    项                                                              经营收入\n\n201             一般公共服务支出              2,932,700    2,932,700          0          0          0\n\n201   05        统计信息事务                  257,700      257,700          0          0          0\n\n201   05   07   专项普查活动                  257,700      257,700          0          0          0\n\x0c201   38   02   一般行政管理事务         135,200      135,200   0   0   0\n\n204             公共安全支出         1,633,000    1,633,000   0   0   0\n\n204   06        司法               300,000      300,000   0   0   0\n\x0c合计   156,211,123   156,211,123   0   0   0\n";
        let rows = table_rows(text);
        let first = rows.iter().position(|r| r[0] == "201").expect("the first row");
        let columns = filled(&rows[first]);
        assert_eq!(columns.len(), 7, "{:?}", rows[first]);
        for code in ["2013802", "204", "20406"] {
            let row = rows.iter().find(|r| r[0] == code).unwrap_or_else(|| panic!("{code} in {rows:?}"));
            assert_eq!(filled(row), columns, "{row:?}");
        }
        let total = rows.last().expect("the 合计 row");
        assert_eq!(filled(total)[1..], columns[2..], "{total:?}");
        assert_eq!(total[columns[2]], "156,211,123");
    }

    #[test]
    fn a_table_of_ascii_figures_takes_the_measure_of_the_documents_other_tables() {
        // One row of figures under a header of CJK labels: characters or display columns fit its
        // figures alike; the document's other table, in characters (`pdftotext -layout`), tells.
        let text = "支出决算表\n  科目编码    科目名称      本年支出合计    基本支出       项目支出\n201       一般公共服务支出       264.87   62.63    202.24\n2013901   行政运行           51.32    51.32\n\n单位“三公”经费预算表\n单位：万元\n   合计         因公出国(境)费       公务接待费\n                                         小计         购置费     运行费\n\n        6.4              0           0        6.4                 6.4            0\n";
        let blocks = blocks(text);
        let tables: Vec<Vec<Vec<String>>> = blocks
            .iter()
            .filter_map(|b| match b {
                Block::Table { rows, layout: TableLayout::Columns, .. } => Some(rows.iter().map(|r| r.cells.iter().map(|c| c.text.clone()).collect()).collect()),
                _ => None,
            })
            .collect();
        let three_public = tables.last().expect("the 三公 table");
        let labels: Vec<&str> = three_public.iter().flatten().map(String::as_str).filter(|c| !c.is_empty()).collect();
        for label in ["合计", "因公出国(境)费", "公务接待费", "小计", "购置费", "运行费"] {
            assert!(labels.contains(&label), "{label} in {three_public:?}");
        }
    }
}
