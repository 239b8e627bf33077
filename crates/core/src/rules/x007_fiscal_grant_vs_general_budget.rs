use super::{declare_rule, lookup, Check};
use crate::check::Checker;
use crate::finding::Term;
use crate::model::{Amount, Side};
use crate::recognise::Form;
use crate::report::ParseReport;

declare_rule! {
    /// ## What
    /// 财政拨款收入支出决算总表 (04) and 一般公共预算财政拨款支出决算表 (05) state the same
    /// 一般公共预算 spending: each functional-class line of 04, column `一般公共预算财政拨款`,
    /// = the 05 `小计` of that 类 (its 类 row, or the sum of its rows when 05 lists only 款 or 项);
    /// 04 `本年支出合计` · 一般公共预算财政拨款 = 05 合计 `小计`. When there is no carry-over
    /// (04's 一般公共预算 年初 and 年末 结转和结余 are 0; without 04, 01's 年初 and 年末 结转和结余),
    /// also 01 `一般公共预算财政拨款收入` = 05 合计 `小计`.
    ///
    /// ## Why
    /// 05 details by 科目 the 一般公共预算 column of 04; without carry-over, what was received is
    /// what was spent.
    ///
    /// ## Example
    /// 04 `一、一般公共服务支出 … 一般公共预算财政拨款 280.72` and 05 `201 一般公共服务支出 280.72`:
    /// holds.
    ///
    /// ## Source
    /// 部门决算公开 templates (公开01表, 公开04表, 公开05表); docs/domain.md §4 (across tables).
    pub struct FiscalGrantVsGeneralBudget {
        code: "X007",
        name: "fiscal-grant-vs-general-budget",
        title_zh: "一般公共预算财政拨款与一般公共预算财政拨款支出决算表不一致",
        title_en: "一般公共预算财政拨款 figure differs from 一般公共预算财政拨款支出决算表",
        category: CrossTable,
        severity: Error,
    }
}

const GENERAL_BUDGET: &str = lookup::FISCAL_FUNDS[0];
const SUBTOTAL: [&str; 2] = ["小计", "合计"];

impl Check for FiscalGrantVsGeneralBudget {
    fn check(&self, document: &ParseReport, checker: &mut Checker) {
        let Some((t05, general)) = lookup::classified(document, Form::GeneralBudgetExpenditure) else { return };
        let Some(subtotal) = lookup::column_named(general, &SUBTOTAL) else { return };
        let total05 =
            general.total.as_ref().and_then(|t| t.values.get(subtotal)).map(|v| Term::cell(t05, "合计", subtotal, v));
        let grants = lookup::summary(document, Form::FiscalGrantSummary);
        if let Some((t04, summary)) = grants {
            let top = lookup::children(general, &lookup::parents(general), None);
            for line in summary.lines.iter().filter(|l| l.side == Side::Expenditure) {
                let (Some(class), Some(stated)) = (&line.class_code, line.values.get(GENERAL_BUDGET)) else { continue };
                let parts: Vec<_> = top
                    .iter()
                    .filter(|r| r.code.as_deref().is_some_and(|c| c.starts_with(class.as_str())))
                    .filter_map(|r| {
                        r.values.get(subtotal).map(|v| (Term::cell(t05, &lookup::row_label(r), subtotal, v), true))
                    })
                    .collect();
                if !parts.is_empty() {
                    checker.sum(&Self::INFO, Term::cell(t04, &line.label, GENERAL_BUDGET, stated), &parts);
                }
            }
            if let (Some((row, column, stated)), Some(other)) =
                (lookup::fund_cell(summary, Side::Expenditure, "本年支出合计", GENERAL_BUDGET), &total05)
            {
                checker.equal(&Self::INFO, Term::cell(t04, &row, column, stated), other.clone());
            }
        }
        let Some((t01, summary01)) = lookup::summary(document, Form::IncomeExpenditureSummary) else { return };
        let carry_over: Option<[&Amount; 2]> = match grants {
            Some((_, summary)) => lookup::fund_opening(summary, GENERAL_BUDGET)
                .zip(lookup::fund_cell(summary, Side::Expenditure, "年末财政拨款结转和结余", GENERAL_BUDGET))
                .map(|((_, _, opening), (_, _, closing))| [opening, closing]),
            None => lookup::top_line(summary01, Side::Income, "年初结转和结余")
                .and_then(lookup::only_value)
                .zip(lookup::top_line(summary01, Side::Expenditure, "年末结转和结余").and_then(lookup::only_value))
                .map(|((_, opening), (_, closing))| [opening, closing]),
        };
        let no_carry_over = carry_over.is_some_and(|amounts| amounts.iter().all(|a| a.number.value.is_zero()));
        let income = lookup::top_line(summary01, Side::Income, "一般公共预算财政拨款收入").and_then(lookup::only_value);
        if let (true, Some((column, stated)), Some(other)) = (no_carry_over, income, total05) {
            checker.equal(&Self::INFO, Term::cell(t01, "一般公共预算财政拨款收入", column, stated), other);
        }
    }
}
