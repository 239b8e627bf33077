use super::{declare_rule, lookup, Check};
use crate::check::Checker;
use crate::finding::FindingLocation;
use crate::report::ParseReport;

declare_rule! {
    /// ## What
    /// A 决算 table (公开01–09表) whose note says the whole table has no data
    /// (`本单位没有…，故本表无数据`, `本表为空表`) has no nonzero figure. A note that only some
    /// item is nil (`我单位没有公务用车购置费`) is not such a statement.
    ///
    /// ## Why
    /// The statement and the figures cannot both be true: either the unit had such money and
    /// the statement is a leftover, or the figures are wrong.
    ///
    /// ## Example
    /// 09 “三公”经费 with `说明：我单位没有使用财政拨款“三公”经费安排的支出，故本表无数据。`
    /// below a row of `0.00`: holds; below `26.42 | 0.00 | 16.71 | …`: error.
    ///
    /// ## Source
    /// 部门决算公开 templates; docs/domain.md §4.
    pub struct NoDataStatementContradicted {
        code: "C003",
        name: "no-data-statement-contradicted",
        title_zh: "无数据说明与表内数据矛盾",
        title_en: "No-data statement contradicts the table's figures",
        category: Completeness,
        severity: Error,
    }
}

impl Check for NoDataStatementContradicted {
    fn check(&self, document: &ParseReport, checker: &mut Checker) {
        for table in document.tables.iter().filter(|t| t.form.is_final_accounts()) {
            let Some(statement) = table.notes.iter().find(|n| lookup::says_table_has_no_data(n)) else { continue };
            let name = lookup::table_name(table);
            let nonzero = table.cells.iter().find(|c| !c.value.number.value.is_zero());
            let figure = nonzero.map_or(String::new(), |c| {
                format!("{} · {} 为 {}（第 {} 行）", c.row, c.column, c.value.raw, c.value.at.line)
            });
            let mut location = FindingLocation::span(statement.span, statement.text.clone());
            location.table = Some(table.form_name);
            checker.require(
                &Self::INFO,
                lookup::is_empty(table),
                location,
                format!("{}：{name} 表下说明本表无数据，但表内有非零数据：{figure}", Self::INFO.title_zh),
                format!("{}: {name} states it has no data, but it has a nonzero figure: {figure}", Self::INFO.title_en),
                format!("「{}」≠ {figure}", statement.text),
            );
        }
    }
}
