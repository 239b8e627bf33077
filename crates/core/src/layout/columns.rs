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
                let following =
                    lines[end..].iter().filter(|l| !l.fields.is_empty()).take(16).filter(|l| !lone_label(l));
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
    } else if ["数", "计", "额", "支出", "收入", "拨款", "结余", "费"].iter().any(|word| contains(&text, word))
    {
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
            columns.push(Column {
                kind,
                extent: spans.iter().fold((usize::MAX, 0), |(s, e), &(fs, fe)| (s.min(fs), e.max(fe))),
            });
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
fn page_shifts(
    pages: &[usize],
    rows: &[Vec<&Field>],
    measure: Measure,
    split_figures: bool,
) -> Option<Vec<PageShifts>> {
    let first = *pages.first()?;
    let on =
        |page: usize| rows.iter().zip(pages).filter(|(_, p)| **p == page).map(|(r, _)| r.clone()).collect::<Vec<_>>();
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
        let cost = |k: usize, j: usize| {
            if own[k].kind == reference[j].kind {
                width(&own[k]).abs_diff(width(&reference[j]))
            } else {
                1000
            }
        };
        let to = in_order(own.len(), reference.len(), &cost);
        if to.iter().enumerate().any(|(k, &j)| cost(k, j) >= 1000) {
            return None;
        }
        let shifts =
            to.iter().enumerate().map(|(k, &j)| reference[j].anchor() as isize - own[k].anchor() as isize).collect();
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
            anchors.push(if kind_of(f) == Kind::Figure {
                (page * 2 + 1) << 16 | end
            } else {
                (page * 2) << 16 | start
            });
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
        let span = Span {
            line_start: line.number,
            line_end: line.number,
            byte_start: start,
            byte_end: start + field.text.len(),
        };
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
        if !(c == ' '
            && (previous.is_some_and(is_wide) || next.is_some_and(is_wide))
            && previous.is_some()
            && next.is_some())
        {
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
    let (rows, pages): (Vec<Vec<&Field>>, Vec<usize>) = regions
        .iter()
        .flat_map(|r| &lines[r.clone()])
        .filter(|l| l.fields.len() > 1)
        .map(|l| (l.fields.iter().collect(), l.page))
        .unzip();
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
    let labels_rows =
        |l: &Line| !l.fields.is_empty() && l.fields.iter().all(|f| is_figure(f.text) || is_row_label(f.text));
    let first_body = lines
        .iter()
        .position(|l| opens_with_code(l) || l.fields.iter().any(|f| is_amount(f.text)) || labels_rows(l))
        .unwrap_or(lines.len());
    // Anchor lines hold a row; the others (one field, no figure) continue a neighbour's label.
    // A code alone on its line with its name and figures on the next is one row: that next line
    // is the anchor's partner.
    let mut anchors: Vec<usize> = Vec::new();
    let mut partners: Vec<Option<usize>> = Vec::new();
    let body = &lines[first_body..];
    let mut i = 0;
    while i < body.len() {
        let line = &body[i];
        let is_anchor = line.fields.len() >= 2
            || opens_with_code(line)
            || line.fields.iter().any(|f| is_figure(f.text) || is_row_label(f.text));
        if is_anchor && !line.fields.is_empty() {
            let code_only = line.fields.len() == 1
                && opens_with_code(line)
                && subject_code(line.fields[0].text).is_some_and(|c| c.2.is_empty());
            let joined =
                code_only && body.get(i + 1).is_some_and(|next| !next.fields.is_empty() && !opens_with_code(next));
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
    let (chars, display) = (
        columns_under(&anchor_rows, &anchor_pages, Measure::Chars),
        columns_under(&anchor_rows, &anchor_pages, Measure::Display),
    );
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
    let header_fields: Vec<(&Field, Kind)> =
        header.iter().flat_map(|l| &l.fields).map(|f| (f, header_kind(f.text))).collect();
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
        let over_labels = |i: usize| {
            columns[i].kind == Kind::Label
                && start >= columns[i].extent.0
                && columns.get(i + 1).is_none_or(|next| end <= next.extent.0)
        };
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
    let numbers_line =
        |line: &Line| crate::labels::is_column_number_row(&line.fields.iter().map(|f| f.text).collect::<Vec<_>>());
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
            let has_below = |c: &usize| {
                header
                    .iter()
                    .filter(|l| l.number > line.number)
                    .flat_map(|l| l.fields.iter())
                    .any(|f| overlaps(f, &columns[*c]))
            };
            let group =
                side_label(&side) || (covered.len() > 1 && covered.iter().filter(|c| has_below(c)).count() >= 2);
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
                    let own =
                        |k: usize| body[anchors[k]].fields.iter().any(|f| assign_one(f, &columns, measure) == column);
                    // A label centred on its row's line wraps above and below it alike.
                    let wrapped_above =
                        drafts[up][column].pieces.iter().any(|(number, _)| *number < body[anchors[up]].number);
                    if d_up < d_down
                        || (d_up == d_down && ((own(down) && !own(up)) || (own(down) == own(up) && wrapped_above)))
                    {
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
    if cells.len() >= 3
        && cells[0].text.len() == 3
        && cells[0].text.bytes().all(|b| b.is_ascii_digit())
        && digits(&cells[1])
    {
        let parts = if digits(&cells[2]) { 3 } else { 2 };
        let joined: String = cells[..parts].iter().map(|c| c.text.as_str()).collect();
        let span = cells[..parts].iter().map(|c| c.span).reduce(Span::join).unwrap_or(cells[0].span);
        cells[0] = Cell { text: joined, span };
        for cell in &mut cells[1..parts] {
            *cell = Cell {
                text: String::new(),
                span: Span { line_end: cell.span.line_start, byte_end: cell.span.byte_start, ..cell.span },
            };
        }
    }
    cells
}

#[cfg(test)]
mod tests;
