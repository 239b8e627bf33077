use super::{budget, declare_rule, lookup, Check};
use crate::check::Checker;
use crate::finding::Term;
use crate::model::Side;
use crate::recognise::Form;
use crate::report::ParseReport;

declare_rule! {
    /// ## What
    /// A budget's 财务收支预算总表 against the tables it summarises: each income line
    /// (`财政拨款收入`, `事业收入`, `事业单位经营收入`, `其他收入`, `收入总计`) equals that column of the
    /// 收入预算总表 `合计` row; each expenditure line named after a 类 equals that 类 row of the
    /// 支出预算总表 (its total, and its 项目支出 where both tables show it), and `支出总计` its
    /// `合计` row.
    ///
    /// ## Why
    /// The summary table repeats figures of the detailed tables; a difference means one of them
    /// was not updated.
    ///
    /// ## Example
    /// 财务收支预算总表 `六、社会保障和就业支出 19,604,064` and 支出预算总表 `208 … 19,604,064`: holds.
    ///
    /// ## Source
    /// 上海市部门预算公开 templates (部门财务收支预算总表, 部门收入预算总表, 部门支出预算总表); docs/domain.md §8.
    pub struct BudgetSummaryVsTables {
        code: "X010",
        name: "budget-summary-vs-tables",
        title_zh: "财务收支预算总表与收入、支出预算总表不符",
        title_en: "Budget summary differs from the income or expenditure table",
        category: CrossTable,
        severity: Error,
    }
}

/// 财务收支预算总表 income line → the end of the 收入预算总表 column label it is.
const INCOME_LINES: [(&str, &str); 5] = [
    ("财政拨款收入", "财政拨款收入"),
    ("事业收入", "事业收入"),
    ("事业单位经营收入", "经营收入"),
    ("其他收入", "其他收入"),
    ("收入总计", "合计"),
];

impl Check for BudgetSummaryVsTables {
    fn check(&self, document: &ParseReport, checker: &mut Checker) {
        let Some((ts, summary)) = lookup::summary(document, Form::BudgetSummary) else { return };
        if let Some((ti, income)) = lookup::classified(document, Form::BudgetIncome) {
            for (label, column_end) in INCOME_LINES {
                let Some(line) = budget::summary_line(summary, Side::Income, label) else { continue };
                let (Some((column, stated)), Some(column_i), Some(total)) =
                    (budget::first_value(summary, line), budget::column_ending(income, column_end), &income.total)
                else {
                    continue;
                };
                if let Some(value) = total.values.get(column_i) {
                    checker.equal(
                        &Self::INFO,
                        Term::cell(ts, &line.label, column, stated),
                        budget::cell(ti, total, column_i, value),
                    );
                }
            }
        }
        let Some((te, expenditure)) = lookup::classified(document, Form::BudgetExpenditure) else { return };
        let (Some(total_e), project_e) =
            (budget::total_column(expenditure), budget::column_ending(expenditure, "项目支出"))
        else {
            return;
        };
        for line in summary.lines.iter().filter(|l| l.side == Side::Expenditure) {
            let row = match (&line.class_code, line.label.as_str()) {
                (Some(code), _) => lookup::row(expenditure, code),
                (None, "支出总计") => expenditure.total.as_ref(),
                _ => None,
            };
            let (Some(row), Some((column, stated))) = (row, budget::first_value(summary, line)) else { continue };
            let pairs = [(column, Some(stated), Some(total_e)), ("项目支出", line.values.get("项目支出"), project_e)];
            for (column, stated, column_e) in pairs {
                let (Some(stated), Some(column_e)) = (stated, column_e) else { continue };
                if let Some(value) = row.values.get(column_e) {
                    checker.equal(
                        &Self::INFO,
                        Term::cell(ts, &line.label, column, stated),
                        budget::cell(te, row, column_e, value),
                    );
                }
            }
        }
    }
}
