use super::{declare_rule, lookup, verdicts, Check};
use crate::check::Checker;
use crate::ingest::char_width;
use crate::report::ParseReport;

declare_rule! {
    /// ## What
    /// No word or phrase is written twice in a row: `单位单位`, `公开公开`, `包括包括`,
    /// `与上年相比，与上年相比`, `是是`, `。。`. Doubling that is meant is left alone: `人人`,
    /// `常常`, `实实在在` (AABB), `一个一个`, numbers, and a list whose second item extends the
    /// first (`市人民政府、市人民政府办公室`). Of single characters only `是是` and `的的` are
    /// reported, and not in `但是是否` or `目的的`: most characters double across a word
    /// boundary (`参与与支持`, `以及及时`). Each paragraph is one relation.
    ///
    /// ## Why
    /// A doubled word is a copy-and-paste or typing slip. It does not change what the text
    /// says, so it is a notice: worth fixing before publication, not a defect in the figures.
    ///
    /// ## Example
    /// `与上年相比，与上年相比，减少116.72万元`: notice, quoting `与上年相比，与上年相比`.
    /// `与上年相比，减少116.72万元`: holds.
    ///
    /// ## Source
    /// Proofreading (校对) practice; GB/T 15834《标点符号用法》 for doubled marks; docs/domain.md §9.
    pub struct RepeatedWords {
        code: "L004",
        name: "repeated-words",
        title_zh: "字词重复",
        title_en: "Repeated word or phrase",
        category: Form,
        severity: Notice,
    }
}

/// Single characters whose doubling is a slip. Most function words double legitimately across
/// a word boundary (`参与与支持`, `以及及时`, `存在在职`), so only these two are looked at.
const NEVER_DOUBLED: [char; 2] = ['是', '的'];
/// Words that put one of [`NEVER_DOUBLED`] next to itself legitimately (`但是是否`, `目的的`).
const WORDS_ACROSS: [&str; 3] = ["是否", "的确", "目的"];
/// Punctuation that is never doubled (`……` and `——` are single marks of two characters).
const PUNCTUATION: [char; 5] = ['。', '，', '、', '；', '：'];
/// Separators between the two copies of a repeated phrase.
const SEPARATORS: [char; 3] = ['，', '、', ' '];
/// Characters that begin a counted reduplication (`一个一个`, `两年两年`).
const NUMERALS: [char; 12] = ['一', '二', '两', '三', '四', '五', '六', '七', '八', '九', '十', '每'];
/// The longest phrase looked for, in characters.
const LONGEST: usize = 12;

/// Whether a Han character (U+4E00..U+9FFF, three bytes in UTF-8) starts at byte `at`.
fn han_at(bytes: &[u8], at: usize) -> bool {
    match bytes.get(at) {
        Some(0xE4) => bytes.get(at + 1).is_some_and(|b| *b >= 0xB8),
        Some(lead) => (0xE5..=0xE9).contains(lead),
        None => false,
    }
}

/// Whether `half` (Han characters) doubled is a slip: not a counted reduplication, and either a
/// function word or at least two characters that are not one character repeated.
fn doubled_slip(half: &str, separated: bool) -> bool {
    let first = half.chars().next().unwrap_or_default();
    let counted = NUMERALS.contains(&first);
    let one_repeated = half.chars().all(|c| c == first);
    match half.len() / 3 {
        1 => !separated && NEVER_DOUBLED.contains(&first),
        2 => !counted && !one_repeated && !separated,
        _ => !counted && !one_repeated,
    }
}

/// The end of the doubled word or phrase starting at byte `at` of `text`, whose run of Han
/// characters ends at byte `run_end`, followed by a separator of `separator` bytes if any: the
/// longest half first, then shorter ones. A copy right after the half takes at most half the
/// run; a copy after a separator needs the run to end at the separator, so the whole run is
/// the half.
fn doubled_at(text: &str, at: usize, run_end: usize, separator: Option<usize>) -> Option<usize> {
    let bytes = text.as_bytes();
    let run = (run_end - at) / 3;
    // Separated, only a phrase of three or more characters is a slip.
    if (3..=LONGEST).contains(&run) {
        if let Some(separator) = separator {
            let copy = run_end + separator;
            let end = copy + (run_end - at);
            let half = &text[at..run_end];
            // `市人民政府、市人民政府办公室` lists two names: a separated copy must end there.
            if bytes.get(copy..end) == Some(half.as_bytes()) && !han_at(bytes, end) && doubled_slip(half, true) {
                return Some(end);
            }
        }
    }
    let before = || text[..at].chars().rev();
    let after = |end: usize| text[end..].chars();
    // A word across the doubled character (`但是是否`, `目的的`).
    let across = |a: Option<char>, b: Option<char>| matches!((a, b), (Some(a), Some(b)) if WORDS_ACROSS.iter().any(|w| w.chars().eq([a, b])));
    for n in (1..=LONGEST.min(run / 2)).rev() {
        let (mid, end) = (at + 3 * n, at + 6 * n);
        // The copy's last byte first: the cheapest test that tells most characters apart.
        if bytes[mid + 2] != bytes[at + 2] || bytes[at..mid] != bytes[mid..end] {
            continue;
        }
        let half = &text[at..mid];
        if n == 1 {
            // AABB (`实实在在`, `是是非非`) is deliberate reduplication.
            let (mut next, mut previous) = (after(end), before());
            let pair = |a: Option<char>, b: Option<char>| a.is_some() && a == b;
            let first = half.chars().next();
            let aabb = pair(next.next(), next.next()) || pair(previous.next(), previous.next());
            let word_across = across(before().next(), first) || across(first, after(end).next());
            if aabb || word_across {
                continue;
            }
        }
        if doubled_slip(half, false) {
            return Some(end);
        }
    }
    None
}

/// Every doubled word, phrase or punctuation mark in `text`, with its byte offset.
fn repeats(text: &str) -> Vec<(usize, &str)> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let (mut at, mut run_end, mut separator) = (0, 0, None);
    while at < bytes.len() {
        // Every repeat starts with a Han character (a word) or a punctuation mark.
        let mut found = None;
        if han_at(bytes, at) {
            if run_end <= at {
                run_end = at;
                while han_at(bytes, run_end) {
                    run_end += 3;
                }
                separator = text[run_end..].chars().next().filter(|c| SEPARATORS.contains(c)).map(char::len_utf8);
            }
            found = doubled_at(text, at, run_end, separator);
        }
        // The marks are U+300x and U+FF0x, led by 0xE3 and 0xEF.
        let mark = || text[at..].chars().next().filter(|c| PUNCTUATION.contains(c));
        if found.is_none()
            && matches!(bytes[at], 0xE3 | 0xEF)
            && mark().is_some()
            && bytes.get(at + 3..at + 6) == Some(&bytes[at..at + 3])
        {
            found = Some(at + 6);
        }
        match found {
            Some(end) => {
                out.push((at, &text[at..end]));
                at = end;
            }
            None => at += char_width(bytes[at]),
        }
    }
    out
}

impl Check for RepeatedWords {
    fn check(&self, document: &ParseReport, checker: &mut Checker) {
        for paragraph in lookup::paragraphs(document) {
            let found = repeats(&paragraph.text);
            let held = usize::from(found.is_empty());
            let matches = found
                .into_iter()
                .map(|(offset, repeated)| verdicts::Match {
                    offset,
                    text: repeated,
                    message: format!("{}：「{repeated}」", Self::INFO.title_zh),
                    message_en: format!("{}: «{repeated}»", Self::INFO.title_en),
                })
                .collect();
            verdicts::lint_paragraph(checker, &Self::INFO, paragraph, held, matches);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<&str> {
        repeats(text).into_iter().map(|(_, r)| r).collect()
    }

    fn is_han(c: char) -> bool {
        ('\u{4e00}'..='\u{9fff}').contains(&c)
    }

    /// The scan by characters that [`repeats`] replaced, as the reference it is held to.
    fn repeats_by_chars(text: &str) -> Vec<(usize, String)> {
        let chars: Vec<char> = text.chars().collect();
        let c = |i: usize| chars[i];
        let byte_at = |i: usize| chars[..i].iter().map(|c| c.len_utf8()).sum::<usize>();
        let doubled_slip = |half: &[char], separated: bool| {
            let han = half.iter().all(|c| is_han(*c));
            let counted = NUMERALS.contains(&half[0]);
            let one_repeated = half.iter().all(|c| *c == half[0]);
            match half.len() {
                1 => !separated && NEVER_DOUBLED.contains(&half[0]),
                2 => han && !counted && !one_repeated && !separated,
                _ => han && !counted && !one_repeated,
            }
        };
        let mut out = Vec::new();
        let mut i = 0;
        while i < chars.len() {
            let mut found = None;
            'longest: for n in (1..=LONGEST).rev() {
                for gap in 0..2 {
                    let end = i + 2 * n + gap;
                    if end > chars.len() || c(i + n + gap) != c(i) || gap == 1 && !SEPARATORS.contains(&c(i + n)) {
                        continue;
                    }
                    if chars[i + 1..i + n] != chars[i + n + gap + 1..end] {
                        continue;
                    }
                    let half = &chars[i..i + n];
                    let pair_at = |j: usize| j + 1 < chars.len() && c(j) == c(j + 1);
                    let aabb = n == 1 && gap == 0 && (pair_at(end) || i >= 2 && pair_at(i - 2));
                    let word_across = n == 1
                        && {
                            let across = |a: Option<char>, b: Option<char>| matches!((a, b), (Some(a), Some(b)) if WORDS_ACROSS.iter().any(|w| w.chars().eq([a, b])));
                            across(i.checked_sub(1).map(c), Some(c(i))) || across(Some(c(i)), chars.get(end).copied())
                        };
                    let word_goes_on = gap == 1 && end < chars.len() && is_han(c(end));
                    if !aabb && !word_across && !word_goes_on && doubled_slip(half, gap == 1) {
                        found = Some(end);
                        break 'longest;
                    }
                }
            }
            if found.is_none() && i + 1 < chars.len() && c(i) == c(i + 1) && PUNCTUATION.contains(&c(i)) {
                found = Some(i + 2);
            }
            match found {
                Some(end) => {
                    let (start, byte_end) = (byte_at(i), byte_at(end));
                    out.push((start, text[start..byte_end].to_string()));
                    i = end;
                }
                None => i += 1,
            }
        }
        out
    }

    proptest::proptest! {
        /// The scan by bytes finds what the scan by characters found.
        #[test]
        fn scan_by_bytes_reads_as_by_characters(pieces in proptest::collection::vec(proptest::sample::select(&["是", "的", "否", "目", "确", "单位", "公开", "一", "个", "人", "实", "在", "市人民政府", "办公室", "，", "、", " ", "。", "；", "：", "a", "1", "é", "𝄞", "与上年相比", "包括"][..]), 0..40)) {
            let text: String = pieces.concat();
            let by_bytes: Vec<(usize, String)> = repeats(&text).into_iter().map(|(at, r)| (at, r.to_string())).collect();
            proptest::prop_assert_eq!(by_bytes, repeats_by_chars(&text));
        }
    }

    #[test]
    fn doubled_words_phrases_and_marks_are_found() {
        assert_eq!(
            found("财政拨款收、支总计280.72万元，与上年相比，与上年相比，减少116.72万元"),
            ["与上年相比，与上年相比"]
        );
        assert_eq!(found("公益一类事业单位单位，做好信息公开公开"), ["单位单位", "公开公开"]);
        assert_eq!(found("主要是是拟召开会议，主要包括包括培训"), ["是是", "包括包括"]);
        assert_eq!(found("达到 100%。。三是"), ["。。"]);
    }

    #[test]
    fn deliberate_reduplication_and_numbers_are_not() {
        assert!(found("人人参与，常常检查，实实在在，是是非非，一个一个落实，哈哈哈哈").is_empty());
        assert!(found("2020年，1010万元，……，——").is_empty());
        assert!(found("以市人民政府、市人民政府办公室名义发布").is_empty());
        assert!(found("参与与支持，以及及时报送，但是是否达到目的的手段").is_empty());
    }
}
