use super::{declare_rule, lookup, verdicts, Check};
use crate::check::Checker;
use crate::finding::FindingLocation;
use crate::report::ParseReport;

declare_rule! {
    /// ## What
    /// No single character is typed twice in a row where the document itself writes the word
    /// once: `预预期目标` while the document says `预期目标` elsewhere, `社会效益益指标` beside
    /// `经济效益指标`, a cell `指指标` where other cells read `指标`; and a 绩效 indicator
    /// name of the national framework typed with a doubled character (`数量指指标`, `时效指指标`),
    /// which the document need not write correctly elsewhere. A character doubled
    /// across two words (`项目目标`, `工作作风`, `财政政策`, `深入学习习近平`) is left alone:
    /// its text without the second copy (`项目标`) is written nowhere. So is reduplication
    /// (`纷纷`, `牢牢`, `层层`, `人人`, AABB `实实在在`), numerals, and a measure word after a
    /// figure (`2023年年初`). `是是` and `的的` are L004's. Each doubled character looked at is
    /// one relation.
    ///
    /// ## Why
    /// Most characters double legitimately where one word ends and the next begins with the
    /// same character, so no list tells a slip from a word boundary; the document does: a slip
    /// leaves a word the document writes correctly elsewhere, a boundary leaves no such text.
    /// A slip does not change the figures, so it is a notice.
    ///
    /// ## Example
    /// A 绩效自评表 whose 一级指标 reads `满满意度指标` while a 二级指标 reads
    /// `服务对象满意度指标`: notice at `满满`. `加强内部控制制度`: holds (`内部控制度` is
    /// written nowhere).
    ///
    /// ## Source
    /// Proofreading (校对) practice; the class 1 (`预预期`); docs/domain.md §9.
    pub struct DoubledCharacter {
        code: "L015",
        name: "doubled-character",
        title_zh: "单字重复",
        title_en: "Character typed twice",
        category: Form,
        severity: Notice,
        review: true,
    }
}

/// Characters that double on purpose: reduplicated quantifiers and adverbs (`年年`, `层层`,
/// `纷纷`), numerals, and the two L004 reports (`是是`, `的的`).
const REDUPLICATED: &str =
    "年月日天人家处事时层个步节条件样项笔次户村常渐纷牢稳紧默悄刚仅偏往一二两三四五六七八九十百千万亿每是的";
/// The 一级 and 二级 indicator names of the 绩效目标 framework every 绩效自评表 uses (产出: 数量,
/// 质量, 时效, 成本; 效益: 经济, 社会, 生态, 可持续影响; 满意度: 服务对象满意度; docs/domain.md
/// §6): a cell that reads one of them with a character doubled is a slip whatever else the
/// document writes.
const INDICATOR_NAMES: [&str; 12] = [
    "产出指标",
    "效益指标",
    "满意度指标",
    "成本指标",
    "数量指标",
    "质量指标",
    "时效指标",
    "经济效益指标",
    "社会效益指标",
    "生态效益指标",
    "可持续影响指标",
    "服务对象满意度指标",
];
/// How many characters either side of a doubled character the text without its copy keeps:
/// one before, two after (`效｜益｜指标`).
const BEFORE: usize = 1;
const AFTER: usize = 2;

fn is_han(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

/// A character doubled in a text: where its first copy starts, the characters around it read
/// with the doubling (`预预期目`) and without it (`预期目`), whether that window spans a
/// whole run of Han characters (so it must be found as a whole run elsewhere), and the whole
/// run without the copy (`数量指指标` → `数量指标`).
struct Doubled {
    offset: usize,
    character: char,
    window: String,
    single: String,
    whole_run: bool,
    run_single: String,
}

/// The doubled characters of `text` a slip could explain: not reduplication, not after a figure.
fn doubled(text: &str) -> Vec<Doubled> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let at = |i: usize| chars.get(i).map(|&(_, c)| c);
    let byte = |i: usize| chars.get(i).map_or(text.len(), |&(b, _)| b);
    let mut out = Vec::new();
    for i in 0..chars.len().saturating_sub(1) {
        let c = chars[i].1;
        if !is_han(c) || at(i + 1) != Some(c) || at(i.wrapping_sub(1)) == Some(c) || REDUPLICATED.contains(c) {
            continue;
        }
        // AABB and BBAA are reduplication (`实实在在`, `是是非非`).
        let pair = |a: usize, b: usize| at(a).is_some_and(is_han) && at(a) == at(b);
        if pair(i + 2, i + 3) || (i >= 2 && pair(i - 2, i - 1)) {
            continue;
        }
        let run_start = (0..i).rev().take_while(|&j| is_han(chars[j].1)).last().unwrap_or(i);
        let run_end = (i + 2..chars.len()).take_while(|&j| is_han(chars[j].1)).last().map_or(i + 2, |j| j + 1);
        // A measure word after a figure (`2023年年初`, `3个个人`).
        if run_start == i && i > 0 && chars[i - 1].1.is_ascii_digit() {
            continue;
        }
        let from = i.saturating_sub(BEFORE).max(run_start);
        let to = (i + 2 + AFTER).min(run_end);
        let window = text[byte(from)..byte(to)].to_string();
        let single = format!("{}{}", &text[byte(from)..byte(i + 1)], &text[byte(i + 2)..byte(to)]);
        let whole_run = from == run_start && to == run_end;
        let long_enough = single.chars().count() >= 3 || (whole_run && single.chars().count() >= 2);
        if long_enough {
            let run_single = format!("{}{}", &text[byte(run_start)..byte(i + 1)], &text[byte(i + 2)..byte(run_end)]);
            out.push(Doubled { offset: byte(i), character: c, window, single, whole_run, run_single });
        }
    }
    out
}

/// How often `needle` occurs in `haystack`; as a whole run of Han characters if `whole_run`.
fn occurrences(haystack: &str, needle: &str, whole_run: bool) -> usize {
    haystack
        .match_indices(needle)
        .filter(|&(at, _)| {
            !whole_run
                || !(haystack[..at].chars().next_back().is_some_and(is_han)
                    || haystack[at + needle.len()..].chars().next().is_some_and(is_han))
        })
        .count()
}

/// How often the document writes `found`'s text without the copy elsewhere. Each doubled
/// occurrence holds that text once when the window starts at the doubled character
/// (`预预期目` ⊃ `预期目`): those are not "elsewhere".
fn written_elsewhere(haystack: &str, found: &Doubled) -> usize {
    let inside = if found.window.starts_with(found.character) && !found.whole_run {
        occurrences(haystack, &found.window, false)
    } else {
        0
    };
    occurrences(haystack, &found.single, found.whole_run).saturating_sub(inside)
}

impl Check for DoubledCharacter {
    fn check(&self, document: &ParseReport, checker: &mut Checker) {
        let texts = lookup::block_texts(document);
        let haystack = texts.iter().map(|(text, ..)| *text).collect::<Vec<_>>().join("\n");
        for &(text, span, _) in &texts {
            for found in doubled(text) {
                let elsewhere = written_elsewhere(&haystack, &found);
                let (window, single, repeated) = (&found.window, &found.single, found.character);
                let twice = &text[found.offset..found.offset + 2 * repeated.len_utf8()];
                // A text read verbatim locates the doubling exactly; else the text as a whole.
                let location = if span.byte_end - span.byte_start == text.len() {
                    let start = span.byte_start + found.offset;
                    FindingLocation::text(span.line_start, start..start + twice.len(), window.clone())
                } else {
                    FindingLocation::span(span, window.clone())
                };
                let context = verdicts::context(text, found.offset, twice);
                let indicator = INDICATOR_NAMES.contains(&found.run_single.as_str());
                let (message, message_en, derivation) = if elsewhere == 0 && indicator {
                    let name = &found.run_single;
                    (
                        format!("{}：「{window}」中「{repeated}」重复，绩效指标名应为「{name}」", Self::INFO.title_zh),
                        format!(
                            "{}: «{window}» repeats «{repeated}»; the indicator is named «{name}»",
                            Self::INFO.title_en
                        ),
                        format!("{context}；「{name}」是绩效指标框架的指标名"),
                    )
                } else {
                    (
                        format!("{}：「{window}」中「{repeated}」重复，文中他处写作「{single}」", Self::INFO.title_zh),
                        format!(
                            "{}: «{window}» repeats «{repeated}»; the document writes «{single}» elsewhere",
                            Self::INFO.title_en
                        ),
                        format!("{context}；「{single}」见于他处 {elsewhere} 次"),
                    )
                };
                checker.require(&Self::INFO, elsewhere == 0 && !indicator, location, message, message_en, derivation);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn slips(document: &str) -> Vec<String> {
        document
            .lines()
            .flat_map(|line| doubled(line).into_iter().filter(|d| written_elsewhere(document, d) > 0).map(|d| d.window))
            .collect()
    }

    #[test]
    fn a_slip_leaves_a_word_the_document_writes_elsewhere() {
        assert_eq!(slips("预预期目标\n实现了预期目标"), ["预预期目"]);
        assert_eq!(slips("社会效益益指标\n经济效益指标"), ["效益益指标"]);
        assert_eq!(slips("数量\n指指标\n指标"), ["指指标"]);
        // Alone, the doubled text is its own only witness.
        assert!(slips("预预期目标").is_empty());
    }

    #[test]
    fn an_indicator_name_with_a_doubled_character_is_a_slip_without_a_witness() {
        let runs: Vec<String> = doubled("数量指指标").into_iter().map(|d| d.run_single).collect();
        assert_eq!(runs, ["数量指标"]);
        assert!(INDICATOR_NAMES.contains(&runs[0].as_str()));
        let runs: Vec<String> = doubled("项目目标").into_iter().map(|d| d.run_single).collect();
        assert!(runs.iter().all(|run| !INDICATOR_NAMES.contains(&run.as_str())), "{runs:?}");
    }

    #[test]
    fn word_boundaries_and_reduplication_hold() {
        let document = "项目目标\n立项目标\n加强内部控制制度\n深入学习习近平\n纷纷落户\n纷落户\n2023年年初预算\n年初预算\n实实在在\n实在在";
        assert!(slips(document).is_empty(), "{:?}", slips(document));
    }
}
