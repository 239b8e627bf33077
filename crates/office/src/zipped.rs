//! Office containers: zip archives (XLSX, DOCX, ODS) checked against the limits before anything
//! is unpacked, and OLE compound files (XLS; Word 97 documents and encrypted workbooks, which are
//! refused).

use std::io::{Cursor, Read};

use zip::ZipArchive;

use crate::{docx, sheets, ImportError, Imported, Limits};

const ZIP: &[u8] = b"PK\x03\x04";
const OLE: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// Whether the bytes are a zip archive.
pub(crate) fn is_zip(bytes: &[u8]) -> bool {
    bytes.starts_with(ZIP)
}

/// Whether the bytes are an OLE compound file.
pub(crate) fn is_ole(bytes: &[u8]) -> bool {
    bytes.starts_with(OLE)
}

/// Reads a zip: a workbook (`xl/workbook.xml`, or an ODS `content.xml`) or a Word document
/// (`word/document.xml`), once its entries' count and their sizes as declared are within the
/// limits; the declared sizes bound what is unpacked, since the zip reader fails an entry that
/// unpacks beyond its own.
pub(crate) fn import(name: &str, bytes: &[u8], limits: &Limits) -> Result<Imported, ImportError> {
    let mut archive = ZipArchive::new(Cursor::new(bytes)).map_err(|e| ImportError::Damaged(e.to_string()))?;
    if archive.len() > limits.max_entries {
        return Err(ImportError::ZipBomb);
    }
    let mut total = 0u64;
    for index in 0..archive.len() {
        let entry = archive.by_index_raw(index).map_err(|e| ImportError::Damaged(e.to_string()))?;
        if entry.encrypted() {
            return Err(ImportError::Encrypted);
        }
        total = total.saturating_add(entry.size());
        if total > limits.max_unzipped {
            return Err(ImportError::ZipBomb);
        }
    }
    let has = |archive: &ZipArchive<Cursor<&[u8]>>, path: &str| archive.index_for_name(path).is_some();
    if has(&archive, "word/document.xml") {
        docx::import(name, &mut archive)
    } else if has(&archive, "xl/workbook.xml") {
        sheets::import_xlsx(name, bytes, &mut archive)
    } else if has(&archive, "content.xml") {
        sheets::import_ods(name, bytes)
    } else {
        Err(ImportError::UnknownZip)
    }
}

/// An entry's text, read no further than its declared size.
pub(crate) fn entry_text(archive: &mut ZipArchive<Cursor<&[u8]>>, path: &str) -> Result<Option<String>, ImportError> {
    let Ok(entry) = archive.by_name(path) else { return Ok(None) };
    let size = entry.size();
    let mut text = String::new();
    entry.take(size).read_to_string(&mut text).map_err(|e| ImportError::Damaged(format!("{path}: {e}")))?;
    Ok(Some(text))
}

/// Reads an OLE file: an Excel 97–2003 workbook; an encrypted OOXML file or a Word 97 document
/// is refused. Streams are told by their names in the directory (UTF-16).
pub(crate) fn import_ole(name: &str, bytes: &[u8]) -> Result<Imported, ImportError> {
    let has_stream = |stream: &str| {
        let utf16: Vec<u8> = stream.encode_utf16().flat_map(u16::to_le_bytes).collect();
        bytes.windows(utf16.len()).any(|w| w == utf16.as_slice())
    };
    if has_stream("EncryptedPackage") {
        Err(ImportError::Encrypted)
    } else if has_stream("WordDocument") {
        Err(ImportError::Word97)
    } else {
        sheets::import_xls(name, bytes)
    }
}
