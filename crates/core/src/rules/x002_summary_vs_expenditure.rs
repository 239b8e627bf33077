use super::{declare_rule, lookup, Check};
use crate::check::Checker;
use crate::finding::Term;
use crate::model::Side;
use crate::recognise::Form;
use crate::report::ParseReport;

declare_rule! {
    /// ## What
    /// 收入支出决算总表 (01) and 支出决算表 (03) state the same spending: 01 `本年支出合计` =
    /// 03 合计 `本年支出合计`, and each functional-class line of 01 (一般公共服务支出 …) = the
    /// 03 `本年支出合计` of that 类 (its 类 row, or the sum of its rows when 03 lists only 款 or 项).
    ///
    /// ## Why
    /// 03 details by 科目 the spending that 01 summarises by 类.
    ///
    /// ## Example
    /// 01 `一、一般公共服务支出 280.72` and 03 `201 一般公共服务支出 280.72`: holds.
    ///
    /// ## Source
    /// 部门决算公开 templates (公开01表, 公开03表); docs/domain.md §4 (across tables).
    pub struct SummaryVsExpenditure {
        code: "X002",
        name: "summary-vs-expenditure",
        title_zh: "收入支出决算总表与支出决算表不一致",
        title_en: "收入支出决算总表 spending differs from 支出决算表",
        category: CrossTable,
        severity: Error,
    }
}

const TOTAL: &str = "本年支出合计";

impl Check for SummaryVsExpenditure {
    fn check(&self, document: &ParseReport, checker: &mut Checker) {
        let (Some((t01, summary)), Some((t03, expenditure))) = (
            lookup::summary(document, Form::IncomeExpenditureSummary),
            lookup::classified(document, Form::Expenditure),
        ) else {
            return;
        };
        if let (Some((column, stated)), Some(other)) = (
            lookup::line(summary, Side::Expenditure, TOTAL).and_then(lookup::only_value),
            expenditure.total.as_ref().and_then(|t| t.values.get(TOTAL)),
        ) {
            checker.equal(&Self::INFO, Term::cell(t01, TOTAL, column, stated), Term::cell(t03, "合计", TOTAL, other));
        }
        let top = lookup::children(expenditure, &lookup::parents(expenditure), None);
        for line in summary.lines.iter().filter(|l| l.side == Side::Expenditure) {
            let (Some(class), Some((column, stated))) = (&line.class_code, lookup::only_value(line)) else { continue };
            let parts: Vec<_> = top
                .iter()
                .filter(|r| r.code.as_deref().is_some_and(|c| c.starts_with(class.as_str())))
                .filter_map(|r| r.values.get(TOTAL).map(|v| (Term::cell(t03, &lookup::row_label(r), TOTAL, v), true)))
                .collect();
            if !parts.is_empty() {
                checker.sum(&Self::INFO, Term::cell(t01, &line.label, column, stated), &parts);
            }
        }
    }
}
