//! Recognise: blocks → document facts (kind, year, department, unit), typed tables found by
//! title and header labels, the narrative section tree, and coverage of what was not placed.

#[cfg(feature = "budget")]
pub mod budget;
pub mod final_accounts;
pub mod meta;
pub mod naming;
pub mod performance;
pub mod sections;

use std::borrow::Cow;

use serde::Serialize;

use crate::amount::{cell_value, CellValue};
use crate::forms;
pub use crate::forms::Form;
use crate::ingest::{contains, find, rfind, Block, Cell, Row, Span, TableLayout};
use crate::labels::{self, is_meta_cell, norm};
use crate::model::{Amount, Location, TableModel, Unit, Values};
pub use meta::DocumentInfo;
pub use sections::{Paragraph, Section, Sentence};

/// How a table's form was decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MatchedBy {
    Title,
    Header,
}

/// A note line under a table (`注：…`, `说明：…本表无数据`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Note {
    pub text: String,
    pub span: Span,
}

/// One value of a table in flat form: row key, column key, amount with its location.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CellEntry {
    pub row: String,
    pub column: String,
    pub value: Amount,
}

/// A table recognised as one of the standard forms.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RecognisedTable {
    pub form: Form,
    pub form_name: &'static str,
    /// The form's number in the Hunan layout (01–09) for 决算 tables.
    pub hunan_number: Option<u8>,
    /// How messages name the table ([`naming::name_tables`]): `02表` where the document numbers
    /// its tables `公开0N表`, else as the document titles it (`收入决算表`), else `form_name`.
    pub short_name: String,
    /// The title line as written, if one was found above the table.
    pub title: Option<String>,
    pub title_line: Option<usize>,
    /// The numbering label as written (`公开01表`), if any.
    pub label: Option<String>,
    pub unit: Option<Unit>,
    pub matched_by: MatchedBy,
    /// Whether the header labels point to the same form as the title.
    pub header_agrees: bool,
    /// First line of the table body.
    pub line: usize,
    pub span: Span,
    pub layout: TableLayout,
    /// Note lines right below the table.
    pub notes: Vec<Note>,
    pub model: TableModel,
    /// Every value of `model` in flat form.
    pub cells: Vec<CellEntry>,
}

/// A table that matched no form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct UnrecognisedTable {
    pub span: Span,
    /// The nearest title-like line above it, if any.
    pub context: Option<String>,
    pub first_row: String,
}

/// A cell whose content could not be placed in the model.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CellIssue {
    pub text: String,
    pub at: Location,
    pub reason: &'static str,
}

/// What was read and what was not.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Coverage {
    pub tables_seen: usize,
    pub tables_recognised: usize,
    pub unrecognised_tables: Vec<UnrecognisedTable>,
    /// Cells holding a number, in all tables.
    pub numeric_cells: usize,
    /// Numeric cells placed in the model as values.
    pub numeric_cells_placed: usize,
    /// Numeric cells that are structure (栏次, 行次), not values.
    pub numeric_cells_structural: usize,
    /// Cells with content that no value slot took (numbers) or could not be read (text in a value slot).
    pub unplaced_cells: Vec<CellIssue>,
    /// Tables whose title stands in the text over rows of figures with no columns (text copied
    /// from a PDF viewer): present, but not readable (which figure is in which column is lost).
    pub tables_without_columns: Vec<TableWithoutColumns>,
    /// Non-blank lines outside tables.
    pub text_lines: usize,
    /// Lines of running text before the first heading (outside any section).
    pub lines_outside_sections: Vec<usize>,
}

/// Cells by their byte offset in the input: collected while reading a table, sorted before
/// the tally looks them up (a hash set cost the wasm its own hash table code).
type Offsets = Vec<usize>;

/// Sorts `offsets` so that [`has`] can look them up.
fn sorted(mut offsets: Offsets) -> Offsets {
    crate::sorting::sort_by_key(&mut offsets, |&offset| offset);
    offsets
}

/// Whether sorted `offsets` hold `offset`.
fn has(offsets: &Offsets, offset: usize) -> bool {
    offsets.binary_search(&offset).is_ok()
}

/// Bookkeeping while reading one table: which cells are structure and which could not be read.
#[derive(Debug, Default)]
pub struct Tracker {
    structural: Offsets,
    consumed: Offsets,
    numbers: Offsets,
    issues: Vec<CellIssue>,
    after_total: Vec<Span>,
}

impl Tracker {
    /// Reads a value cell into `values` under `key`: a number is placed, text is recorded as a
    /// cell that could not be read.
    pub fn value(&mut self, cell: &Cell, column: usize, key: &str, values: &mut Values) {
        match cell_value(&cell.text) {
            CellValue::Number(number) => {
                self.number(cell);
                values.insert(key.to_string(), Amount::read(number, cell, column));
            }
            CellValue::Text => self.unparsed(cell, column, "text in a value column"),
            CellValue::Empty | CellValue::Nil => {}
        }
    }

    /// Marks a cell as structure (栏次, 行次).
    pub fn structural(&mut self, cell: &Cell) {
        self.structural.push(cell.span.byte_start);
    }

    /// Marks a cell whose whole text was read as a number, so that the tally does not read it again.
    pub fn number(&mut self, cell: &Cell) {
        self.numbers.push(cell.span.byte_start);
    }

    /// Marks a cell as read into the model as text (e.g. a numeric 年度指标值).
    pub fn consumed(&mut self, cell: &Cell) {
        self.consumed.push(cell.span.byte_start);
    }

    /// Records a value slot whose text is not a number.
    pub fn unparsed(&mut self, cell: &Cell, column: usize, reason: &'static str) {
        self.issues.push(CellIssue { text: cell.text.clone(), at: Location::of(cell.span, column), reason });
    }

    /// Records a row found after a performance table's 总分 row.
    pub fn after_total(&mut self, row: &Row) {
        self.after_total.push(row.span);
    }
}

/// Everything recognised in one document.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Recognised {
    pub document: DocumentInfo,
    pub tables: Vec<RecognisedTable>,
    pub sections: Vec<Section>,
    /// Paragraphs before the first heading.
    pub preamble: Vec<Paragraph>,
    pub coverage: Coverage,
}

/// The title, numbering label and unit found around a table.
#[derive(Default)]
struct TableContext {
    title: Option<(String, Span, Form)>,
    nearest_text: Option<String>,
    label: Option<String>,
    unit: Option<Unit>,
    /// The nearest title names a budget form, which header labels must not override.
    budget_title: bool,
}

/// The unit a line states: its last `单位:` (`编制单位：…福利院  单位：元` names the unit second).
fn unit_of(text: &str) -> Option<Unit> {
    let t = norm(text);
    let after = &t[rfind(&t, "单位:")? + "单位:".len()..];
    if after.starts_with("万元") {
        Some(Unit::TenThousandYuan)
    } else if after.starts_with('元') {
        Some(Unit::Yuan)
    } else {
        None
    }
}

fn numbering_label(text: &str) -> Option<String> {
    let t = norm(text);
    let start = find(&t, "公开")?;
    let rest = &t[start..];
    let end = rest.find('表')?;
    Some(rest[..end + '表'.len_utf8()].to_string())
}

fn context_of(blocks: &[Block], index: usize, rows: &[Row]) -> TableContext {
    let mut context = TableContext::default();
    let note = |text: &str, span: Span, context: &mut TableContext| {
        // A unit names 位, a numbering label and a title 表: other texts are passed over.
        if !text.contains(['位', '表']) {
            return;
        }
        if context.unit.is_none() {
            context.unit = unit_of(text);
        }
        if context.label.is_none() {
            context.label = numbering_label(text);
        }
        if context.title.is_none() && !context.budget_title {
            match forms::form_of_title(text) {
                Some(forms::Titled::Form(form)) => context.title = Some((text.to_string(), span, form)),
                Some(forms::Titled::BudgetForm) => context.budget_title = true,
                None => {}
            }
        }
    };
    for row in rows.iter().take(3) {
        for cell in row.cells.iter().filter(|c| is_meta_cell(&c.text)) {
            note(&cell.text, cell.span, &mut context);
        }
    }
    for block in blocks[..index].iter().rev().take(10) {
        match block {
            Block::Table { .. } => break,
            Block::Heading { text, span, .. } | Block::Paragraph { text, span, .. } => {
                if context.nearest_text.is_none() && !text.starts_with('注') && !text.starts_with("说明") {
                    context.nearest_text = Some(text.clone());
                }
                note(text, *span, &mut context);
            }
        }
    }
    context
}

fn notes_after(blocks: &[Block], index: usize) -> Vec<Note> {
    blocks[index + 1..]
        .iter()
        .take(4)
        .map_while(|b| match b {
            Block::Paragraph { text, span, .. } => Some((text, span)),
            _ => None,
        })
        .filter(|(text, _)| {
            text.starts_with("注") || text.starts_with("说明") || text.starts_with("备注") || contains(text, "无数据")
        })
        .map(|(text, span)| Note { text: text.clone(), span: *span })
        .collect()
}

fn read_model(form: Form, rows: &[Row], tracker: &mut Tracker) -> TableModel {
    match form {
        Form::IncomeExpenditureSummary | Form::FiscalGrantSummary => {
            TableModel::Summary(final_accounts::summary(rows, tracker))
        }
        Form::Income
        | Form::Expenditure
        | Form::GeneralBudgetExpenditure
        | Form::GovernmentFund
        | Form::StateCapital => TableModel::Classified(final_accounts::classified(rows, tracker)),
        Form::GeneralBudgetBasicExpenditure => TableModel::Economic(final_accounts::economic(rows, tracker)),
        Form::ThreePublicExpenses => TableModel::ThreePublic(Box::new(final_accounts::three_public(rows, tracker))),
        Form::PerformanceBasicData => TableModel::BasicData(performance::basic_data(rows, tracker)),
        #[cfg(feature = "budget")]
        Form::BudgetSummary | Form::BudgetFiscalGrantSummary => TableModel::Summary(budget::summary(rows, tracker)),
        #[cfg(feature = "budget")]
        Form::BudgetIncome
        | Form::BudgetExpenditure
        | Form::BudgetGeneral
        | Form::BudgetGovernmentFund
        | Form::BudgetStateCapital
        | Form::BudgetBasicEconomic => TableModel::Classified(budget::classified(form, rows, tracker)),
        #[cfg(feature = "budget")]
        Form::BudgetThreePublic => TableModel::BudgetThreePublic(Box::new(budget::three_public(rows, tracker))),
        #[cfg(feature = "budget")]
        Form::BudgetProjectGoals => TableModel::ProjectGoals(Box::new(budget::project_goals(rows, tracker))),
        Form::OverallPerformance | Form::ProjectPerformance => {
            TableModel::Performance(Box::new(performance::performance(rows, tracker)))
        }
        // Titles name budget forms only with the feature.
        #[cfg(not(feature = "budget"))]
        _ => unreachable!("budget form without the budget feature"),
    }
}

/// Every amount of a model in flat form.
pub fn cells_of(model: &TableModel) -> Vec<CellEntry> {
    let mut out = Vec::new();
    let mut push = |row: String, column: &str, value: &Option<Amount>| {
        if let Some(value) = value {
            out.push(CellEntry { row, column: column.to_string(), value: value.clone() });
        }
    };
    match model {
        TableModel::Summary(t) => {
            for line in &t.lines {
                let side = match line.side {
                    crate::model::Side::Income => "收入",
                    crate::model::Side::Expenditure => "支出",
                };
                let row = match &line.parent {
                    Some(parent) => [side, "/", parent, "/", &line.label].concat(),
                    None => [side, "/", &line.label].concat(),
                };
                for (column, value) in &line.values {
                    push(row.clone(), column, &Some(value.clone()));
                }
            }
        }
        TableModel::Classified(t) => {
            for row in t.total.iter().chain(&t.rows) {
                for (column, value) in &row.values {
                    push(row.key.clone(), column, &Some(value.clone()));
                }
            }
        }
        TableModel::Economic(t) => {
            for item in &t.items {
                push(item.code.clone(), "决算数", &item.amount);
            }
            push("人员经费合计".into(), "决算数", &t.personnel_total);
            push("公用经费合计".into(), "决算数", &t.public_total);
        }
        TableModel::ThreePublic(t) => {
            for (side, f) in [("预算数", &t.budget), ("决算数", &t.actual)] {
                push(side.into(), "合计", &f.total);
                push(side.into(), "因公出国(境)费", &f.abroad);
                push(side.into(), "公务用车购置及运行费/小计", &f.vehicle_subtotal);
                push(side.into(), "公务用车购置及运行费/购置费", &f.vehicle_purchase);
                push(side.into(), "公务用车购置及运行费/运行费", &f.vehicle_operation);
                push(side.into(), "公务接待费", &f.reception);
            }
        }
        TableModel::BudgetThreePublic(t) => {
            let f = &t.figures;
            push("预算数".into(), "合计", &f.total);
            push("预算数".into(), "因公出国(境)费", &f.abroad);
            push("预算数".into(), "公务接待费", &f.reception);
            push("预算数".into(), "公务用车购置及运行费/小计", &f.vehicle_subtotal);
            push("预算数".into(), "公务用车购置及运行费/购置费", &f.vehicle_purchase);
            push("预算数".into(), "公务用车购置及运行费/运行费", &f.vehicle_operation);
            push("预算数".into(), "机关运行经费", &t.operating);
        }
        TableModel::ProjectGoals(t) => {
            for (column, value) in &t.funds {
                push(t.project.clone().unwrap_or_default(), column, &Some(value.clone()));
            }
        }
        TableModel::Performance(t) => {
            for line in &t.funding {
                let fields = [
                    ("年初预算数", &line.initial_budget),
                    ("全年预算数", &line.full_year_budget),
                    ("全年执行数", &line.executed),
                    ("分值", &line.points),
                    ("执行率", &line.execution_rate),
                    ("得分", &line.score),
                ];
                for (column, value) in fields {
                    push(line.label.clone(), column, value);
                }
            }
            for entry in &t.funding_split {
                push(format!("资金构成/{}", entry.label), "金额", &entry.amount);
            }
            for group in &t.groups {
                push(format!("一级指标/{}", group.name), "标题分值", &group.stated_points);
            }
            for (i, indicator) in t.indicators.iter().enumerate() {
                let row = format!("指标{}/{}", i + 1, indicator.name);
                push(row.clone(), "分值", &indicator.points);
                push(row, "得分", &indicator.score);
            }
            push("总分".into(), "分值", &t.total_points);
            push("总分".into(), "得分", &t.total_score);
        }
        TableModel::BasicData(t) => {
            for (column, value) in &t.staffing {
                push("财政供养人员情况".into(), column, &Some(value.clone()));
            }
            for row in &t.rows {
                for (column, value) in &row.values {
                    push(row.label.clone(), column, &Some(value.clone()));
                }
            }
            for (column, value) in &t.buildings {
                push("楼堂馆所控制情况".into(), column, &Some(value.clone()));
            }
        }
    }
    crate::sorting::sort_by_key(&mut out, |c| (c.value.at.line, c.value.at.column));
    out
}

/// A table found by its title whose rows lost their columns.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TableWithoutColumns {
    pub form: Form,
    /// The title's line.
    pub line: usize,
}

/// Rows of a table that lost its columns: text holding two figures or more with decimals and no
/// sentence (`201 一般公共服务支出 264.87 264.87`, `一、一般公共服务支出264.87`).
fn is_row_without_columns(text: &str) -> bool {
    if contains(text, "，") || contains(text, "。") || contains(text, "万元") {
        return false;
    }
    let bytes = text.as_bytes();
    let decimal_points = (1..bytes.len().saturating_sub(1))
        .filter(|&i| bytes[i] == b'.' && bytes[i - 1].is_ascii_digit() && bytes[i + 1].is_ascii_digit());
    decimal_points.take(2).count() == 2
}

/// The 决算 tables, not read as tables, whose title line heads lines of its own (not a 目录
/// entry, where titles follow one another) in a text where at least one such title is followed,
/// before the next title, by two rows without columns: there every table lost its columns, the
/// empty ones (no figures) too.
fn tables_without_columns(source: &str, tables: &[RecognisedTable]) -> Vec<TableWithoutColumns> {
    let title = |line: &str| {
        let line = line.trim_matches(|c: char| c.is_whitespace() || c == '\x0c');
        (line.chars().count() <= 40).then(|| forms::form_of_title(line)).flatten()
    };
    let lines: Vec<&str> = source.lines().collect();
    let mut out: Vec<TableWithoutColumns> = Vec::new();
    let mut rows_seen = false;
    for (index, line) in lines.iter().enumerate() {
        let Some(forms::Titled::Form(form)) = title(line) else { continue };
        let heads_lines = lines.get(index + 1).is_some_and(|next| !next.trim().is_empty() && title(next).is_none());
        if !heads_lines || tables.iter().any(|t| t.form == form) || out.iter().any(|t| t.form == form) {
            continue;
        }
        rows_seen |= lines[index + 1..]
            .iter()
            .take_while(|l| title(l).is_none())
            .take(80)
            .filter(|l| is_row_without_columns(l))
            .count()
            >= 2;
        out.push(TableWithoutColumns { form, line: index + 1 });
    }
    if !rows_seen {
        out.clear();
    }
    out
}

/// Runs recognition over the blocks of `source`.
pub fn recognise(source: &str, blocks: &[Block]) -> Recognised {
    let mut tables = Vec::new();
    let mut unrecognised_tables = Vec::new();
    let mut table_ids = vec![None; blocks.len()];
    let mut coverage = Coverage {
        tables_seen: 0,
        tables_recognised: 0,
        unrecognised_tables: Vec::new(),
        numeric_cells: 0,
        numeric_cells_placed: 0,
        numeric_cells_structural: 0,
        unplaced_cells: Vec::new(),
        tables_without_columns: Vec::new(),
        text_lines: blocks.iter().filter(|b| !matches!(b, Block::Table { .. })).count(),
        lines_outside_sections: Vec::new(),
    };
    let groups = table_groups(blocks);
    coverage.tables_seen = groups.len();
    for group in &groups {
        let first = group.blocks[0];
        // A table on one page is read in place, with the form its header was read as when
        // grouping; the pages of a longer one are joined.
        let (rows, by_header): (Cow<[Row]>, _) = match group.blocks[..] {
            [only] => (Cow::Borrowed(block_rows(&blocks[only])), group.by_header),
            _ => {
                let rows: Vec<Row> = group.blocks.iter().flat_map(|&i| block_rows(&blocks[i])).cloned().collect();
                let by_header = forms::form_of_header(&rows);
                (Cow::Owned(rows), by_header)
            }
        };
        let span = group.blocks.iter().map(|&i| blocks[i].span()).reduce(Span::join).expect("non-empty group");
        let Some((form, matched_by)) = group.form else {
            let mut tracker = Tracker::default();
            mark_sequence_numbers(&rows, &mut tracker);
            tally(&rows, &mut tracker, &Offsets::default(), "table not recognised", &mut coverage);
            unrecognised_tables.push(UnrecognisedTable {
                span,
                context: group.context.nearest_text.clone(),
                first_row: rows
                    .first()
                    .map(|r| r.cells.iter().map(|c| c.text.as_str()).collect::<Vec<_>>().join(" | "))
                    .unwrap_or_default(),
            });
            continue;
        };
        let mut tracker = Tracker::default();
        let model = read_model(form, &rows, &mut tracker);
        let cells = cells_of(&model);
        let placed = sorted(cells.iter().map(|c| c.value.at.byte_start).collect());
        tally(&rows, &mut tracker, &placed, "number outside any value slot", &mut coverage);
        for &i in &group.blocks {
            table_ids[i] = Some(tables.len());
        }
        let layout =
            if group.blocks.iter().any(|&i| matches!(blocks[i], Block::Table { layout: TableLayout::CellPerLine, .. }))
            {
                TableLayout::CellPerLine
            } else {
                TableLayout::Tabbed
            };
        let context = &group.context;
        tables.push(RecognisedTable {
            form,
            form_name: form.name(),
            hunan_number: form.hunan_number(),
            short_name: String::new(),
            title: context.title.as_ref().map(|(t, _, _)| t.clone()),
            title_line: context.title.as_ref().map(|(_, s, _)| s.line_start),
            label: context.label.clone(),
            unit: context.unit.or(match &model {
                TableModel::ProjectGoals(t) => t.unit,
                _ => None,
            }),
            matched_by,
            header_agrees: by_header == Some(form),
            line: span.line_start,
            span,
            layout,
            notes: notes_after(blocks, *group.blocks.last().unwrap_or(&first)),
            model,
            cells,
        });
    }
    naming::name_tables(&mut tables);
    coverage.tables_recognised = tables.len();
    coverage.unrecognised_tables = unrecognised_tables;
    coverage.tables_without_columns = tables_without_columns(source, &tables);
    let outline = sections::outline(source, blocks, &table_ids);
    coverage.lines_outside_sections = outline.preamble.iter().map(|p| p.span.line_start).collect();
    let document = meta::document_info(blocks, &tables);
    Recognised { document, tables, sections: outline.sections, preamble: outline.preamble, coverage }
}

/// Consecutive table blocks read as one table: the first with its context and form.
struct TableGroup {
    blocks: Vec<usize>,
    context: TableContext,
    form: Option<(Form, MatchedBy)>,
    /// The form the first block's header labels point to.
    by_header: Option<Form>,
}

fn block_rows(block: &Block) -> &[Row] {
    match block {
        Block::Table { rows, .. } => rows,
        _ => &[],
    }
}

/// Groups table blocks into tables. A block with no title of its own that continues the
/// table just before it (same form by its header labels, or data rows of a coded table)
/// is the next page of that table, not a new table.
fn table_groups(blocks: &[Block]) -> Vec<TableGroup> {
    let mut groups: Vec<TableGroup> = Vec::new();
    let mut previous_table: Option<usize> = None;
    for (index, block) in blocks.iter().enumerate() {
        let Block::Table { rows, .. } = block else { continue };
        let context = context_of(blocks, index, rows);
        let by_header = forms::form_of_header(rows);
        let continues = match (groups.last(), previous_table) {
            (Some(group), Some(prev)) if context.title.is_none() && group.blocks.last() == Some(&prev) => {
                match group.form {
                    Some((form, _)) => {
                        by_header == Some(form) || (by_header.is_none() && starts_with_coded_row(form, rows))
                    }
                    None => false,
                }
            }
            _ => false,
        };
        previous_table = Some(index);
        if continues {
            if let Some(group) = groups.last_mut() {
                group.blocks.push(index);
            }
            continue;
        }
        let form = match (&context.title, by_header) {
            (Some((_, _, form)), _) => Some((*form, MatchedBy::Title)),
            (None, Some(form)) if !context.budget_title => Some((form, MatchedBy::Header)),
            (None, _) => None,
        };
        groups.push(TableGroup { blocks: vec![index], context, form, by_header });
    }
    groups
}

/// Whether a block of a coded (功能分类 or 经济分类) table starts with rows keyed by 科目编码 or
/// with its 合计 row (the total alone on the table's last page).
fn starts_with_coded_row(form: Form, rows: &[Row]) -> bool {
    let coded = matches!(
        form,
        Form::Income
            | Form::Expenditure
            | Form::GeneralBudgetExpenditure
            | Form::GovernmentFund
            | Form::StateCapital
            | Form::GeneralBudgetBasicExpenditure
            | Form::BudgetIncome
            | Form::BudgetExpenditure
            | Form::BudgetGeneral
            | Form::BudgetGovernmentFund
            | Form::BudgetStateCapital
            | Form::BudgetBasicEconomic
    );
    coded
        && rows
            .iter()
            .find(|r| !r.is_blank())
            .is_some_and(|r| labels::subject_code(r.text(0)).is_some() || final_accounts::is_total(r.text(0)))
}

/// Marks as structure the numbers under a `序号` header (a list's sequence numbers: the units a
/// document covers, say), which are no figures to read.
fn mark_sequence_numbers(rows: &[Row], tracker: &mut Tracker) {
    let Some((header, column)) = rows
        .iter()
        .enumerate()
        .find_map(|(r, row)| row.cells.iter().position(|c| norm(&c.text) == "序号").map(|c| (r, c)))
    else {
        return;
    };
    for cell in rows[header + 1..].iter().filter_map(|row| row.cells.get(column)) {
        if cell.text.bytes().all(|b| b.is_ascii_digit()) && !cell.text.is_empty() {
            tracker.structural(cell);
        }
    }
}

/// Counts the numeric cells of a table and records those neither placed nor structural
/// (`placed` sorted).
fn tally(rows: &[Row], tracker: &mut Tracker, placed: &Offsets, reason: &'static str, coverage: &mut Coverage) {
    for offsets in [&mut tracker.structural, &mut tracker.consumed, &mut tracker.numbers] {
        *offsets = sorted(std::mem::take(offsets));
    }
    for row in rows {
        let after_total = tracker.after_total.iter().any(|s| s.byte_start == row.span.byte_start);
        for (column, cell) in row.cells.iter().enumerate() {
            let start = cell.span.byte_start;
            if !has(&tracker.numbers, start) && !matches!(cell_value(&cell.text), CellValue::Number(_)) {
                continue;
            }
            coverage.numeric_cells += 1;
            if has(placed, start) || has(&tracker.consumed, start) {
                coverage.numeric_cells_placed += 1;
            } else if has(&tracker.structural, start) {
                coverage.numeric_cells_structural += 1;
            } else {
                let reason = if after_total { "row after the 总分 row" } else { reason };
                coverage.unplaced_cells.push(CellIssue {
                    text: cell.text.clone(),
                    at: Location::of(cell.span, column),
                    reason,
                });
            }
        }
    }
    coverage.unplaced_cells.append(&mut tracker.issues);
}
