use super::{declare_rule, lookup, Check};
use crate::check::Checker;
use crate::claims::{self, ClaimKind};
use crate::finding::Term;
use crate::ingest::contains;
use crate::report::ParseReport;

declare_rule! {
    /// ## What
    /// The 政府采购支出总额 the 情况说明 states (`2023年度政府采购支出总额74.6万元`) is the
    /// `政府采购金额` of the 部门整体支出绩效评价基础数据表's `本年决算数` column in the same
    /// document. A blank or `——` cell is not checked. One relation per document; a warning left
    /// out of the diagnosis, as either may be the one to correct.
    ///
    /// ## Why
    /// Both state the year's government procurement; the 基础数据表 is filled by hand apart from
    /// the 情况说明, and a reviewer reading the evaluation sees a procurement the accounts do not
    /// report.
    ///
    /// ## Example
    /// `政府采购支出总额675.32万元` with the 基础数据表's 政府采购金额 `686.16`: warning.
    /// `政府采购支出总额74.6万元` with `74.6`: holds.
    ///
    /// ## Source
    /// 部门决算公开 情况说明 template (政府采购支出情况); 部门整体支出绩效评价基础数据表 template
    /// (湘财绩〔2020〕7号); docs/domain.md §7.
    pub struct NarrativeProcurementVsBasicData {
        code: "N020",
        name: "narrative-procurement-vs-basic-data",
        title_zh: "文中政府采购总额与基础数据表不符",
        title_en: "Procurement total in the text differs from the basic data table",
        category: Narrative,
        severity: Warning,
        review: true,
    }
}

const PROCUREMENT: &str = "政府采购金额";

impl Check for NarrativeProcurementVsBasicData {
    fn check(&self, document: &ParseReport, checker: &mut Checker) {
        let Some((table, basic)) = lookup::basic_data(document) else { return };
        let Some(cell) = lookup::basic_row(basic, PROCUREMENT).and_then(|row| row.values.get(lookup::BASIC_ACTUAL))
        else {
            return;
        };
        let stated = checker.claims().iter().find_map(|claim| match &claim.kind {
            ClaimKind::Amount { subject, figure } if contains(subject, "政府采购支出总额") => figure.amount(),
            _ => None,
        });
        let Some(stated) = stated else { return };
        checker.equal(
            &Self::INFO,
            claims::term("文中 政府采购支出总额", &stated),
            Term::cell(table, PROCUREMENT, lookup::BASIC_ACTUAL, &lookup::basic_figure(cell)),
        );
        checker.aside();
    }
}
