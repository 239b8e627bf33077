//! Readers for the performance tables: 整体/项目支出绩效自评表 and the 绩效评价基础数据表.
//!
//! Indicator rows are anchored on their last two plain numbers (分值, 得分); the cells
//! before them are 年度指标值 and 实际完成值, and the labels further left are classified as
//! 一级/二级/三级指标 by content, so shifted or merged rows still read right.

use super::Tracker;
use crate::amount::{cell_value, parse_number, CellValue, Number};
use crate::ingest::{contains, trim_start_literal, Cell, Row};
use crate::labels::{is_meta_cell, norm, split_ordinal, stated_points};
use crate::model::{
    Amount, BasicDataRow, BasicDataTable, FundingLine, Indicator, IndicatorGroup, Location, PerformanceTable, Side,
    SplitEntry, Text, Values,
};

fn is_plain_number(text: &str) -> bool {
    matches!(cell_value(text), CellValue::Number(Number { percent: false, .. }))
}

/// The text of the first non-empty cell after column `index`.
fn next_text(row: &Row, index: usize) -> Option<String> {
    row.cells.iter().skip(index + 1).map(|c| c.text.trim()).find(|t| !t.is_empty()).map(str::to_string)
}

fn funding_label(text: &str) -> Option<&'static str> {
    let t = norm(text);
    let t = trim_start_literal(&t, "其中:");
    if contains(t, ":") {
        return None;
    }
    [
        ("年度资金总额", "年度资金总额"),
        ("当年财政拨款", "当年财政拨款"),
        ("上年结转", "上年结转资金"),
        ("其他资金", "其他资金"),
        ("其它资金", "其他资金"),
    ]
    .iter()
    .find(|(prefix, _)| t.starts_with(prefix))
    .map(|(_, label)| *label)
}

const FUNDING_COLUMNS: [&str; 6] = ["年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"];

/// Reads a 整体支出绩效自评表 or 项目支出绩效自评表.
pub fn performance(rows: &[Row], tracker: &mut Tracker) -> PerformanceTable {
    let mut table = PerformanceTable {
        subject: None,
        competent_department: None,
        implementing_unit: None,
        funding: Vec::new(),
        funding_split: Vec::new(),
        goal_expected: None,
        goal_actual: None,
        indicators: Vec::new(),
        groups: Vec::new(),
        total_points: None,
        total_score: None,
    };
    let mut funding_columns: Vec<(usize, usize)> = Vec::new();
    let mut in_indicators = false;
    let mut in_goals = false;
    let mut finished = false;
    let mut level2_column = 2;
    let mut context = IndicatorContext::default();
    for row in rows {
        if row.is_blank() {
            continue;
        }
        if finished {
            tracker.after_total(row);
            continue;
        }
        let texts: Vec<String> = row.cells.iter().map(|c| norm(&c.text)).collect();
        if let Some(i) = texts.iter().position(|t| t == "总分") {
            let numbers: Vec<Amount> =
                row.cells.iter().enumerate().skip(i + 1).filter_map(|(k, c)| Amount::from_cell(c, k)).collect();
            table.total_points = numbers.first().cloned();
            table.total_score = numbers.get(1).cloned();
            finished = true;
            continue;
        }
        if let Some(i) = texts.iter().position(|t| t == "一级指标") {
            in_indicators = true;
            level2_column = texts.iter().position(|t| t == "二级指标").unwrap_or(i + 1);
            continue;
        }
        let starts_indicators =
            row.cells.iter().enumerate().any(|(i, c)| level1_name(&c.text, i, level2_column).is_some());
        if !in_indicators && starts_indicators {
            in_indicators = true;
        }
        if !in_indicators && texts.iter().any(|t| t == "年度总体目标") {
            in_goals = true;
            continue;
        }
        if in_goals && !in_indicators {
            read_goals(row, &mut table, tracker);
            continue;
        }
        if !in_indicators {
            read_head_row(row, &texts, &mut table, &mut funding_columns, tracker);
            continue;
        }
        read_indicator_row(row, level2_column, &mut context, &mut table, tracker);
    }
    table
}

/// The 年度总体目标 row: 预期目标 then 实际完成情况, in reading order.
fn read_goals(row: &Row, table: &mut PerformanceTable, tracker: &mut Tracker) {
    let mut filled = row.cells.iter().enumerate().filter(|(_, c)| !c.text.trim().is_empty());
    for slot in [&mut table.goal_expected, &mut table.goal_actual] {
        if let Some((i, cell)) = filled.next() {
            tracker.consumed(cell);
            if slot.is_none() {
                *slot = Some(Text::from_cell(cell, i));
            }
        }
    }
}

fn read_head_row(
    row: &Row,
    texts: &[String],
    table: &mut PerformanceTable,
    funding_columns: &mut Vec<(usize, usize)>,
    tracker: &mut Tracker,
) {
    if let Some(i) = texts.iter().position(|t| contains(t, "项目支出名称") || t.ends_with("名称")) {
        table.subject = next_text(row, i);
    }
    if let Some(i) = texts.iter().position(|t| t.starts_with("主管部")) {
        table.competent_department = next_text(row, i);
    }
    if let Some(i) = texts.iter().position(|t| t == "实施单位") {
        table.implementing_unit = next_text(row, i);
    }
    if texts.iter().any(|t| t == "年初预算数") {
        *funding_columns = texts
            .iter()
            .enumerate()
            .filter_map(|(i, t)| FUNDING_COLUMNS.iter().position(|c| c == t).map(|f| (i, f)))
            .collect();
        return;
    }
    if let Some((label_column, label)) =
        row.cells.iter().enumerate().find_map(|(i, c)| funding_label(&c.text).map(|l| (i, l)))
    {
        table.funding.push(funding_line(row, label_column, label, funding_columns, tracker));
        return;
    }
    for (i, cell) in row.cells.iter().enumerate() {
        if let Some(entry) = split_entry(cell, i) {
            table.funding_split.push(entry);
        }
    }
}

fn funding_line(
    row: &Row,
    label_column: usize,
    label: &str,
    columns: &[(usize, usize)],
    tracker: &mut Tracker,
) -> FundingLine {
    let mut fields: [Option<Amount>; 6] = Default::default();
    let positional = columns.len() == FUNDING_COLUMNS.len() && columns.iter().all(|(i, _)| *i > label_column);
    let cells: Vec<(usize, &Cell)> = row.cells.iter().enumerate().skip(label_column + 1).collect();
    if positional {
        for (i, cell) in &cells {
            if let Some((_, field)) = columns.iter().find(|(c, _)| c == i) {
                fields[*field] = Amount::from_cell(cell, *i);
            }
        }
    } else {
        let values: Vec<Amount> = cells.iter().filter_map(|(i, c)| Amount::from_cell(c, *i)).collect();
        let (rates, plain): (Vec<Amount>, Vec<Amount>) = values.into_iter().partition(|a| a.number.percent);
        for (field, amount) in [0, 1, 2, 3, 5].into_iter().zip(plain) {
            fields[field] = Some(amount);
        }
        fields[4] = rates.into_iter().next();
    }
    for (i, cell) in &cells {
        if cell_value(&cell.text) == CellValue::Text {
            tracker.unparsed(cell, *i, "text in a funding value column");
        }
    }
    let [initial_budget, full_year_budget, executed, points, execution_rate, score] = fields;
    FundingLine {
        label: label.to_string(),
        initial_budget,
        full_year_budget,
        executed,
        points,
        execution_rate,
        score,
        span: row.span,
    }
}

/// A `label：amount` cell of the funding split (`其中：一般公共预算：280.72`).
fn split_entry(cell: &Cell, column: usize) -> Option<SplitEntry> {
    let text = norm(&cell.text);
    let text = trim_start_literal(&text, "其中:");
    let (label, rest) = text.split_once(':')?;
    let label = label.to_string();
    if label.is_empty() || label.chars().count() > 20 {
        return None;
    }
    let expenditure = ["按支出性质分", "基本支出", "项目支出", "结余", "结转"].iter().any(|k| contains(&label, k));
    Some(SplitEntry {
        side: if expenditure { Side::Expenditure } else { Side::Income },
        amount: parse_number(rest).map(|number| Amount::read(number, cell, column)),
        label,
        at: Location::of(cell.span, column),
    })
}

/// The 一级/二级指标 in force while reading indicator rows.
#[derive(Default)]
struct IndicatorContext {
    level1: Option<String>,
    level2: Option<String>,
    group: Option<usize>,
    /// Columns of the last indicator's 三级指标, 年度指标值, 实际完成值 and 得分, for continuation rows.
    last_columns: Option<[usize; 4]>,
}

/// Longest text taken as a 二级指标 (longer texts are indicator names or spilled narrative).
const LEVEL2_MAX_CHARS: usize = 12;

fn level1_name(text: &str, column: usize, level2_column: usize) -> Option<(String, Option<String>)> {
    let (points, name) = match stated_points(text) {
        Some((points, rest)) => (Some(points), rest),
        // Without points, only a name in a column before the 二级指标 is a 一级指标.
        None if column < level2_column => (None, norm(text)),
        None => return None,
    };
    const LEVEL1: [&str; 8] = ["产出指标", "效益指标", "满意度指标", "成本指标", "产出", "效益", "满意度", "成本"];
    let keyword = ["产出", "效益", "满意度", "成本"].iter().any(|k| contains(&name, k));
    let is_level1 = (points.is_some() && (name.is_empty() || keyword))
        || (LEVEL1.contains(&name.as_str()) && column < level2_column);
    is_level1.then_some((name, points))
}

fn read_indicator_row(
    row: &Row,
    level2_column: usize,
    context: &mut IndicatorContext,
    table: &mut PerformanceTable,
    tracker: &mut Tracker,
) {
    let filled: Vec<usize> = (0..row.cells.len()).filter(|&i| !row.text(i).trim().is_empty()).collect();
    let pair = filled.windows(2).rev().find(|w| is_plain_number(row.text(w[0])) && is_plain_number(row.text(w[1])));
    let (label_end, scores) = match pair {
        Some(w) => (w[0].saturating_sub(2), Some((w[0], w[1]))),
        None => (row.cells.len(), None),
    };
    let mut level1: Option<(String, Option<String>)> = None;
    let mut level2: Option<String> = None;
    let mut name_parts: Vec<(usize, String)> = Vec::new();
    for i in (0..label_end).filter(|i| filled.contains(i)) {
        let text = row.text(i);
        if let Some((name, points)) = level1_name(text, i, level2_column) {
            let merged_name = match &level1 {
                Some((previous, _)) if name.is_empty() => previous.clone(),
                _ => name,
            };
            let merged_points = points.or_else(|| level1.as_ref().and_then(|(_, p)| p.clone()));
            level1 = Some((merged_name, merged_points));
            level2 = None;
            name_parts.clear();
        } else {
            let name = norm(text);
            if level2.is_none() && contains(&name, "指标") && name.chars().count() <= LEVEL2_MAX_CHARS {
                level2 = Some(name);
                name_parts.clear();
            } else {
                name_parts.push((i, name));
            }
        }
    }
    if scores.is_none() && level1.is_none() && level2.is_none() {
        continue_indicator(row, &filled, context, table);
        return;
    }
    if let Some((name, points)) = level1 {
        open_group(context, table, name, points, row, level2_column);
    }
    if let Some(level2) = level2 {
        context.level2 = Some(level2);
    }
    let Some((points_column, score_column)) = scores else { return };
    for column in points_column.saturating_sub(2)..points_column {
        if let Some(cell) = row.cells.get(column) {
            tracker.consumed(cell);
        }
    }
    let cell_text = |i: usize| Some(row.text(i).trim().to_string()).filter(|t| !t.is_empty());
    let deviation: Vec<String> =
        filled.iter().filter(|&&i| i > score_column).map(|&i| row.text(i).trim().to_string()).collect();
    let name_column = name_parts.last().map_or(points_column.saturating_sub(3), |(i, _)| *i);
    context.last_columns =
        Some([name_column, points_column.saturating_sub(2), points_column.saturating_sub(1), score_column]);
    let indicator = Indicator {
        level1: context.level1.clone(),
        level2: context.level2.clone(),
        name: name_parts.into_iter().map(|(_, t)| t).collect(),
        target: points_column.checked_sub(2).and_then(cell_text),
        actual: points_column.checked_sub(1).and_then(cell_text),
        points: Amount::from_cell(&row.cells[points_column], points_column),
        score: Amount::from_cell(&row.cells[score_column], score_column),
        deviation: Some(deviation.join(" ")).filter(|d| !d.is_empty()),
        span: row.span,
    };
    table.indicators.push(indicator);
    if let Some(group) = context.group {
        table.groups[group].indicators.push(table.indicators.len() - 1);
    }
}

/// Appends a continuation row (a cell broken over two lines of the PDF) to the last
/// indicator, cell by cell: name, 年度指标值, 实际完成值 and 偏差 columns; a trailing
/// `…指标` fragment completes a broken 二级指标. `无` placeholders are not continuations.
fn continue_indicator(row: &Row, filled: &[usize], context: &mut IndicatorContext, table: &mut PerformanceTable) {
    let (Some([name, target, actual, score]), Some(last)) = (context.last_columns, table.indicators.last_mut()) else {
        return;
    };
    for &i in filled {
        let text = norm(row.text(i));
        if text == "无" {
            continue;
        }
        let level2_broken = last.level2.as_ref().is_some_and(|l| !l.ends_with("指标"));
        if text.ends_with("指标") && level2_broken {
            let joined = format!("{}{text}", last.level2.take().unwrap_or_default());
            context.level2 = Some(joined.clone());
            last.level2 = Some(joined);
        } else if i == name {
            last.name.push_str(&text);
        } else if i == target || i == actual {
            let slot = if i == target { &mut last.target } else { &mut last.actual };
            *slot = Some(format!("{}{text}", slot.take().unwrap_or_default()));
        } else if i > score {
            last.deviation = Some(format!("{}{text}", last.deviation.take().unwrap_or_default()));
        } else {
            continue;
        }
        last.span = last.span.join(row.span);
    }
}

/// Starts (or, for a points-only fragment like `(20 分)`, completes) a 一级指标 group.
fn open_group(
    context: &mut IndicatorContext,
    table: &mut PerformanceTable,
    name: String,
    points: Option<String>,
    row: &Row,
    level2_column: usize,
) {
    let stated = points.as_ref().and_then(|_| {
        row.cells.iter().enumerate().find_map(|(i, c)| {
            let (p, _) = stated_points(&c.text)?;
            let number = parse_number(&p)?;
            (level1_name(&c.text, i, level2_column).is_some()).then(|| Amount::read(number, c, i))
        })
    });
    if let (true, Some(group)) = (name.is_empty(), context.group) {
        if table.groups[group].stated_points.is_none() {
            table.groups[group].stated_points = stated;
        }
        return;
    }
    context.level1 = Some(name.clone());
    context.level2 = None;
    table.groups.push(IndicatorGroup { name, stated_points: stated, indicators: Vec::new() });
    context.group = Some(table.groups.len() - 1);
}

/// A 基础数据表 row label without ordinals, `其中：` or a trailing colon.
fn basic_label(text: &str) -> String {
    let t = norm(text);
    let t = trim_start_literal(&t, "其中:");
    let (_, label) = split_ordinal(t);
    // `4其他事业类发展资金`: an ordinal digit without its `、`; a year (`2023年度…`) stays.
    let mut chars = label.chars();
    let label = match (chars.next(), chars.next()) {
        (Some(first), Some(second)) if first.is_ascii_digit() && !second.is_ascii_digit() && second != '年' => {
            &label[1..]
        }
        _ => label.as_str(),
    };
    label.trim_end_matches(':').to_string()
}

/// Canonical key of a 基础数据表 column header.
fn basic_column_key(header: &str, is_last_actual: bool) -> String {
    let t = norm(header);
    if contains(&t, "实际在职人数") {
        "实际在职人数".into()
    } else if contains(&t, "预算数") && !contains(&t, "调整") {
        "本年预算数".into()
    } else if contains(&t, "决算数") {
        if is_last_actual {
            "本年决算数".into()
        } else {
            "上年决算数".into()
        }
    } else {
        t
    }
}

/// Reads the 部门整体支出绩效评价基础数据表.
pub fn basic_data(rows: &[Row], tracker: &mut Tracker) -> BasicDataTable {
    let mut table =
        BasicDataTable { staffing: Values::new(), columns: Vec::new(), rows: Vec::new(), buildings: Values::new() };
    let mut columns: Vec<(usize, String)> = Vec::new();
    let mut staffing_header: Option<Vec<(usize, String)>> = None;
    let mut building_header: Option<Vec<(usize, String)>> = None;
    for row in rows {
        if row.is_blank() {
            continue;
        }
        let texts: Vec<String> = row.cells.iter().map(|c| norm(&c.text)).collect();
        let joined = texts.concat();
        let header_of = |row_texts: &[String]| -> Vec<(usize, String)> {
            row_texts.iter().enumerate().skip(1).filter(|(_, t)| !t.is_empty()).map(|(i, t)| (i, t.clone())).collect()
        };
        if contains(&joined, "编制数") {
            let header: Vec<(usize, String)> = header_of(&texts)
                .into_iter()
                .filter(|(_, t)| !contains(t, "供养"))
                .map(|(i, t)| (i, basic_column_key(&t, false)))
                .collect();
            staffing_header = Some(header);
            continue;
        }
        if contains(&joined, "批复规模") {
            building_header = Some(header_of(&texts).into_iter().filter(|(_, t)| !contains(t, "楼堂馆所")).collect());
            continue;
        }
        if contains(&joined, "预算数") && contains(&joined, "决算数") {
            let header: Vec<(usize, String)> =
                header_of(&texts).into_iter().filter(|(_, t)| !contains(t, "经费控制")).collect();
            let last_actual = header.iter().rposition(|(_, t)| contains(t, "决算数"));
            columns = header
                .iter()
                .enumerate()
                .map(|(k, (i, t))| (*i, basic_column_key(t, Some(k) == last_actual)))
                .collect();
            table.columns = columns.iter().map(|(_, k)| k.clone()).collect();
            continue;
        }
        let has_numbers = row.cells.iter().any(|c| matches!(cell_value(&c.text), CellValue::Number(_)));
        if let Some(header) = staffing_header.take() {
            if has_numbers {
                positional(row, &header, &mut table.staffing, tracker);
                continue;
            }
            staffing_header = Some(header);
        }
        if let Some(mut header) = building_header.take() {
            if has_numbers {
                positional(row, &header, &mut table.buildings, tracker);
            } else if !contains(&joined, "厉行节约") {
                for (i, text) in texts.iter().enumerate() {
                    if let Some((_, key)) = header.iter_mut().find(|(c, _)| *c == i) {
                        key.push_str(text);
                    }
                }
                building_header = Some(header);
                continue;
            }
        }
        if contains(&joined, "厉行节约") || columns.is_empty() {
            continue;
        }
        let first_value = columns.first().map_or(1, |(i, _)| *i);
        let Some(label_cell) = row.cells.iter().take(first_value).find(|c| !c.text.trim().is_empty()) else { continue };
        let label = basic_label(&label_cell.text);
        if label.trim_matches(['.', '…']).is_empty() && !has_numbers {
            continue;
        }
        let mut values = Values::new();
        positional(row, &columns, &mut values, tracker);
        table.rows.push(BasicDataRow { label, values, span: row.span });
    }
    table
}

/// Reads the cells of `row` at the header's columns into `values`.
fn positional(row: &Row, header: &[(usize, String)], values: &mut Values, tracker: &mut Tracker) {
    for (i, key) in header {
        let Some(cell) = row.cells.get(*i) else { continue };
        if is_meta_cell(&cell.text) {
            continue;
        }
        tracker.value(cell, *i, key, values);
    }
}
