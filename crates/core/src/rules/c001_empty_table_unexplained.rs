use super::{declare_rule, lookup, verdicts, Check};
use crate::check::Checker;
use crate::ingest::contains;
use crate::recognise::Note;
use crate::report::ParseReport;

declare_rule! {
    /// ## What
    /// A 决算 table (公开01–09表) with no nonzero figure — typically 07 政府性基金, 08
    /// 国有资本经营, often 09 “三公”经费 — carries a statement below it that there is nothing
    /// to report (`注：本单位没有政府性基金收入…，故本表无数据` / `说明：我单位没有…`).
    ///
    /// ## Why
    /// An empty table keeps its format so that every unit publishes the same nine tables; the
    /// statement tells the reader the blanks are deliberate, not a table left unfilled.
    ///
    /// ## Example
    /// 07 with an empty 合计 row and `注：本单位没有政府性基金收入，也没有使用政府性基金安排的
    /// 支出，故本表无数据。` below it: holds. The same table with only `注：本表反映…` below it:
    /// warning.
    ///
    /// ## Source
    /// 财预〔2016〕143号《地方预决算公开操作规程》; 部门决算公开 templates; docs/domain.md §4.
    pub struct EmptyTableUnexplained {
        code: "C001",
        name: "empty-table-unexplained",
        title_zh: "空表未说明无数据",
        title_en: "Empty table without a no-data statement",
        category: Completeness,
        severity: Warning,
    }
}

/// Whether a note explains why a table is empty: a no-data statement, or a statement that
/// the unit had no such money (`说明：我单位没有…`).
fn explains_empty_table(note: &Note) -> bool {
    lookup::says_table_has_no_data(note)
        || contains(&lookup::compact(note), "没有") && !contains(&lookup::compact(note), "本表反映")
}

impl Check for EmptyTableUnexplained {
    fn check(&self, document: &ParseReport, checker: &mut Checker) {
        let mut lines = None;
        for table in document.tables.iter().filter(|t| t.form.is_final_accounts() && lookup::is_empty(t)) {
            let held = table.notes.iter().any(explains_empty_table);
            let name = lookup::table_name(table);
            let notes = if table.notes.is_empty() {
                "无".to_string()
            } else {
                table.notes.iter().map(|n| format!("「{}」", n.text)).collect::<Vec<_>>().join("")
            };
            checker.require(
                &Self::INFO,
                held,
                verdicts::table_location(lines.get_or_insert_with(|| lookup::text_lines(document)), table),
                format!("{}：{name} 没有非零数据，表下未说明本表无数据", Self::INFO.title_zh),
                format!(
                    "{}: {name} has no nonzero figure and no statement below it that it has no data",
                    Self::INFO.title_en
                ),
                format!("{name} 无非零数值；表下注释：{notes}"),
            );
        }
    }
}
