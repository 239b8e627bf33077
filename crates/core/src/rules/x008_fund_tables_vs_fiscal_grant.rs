use super::{declare_rule, lookup, Rule, RuleInfo};
use crate::check::{Checker, Term};
use crate::model::Side;
use crate::recognise::Form;
use crate::report::ParseReport;

declare_rule! {
    /// ## What
    /// The fund tables agree with the fund columns of 财政拨款收入支出决算总表 (04), where they
    /// have figures: 政府性基金预算财政拨款收入支出决算表 (07) 合计 `年初结转和结余`, `本年收入`,
    /// `本年支出 小计` and `年末结转和结余` = 04's 政府性基金预算财政拨款 年初 line, income
    /// line, `本年支出合计` and `年末财政拨款结转和结余`; 国有资本经营预算财政拨款支出决算表
    /// (08) 合计 `本年支出 合计` = 04 `本年支出合计` · 国有资本经营预算财政拨款.
    ///
    /// ## Why
    /// 07 and 08 detail by 科目 the 政府性基金 and 国有资本经营 columns of 04.
    ///
    /// ## Example
    /// 07 合计 `本年支出 小计 45.00` and 04 `本年支出合计` · 政府性基金预算财政拨款 `45.00`: holds.
    ///
    /// ## Source
    /// 部门决算公开 templates (公开04表, 公开07表, 公开08表); DOMAIN.md §4 (across tables).
    pub struct FundTablesVsFiscalGrant {
        code: "X008",
        name: "fund-tables-vs-fiscal-grant",
        title_zh: "政府性基金、国有资本经营决算表与财政拨款收入支出决算总表不一致",
        title_en: "Tables 07 and 08 differ from table 04's fund columns",
        category: CrossTable,
        severity: Error,
    }
}

const GOVERNMENT_FUND: &str = lookup::FISCAL_FUNDS[1];
const STATE_CAPITAL: &str = lookup::FISCAL_FUNDS[2];

/// Which 04 figure a column of 07 or 08 matches.
#[derive(Clone, Copy)]
enum Counterpart {
    Opening,
    Income,
    Spending,
    Closing,
}

impl Counterpart {
    /// The counterpart of a 07/08 column key, if it has one.
    fn of(column: &str) -> Option<Self> {
        let last = column.rsplit('/').next().unwrap_or(column);
        if column.starts_with("年初") {
            Some(Counterpart::Opening)
        } else if column.starts_with("本年收入") {
            Some(Counterpart::Income)
        } else if column == "本年支出" || column.starts_with("本年支出/") && (last == "小计" || last == "合计") {
            Some(Counterpart::Spending)
        } else if column.starts_with("年末") {
            Some(Counterpart::Closing)
        } else {
            None
        }
    }
}

impl Rule for FundTablesVsFiscalGrant {
    fn info(&self) -> &'static RuleInfo {
        &Self::INFO
    }

    fn check(&self, document: &ParseReport, checker: &mut Checker) {
        let Some((t04, summary)) = lookup::summary(document, Form::FiscalGrantSummary) else { return };
        for (form, fund) in [(Form::GovernmentFund, GOVERNMENT_FUND), (Form::StateCapital, STATE_CAPITAL)] {
            let Some((table, classified)) = lookup::classified(document, form) else { continue };
            let Some(total) = &classified.total else { continue };
            for (column, stated) in &total.values {
                let Some(counterpart) = Counterpart::of(column) else { continue };
                let figure = match counterpart {
                    Counterpart::Opening => lookup::fund_opening(summary, fund),
                    Counterpart::Income => lookup::fund_income(summary, fund),
                    Counterpart::Spending => lookup::fund_cell(summary, Side::Expenditure, "本年支出合计", fund),
                    Counterpart::Closing => lookup::fund_cell(summary, Side::Expenditure, "年末财政拨款结转和结余", fund),
                };
                if let Some((row, other_column, other)) = figure {
                    checker.equal(&Self::INFO, Term::cell(table, "合计", column, stated), Term::cell(t04, &row, other_column, other));
                }
            }
        }
    }
}
