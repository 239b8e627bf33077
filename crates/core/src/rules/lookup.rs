//! Finding the typed tables a rule needs in a parsed document.

use crate::model::{
    Amount, ClassifiedRow, ClassifiedTable, EconomicTable, SummaryLine, SummaryTable, TableModel, ThreePublicTable,
};
use crate::recognise::{Form, RecognisedTable};
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

/// Rows whose nearest listed ancestor is `parent` (`None`: the top-level rows).
pub fn children<'a>(table: &'a ClassifiedTable, parent: Option<&str>) -> Vec<&'a ClassifiedRow> {
    let codes: Vec<&str> = table.rows.iter().filter_map(|r| r.code.as_deref()).collect();
    table
        .rows
        .iter()
        .filter(|r| {
            let Some(code) = r.code.as_deref() else { return false };
            let nearest = codes.iter().copied().filter(|c| c.len() < code.len() && code.starts_with(c)).max_by_key(|c| c.len());
            nearest == parent
        })
        .collect()
}

/// The row label for messages: its code and name.
pub fn row_label(row: &ClassifiedRow) -> String {
    match &row.code {
        Some(code) => format!("{code} {}", row.label),
        None => row.label.clone(),
    }
}
