//! Readers for the nine 决算 tables. Columns are mapped by header labels; rows by 科目编码
//! or by label. Each reader tolerates the extraction damage seen in the corpus: merged
//! code and name, header rows out of line, side-by-side column groups, two-level headers.

use super::Tracker;
use crate::amount::{cell_value, CellValue};
use crate::ingest::{contains, Cell, Row};
use crate::labels::{
    class_code_of, is_column_number_row, is_meta_cell, is_value_like, norm, split_ordinal, subject_code,
};
use crate::model::{
    Amount, ClassifiedRow, ClassifiedTable, CodeLevel, EconomicItem, EconomicTable, Side, SummaryLine, SummaryTable,
    ThreePublicFigures, ThreePublicTable, Values,
};

/// Texts of a row with meta cells (`公开03表`, `金额单位：万元`) blanked.
fn header_texts(row: &Row) -> Vec<String> {
    row.cells.iter().map(|c| if is_meta_cell(&c.text) { String::new() } else { norm(&c.text) }).collect()
}

fn is_label_header(text: &str) -> bool {
    matches!(text, "项目" | "类" | "款" | "项")
        || ["科目", "编码", "代码", "功能分类", "栏次"].iter().any(|k| contains(text, k))
}

/// Column keys from (possibly two-level) header rows: a group label in an upper row covers
/// the empty cells to its right wherever a lower row has a label (`本年支出/基本支出`).
/// Returns, per column index, the key (empty for no label) and whether it is a label column.
fn header_columns(rows: &[Vec<String>]) -> Vec<(String, bool)> {
    let width = rows.iter().map(Vec::len).max().unwrap_or(0);
    let mut parts: Vec<Vec<String>> = vec![Vec::new(); width];
    for (r, row) in rows.iter().enumerate() {
        let mut group: Option<&String> = None;
        for (i, column) in parts.iter_mut().enumerate() {
            let text = row.get(i).map_or("", String::as_str);
            if !text.is_empty() {
                column.push(text.to_string());
                group = row.get(i).filter(|t| !is_label_header(t));
            } else if let Some(group) = group {
                let below = rows[r + 1..].iter().any(|lower| lower.get(i).is_some_and(|t| !t.is_empty()));
                if below {
                    column.push(group.clone());
                }
            }
        }
    }
    parts
        .into_iter()
        .map(|p| {
            let label = p.iter().any(|t| is_label_header(t));
            let mut key: Vec<String> = Vec::new();
            for t in p {
                if !key.contains(&t) {
                    key.push(t);
                }
            }
            (key.join("/"), label)
        })
        .collect()
}

/// How a data row labels itself.
struct RowLabel {
    /// Number of leading cells taken by the label (1 when code and name are merged).
    cells: usize,
    code: Option<(String, CodeLevel)>,
    label: String,
}

pub(super) fn is_total(text: &str) -> bool {
    contains(text, "计") && matches!(norm(text).as_str(), "合计" | "总计")
}

fn row_label(row: &Row) -> Option<RowLabel> {
    let first = row.text(0);
    let second = row.text(1);
    if first.is_empty() && is_total(second) {
        return Some(RowLabel { cells: 2, code: None, label: norm(second) });
    }
    if is_total(first) {
        let cells = if is_value_like(second) { 1 } else { 2 };
        return Some(RowLabel { cells, code: None, label: norm(first) });
    }
    let (code, level, rest) = subject_code(first)?;
    let (cells, label) = if !rest.is_empty() {
        (1, norm(&rest))
    } else if is_value_like(second) {
        (1, String::new())
    } else {
        (2, norm(second))
    };
    Some(RowLabel { cells, code: Some((code, level)), label })
}

/// Reads the value cells of a row into `values`: cell `i` maps to header column `i + offset`.
/// A figure under no header label belongs to the labelled column on its left when that column
/// is blank in its row (a figure set off from its label, as the layout reader may split them).
fn read_values(
    row: &Row,
    from: usize,
    offset: usize,
    columns: &[(String, bool)],
    values: &mut Values,
    tracker: &mut Tracker,
) {
    for (i, cell) in row.cells.iter().enumerate().skip(from) {
        let Some((mut key, mut is_label)) = columns.get(i + offset).map(|(k, l)| (k, *l)) else { continue };
        if key.is_empty() && !cell.text.trim().is_empty() {
            let left = (from + offset..i + offset).rev().find(|&j| !columns[j].0.is_empty());
            if let Some(j) = left.filter(|&j| row.text(j - offset).trim().is_empty()) {
                (key, is_label) = (&columns[j].0, columns[j].1);
            }
        }
        if key.is_empty() || is_label {
            continue;
        }
        tracker.value(cell, i, key, values);
    }
}

/// Reads a functional-classification table (02, 03, 05, 07, 08).
pub fn classified(rows: &[Row], tracker: &mut Tracker) -> ClassifiedTable {
    // A 合计 row whose other cells are column names, not figures, is the last header row (forms
    // that set 本年支出's 合计 / 基本支出 / 项目支出 beside the 合计 label).
    let names_columns = |r: &Row| {
        let values = || r.cells.iter().skip(1).map(|c| cell_value(&c.text));
        values().any(|v| v == CellValue::Text) && !values().any(|v| matches!(v, CellValue::Number(_)))
    };
    let data_start = rows
        .iter()
        .position(|r| row_label(r).is_some_and(|l| !(l.code.is_none() && names_columns(r))))
        .unwrap_or(rows.len());
    let header: Vec<Vec<String>> = rows[..data_start]
        .iter()
        .map(header_texts)
        .filter(|texts| {
            !is_column_number_row(&texts.iter().map(String::as_str).collect::<Vec<_>>())
                && texts.iter().any(|t| !t.is_empty())
        })
        .collect();
    for row in &rows[..data_start] {
        mark_column_numbers(row, tracker);
    }
    let columns = header_columns(&header);
    let label_columns = columns.iter().position(|(key, label)| !key.is_empty() && !label).unwrap_or(2);
    let mut table = ClassifiedTable {
        columns: columns.iter().filter(|(k, l)| !k.is_empty() && !l).map(|(k, _)| k.clone()).collect(),
        total: None,
        rows: Vec::new(),
    };
    for row in &rows[data_start..] {
        if is_column_number_row(&row.texts()) {
            mark_column_numbers(row, tracker);
            continue;
        }
        let Some(label) = row_label(row) else { continue };
        if label.code.is_some() {
            tracker.structural(&row.cells[0]);
        }
        let offset = label_columns.saturating_sub(label.cells);
        let mut values = Values::new();
        read_values(row, label.cells, offset, &columns, &mut values, tracker);
        let key = label.code.as_ref().map_or_else(|| label.label.clone(), |(code, _)| code.clone());
        let parsed = ClassifiedRow {
            key,
            code: label.code.as_ref().map(|(c, _)| c.clone()),
            level: label.code.map(|(_, l)| l),
            label: label.label,
            values,
            span: row.span,
        };
        if parsed.code.is_none() {
            table.total = Some(parsed);
        } else {
            table.rows.push(parsed);
        }
    }
    table
}

fn mark_column_numbers(row: &Row, tracker: &mut Tracker) {
    if is_column_number_row(&row.texts()) {
        for cell in &row.cells {
            tracker.structural(cell);
        }
    }
}

/// Reads a two-sided summary table (01, 04): income lines on the left, expenditure lines on
/// the right of the `支出` header cell.
pub fn summary(rows: &[Row], tracker: &mut Tracker) -> SummaryTable {
    let split_row = rows.iter().position(|r| r.cells.iter().any(|c| norm(&c.text) == "支出"));
    let split = split_row.and_then(|i| rows[i].cells.iter().position(|c| norm(&c.text) == "支出")).unwrap_or(3);
    // The header row naming the columns: the one with 行次, or (national layout, no 行次) with 项目.
    let names = |label: &str| rows.iter().position(|r| r.cells.iter().any(|c| norm(&c.text) == label));
    let label_row = names("行次").or_else(|| names("项目")).unwrap_or(0);
    let header = header_texts(&rows[label_row]);
    let column_key = |i: usize, single: bool| {
        let text = header.get(i).cloned().unwrap_or_default();
        if single && (text == "决算数" || text == "金额") {
            "金额".to_string()
        } else {
            text
        }
    };
    let side_columns = |range: std::ops::Range<usize>| -> Vec<(usize, String)> {
        let labelled: Vec<usize> =
            range.filter(|&i| header.get(i).is_some_and(|t| !t.is_empty() && t != "项目" && t != "行次")).collect();
        let single = labelled.len() == 1;
        labelled.into_iter().map(|i| (i, column_key(i, single))).collect()
    };
    let width = header.len().max(split);
    let income_columns = side_columns(0..split);
    let expenditure_columns = side_columns(split..width);
    let mut table = SummaryTable {
        income_columns: income_columns.iter().map(|(_, k)| k.clone()).collect(),
        expenditure_columns: expenditure_columns.iter().map(|(_, k)| k.clone()).collect(),
        lines: Vec::new(),
    };
    let mut parents: [Option<String>; 2] = [None, None];
    for row in &rows[label_row + 1..] {
        if is_column_number_row(&row.texts()) {
            mark_column_numbers(row, tracker);
            continue;
        }
        for (side, start, columns) in
            [(Side::Income, 0, &income_columns), (Side::Expenditure, split, &expenditure_columns)]
        {
            let parent = &mut parents[side as usize];
            if let Some(line) = summary_line(row, side, start, columns, parent, tracker) {
                table.lines.push(line);
            }
        }
    }
    table
}

const FUND_LINES: [&str; 3] = ["一般公共预算财政拨款", "政府性基金预算财政拨款", "国有资本经营预算财政拨款"];

fn summary_line(
    row: &Row,
    side: Side,
    start: usize,
    columns: &[(usize, String)],
    parent: &mut Option<String>,
    tracker: &mut Tracker,
) -> Option<SummaryLine> {
    let label_cell = row.cells.get(start)?;
    if let Some(cell) = row.cells.get(start + 1) {
        tracker.structural(cell);
    }
    let (ordinal, label) = split_ordinal(&norm(&label_cell.text));
    let mut values = Values::new();
    for (index, key) in columns {
        let Some(cell) = row.cells.get(*index) else { continue };
        tracker.value(cell, *index, key, &mut values);
    }
    if label.is_empty() && values.is_empty() {
        return None;
    }
    let line_parent = if ordinal.is_none() && FUND_LINES.contains(&label.as_str()) { parent.clone() } else { None };
    if contains(&label, "结转和结余") {
        *parent = Some(label.clone());
    } else if line_parent.is_none() {
        *parent = None;
    }
    Some(SummaryLine {
        side,
        class_code: if side == Side::Expenditure { class_code_of(&label).map(str::to_string) } else { None },
        line_no: row.cells.get(start + 1).and_then(|c| c.text.trim().parse().ok()),
        parent: line_parent,
        ordinal,
        label,
        values,
        span: row.span,
    })
}

/// Reads table 06: items in side-by-side (code, name, 决算数) groups, then the 人员经费合计 and
/// 公用经费合计 figures, which may sit on the label row or on the row below it.
pub fn economic(rows: &[Row], tracker: &mut Tracker) -> EconomicTable {
    let mut amount_columns: Vec<usize> = Vec::new();
    let data_start = rows.iter().position(|r| subject_code(r.text(0)).is_some()).unwrap_or(rows.len());
    for row in &rows[..data_start] {
        for (i, cell) in row.cells.iter().enumerate() {
            if norm(&cell.text) == "决算数" && !amount_columns.contains(&i) {
                amount_columns.push(i);
            }
        }
    }
    crate::sorting::sort_positions(&mut amount_columns, &|a, b| a.cmp(&b));
    if amount_columns.len() < 2 {
        amount_columns = vec![2, 5, 8];
    }
    let mut table = EconomicTable { items: Vec::new(), personnel_total: None, public_total: None };
    let mut pending: Vec<(usize, bool)> = Vec::new();
    for row in &rows[data_start..] {
        let totals = total_labels(row);
        if !totals.is_empty() || !pending.is_empty() {
            let labels = if totals.is_empty() { std::mem::take(&mut pending) } else { totals };
            let numbers: Vec<(usize, Amount)> =
                row.cells.iter().enumerate().filter_map(|(i, c)| Amount::from_cell(c, i).map(|a| (i, a))).collect();
            if numbers.is_empty() {
                pending = labels;
                continue;
            }
            for (k, (index, personnel)) in labels.iter().enumerate() {
                let next = labels.get(k + 1).map_or(usize::MAX, |(i, _)| *i);
                let found = numbers.iter().find(|(i, _)| i >= index && *i < next).map(|(_, a)| a.clone());
                if *personnel {
                    table.personnel_total = found;
                } else {
                    table.public_total = found;
                }
            }
            continue;
        }
        for (group, &amount_column) in amount_columns.iter().enumerate() {
            let Some(code_column) = amount_column.checked_sub(2) else { continue };
            let Some((code, level, _)) = subject_code(row.text(code_column)) else { continue };
            tracker.structural(&row.cells[code_column]);
            if level == CodeLevel::Item {
                continue;
            }
            let amount = row.cells.get(amount_column).and_then(|c| {
                if cell_value(&c.text) == CellValue::Text {
                    tracker.unparsed(c, amount_column, "text in a value column");
                }
                Amount::from_cell(c, amount_column)
            });
            table.items.push(EconomicItem { code, name: norm(row.text(code_column + 1)), group, amount });
        }
    }
    table
}

/// Cells labelled 人员经费合计 (true) or 公用经费合计 (false), by column.
fn total_labels(row: &Row) -> Vec<(usize, bool)> {
    row.cells
        .iter()
        .enumerate()
        // Both labels end with 计: other cells are passed over without normalising them.
        .filter(|(_, c)| contains(&c.text, "计"))
        .filter_map(|(i, c)| match norm(&c.text).as_str() {
            "人员经费合计" => Some((i, true)),
            "公用经费合计" => Some((i, false)),
            _ => None,
        })
        .collect()
}

/// Reads table 09: header leaves give the order of the six figures of each side (预算数, then
/// 决算数); the value cells are read in that order after dropping a leading 栏次 run.
pub fn three_public(rows: &[Row], tracker: &mut Tracker) -> ThreePublicTable {
    let is_data = |r: &Row| {
        !r.is_blank()
            && r.cells
                .iter()
                .all(|c| matches!(cell_value(&c.text), CellValue::Number(_) | CellValue::Nil | CellValue::Empty))
    };
    let data_start = rows.iter().position(is_data).unwrap_or(rows.len());
    let header: Vec<Vec<String>> = rows[..data_start].iter().map(header_texts).collect();
    let width = header.iter().map(Vec::len).max().unwrap_or(0);
    let mut keys: Vec<&'static str> = Vec::new();
    for i in 0..width {
        let leaf = header
            .iter()
            .rev()
            .map(|r| r.get(i).map_or("", String::as_str))
            .find(|t| !t.is_empty() && *t != "预算数" && *t != "决算数");
        if let Some(key) = leaf.and_then(three_public_key) {
            keys.push(key);
        }
    }
    const STANDARD: [&str; 6] =
        ["total", "abroad", "vehicle_subtotal", "vehicle_purchase", "vehicle_operation", "reception"];
    let complete = |half: &[&str]| STANDARD.iter().all(|k| half.contains(k));
    if keys.len() < 12 || !complete(&keys[..6]) || !complete(&keys[6..12]) {
        keys = STANDARD.iter().chain(STANDARD.iter()).copied().collect();
    }
    let mut slots: Vec<(usize, &Cell)> =
        rows[data_start..].iter().filter(|r| is_data(r)).flat_map(|r| r.cells.iter().enumerate()).collect();
    let run = slots.iter().enumerate().take_while(|(k, (_, c))| c.text.trim() == (k + 1).to_string()).count();
    if run >= 3 {
        for (_, cell) in slots.drain(..run) {
            tracker.structural(cell);
        }
    }
    let mut table = ThreePublicTable { budget: ThreePublicFigures::default(), actual: ThreePublicFigures::default() };
    for (k, (column, cell)) in slots.iter().enumerate().take(12) {
        let figures = if k < 6 { &mut table.budget } else { &mut table.actual };
        if cell_value(&cell.text) == CellValue::Text {
            tracker.unparsed(cell, *column, "text in a value column");
        }
        let amount = Amount::from_cell(cell, *column);
        let slot = match keys[k] {
            "total" => &mut figures.total,
            "abroad" => &mut figures.abroad,
            "vehicle_subtotal" => &mut figures.vehicle_subtotal,
            "vehicle_purchase" => &mut figures.vehicle_purchase,
            "vehicle_operation" => &mut figures.vehicle_operation,
            _ => &mut figures.reception,
        };
        *slot = amount;
    }
    table
}

fn three_public_key(leaf: &str) -> Option<&'static str> {
    let key = if contains(leaf, "合计") {
        "total"
    } else if contains(leaf, "出国") {
        "abroad"
    } else if contains(leaf, "小计") {
        "vehicle_subtotal"
    } else if contains(leaf, "接待") {
        "reception"
    } else if contains(leaf, "运行") && !contains(leaf, "购置") {
        "vehicle_operation"
    } else if contains(leaf, "购置") && !contains(leaf, "运行") {
        "vehicle_purchase"
    } else {
        return None;
    };
    Some(key)
}
