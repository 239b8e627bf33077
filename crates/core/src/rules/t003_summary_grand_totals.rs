use super::{declare_rule, lookup, Check};
use crate::check::Checker;
use crate::finding::Term;
use crate::model::{Amount, Side, SummaryLine, SummaryTable};
use crate::recognise::{Form, RecognisedTable};
use crate::report::ParseReport;

declare_rule! {
    /// ## What
    /// In 收入支出决算总表 (01) and 财政拨款收入支出决算总表 (04):
    /// - `总计` (收入) = `本年收入合计` + the lines between them (使用非财政拨款结余, 年初结转和结余);
    /// - `总计` (支出) = `本年支出合计` + the lines between them (结余分配, 年末结转和结余);
    /// - a line detailed by fund lines (04: 年初财政拨款结转和结余) equals the sum of those lines;
    /// - the two `总计` are equal.
    ///
    /// ## Why
    /// The summary tables balance by construction: income and carry-over on one side, spending
    /// and carry-forward on the other. An unbalanced table has a wrong figure somewhere.
    ///
    /// ## Example
    /// `本年收入合计 280.72`, `年初结转和结余 0.00`, `总计 280.72` on both sides: holds.
    ///
    /// ## Source
    /// 部门决算公开 templates (公开01表, 公开04表); docs/domain.md §4.
    pub struct SummaryGrandTotals {
        code: "T003",
        name: "summary-grand-totals",
        title_zh: "总计不平衡",
        title_en: "Grand totals do not balance",
        category: TableArithmetic,
        severity: Error,
    }
}

impl Check for SummaryGrandTotals {
    fn check(&self, document: &ParseReport, checker: &mut Checker) {
        for form in [Form::IncomeExpenditureSummary, Form::FiscalGrantSummary] {
            let Some((table, summary)) = lookup::summary(document, form) else { continue };
            grand_total(checker, table, summary, Side::Income, "本年收入合计");
            grand_total(checker, table, summary, Side::Expenditure, "本年支出合计");
            for parent in summary
                .lines
                .iter()
                .filter(|l| summary.lines.iter().any(|c| c.parent.as_deref() == Some(l.label.as_str())))
            {
                let Some((column, stated)) = lookup::only_value(parent) else { continue };
                let parts: Vec<_> = summary
                    .lines
                    .iter()
                    .filter(|c| c.parent.as_deref() == Some(parent.label.as_str()))
                    .filter_map(|c| lookup::only_value(c).map(|(col, v)| (Term::cell(table, &c.label, col, v), true)))
                    .collect();
                checker.sum(&Self::INFO, Term::cell(table, &parent.label, column, stated), &parts);
            }
            let income = lookup::line(summary, Side::Income, "总计").and_then(lookup::only_value);
            let expenditure = lookup::line(summary, Side::Expenditure, "总计").and_then(total_column);
            if let (Some((ic, iv)), Some((ec, ev))) = (income, expenditure) {
                checker.equal(
                    &Self::INFO,
                    Term::cell(table, "收入总计", ic, iv),
                    Term::cell(table, "支出总计", ec, ev),
                );
            }
        }
    }
}

/// The figure of a line that totals its columns: its `合计` column (04), or its only value (01).
fn total_column(line: &SummaryLine) -> Option<(&str, &Amount)> {
    match line.values.get_key_value("合计") {
        Some((column, value)) => Some((column.as_str(), value)),
        None => lookup::only_value(line),
    }
}

/// `总计` = the side's `合计` line + the lines between them that detail no other line.
fn grand_total(checker: &mut Checker, table: &RecognisedTable, summary: &SummaryTable, side: Side, total_label: &str) {
    let lines: Vec<_> = summary.lines.iter().filter(|l| l.side == side).collect();
    let (Some(start), Some(end)) =
        (lines.iter().position(|l| l.label == total_label), lines.iter().position(|l| l.label == "总计"))
    else {
        return;
    };
    if end <= start {
        return;
    }
    let grand = lines[end];
    for (column, stated) in &grand.values {
        let parts: Vec<_> = lines[start..end]
            .iter()
            .filter(|l| l.parent.is_none())
            .filter_map(|l| l.values.get(column).map(|v| (Term::cell(table, &l.label, column, v), true)))
            .collect();
        checker.sum(&SummaryGrandTotals::INFO, Term::cell(table, &grand.label, column, stated), &parts);
    }
}
