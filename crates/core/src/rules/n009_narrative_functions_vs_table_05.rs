#![deny(clippy::arithmetic_side_effects)]

use super::{declare_rule, Check};
use crate::check::Checker;
use crate::claims::{self, bind};
use crate::ingest::rfind;
use crate::report::ParseReport;
use crate::rounding::{allowance, display, judge, Interval, Outcome};

declare_rule! {
    /// ## What
    /// Spending the text states per functional class or item equals table 05: a
    /// `一般公共服务（类）支出X万元` the 类 row's 小计 (or the sum of its rows when 05 lists only
    /// 项), and the 支出决算 of a `…（类）…（款）…（项）` paragraph the 小计 of the 项 of that name.
    /// When the name fits several rows (行政运行 under two 款 and 05 lists no 款), the row the
    /// figure matches is taken; when it matches none, the nearest row is reported and the
    /// finding says whether the figure is their sum.
    ///
    /// ## Why
    /// Item explanations are written from the budget system, not from table 05; adding two
    /// rows of the same name under one heading is a typical slip.
    ///
    /// ## Example
    /// `…（款）行政运行（项）。…支出决算为3647.8万元` with 05 `2010201 行政运行 139.69` and
    /// `2010301 行政运行 3508.11`: matches neither, but their sum; reported.
    ///
    /// ## Source
    /// 部门决算公开 情况说明 template (五(二), 五(三)); 公开05表; docs/domain.md §5.
    pub struct NarrativeFunctionsVsTable05 {
        code: "N009",
        name: "narrative-functions-vs-table-05",
        title_zh: "文中功能分类支出与一般公共预算财政拨款支出决算表不符",
        title_en: "Functional spending in the text differs from the 一般公共预算 expenditure table",
        category: Narrative,
        severity: Error,
    }
}

impl Check for NarrativeFunctionsVsTable05 {
    fn check(&self, _document: &ParseReport, checker: &mut Checker) {
        for (claim, bindings) in checker.bound_claims() {
            for binding in bindings.iter().filter(|b| b.role == bind::Role::Function) {
                let Some(stated) = binding.figure.amount() else { continue };
                let name = claim.context.as_deref().map_or_else(|| binding.figure.name().to_string(), item_name);
                if binding.sum {
                    let parts: Vec<_> = binding.cells.iter().map(|c| (c.term(), true)).collect();
                    checker.sum(&Self::INFO, claims::term(format!("文中 {name}"), &stated), &parts);
                    continue;
                }
                let matches = |cell: &bind::Cell| {
                    Interval::of(&cell.amount.number)
                        .and_then(|cell| judge(&stated.number, cell, allowance([&stated.number])))
                        == Some(Outcome::Held)
                };
                // Figures are within the checkable range (amount.rs): their difference is too.
                let distance = |cell: &&bind::Cell| {
                    crate::rounding::sub(cell.amount.number.value, stated.number.value).map(|d| d.abs())
                };
                let Some(cell) =
                    binding.cells.iter().find(|c| matches(c)).or_else(|| binding.cells.iter().min_by_key(distance))
                else {
                    continue;
                };
                let label = if binding.cells.len() > 1 && !matches(cell) {
                    let Some(sum) = Interval::sum(binding.cells.iter().map(|c| &c.amount.number)) else { continue };
                    let Some(mid) = sum.mid() else { continue };
                    let rows: Vec<&str> = binding.cells.iter().map(|c| c.row.as_str()).collect();
                    let relation = if judge(&stated.number, sum, allowance([&stated.number])) == Some(Outcome::Held) {
                        "等于"
                    } else {
                        "也不等于"
                    };
                    format!(
                        "文中 {name} 决算数（同名的 {} 共 {} 行，{relation}其合计 {}）",
                        rows.join("、"),
                        rows.len(),
                        display(mid, 2)
                    )
                } else {
                    format!("文中 {name} 决算数")
                };
                checker.equal(&Self::INFO, claims::term(label, &stated), cell.term());
            }
        }
    }
}

/// The 项 of a `…（款）行政运行（项）。` line, as the finding names it (`行政运行（项）`).
fn item_name(context: &str) -> String {
    let after = |marker: &str| rfind(context, marker).and_then(|at| context.get(at.checked_add(marker.len())?..));
    let item = after("（款）").or_else(|| after("(款)")).unwrap_or(context);
    item.trim_end_matches('。').to_string()
}
