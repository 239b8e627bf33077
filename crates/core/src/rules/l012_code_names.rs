use super::{declare_rule, lookup, Check};
use crate::check::Checker;
use crate::finding::FindingLocation;
use crate::ingest::contains;
use crate::labels::norm;
use crate::report::ParseReport;
use crate::sorted_map::SortedMap;

declare_rule! {
    /// ## What
    /// A 科目编码 printed in several tables of one document (`2010301` in the 支出决算表 and in
    /// the 一般公共预算财政拨款支出决算表) has one name in all of them. Names are compared
    /// without spaces and with or without a closing `支出`; a name one table prints cut short,
    /// or with a character of a wrapped neighbour (one name holding the other), is left alone,
    /// and so is a bare `支出`. Each code's name in each later table is one
    /// relation.
    ///
    /// ## Why
    /// Tables are filled from one classification; a code with two names was typed or pasted
    /// by hand (an old name kept, `医疗卫生与计划生育支出` for 210's `卫生健康支出`, or a row
    /// copied under the wrong code), and the reader cannot tell which row is meant.
    ///
    /// ## Example
    /// `2080505 机关事业单位基本养老保险缴费支出` in 03 and `2080505 机关事业单位职业年金缴费支出`
    /// in 05: warning. The same name, or `201 一般公共服务` beside `201 一般公共服务支出`: holds.
    ///
    /// ## Source
    /// 政府收支分类科目 (the function and economic classifications the tables print); docs/domain.md
    /// §4, §9.
    pub struct CodeNames {
        code: "L012",
        name: "code-names",
        title_zh: "同一科目编码在各表中名称不一",
        title_en: "One 科目编码 named differently in two tables",
        category: Form,
        severity: Warning,
        review: true,
    }
}

/// A name as compared: without spaces, without a closing `支出`.
fn compared(label: &str) -> String {
    let name = norm(label);
    match name.strip_suffix("支出") {
        Some(stem) if !stem.is_empty() => stem.to_string(),
        _ => name,
    }
}

/// Whether two names (as [`compared`]) are one name: equal, or one holding the other (a name
/// cut short, or with a character of a wrapped neighbour's name: `出机关事业单位…`).
fn same_name(a: &str, b: &str) -> bool {
    contains(a, b) || contains(b, a)
}

/// Whether a name says enough to be compared: not empty, not a bare `支出` left by a damaged
/// row.
fn names_something(name: &str) -> bool {
    name.chars().count() >= 2 && name != "支出"
}

impl Check for CodeNames {
    fn check(&self, document: &ParseReport, checker: &mut Checker) {
        // Each code's first name: compared, as printed, and its table.
        let mut first: SortedMap<&str, (String, &str, &'static str)> = SortedMap::new();
        for (table, classified) in lookup::classified_tables(document) {
            for row in &classified.rows {
                let Some(code) = row.code.as_deref() else { continue };
                let name = compared(&row.label);
                if !names_something(&name) {
                    continue;
                }
                let Some((earlier, printed, other)) = first.get(code) else {
                    first.insert(code, (name, &row.label, table.form_name));
                    continue;
                };
                if *other == table.form_name {
                    continue;
                }
                let location = FindingLocation {
                    table: Some(table.form_name),
                    row: Some(lookup::row_label(row)),
                    ..FindingLocation::span(row.span, row.label.clone())
                };
                checker.require(
                    &Self::INFO,
                    same_name(&name, earlier),
                    location,
                    format!(
                        "{}：{code} 在{}中为「{}」，在{other}中为「{printed}」",
                        Self::INFO.title_zh,
                        table.form_name,
                        row.label
                    ),
                    format!(
                        "{}: {code} is «{}» in {} but «{printed}» in {other}",
                        Self::INFO.title_en,
                        row.label,
                        table.form_name
                    ),
                    format!("{code}「{printed}」≠「{}」", row.label),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_compared_without_spaces_a_closing_zhichu_or_what_a_cut_leaves_out() {
        assert!(same_name(&compared("一般公共服务支出"), &compared("一般公共服务")));
        assert!(same_name(&compared("行政运行"), &compared("行 政 运 行")));
        assert!(same_name(&compared("机关事业单位基本养老保险缴费支出"), &compared("机关事业单位基本养老")));
        assert!(same_name(&compared("出机关事业单位职业年金缴费支出"), &compared("机关事业单位职业年金缴费支出")));
        assert!(!names_something(&compared("支出")));
        assert!(!same_name(&compared("机关事业单位基本养老保险缴费支出"), &compared("机关事业单位职业年金缴费支出")));
        assert!(!same_name(&compared("卫生健康支出"), &compared("医疗卫生与计划生育支出")));
    }
}
