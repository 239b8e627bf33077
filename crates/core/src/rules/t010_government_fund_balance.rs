use super::{declare_rule, lookup, Check};
use crate::check::Checker;
use crate::finding::Term;
use crate::model::ClassifiedTable;
use crate::recognise::Form;
use crate::report::ParseReport;

declare_rule! {
    /// ## What
    /// In 政府性基金预算财政拨款收入支出决算表 (07), on the 合计 row and every 科目 row:
    /// `年初结转和结余` + `本年收入` − `本年支出 小计` = `年末结转和结余`.
    ///
    /// ## Why
    /// 政府性基金 money is carried over by fund and 科目: what is left at the end of the year is
    /// what there was at the start, plus what came in, minus what was spent.
    ///
    /// ## Example
    /// `合计 | 10.00 | 50.00 | 45.00 | 45.00 | 0.00 | 15.00`: holds. 年末 `5.00`: error,
    /// the parts give `15.00`.
    ///
    /// ## Source
    /// 部门决算公开 template (公开07表); docs/domain.md §4.
    pub struct GovernmentFundBalance {
        code: "T010",
        name: "government-fund-balance",
        title_zh: "政府性基金结转结余不平衡",
        title_en: "Government fund carry-over does not balance",
        category: TableArithmetic,
        severity: Error,
    }
}

/// The four columns of the balance: 年初, 本年收入, 本年支出 (小计), 年末.
struct BalanceColumns<'a> {
    opening: &'a str,
    income: &'a str,
    spending: &'a str,
    closing: &'a str,
}

fn balance_columns(table: &ClassifiedTable) -> Option<BalanceColumns<'_>> {
    let find = |accept: &dyn Fn(&str) -> bool| table.columns.iter().map(String::as_str).find(|c| accept(c));
    Some(BalanceColumns {
        opening: find(&|c| c.starts_with("年初"))?,
        income: find(&|c| c.starts_with("本年收入"))?,
        spending: find(&|c| c == "本年支出")
            .or_else(|| find(&|c| c.starts_with("本年支出/") && (c.ends_with("小计") || c.ends_with("合计"))))?,
        closing: find(&|c| c.starts_with("年末"))?,
    })
}

impl Check for GovernmentFundBalance {
    fn check(&self, document: &ParseReport, checker: &mut Checker) {
        let Some((table, fund)) = lookup::classified(document, Form::GovernmentFund) else { return };
        let Some(columns) = balance_columns(fund) else { return };
        for row in fund.total.iter().chain(&fund.rows) {
            let Some(closing) = row.values.get(columns.closing) else { continue };
            let label = lookup::row_label(row);
            let parts: Vec<_> = [(columns.opening, true), (columns.income, true), (columns.spending, false)]
                .into_iter()
                .filter_map(|(column, add)| row.values.get(column).map(|v| (Term::cell(table, &label, column, v), add)))
                .collect();
            if !parts.is_empty() {
                checker.sum(&Self::INFO, Term::cell(table, &label, columns.closing, closing), &parts);
            }
        }
    }
}
