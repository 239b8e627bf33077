use super::{budget, declare_rule, lookup, Check};
use crate::check::Checker;
use crate::finding::Term;
use crate::model::Side;
use crate::recognise::Form;
use crate::report::ParseReport;

declare_rule! {
    /// ## What
    /// A budget's 财政拨款收支预算总表 against the three function tables: each fund column
    /// (一般公共预算, 政府性基金预算, 国有资本经营预算) of a 类 line equals that 类 row's total in the
    /// fund's 支出功能分类预算表, its `支出总计` the table's `合计` row, and the fund's income line
    /// (`一般公共预算资金`, `政府性基金`, `国有资本经营预算`) the same `合计`.
    ///
    /// ## Why
    /// 财政拨款 is the three funds; each function table details one of them.
    ///
    /// ## Example
    /// 财政拨款收支预算总表 `八、城乡社区支出 · 一般公共预算 119,385,303` and 一般公共预算支出功能分类预算表
    /// `212 城乡社区支出 119,385,303`: holds.
    ///
    /// ## Source
    /// 上海市部门预算公开 templates (部门财政拨款收支预算总表 and the three 功能分类预算表); docs/domain.md §8.
    pub struct BudgetFiscalGrantVsFunctions {
        code: "X011",
        name: "budget-fiscal-grant-vs-functions",
        title_zh: "财政拨款收支预算总表与功能分类预算表不符",
        title_en: "Budget fiscal-grant summary differs from the function tables",
        category: CrossTable,
        severity: Error,
    }
}

/// Fund column of 财政拨款收支预算总表, its income line's name (without `资金`/`预算`), its table.
const FUNDS: [(&str, &str, Form); 3] = [
    ("一般公共预算", "一般公共预算", Form::BudgetGeneral),
    ("政府性基金预算", "政府性基金", Form::BudgetGovernmentFund),
    ("国有资本经营预算", "国有资本经营", Form::BudgetStateCapital),
];

impl Check for BudgetFiscalGrantVsFunctions {
    fn check(&self, document: &ParseReport, checker: &mut Checker) {
        let Some((ts, summary)) = lookup::summary(document, Form::BudgetFiscalGrantSummary) else { return };
        for (column, income_name, form) in FUNDS {
            let Some((tf, functions)) = lookup::classified(document, form) else { continue };
            let Some(total_f) = budget::total_column(functions) else { continue };
            for line in summary.lines.iter().filter(|l| l.side == Side::Expenditure) {
                let Some(stated) = line.values.get(column) else { continue };
                let row = match (&line.class_code, line.label.as_str()) {
                    (Some(code), _) => lookup::row(functions, code),
                    (None, "支出总计") => functions.total.as_ref(),
                    _ => None,
                };
                if let Some((row, value)) = row.and_then(|r| r.values.get(total_f).map(|v| (r, v))) {
                    checker.equal(
                        &Self::INFO,
                        Term::cell(ts, &line.label, column, stated),
                        budget::cell(tf, row, total_f, value),
                    );
                }
            }
            let income = summary.lines.iter().find(|l| l.side == Side::Income && l.label.starts_with(income_name));
            let total = functions.total.as_ref().and_then(|r| r.values.get(total_f).map(|v| (r, v)));
            if let (Some(line), Some((row, value))) = (income, total) {
                if let Some((c, stated)) = budget::first_value(summary, line) {
                    checker.equal(
                        &Self::INFO,
                        Term::cell(ts, &line.label, c, stated),
                        budget::cell(tf, row, total_f, value),
                    );
                }
            }
        }
    }
}
