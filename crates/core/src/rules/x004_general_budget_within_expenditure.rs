use super::{declare_rule, lookup, Check};
use crate::check::Checker;
use crate::finding::Term;
use crate::recognise::Form;
use crate::report::ParseReport;

declare_rule! {
    /// ## What
    /// Every row of 一般公共预算财政拨款支出决算表 (05) is part of the same 科目 in 支出决算表 (03):
    /// 05 `小计` ≤ 03 `本年支出合计`, 05 `基本支出` ≤ 03 `基本支出`, 05 `项目支出` ≤ 03 `项目支出`,
    /// for the 合计 row and each 科目编码 (equal when all money is 一般公共预算).
    ///
    /// ## Why
    /// 一般公共预算财政拨款 is one source of the unit's spending; it cannot exceed the whole.
    ///
    /// ## Example
    /// 05 `2010301 行政运行 211.60` and 03 `2010301 行政运行 211.60`: holds.
    ///
    /// ## Source
    /// 部门决算公开 templates (公开03表, 公开05表); docs/domain.md §4 (across tables).
    pub struct GeneralBudgetWithinExpenditure {
        code: "X004",
        name: "general-budget-within-expenditure",
        title_zh: "一般公共预算财政拨款支出超过支出决算",
        title_en: "一般公共预算财政拨款 spending exceeds 支出决算表",
        category: CrossTable,
        severity: Error,
    }
}

/// 05 column (last header segment) → 03 column.
const COLUMN_PAIRS: [(&str, &str); 3] = [("小计", "本年支出合计"), ("基本支出", "基本支出"), ("项目支出", "项目支出")];

impl Check for GeneralBudgetWithinExpenditure {
    fn check(&self, document: &ParseReport, checker: &mut Checker) {
        let (Some((t05, general)), Some((t03, expenditure))) = (
            lookup::classified(document, Form::GeneralBudgetExpenditure),
            lookup::classified(document, Form::Expenditure),
        ) else {
            return;
        };
        let pairs = general
            .total
            .iter()
            .map(|r| (r, expenditure.total.as_ref()))
            .chain(general.rows.iter().map(|r| (r, r.code.as_deref().and_then(|c| lookup::row(expenditure, c)))));
        for (row05, row03) in pairs {
            let Some(row03) = row03 else { continue };
            let label = lookup::row_label(row05);
            for (column05, value05) in &row05.values {
                let last = column05.rsplit('/').next().unwrap_or(column05);
                let Some((_, column03)) = COLUMN_PAIRS.iter().find(|(c05, _)| *c05 == last) else { continue };
                if let Some(value03) = row03.values.get(*column03) {
                    checker.at_most(
                        &Self::INFO,
                        Term::cell(t05, &label, column05, value05),
                        Term::cell(t03, &lookup::row_label(row03), column03, value03),
                    );
                }
            }
        }
    }
}
