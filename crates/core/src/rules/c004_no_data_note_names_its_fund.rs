use super::{declare_rule, lookup, Check};
use crate::check::Checker;
use crate::finding::FindingLocation;
use crate::forms::Form;
use crate::ingest::contains;
use crate::report::ParseReport;

declare_rule! {
    /// ## What
    /// A note that says a fund's table has no data (`故本表无数据`, `本表为空表`) speaks of that
    /// table's fund: under the 政府性基金 table it names 政府性基金, under the 国有资本经营
    /// table 国有资本经营 (or the 国有资产经营 L005 corrects), under the 三公 table 三公. A note
    /// naming no fund is left alone; one naming another fund and not its own is reported. Each
    /// such note under a fund table (决算 07, 08, 09; the budget's 政府性基金, 国有资本经营,
    /// 三公 tables) is one relation.
    ///
    /// ## Why
    /// These notes are copied from one empty table to the next; a note left unchanged tells the
    /// reader another fund is empty and says nothing of the table it is under.
    ///
    /// ## Example
    /// Under the 国有资本经营预算财政拨款支出决算表: `注：本单位没有使用政府性基金安排的支出，故本表
    /// 无数据`: warning. `注：本单位没有使用国有资本经营预算安排的支出，故本表无数据`: holds.
    ///
    /// ## Source
    /// 部门决算 / 部门预算公开 templates (空表说明); docs/domain.md §9.
    pub struct NoDataNoteNamesItsFund {
        code: "C004",
        name: "no-data-note-names-its-fund",
        title_zh: "空表说明所述资金与本表不符",
        title_en: "A no-data note names another fund than its table's",
        category: Completeness,
        severity: Warning,
        review: true,
    }
}

/// The funds of the fund tables, as notes name them (a fund may have two names).
/// The fund a table is for: its index in [`FUNDS`].
fn fund_of(form: Form) -> Option<usize> {
    match form {
        Form::GovernmentFund | Form::BudgetGovernmentFund => Some(0),
        Form::StateCapital | Form::BudgetStateCapital => Some(1),
        Form::ThreePublicExpenses | Form::BudgetThreePublic => Some(2),
        _ => None,
    }
}

impl Check for NoDataNoteNamesItsFund {
    fn check(&self, document: &ParseReport, checker: &mut Checker) {
        for table in &document.tables {
            let Some(own) = fund_of(table.form) else { continue };
            for note in table.notes.iter().filter(|note| lookup::says_table_has_no_data(note)) {
                let text = lookup::compact(note);
                let names = |fund: usize| lookup::FUNDS[fund].1.iter().any(|name| contains(&text, name));
                let other = (0..lookup::FUNDS.len()).find(|&fund| fund != own && names(fund));
                let table_name = lookup::table_name(table);
                let (own_fund, other_fund) = (lookup::FUNDS[own].0, other.map_or("", |other| lookup::FUNDS[other].0));
                checker.require(
                    &Self::INFO,
                    names(own) || other.is_none(),
                    FindingLocation::span(note.span, note.text.clone()),
                    format!("{}：{table_name} 下的说明讲的是{other_fund}，不是本表的{own_fund}", Self::INFO.title_zh),
                    format!(
                        "{}: the note under {table_name} speaks of {other_fund}, not of its {own_fund}",
                        Self::INFO.title_en
                    ),
                    format!("{table_name}：说明含「{other_fund}」，无「{own_fund}」"),
                );
            }
        }
    }
}
