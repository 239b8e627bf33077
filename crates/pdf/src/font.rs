//! Fonts as far as text extraction needs them: how a string splits into codes, what text each
//! code stands for, and how far each advances.

use std::collections::HashMap;

use hayro_syntax::object::{Array, Dict, Name, Object, Stream};

use crate::cmap::{split_codes, CMap, Code, CodeRange};
use crate::contains;
use crate::encoding::{glyph_name_text, unify_radicals, Base};
use crate::stream;

/// What a code whose text is unknown is given: visible, so that lost text is not silent.
const UNKNOWN: &str = "\u{fffd}";
/// A font's ToUnicode or CID CMap may decode to this many bytes; a larger one is not read.
const MAX_CMAP_BYTES: usize = 16 << 20;

/// A font, read once per document.
#[derive(Debug)]
pub(crate) struct Font {
    kind: Kind,
    to_unicode: Option<CMap>,
    /// Glyph-space units to text-space units: 1/1000, or a Type3 font's FontMatrix.
    scale: f64,
    /// The glyph height per unit of font size (1 but for Type3 fonts).
    pub(crate) size_scale: f64,
}

#[derive(Debug)]
enum Kind {
    /// Type1, TrueType, Type3: one byte per code.
    Simple {
        /// Each code's text by the font's encoding.
        encoding: Vec<Option<String>>,
        first_char: u32,
        widths: Vec<f64>,
        missing_width: f64,
    },
    /// Type0: codes of one to four bytes, selecting CIDs.
    Composite {
        /// Empty: two bytes per code.
        codespace: Vec<CodeRange>,
        cids: Cids,
        /// The codes are UTF-16 (the `Uni…-UCS2`/`UTF16` CMaps).
        unicode_codes: bool,
        widths: CidWidths,
    },
}

/// How codes select CIDs.
#[derive(Debug)]
enum Cids {
    /// Identity-H/V: the code is the CID.
    Identity,
    /// An embedded CMap.
    Embedded(Box<CMap>),
    /// A predefined CMap other than Identity: not built in, so the CID is unknown.
    Unknown,
}

/// Widths by CID (`/W`, `/DW`).
#[derive(Debug, Default)]
struct CidWidths {
    singles: HashMap<u32, f64>,
    ranges: Vec<(u32, u32, f64)>,
    default: f64,
}

impl CidWidths {
    fn get(&self, cid: u32) -> f64 {
        if let Some(&w) = self.singles.get(&cid) {
            return w;
        }
        self.ranges.iter().find(|(first, last, _)| (*first..=*last).contains(&cid)).map_or(self.default, |r| r.2)
    }
}

impl Font {
    /// Reads a font dictionary; what is missing or unreadable gets a default.
    pub(crate) fn load(dict: &Dict) -> Font {
        let to_unicode = dict
            .get::<Stream>(b"ToUnicode")
            .and_then(|s| stream::decoded(&s, MAX_CMAP_BYTES).ok())
            .map(|data| CMap::parse(&data));
        match dict.get::<Name>(b"Subtype").as_deref() {
            Some(b"Type0") => Font::composite(dict, to_unicode),
            subtype => Font::simple(dict, subtype == Some(b"Type3"), subtype == Some(b"TrueType"), to_unicode),
        }
    }

    fn composite(dict: &Dict, to_unicode: Option<CMap>) -> Font {
        let descendant =
            dict.get::<Array>(b"DescendantFonts").and_then(|a| a.iter::<Dict>().next()).unwrap_or_default();
        let widths = cid_widths(&descendant);
        let from_to_unicode = || to_unicode.as_ref().map(|c| c.codespace.clone()).unwrap_or_default();
        let (codespace, cids, unicode_codes) = match dict.get::<Name>(b"Encoding") {
            Some(name) if name.starts_with(b"Identity-") => (Vec::new(), Cids::Identity, false),
            Some(name) if name.starts_with(b"Uni") && contains(&name, b"UTF16") => {
                (utf16_codespace(), Cids::Unknown, true)
            }
            Some(name) if name.starts_with(b"Uni") && contains(&name, b"UCS2") => (Vec::new(), Cids::Unknown, true),
            Some(name) => {
                let mut codespace = from_to_unicode();
                if codespace.is_empty() && [&b"EUC"[..], b"GBK", b"RKSJ", b"B5"].iter().any(|n| contains(&name, n)) {
                    // Multi-byte encodings: ASCII in one byte, a lead byte above 0x80 starts two.
                    codespace =
                        CMap::parse(b"2 begincodespacerange <00> <80> <8140> <FEFE> endcodespacerange").codespace;
                }
                (codespace, Cids::Unknown, false)
            }
            None => match dict
                .get::<Stream>(b"Encoding")
                .and_then(|s| stream::decoded(&s, MAX_CMAP_BYTES).ok())
                .map(|data| CMap::parse(&data))
            {
                Some(cmap) if cmap.has_cids() => (cmap.codespace.clone(), Cids::Embedded(Box::new(cmap)), false),
                _ => (from_to_unicode(), Cids::Identity, false),
            },
        };
        let kind = Kind::Composite { codespace, cids, unicode_codes, widths };
        Font { kind, to_unicode: to_unicode.filter(CMap::has_unicode), scale: 0.001, size_scale: 1.0 }
    }

    fn simple(dict: &Dict, type3: bool, truetype: bool, to_unicode: Option<CMap>) -> Font {
        let descriptor = dict.get::<Dict>(b"FontDescriptor").unwrap_or_default();
        let first_char = dict.get::<f64>(b"FirstChar").filter(|f| (0.0..=255.0).contains(f)).map_or(0, |f| f as u32);
        let widths: Vec<f64> =
            dict.get::<Array>(b"Widths").map(|a| a.iter::<f64>().take(256).collect()).unwrap_or_default();
        let base_font = dict.get::<Name>(b"BaseFont").map(|n| n.to_vec()).unwrap_or_default();
        let missing_width = match descriptor.get::<f64>(b"MissingWidth").filter(|w| *w > 0.0) {
            Some(w) => w,
            // No widths at all: a standard font; Courier's are all 600, the others' about 500.
            None if contains(&base_font, b"Courier") => 600.0,
            None if widths.is_empty() => 500.0,
            None => 0.0,
        };
        let (scale, size_scale) = if type3 {
            let matrix: Vec<f64> =
                dict.get::<Array>(b"FontMatrix").map(|a| a.iter::<f64>().take(6).collect()).unwrap_or_default();
            let a = matrix.first().copied().filter(|a| a.is_finite() && *a != 0.0).unwrap_or(0.001);
            let d = matrix.get(3).copied().filter(|d| d.is_finite() && *d != 0.0).unwrap_or(0.001);
            (a, (d * 1000.0).abs())
        } else {
            (0.001, 1.0)
        };
        let encoding = simple_encoding(dict, if truetype { Base::WinAnsi } else { Base::Standard });
        let kind = Kind::Simple { encoding, first_char, widths, missing_width };
        Font { kind, to_unicode: to_unicode.filter(CMap::has_unicode), scale, size_scale }
    }

    /// The codes a string holds.
    pub(crate) fn codes(&self, bytes: &[u8]) -> Vec<Code> {
        match &self.kind {
            Kind::Simple { .. } => bytes.iter().map(|&b| Code { len: 1, value: u32::from(b) }).collect(),
            Kind::Composite { codespace, .. } if codespace.is_empty() => bytes
                .chunks(2)
                .map(|pair| Code {
                    len: 2,
                    value: pair.iter().fold(0u32, |v, &b| v << 8 | u32::from(b)) << (8 * (2 - pair.len())),
                })
                .collect(),
            Kind::Composite { codespace, .. } => split_codes(codespace, bytes),
        }
    }

    /// The text `code` stands for: by ToUnicode, else by the encoding, else U+FFFD; CJK radicals
    /// read as their ideographs.
    pub(crate) fn text(&self, code: Code) -> String {
        unify_radicals(self.raw_text(code))
    }

    fn raw_text(&self, code: Code) -> String {
        let mapped =
            |cmap: &CMap, code: Code| cmap.unicode(code).filter(|t| !t.is_empty() && t.chars().any(|c| c != '\0'));
        if let Some(cmap) = &self.to_unicode {
            // Some writers give a simple font's codes two bytes in its ToUnicode map.
            let wide = Code { len: 2, ..code };
            if let Some(text) = mapped(cmap, code).or_else(|| (code.len == 1).then(|| mapped(cmap, wide)).flatten()) {
                return text;
            }
        }
        match &self.kind {
            Kind::Simple { encoding, .. } => encoding.get(code.value as usize).cloned().flatten(),
            Kind::Composite { unicode_codes: true, .. } => utf16_code_text(code),
            Kind::Composite { .. } => None,
        }
        .unwrap_or_else(|| UNKNOWN.to_string())
    }

    /// The advance of `code` (whose text is `text`) per unit of font size, in text space.
    pub(crate) fn width(&self, code: Code, text: &str) -> f64 {
        let glyph_units = match &self.kind {
            Kind::Simple { first_char, widths, missing_width, .. } => code
                .value
                .checked_sub(*first_char)
                .and_then(|i| widths.get(i as usize))
                .copied()
                .unwrap_or(*missing_width),
            Kind::Composite { cids, widths, .. } => match cids {
                Cids::Identity => widths.get(code.value),
                Cids::Embedded(cmap) => widths.get(cmap.cid(code).unwrap_or(0)),
                // The CID is unknown: CJK fonts' Latin letters and digits are half-width.
                Cids::Unknown if code.len == 1 || text.chars().all(|c| (' '..='~').contains(&c)) => {
                    widths.default / 2.0
                }
                Cids::Unknown => widths.default,
            },
        };
        let width = glyph_units * self.scale;
        if width.is_finite() {
            width
        } else {
            0.0
        }
    }
}

/// `/W` and `/DW` of a CIDFont: `c [w1 w2 …]` and `c_first c_last w` entries.
fn cid_widths(descendant: &Dict) -> CidWidths {
    let mut widths = CidWidths {
        default: descendant.get::<f64>(b"DW").filter(|w| w.is_finite()).unwrap_or(1000.0),
        ..CidWidths::default()
    };
    let Some(w) = descendant.get::<Array>(b"W") else { return widths };
    let mut items = w.iter::<Object>();
    while let Some(Object::Number(first)) = items.next() {
        let first = first.as_f64();
        if !(0.0..=f64::from(u32::MAX)).contains(&first) {
            break;
        }
        let first = first as u32;
        match items.next() {
            Some(Object::Array(list)) => {
                for (i, w) in list.iter::<f64>().enumerate() {
                    if let Some(cid) = u32::try_from(i).ok().and_then(|i| first.checked_add(i)) {
                        widths.singles.insert(cid, w);
                    }
                }
            }
            Some(Object::Number(last)) => {
                let Some(Object::Number(w)) = items.next() else { break };
                let last = last.as_f64().clamp(0.0, f64::from(u32::MAX)) as u32;
                widths.ranges.push((first, last, w.as_f64()));
            }
            _ => break,
        }
    }
    widths
}

/// The code space of the UTF-16 CMaps: two bytes, or four for a surrogate pair.
fn utf16_codespace() -> Vec<CodeRange> {
    let data = b"3 begincodespacerange <0000> <D7FF> <E000> <FFFF> <D800DC00> <DBFFDFFF> endcodespacerange";
    CMap::parse(data).codespace
}

fn utf16_code_text(code: Code) -> Option<String> {
    let units: Vec<u16> = match code.len {
        2 => vec![code.value as u16],
        4 => vec![(code.value >> 16) as u16, code.value as u16],
        _ => return None,
    };
    char::decode_utf16(units).collect::<Result<String, _>>().ok()
}

/// A simple font's code → text: its base encoding (`/Encoding` name or `/BaseEncoding`, else
/// `fallback`) with `/Differences` applied.
fn simple_encoding(dict: &Dict, fallback: Base) -> Vec<Option<String>> {
    let encoding_dict = dict.get::<Dict>(b"Encoding");
    let base_name = match &encoding_dict {
        Some(d) => d.get::<Name>(b"BaseEncoding"),
        None => dict.get::<Name>(b"Encoding"),
    };
    let base = base_name.and_then(|n| Base::from_name(&n)).unwrap_or(fallback);
    let mut table: Vec<Option<String>> = (0..=255u8).map(|code| base.char(code).map(String::from)).collect();
    if let Some(differences) = encoding_dict.and_then(|d| d.get::<Array>(b"Differences")) {
        let mut code: Option<usize> = None;
        for item in differences.iter::<Object>() {
            match item {
                Object::Number(n) => code = Some(n.as_f64()).filter(|n| (0.0..=255.0).contains(n)).map(|n| n as usize),
                Object::Name(name) => {
                    if let Some(slot) = code.and_then(|c| table.get_mut(c)) {
                        *slot = glyph_name_text(&name);
                    }
                    code = code.map(|c| c + 1);
                }
                _ => {}
            }
        }
    }
    table
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_utf16_codes() {
        assert_eq!(utf16_code_text(Code { len: 2, value: 0x4e2d }).as_deref(), Some("中"));
        assert_eq!(utf16_code_text(Code { len: 4, value: 0xd83d_de00 }).as_deref(), Some("😀"));
        assert_eq!(utf16_code_text(Code { len: 2, value: 0xd83d }), None);
        let codes = split_codes(&utf16_codespace(), b"\x4e\x2d\xd8\x3d\xde\x00\x00A");
        assert_eq!(codes.iter().map(|c| c.len).collect::<Vec<_>>(), [2, 4, 2]);
    }
}
