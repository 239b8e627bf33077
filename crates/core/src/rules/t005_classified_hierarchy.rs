use super::{declare_rule, lookup, Check};
use crate::check::Checker;
use crate::finding::Term;
use crate::report::ParseReport;

declare_rule! {
    /// ## What
    /// In the functional-classification tables (02, 03, 05, 07, 08), in every value column:
    /// the `合计` row equals the sum of the top-level rows listed (the 类 rows, or the 项 rows
    /// when only 项 are listed), a 类 equals the sum of its listed 款, and a 款 the sum of its
    /// listed 项. Codes: 3 digits 类, 5 digits 款, 7 digits 项.
    ///
    /// ## Why
    /// The 支出功能分类 is a tree; a parent that does not equal its children means a row
    /// was left out, duplicated or mistyped.
    ///
    /// ## Example
    /// `201 280.72`, `20103 280.72`, `2010301 211.60`, `2010399 69.12`: holds.
    ///
    /// ## Source
    /// 《政府收支分类科目》; 部门决算公开 templates; docs/domain.md §4.
    pub struct ClassifiedHierarchy {
        code: "T005",
        name: "classified-hierarchy",
        title_zh: "科目合计与下级科目之和不符",
        title_en: "Parent 科目 differs from the sum of its children",
        category: TableArithmetic,
        severity: Error,
    }
}

impl Check for ClassifiedHierarchy {
    fn check(&self, document: &ParseReport, checker: &mut Checker) {
        for (table, classified) in lookup::classified_tables(document) {
            let nearest = lookup::parents(classified);
            let parents = classified
                .total
                .iter()
                .map(|t| (t, None))
                .chain(classified.rows.iter().filter_map(|r| r.code.as_deref().map(|c| (r, Some(c)))));
            for (parent, code) in parents {
                let children = lookup::children(classified, &nearest, code);
                if children.is_empty() {
                    continue;
                }
                let parent_label = lookup::row_label(parent);
                let children: Vec<_> = children.into_iter().map(|c| (c, lookup::row_label(c))).collect();
                for (column, stated) in &parent.values {
                    let parts: Vec<_> = children
                        .iter()
                        .filter_map(|(c, label)| {
                            c.values.get(column).map(|v| (Term::cell(table, label, column, v), true))
                        })
                        .collect();
                    if !parts.is_empty() {
                        checker.sum(&Self::INFO, Term::cell(table, &parent_label, column, stated), &parts);
                    }
                }
            }
        }
    }
}
