//! How labels read, for the layout reader and the table readers alike: normalisation (spacing,
//! bracket and quote variants), ordinals (`一、`, `（一）`, `1、`) and heading numbering, 科目编码,
//! 栏次 rows and points markers (`(50 分)`).

use crate::amount::{cell_value, CellValue};
use crate::ingest::{char_width, contains, may_start_spacing};
use crate::model::CodeLevel;

/// Compact form of a label: no whitespace, ASCII brackets, no quotes or markup.
pub fn norm(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    // Copied in runs between the characters that change, not character by character.
    let mut run = 0;
    let mut at = 0;
    while let Some(&lead) = text.as_bytes().get(at) {
        let width = char_width(lead);
        // Only spacing, `"`, and the characters UTF-8 leads with 0xE2 (curly quotes) or 0xEF
        // (full-width brackets and colon) change: the others (Han characters among them) are
        // stepped over whole, without decoding them.
        let replacement = if may_start_spacing(lead) || matches!(lead, b'"' | 0xEF) {
            match text[at..].chars().next() {
                Some('（') => Some("("),
                Some('）') => Some(")"),
                Some('：') => Some(":"),
                Some(c) if is_dropped(c) => Some(""),
                _ => None,
            }
        } else {
            None
        };
        if let Some(replacement) = replacement {
            out.push_str(&text[run..at]);
            out.push_str(replacement);
            run = at + width;
        }
        at += width;
    }
    out.push_str(&text[run..]);
    out
}

/// Whether [`norm`] drops `c`: whitespace and quotes.
pub fn is_dropped(c: char) -> bool {
    c.is_whitespace() || matches!(c, '“' | '”' | '"' | '‘' | '’')
}

/// The Chinese numerals of ordinals and headings.
const NUMERALS: [char; 10] = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/// Byte length of the Chinese numerals (`一` … `十`) `s` starts with.
pub fn numerals(s: &str) -> usize {
    s.len() - s.trim_start_matches(NUMERALS).len()
}

/// Byte length of the ASCII digits `s` starts with.
pub fn digits(s: &str) -> usize {
    s.len() - s.trim_start_matches(|c: char| c.is_ascii_digit()).len()
}

/// Splits a leading ordinal off a normalised label: `一、事业收入` → (`一`, `事业收入`). The
/// ordinals are those of `^(?:([一二三四五六七八九十]+)、|\(([一二三四五六七八九十]+)\)|(\d+)[、.．](?:\D|$))`;
/// the arabic form gives back the character after its mark unless it ends the label.
pub fn split_ordinal(label: &str) -> (Option<String>, String) {
    let split = |ordinal: &str, cut: usize| (Some(ordinal.to_string()), label[cut..].to_string());
    let n = numerals(label);
    if n > 0 && label[n..].starts_with('、') {
        return split(&label[..n], n + '、'.len_utf8());
    }
    if let Some(inner) = label.strip_prefix('(') {
        let n = numerals(inner);
        if n > 0 && inner[n..].starts_with(')') {
            return split(&inner[..n], n + 2);
        }
    }
    let n = digits(label);
    if let Some(after) = label[n..].strip_prefix(['、', '.', '．']).filter(|_| n > 0) {
        let mark = label.len() - n - after.len();
        match after.chars().next() {
            None => return split(&label[..n], label.len()),
            Some(c) if !c.is_ascii_digit() => {
                // The pattern took `c` too: it stays taken only when it ends the label.
                let cut = if after.len() > c.len_utf8() { n + mark } else { label.len() };
                return split(&label[..n], cut);
            }
            Some(_) => {}
        }
    }
    (None, label.to_string())
}

/// Patterns of heading numbering with their ranks: smaller ranks enclose larger ones.
/// [`numbering`] reads them by hand; the tests hold it to these patterns.
#[cfg(test)]
const NUMBERING: [(u8, &str); 5] = [
    (10, r"^(第[一二三四五六七八九十]+部分)"),
    (20, r"^([一二三四五六七八九十]+)、"),
    (30, r"^(\([一二三四五六七八九十]+\))"),
    (40, r"^(\d+)[、.．](?:\D|$)"),
    (50, r"^(\(\d+\))"),
];

/// The rank of a heading's numbering and the numbering: `第三部分` (10), `一、` (20),
/// `（二）` (30), `1、` not followed by a digit (40), `（1）` (50).
pub(crate) fn numbering(text: &str) -> Option<(u8, String)> {
    let compact = norm(text);
    let bracketed = |run: fn(&str) -> usize| {
        let inner = compact.strip_prefix('(')?;
        let n = run(inner);
        (n > 0 && inner[n..].starts_with(')')).then(|| compact[..n + 2].to_string())
    };
    if let Some(rest) = compact.strip_prefix('第') {
        let n = numerals(rest);
        if n > 0 && rest[n..].starts_with("部分") {
            return Some((10, compact[..'第'.len_utf8() + n + "部分".len()].to_string()));
        }
    }
    let n = numerals(&compact);
    if n > 0 && compact[n..].starts_with('、') {
        return Some((20, compact[..n].to_string()));
    }
    if let Some(number) = bracketed(numerals) {
        return Some((30, number));
    }
    let n = digits(&compact);
    if n > 0
        && compact[n..]
            .strip_prefix(['、', '.', '．'])
            .is_some_and(|after| !after.starts_with(|c: char| c.is_ascii_digit()))
    {
        return Some((40, compact[..n].to_string()));
    }
    bracketed(digits).map(|number| (50, number))
}

/// A 科目编码 at the start of a cell: `2010301`, `201 03 01`, `201 一般公共服务支出`.
/// Returns the code without spaces, its level and the rest of the cell (a merged name), as
/// the pattern `^(\d{3})(?: ?(\d{2}))?(?: ?(\d{2}))?(?:\s*(\D.*))?$` reads the trimmed cell.
pub fn subject_code(text: &str) -> Option<(String, CodeLevel, String)> {
    let text = text.trim();
    // Two digits, after an optional space: the digits and what follows them.
    fn pair(s: &str) -> Option<(&str, &str)> {
        let s = s.strip_prefix(' ').filter(|r| digits(r) >= 2).unwrap_or(s);
        (digits(s) >= 2).then(|| (&s[..2], &s[2..]))
    }
    // What may follow the code: nothing, or spacing and a non-digit starting a name that runs
    // to the end within its line. `Some(None)` for nothing.
    fn tail(s: &str) -> Option<Option<&str>> {
        if s.is_empty() {
            return Some(None);
        }
        // `\s` is ASCII whitespace with the vertical tab; the name's first character may be spacing too.
        let spacing = s.len() - s.trim_start_matches(|c: char| c.is_ascii_whitespace() || c == '\x0b').len();
        (0..=spacing).rev().find_map(|at| {
            let c = s[at..].chars().next()?;
            (!c.is_ascii_digit() && !contains(&s[at + c.len_utf8()..], "\n")).then_some(Some(&s[at..]))
        })
    }
    if digits(text) < 3 {
        return None;
    }
    let (class, after) = text.split_at(3);
    let second = pair(after);
    let mut tries: Vec<(Vec<&str>, &str)> = Vec::new();
    if let Some((section, after_section)) = second {
        if let Some((item, after_item)) = pair(after_section) {
            tries.push((vec![class, section, item], after_item));
        }
        tries.push((vec![class, section], after_section));
    }
    if let Some((item, after_item)) = pair(after) {
        tries.push((vec![class, item], after_item));
    }
    tries.push((vec![class], after));
    let (parts, rest) = tries.into_iter().find_map(|(parts, after)| tail(after).map(|rest| (parts, rest)))?;
    let code: String = parts.concat();
    let level = CodeLevel::of_len(code.len())?;
    Some((code, level, rest.map_or(String::new(), |r| r.trim().to_string())))
}

/// Points stated in a label: `产出指标 (50 分)` → `50`, read as `\((\d+(?:\.\d+)?)分\)?`.
pub fn stated_points(label: &str) -> Option<(String, String)> {
    if !contains(label, "分") {
        return None;
    }
    let compact = norm(label);
    let (start, number, end) = compact.match_indices('(').find_map(|(start, _)| {
        let rest = &compact[start + 1..];
        let mut n = digits(rest);
        if n == 0 {
            return None;
        }
        if rest[n..].starts_with('.') && digits(&rest[n + 1..]) > 0 {
            n += 1 + digits(&rest[n + 1..]);
        }
        let after = rest[n..].strip_prefix('分')?;
        let after = after.strip_prefix(')').unwrap_or(after);
        Some((start, &rest[..n], compact.len() - after.len()))
    })?;
    let rest = format!("{}{}", &compact[..start], &compact[end..]);
    Some((number.to_string(), rest))
}

/// Whether a cell holds a number or a nothing-marker (a value slot, not a label).
pub fn is_value_like(text: &str) -> bool {
    matches!(cell_value(text), CellValue::Number(_) | CellValue::Nil)
}

/// Whether a cell is a table's meta line rather than data (`公开03表`, `金额单位：万元`, `部门：…`).
pub fn is_meta_cell(text: &str) -> bool {
    // Each names 位, 门 or 表: other cells are passed over without normalising them.
    if !text.contains(['位', '门', '表']) {
        return false;
    }
    let t = norm(text);
    contains(&t, "单位:")
        || t.starts_with("部门:")
        || t.starts_with("编制部门:")
        || (t.starts_with("公开") && t.ends_with('表'))
}

/// Whether a row is a 栏次 (column-number) row.
pub fn is_column_number_row(cells: &[&str]) -> bool {
    if cells.iter().any(|c| contains(c, "栏") && norm(c) == "栏次") {
        return true;
    }
    let numbers: Vec<&str> = cells.iter().map(|c| c.trim()).filter(|c| !c.is_empty()).collect();
    // `i + 1` as written: digits without a leading zero.
    let is_number =
        |i: usize, c: &str| c.bytes().all(|b| b.is_ascii_digit()) && !c.starts_with('0') && c.parse() == Ok(i + 1);
    numbers.len() >= 3 && numbers.iter().enumerate().all(|(i, c)| is_number(i, c))
}

/// The 类 code of an expenditure line named after a functional class (`一般公共服务支出` → `201`).
pub fn class_code_of(label: &str) -> Option<&'static str> {
    const CLASSES: &[(&str, &str)] = &[
        ("201", "一般公共服务"),
        ("202", "外交"),
        ("203", "国防"),
        ("204", "公共安全"),
        ("205", "教育"),
        ("206", "科学技术"),
        ("207", "文化旅游体育与传媒"),
        ("208", "社会保障和就业"),
        ("210", "卫生健康"),
        // The class's name before 2019 (some budgets still print it).
        ("210", "医疗卫生与计划生育"),
        ("211", "节能环保"),
        ("212", "城乡社区"),
        ("213", "农林水"),
        ("214", "交通运输"),
        ("215", "资源勘探工业信息等"),
        ("216", "商业服务业等"),
        ("217", "金融"),
        ("219", "援助其他地区"),
        ("220", "自然资源海洋气象等"),
        ("221", "住房保障"),
        ("222", "粮油物资储备"),
        ("223", "国有资本经营预算"),
        ("224", "灾害防治及应急管理"),
        ("227", "预备费"),
        ("229", "其他"),
        ("230", "转移性"),
        ("231", "债务还本"),
        ("232", "债务付息"),
        ("233", "债务发行费用"),
        ("234", "抗疫特别国债安排的"),
    ];
    let name = label.strip_suffix("支出")?;
    CLASSES.iter().find(|(_, class)| *class == name).map(|(code, _)| *code)
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    proptest! {
        /// `norm` reads every character as the plain character-by-character pass would.
        #[test]
        fn norm_is_the_character_by_character_pass(chars in prop::collection::vec(prop::sample::select("（）：“”\"‘’ \t\n\r\u{0b}\u{0c}\u{1c}\u{85}\u{a0}\u{1680}\u{2000}\u{2009}\u{200a}\u{200b}\u{2028}\u{2029}\u{202f}\u{205f}\u{3000}\u{3001}\u{ff01}\u{ff5e}\u{00e9}\u{2014}a1(收入".chars().collect::<Vec<_>>()), 0..24)) {
            let text: String = chars.into_iter().collect();
            let by_character: String = text
                .chars()
                .filter(|c| !c.is_whitespace() && !matches!(c, '“' | '”' | '"' | '‘' | '’'))
                .map(|c| match c {
                    '（' => '(',
                    '）' => ')',
                    '：' => ':',
                    c => c,
                })
                .collect();
            prop_assert_eq!(norm(&text), by_character);
        }

        /// Ordinals, codes and points are read as the patterns they spell out would.
        #[test]
        fn ordinals_codes_and_points_are_read_as_the_patterns_do(pieces in prop::collection::vec(prop::sample::select(&["一", "十", "、", "(", ")", "1", "20", "3", ".", "．", " ", "\n", "分", "收入", "x"][..]), 0..12)) {
            let text: String = pieces.concat();
            let ordinal = regex_lite::Regex::new(r"^(?:([一二三四五六七八九十]+)、|\(([一二三四五六七八九十]+)\)|(\d+)[、.．](?:\D|$))").unwrap();
            let by_pattern = match ordinal.captures(&text) {
                Some(caps) => {
                    let ordinal = caps.get(1).or(caps.get(2)).or(caps.get(3)).map(|m| m.as_str().to_string());
                    let whole = caps.get(0).map_or(0, |m| m.as_str().len());
                    let cut = if caps.get(3).is_some() && text.len() > whole { whole - text[..whole].chars().last().map_or(0, char::len_utf8) } else { whole };
                    (ordinal, text[cut..].to_string())
                }
                None => (None, text.to_string()),
            };
            prop_assert_eq!(split_ordinal(&text), by_pattern);
            let code = regex_lite::Regex::new(r"^(\d{3})(?: ?(\d{2}))?(?: ?(\d{2}))?(?:\s*(\D.*))?$").unwrap();
            let by_pattern = code.captures(text.trim()).and_then(|caps| {
                let code: String = [caps.get(1), caps.get(2), caps.get(3)].iter().flatten().map(|m| m.as_str()).collect();
                let level = CodeLevel::of_len(code.len())?;
                Some((code, level, caps.get(4).map_or(String::new(), |m| m.as_str().trim().to_string())))
            });
            prop_assert_eq!(subject_code(&text), by_pattern);
            let points = regex_lite::Regex::new(r"\((\d+(?:\.\d+)?)分\)?").unwrap();
            let by_pattern = if text.contains('分') {
                let compact = norm(&text);
                points.captures(&compact).map(|caps| {
                    let whole = caps.get(0).unwrap();
                    (caps[1].to_string(), format!("{}{}", &compact[..whole.start()], &compact[whole.end()..]))
                })
            } else {
                None
            };
            prop_assert_eq!(stated_points(&text), by_pattern);
        }
    }

    proptest! {
        /// `numbering` reads what [`NUMBERING`] would.
        #[test]
        fn numbering_is_read_as_the_patterns_do(pieces in prop::collection::vec(prop::sample::select(&["第", "三", "十", "部分", "、", "（", "）", "(", ")", "1", "2", ".", "．", " ", "说明"][..]), 0..10)) {
            let text: String = pieces.concat();
            let compact = norm(&text);
            let by_pattern = NUMBERING.iter().find_map(|(rank, p)| {
                regex_lite::Regex::new(p).unwrap().captures(&compact).and_then(|caps| caps.get(1)).map(|m| (*rank, m.as_str().to_string()))
            });
            prop_assert_eq!(numbering(&text), by_pattern);
        }
    }

    #[test]
    fn ordinals_are_split_off() {
        assert_eq!(
            split_ordinal("一、一般公共预算财政拨款收入"),
            (Some("一".into()), "一般公共预算财政拨款收入".into())
        );
        assert_eq!(split_ordinal("十五、商业服务业等支出"), (Some("十五".into()), "商业服务业等支出".into()));
        assert_eq!(split_ordinal("(一)基本支出情况"), (Some("一".into()), "基本支出情况".into()));
        assert_eq!(split_ordinal("1、公务用车购置和维护经费"), (Some("1".into()), "公务用车购置和维护经费".into()));
        assert_eq!(split_ordinal("2.出国经费"), (Some("2".into()), "出国经费".into()));
        assert_eq!(split_ordinal("本年收入合计"), (None, "本年收入合计".into()));
    }

    #[test]
    fn subject_codes_whole_split_and_merged() {
        assert_eq!(subject_code("2010301"), Some(("2010301".into(), CodeLevel::Item, String::new())));
        assert_eq!(subject_code("201 06 01"), Some(("2010601".into(), CodeLevel::Item, String::new())));
        assert_eq!(subject_code("20103"), Some(("20103".into(), CodeLevel::Section, String::new())));
        assert_eq!(
            subject_code("201 一般公共服务支出"),
            Some(("201".into(), CodeLevel::Class, "一般公共服务支出".into()))
        );
        assert_eq!(
            subject_code("2010399 其他政府办公厅(室)及相关机构事务支出").map(|c| c.2),
            Some("其他政府办公厅(室)及相关机构事务支出".into())
        );
        assert_eq!(subject_code("2023年"), None);
        assert_eq!(subject_code("合计"), None);
    }

    #[test]
    fn points_in_indicator_headings() {
        assert_eq!(stated_points("产出 指标 (50 分)"), Some(("50".into(), "产出指标".into())));
        assert_eq!(stated_points("满意度指标（10分）"), Some(("10".into(), "满意度指标".into())));
        assert_eq!(stated_points("(40 分)"), Some(("40".into(), String::new())));
        assert_eq!(stated_points("数量指标"), None);
    }

    #[test]
    fn column_number_rows_count_from_one() {
        assert!(is_column_number_row(&["栏 次", "1"]));
        assert!(is_column_number_row(&["", " 1", "2 ", "3", "4"]));
        assert!(!is_column_number_row(&["1", "2", "4"]));
        assert!(!is_column_number_row(&["01", "2", "3"]));
        assert!(!is_column_number_row(&["+1", "2", "3"]));
        assert!(!is_column_number_row(&["1", "2"]));
    }

    #[test]
    fn class_codes_from_names() {
        assert_eq!(class_code_of("一般公共服务支出"), Some("201"));
        assert_eq!(class_code_of("抗疫特别国债安排的支出"), Some("234"));
        assert_eq!(class_code_of("……"), None);
    }
}
