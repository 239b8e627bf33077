use super::{declare_rule, lookup, Check};
use crate::check::{department_key, Checker};
use crate::finding::FindingLocation;
use crate::report::ParseReport;

declare_rule! {
    /// ## What
    /// The unit a table header or form names (`部门：…`, `编制部门：…`, `编制单位：…`, `填报单位：…`,
    /// `单位名称：…`) is the document's department (as its title, else its first header, names
    /// it): the same name without spaces or a leading province, or one name holding the other
    /// (`万里街道办事处` under `上海市普陀区人民政府万里街道办事处`). A value that is not a name
    /// (blank, `公开09表`, under four characters) is left to L006. Each named unit is one
    /// relation.
    ///
    /// ## Why
    /// Tables are copied from last year's file or from another unit's; a header that names
    /// another unit is the trace of a table taken over without being refilled, and its figures
    /// are in doubt with it.
    ///
    /// ## Example
    /// `部门：株洲市人民政府办公室` over a table of the 株洲市人民政府驻北京联络处 决算: warning.
    /// `部门：株洲市人民政府驻北京联络处`: holds.
    ///
    /// ## Source
    /// 部门决算 / 部门预算公开 table headers (部门、编制单位); docs/domain.md §9.
    pub struct DepartmentName {
        code: "L014",
        name: "department-name",
        title_zh: "表头单位名称与本部门不符",
        title_en: "Unit named in a header is not the document's department",
        category: Form,
        severity: Warning,
        review: true,
    }
}

/// The labels that introduce the unit a table or form is for.
const LABELS: [&str; 5] = ["部门", "编制部门", "编制单位", "填报单位", "单位名称"];

/// The units named after [`LABELS`] in `text` (`部门：X  公开03表` gives `X`).
fn named_units(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    for label in LABELS {
        for (at, _) in text.match_indices(label) {
            // A label starts its text or follows a space (`本部门：…` is a sentence).
            if text[..at].chars().next_back().is_some_and(|c| !c.is_whitespace()) {
                continue;
            }
            let rest = &text[at + label.len()..];
            let Some(value) = rest.strip_prefix('：').or_else(|| rest.strip_prefix(':')) else { continue };
            let value = value.trim_start();
            let end = value.find(|c: char| c.is_whitespace() || c == '|').unwrap_or(value.len());
            let name = value[..end].trim_end_matches(|c: char| c.is_ascii_alphanumeric() || "公开表".contains(c));
            if name.chars().count() >= 4 && !name.starts_with("公开") && !name.contains("单位：") {
                out.push(name);
            }
        }
    }
    out
}

impl Check for DepartmentName {
    fn check(&self, document: &ParseReport, checker: &mut Checker) {
        let Some(department) = document.document.department.as_deref() else { return };
        let own = department_key(department);
        for (text, span, _) in lookup::block_texts(document) {
            for name in named_units(text) {
                let named = department_key(name);
                checker.require(
                    &Self::INFO,
                    named.contains(&own) || own.contains(&named),
                    FindingLocation::span(span, name.to_string()),
                    format!("{}：表头为「{name}」，本文件为「{department}」", Self::INFO.title_zh),
                    format!("{}: the header names «{name}», the document is «{department}»", Self::INFO.title_en),
                    format!("「{name}」≠「{department}」"),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn units_are_read_after_their_labels() {
        assert_eq!(named_units("部门：株洲市人民政府驻北京联络处"), ["株洲市人民政府驻北京联络处"]);
        assert_eq!(named_units("部门:中共株洲市荷塘区委办公室 公开03表"), ["中共株洲市荷塘区委办公室"]);
        assert_eq!(named_units("编制单位：上海市普陀区社会福利院      单位：元"), ["上海市普陀区社会福利院"]);
        assert!(named_units("部门：公开 09 表").is_empty());
        assert!(named_units("部门：").is_empty());
        assert!(named_units("本部门：主要职责是负责全市工作").is_empty());
    }
}
