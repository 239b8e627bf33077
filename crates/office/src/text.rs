//! Text in a legacy encoding: GBK/GB18030 (as Chinese Windows saves text and CSV), or another
//! one chardetng tells from the bytes; UTF-8 and UTF-16 are core's.

use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use hedui_core::positioned::SourcePlaces;

use crate::{ImportError, Imported, Kind, Note};

/// Decoded text and what was assumed to decode it.
pub(crate) struct Decoded {
    pub text: String,
    pub notes: Vec<Note>,
}

/// Decodes `bytes`: UTF-8 (± byte-order mark) or UTF-16 through core, else the encoding
/// chardetng guesses (for Chinese documents: GBK unless the bytes say otherwise), which must decode every byte without error and give no control
/// characters (binary data) other than line and page breaks and tabs.
pub(crate) fn decode(bytes: &[u8]) -> Result<Decoded, ImportError> {
    match hedui_core::decode::decode(bytes) {
        Ok(text) => return Ok(Decoded { text, notes: Vec::new() }),
        Err(hedui_core::decode::DecodeError::NotUtf8) => {}
        Err(_) => return Err(ImportError::NotText),
    }
    let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    // As for a page under `.cn`: where the bytes leave it open (a short text), GBK is the guess.
    let encoding = detector.guess(Some(b"cn"), Utf8Detection::Deny);
    let text = encoding.decode_without_bom_handling_and_without_replacement(bytes).ok_or(ImportError::NotText)?;
    if text.chars().any(|c| c < ' ' && !matches!(c, '\t' | '\n' | '\r' | '\x0b' | '\x0c')) {
        return Err(ImportError::NotText);
    }
    let name = encoding.name();
    let notes = vec![Note { zh: format!("按 {name} 编码读取"), en: format!("read as {name} text") }];
    Ok(Decoded { text: text.into_owned(), notes })
}

/// Decoded text as it is, its lines as places (`第12行`).
pub(crate) fn imported(name: &str, decoded: Decoded) -> Imported {
    let mut places = SourcePlaces::new(name);
    let mut at = 0;
    for (index, line) in decoded.text.split_inclusive('\n').enumerate() {
        places.push(at, format!("第{}行", index + 1));
        at += line.len();
    }
    Imported { kind: Kind::Text, text: decoded.text, places, notes: decoded.notes }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gbk_text_is_told_from_its_bytes() {
        let text = "收入支出决算总表\n单位：万元\n项目\t决算数\n本年收入合计\t1,234.50\n";
        let (gbk, _, _) = encoding_rs::GBK.encode(text);
        let decoded = decode(&gbk).unwrap();
        assert_eq!(decoded.text, text);
        assert!(decoded.notes[0].en.contains("GBK"), "{:?}", decoded.notes);
    }

    #[test]
    fn utf8_needs_no_note_and_binary_is_refused() {
        assert!(decode("一、部门职责".as_bytes()).unwrap().notes.is_empty());
        assert_eq!(decode(&[0x89, b'P', b'N', b'G', 0, 0, 0, 1]).err(), Some(ImportError::NotText));
    }
}
