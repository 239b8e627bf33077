use std::sync::OnceLock;

use regex_lite::Regex;

use super::{declare_rule, lookup, Rule, RuleInfo};
use crate::check::Checker;
use crate::report::ParseReport;

declare_rule! {
    /// ## What
    /// Running text and headings carry no wording left over from the template: a choice the
    /// author was meant to make (`增加（减少）`, `大于（小于）`, `增长（下降）`), a placeholder
    /// (`XX`, `××`), or an instruction to whoever fills it in (`（如有，一级预算部门填写）`,
    /// `（按用途分类）`, `精确到个位数`, `（注意：…）`). A paragraph or heading without template
    /// text is one relation held; each piece found is one broken.
    ///
    /// ## Why
    /// Template text in a published disclosure shows it was not read before publication, and a
    /// left-in choice (`大于（小于）`) leaves the reader without the statement it should make.
    ///
    /// ## Example
    /// `决算数大于（小于）年初预算数的主要原因是：…`: warning, quoting `大于（小于）`.
    /// `决算数大于年初预算数的主要原因是：…`: holds.
    ///
    /// ## Source
    /// 部门决算公开 templates (情况说明 and 绩效自评报告 outlines); DOMAIN.md §9.
    pub struct TemplateText {
        code: "L001",
        name: "template-text",
        title_zh: "模板文字未删除",
        title_en: "Template text left in",
        category: Form,
        severity: Warning,
    }
}

/// Template wording: an unmade choice between two words, a fill-in instruction, or a placeholder.
const TEMPLATE: &str = concat!(
    r"(?:增加|减少|增长|下降|降低|上升|大于|小于|高于|低于|等于)[（(](?:增加|减少|增长|下降|降低|上升|大于|小于|高于|低于|等于)[）)]",
    r"|[（(]如有[，,][^（）()]{0,30}[）)]",
    r"|[（(]按用途分类[）)]",
    r"|精确到个位数",
    r"|[（(]注意[：:][^（）()]*[）)]|^注意[：:]",
    r"|X{2,}|Ｘ{2,}|×{2,}",
);

fn template() -> &'static Regex {
    static PATTERN: OnceLock<Regex> = OnceLock::new();
    PATTERN.get_or_init(|| Regex::new(TEMPLATE).expect("valid pattern"))
}

/// Whether `text` holds a literal every [`TEMPLATE`] match contains: a cheap test that spares
/// the regex the many texts without any. One pass, looking closer only at the characters the
/// literals start with.
fn might_hold_template_text(text: &str) -> bool {
    const LITERALS: [&str; 7] = ["如有", "按用途分类", "精确到个位数", "注意", "XX", "××", "ＸＸ"];
    const CHOICE_WORDS: [&str; 11] = ["增加", "减少", "增长", "下降", "降低", "上升", "大于", "小于", "高于", "低于", "等于"];
    text.char_indices().any(|(at, c)| match c {
        '如' | '按' | '精' | '注' | 'X' | '×' | 'Ｘ' => LITERALS.iter().any(|l| text[at..].starts_with(l)),
        '（' | '(' => CHOICE_WORDS.iter().any(|w| text[..at].ends_with(w)),
        _ => false,
    })
}

/// Every piece of template wording in `text`, with its byte offset. `XX` inside a longer run of
/// Latin letters (`XXL`) is a word, not a placeholder.
fn template_text(text: &str) -> Vec<(usize, &str)> {
    if !might_hold_template_text(text) {
        return Vec::new();
    }
    template()
        .find_iter(text)
        .filter(|m| {
            let latin = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphabetic());
            !m.as_str().starts_with('X') || (!latin(text[..m.start()].chars().next_back()) && !latin(text[m.end()..].chars().next()))
        })
        .map(|m| (m.start(), m.as_str()))
        .collect()
}

impl Rule for TemplateText {
    fn info(&self) -> &'static RuleInfo {
        &Self::INFO
    }

    fn check(&self, document: &ParseReport, checker: &mut Checker) {
        let message = |found: &str| format!("{}：「{found}」", Self::INFO.title_zh);
        let message_en = |found: &str| format!("{}: «{found}»", Self::INFO.title_en);
        for placed in lookup::placed_paragraphs(document) {
            let paragraph = placed.paragraph;
            let found = template_text(&paragraph.text);
            let held = usize::from(found.is_empty());
            let matches = found.into_iter().map(|(offset, text)| lookup::Match { offset, text, message: message(text), message_en: message_en(text) }).collect();
            lookup::lint_paragraph(checker, &Self::INFO, paragraph, held, matches);
        }
        for section in lookup::all_sections(document) {
            let found = template_text(&section.heading);
            if found.is_empty() {
                checker.require(&Self::INFO, true, lookup::in_heading(section, ""), String::new(), String::new(), String::new());
            }
            for (offset, text) in found {
                let derivation = lookup::context(&section.heading, offset, text);
                checker.require(&Self::INFO, false, lookup::in_heading(section, text), message(text), message_en(text), derivation);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<&str> {
        template_text(text).into_iter().map(|(_, t)| t).collect()
    }

    #[test]
    fn choices_instructions_and_placeholders_are_template_text() {
        assert_eq!(found("决算数大于（小于）年初预算数"), ["大于（小于）"]);
        assert_eq!(found("比2023年增加(减少)4万元"), ["增加(减少)"]);
        assert_eq!(found("二是部门评价开展情况（如有，一级预算部门填写）。"), ["（如有，一级预算部门填写）"]);
        assert_eq!(found("情况说明（注意：“三公”经费是财政拨款口径）"), ["（注意：“三公”经费是财政拨款口径）"]);
        assert_eq!(found("累计7人次（精确到个位数），主要用于（按用途分类）支持"), ["精确到个位数", "（按用途分类）"]);
        assert_eq!(found("支出XX万元，接待××人次"), ["XX", "××"]);
    }

    #[test]
    fn made_choices_and_latin_words_are_not() {
        assert!(found("决算数大于年初预算数，减少（主要是压缩开支）").is_empty());
        assert!(found("采购XXL号服装，注：本表反映收入情况").is_empty());
    }
}
