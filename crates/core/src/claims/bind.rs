//! Binding claims to table cells by their labels (docs/domain.md §5), never by their numbers: a
//! claim whose label names no cell stays unbound, however well its figure would match one.
//! Only tables in 万元 are bound (claims are read in 万元), but for a budget's, whose 元 figures
//! N014 compares in 万元.

use super::{Claim, ClaimKind, Figure, ScoreSubject};
use crate::finding::Term;
use crate::ingest::{contains, without};
use crate::labels::{class_code_of, norm};
use crate::model::{
    Amount, ClassifiedRow, ClassifiedTable, CodeLevel, PerformanceTable, Side, TableModel, ThreePublicFigures, Unit,
};
use crate::recognise::{Form, RecognisedTable};
use crate::report::ParseReport;

/// A table cell a claim is bound to.
#[derive(Debug, Clone)]
pub struct Cell<'a> {
    pub table: &'a RecognisedTable,
    pub row: String,
    pub column: String,
    pub amount: &'a Amount,
}

impl<'a> Cell<'a> {
    /// The cell as a term of a relation.
    pub fn term(&self) -> Term<'a> {
        Term::cell(self.table, &self.row, &self.column, self.amount)
    }
}

/// What a claim's figure speaks about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// A total of 01, 03, 04, 05 or 06 named by its label (`本年支出合计`, `人员经费`), or the
    /// 06 item of the 会议费 or 培训费 spent.
    Total,
    /// A 三公 budget figure of table 09.
    ThreePublicBudget,
    /// A 三公 actual figure of table 09.
    ThreePublicActual,
    /// A 类 or 项 of table 05 named by 类/款/项 names.
    Function,
    /// The base a share is taken of, when the text names it without stating it.
    ShareBase,
    /// The 总分 得分 of a 绩效自评表.
    Score,
    /// The 全年预算数 of a 绩效自评表's 年度资金总额.
    FundsBudget,
    /// The 全年执行数 of a 绩效自评表's 年度资金总额.
    FundsExecuted,
    /// A figure of a budget table named by its label: a total of the 收入, 支出 or 财政拨款
    /// tables, a 项 of the 一般公共预算 table, a 三公 or 机关运行经费 budget. The table may be in
    /// 元: the rule brings it to 万元.
    Budget,
}

/// A claim figure and the cells it is bound to: one cell, or several when the label fits
/// more than one row (two 行政运行 items of different 款) or names a sum of rows (a 类 of
/// table 05 listing only its 项).
#[derive(Debug, Clone)]
pub struct Binding<'c, 'a> {
    pub figure: &'c Figure,
    pub role: Role,
    pub cells: Vec<Cell<'a>>,
    /// Whether the figure is the sum of `cells` (a 类 from its 项) rather than one of them.
    pub sum: bool,
}

/// The bindings of a claim, by label.
fn bind<'c, 'a>(
    document: &'a ParseReport,
    evaluations: &SelfEvaluations<'a>,
    claim: &'c Claim,
) -> Vec<Binding<'c, 'a>> {
    let one = |figure: &'c Figure, role: Role, cell: Option<Cell<'a>>| {
        cell.map(|cell| Binding { figure, role, cells: vec![cell], sum: false })
    };
    let three_public = contains(&claim.section, "三公");
    match &claim.kind {
        ClaimKind::Amount { subject, figure } => {
            let mut out: Vec<Binding> = if speaks_of_department(&claim.section) {
                one(figure, Role::Total, total(document, subject)).into_iter().collect()
            } else {
                Vec::new()
            };
            if three_public && contains(subject, "决算") && !contains(subject, "预算") {
                out.extend(one(figure, Role::ThreePublicActual, three_public_cell(document, subject, false)));
            }
            out.extend(class_binding(document, figure));
            #[cfg(feature = "budget")]
            out.extend(budget::binding(document, claim, figure));
            out
        }
        ClaimKind::Completion { subject, budget, actual, .. } => {
            let mut out = Vec::new();
            if three_public || contains(subject, "三公") {
                out.extend(one(budget, Role::ThreePublicBudget, three_public_cell(document, subject, true)));
                out.extend(one(actual, Role::ThreePublicActual, three_public_cell(document, subject, false)));
            }
            if speaks_of_department(&claim.section) {
                out.extend(one(actual, Role::Total, general_expense(document, &core(subject))));
            }
            if let Some(table) = evaluations.find(&self_evaluation_subject(subject)) {
                out.extend(one(budget, Role::FundsBudget, funds(table, true)));
                out.extend(one(actual, Role::FundsExecuted, funds(table, false)));
            }
            if let Some(context) = &claim.context {
                let cells = item_cells(document, context);
                if !cells.is_empty() {
                    out.push(Binding { figure: actual, role: Role::Function, cells, sum: false });
                }
            }
            out
        }
        ClaimKind::Share { part, whole: None, whole_label, .. } => {
            let base = if whole_label.is_empty() && three_public {
                three_public_cell(document, "三公", false)
            } else {
                total(document, whole_label)
            };
            one(part, Role::ShareBase, base).into_iter().collect()
        }
        ClaimKind::Score { subject, score: Some(score), .. } => {
            one(score, Role::Score, score_cell(evaluations, subject)).into_iter().collect()
        }
        _ => Vec::new(),
    }
}

/// The bindings of each of `claims`, in order.
pub fn bind_all<'c, 'a>(document: &'a ParseReport, claims: &'c [Claim]) -> Vec<Vec<Binding<'c, 'a>>> {
    let evaluations = SelfEvaluations::of(document);
    claims.iter().map(|claim| bind(document, &evaluations, claim)).collect()
}

/// Whether a section speaks of the department's own totals, not of one project or fund
/// (`（1）重大招商经费项目`, `七、政府性基金预算收入支出决算情况`), where `项目支出` and `基本支出`
/// name that project's or fund's figures.
fn speaks_of_department(heading: &str) -> bool {
    let heading = norm(heading);
    !(heading.ends_with("项目") || contains(&heading, "政府性基金") || contains(&heading, "国有资本"))
}

/// Whether a table's amounts are in 万元 (or state no unit, as the document's tables mostly do).
fn in_ten_thousand(table: &RecognisedTable) -> bool {
    table.unit != Some(Unit::Yuan)
}

fn table(document: &ParseReport, form: Form) -> Option<&RecognisedTable> {
    document.tables.iter().find(|t| t.form == form && in_ten_thousand(t))
}

fn classified(document: &ParseReport, form: Form) -> Option<(&RecognisedTable, &ClassifiedTable)> {
    let t = table(document, form)?;
    match &t.model {
        TableModel::Classified(c) => Some((t, c)),
        _ => None,
    }
}

/// The subject of a label without year, speaker and linking words (`2023年度收、支总计` → `收、支总计`).
fn core(label: &str) -> String {
    let text = norm(label).replace('，', ",");
    let mut core = without_openers(&text);
    for suffix in ["为", "是", "共计", "共", "决算数", "决算"] {
        core = core.strip_suffix(suffix).unwrap_or(core);
    }
    core.to_string()
}

/// `text` without the years and speakers it opens with, as the pattern
/// `^(?:\d{4}年度?|本部门|本单位|我单位|部门\(单位\)|,)+` reads them.
fn without_openers(mut text: &str) -> &str {
    loop {
        let year = text
            .get(..4)
            .filter(|y| y.bytes().all(|b| b.is_ascii_digit()))
            .and_then(|_| text[4..].strip_prefix('年'))
            .map(|rest| rest.strip_prefix('度').unwrap_or(rest));
        match year.or_else(|| {
            ["本部门", "本单位", "我单位", "部门(单位)", ","].iter().find_map(|opener| text.strip_prefix(opener))
        }) {
            Some(rest) => text = rest,
            None => return text,
        }
    }
}

/// A total of 01, 03, 04, 05 or 06 named by `label`.
fn total<'a>(document: &'a ParseReport, label: &str) -> Option<Cell<'a>> {
    let subject = core(label);
    let summary_line = |form: Form, side: Side, line_label: &str| -> Option<Cell<'a>> {
        let t = table(document, form)?;
        let TableModel::Summary(s) = &t.model else { return None };
        let line = s.lines.iter().find(|l| l.side == side && l.parent.is_none() && l.label == line_label)?;
        let (column, amount) = line.values.iter().next()?;
        Some(Cell { table: t, row: line_label.to_string(), column: column.clone(), amount })
    };
    let classified_total =
        |form: Form, column: &str| classified(document, form).and_then(|table| total_cell(table, column));
    let economic = |personnel: bool| -> Option<Cell<'a>> {
        let t = table(document, Form::GeneralBudgetBasicExpenditure)?;
        let TableModel::Economic(e) = &t.model else { return None };
        let (row, amount) = if personnel {
            ("人员经费合计", e.personnel_total.as_ref()?)
        } else {
            ("公用经费合计", e.public_total.as_ref()?)
        };
        Some(Cell { table: t, row: row.to_string(), column: "决算数".to_string(), amount })
    };
    let s = subject.as_str();
    if s.ends_with("财政拨款收、支总计") || s.ends_with("财政拨款收支总计") {
        summary_line(Form::FiscalGrantSummary, Side::Income, "总计")
    } else if s.ends_with("收、支总计") || s.ends_with("收支总计") {
        summary_line(Form::IncomeExpenditureSummary, Side::Income, "总计")
    } else if s == "本年收入合计" || s == "收入合计" {
        summary_line(Form::IncomeExpenditureSummary, Side::Income, "本年收入合计")
    } else if s == "本年支出合计" || s == "支出合计" {
        summary_line(Form::IncomeExpenditureSummary, Side::Expenditure, "本年支出合计")
    } else if s.ends_with("财政拨款基本支出") {
        classified_total(Form::GeneralBudgetExpenditure, "基本支出")
    } else if s == "基本支出" || s == "项目支出" {
        classified_total(Form::Expenditure, s)
    } else if s.ends_with("一般公共预算财政拨款支出") || s == "财政拨款支出" {
        classified_total(Form::GeneralBudgetExpenditure, "小计")
            .or_else(|| classified_total(Form::GeneralBudgetExpenditure, "合计"))
    } else if s == "人员经费" {
        economic(true)
    } else if s == "公用经费" || s == "日常公用经费" || s.ends_with("机关运行经费支出") {
        economic(false)
    } else {
        general_expense(document, s)
    }
}

/// The 06 item of the 会议费 or 培训费 the text states as spent (`开支会议费2.22万元`,
/// `会议费…支出决算为0.6万元`): 30215, 30216.
fn general_expense<'a>(document: &'a ParseReport, subject: &str) -> Option<Cell<'a>> {
    let code = match subject.strip_prefix("开支").unwrap_or(subject) {
        "会议费" => "30215",
        "培训费" => "30216",
        _ => return None,
    };
    let t = table(document, Form::GeneralBudgetBasicExpenditure)?;
    let TableModel::Economic(e) = &t.model else { return None };
    let item = e.items.iter().find(|i| i.code == code)?;
    Some(Cell {
        table: t,
        row: [&item.code, " ", &item.name].concat(),
        column: "决算数".to_string(),
        amount: item.amount.as_ref()?,
    })
}

/// The 合计 row's value of a classified table in the column named `column` (the header's last part).
fn total_cell<'a>((t, c): (&'a RecognisedTable, &'a ClassifiedTable), column: &str) -> Option<Cell<'a>> {
    let key = c.columns.iter().find(|k| k.rsplit('/').next() == Some(column))?;
    let amount = c.total.as_ref()?.values.get(key)?;
    Some(Cell { table: t, row: "合计".to_string(), column: key.clone(), amount })
}

/// The 09 figure of the 三公 item `subject` names, from 预算数 (`budget`) or 决算数.
fn three_public_cell<'a>(document: &'a ParseReport, subject: &str, budget: bool) -> Option<Cell<'a>> {
    let t = table(document, Form::ThreePublicExpenses)?;
    let TableModel::ThreePublic(p) = &t.model else { return None };
    let s = norm(subject);
    let (row, pick): (&str, fn(&ThreePublicFigures) -> &Option<Amount>) =
        if contains(&s, "购置费及运行") || contains(&s, "购置及运行") {
            ("公务用车购置及运行费小计", |f| &f.vehicle_subtotal)
        } else if contains(&s, "公务用车购置") {
            ("公务用车购置费", |f| &f.vehicle_purchase)
        } else if contains(&s, "公务用车运行") || contains(&s, "公务用车维护") {
            ("公务用车运行费", |f| &f.vehicle_operation)
        } else if contains(&s, "因公出国") {
            ("因公出国(境)费", |f| &f.abroad)
        } else if contains(&s, "公务接待") {
            ("公务接待费", |f| &f.reception)
        } else if contains(&s, "三公") {
            ("合计", |f| &f.total)
        } else {
            return None;
        };
    let (figures, column) = if budget { (&p.budget, "预算数") } else { (&p.actual, "决算数") };
    pick(figures).as_ref().map(|amount| Cell { table: t, row: row.to_string(), column: column.to_string(), amount })
}

/// The 05 小计 of a row.
fn subtotal<'a>(t: &'a RecognisedTable, c: &'a ClassifiedTable, row: &'a ClassifiedRow) -> Option<Cell<'a>> {
    let key = c.columns.iter().find(|k| matches!(k.rsplit('/').next(), Some("小计" | "合计")))?;
    let amount = row.values.get(key)?;
    let name = match &row.code {
        Some(code) => [code, " ", &row.label].concat(),
        None => row.label.clone(),
    };
    Some(Cell { table: t, row: name, column: key.clone(), amount })
}

/// The 05 rows a `…（类）…（款）…（项）` line names: items of that name under the class,
/// narrowed by the 款 name when 05 lists its 款 rows.
fn item_cells<'a>(document: &'a ParseReport, context: &str) -> Vec<Cell<'a>> {
    classified(document, Form::GeneralBudgetExpenditure).map_or_else(Vec::new, |table| items_named(table, context))
}

/// The rows of a functional-classification table a `…（类）…（项）` line names (see [`item_cells`]).
fn items_named<'a>((t, c): (&'a RecognisedTable, &'a ClassifiedTable), context: &str) -> Vec<Cell<'a>> {
    let context = norm(context);
    let Some((class, section, item)) = class_section_item(&context) else { return Vec::new() };
    let Some(class) = class_code_of(class.trim()) else { return Vec::new() };
    let section = c.rows.iter().find(|r| {
        r.level == Some(CodeLevel::Section)
            && r.code.as_deref().is_some_and(|code| code.starts_with(class))
            && norm(&r.label) == section
    });
    let prefix = section.and_then(|r| r.code.as_deref()).unwrap_or(class);
    c.rows
        .iter()
        .filter(|r| {
            r.level == Some(CodeLevel::Item)
                && r.code.as_deref().is_some_and(|code| code.starts_with(prefix))
                && norm(&r.label) == item
        })
        .filter_map(|r| subtotal(t, c, r))
        .collect()
}

/// The 类, 款 and 项 names of a normalised `1、…(类)…(款)…(项)` line, as the pattern
/// `^(?:\d+[、.．])?(.+?)\(类\)(.+?)\(款\)(.+?)\(项\)` reads them.
pub(crate) fn class_section_item(context: &str) -> Option<(&str, &str, &str)> {
    // A name (at least one character, within the line) up to the first `marker` after it.
    fn name<'t>(text: &'t str, marker: &str) -> Option<(&'t str, &'t str)> {
        for (at, c) in text.char_indices() {
            if at > 0 && text[at..].starts_with(marker) {
                return Some((&text[..at], &text[at + marker.len()..]));
            }
            if c == '\n' {
                return None;
            }
        }
        None
    }
    fn names(text: &str) -> Option<(&str, &str, &str)> {
        let (class, rest) = name(text, "(类)")?;
        let (section, rest) = name(rest, "(款)")?;
        let (item, _) = name(rest, "(项)")?;
        Some((class, section, item))
    }
    let digits = context.len() - context.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let numbered = if digits > 0 { context[digits..].strip_prefix(['、', '.', '．']) } else { None };
    numbered.and_then(names).or_else(|| names(context))
}

/// A `一般公共服务（类）支出X万元` amount bound to the 05 类 row, or to the sum of its 项 rows
/// when 05 lists only 项.
fn class_binding<'c, 'a>(document: &'a ParseReport, figure: &'c Figure) -> Option<Binding<'c, 'a>> {
    let label = without(&core(&figure.label), "(类)");
    let class = class_code_of(label.rsplit([':', ',']).next()?)?;
    let (t, c) = classified(document, Form::GeneralBudgetExpenditure)?;
    if let Some(row) = c.rows.iter().find(|r| r.code.as_deref() == Some(class)) {
        return Some(Binding { figure, role: Role::Function, cells: vec![subtotal(t, c, row)?], sum: false });
    }
    let has_sections = c
        .rows
        .iter()
        .any(|r| r.level == Some(CodeLevel::Section) && r.code.as_deref().is_some_and(|code| code.starts_with(class)));
    let level = if has_sections { CodeLevel::Section } else { CodeLevel::Item };
    let cells: Vec<Cell> = c
        .rows
        .iter()
        .filter(|r| r.level == Some(level) && r.code.as_deref().is_some_and(|code| code.starts_with(class)))
        .filter_map(|r| subtotal(t, c, r))
        .collect();
    (!cells.is_empty()).then_some(Binding { figure, role: Role::Function, cells, sum: true })
}

/// A document's 绩效自评表, read once for all its claims: the 整体支出 one, and the first
/// 项目支出 one of each distinct subject in document order (a claim names its project, and the
/// first table whose subject contains that name, or is contained in it, is the project's).
struct SelfEvaluations<'a> {
    overall: Option<(&'a RecognisedTable, &'a PerformanceTable)>,
    projects: Vec<(String, &'a RecognisedTable, &'a PerformanceTable)>,
}

impl<'a> SelfEvaluations<'a> {
    fn of(document: &'a ParseReport) -> Self {
        let mut overall = None;
        let mut projects: Vec<(String, &RecognisedTable, &PerformanceTable)> = Vec::new();
        for t in &document.tables {
            let TableModel::Performance(p) = &t.model else { continue };
            if t.form == Form::OverallPerformance {
                overall = overall.or(Some((t, p.as_ref())));
            } else if t.form == Form::ProjectPerformance {
                let subject = norm(p.subject.as_deref().unwrap_or_default());
                // Few distinct subjects: a scan of them costs less wasm than a set.
                if !subject.is_empty() && !projects.iter().any(|(seen, ..)| *seen == subject) {
                    projects.push((subject, t, p.as_ref()));
                }
            }
        }
        SelfEvaluations { overall, projects }
    }

    /// The 整体 table, or the named project's (a name of at least four characters).
    fn find(&self, subject: &ScoreSubject) -> Option<(&'a RecognisedTable, &'a PerformanceTable)> {
        match subject {
            ScoreSubject::Overall => self.overall,
            ScoreSubject::Project(name) => {
                let name = norm(name);
                if name.chars().count() < 4 {
                    return None;
                }
                self.projects
                    .iter()
                    .find(|(subject, ..)| contains(subject, &name) || contains(&name, subject))
                    .map(|&(_, t, p)| (t, p))
            }
        }
    }
}

/// Whom a completion sentence's subject names: the 整体支出, or a project by name.
fn self_evaluation_subject(subject: &str) -> ScoreSubject {
    if contains(subject, "整体支出") {
        ScoreSubject::Overall
    } else {
        ScoreSubject::Project(subject.to_string())
    }
}

/// The 总分 得分 of the 整体 or the named project's 绩效自评表.
fn score_cell<'a>(evaluations: &SelfEvaluations<'a>, subject: &ScoreSubject) -> Option<Cell<'a>> {
    let (t, p) = evaluations.find(subject)?;
    let amount = p.total_score.as_ref()?;
    Some(Cell { table: t, row: format!("{} 总分", t.form_name), column: "得分".to_string(), amount })
}

/// 年度资金总额's 全年预算数 (`budget`) or 全年执行数.
fn funds<'a>((t, p): (&'a RecognisedTable, &'a PerformanceTable), budget: bool) -> Option<Cell<'a>> {
    let line = p.funding.iter().find(|l| l.label == "年度资金总额")?;
    let (column, amount) = if budget {
        ("全年预算数", line.full_year_budget.as_ref()?)
    } else {
        ("全年执行数", line.executed.as_ref()?)
    };
    Some(Cell { table: t, row: format!("{} 年度资金总额", t.form_name), column: column.to_string(), amount })
}

/// Binding the 编制说明 of a 部门预算 or 单位预算 to its tables.
#[cfg(feature = "budget")]
mod budget {
    use super::*;
    use crate::ingest::rfind;
    use crate::model::SummaryTable;

    fn classified(document: &ParseReport, form: Form) -> Option<(&RecognisedTable, &ClassifiedTable)> {
        document.tables.iter().find(|t| t.form == form).and_then(|t| match &t.model {
            TableModel::Classified(c) => Some((t, c)),
            _ => None,
        })
    }

    /// The 合计 row's value of the `form` table in the column named `column`, in any unit.
    fn total<'a>(document: &'a ParseReport, form: Form, column: &str) -> Option<Cell<'a>> {
        classified(document, form).and_then(|table| total_cell(table, column))
    }

    /// A summary table's top line `label` on `side`, its first value (the total).
    fn summary_total<'a>(document: &'a ParseReport, form: Form, side: Side, label: &str) -> Option<Cell<'a>> {
        let t = document.tables.iter().find(|t| t.form == form)?;
        let TableModel::Summary(SummaryTable { lines, income_columns, expenditure_columns }) = &t.model else {
            return None;
        };
        let line = lines.iter().find(|l| l.side == side && l.parent.is_none() && l.label == label)?;
        let columns = if side == Side::Income { income_columns } else { expenditure_columns };
        let (column, amount) = columns.iter().find_map(|c| line.values.get(c).map(|v| (c, v)))?;
        Some(Cell { table: t, row: label.to_string(), column: column.clone(), amount })
    }

    /// The cells a budget's amount names by its label; none for changes (`比2023年预算减少…`)
    /// and the prior year's figures (`2023年当年预算执行数为…`).
    pub(super) fn binding<'c, 'a>(
        document: &'a ParseReport,
        claim: &Claim,
        figure: &'c Figure,
    ) -> Option<Binding<'c, 'a>> {
        let label = norm(&figure.label);
        let label = label.trim_end_matches(['为', '是']);
        if label.contains(['比', '较']) || contains(label, "执行数") {
            return None;
        }
        let spending = |fund: &str| {
            label.ends_with(&[fund, "拨款支出预算"].concat()) || label.ends_with(&[fund, "支出预算"].concat())
        };
        if let Some(context) =
            claim.context.as_deref().filter(|_| label.ends_with("(项)") || label.ends_with("预算安排"))
        {
            let cells =
                classified(document, Form::BudgetGeneral).map_or_else(Vec::new, |table| items_named(table, context));
            return (cells.len() == 1).then_some(Binding { figure, role: Role::Budget, cells, sum: false });
        }
        let cell = if label.ends_with("财政拨款收入") {
            total(document, Form::BudgetIncome, "财政拨款收入")
        } else if let Some(column) =
            ["事业单位经营收入", "事业收入", "其他收入"].into_iter().find(|c| label.ends_with(c))
        {
            total(document, Form::BudgetIncome, column)
        } else if label.ends_with("收入预算") || label.ends_with("收入预算总额") {
            total(document, Form::BudgetIncome, "合计")
        } else if spending("财政拨款") {
            summary_total(document, Form::BudgetFiscalGrantSummary, Side::Expenditure, "支出总计")
        } else if spending("一般公共预算") {
            total(document, Form::BudgetGeneral, "合计")
        } else if spending("政府性基金") {
            total(document, Form::BudgetGovernmentFund, "合计")
        } else if spending("国有资本经营预算") {
            total(document, Form::BudgetStateCapital, "合计")
        } else if label.ends_with("支出预算") || label.ends_with("支出预算总额") {
            total(document, Form::BudgetExpenditure, "合计")
        } else {
            three_public(document, label)
        };
        cell.map(|cell| Binding { figure, role: Role::Budget, cells: vec![cell], sum: false })
    }

    /// The 三公 and 机关运行经费 budget table's figure for the item `label` names: the item named
    /// last in the label, as a label running on from text before it (a table's header read as
    /// part of the paragraph) names earlier items.
    fn three_public<'a>(document: &'a ParseReport, label: &str) -> Option<Cell<'a>> {
        const ITEMS: [(&str, &str); 7] = [
            ("三公", "合计"),
            ("因公出国", "因公出国(境)费"),
            ("购置及运行", "公务用车购置及运行费"),
            ("购置费", "公务用车购置费"),
            ("用车运行费", "公务用车运行费"),
            ("公务接待", "公务接待费"),
            ("机关运行经费", "机关运行经费"),
        ];
        let (_, row) =
            ITEMS.iter().filter_map(|&(word, row)| rfind(label, word).map(|at| (at, row))).max_by_key(|&(at, _)| at)?;
        let t = document.tables.iter().find(|t| t.form == Form::BudgetThreePublic)?;
        let TableModel::BudgetThreePublic(p) = &t.model else { return None };
        let f = &p.figures;
        let amount = match row {
            "合计" => &f.total,
            "因公出国(境)费" => &f.abroad,
            "公务用车购置及运行费" => &f.vehicle_subtotal,
            "公务用车购置费" => &f.vehicle_purchase,
            "公务用车运行费" => &f.vehicle_operation,
            "公务接待费" => &f.reception,
            _ => &p.operating,
        };
        amount.as_ref().map(|amount| Cell { table: t, row: row.to_string(), column: "预算数".to_string(), amount })
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    proptest! {
        /// `class_section_item` reads what the pattern it spells out would.
        #[test]
        fn class_section_item_is_read_as_the_pattern_does(pieces in prop::collection::vec(prop::sample::select(&["1", "2", "、", ".", "(类)", "(款)", "(项)", "一般", "\n", "("][..]), 0..16)) {
            let text: String = pieces.concat();
            let pattern = regex_lite::Regex::new(r"^(?:\d+[、.．])?(.+?)\(类\)(.+?)\(款\)(.+?)\(项\)").unwrap();
            let by_pattern = pattern.captures(&text).map(|caps| (caps.get(1).unwrap().as_str(), caps.get(2).unwrap().as_str(), caps.get(3).unwrap().as_str()));
            prop_assert_eq!(class_section_item(&text), by_pattern);
        }

        /// `without_openers` reads what the pattern it spells out would.
        #[test]
        fn openers_are_read_as_the_pattern_does(chars in prop::collection::vec(prop::sample::select("2023年度本部门单位我(),收".chars().collect::<Vec<_>>()), 0..20)) {
            let text: String = chars.into_iter().collect();
            let pattern = regex_lite::Regex::new(r"^(?:\d{4}年度?|本部门|本单位|我单位|部门\(单位\)|,)+").unwrap();
            prop_assert_eq!(without_openers(&text), pattern.replace(&text, ""));
        }
    }
}
