use super::{declare_rule, lookup, verdicts, Check};
use crate::check::Checker;
use crate::model::Side;
use crate::recognise::Form;
use crate::report::ParseReport;

declare_rule! {
    /// ## What
    /// In 收入支出决算总表 (01) and 财政拨款收入支出决算总表 (04), `本年支出合计` equals the sum
    /// of the functional-class lines listed above it (一般公共服务支出, 外交支出, …), in every
    /// value column (04: 合计 and each fund column).
    ///
    /// ## Why
    /// The class lines are the spending by purpose; they must account for all spending.
    ///
    /// ## Example
    /// `一、一般公共服务支出 280.72`, other lines `0.00`, `本年支出合计 280.72`: holds.
    ///
    /// ## Source
    /// 部门决算公开 templates (公开01表, 公开04表); docs/domain.md §4.
    pub struct SummaryExpenditureTotal {
        code: "T002",
        name: "summary-expenditure-total",
        title_zh: "本年支出合计与各类支出不符",
        title_en: "Expenditure total differs from the class lines",
        category: TableArithmetic,
        severity: Error,
    }
}

impl Check for SummaryExpenditureTotal {
    fn check(&self, document: &ParseReport, checker: &mut Checker) {
        for form in [Form::IncomeExpenditureSummary, Form::FiscalGrantSummary] {
            if let Some((table, summary)) = lookup::summary(document, form) {
                verdicts::check_side_total(&Self::INFO, checker, table, summary, Side::Expenditure, "本年支出合计");
            }
        }
    }
}
