use super::{declare_rule, lookup, Check};
use crate::check::Checker;
use crate::finding::Term;
use crate::model::Side;
use crate::recognise::Form;
use crate::report::ParseReport;

declare_rule! {
    /// ## What
    /// 收入支出决算总表 (01) and 财政拨款收入支出决算总表 (04) state the same 财政拨款 income:
    /// 01 `一般公共预算财政拨款收入` = 04 `一般公共预算财政拨款` (likewise 政府性基金 and
    /// 国有资本经营), and 04 `本年收入合计` = the sum of 01's three 财政拨款 lines.
    ///
    /// ## Why
    /// 04 is the 财政拨款 part of 01; the appropriations a unit received are one set of figures.
    ///
    /// ## Example
    /// 01 `一、一般公共预算财政拨款收入 280.72` and 04 `一、一般公共预算财政拨款 280.72`: holds.
    ///
    /// ## Source
    /// 部门决算公开 templates (公开01表, 公开04表); docs/domain.md §4 (across tables).
    pub struct SummaryVsFiscalGrantIncome {
        code: "X006",
        name: "summary-vs-fiscal-grant-income",
        title_zh: "收入支出决算总表与财政拨款收入支出决算总表收入不一致",
        title_en: "收入支出决算总表 fiscal grant income differs from 财政拨款收入支出决算总表",
        category: CrossTable,
        severity: Error,
    }
}

/// 01's income line for each of [`lookup::FISCAL_FUNDS`].
const SUMMARY_GRANT_LINES: [&str; 3] =
    ["一般公共预算财政拨款收入", "政府性基金预算财政拨款收入", "国有资本经营预算财政拨款收入"];

impl Check for SummaryVsFiscalGrantIncome {
    fn check(&self, document: &ParseReport, checker: &mut Checker) {
        let (Some((t01, summary)), Some((t04, grants))) = (
            lookup::summary(document, Form::IncomeExpenditureSummary),
            lookup::summary(document, Form::FiscalGrantSummary),
        ) else {
            return;
        };
        let summary_lines: Vec<_> = SUMMARY_GRANT_LINES
            .iter()
            .map(|label| {
                lookup::top_line(summary, Side::Income, label)
                    .and_then(lookup::only_value)
                    .map(|(column, v)| Term::cell(t01, label, column, v))
            })
            .collect();
        for (fund, summary_line) in lookup::FISCAL_FUNDS.iter().zip(&summary_lines) {
            if let (Some(stated), Some((row, column, amount))) = (summary_line, lookup::fund_income(grants, fund)) {
                checker.equal(&Self::INFO, stated.clone(), Term::cell(t04, &row, column, amount));
            }
        }
        let parts: Vec<_> = summary_lines.into_iter().flatten().map(|t| (t, true)).collect();
        let total = lookup::top_line(grants, Side::Income, "本年收入合计")
            .and_then(|line| line.values.get_key_value("金额").or_else(|| line.values.get_key_value("合计")));
        if let (false, Some((column, stated))) = (parts.is_empty(), total) {
            checker.sum(&Self::INFO, Term::cell(t04, "本年收入合计", column, stated), &parts);
        }
    }
}
