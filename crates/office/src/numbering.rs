//! The numbers Word adds itself to list and heading paragraphs (`word/numbering.xml`), written as
//! printed: `一、`, `（一）`, `1.`, `①`. Each list counts per level (a level's count starts again
//! under a new item of the level above); bullets are not written.

use std::collections::HashMap;

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader as XmlReader;

/// The lists of a document and their counts so far.
#[derive(Default)]
pub(crate) struct Numbering {
    /// `w:numId` → its `w:abstractNumId`.
    lists: HashMap<String, String>,
    /// `w:abstractNumId` → its levels.
    formats: HashMap<String, Vec<Level>>,
    /// `w:abstractNumId` → the count at each level.
    counts: HashMap<String, [u32; 9]>,
}

/// How a level numbers: its first number, number format (`decimal`, `chineseCounting`, …) and
/// text (`%1、`, `（%2）`).
#[derive(Debug, Clone, Default)]
struct Level {
    start: u32,
    format: String,
    text: String,
}

impl Numbering {
    /// The lists of `word/numbering.xml`.
    pub fn parse(xml: &str) -> Self {
        let mut numbering = Numbering::default();
        let mut reader = XmlReader::from_str(xml);
        let (mut abstract_id, mut num_id, mut level) = (None::<String>, None::<String>, None::<usize>);
        loop {
            let (e, empty) = match reader.read_event() {
                Ok(Event::Start(e)) => (e, false),
                Ok(Event::Empty(e)) => (e, true),
                Ok(Event::End(e)) => {
                    match e.local_name().as_ref() {
                        "abstractNum" => abstract_id = None,
                        "num" => num_id = None,
                        "lvl" => level = None,
                        _ => {}
                    }
                    continue;
                }
                Ok(Event::Eof) | Err(_) => break,
                Ok(_) => continue,
            };
            let levels = abstract_id.as_ref().map(|id| numbering.formats.entry(id.clone()).or_default());
            match (e.local_name().as_ref(), levels, level) {
                ("abstractNum", _, _) if !empty => abstract_id = attribute(&e, "abstractNumId"),
                ("num", _, _) if !empty => num_id = attribute(&e, "numId"),
                ("abstractNumId", _, _) => {
                    if let (Some(num), Some(id)) = (&num_id, attribute(&e, "val")) {
                        numbering.lists.insert(num.clone(), id);
                    }
                }
                ("lvl", Some(levels), _) if !empty => {
                    let index = attribute(&e, "ilvl").and_then(|v| v.parse::<usize>().ok()).filter(|&i| i < 9);
                    if let Some(index) = index {
                        if levels.len() <= index {
                            levels.resize(index + 1, Level::default());
                        }
                        levels[index] = Level { start: 1, ..Level::default() };
                    }
                    level = index;
                }
                ("start", Some(levels), Some(index)) => {
                    levels[index].start = attribute(&e, "val").and_then(|v| v.parse().ok()).unwrap_or(1)
                }
                ("numFmt", Some(levels), Some(index)) => {
                    levels[index].format = attribute(&e, "val").unwrap_or_default()
                }
                ("lvlText", Some(levels), Some(index)) => levels[index].text = attribute(&e, "val").unwrap_or_default(),
                _ => {}
            }
        }
        numbering
    }

    /// The number of the next paragraph of list `num` at `level` (0-based), as printed; `None`
    /// for no list, a bullet or an empty level text.
    pub fn next(&mut self, num: &str, level: usize) -> Option<String> {
        let id = self.lists.get(num)?;
        let levels = self.formats.get(id)?;
        let this = levels.get(level)?;
        let counts = self.counts.entry(id.clone()).or_insert([0; 9]);
        counts[level] = if counts[level] == 0 { this.start } else { counts[level] + 1 };
        for deeper in &mut counts[level + 1..] {
            *deeper = 0;
        }
        if this.format == "bullet" || this.format == "none" || this.text.is_empty() {
            return None;
        }
        let mut text = this.text.clone();
        for (index, level) in levels.iter().enumerate().take(level + 1) {
            let count = if counts[index] == 0 { level.start } else { counts[index] };
            text = text.replace(&format!("%{}", index + 1), &written(count, &level.format));
        }
        Some(text)
    }
}

/// `w:val` or another attribute by its local name.
fn attribute(e: &BytesStart, name: &str) -> Option<String> {
    e.attributes()
        .filter_map(Result::ok)
        .find(|a| a.key.local_name().as_ref() == name)
        .and_then(|a| a.normalized_value(quick_xml::XmlVersion::Implicit1_0).ok())
        .map(|v| v.into_owned())
}

/// A count in a number format.
fn written(n: u32, format: &str) -> String {
    const DIGITS: [char; 10] = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
    const LEGAL: [char; 10] = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];
    const STEMS: [char; 10] = ['甲', '乙', '丙', '丁', '戊', '己', '庚', '辛', '壬', '癸'];
    match format {
        "chineseCounting" | "chineseCountingThousand" | "japaneseCounting" | "taiwaneseCounting" => {
            counting(n, &DIGITS, '十')
        }
        "chineseLegalSimplified" => counting(n, &LEGAL, '拾'),
        "ideographDigital" => n.to_string().chars().map(|d| DIGITS[d.to_digit(10).unwrap_or(0) as usize]).collect(),
        "ideographTraditional" => {
            STEMS.get((n as usize).wrapping_sub(1) % 10).map_or_else(|| n.to_string(), char::to_string)
        }
        "decimalEnclosedCircle" | "decimalEnclosedCircleChinese" if (1..=20).contains(&n) => {
            char::from_u32(0x2460 + n - 1).map_or_else(|| n.to_string(), String::from)
        }
        "decimalFullWidth" | "decimalFullWidth2" => {
            n.to_string().chars().filter_map(|d| char::from_u32(d as u32 - '0' as u32 + 0xFF10)).collect()
        }
        "decimalZero" if n < 10 => format!("0{n}"),
        "upperLetter" | "lowerLetter" => {
            let letter =
                char::from(b'A' + ((n.max(1) - 1) % 26) as u8).to_string().repeat(((n.max(1) - 1) / 26 + 1) as usize);
            if format == "lowerLetter" {
                letter.to_ascii_lowercase()
            } else {
                letter
            }
        }
        "upperRoman" | "lowerRoman" => {
            let roman = roman(n);
            if format == "lowerRoman" {
                roman.to_ascii_lowercase()
            } else {
                roman
            }
        }
        _ => n.to_string(),
    }
}

/// 1–99 in Chinese counting: 一, 十, 十一, 二十一; larger numbers in digits.
fn counting(n: u32, digits: &[char; 10], ten: char) -> String {
    let digit = |d: u32| digits[d as usize];
    match n {
        0..=9 => digit(n).to_string(),
        10..=19 => std::iter::once(ten).chain((n > 10).then(|| digit(n - 10))).collect(),
        20..=99 => [Some(digit(n / 10)), Some(ten), (!n.is_multiple_of(10)).then(|| digit(n % 10))]
            .into_iter()
            .flatten()
            .collect(),
        _ => n.to_string(),
    }
}

fn roman(mut n: u32) -> String {
    const NUMERALS: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (value, numeral) in NUMERALS {
        while n >= value {
            out.push_str(numeral);
            n -= value;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_are_written_as_printed() {
        assert_eq!(written(1, "chineseCounting"), "一");
        assert_eq!(written(10, "chineseCounting"), "十");
        assert_eq!(written(15, "chineseCountingThousand"), "十五");
        assert_eq!(written(21, "chineseCounting"), "二十一");
        assert_eq!(written(3, "ideographTraditional"), "丙");
        assert_eq!(written(2, "decimalEnclosedCircle"), "②");
        assert_eq!(written(12, "decimalFullWidth"), "１２");
        assert_eq!(written(4, "upperRoman"), "IV");
        assert_eq!(written(28, "lowerLetter"), "bb");
        assert_eq!(written(7, "decimal"), "7");
    }

    #[test]
    fn levels_count_and_start_again_under_a_new_item_above() {
        let mut numbering = Numbering::parse(concat!(
            r#"<w:numbering xmlns:w="w"><w:abstractNum w:abstractNumId="5">"#,
            r#"<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>"#,
            r#"<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>"#,
            r#"<w:lvl w:ilvl="2"><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%3"/></w:lvl>"#,
            r#"</w:abstractNum><w:abstractNum w:abstractNumId="6"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val=""/></w:lvl></w:abstractNum>"#,
            r#"<w:num w:numId="1"><w:abstractNumId w:val="5"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="6"/></w:num></w:numbering>"#,
        ));
        let numbers: Vec<Option<String>> = [(0, 0), (1, 1), (1, 1), (1, 2), (1, 0), (1, 1), (2, 0), (9, 0)]
            .iter()
            .map(|&(num, level)| numbering.next(&(if num == 0 { 1 } else { num }).to_string(), level))
            .collect();
        let expected = ["一、", "（一）", "（二）", "一.1", "二、", "（一）"].map(|s| Some(s.to_string()));
        assert_eq!(numbers[..6], expected);
        assert_eq!(numbers[6], None, "a bullet");
        assert_eq!(numbers[7], None, "no such list");
    }
}
