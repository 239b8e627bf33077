use super::{declare_rule, lookup, Check};
use crate::check::Checker;
use crate::claims::bind::class_section_item;
use crate::finding::FindingLocation;
use crate::labels::{class_code_of, norm};
use crate::model::CodeLevel;
use crate::recognise::Form;
use crate::report::ParseReport;

declare_rule! {
    /// ## What
    /// A `…（类）…（款）…（项）` line of the text names rows of the 一般公共预算 function table
    /// (公开05表 in a 决算, the 一般公共预算支出功能分类预算表 in a budget): its 类 is the table's
    /// 类 row of that code, its 款 one of the class's 款 rows and its 项 one of the class's (or
    /// that 款's) 项 rows, by name. Names are compared without spaces and quotes, with or
    /// without a closing `支出` (`一般公共服务` is `一般公共服务支出`). Each line is one relation.
    ///
    /// ## Why
    /// The line tells the reader which 科目 the sentence explains. A name the table does not
    /// have — a typo (`其城乡社区支出`), text pasted into the name, a 款 written as the 项, a 类
    /// under its pre-2019 name (`医疗卫生与计划生育支出` for 210 卫生健康支出) — leaves the reader
    /// unable to find the row, and often means the figure is not the row's either.
    ///
    /// ## Example
    /// `住房保障支出（类）住房改革支出（款）其他自然资源住房公积金（项）` with 05表's 221 items
    /// `2210201 住房公积金` only: broken.
    ///
    /// ## Source
    /// 部门决算公开 情况说明 template (五(三)); 部门预算公开 编制说明 (财政拨款支出主要内容);
    /// 《政府收支分类科目》; docs/domain.md §5, §8.
    pub struct NarrativeFunctionNames {
        code: "N016",
        name: "narrative-function-names",
        title_zh: "文中功能分类科目名称与表格不符",
        title_en: "Functional classification name in the text differs from the table",
        category: Narrative,
        severity: Warning,
        review: true,
    }
}

impl Check for NarrativeFunctionNames {
    fn check(&self, document: &ParseReport, checker: &mut Checker) {
        let Some((table, functions)) = lookup::classified(document, Form::GeneralBudgetExpenditure)
            .or_else(|| lookup::classified(document, Form::BudgetGeneral))
        else {
            return;
        };
        let mut seen: Vec<&str> = Vec::new();
        for claim in checker.claims() {
            let Some(context) = claim.context.as_deref() else { continue };
            if seen.contains(&context) {
                continue;
            }
            seen.push(context);
            let line = norm(context);
            let Some((class, section, item)) = class_section_item(&line) else { continue };
            // `一般公共服务（类）` is the class `一般公共服务支出`.
            let class = class.trim();
            let Some(code) = class_code_of(class).or_else(|| class_code_of(&[class, "支出"].concat())) else {
                continue;
            };
            // One pass over the rows: the class row, whether the class lists 款, the named 款.
            let (mut class_row, mut has_sections, mut named_section) = (None, false, None);
            for row in &functions.rows {
                let Some(row_code) = row.code.as_deref().filter(|c| c.starts_with(code)) else { continue };
                match row.level {
                    // Compared when it is a class name itself, not one cut short in reading (`支出`).
                    Some(CodeLevel::Class) if class_code_of(&row.label) == Some(code) => class_row = Some(row),
                    Some(CodeLevel::Section) => {
                        has_sections = true;
                        if same_name(&row.label, section) {
                            named_section = Some(row_code);
                        }
                    }
                    _ => {}
                }
            }
            let prefix = named_section.unwrap_or(code);
            let items = || {
                functions.rows.iter().filter(|r| {
                    r.level == Some(CodeLevel::Item) && r.code.as_deref().is_some_and(|c| c.starts_with(prefix))
                })
            };
            if items().next().is_none() {
                continue;
            }
            let problem = if let Some(row) = class_row.filter(|row| !same_name(&row.label, class)) {
                format!("类「{class}」在表中为「{code} {}」", row.label)
            } else if has_sections && named_section.is_none() {
                format!("{code} 类下没有名为「{section}」的款")
            } else if !items().any(|row| same_name(&row.label, item)) {
                let mut names = String::new();
                for row in items() {
                    names.push_str(if names.is_empty() { "" } else { "、" });
                    names.push_str(&row.label);
                }
                format!("其下没有名为「{item}」的项（有：{names}）")
            } else {
                checker.held(&Self::INFO);
                continue;
            };
            let location = FindingLocation::span(claim.span, context.to_string());
            let message = format!("{}：{problem}", Self::INFO.title_zh);
            let derivation = format!("{class}（类）{section}（款）{item}（项） ↔ {}", table.form_name);
            let message_en = format!("{}: {derivation}", Self::INFO.title_en);
            checker.require(&Self::INFO, false, location, message, message_en, derivation);
        }
    }
}

/// Whether a name of the text is the table's, with or without `支出` (both normalised: the
/// table's labels as read, the text's line by `norm`).
fn same_name(table: &str, text: &str) -> bool {
    // `strip_suffix`, not `trim_end_matches`: a pattern search would cost about 1.5 KB of wasm.
    table.strip_suffix("支出").unwrap_or(table) == text.strip_suffix("支出").unwrap_or(text)
}
