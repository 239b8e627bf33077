use super::{declare_rule, lookup, verdicts, Check};
use crate::check::Checker;
use crate::finding::Term;
use crate::model::Side;
use crate::model::SummaryTable;
use crate::recognise::Form;
use crate::report::ParseReport;

declare_rule! {
    /// ## What
    /// The fund tables agree with the fund columns of 财政拨款收入支出决算总表 (04), where they
    /// have figures: 政府性基金预算财政拨款收入支出决算表 (07) 合计 `年初结转和结余`, `本年收入`,
    /// `本年支出 小计` and `年末结转和结余` = 04's 政府性基金预算财政拨款 年初 line, income
    /// line, `本年支出合计` and `年末财政拨款结转和结余`; 国有资本经营预算财政拨款支出决算表
    /// (08) 合计 `本年支出 合计` = 04 `本年支出合计` · 国有资本经营预算财政拨款. When 07 (or 08)
    /// has no nonzero figure, those 04 figures of its fund are all zero.
    ///
    /// ## Why
    /// 07 and 08 detail by 科目 the 政府性基金 and 国有资本经营 columns of 04; an empty 07
    /// beside 政府性基金 money in 04 leaves that money without its detail.
    ///
    /// ## Example
    /// 07 合计 `本年支出 小计 45.00` and 04 `本年支出合计` · 政府性基金预算财政拨款 `45.00`: holds.
    /// 08 empty and 04 `本年支出合计` · 国有资本经营预算财政拨款 `0.00`: holds; `12.00`: error.
    ///
    /// ## Source
    /// 部门决算公开 templates (公开04表, 公开07表, 公开08表); docs/domain.md §4 (across tables).
    pub struct FundTablesVsFiscalGrant {
        code: "X008",
        name: "fund-tables-vs-fiscal-grant",
        title_zh: "政府性基金、国有资本经营决算表与财政拨款收入支出决算总表不一致",
        title_en: "政府性基金 and 国有资本经营 tables differ from 财政拨款收入支出决算总表",
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
        } else if column == "本年支出" || column.starts_with("本年支出/") && (last == "小计" || last == "合计")
        {
            Some(Counterpart::Spending)
        } else if column.starts_with("年末") {
            Some(Counterpart::Closing)
        } else {
            None
        }
    }
}

/// The fund tables, their fund and the 04 figures each details (08 has spending only).
const FUND_TABLES: [(Form, &str, &[Counterpart]); 2] = [
    (
        Form::GovernmentFund,
        GOVERNMENT_FUND,
        &[Counterpart::Opening, Counterpart::Income, Counterpart::Spending, Counterpart::Closing],
    ),
    (Form::StateCapital, STATE_CAPITAL, &[Counterpart::Spending]),
];

/// The 04 figure of `fund` that `counterpart` names.
fn fund_figure<'a>(summary: &'a SummaryTable, fund: &str, counterpart: Counterpart) -> Option<lookup::FundFigure<'a>> {
    match counterpart {
        Counterpart::Opening => lookup::fund_opening(summary, fund),
        Counterpart::Income => lookup::fund_income(summary, fund),
        Counterpart::Spending => lookup::fund_cell(summary, Side::Expenditure, "本年支出合计", fund),
        Counterpart::Closing => lookup::fund_cell(summary, Side::Expenditure, "年末财政拨款结转和结余", fund),
    }
}

impl Check for FundTablesVsFiscalGrant {
    fn check(&self, document: &ParseReport, checker: &mut Checker) {
        let Some((t04, summary)) = lookup::summary(document, Form::FiscalGrantSummary) else { return };
        for (form, fund, counterparts) in FUND_TABLES {
            let Some((table, classified)) = lookup::classified(document, form) else { continue };
            if lookup::is_empty(table) {
                let figures: Vec<Term> = counterparts
                    .iter()
                    .filter_map(|c| fund_figure(summary, fund, *c))
                    .map(|(row, column, amount)| Term::cell(t04, &row, column, amount))
                    .collect();
                if figures.is_empty() {
                    continue;
                }
                let name = lookup::table_name(table);
                let nonzero = figures.iter().find(|t| !t.amount.number.value.is_zero());
                let shown = nonzero.map_or(String::new(), |t| {
                    format!("{} 为 {}（第 {} 行）", t.label, t.amount.raw, t.amount.at.line)
                });
                checker.require(
                    &Self::INFO,
                    nonzero.is_none(),
                    verdicts::table_location(&lookup::text_lines(document), table),
                    format!("{}：{name} 没有数据，但 {shown}", Self::INFO.title_zh),
                    format!("{}: {name} has no data, but {shown}", Self::INFO.title_en),
                    format!("{name} 无非零数值 ≠ {shown}"),
                );
                continue;
            }
            let Some(total) = &classified.total else { continue };
            for (column, stated) in &total.values {
                let Some(counterpart) = Counterpart::of(column) else { continue };
                if let Some((row, other_column, other)) = fund_figure(summary, fund, counterpart) {
                    checker.equal(
                        &Self::INFO,
                        Term::cell(table, "合计", column, stated),
                        Term::cell(t04, &row, other_column, other),
                    );
                }
            }
        }
    }
}
