//! Files as accountants have them, read into the text hedui's reader takes: Excel workbooks
//! (XLSX, XLS) and OpenDocument sheets (ODS), Word documents (DOCX), CSV/TSV, and text in a
//! legacy encoding (GBK/GB18030, told from the bytes).
//!
//! A sheet's rows and a Word table's rows become lines of tab-separated cells, the rows of a
//! ruled table to core's reader; paragraphs become lines. [`SourcePlaces`] keeps the cell
//! (`收入决算表!C12`) or paragraph (`第12段`, `表2 第3行第4列`) each piece of the text came from.
//! Files that cannot be read (too large, zip bombs, encrypted, damaged, Word 97 and WPS native
//! formats, empty workbooks) are refused with a message in Chinese and English.

mod csv;
mod docx;
mod error;
mod numbering;
mod numfmt;
mod sheets;
mod text;
mod zipped;

pub use error::ImportError;
use hedui_core::positioned::SourcePlaces;

/// Bounds on what a file may make the reader do.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Largest file read, in bytes.
    pub max_file: usize,
    /// Largest total of a zip's entries, uncompressed, in bytes.
    pub max_unzipped: u64,
    /// Most entries in a zip.
    pub max_entries: usize,
}

impl Default for Limits {
    /// 50 MB files, 200 MB unzipped, 10,000 entries.
    fn default() -> Self {
        Limits { max_file: 50 << 20, max_unzipped: 200 << 20, max_entries: 10_000 }
    }
}

/// What a file was read as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Workbook,
    Word,
    Csv,
    /// Text, its lines the document's (places name them: `第12行`).
    Text,
    /// Several files read as one document ([`combine`]).
    Combined,
}

/// A file read: its text, where each piece of it came from, and what was left out (hidden
/// sheets and rows) or assumed (the encoding), in both languages.
#[derive(Debug, Clone)]
pub struct Imported {
    pub kind: Kind,
    pub text: String,
    pub places: SourcePlaces,
    pub notes: Vec<Note>,
}

/// Something the reader tells about a file it read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    pub zh: String,
    pub en: String,
}

impl Imported {
    /// A text read by another reader (a PDF's layout text, a UTF-8 file), to be [`combine`]d:
    /// its lines are its places.
    pub fn of_text(name: &str, text: String) -> Imported {
        text::imported(name, text::Decoded { text, notes: Vec::new() })
    }
}

/// The files of one document read as one (say a workbook's tables and a Word file's narrative):
/// Word documents and texts first, in the order given, as a document's cover and narrative come
/// before its tables (the cover names the department and year), then workbooks; joined by a
/// blank line, each piece's file and place kept.
pub fn combine(mut parts: Vec<Imported>) -> Imported {
    parts.sort_by_key(|part| part.kind == Kind::Workbook);
    let mut combined =
        Imported { kind: Kind::Combined, text: String::new(), places: SourcePlaces::default(), notes: Vec::new() };
    for part in parts {
        if !combined.text.is_empty() {
            combined.text.push_str("\n\n");
        }
        combined.places.append(part.places, combined.text.len());
        combined.text.push_str(&part.text);
        combined.notes.extend(part.notes);
    }
    combined
}

/// Whether `import` is the reader for this file: an office file by its name or header, or a
/// CSV/TSV file. Other text is core's to decode; what core refuses as not UTF-8 comes back
/// here through [`import_text`].
pub fn handles(name: &str, bytes: &[u8]) -> bool {
    zipped::is_zip(bytes)
        || zipped::is_ole(bytes)
        || matches!(
            extension(name).as_str(),
            "xlsx" | "xlsm" | "xls" | "ods" | "docx" | "doc" | "wps" | "et" | "csv" | "tsv"
        )
}

/// Reads a file named `name` (its extension tells CSV from TSV, and Word 97 and WPS files
/// apart).
pub fn import(name: &str, bytes: &[u8], limits: &Limits) -> Result<Imported, ImportError> {
    if bytes.len() > limits.max_file {
        return Err(ImportError::TooLarge { limit_mb: limits.max_file >> 20 });
    }
    let extension = extension(name);
    match extension.as_str() {
        "doc" => return Err(ImportError::Word97),
        "wps" => return Err(ImportError::WpsWriter),
        "et" => return Err(ImportError::WpsSheet),
        _ => {}
    }
    if zipped::is_zip(bytes) {
        return zipped::import(name, bytes, limits);
    }
    if zipped::is_ole(bytes) {
        return zipped::import_ole(name, bytes);
    }
    match extension.as_str() {
        "xlsx" | "xlsm" | "ods" | "docx" => Err(ImportError::Damaged("not a zip archive".to_string())),
        "xls" => Err(ImportError::Damaged("not an OLE compound file".to_string())),
        _ => {
            let text = text::decode(bytes)?;
            let delimiter = match extension.as_str() {
                "tsv" => Some('\t'),
                "csv" => None,
                _ => return Ok(text::imported(name, text)),
            };
            Ok(csv::import(name, &text.text, delimiter, text.notes))
        }
    }
}

/// Reads text that core's decoder refused as not UTF-8: GBK/GB18030 or another legacy
/// encoding, told from its bytes.
pub fn import_text(name: &str, bytes: &[u8]) -> Result<Imported, ImportError> {
    text::decode(bytes).map(|text| text::imported(name, text))
}

/// A file name's extension in ASCII lower case.
fn extension(name: &str) -> String {
    name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase()).unwrap_or_default()
}
