use super::{declare_rule, lookup, Check};
use crate::check::Checker;
use crate::finding::Term;
use crate::model::Amount;
use crate::recognise::{Form, RecognisedTable};
use crate::report::ParseReport;

declare_rule! {
    /// ## What
    /// The `本年决算数` column of the 部门整体支出绩效评价基础数据表 agrees with the 决算 tables of
    /// the same document: `三公经费` and each of its items with 09 决算数 (合计, 公务用车购置及运行费
    /// 小计, 购置费, 运行费, 因公出国(境)费, 公务接待费); `公用经费` with 06 `公用经费合计`;
    /// `项目支出` with 03 合计 `项目支出` (05's when there is no 03). Category 表间勾稽: the same
    /// figure stated in two tables. A blank cell of the 基础数据表 is not checked; a `0` there is
    /// exactly zero.
    ///
    /// ## Why
    /// The evaluation scores the 基础数据表; its 决算 figures must be the ones the department
    /// published in its final accounts, or the score rests on different numbers.
    ///
    /// ## Example
    /// 基础数据表 `公车运行维护 … 26.42` against 09 公务用车运行费 决算数 `16.71`: does not hold.
    /// `公用经费 … 176.4` against 06 `公用经费合计 176.40`: holds.
    ///
    /// ## Source
    /// 部门整体支出绩效评价基础数据表 template (湘财绩〔2020〕7号); 部门决算公开 templates
    /// (公开03、05、06、09表); docs/domain.md §7.
    pub struct BasicDataVsFinalAccounts {
        code: "P012",
        name: "basic-data-vs-final-accounts",
        title_zh: "基础数据表决算数与决算报表不符",
        title_en: "Basic data actuals differ from the final-accounts tables",
        category: CrossTable,
        severity: Error,
    }
}

const PROJECTS: &str = "项目支出";

impl Check for BasicDataVsFinalAccounts {
    fn check(&self, document: &ParseReport, checker: &mut Checker) {
        let Some((table, basic)) = lookup::basic_data(document) else { return };
        let mut compare = |label: &str, other: Term| {
            if let Some(stated) = lookup::basic_row(basic, label)
                .and_then(|row| row.values.get(lookup::BASIC_ACTUAL))
                .map(lookup::basic_figure)
            {
                checker.equal(&Self::INFO, Term::cell(table, label, lookup::BASIC_ACTUAL, &stated), other);
            }
        };

        if let Some((t09, three)) = lookup::three_public(document) {
            let actual = &three.actual;
            let amounts = [
                &actual.total,
                &actual.vehicle_subtotal,
                &actual.vehicle_purchase,
                &actual.vehicle_operation,
                &actual.abroad,
                &actual.reception,
            ];
            for (&(label, row09), amount) in lookup::THREE_PUBLIC_BASIC_ROWS.iter().zip(amounts) {
                if let Some(amount) = amount {
                    compare(label, Term::cell(t09, row09, "决算数", amount));
                }
            }
        }

        if let Some((t06, public)) =
            lookup::economic(document).and_then(|(t, e)| e.public_total.as_ref().map(|a| (t, a)))
        {
            compare("公用经费", Term::cell(t06, "公用经费合计", "决算数", public));
        }

        if let Some((t0305, column, amount)) = final_accounts_projects(document) {
            compare(PROJECTS, Term::cell(t0305, "合计", column, amount));
        }
    }
}

/// 03's 合计 项目支出, or 05's when the document has no 03 with one.
fn final_accounts_projects(document: &ParseReport) -> Option<(&RecognisedTable, &str, &Amount)> {
    [Form::Expenditure, Form::GeneralBudgetExpenditure].into_iter().find_map(|form| {
        let (table, classified) = lookup::classified(document, form)?;
        let column = lookup::column_named(classified, &[PROJECTS])?;
        let amount = classified.total.as_ref()?.values.get(column)?;
        Some((table, column, amount))
    })
}
