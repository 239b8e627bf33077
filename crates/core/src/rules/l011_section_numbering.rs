use super::{declare_rule, verdicts, Check};
use crate::check::Checker;
use crate::labels::numbering;
use crate::recognise::Section;
use crate::report::ParseReport;

declare_rule! {
    /// ## What
    /// Section headings numbered in one style under one parent (`一、`…, `（一）`…) count up by
    /// one: `五、` is followed by `六、`, not by `七、` (a part left out
    /// or renumbered by hand) nor by `四、` or `五、` again (a part pasted from elsewhere). A
    /// numbered paragraph between two headings fills the gap it stands in (`（二）` written as a
    /// long sentence rather than a heading). Each numbered heading after the first of its style
    /// is one relation.
    ///
    /// ## Why
    /// A skipped or repeated number tells the reader a part is missing or duplicated, and
    /// makes the 目录 and the text disagree; reviewers mark it on every draft.
    ///
    /// ## Example
    /// `五、“三公”经费支出决算情况说明` followed by `七、机关运行经费支出情况说明`: warning (六 is
    /// missing). `五、`, `六、`, `七、`: holds.
    ///
    /// ## Source
    /// 部门决算公开 and 部门预算公开 templates (their numbered parts); docs/domain.md §9.
    pub struct SectionNumbering {
        code: "L011",
        name: "section-numbering",
        title_zh: "章节编号跳号或重复",
        title_en: "Section numbering skips or repeats",
        category: Form,
        severity: Warning,
        review: true,
    }
}

/// The number a heading's numbering counts (`第三部分` 3, `十二` 12, `（2）` 2).
fn counted(numbering: &str) -> Option<u32> {
    let inner = numbering.trim_start_matches(['第', '(']).trim_end_matches(')');
    let inner = inner.strip_suffix("部分").unwrap_or(inner);
    if inner.bytes().all(|b| b.is_ascii_digit()) {
        return inner.parse().ok();
    }
    let digit = |c: char| "一二三四五六七八九".chars().position(|d| d == c).map(|at| at as u32 + 1);
    let mut chars = inner.chars();
    match (chars.next()?, chars.next(), chars.next(), chars.next()) {
        ('十', None, None, None) => Some(10),
        (c, None, None, None) => digit(c),
        ('十', Some(c), None, None) => Some(10 + digit(c)?),
        (c, Some('十'), None, None) => Some(10 * digit(c)?),
        (c, Some('十'), Some(d), None) => Some(10 * digit(c)? + digit(d)?),
        _ => None,
    }
}

/// A heading's or paragraph's numbering style (rank) and number.
fn numbered(text: &str) -> Option<(u8, u32)> {
    let (rank, numbering) = numbering(text)?;
    Some((rank, counted(&numbering)?))
}

/// The lists of one numbering style open among siblings: each list's last number, the
/// innermost last. `一、二、三` under `六、` and then `七、` is the inner list ending and the
/// outer going on; a `1` opens a list (a sub-list, or the body after its 目录).
#[derive(Default)]
struct Lists<'a> {
    open: Vec<(u32, &'a str)>,
}

impl<'a> Lists<'a> {
    /// Reads `number` (of `heading`); the number expected and the heading before it when it
    /// continues no open list, `None` when it does or opens one.
    fn read(&mut self, number: u32, heading: &'a str) -> Option<(u32, &'a str)> {
        if number == 1 || self.open.is_empty() {
            self.open.push((number, heading));
            return None;
        }
        if let Some(at) = self.open.iter().rposition(|&(last, _)| last.saturating_add(1) == number) {
            self.open.truncate(at);
            self.open.push((number, heading));
            return None;
        }
        let (last, previous) = self.open.pop().unwrap_or((0, ""));
        self.open.push((number, heading));
        Some((last.saturating_add(1), previous))
    }
}

/// Numbering styles checked: the sections' `一、` and `（一）`. Parts (`第二部分`) are left out:
/// a part's title page may print no number (the Shanghai 决算's 部门决算表 part). So are item
/// lists (`1.`, `（1）`): a table's numbered lines with no figures read as text (a blank
/// workbook's `3. 国有资本经营预算`) and lists restarted in each item are not sections.
const CHECKED_RANKS: [u8; 2] = [20, 30];

/// Checks the numbered headings among `sections` (siblings), then each one's children.
fn check_siblings(sections: &[Section], checker: &mut Checker) {
    let mut lists: [Lists; 2] = Default::default();
    let list_of = |rank: u8| CHECKED_RANKS.iter().position(|&r| r == rank);
    for section in sections {
        if let Some((index, number)) =
            numbered(&section.heading).and_then(|(rank, number)| Some((list_of(rank)?, number)))
        {
            let continues = !lists[index].open.is_empty() && number != 1;
            let skipped = lists[index].read(number, &section.heading);
            if continues {
                let (expected, previous) = skipped.unwrap_or_default();
                checker.require(
                    &SectionNumbering::INFO,
                    skipped.is_none(),
                    verdicts::in_heading(section, &section.heading),
                    format!(
                        "{}：「{}」前一节为「{previous}」，编号应为 {expected}",
                        SectionNumbering::INFO.title_zh,
                        section.heading
                    ),
                    format!(
                        "{}: «{}» follows «{previous}»: number {expected} expected",
                        SectionNumbering::INFO.title_en,
                        section.heading
                    ),
                    format!("「{previous}」→「{}」", section.heading),
                );
            }
        }
        // A numbered paragraph (a long item not read as a heading) counts in its list.
        for paragraph in &section.paragraphs {
            if let Some((index, number)) =
                numbered(&paragraph.text).and_then(|(rank, number)| Some((list_of(rank)?, number)))
            {
                if lists[index].open.last().is_some_and(|&(last, _)| last.saturating_add(1) == number) {
                    lists[index].read(number, &paragraph.text);
                }
            }
        }
        check_siblings(&section.children, checker);
    }
}

impl Check for SectionNumbering {
    fn check(&self, document: &ParseReport, checker: &mut Checker) {
        check_siblings(&document.sections, checker);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numberings_count() {
        assert_eq!(counted("第三部分"), Some(3));
        assert_eq!(counted("十"), Some(10));
        assert_eq!(counted("十二"), Some(12));
        assert_eq!(counted("二十"), Some(20));
        assert_eq!(counted("二十一"), Some(21));
        assert_eq!(counted("(二)"), Some(2));
        assert_eq!(counted("(12)"), Some(12));
        assert_eq!(counted("7"), Some(7));
        assert_eq!(counted("十十"), None);
    }
}
