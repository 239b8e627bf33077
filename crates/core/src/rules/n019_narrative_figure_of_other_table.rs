use super::{declare_rule, lookup, verdicts, Check};
use crate::check::Checker;
use crate::claims::bind::{Binding, Role};
use crate::finding::{FindingLocation, Term};
use crate::forms::Form;
use crate::model::Amount;
use crate::report::ParseReport;
use crate::rounding::{judge_sum, Outcome};

declare_rule! {
    /// ## What
    /// A figure of the text that differs from the table cell it names (N007, N008) is not
    /// the same quantity as another table gives it, in another scope or at another stage: a
    /// `一般公共预算财政拨款支出` that is 01's or 03's 本年支出合计 (all funds) or 04's 财政拨款
    /// total, a 03 `基本支出` that is 05's (一般公共预算 only) and the reverse, a 三公 `预算` that
    /// is the 基础数据表's 本年预算数 (the 年初预算, where 09's 预算数 is the 全年预算 after
    /// adjustment), a 三公 `决算` that is the 基础数据表's 上年决算数. Zero is not compared.
    /// Each differing figure is one relation, broken when another table has it: a notice, as
    /// the mismatch itself is N007's or N008's finding.
    ///
    /// ## Why
    /// A mismatch whose figure is found elsewhere is no typing slip: the sentence was written
    /// from the wrong table or the wrong stage, and the fix is to take the figure of the scope
    /// the sentence names, not to retype a digit.
    ///
    /// ## Example
    /// `“三公”经费财政拨款支出预算为44万元` where 09 预算数 合计 is 26.42 and the 基础数据表's
    /// 三公经费 本年预算数 is 44: notice, the text gives the 年初预算. A figure found in no other
    /// table: holds (N008 still reports it).
    ///
    /// ## Source
    /// 部门决算公开 情况说明 template (一 to 七); 部门整体支出绩效评价基础数据表 template; docs/domain.md §5.
    pub struct NarrativeFigureOfOtherTable {
        code: "N019",
        name: "narrative-figure-of-other-table",
        title_zh: "文中数取自其他口径的表",
        title_en: "Text figure taken from a table of another scope",
        category: Narrative,
        severity: Notice,
        review: true,
    }
}

/// The 总计/合计 rows of the summary and function tables (01, 03, 04, 05), where a total
/// stated in the text is found.
const TOTAL_ROWS: [&str; 6] = ["合计", "总计", "本年支出合计", "本年收入合计", "支出合计", "收入合计"];
/// The tables whose totals are the same quantities in other fund scopes.
const SCOPES: [Form; 4] =
    [Form::IncomeExpenditureSummary, Form::Expenditure, Form::FiscalGrantSummary, Form::GeneralBudgetExpenditure];

/// A cell of another table with the figure: its place and how messages name it.
struct Found<'a> {
    label: String,
    amount: &'a Amount,
    location: FindingLocation,
}

/// The cells of other tables that give the quantity `binding`'s cell is, in another scope or
/// at another stage.
fn elsewhere<'a>(document: &'a ParseReport, binding: &Binding) -> Vec<Found<'a>> {
    let cell = &binding.cells[0];
    let mut out = Vec::new();
    match binding.role {
        Role::Total if SCOPES.contains(&cell.table.form) && TOTAL_ROWS.contains(&cell.row.as_str()) => {
            for table in document.tables.iter().filter(|t| t.form != cell.table.form && SCOPES.contains(&t.form)) {
                for entry in table.cells.iter().filter(|e| TOTAL_ROWS.iter().any(|row| e.row.ends_with(row))) {
                    let label = format!("{} {}·{}", table.short_name, entry.row, entry.column);
                    out.push(Found {
                        location: Term::cell(table, &entry.row, &entry.column, &entry.value).location(),
                        label,
                        amount: &entry.value,
                    });
                }
            }
        }
        Role::ThreePublicBudget | Role::ThreePublicActual => {
            let Some((table, basic)) = lookup::basic_data(document) else { return out };
            // The 基础数据表's column of the same figure at another stage: the 年初预算, last
            // year's 决算.
            let stage = if binding.role == Role::ThreePublicBudget { "本年预算数" } else { "上年决算数" };
            let Some(&(label, _)) = lookup::THREE_PUBLIC_BASIC_ROWS.iter().find(|(_, row09)| *row09 == cell.row) else {
                return out;
            };
            if let Some(amount) = lookup::basic_row(basic, label).and_then(|row| row.values.get(stage)) {
                out.push(Found {
                    label: format!("{} {label}·{stage}", table.short_name),
                    location: Term::cell(table, label, stage, amount).location(),
                    amount,
                });
            }
        }
        _ => {}
    }
    out
}

/// Whether `a` and `b` are one figure at their displayed precision.
fn same(a: &Amount, b: &Amount) -> bool {
    judge_sum(&a.number, std::iter::once((&b.number, true))).is_some_and(|(_, outcome)| outcome != Outcome::Broken)
}

impl Check for NarrativeFigureOfOtherTable {
    fn check(&self, document: &ParseReport, checker: &mut Checker) {
        for (_, bindings) in checker.bound_claims() {
            let compared = [Role::Total, Role::ThreePublicBudget, Role::ThreePublicActual];
            for binding in bindings.iter().filter(|b| b.cells.len() == 1 && !b.sum && compared.contains(&b.role)) {
                let Some(stated) = binding.figure.amount() else { continue };
                let cell = &binding.cells[0];
                if stated.number.value.is_zero() || same(&stated, cell.amount) {
                    continue;
                }
                let found = elsewhere(document, binding);
                // Of the cells with the figure, one on the bound cell's side (支出, 收入) first.
                let side =
                    ["支出", "收入"].into_iter().find(|side| cell.row.contains(side) || cell.column.contains(side));
                let on_side = |f: &&&Found| side.is_some_and(|side| f.label.contains(side));
                let matching: Vec<&Found> = found.iter().filter(|f| same(&stated, f.amount)).collect();
                let Some(other) = matching.iter().find(on_side).or(matching.first()) else {
                    checker.held(&Self::INFO);
                    continue;
                };
                let named = format!("{} {}·{}", cell.table.short_name, cell.row, cell.column);
                let (text, other_raw) = (&binding.figure.raw, &other.amount.raw);
                checker.broken(
                    &Self::INFO,
                    verdicts::figure_location(binding.figure),
                    vec![cell.term().location(), other.location.clone()],
                    format!(
                        "{}：文中 {text} 与{named} {} 不符，而与{} {other_raw} 相同",
                        Self::INFO.title_zh,
                        cell.amount.raw,
                        other.label
                    ),
                    format!(
                        "{}: the text's {text} differs from {named} {} but is {} {other_raw}",
                        Self::INFO.title_en,
                        cell.amount.raw,
                        other.label
                    ),
                    format!("文中 {text} = {} {other_raw} ≠ {named} {}", other.label, cell.amount.raw),
                );
            }
        }
    }
}
