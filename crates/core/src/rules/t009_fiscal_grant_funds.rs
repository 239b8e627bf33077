use super::{declare_rule, lookup, Check};
use crate::check::Checker;
use crate::finding::Term;
use crate::model::Side;
use crate::recognise::Form;
use crate::report::ParseReport;

declare_rule! {
    /// ## What
    /// In 财政拨款收入支出决算总表 (04):
    /// - on every line that has a `合计` column and fund columns, `合计` = 一般公共预算财政拨款
    ///   + 政府性基金预算财政拨款 + 国有资本经营预算财政拨款;
    /// - for each fund whose four figures the table gives, 年初财政拨款结转和结余 + 本年收入 −
    ///   本年支出合计 = 年末财政拨款结转和结余 (the fund's own balance).
    ///
    /// ## Why
    /// The three funds are kept apart by law; each must balance on its own, and the 合计
    /// column is nothing but their sum. A fund that does not balance means money was put in the
    /// wrong column or a carry-over was left out.
    ///
    /// ## Example
    /// `一、一般公共服务支出 | 280.72 | 280.72 | 0.00 | 0.00`: holds. 一般公共预算财政拨款
    /// 收入 `280.72`, 年初 `0.00`, 本年支出合计 `280.72`, 年末 `0.00`: holds; 年末 `10.00`: error.
    ///
    /// ## Source
    /// 部门决算公开 template (公开04表); docs/domain.md §4.
    pub struct FiscalGrantFunds {
        code: "T009",
        name: "fiscal-grant-funds",
        title_zh: "财政拨款收入支出决算总表分资金来源不平衡",
        title_en: "财政拨款收入支出决算总表 fund columns do not add up or balance",
        category: TableArithmetic,
        severity: Error,
    }
}

const TOTAL_COLUMN: &str = "合计";

impl Check for FiscalGrantFunds {
    fn check(&self, document: &ParseReport, checker: &mut Checker) {
        let Some((table, summary)) = lookup::summary(document, Form::FiscalGrantSummary) else { return };
        for line in &summary.lines {
            let Some(total) = line.values.get(TOTAL_COLUMN) else { continue };
            let parts: Vec<_> = lookup::FISCAL_FUNDS
                .iter()
                .filter_map(|fund| line.values.get(*fund).map(|v| (Term::cell(table, &line.label, fund, v), true)))
                .collect();
            if !parts.is_empty() {
                checker.sum(&Self::INFO, Term::cell(table, &line.label, TOTAL_COLUMN, total), &parts);
            }
        }
        for fund in lookup::FISCAL_FUNDS {
            let figures = (
                lookup::fund_opening(summary, fund),
                lookup::fund_income(summary, fund),
                lookup::fund_cell(summary, Side::Expenditure, "本年支出合计", fund),
                lookup::fund_cell(summary, Side::Expenditure, "年末财政拨款结转和结余", fund),
            );
            let (Some(opening), Some(income), Some(spending), Some(closing)) = figures else { continue };
            let [closing, opening, income, spending] = [closing, opening, income, spending]
                .map(|(row, column, amount)| Term::cell(table, &row, column, amount));
            checker.sum(&Self::INFO, closing, &[(opening, true), (income, true), (spending, false)]);
        }
    }
}
