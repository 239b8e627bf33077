use super::{declare_rule, lookup, verdicts, Check};
use crate::check::Checker;
use crate::model::Side;
use crate::recognise::Form;
use crate::report::ParseReport;

declare_rule! {
    /// ## What
    /// In 收入支出决算总表 (01) and 财政拨款收入支出决算总表 (04), `本年收入合计` equals the sum
    /// of the income lines listed above it (一般公共预算财政拨款收入, 政府性基金, 国有资本经营,
    /// 上级补助, 事业, 经营, 附属单位上缴, 其他收入), in every value column.
    ///
    /// ## Why
    /// It is the first total a reader checks; a wrong one means a line was left out or mistyped.
    ///
    /// ## Example
    /// `一、一般公共预算财政拨款收入 280.72`, other lines `0.00`, `本年收入合计 280.72`: holds.
    /// `本年收入合计 290.72`: error, `280.72 ≠ 290.72`.
    ///
    /// ## Source
    /// 部门决算公开 templates (公开01表, 公开04表); docs/domain.md §4.
    pub struct SummaryIncomeTotal {
        code: "T001",
        name: "summary-income-total",
        title_zh: "本年收入合计与各项收入不符",
        title_en: "Income total differs from the income lines",
        category: TableArithmetic,
        severity: Error,
    }
}

impl Check for SummaryIncomeTotal {
    fn check(&self, document: &ParseReport, checker: &mut Checker) {
        for form in [Form::IncomeExpenditureSummary, Form::FiscalGrantSummary] {
            if let Some((table, summary)) = lookup::summary(document, form) {
                verdicts::check_side_total(&Self::INFO, checker, table, summary, Side::Income, "本年收入合计");
            }
        }
    }
}
