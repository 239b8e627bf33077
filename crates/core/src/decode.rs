//! Bytes of a file to the text the reader takes, shared by every face (CLI, web app, JS API).
//!
//! UTF-8 (a byte-order mark is dropped) and UTF-16 with a byte-order mark are read;
//! binary files and other encodings are refused with a bilingual message. GB18030/GBK would
//! need a full legacy-encoding table (encoding_rs), too large for the wasm builds: such files
//! have to be saved as UTF-8 first.

#![deny(clippy::arithmetic_side_effects, clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::fmt;

/// Why bytes are not a readable text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DecodeError {
    /// NUL bytes without a UTF-16 byte-order mark: a PDF, Word file, archive or image.
    Binary,
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
            DecodeError::NotUtf8 => "不是 UTF-8 文本；GB18030/GBK 等编码请先另存为 UTF-8",
            DecodeError::BadUtf16 => "UTF-16 文本已损坏",
        }
    }

    /// The message in English.
    pub fn en(self) -> &'static str {
        match self {
            DecodeError::Binary => "a binary file (such as a PDF, Word file, archive or image), not text",
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

/// Decodes a file's bytes: UTF-8 with or without a byte-order mark, or UTF-16 LE/BE with one.
pub fn decode(bytes: &[u8]) -> Result<String, DecodeError> {
    match bytes {
        [0xEF, 0xBB, 0xBF, rest @ ..] => utf8(rest),
        [0xFF, 0xFE, rest @ ..] => utf16(rest, u16::from_le_bytes),
        [0xFE, 0xFF, rest @ ..] => utf16(rest, u16::from_be_bytes),
        _ => utf8(bytes),
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
    if text.as_bytes().contains(&0) {
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
        let zip = b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00";
        assert_eq!(decode(zip), Err(DecodeError::Binary));
        // UTF-16 without a byte-order mark cannot be told from binary data.
        let bare_utf16: Vec<u8> = "合计".encode_utf16().flat_map(u16::to_le_bytes).chain([0x41, 0x00]).collect();
        assert_eq!(decode(&bare_utf16), Err(DecodeError::Binary));
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
