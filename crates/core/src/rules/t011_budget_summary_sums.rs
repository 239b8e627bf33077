use super::{budget, declare_rule, Check};
use crate::check::Checker;
use crate::finding::Term;
use crate::model::{Side, SummaryLine, SummaryTable};
use crate::recognise::{Form, RecognisedTable};
use crate::report::ParseReport;

declare_rule! {
    /// ## What
    /// In a budget's 财务收支预算总表 and 财政拨款收支预算总表, in every column: `收入总计` = the
    /// income lines (`一、财政拨款收入` + `二、事业收入` + …), `一、财政拨款收入` = the fund lines
    /// under it (`1. 一般公共预算资金` + `2. 政府性基金` + `3. 国有资本经营预算`), `支出总计` = the
    /// expenditure lines (one per 类); and on every expenditure line the total column equals the
    /// columns after it (`合计` = 一般公共预算 + 政府性基金预算 + 国有资本经营预算, or 人员经费 +
    /// 公用经费 + 项目支出 in a 单位预算).
    ///
    /// ## Why
    /// These are the budget's headline totals: each must be the lines printed above it.
    ///
    /// ## Example
    /// `一、财政拨款收入 9,501,164`, `二、事业收入 2,620,000`, `收入总计 12,121,164`: holds.
    ///
    /// ## Source
    /// 上海市部门预算公开 templates (部门财务收支预算总表, 部门财政拨款收支预算总表); docs/domain.md §8.
    pub struct BudgetSummarySums {
        code: "T011",
        name: "budget-summary-sums",
        title_zh: "预算总表合计与各行不符",
        title_en: "Budget summary total differs from its lines",
        category: TableArithmetic,
        severity: Error,
    }
}

impl Check for BudgetSummarySums {
    fn check(&self, document: &ParseReport, checker: &mut Checker) {
        for form in [Form::BudgetSummary, Form::BudgetFiscalGrantSummary] {
            let Some((table, summary)) = super::lookup::summary(document, form) else { continue };
            for (side, total) in [(Side::Income, "收入总计"), (Side::Expenditure, "支出总计")] {
                let lines: Vec<&SummaryLine> =
                    summary.lines.iter().filter(|l| l.side == side && l.parent.is_none() && l.label != total).collect();
                if let Some(total) = budget::summary_line(summary, side, total) {
                    sum_lines(checker, table, total, &lines);
                }
                for parent in &lines {
                    let details: Vec<&SummaryLine> = summary
                        .lines
                        .iter()
                        .filter(|l| l.side == side && l.parent.as_deref() == Some(parent.label.as_str()))
                        .collect();
                    sum_lines(checker, table, parent, &details);
                }
            }
            row_splits(checker, table, summary);
        }
    }
}

/// `stated` = Σ `lines`, per column of `stated`.
fn sum_lines(checker: &mut Checker, table: &RecognisedTable, stated: &SummaryLine, lines: &[&SummaryLine]) {
    for (column, value) in &stated.values {
        let parts: Vec<(Term, bool)> = lines
            .iter()
            .filter_map(|l| l.values.get(column).map(|v| (Term::cell(table, &l.label, column, v), true)))
            .collect();
        if !parts.is_empty() {
            checker.sum(&BudgetSummarySums::INFO, Term::cell(table, &stated.label, column, value), &parts);
        }
    }
}

/// On each expenditure line with several columns: the first (the total) = the others.
fn row_splits(checker: &mut Checker, table: &RecognisedTable, summary: &SummaryTable) {
    let Some((total, parts)) = summary.expenditure_columns.split_first() else { return };
    for line in summary.lines.iter().filter(|l| l.side == Side::Expenditure) {
        let Some(stated) = line.values.get(total) else { continue };
        let parts: Vec<(Term, bool)> = parts
            .iter()
            .filter_map(|c| line.values.get(c).map(|v| (Term::cell(table, &line.label, c, v), true)))
            .collect();
        if !parts.is_empty() {
            checker.sum(&BudgetSummarySums::INFO, Term::cell(table, &line.label, total, stated), &parts);
        }
    }
}
