use super::{declare_rule, lookup, Check};
use crate::check::Checker;
use crate::finding::Term;
use crate::model::Side;
use crate::recognise::Form;
use crate::report::ParseReport;

declare_rule! {
    /// ## What
    /// 收入支出决算总表 (01) and 收入决算表 (02) state the same income: 01 `本年收入合计` =
    /// 02 合计 `本年收入合计`; 01's three 财政拨款 lines together = 02 合计 `财政拨款收入`;
    /// 01 上级补助, 事业, 经营, 附属单位上缴 and 其他收入 = the 02 合计 of the same column.
    ///
    /// ## Why
    /// 02 details by 科目 the income that 01 summarises; the two must be the same money.
    ///
    /// ## Example
    /// 01 `一般公共预算财政拨款收入 280.72` and 02 合计 `财政拨款收入 280.72`: holds.
    ///
    /// ## Source
    /// 部门决算公开 templates (公开01表, 公开02表); docs/domain.md §4 (across tables).
    pub struct SummaryVsIncome {
        code: "X001",
        name: "summary-vs-income",
        title_zh: "收入支出决算总表与收入决算表不一致",
        title_en: "收入支出决算总表 income differs from 收入决算表",
        category: CrossTable,
        severity: Error,
    }
}

const FISCAL_GRANT_LINES: [&str; 3] =
    ["一般公共预算财政拨款收入", "政府性基金预算财政拨款收入", "国有资本经营预算财政拨款收入"];
const SAME_COLUMNS: [&str; 6] =
    ["本年收入合计", "上级补助收入", "事业收入", "经营收入", "附属单位上缴收入", "其他收入"];

impl Check for SummaryVsIncome {
    fn check(&self, document: &ParseReport, checker: &mut Checker) {
        let (Some((t01, summary)), Some((t02, income))) =
            (lookup::summary(document, Form::IncomeExpenditureSummary), lookup::classified(document, Form::Income))
        else {
            return;
        };
        let Some(total_row) = &income.total else { return };
        let summary_term = |label: &str| {
            lookup::line(summary, Side::Income, label)
                .and_then(lookup::only_value)
                .map(|(column, v)| Term::cell(t01, label, column, v))
        };
        for column in SAME_COLUMNS {
            if let (Some(stated), Some(other)) = (summary_term(column), total_row.values.get(column)) {
                checker.equal(&Self::INFO, stated, Term::cell(t02, "合计", column, other));
            }
        }
        let grants: Vec<_> = FISCAL_GRANT_LINES.iter().filter_map(|l| summary_term(l).map(|t| (t, true))).collect();
        if let (false, Some(stated)) = (grants.is_empty(), total_row.values.get("财政拨款收入")) {
            checker.sum(&Self::INFO, Term::cell(t02, "合计", "财政拨款收入", stated), &grants);
        }
    }
}
