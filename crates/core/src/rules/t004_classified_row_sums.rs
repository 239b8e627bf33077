use super::{declare_rule, lookup, Check};
use crate::check::Checker;
use crate::finding::Term;
use crate::report::ParseReport;

declare_rule! {
    /// ## What
    /// In every row of the functional-classification tables (02 收入决算表, 03 支出决算表,
    /// 05 一般公共预算财政拨款支出决算表, 07, 08), the total column equals the columns it
    /// splits into: 02 `本年收入合计` = 财政拨款 + 上级补助 + 事业 + 经营 + 附属单位上缴 + 其他;
    /// 03 `本年支出合计` = 基本 + 项目 + 上缴上级 + 经营 + 对附属单位补助; 05/07/08
    /// `本年支出 小计` = 基本支出 + 项目支出.
    ///
    /// ## Why
    /// Each row is one 科目; its total by source or by purpose must be the same money.
    ///
    /// ## Example
    /// `2010301 行政运行 211.60 | 211.60 | 0.00`: holds. `201 … 280.72 | 211.60 | 68.12`: error.
    ///
    /// ## Source
    /// 部门决算公开 templates (公开02, 03, 05, 07, 08表); docs/domain.md §4.
    pub struct ClassifiedRowSums {
        code: "T004",
        name: "classified-row-sums",
        title_zh: "行合计与分项不符",
        title_en: "Row total differs from its columns",
        category: TableArithmetic,
        severity: Error,
    }
}

impl Check for ClassifiedRowSums {
    fn check(&self, document: &ParseReport, checker: &mut Checker) {
        for (table, classified) in lookup::classified_tables(document) {
            let Some((total_index, total_column)) =
                classified.columns.iter().enumerate().find(|(_, c)| is_total_column(c))
            else {
                continue;
            };
            let prefix = group(total_column);
            let part_columns: Vec<&String> = classified.columns[total_index + 1..]
                .iter()
                .filter(|c| group(c) == prefix && !is_total_column(c))
                .collect();
            for row in classified.total.iter().chain(&classified.rows) {
                let Some(stated) = row.values.get(total_column) else { continue };
                let label = lookup::row_label(row);
                let parts: Vec<_> = part_columns
                    .iter()
                    .filter_map(|c| row.values.get(*c).map(|v| (Term::cell(table, &label, c, v), true)))
                    .collect();
                if !parts.is_empty() {
                    checker.sum(&Self::INFO, Term::cell(table, &label, total_column, stated), &parts);
                }
            }
        }
    }
}

/// A column that totals the columns after it (`本年收入合计`, `本年支出/小计`).
fn is_total_column(column: &str) -> bool {
    let last = column.rsplit('/').next().unwrap_or(column);
    last.ends_with("合计") || last == "小计"
}

/// The header group of a column (`本年支出` for `本年支出/基本支出`; empty for a plain column).
fn group(column: &str) -> &str {
    column.rsplit_once('/').map_or("", |(group, _)| group)
}
