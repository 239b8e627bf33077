use super::{declare_rule, lookup, Check};
use crate::check::Checker;
use crate::finding::Term;
use crate::report::ParseReport;

declare_rule! {
    /// ## What
    /// The 公用经费 lines of the 部门整体支出绩效评价基础数据表 that name 06 items add up to those
    /// items' 决算数 in the same document: `水费、电费、差旅费` = 30205 水费 + 30206 电费 + 30211
    /// 差旅费, `会议费、培训费` = 30215 会议费 + 30216 培训费. A line whose items 06 does not all
    /// list, or a blank cell, is not checked; a `0` there is exactly zero. Each line is one
    /// relation. (`办公经费` is left alone: templates and units read it as 办公费 alone or with
    /// 印刷费, 邮电费 and more.)
    ///
    /// ## Why
    /// The 基础数据表 is filled by hand beside the 决算; its 公用经费 lines should be the
    /// published 06 figures, or the evaluation of 厉行节约 rests on other numbers. A
    /// 基础数据表 that counts other funds than 一般公共预算财政拨款 may differ for that reason:
    /// a warning, to be explained, and the diagnosis does not say which figure is wrong.
    ///
    /// ## Example
    /// 基础数据表 `水费、电费、差旅费 … 45.58` against 06 水费 3.89 + 电费 3.44 + 差旅费 35.47 =
    /// 42.80: warning. `会议费、培训费 … 1.22` against 会议费 0.60 + 培训费 0.62: holds.
    ///
    /// ## Source
    /// 部门整体支出绩效评价基础数据表 template (湘财绩〔2020〕7号); 部门决算公开 06表 (一般公共
    /// 预算财政拨款基本支出决算明细表); docs/domain.md §7.
    pub struct BasicDataExpenseItems {
        code: "P013",
        name: "basic-data-expense-items",
        title_zh: "基础数据表公用经费明细与06表不符",
        title_en: "Basic data expense lines differ from table 06",
        category: CrossTable,
        severity: Warning,
        review: true,
    }
}

/// Each line (its label without `、`) and the 06 items it sums.
const LINES: [(&str, &[&str]); 2] =
    [("水费电费差旅费", &["30205", "30206", "30211"]), ("会议费培训费", &["30215", "30216"])];

impl Check for BasicDataExpenseItems {
    fn check(&self, document: &ParseReport, checker: &mut Checker) {
        let Some((table, basic)) = lookup::basic_data(document) else { return };
        let Some((t06, economic)) = lookup::economic(document) else { return };
        for (line, codes) in LINES {
            let Some(row) = basic.rows.iter().find(|row| row.label.replace(['、', ',', '，', ' '], "") == line)
            else {
                continue;
            };
            let Some(stated) = row.values.get(lookup::BASIC_ACTUAL).map(lookup::basic_figure) else { continue };
            let parts: Option<Vec<(Term, bool)>> = codes
                .iter()
                .map(|code| {
                    let item = economic.items.iter().find(|item| item.code == *code)?;
                    Some((lookup::economic_term(t06, item, item.amount.as_ref()?), true))
                })
                .collect();
            let Some(parts) = parts else { continue };
            checker.sum(&Self::INFO, Term::cell(table, &row.label, lookup::BASIC_ACTUAL, &stated), &parts);
            checker.aside();
        }
    }
}
