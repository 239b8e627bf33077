use super::{declare_rule, lookup, verdicts, Check};
use crate::check::Checker;
use crate::report::ParseReport;

declare_rule! {
    /// ## What
    /// A count the text states and then lists names as many items: `内设4个科室，分别为：综合科、
    /// 招商引资科、接待科及信访维稳科` lists four, `设5个内设机构，包括：…` five, `二级机构1个：…`
    /// one. The list runs from the colon to the end of its clause (`，`, `；`, `。`); items are
    /// parted by `、`, and the last may be two joined by `及`, `以及`, `和` or `与` (or be one name
    /// holding such a word: either count holds). Counts in Arabic or Chinese numerals
    /// (`两`, `十二`). Lists that end in `等`, that number their items (`一是…`, `（一）`, `1.`),
    /// whose items run longer than a name, a single clause after a count above one (prose, not
    /// a list), or a count not followed by a colon (`实现了“三个确保”`) are left alone. Each list
    /// is one relation.
    ///
    /// ## Why
    /// The count and the list are written at different times (a 科室 merged or added, the
    /// list updated, the count not): one of them is wrong, and the reader cannot tell which.
    ///
    /// ## Example
    /// `内设5个科室，分别为：综合科、招商引资科、接待科及信访维稳科`: warning, 5 stated and 4
    /// listed. `内设4个科室，分别为：…` with the same list: holds.
    ///
    /// ## Source
    /// 部门决算 / 部门预算 情况说明 template, 部门职责及机构设置 (内设机构); docs/domain.md §5.
    pub struct NarrativeCountVsList {
        code: "N018",
        name: "narrative-count-vs-list",
        title_zh: "文中所述个数与所列名目不符",
        title_en: "Stated count differs from the items listed",
        category: Narrative,
        severity: Warning,
        review: true,
    }
}

/// Words that introduce a list after its count (`内设4个科室，分别为：`).
const LEADS: [&str; 6] = ["分别为", "分别是", "包括", "具体为", "即", "为"];
/// Words that may join the last two items (`接待科及信访维稳科`).
const JOINS: [&str; 4] = ["以及", "及", "和", "与"];
/// The longest item read as a name, in characters: longer, the "list" is prose.
const LONGEST_ITEM: usize = 20;
/// The longest noun between the count and its colon, in characters (`个内设机构`).
const LONGEST_NOUN: usize = 10;

/// A count and the list that follows it in a paragraph.
#[derive(Debug, PartialEq)]
struct Listed<'t> {
    /// Byte where the count starts, and the text from there to the list's end.
    start: usize,
    found: &'t str,
    count: usize,
    /// How many items the list holds: fewest (no join split) and most (the last item split
    /// at a joining word).
    items: (usize, usize),
}

/// The value of a count written in Arabic digits or Chinese numerals (up to 99), with the
/// byte where it starts, read backwards from the end of `before`.
fn count_before(before: &str) -> Option<(usize, usize)> {
    let digits = before.len() - before.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    if digits > 0 {
        let start = before.len() - digits;
        return Some((start, before[start..].parse().ok()?));
    }
    let numeral = before.len() - before.trim_end_matches(|c: char| "一二两三四五六七八九十".contains(c)).len();
    let start = before.len() - numeral;
    Some((start, chinese_number(&before[start..])?))
}

/// `两` 2, `十二` 12, `二十` 20, `三十五` 35; `None` for anything else.
fn chinese_number(text: &str) -> Option<usize> {
    let digit = |c: char| "零一二三四五六七八九".find(c).map(|at| at / '一'.len_utf8()).or((c == '两').then_some(2));
    let chars: Vec<char> = text.chars().collect();
    match chars.as_slice() {
        [one] if *one == '十' => Some(10),
        [one] => digit(*one),
        ['十', ones] => Some(10 + digit(*ones)?),
        [tens, '十'] => Some(digit(*tens)? * 10),
        [tens, '十', ones] => Some(digit(*tens)? * 10 + digit(*ones)?),
        _ => None,
    }
}

/// Every count followed by its list in `text`.
fn listed(text: &str) -> Vec<Listed<'_>> {
    let mut out = Vec::new();
    for (at, _) in text.match_indices('个') {
        let Some((start, count)) = count_before(&text[..at]) else { continue };
        let after = &text[at + '个'.len_utf8()..];
        let Some(colon) = after.find(['：', ':']) else { continue };
        // Between `个` and the colon: a noun of Han characters, a comma, a leading word.
        let mut head = after[..colon].trim_end();
        if let Some(lead) = LEADS.iter().find(|lead| head.ends_with(**lead)) {
            head = head[..head.len() - lead.len()].trim_end_matches(['，', ',', ' ']);
        }
        if head.chars().count() > LONGEST_NOUN || !head.chars().all(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c)) {
            continue;
        }
        let list_start = colon + after[colon..].chars().next().map_or(1, char::len_utf8);
        let rest = &after[list_start..];
        let list = rest[..rest.find(['，', ',', '；', ';', '。', '\n']).unwrap_or(rest.len())].trim();
        let Some(items) = items(list) else { continue };
        if items.1 == 1 && count != 1 {
            // One clause after the colon, no list: prose (`完成3个项目：其中一个…`).
            continue;
        }
        let end = at + '个'.len_utf8() + list_start + (rest.len() - rest.trim_start().len()) + list.len();
        out.push(Listed { start, found: &text[start..end], count, items });
    }
    out
}

/// How many items `list` holds (fewest, most); `None` when it is not a list of names.
fn items(list: &str) -> Option<(usize, usize)> {
    let numbered = ["一是", "一、", "（一）", "(一)", "1.", "1、", "（1）", "第一", "首先"];
    if list.is_empty() || list.ends_with('等') || list.ends_with("等等") || numbered.iter().any(|n| list.starts_with(n))
    {
        return None;
    }
    let parts: Vec<&str> = list.split('、').map(str::trim).collect();
    if parts.iter().any(|p| p.is_empty() || p.chars().count() > LONGEST_ITEM) {
        return None;
    }
    let last = parts[parts.len() - 1];
    let joined = JOINS.iter().any(|join| last.find(join).is_some_and(|at| at > 0 && at + join.len() < last.len()));
    Some((parts.len(), parts.len() + usize::from(joined)))
}

impl Check for NarrativeCountVsList {
    fn check(&self, document: &ParseReport, checker: &mut Checker) {
        for paragraph in lookup::paragraphs(document) {
            for listed in listed(&paragraph.text) {
                // Read as most readers would: the last two items joined by `及` are two.
                let (fewest, most) = listed.items;
                let count = listed.count;
                checker.require(
                    &Self::INFO,
                    (fewest..=most).contains(&count),
                    verdicts::in_paragraph(paragraph, listed.start, listed.found, None),
                    format!("{}：文中称 {count} 个，其后列出 {most} 个", Self::INFO.title_zh),
                    format!("{}: the text says {count}, then lists {most}", Self::INFO.title_en),
                    format!("{count} ≠ {most}（{}）", listed.found),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Vec<(usize, (usize, usize))> {
        listed(text).into_iter().map(|l| (l.count, l.items)).collect()
    }

    #[test]
    fn counts_and_their_lists_are_read() {
        assert_eq!(read("内设4个科室，分别为：综合科、招商引资科、接待科及信访维稳科。"), [(4, (3, 4))]);
        assert_eq!(read("设5个内设机构，包括：院长室、办公室、财务室、后勤部、护理部"), [(5, (5, 5))]);
        assert_eq!(read("正科级二级机构1个：株洲市荷塘区档案馆"), [(1, (1, 1))]);
        assert_eq!(read("下设十二个科室：甲科、乙科"), [(12, (2, 2))]);
        assert_eq!(read("共两个：甲科和乙科；"), [(2, (1, 2))]);
        let found = listed("内设4个科室，分别为：综合科、接待科。");
        assert_eq!(found[0].found, "4个科室，分别为：综合科、接待科");
    }

    #[test]
    fn prose_numbered_and_open_lists_are_left_alone() {
        assert!(read("实现了“三个确保”，的预期目标：既没有发生").is_empty());
        assert!(read("主要有3个方面：一是加强管理，二是").is_empty());
        assert!(read("设3个科室：甲科、乙科等。").is_empty());
        assert!(read("完成3个项目：其中一个项目已经全部完成并通过了验收，另外两个项目正在推进").is_empty());
        assert!(read("3个").is_empty());
        assert!(read("个别单位：甲").is_empty());
    }

    #[test]
    fn chinese_numbers() {
        assert_eq!(["两", "十", "十二", "二十", "三十五", "九"].map(chinese_number), [2, 10, 12, 20, 35, 9].map(Some));
        assert_eq!(chinese_number("十十"), None);
    }
}
