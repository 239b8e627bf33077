//! Readers for the nine budget tables (部门预算 / 单位预算) and the 项目支出绩效目标表. The
//! function- and economic-classification tables are read by the 决算 reader once their rows are
//! brought to its shape (code, name, values); the two summary tables, the 三公 table and the
//! 绩效目标表 have readers of their own.

use super::{final_accounts, Form, Tracker};
use crate::amount::{cell_value, CellValue};
use crate::ingest::{contains, Cell, Row};
use crate::labels::{class_code_of, digits, is_meta_cell, is_value_like, norm, split_ordinal};
use crate::model::{
    Amount, BudgetThreePublicTable, ClassifiedTable, ProjectGoalsTable, Side, SummaryLine, SummaryTable, Unit, Values,
};

/// Reads a function- or economic-classification budget table: a code split over 类/款/项
/// columns (`301 | 01`, `210 | 11 | 02`) is joined into one (a 款 written `2` is `02`; a 类 cell
/// that is not a 类 code takes the 类 of the row above), and the blank cells between the code
/// and its name are dropped, so that every row reads code, name, values.
///
/// The figures are kept only when the columns that hold them are the form's own, in its order
/// ([`columns_of`]): a header read out of line with its figures (two columns under one label, a
/// figure under another's label) places none, nor does a row with a figure no column took, so
/// no relation is checked on misplaced figures.
pub fn classified(form: Form, rows: &[Row], tracker: &mut Tracker) -> ClassifiedTable {
    let mut class = String::new();
    let names = rows.iter().find_map(name_at);
    let rows: Vec<Row> =
        rows.iter().map(|row| joined_code(row, names, &mut class, tracker).unwrap_or_else(|| row.clone())).collect();
    let mut table = final_accounts::classified(&rows, tracker);
    let expected = columns_of(form);
    let mut next = 0;
    let in_order =
        table.columns.iter().filter(|c| table.total.iter().chain(&table.rows).any(|r| r.values.get(*c).is_some())).all(
            |column| {
                let at = expected.iter().position(|label| column.ends_with(label));
                let fits = at.is_some_and(|at| at >= next);
                next = at.map_or(next, |at| at + 1);
                fits
            },
        );
    for row in table.total.iter_mut().chain(&mut table.rows) {
        // A row with a figure no column took was not read in line with the header either.
        let figures = rows.iter().find(|r| r.span == row.span).map_or(0, |r| {
            r.cells.iter().skip(1).filter(|c| matches!(cell_value(&c.text), CellValue::Number(_))).count()
        });
        if !in_order || row.values.len() < figures {
            row.values = Values::new();
        }
    }
    table
}

/// The value columns of a classified budget form, in order, as their header labels end.
fn columns_of(form: Form) -> &'static [&'static str] {
    match form {
        Form::BudgetIncome => &["合计", "财政拨款收入", "事业收入", "经营收入", "其他收入"],
        Form::BudgetBasicEconomic => &["合计", "人员经费", "公用经费"],
        _ => &["合计", "基本支出", "项目支出"],
    }
}

fn is_code_part(text: &str) -> bool {
    let t = text.trim();
    !t.is_empty() && t.len() <= 2 && digits(t) == t.len()
}

/// Where a row's name stands when its first cell is a code: the first cell after it that is
/// neither a code part nor a figure.
fn name_at(row: &Row) -> Option<usize> {
    let first = row.text(0).trim();
    if first.is_empty() || digits(first) != first.len() {
        return None;
    }
    (1..row.cells.len().min(5)).find(|&i| {
        let t = row.text(i).trim();
        !t.is_empty() && !is_code_part(t) && !is_value_like(t)
    })
}

/// A data row with its code in one cell and its name in the next; `None` for a row that is
/// not a coded row or a 合计 row, or is already in that shape. A 合计 row spanning the code and
/// name columns (`合计 | | | 9`, merged cells read blank) takes the same shape, a blank name
/// after its label, when `names` (the name column of the table's coded rows) is known.
fn joined_code(row: &Row, names: Option<usize>, class: &mut String, tracker: &mut Tracker) -> Option<Row> {
    let first = row.text(0).trim();
    if first.is_empty() || digits(first) != first.len() {
        let at = row.cells.iter().position(|c| !c.text.trim().is_empty())?;
        if norm(row.text(at)) != "合计" {
            return None;
        }
        let spans_to = |end: usize| {
            end >= at && row.cells.get(at + 1..=end).is_some_and(|cells| cells.iter().all(|c| c.text.trim().is_empty()))
        };
        return match names.filter(|&n| spans_to(n)) {
            Some(n) => {
                let blank = Cell { text: String::new(), span: row.cells[n].span };
                let cells =
                    [row.cells[at].clone(), blank].into_iter().chain(row.cells[n + 1..].iter().cloned()).collect();
                Some(Row { cells, span: row.span })
            }
            None if at > 0 => Some(Row { cells: row.cells[at..].to_vec(), span: row.span }),
            None => None,
        };
    }
    let name_at = name_at(row)?;
    let parts: Vec<&Cell> = row.cells[1..name_at].iter().filter(|c| !c.text.trim().is_empty()).collect();
    if !parts.iter().all(|c| is_code_part(&c.text)) {
        return None;
    }
    let mut code = if matches!(first.len(), 3 | 5 | 7) {
        first.to_string()
    } else if !parts.is_empty() && class.len() == 3 {
        tracker.structural(&row.cells[0]);
        class.clone()
    } else {
        return None;
    };
    for part in &parts {
        tracker.structural(part);
        let t = part.text.trim();
        if t.len() == 1 {
            code.push('0');
        }
        code.push_str(t);
    }
    *class = code[..3].to_string();
    if parts.is_empty() && name_at == 1 {
        return None;
    }
    let mut code_cell = row.cells[0].clone();
    code_cell.text = code;
    let mut cells = vec![code_cell];
    cells.extend(row.cells[name_at..].iter().cloned());
    Some(Row { cells, span: row.span })
}

/// The column key of a summary table's header label: the fund or `合计` it ends with, else the label.
fn summary_key(label: &str) -> String {
    for key in ["一般公共预算", "政府性基金预算", "国有资本经营预算", "合计"] {
        if label.ends_with(key) {
            return key.to_string();
        }
    }
    label.to_string()
}

/// Reads 财务收支预算总表 or 财政拨款收支预算总表: income lines left of the second `项目` header
/// cell, expenditure lines from it. A line numbered `1.`/`1、` under `一、财政拨款收入` details
/// it; a 类 label wrapped onto the next row (`四、文化旅游体育与传媒` / `支出`) is joined.
pub fn summary(rows: &[Row], tracker: &mut Tracker) -> SummaryTable {
    let has_number = |r: &Row| r.cells.iter().any(|c| matches!(cell_value(&c.text), CellValue::Number(_)));
    let data_start = rows.iter().position(has_number).unwrap_or(rows.len());
    let header: Vec<Vec<String>> = rows[..data_start]
        .iter()
        .map(|r| r.cells.iter().map(|c| if is_meta_cell(&c.text) { String::new() } else { norm(&c.text) }).collect())
        .collect();
    let split = header
        .iter()
        .rev()
        .find_map(|r| r.iter().enumerate().filter(|(_, t)| t.ends_with("项目")).nth(1).map(|(i, _)| i))
        .unwrap_or(2);
    let width = header.iter().map(Vec::len).max().unwrap_or(0);
    let key_of = |i: usize| {
        header.iter().rev().map(|r| r.get(i).map_or("", String::as_str)).find(|t| !t.is_empty()).map(summary_key)
    };
    let columns: Vec<(usize, String)> =
        (0..width).filter(|&i| i != 0 && i != split).filter_map(|i| key_of(i).map(|k| (i, k))).collect();
    let mut table = SummaryTable {
        income_columns: columns.iter().filter(|(i, _)| *i < split).map(|(_, k)| k.clone()).collect(),
        expenditure_columns: columns.iter().filter(|(i, _)| *i > split).map(|(_, k)| k.clone()).collect(),
        lines: Vec::new(),
    };
    // Per side: the label of the last numbered line (parent of `1.` lines) and a wrapped label waiting for its end.
    let mut parents: [Option<String>; 2] = [None, None];
    let mut pending: [Option<String>; 2] = [None, None];
    for row in &rows[data_start..] {
        for (side, range) in [(Side::Income, 0..split), (Side::Expenditure, split..width.max(row.cells.len()))] {
            let Some(label_cell) = row.cells.get(range.start) else { continue };
            let mut values = Values::new();
            for (index, key) in columns.iter().filter(|(i, _)| range.contains(i)) {
                let Some(cell) = row.cells.get(*index) else { continue };
                tracker.value(cell, *index, key, &mut values);
            }
            let s = side as usize;
            let written = norm(&label_cell.text);
            let written = match pending[s].take() {
                Some(head)
                    if !written.is_empty() && split_ordinal(&written).0.is_none() && !contains(&written, "计") =>
                {
                    head + &written
                }
                Some(head) => {
                    table.lines.push(line(side, &head, None, Values::new(), row));
                    written
                }
                None => written,
            };
            if written.is_empty() && values.is_empty() {
                continue;
            }
            // A 类 line ends with 支出: one that does not, without figures, wraps onto the next row.
            if side == Side::Expenditure
                && values.is_empty()
                && split_ordinal(&written).0.is_some()
                && !written.ends_with("支出")
            {
                pending[s] = Some(written);
                continue;
            }
            let (ordinal, _) = split_ordinal(&written);
            let detail = ordinal.as_deref().is_some_and(|o| o.bytes().all(|b| b.is_ascii_digit()));
            let parent = if detail { parents[s].clone() } else { None };
            let new = line(side, &written, parent, values, row);
            if ordinal.is_some() && !detail {
                parents[s] = Some(new.label.clone());
            }
            table.lines.push(new);
        }
    }
    table
}

fn line(side: Side, written: &str, parent: Option<String>, values: Values, row: &Row) -> SummaryLine {
    let (ordinal, label) = split_ordinal(written);
    SummaryLine {
        side,
        class_code: if side == Side::Expenditure { class_code_of(&label).map(str::to_string) } else { None },
        line_no: None,
        parent,
        ordinal,
        label,
        values,
        span: row.span,
    }
}

/// Which figure of the 三公 table a header leaf names.
fn three_public_slot(leaf: &str) -> Option<usize> {
    let leaf = leaf.strip_prefix("公务用车购置及运行费").filter(|rest| !rest.is_empty()).unwrap_or(leaf);
    let slot = if contains(leaf, "机关运行") {
        6
    } else if contains(leaf, "合计") {
        0
    } else if contains(leaf, "出国") {
        1
    } else if contains(leaf, "接待") {
        2
    } else if contains(leaf, "小计") {
        3
    } else if contains(leaf, "购置") {
        4
    } else if contains(leaf, "运行") {
        5
    } else {
        return None;
    };
    Some(slot)
}

/// Reads the “三公”经费和机关运行经费预算表: one row of figures. With all seven figures they are
/// read in the national order (合计, 因公出国(境)费, 公务接待费, 公务用车 小计, 购置费, 运行费,
/// 机关运行经费); with blank cells among them, each figure goes to the header label nearest on
/// its left, when the header names all seven.
pub fn three_public(rows: &[Row], tracker: &mut Tracker) -> BudgetThreePublicTable {
    let figures = |r: &Row| r.cells.iter().filter(|c| matches!(cell_value(&c.text), CellValue::Number(_))).count();
    let data = rows.iter().position(|r| figures(r) >= 3);
    let mut slots: [Option<Amount>; 7] = Default::default();
    if let Some(data) = data {
        let row = &rows[data];
        let numbers: Vec<(usize, &Cell)> =
            row.cells.iter().enumerate().filter(|(_, c)| matches!(cell_value(&c.text), CellValue::Number(_))).collect();
        let mut leaves: Vec<(usize, usize)> = Vec::new();
        for header in rows[..data].iter().rev() {
            for (i, cell) in header.cells.iter().enumerate() {
                if let Some(slot) = three_public_slot(&norm(&cell.text)).filter(|s| !leaves.iter().any(|(_, t)| t == s))
                {
                    leaves.push((i, slot));
                }
            }
        }
        crate::sorting::sort_by_key(&mut leaves, |(at, _)| *at);
        let placed: Vec<(usize, usize, &Cell)> = if numbers.len() == 7 {
            numbers.iter().enumerate().map(|(slot, (i, c))| (slot, *i, *c)).collect()
        } else if leaves.len() == 7 {
            numbers
                .iter()
                .filter_map(|(i, c)| leaves.iter().rev().find(|(at, _)| at <= i).map(|(_, slot)| (*slot, *i, *c)))
                .collect()
        } else {
            Vec::new()
        };
        for (slot, index, cell) in placed {
            if slots[slot].is_none() {
                tracker.number(cell);
                slots[slot] = Amount::from_cell(cell, index);
            }
        }
    }
    let [total, abroad, reception, vehicle_subtotal, vehicle_purchase, vehicle_operation, operating] = slots;
    BudgetThreePublicTable {
        figures: crate::model::ThreePublicFigures {
            total,
            abroad,
            vehicle_subtotal,
            vehicle_purchase,
            vehicle_operation,
            reception,
        },
        operating,
    }
}

/// Reads a 项目支出绩效目标表: the 项目名称, the funds (each label's figure is the first cell
/// after it that is not blank, if a figure; `其他资金` belongs to the total whose label stands in
/// its column or left of it) and their unit (`项目资金（元）`). Under the `一级指标` header the
/// 年度指标值 are text, those that read as figures (`90%`) too.
pub fn project_goals(rows: &[Row], tracker: &mut Tracker) -> ProjectGoalsTable {
    // Each fund's label, the total it belongs to (2: 其他资金, either) and whether it is that total.
    const FUNDS: [(&str, usize, bool); 6] = [
        ("项目资金总额", 0, true),
        ("财政资金", 0, false),
        ("年度资金申请总额", 1, true),
        ("当年财政拨款", 1, false),
        ("上年结转资金", 1, false),
        ("其他资金", 2, false),
    ];
    let mut table = ProjectGoalsTable { project: None, unit: None, funds: Values::new() };
    let mut annual_at = usize::MAX;
    let mut indicators = false;
    for row in rows {
        for (i, cell) in row.cells.iter().enumerate() {
            if indicators {
                tracker.consumed(cell);
                continue;
            }
            let text = norm(&cell.text);
            indicators = text == "一级指标";
            // `项目资金（元）`, or its `（元）` wrapped onto a line of its own.
            if let Some(unit) = text.strip_prefix("项目资金").unwrap_or(&text).strip_prefix('(') {
                table.unit = if unit.starts_with("万元") {
                    Some(Unit::TenThousandYuan)
                } else {
                    unit.starts_with('元').then_some(Unit::Yuan)
                };
            }
            let fund = FUNDS.iter().find(|(label, _, _)| text.strip_prefix("其中:").unwrap_or(&text) == *label);
            if fund.is_none() && text != "项目名称" {
                continue;
            }
            let Some((k, next)) = row.cells.iter().enumerate().skip(i + 1).find(|(_, c)| !c.text.trim().is_empty())
            else {
                continue;
            };
            let Some(&(label, group, is_total)) = fund else {
                table.project.get_or_insert_with(|| next.text.trim().to_string());
                continue;
            };
            let group = if group == 2 { usize::from(i >= annual_at) } else { group };
            if is_total && group == 1 {
                annual_at = i;
            }
            let Some(amount) = Amount::from_cell(next, k) else { continue };
            let total = ["项目资金总额", "年度资金申请总额"][group];
            let key = if is_total { total.to_string() } else { [total, "/", label].concat() };
            if table.funds.get(&key).is_none() {
                table.funds.insert(key, amount);
            }
        }
    }
    table
}
