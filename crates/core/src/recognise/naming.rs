//! How messages name a recognised table: as the document numbers or titles it. A document
//! that numbers its 决算 tables `公开0N表` (Hunan's layout) has them named by that number
//! (`02表`); one that does not (Shanghai's, the national layout) by its own title
//! (`收入决算表`), never by a number it does not use.

use super::RecognisedTable;
use crate::ingest::{find, rfind};
use crate::labels::norm;

/// The number of a numbering label (`公开01表`, `公开 01 表` as written), if it is one.
pub fn label_number(label: &str) -> Option<u8> {
    let t = norm(label);
    let digits = t.strip_prefix("公开")?.strip_suffix('表')?;
    if digits.is_empty() || digits.len() > 2 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

/// Whether a document numbers its 决算 tables `公开0N表`: one of them carries such a label.
pub fn numbers_tables(tables: &[RecognisedTable]) -> bool {
    tables.iter().any(|t| t.form.is_final_accounts() && t.label.as_deref().and_then(label_number).is_some())
}

/// Words a 决算 table's name starts with, after a department or year prefix: every title
/// [`crate::forms::form_of_title`] takes has one.
const NAME_STARTS: [&str; 12] = [
    "收入支出决算总表",
    "收入决算表",
    "支出决算表",
    "财政拨款",
    "一般公共预算",
    "基本支出",
    "政府性基金",
    "国有资本",
    "国有资产",
    "“三公”",
    "\"三公\"",
    "三公",
];

/// The form's name as a title line writes it: from the first word a 决算 table's name starts
/// with ([`NAME_STARTS`]) to its last `表`, so without a leading department and year
/// (`…2024年度`), an ordinal (`二、`, `（二）`) or Markdown marks. `None` when the title has
/// no such word.
pub fn titled_name(title: &str) -> Option<String> {
    // Searched with core's own `find`/`rfind`: std's substring searcher stays out of the wasm.
    let end = rfind(title, "表")? + "表".len();
    let mut name = &title[..end];
    // A year ends the department-and-year prefix (`国有资产管理局2023年度收入决算表`).
    if let Some(at) = rfind(name, "年度") {
        name = &name[at + "年度".len()..];
    }
    let start = NAME_STARTS.iter().filter_map(|word| find(name, word)).min()?;
    Some(name[start..].to_string())
}

/// Sets every table's [`RecognisedTable::short_name`]: a 决算 table of a document that numbers
/// its tables is `0N表` (its own label's number, else — a table printed without its label —
/// the form's number in that layout); any other 决算 table is named by its title
/// ([`titled_name`]), else by the form's standard name; 绩效 tables, which no layout numbers,
/// by the form's standard name.
pub fn name_tables(tables: &mut [RecognisedTable]) {
    let numbered = numbers_tables(tables);
    for table in tables.iter_mut() {
        let own = table.label.as_deref().and_then(label_number);
        table.short_name = match table.form.hunan_number() {
            None => table.form_name.to_string(),
            Some(n) if numbered => format!("{:02}表", own.unwrap_or(n)),
            Some(_) => table.title.as_deref().and_then(titled_name).unwrap_or_else(|| table.form_name.to_string()),
        };
    }
}

impl RecognisedTable {
    /// The number the document gives the table (`"02"` of `02表`); `None` when
    /// [`Self::short_name`] is not a number (a document that does not number its tables).
    pub fn number(&self) -> Option<&str> {
        self.short_name
            .strip_suffix('表')
            .filter(|digits| !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()))
    }

    /// Whether [`Self::short_name`] is a number the document gives its tables (`02表`).
    pub fn is_numbered(&self) -> bool {
        self.number().is_some()
    }

    /// How a message names the whole table: `07表 政府性基金预算财政拨款收入支出决算表` where
    /// the document numbers its tables, else as it titles it (`政府性基金预算财政拨款收入支出决算表`).
    pub fn long_name(&self) -> String {
        if self.is_numbered() {
            format!("{} {}", self.short_name, self.form_name)
        } else {
            self.short_name.clone()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbering_labels_as_written() {
        assert_eq!(label_number("公开01表"), Some(1));
        assert_eq!(label_number("公开 09 表"), Some(9));
        assert_eq!(label_number("公开的部门决算表"), None);
        assert_eq!(label_number("公开表"), None);
    }

    #[test]
    fn titles_without_their_prefix() {
        let cases = [
            ("收入决算表", "收入决算表"),
            ("二、收入决算表", "收入决算表"),
            ("（二）收入决算表", "收入决算表"),
            ("2. 支出决算表", "支出决算表"),
            ("# 七、财政拨款“三公”经费支出决算表", "财政拨款“三公”经费支出决算表"),
            ("中共上海市普陀区委社会工作部 2024 年度收入支出决算总表", "收入支出决算总表"),
            ("上海市XX局2024年度一般公共预算财政拨款基本支出决算表", "一般公共预算财政拨款基本支出决算表"),
            ("国有资产管理局2023年度收入决算表", "收入决算表"),
            ("九、国有资本经营预算财政拨款收入支出决算表（续）", "国有资本经营预算财政拨款收入支出决算表"),
            ("财政拨款收入支出决算总表", "财政拨款收入支出决算总表"),
        ];
        for (title, name) in cases {
            assert_eq!(titled_name(title).as_deref(), Some(name), "{title}");
        }
        assert_eq!(titled_name("单位：万元"), None);
        assert_eq!(titled_name("2024年度表"), None);
        assert_eq!(titled_name("部门基本支出决算明细表").as_deref(), Some("基本支出决算明细表"));
    }
}
