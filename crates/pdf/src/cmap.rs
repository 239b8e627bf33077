//! CMaps: ToUnicode maps (`bfchar`, `bfrange` with a start value or an array) and embedded
//! encoding CMaps (`cidchar`, `cidrange`), with their code space ranges (how many bytes a code
//! takes).

use std::collections::HashMap;

use crate::encoding::glyph_name_text;
use crate::lexer::{Lexer, Operand};

/// A character code and its length in bytes (`<20>` and `<0020>` are different codes).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) struct Code {
    pub(crate) len: u8,
    pub(crate) value: u32,
}

impl Code {
    fn from_bytes(bytes: &[u8]) -> Option<Code> {
        if bytes.is_empty() || bytes.len() > 4 {
            return None;
        }
        let value = bytes.iter().fold(0u32, |v, &b| v << 8 | u32::from(b));
        Some(Code { len: u8::try_from(bytes.len()).ok()?, value })
    }
}

/// A code space range: codes of `len` bytes whose every byte lies between `low`'s and `high`'s.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct CodeRange {
    low: Vec<u8>,
    high: Vec<u8>,
}

impl CodeRange {
    fn matches(&self, bytes: &[u8]) -> bool {
        bytes.len() == self.low.len()
            && bytes.iter().zip(&self.low).zip(&self.high).all(|((b, lo), hi)| lo <= b && b <= hi)
    }
}

/// Splits `bytes` into codes by `ranges` (PDF 32000 9.7.6.2): the shortest code that a range
/// holds; a byte sequence no range holds takes the length of the shortest range that its first
/// byte starts, else one byte.
pub(crate) fn split_codes(ranges: &[CodeRange], bytes: &[u8]) -> Vec<Code> {
    let mut codes = Vec::with_capacity(bytes.len() / 2 + 1);
    let mut rest = bytes;
    while !rest.is_empty() {
        let matched = (1..=4usize).find(|&n| rest.get(..n).is_some_and(|head| ranges.iter().any(|r| r.matches(head))));
        let len = matched.unwrap_or_else(|| {
            let first = rest.first().copied().unwrap_or(0);
            ranges
                .iter()
                .filter(|r| {
                    r.low.first().is_some_and(|&lo| lo <= first) && r.high.first().is_some_and(|&hi| first <= hi)
                })
                .map(|r| r.low.len())
                .min()
                .unwrap_or(1)
        });
        let len = len.clamp(1, rest.len());
        let (head, tail) = rest.split_at(len);
        codes.extend(Code::from_bytes(head));
        rest = tail;
    }
    codes
}

/// Where a range of codes goes: consecutive values from a start, or one value each.
#[derive(Debug, Clone, PartialEq)]
enum Target<T> {
    Start(T),
    Each(Vec<T>),
}

#[derive(Debug, Clone, PartialEq)]
struct Range<T> {
    low: Code,
    high: Code,
    target: Target<T>,
}

/// Single codes and ranges of codes mapped to `T`; later definitions win.
#[derive(Debug, Clone, PartialEq)]
struct Mapping<T> {
    singles: HashMap<Code, T>,
    /// Sorted by `low`.
    ranges: Vec<Range<T>>,
}

impl<T> Default for Mapping<T> {
    fn default() -> Self {
        Mapping { singles: HashMap::new(), ranges: Vec::new() }
    }
}

impl<T> Mapping<T> {
    fn is_empty(&self) -> bool {
        self.singles.is_empty() && self.ranges.is_empty()
    }

    /// The range holding `code`, and its offset in it. Ranges rarely overlap: a few before
    /// the last one that starts at or before `code` are looked at.
    fn range(&self, code: Code) -> Option<(&Range<T>, u32)> {
        let end = self.ranges.partition_point(|r| r.low <= code);
        self.ranges
            .get(end.saturating_sub(8)..end)?
            .iter()
            .rev()
            .find(|r| r.high >= code && r.low.len == code.len)
            .map(|r| (r, code.value - r.low.value))
    }
}

/// A parsed CMap.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct CMap {
    pub(crate) codespace: Vec<CodeRange>,
    unicode: Mapping<String>,
    cids: Mapping<u32>,
}

impl CMap {
    /// Reads a CMap program; what it cannot read it leaves out.
    pub(crate) fn parse(data: &[u8]) -> CMap {
        let mut cmap = CMap::default();
        let mut lexer = Lexer::for_cmap(data);
        while let Some((op, operands)) = lexer.next() {
            match op {
                b"endcodespacerange" => {
                    for pair in operands.chunks_exact(2) {
                        if let [Operand::Str(low), Operand::Str(high)] = pair {
                            if !low.is_empty() && low.len() <= 4 && low.len() == high.len() {
                                cmap.codespace.push(CodeRange { low: low.to_vec(), high: high.to_vec() });
                            }
                        }
                    }
                }
                b"endbfchar" => {
                    for pair in operands.chunks_exact(2) {
                        if let [Operand::Str(code), target] = pair {
                            if let (Some(code), Some(text)) = (Code::from_bytes(code), unicode_target(target)) {
                                cmap.unicode.singles.insert(code, text);
                            }
                        }
                    }
                }
                b"endbfrange" => {
                    for triple in operands.chunks_exact(3) {
                        let [Operand::Str(low), Operand::Str(high), target] = triple else { continue };
                        let target = match target {
                            Operand::Array(items) => {
                                Target::Each(items.iter().map(|i| unicode_target(i).unwrap_or_default()).collect())
                            }
                            other => match unicode_target(other) {
                                Some(start) => Target::Start(start),
                                None => continue,
                            },
                        };
                        push_range(&mut cmap.unicode, low, high, target);
                    }
                }
                b"endcidchar" => {
                    for pair in operands.chunks_exact(2) {
                        if let [Operand::Str(code), cid] = pair {
                            if let (Some(code), Some(cid)) = (Code::from_bytes(code), cid.number()) {
                                cmap.cids.singles.insert(code, cid as u32);
                            }
                        }
                    }
                }
                b"endcidrange" => {
                    for triple in operands.chunks_exact(3) {
                        if let [Operand::Str(low), Operand::Str(high), cid] = triple {
                            if let Some(cid) = cid.number() {
                                push_range(&mut cmap.cids, low, high, Target::Start(cid as u32));
                            }
                        }
                    }
                }
                _ => {}
            }
        }
        cmap.unicode.ranges.sort_by_key(|r| r.low);
        cmap.cids.ranges.sort_by_key(|r| r.low);
        cmap
    }

    /// Whether the CMap maps any code to text.
    pub(crate) fn has_unicode(&self) -> bool {
        !self.unicode.is_empty()
    }

    /// Whether the CMap maps any code to a CID.
    pub(crate) fn has_cids(&self) -> bool {
        !self.cids.is_empty()
    }

    /// The text `code` stands for.
    pub(crate) fn unicode(&self, code: Code) -> Option<String> {
        if let Some(text) = self.unicode.singles.get(&code) {
            return Some(text.clone());
        }
        let (range, offset) = self.unicode.range(code)?;
        match &range.target {
            Target::Each(items) => items.get(usize::try_from(offset).ok()?).cloned(),
            Target::Start(start) => {
                // The last character counts up (a start of `<D83D DE00>` counts in scalar values).
                let mut chars: Vec<char> = start.chars().collect();
                let last = chars.pop()?;
                chars.push(char::from_u32(u32::from(last).checked_add(offset)?)?);
                Some(chars.into_iter().collect())
            }
        }
    }

    /// The CID `code` selects.
    pub(crate) fn cid(&self, code: Code) -> Option<u32> {
        if let Some(&cid) = self.cids.singles.get(&code) {
            return Some(cid);
        }
        match self.cids.range(code)? {
            (Range { target: Target::Start(start), .. }, offset) => start.checked_add(offset),
            (Range { target: Target::Each(items), .. }, offset) => items.get(usize::try_from(offset).ok()?).copied(),
        }
    }
}

fn push_range<T>(mapping: &mut Mapping<T>, low: &[u8], high: &[u8], target: Target<T>) {
    if let (Some(low), Some(high)) = (Code::from_bytes(low), Code::from_bytes(high)) {
        if low.len == high.len && low.value <= high.value {
            mapping.ranges.push(Range { low, high, target });
        }
    }
}

/// A ToUnicode target: UTF-16BE bytes (pairs of surrogates joined), or a glyph name.
fn unicode_target(operand: &Operand) -> Option<String> {
    match operand {
        Operand::Str(bytes) => {
            let units = bytes.chunks(2).map(|pair| pair.iter().fold(0u16, |v, &b| v << 8 | u16::from(b)));
            let text: String = char::decode_utf16(units).map(|r| r.unwrap_or('\u{fffd}')).collect();
            Some(text)
        }
        Operand::Name(name) => glyph_name_text(name),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TO_UNICODE: &[u8] = b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap
/CIDSystemInfo <</Registry (Adobe) /Ordering (UCS) /Supplement 0>> def
/CMapName /Adobe-Identity-UCS def /CMapType 2 def
1 begincodespacerange <0000> <FFFF> endcodespacerange
3 beginbfchar
<0011> <0030>
<02DF> <4E2D>
<0100> <D83DDE00>
endbfchar
3 beginbfrange
<0020> <0029> <0041>
<0030> <0032> [<0066006C> <4E2D> <D83DDE00>]
<0040> <0042> <D83DDE00>
endbfrange
1 beginbfchar <0003> /space endbfchar
endcmap CMapName currentdict /CMap defineresource pop end end";

    fn code(value: u32) -> Code {
        Code { len: 2, value }
    }

    #[test]
    fn reads_bfchar_and_bfrange() {
        let cmap = CMap::parse(TO_UNICODE);
        assert_eq!(cmap.codespace.len(), 1);
        assert_eq!(cmap.unicode(code(0x11)).as_deref(), Some("0"));
        assert_eq!(cmap.unicode(code(0x2df)).as_deref(), Some("中"));
        assert_eq!(cmap.unicode(code(0x100)).as_deref(), Some("😀"));
        assert_eq!(cmap.unicode(code(0x20)).as_deref(), Some("A"));
        assert_eq!(cmap.unicode(code(0x29)).as_deref(), Some("J"));
        assert_eq!(cmap.unicode(code(0x30)).as_deref(), Some("fl"));
        assert_eq!(cmap.unicode(code(0x32)).as_deref(), Some("😀"));
        assert_eq!(cmap.unicode(code(0x41)).as_deref(), Some("😁"));
        assert_eq!(cmap.unicode(code(0x03)).as_deref(), Some(" "));
        assert_eq!(cmap.unicode(code(0x2a)), None);
        assert_eq!(cmap.unicode(Code { len: 1, value: 0x11 }), None);
    }

    #[test]
    fn splits_codes_by_code_space() {
        let cmap = CMap::parse(b"2 begincodespacerange <00> <80> <8140> <FEFE> endcodespacerange");
        let codes = split_codes(&cmap.codespace, b"A\x81\x40B\xff");
        let got: Vec<(u8, u32)> = codes.iter().map(|c| (c.len, c.value)).collect();
        assert_eq!(got, [(1, 0x41), (2, 0x8140), (1, 0x42), (1, 0xff)]);
        assert_eq!(split_codes(&[], b"ab").len(), 2);
    }

    #[test]
    fn reads_cid_ranges() {
        let cmap = CMap::parse(b"1 begincidrange <0020> <007e> 1 endcidrange 1 begincidchar <3000> 99 endcidchar");
        assert_eq!(cmap.cid(code(0x20)), Some(1));
        assert_eq!(cmap.cid(code(0x41)), Some(34));
        assert_eq!(cmap.cid(code(0x3000)), Some(99));
        assert_eq!(cmap.cid(code(0x7f)), None);
        assert!(cmap.has_cids() && !cmap.has_unicode());
    }

    #[test]
    fn survives_garbage() {
        let cmap = CMap::parse(b"beginbfrange <0000> <FFFF> endbfrange <01> <0041> endbfchar <ZZ> [ ( endbfrange");
        assert_eq!(cmap.unicode(Code { len: 1, value: 1 }).as_deref(), Some("A"));
    }
}
