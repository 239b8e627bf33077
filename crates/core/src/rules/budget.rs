//! What the budget rules share: the budget tables of a document, their columns by the label
//! they end with, and figures brought to one unit where a 元 table meets a 万元 one.

use rust_decimal::Decimal;

use crate::finding::Term;
use crate::model::{
    Amount, BudgetThreePublicTable, ClassifiedRow, ClassifiedTable, SummaryLine, SummaryTable, TableModel, Unit,
};
use crate::recognise::RecognisedTable;
use crate::report::ParseReport;

/// The 三公 budget table.
pub fn three_public(document: &ParseReport) -> Option<(&RecognisedTable, &BudgetThreePublicTable)> {
    document.tables.iter().find_map(|t| match &t.model {
        TableModel::BudgetThreePublic(p) => Some((t, p.as_ref())),
        _ => None,
    })
}

/// The first column whose header label ends with `suffix` (`支出预算基本支出` for `基本支出`).
pub fn column_ending<'a>(table: &'a ClassifiedTable, suffix: &str) -> Option<&'a str> {
    table.columns.iter().map(String::as_str).find(|c| c.ends_with(suffix))
}

/// The total column of a classified budget table (`合计`, `项目合计` as the reader may join it).
pub fn total_column(table: &ClassifiedTable) -> Option<&str> {
    column_ending(table, "合计")
}

/// The row of `table` with the same key (科目编码, or `合计`) as `row`.
pub fn same_row<'a>(table: &'a ClassifiedTable, row: &ClassifiedRow) -> Option<&'a ClassifiedRow> {
    match &row.code {
        Some(code) => super::lookup::row(table, code),
        None => table.total.as_ref(),
    }
}

/// Every row of a classified table, its 合计 row first.
pub fn rows(table: &ClassifiedTable) -> impl Iterator<Item = &ClassifiedRow> {
    table.total.iter().chain(&table.rows)
}

/// A cell of a classified table as a term: the table's name, the row's code and name, the column.
pub fn cell<'a>(table: &RecognisedTable, row: &ClassifiedRow, column: &str, amount: &'a Amount) -> Term<'a> {
    Term::cell(table, &super::lookup::row_label(row), column, amount)
}

/// The summary line with this label (without its ordinal) on this side, not a detail line.
pub fn summary_line<'a>(table: &'a SummaryTable, side: crate::model::Side, label: &str) -> Option<&'a SummaryLine> {
    super::lookup::top_line(table, side, label)
}

/// The first value of a summary line in column order of its side: the total (`预算数`, `合计`).
pub fn first_value<'a>(table: &'a SummaryTable, line: &'a SummaryLine) -> Option<(&'a str, &'a Amount)> {
    let columns = match line.side {
        crate::model::Side::Income => &table.income_columns,
        crate::model::Side::Expenditure => &table.expenditure_columns,
    };
    columns.iter().find_map(|c| line.values.get(c).map(|v| (c.as_str(), v)))
}

/// A figure of `table` compared in 万元 ([`in_ten_thousand`]) as a term: its label says the unit
/// it is written in, `raw` being the figure as written.
pub fn in_unit<'a>(table: &RecognisedTable, mut term: Term<'a>) -> Term<'a> {
    term.label.push_str(if table.unit == Some(Unit::Yuan) { "（元）" } else { "（万元）" });
    term
}

/// An amount of a table in 元 in 万元, the unit it is compared in (`13,500` → `1.3500`): the
/// displayed precision moves with the value, so the rounding allowed stays that of the 元 figure.
pub fn in_ten_thousand(table: &RecognisedTable, amount: &Amount) -> Amount {
    if table.unit != Some(Unit::Yuan) {
        return amount.clone();
    }
    let mut number = amount.number;
    number.value /= Decimal::from(10_000);
    number.decimals += 4;
    Amount { number, ..amount.clone() }
}
