use super::{declare_rule, lookup, Check};
use crate::check::Checker;
use crate::finding::FindingLocation;
use crate::ingest::contains;
use crate::recognise::meta::DocumentKind;
use crate::recognise::{naming, Form};
use crate::report::ParseReport;

declare_rule! {
    /// ## What
    /// A 部门决算 that has its table part (a `部门决算表` heading or 目录 entry) contains all
    /// nine 决算 tables: 收入支出决算总表, 收入决算表, 支出决算表, 财政拨款收入支出决算总表,
    /// 一般公共预算财政拨款支出决算表, 一般公共预算财政拨款基本支出决算(明细)表,
    /// 政府性基金预算财政拨款收入支出决算表, 国有资本经营预算财政拨款支出决算表, 财政拨款
    /// “三公”经费支出决算表. Tables are found by title or header, not by position. A table whose
    /// title is there over rows that lost their columns (text copied from a PDF viewer) is not
    /// missing: the report's coverage line says it could not be read.
    ///
    /// ## Why
    /// The nine tables are required even when one is empty (it then says so); a missing table
    /// leaves part of the money undisclosed. One finding per missing table.
    ///
    /// ## Example
    /// A 部门决算 whose `第二部分 部门决算表` has every table but 政府性基金预算财政拨款收入
    /// 支出决算表: warning, at the `部门决算表` heading. Where the document numbers its tables
    /// `公开0N表`, the message gives the missing table's number (`（公开07表）`); where it does
    /// not (the national layout), only its name.
    ///
    /// ## Source
    /// 财预〔2016〕143号《地方预决算公开操作规程》; 部门决算公开 templates; docs/domain.md §1, §4.
    pub struct FinalAccountsTablesPresent {
        code: "C002",
        name: "final-accounts-tables-present",
        title_zh: "缺少部门决算公开表",
        title_en: "A 部门决算 table is missing",
        category: Completeness,
        severity: Warning,
    }
}

/// How a document names its table part.
const TABLE_PART_NAMES: [&str; 4] = ["部门决算表", "单位决算表", "部门决算报表", "部门决算公开表"];

/// Headings and 目录 entries are short; a longer line is running text that may only mention the tables.
const HEADING_MAX_CHARS: usize = 30;

impl Check for FinalAccountsTablesPresent {
    fn check(&self, document: &ParseReport, checker: &mut Checker) {
        if !document.document.kinds.contains(&DocumentKind::FinalAccounts) {
            return;
        }
        let names_table_part = |text: &str| {
            // Every name has 决 and ends with 表: most lines are passed over without compacting them.
            if !contains(text, "表") || !contains(text, "决") {
                return false;
            }
            let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
            compact.chars().count() <= HEADING_MAX_CHARS && TABLE_PART_NAMES.iter().any(|name| contains(&compact, name))
        };
        let Some((heading, span)) =
            lookup::text_lines(document).into_iter().rev().find(|(text, _)| names_table_part(text))
        else {
            return;
        };
        // A document that numbers its tables `公开0N表` is told the missing table's number in
        // that layout; one that does not (Shanghai's), only its name.
        let numbered = naming::numbers_tables(&document.tables);
        for form in Form::FINAL_ACCOUNTS {
            // A table whose title stands over rows that lost their columns is there, unread: the
            // coverage line says so, this rule does not call it missing.
            let present = document.tables.iter().any(|t| t.form == form)
                || document.coverage.tables_without_columns.iter().any(|t| t.form == form);
            let (number_zh, number_en) = match form.hunan_number() {
                Some(n) if numbered => (format!("（公开{n:02}表）"), format!(" (公开{n:02}表)")),
                _ => (String::new(), String::new()),
            };
            let location = FindingLocation::span(span, heading.to_string());
            checker.require(
                &Self::INFO,
                present,
                location,
                format!("{}：部门决算未见 {}{number_zh}", Self::INFO.title_zh, form.name()),
                format!("{}: the 部门决算 has no {}{number_en}", Self::INFO.title_en, form.name()),
                format!("决算表部分「{heading}」中没有按标题或表头识别出的 {}", form.name()),
            );
        }
    }
}
