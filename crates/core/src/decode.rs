//! Bytes of a file to the text the reader takes, shared by every face (CLI, web app, JS API).
//!
//! UTF-8 (a byte-order mark is dropped) and UTF-16 (with a byte-order mark, or without one when
//! its zero bytes tell the byte order) are read; PDFs (by their `%PDF-` header, even when all
//! ASCII), Excel and Word files (by their zip or OLE header), other binary files and other
//! encodings are refused with a bilingual message. GB18030/GBK would
//! need a full legacy-encoding table (encoding_rs), too large for the wasm builds: such files
//! have to be saved as UTF-8 first.

#![deny(clippy::arithmetic_side_effects, clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::fmt;

/// Why bytes are not a readable text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DecodeError {
    /// A PDF (`%PDF-`), or NUL bytes that are not UTF-16: an archive, an image, ….
    Binary,
    /// An Excel or Word file (xlsx/docx are zip archives, xls/doc OLE files): not read yet.
    Office,
    /// Neither UTF-8 nor UTF-16 with a byte-order mark (GB18030/GBK, Latin-1, …).
    NotUtf8,
    /// A UTF-16 byte-order mark followed by an odd number of bytes or an unpaired surrogate.
    BadUtf16,
}

impl DecodeError {
    /// The message in Chinese.
    pub fn zh(self) -> &'static str {
        match self {
            DecodeError::Binary => "是二进制文件（如 PDF、Word、压缩包或图片），不是文本",
            DecodeError::Office => {
                "是 Excel 或 Word 文件，此处只读文本：请在 hedui 网页版或命令行中打开，或另存为 UTF-8 文本或 PDF"
            }
            DecodeError::NotUtf8 => "不是 UTF-8 文本；GB18030/GBK 等编码请先另存为 UTF-8",
            DecodeError::BadUtf16 => "UTF-16 文本已损坏",
        }
    }

    /// The message in English.
    pub fn en(self) -> &'static str {
        match self {
            DecodeError::Binary => "a binary file (such as a PDF, Word file, archive or image), not text",
            DecodeError::Office => "an Excel or Word file, and this reads text only: open it in the hedui app or CLI, or save it as UTF-8 text or PDF",
            DecodeError::NotUtf8 => "not UTF-8 text; save GB18030/GBK and other encodings as UTF-8 first",
            DecodeError::BadUtf16 => "damaged UTF-16 text",
        }
    }
}

/// Both languages: `不是 UTF-8 文本；… (not UTF-8 text; …)`.
impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({})", self.zh(), self.en())
    }
}

impl std::error::Error for DecodeError {}

/// Decodes a file's bytes: UTF-8 with or without a byte-order mark, or UTF-16 LE/BE.
pub fn decode(bytes: &[u8]) -> Result<String, DecodeError> {
    const ZIP: &[u8] = b"PK\x03\x04";
    const OLE: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    match bytes {
        [0xEF, 0xBB, 0xBF, rest @ ..] => utf8(rest),
        [0xFF, 0xFE, rest @ ..] => utf16(rest, u16::from_le_bytes),
        [0xFE, 0xFF, rest @ ..] => utf16(rest, u16::from_be_bytes),
        _ if bytes.starts_with(b"%PDF-") => Err(DecodeError::Binary),
        _ if bytes.starts_with(ZIP) || bytes.starts_with(OLE) => Err(DecodeError::Office),
        _ => match bare_utf16_order(bytes) {
            Some(unit) => utf16(bytes, unit),
            None => utf8(bytes),
        },
    }
}

/// The byte order of UTF-16 written without a byte-order mark, told by its zero bytes: the
/// line breaks, tabs, spaces and digits of any text have a zero high byte (at odd offsets in
/// little-endian, at even ones in big-endian), which Han characters seldom have in their low
/// byte. `None` when the zeros do not fall mostly on one side.
fn bare_utf16_order(bytes: &[u8]) -> Option<fn([u8; 2]) -> u16> {
    if bytes.len() % 2 != 0 {
        return None;
    }
    let (mut even, mut odd) = (0usize, 0usize);
    for pair in bytes.chunks_exact(2) {
        even = even.saturating_add(usize::from(pair.first() == Some(&0)));
        odd = odd.saturating_add(usize::from(pair.get(1) == Some(&0)));
    }
    let mostly = |side: usize, other: usize| side > 0 && other <= side / 4;
    if mostly(odd, even) {
        Some(u16::from_le_bytes)
    } else if mostly(even, odd) {
        Some(u16::from_be_bytes)
    } else {
        None
    }
}

fn utf8(bytes: &[u8]) -> Result<String, DecodeError> {
    if bytes.contains(&0) {
        return Err(DecodeError::Binary);
    }
    String::from_utf8(bytes.to_vec()).map_err(|_| DecodeError::NotUtf8)
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> Result<String, DecodeError> {
    if bytes.len() % 2 != 0 {
        return Err(DecodeError::BadUtf16);
    }
    let units = bytes.chunks_exact(2).filter_map(|pair| <[u8; 2]>::try_from(pair).ok()).map(unit);
    let text: String = char::decode_utf16(units).collect::<Result<_, _>>().map_err(|_| DecodeError::BadUtf16)?;
    // C0 control characters other than line and page breaks and tabs: binary data, not text.
    if text.bytes().any(|b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)) {
        return Err(DecodeError::Binary);
    }
    Ok(text)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    const CORPUS_001: &str = include_str!("../../../../shared/corpus/001_1a1813143cd16474.txt");

    fn utf16le_with_bom(text: &str) -> Vec<u8> {
        let mut bytes = vec![0xFF, 0xFE];
        bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
        bytes
    }

    fn utf16be_with_bom(text: &str) -> Vec<u8> {
        let mut bytes = vec![0xFE, 0xFF];
        bytes.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
        bytes
    }

    #[test]
    fn utf8_is_read_as_is() {
        assert_eq!(decode(CORPUS_001.as_bytes()).unwrap(), CORPUS_001);
        assert_eq!(decode(b"").unwrap(), "");
    }

    #[test]
    fn a_utf8_byte_order_mark_is_dropped() {
        let mut bytes = vec![0xEF, 0xBB, 0xBF];
        bytes.extend_from_slice(CORPUS_001.as_bytes());
        assert_eq!(decode(&bytes).unwrap(), CORPUS_001);
    }

    #[test]
    fn utf16_with_a_byte_order_mark_is_read_in_both_byte_orders() {
        assert_eq!(decode(&utf16le_with_bom(CORPUS_001)).unwrap(), CORPUS_001);
        assert_eq!(decode(&utf16be_with_bom(CORPUS_001)).unwrap(), CORPUS_001);
        // Outside the Basic Multilingual Plane: a surrogate pair.
        assert_eq!(decode(&utf16le_with_bom("𠀋 合计")).unwrap(), "𠀋 合计");
    }

    #[test]
    fn decoded_utf16_checks_like_the_utf8_original() {
        let from_utf16 = decode(&utf16be_with_bom(CORPUS_001)).unwrap();
        assert_eq!(crate::check(&[("a", &from_utf16)]).to_json(), crate::check(&[("a", CORPUS_001)]).to_json());
    }

    #[test]
    fn damaged_utf16_is_refused() {
        let mut odd = utf16le_with_bom("合计");
        odd.push(0x41);
        assert_eq!(decode(&odd), Err(DecodeError::BadUtf16));
        // A lone high surrogate (U+D800).
        assert_eq!(decode(&[0xFF, 0xFE, 0x00, 0xD8, 0x41, 0x00]), Err(DecodeError::BadUtf16));
        assert_eq!(decode(&utf16le_with_bom("a\0b")), Err(DecodeError::Binary));
    }

    #[test]
    fn binary_files_are_refused() {
        let pdf = b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj\n<< /Length 0 >>\nstream\n\x00\x01\x02";
        assert_eq!(decode(pdf), Err(DecodeError::Binary));
        // A PDF written all in ASCII is valid UTF-8, and still not text (issue #14: scored 100).
        assert_eq!(
            decode(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"),
            Err(DecodeError::Binary)
        );
        let png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00";
        assert_eq!(decode(png), Err(DecodeError::Binary));
    }

    #[test]
    fn excel_and_word_files_are_not_supported_yet() {
        let xlsx = b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00[Content_Types].xml";
        assert_eq!(decode(xlsx), Err(DecodeError::Office));
        let xls = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0];
        assert_eq!(decode(&xls), Err(DecodeError::Office));
        assert!(DecodeError::Office.en().contains("open it in the hedui app or CLI"));
    }

    #[test]
    fn utf16_without_a_byte_order_mark_is_read_in_both_byte_orders() {
        let le: Vec<u8> = CORPUS_001.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = CORPUS_001.encode_utf16().flat_map(u16::to_be_bytes).collect();
        assert_eq!(decode(&le).unwrap(), CORPUS_001);
        assert_eq!(decode(&be).unwrap(), CORPUS_001);
        // Han characters with a zero low byte (一 is U+4E00) do not hide the order.
        let text = "一二三\t100.00\n合计\t一\n";
        assert_eq!(decode(&text.encode_utf16().flat_map(u16::to_le_bytes).collect::<Vec<_>>()).unwrap(), text);
        // Zeros on both sides, or control characters once decoded: binary.
        assert_eq!(decode(&[0x00, 0x00, 0x41, 0x00, 0x00, 0x00, 0x42, 0x00]), Err(DecodeError::Binary));
        assert_eq!(decode(&[0x01, 0x00, 0x02, 0x00, 0x41, 0x00]), Err(DecodeError::Binary));
    }

    #[test]
    fn legacy_chinese_encodings_are_refused() {
        // “合计 12.50” in GB18030.
        let gb18030 = b"\xBA\xCF\xBC\xC6 12.50";
        assert_eq!(decode(gb18030), Err(DecodeError::NotUtf8));
        let mut bom_then_gbk = vec![0xEF, 0xBB, 0xBF];
        bom_then_gbk.extend_from_slice(gb18030);
        assert_eq!(decode(&bom_then_gbk), Err(DecodeError::NotUtf8));
    }

    #[test]
    fn messages_name_the_problem_in_both_languages() {
        assert_eq!(DecodeError::NotUtf8.to_string(), "不是 UTF-8 文本；GB18030/GBK 等编码请先另存为 UTF-8 (not UTF-8 text; save GB18030/GBK and other encodings as UTF-8 first)");
        assert!(DecodeError::Binary.to_string().starts_with("是二进制文件"));
        assert!(DecodeError::Binary.en().contains("binary"));
        assert!(DecodeError::BadUtf16.en().contains("UTF-16"));
    }
}
