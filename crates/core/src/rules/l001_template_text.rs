use super::{declare_rule, lookup, verdicts, Check};
use crate::check::Checker;
use crate::ingest::char_width;
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
    /// 部门决算公开 templates (情况说明 and 绩效自评报告 outlines); docs/domain.md §9.
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
/// [`template_at`] reads it by hand; the tests hold it to this pattern.
#[cfg(test)]
const TEMPLATE: &str = concat!(
    r"(?:增加|减少|增长|下降|降低|上升|大于|小于|高于|低于|等于)[（(](?:增加|减少|增长|下降|降低|上升|大于|小于|高于|低于|等于)[）)]",
    r"|[（(]如有[，,][^（）()]{0,30}[）)]",
    r"|[（(]按用途分类[）)]",
    r"|精确到个位数",
    r"|[（(]注意[：:][^（）()]*[）)]|^注意[：:]",
    r"|X{2,}|Ｘ{2,}|×{2,}",
);

/// Words of a choice left to the author (`增加（减少）`).
const CHOICE_WORDS: [&str; 11] =
    ["增加", "减少", "增长", "下降", "降低", "上升", "大于", "小于", "高于", "低于", "等于"];

/// The end of the template wording starting at byte `at` of `text` with the character `mark`, if any: an unmade choice
/// (`增加（减少）`), an instruction (`（如有，…）` within 30 characters, `（按用途分类）`,
/// `精确到个位数`, `（注意：…）`, `注意：` opening the text) or a placeholder (`XX`, `ＸＸ`, `××`).
fn template_at(text: &str, at: usize, mark: char) -> Option<usize> {
    let end = |after: &str| text.len() - after.len();
    let is_bracket = |c: char| matches!(c, '（' | '）' | '(' | ')');
    let closes = |after: &str| after.strip_prefix(['）', ')']).map(end);
    // Up to the next bracket, which must close: its end, and how many characters came before it.
    let to_closing = |after: &str| {
        let (count, (offset, c)) = after.char_indices().enumerate().find(|(_, (_, c))| is_bracket(*c))?;
        matches!(c, '）' | ')').then(|| (end(after) + offset + c.len_utf8(), count))
    };
    let rest = &text[at..];
    match mark {
        '增' | '减' | '下' | '降' | '上' | '大' | '小' | '高' | '低' | '等' => {
            let after = CHOICE_WORDS.iter().find_map(|w| rest.strip_prefix(w))?.strip_prefix(['（', '('])?;
            closes(CHOICE_WORDS.iter().find_map(|w| after.strip_prefix(w))?)
        }
        '（' | '(' => {
            let inner = &rest[mark.len_utf8()..];
            if let Some(after) = inner.strip_prefix("如有").and_then(|a| a.strip_prefix(['，', ','])) {
                to_closing(after).filter(|(_, count)| *count <= 30).map(|(end, _)| end)
            } else if let Some(after) = inner.strip_prefix("按用途分类") {
                closes(after)
            } else {
                to_closing(inner.strip_prefix("注意")?.strip_prefix(['：', ':'])?).map(|(end, _)| end)
            }
        }
        '精' => rest.starts_with("精确到个位数").then(|| at + "精确到个位数".len()),
        '注' if at == 0 => rest.strip_prefix("注意")?.strip_prefix(['：', ':']).map(end),
        'X' | 'Ｘ' | '×' => {
            let run = rest.len() - rest.trim_start_matches(mark).len();
            (run >= 2 * mark.len_utf8()).then_some(at + run)
        }
        _ => None,
    }
}

/// Every piece of template wording in `text`, with its byte offset, in one pass. `XX` inside a
/// longer run of Latin letters (`XXL`) is a word, not a placeholder.
fn template_text(text: &str) -> Vec<(usize, &str)> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut at = 0;
    while at < bytes.len() {
        // Template wording starts with `(`, `X`, `×` (led by 0xC3), a full-width form (led by
        // 0xEF), `精`, `注` opening the text, or a choice word (two Han characters) right before
        // a bracket: characters starting nothing else are not decoded.
        let may_start = matches!(bytes[at], b'(' | b'X' | 0xC3 | 0xEF)
            || at == 0
            || bytes[at] == 0xE7 && bytes[at..].starts_with("精".as_bytes())
            || matches!(bytes.get(at + 6), Some(b'(' | 0xEF));
        let found = if may_start { template_at(text, at, text[at..].chars().next().unwrap_or_default()) } else { None };
        let Some(end) = found else {
            at += char_width(bytes[at]);
            continue;
        };
        let latin = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphabetic());
        if !text[at..].starts_with('X')
            || (!latin(text[..at].chars().next_back()) && !latin(text[end..].chars().next()))
        {
            out.push((at, &text[at..end]));
        }
        at = end;
    }
    out
}

impl Check for TemplateText {
    fn check(&self, document: &ParseReport, checker: &mut Checker) {
        let message = |found: &str| format!("{}：「{found}」", Self::INFO.title_zh);
        let message_en = |found: &str| format!("{}: «{found}»", Self::INFO.title_en);
        for paragraph in lookup::paragraphs(document) {
            let found = template_text(&paragraph.text);
            let held = usize::from(found.is_empty());
            let matches = found
                .into_iter()
                .map(|(offset, text)| verdicts::Match {
                    offset,
                    text,
                    message: message(text),
                    message_en: message_en(text),
                })
                .collect();
            verdicts::lint_paragraph(checker, &Self::INFO, paragraph, held, matches);
        }
        for section in lookup::all_sections(document) {
            let found = template_text(&section.heading);
            if found.is_empty() {
                checker.held(&Self::INFO);
            }
            for (offset, text) in found {
                let derivation = verdicts::context(&section.heading, offset, text);
                checker.require(
                    &Self::INFO,
                    false,
                    verdicts::in_heading(section, text),
                    message(text),
                    message_en(text),
                    derivation,
                );
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

    proptest::proptest! {
        /// The scan reads what [`TEMPLATE`] would.
        #[test]
        fn scan_reads_as_the_pattern_does(pieces in proptest::collection::vec(proptest::sample::select(&["增加", "少", "大于", "（", "）", "(", ")", "如有", "，", ",", "按用途分类", "精确到个位数", "注意", "：", ":", "X", "Ｘ", "×", "L", "的", "的的的的的的的的的的"][..]), 0..24)) {
            let text: String = pieces.concat();
            let pattern = regex_lite::Regex::new(TEMPLATE).unwrap();
            let latin = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphabetic());
            let by_pattern: Vec<_> = pattern
                .find_iter(&text)
                .filter(|m| !m.as_str().starts_with('X') || (!latin(text[..m.start()].chars().next_back()) && !latin(text[m.end()..].chars().next())))
                .map(|m| (m.start(), m.as_str()))
                .collect();
            proptest::prop_assert_eq!(template_text(&text), by_pattern);
        }
    }

    #[test]
    fn made_choices_and_latin_words_are_not() {
        assert!(found("决算数大于年初预算数，减少（主要是压缩开支）").is_empty());
        assert!(found("采购XXL号服装，注：本表反映收入情况").is_empty());
    }
}
