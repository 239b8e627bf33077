use super::{declare_rule, lookup, Check, RuleInfo};
use crate::check::Checker;
use crate::finding::Term;
use crate::model::{Amount, BasicDataTable};
use crate::recognise::RecognisedTable;
use crate::report::ParseReport;

declare_rule! {
    /// ## What
    /// In the 部门整体支出绩效评价基础数据表, in each year column (上年决算数, 本年预算数,
    /// 本年决算数): `三公经费` = `公务用车购置和维护经费` + `出国经费` + `公务接待`, and
    /// `公务用车购置和维护经费` = `公车购置` + `公车运行维护`. A blank item counts as nothing, and
    /// so does `0` (exactly, not as a rounded figure); a blank total is not checked.
    ///
    /// ## Why
    /// The 三公 figures of the 基础数据表 are scored against their budget; a total that is not its
    /// items misstates the control of 三公 spending.
    ///
    /// ## Example
    /// `三公经费 151.98 | 公务用车购置和维护经费 140.32 | 公车购置 53.94 | 公车运行维护 86.38 |
    /// 出国经费 9.68 | 公务接待 1.98`: holds.
    ///
    /// ## Source
    /// 部门整体支出绩效评价基础数据表 template (湘财绩〔2020〕7号); docs/domain.md §7.
    pub struct BasicDataThreePublic {
        code: "P010",
        name: "basic-data-three-public",
        title_zh: "基础数据表“三公”经费与分项不符",
        title_en: "Basic data 三公 total differs from its items",
        category: Performance,
        severity: Error,
    }
}

const THREE_PUBLIC: &str = "三公经费";
const VEHICLES: &str = "公务用车购置和维护经费";

/// Each total of the 三公 block with its items.
const SUMS: [(&str, &[&str]); 2] =
    [(THREE_PUBLIC, &[VEHICLES, "出国经费", "公务接待"]), (VEHICLES, &["公车购置", "公车运行维护"])];

impl Check for BasicDataThreePublic {
    fn check(&self, document: &ParseReport, checker: &mut Checker) {
        let Some((table, basic)) = lookup::basic_data(document) else { return };
        for (total, items) in SUMS {
            for column in &basic.columns {
                check_column_sum(&Self::INFO, checker, table, basic, column, total, items);
            }
        }
    }
}

/// `total = Σ items` in `column`: evaluated when the total and every item row are listed, the
/// total is filled in and at least one item is (a blank item counts as nothing).
fn check_column_sum(
    rule: &RuleInfo,
    checker: &mut Checker,
    table: &RecognisedTable,
    basic: &BasicDataTable,
    column: &str,
    total: &str,
    items: &[&str],
) {
    let Some(stated) = lookup::basic_row(basic, total).and_then(|row| row.values.get(column)).map(lookup::basic_figure)
    else {
        return;
    };
    let Some(rows) = items.iter().map(|item| lookup::basic_row(basic, item)).collect::<Option<Vec<_>>>() else {
        return;
    };
    let figures: Vec<(&str, Amount)> = rows
        .iter()
        .filter_map(|row| row.values.get(column).map(|amount| (row.label.as_str(), lookup::basic_figure(amount))))
        .collect();
    if !figures.is_empty() {
        let parts: Vec<(Term, bool)> =
            figures.iter().map(|(label, amount)| (Term::cell(table, label, column, amount), true)).collect();
        checker.sum(rule, Term::cell(table, total, column, &stated), &parts);
    }
}
