use super::{declare_rule, lookup, verdicts, Check};
use crate::check::Checker;
use crate::report::ParseReport;

declare_rule! {
    /// ## What
    /// Every `部门：` line above a table names the department (`部门：株洲市人民政府驻北京联络处`);
    /// one with nothing after the colon is a blank left in the form. Each `部门：` line is one
    /// relation.
    ///
    /// ## Why
    /// Tables are reprinted and quoted on their own; a table that does not say whose it is
    /// cannot be attributed, and a blank field shows the form was not finished.
    ///
    /// ## Example
    /// `部门：` above 公开01表: warning. `部门：株洲市人民政府办公室`: holds.
    ///
    /// ## Source
    /// 部门决算公开 templates (公开01–09表 header `部门：`); docs/domain.md §1, §9.
    pub struct BlankDepartment {
        code: "L006",
        name: "blank-department",
        title_zh: "表头部门未填写",
        title_en: "Blank 部门： on a table",
        category: Form,
        severity: Warning,
    }
}

/// What follows `部门：` (or `部门:`) on a line, trimmed; `None` when the line is not one.
fn department_field(text: &str) -> Option<&str> {
    let rest = text.trim().strip_prefix("部门")?.trim_start();
    let rest = rest.strip_prefix('：').or_else(|| rest.strip_prefix(':'))?;
    Some(rest.trim_matches(|c: char| c.is_whitespace() || c == '\u{3000}'))
}

impl Check for BlankDepartment {
    fn check(&self, document: &ParseReport, checker: &mut Checker) {
        for paragraph in lookup::paragraphs(document) {
            let Some(field) = department_field(&paragraph.text) else { continue };
            let line = paragraph.span.line_start;
            // The table the line heads: the first one that starts below it.
            let table = document.tables.iter().find(|t| t.line > line);
            let name = table.map_or(String::new(), |t| format!("（{}）", lookup::table_name(t)));
            checker.require(
                &Self::INFO,
                !field.is_empty(),
                verdicts::in_paragraph(paragraph, 0, &paragraph.text, table.map(|t| t.form_name)),
                format!("{}：「{}」后没有部门名称{name}", Self::INFO.title_zh, paragraph.text),
                format!("{}: «{}» names no department{name}", Self::INFO.title_en, paragraph.text),
                format!("「{}」", paragraph.text),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_field_after_the_colon_is_read() {
        assert_eq!(department_field("部门："), Some(""));
        assert_eq!(department_field("部门:  "), Some(""));
        assert_eq!(department_field("部门：株洲市人民政府办公室"), Some("株洲市人民政府办公室"));
        assert_eq!(department_field("部门（单位）名称：（盖章）"), None);
    }
}
