//! PDF bytes → positioned glyphs ([`hedui_core::positioned::Page`]): the text layer of every page,
//! each glyph with its text (by the font's ToUnicode map or encoding), its baseline origin, its
//! advance width and its size, in content-stream order.
//!
//! The PDF's structure (cross-reference tables and streams, objects, filters, decryption of
//! documents that open without a password) is read by `hayro-syntax`; the content-stream walk
//! and the fonts are this crate's. Pure Rust, no threads or files: it runs in a Web Worker.

mod cmap;
mod encoding;
mod font;
mod lexer;
mod stream;
#[cfg(test)]
mod tests;
mod text;

use std::fmt;

use hayro_syntax::{LoadPdfError, Pdf};
use hedui_core::positioned::Page;

/// Glyphs a document may have: past this, it is refused rather than filling memory.
const MAX_GLYPHS: usize = 2_000_000;
/// Content-stream bytes walked per document (a form drawn twice counts twice).
const MAX_CONTENT_BYTES: usize = 512 << 20;

/// What [`read_pdf`] accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// File size, in bytes.
    pub max_bytes: usize,
    /// Number of pages.
    pub max_pages: usize,
}

impl Default for Limits {
    /// 50 MB and 500 pages.
    fn default() -> Self {
        Limits { max_bytes: 50 * 1024 * 1024, max_pages: 500 }
    }
}

/// Why a PDF could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PdfError {
    /// Not a PDF file (no `%PDF-` header).
    NotPdf,
    /// Encrypted, and does not open without a password.
    Encrypted,
    /// Damaged or incomplete; the detail is short, in English, for a bug report.
    Corrupt(String),
    /// Larger than [`Limits::max_bytes`].
    TooLarge { bytes: usize, max: usize },
    /// More pages than [`Limits::max_pages`].
    TooManyPages { pages: usize, max: usize },
    /// No text layer at all: a scan.
    NoText,
}

/// `bytes` in MB with one decimal (integer arithmetic: float formatting would weigh ~10 KB in wasm).
fn megabytes(bytes: usize) -> String {
    let tenths = (bytes as u64 * 10 + (1 << 19)) >> 20;
    format!("{}.{}", tenths / 10, tenths % 10)
}

impl PdfError {
    /// The message for a Chinese-speaking user.
    pub fn zh(&self) -> String {
        match self {
            PdfError::NotPdf => "这不是 PDF 文件".to_string(),
            PdfError::Encrypted => "此 PDF 已加密，请先去除密码保护再核对".to_string(),
            PdfError::Corrupt(_) => "PDF 文件已损坏或不完整".to_string(),
            PdfError::TooLarge { bytes, max } => {
                format!("PDF 文件过大（{} MB），最多可核对 {} MB", megabytes(*bytes), megabytes(*max))
            }
            PdfError::TooManyPages { pages, max } => format!("PDF 页数过多（{pages} 页），最多可核对 {max} 页"),
            PdfError::NoText => "此 PDF 为扫描件，没有可提取的文字".to_string(),
        }
    }

    /// The message in English.
    pub fn en(&self) -> String {
        match self {
            PdfError::NotPdf => "this is not a PDF file".to_string(),
            PdfError::Encrypted => "this PDF is encrypted: remove its password protection, then check it".to_string(),
            PdfError::Corrupt(detail) => format!("the PDF file is damaged or incomplete: {detail}"),
            PdfError::TooLarge { bytes, max } => format!(
                "the PDF is too large ({} MB); at most {} MB can be checked",
                megabytes(*bytes),
                megabytes(*max)
            ),
            PdfError::TooManyPages { pages, max } => {
                format!("the PDF has too many pages ({pages}); at most {max} can be checked")
            }
            PdfError::NoText => "this PDF is a scan: it has no text to extract".to_string(),
        }
    }
}

impl fmt::Display for PdfError {
    /// `zh (en)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({})", self.zh(), self.en())
    }
}

impl std::error::Error for PdfError {}

/// Reads every page's glyphs. Fails on what is not a readable PDF with text (see [`PdfError`]);
/// inside a readable PDF, what cannot be read (a bad operator, a missing font) is skipped.
pub fn read_pdf(bytes: &[u8], limits: &Limits) -> Result<Vec<Page>, PdfError> {
    read_pdf_with(bytes, limits, &mut |_, _| {})
}

/// [`read_pdf`], calling `progress(done, total)` after each page is read (for a progress bar).
pub fn read_pdf_with(
    bytes: &[u8],
    limits: &Limits,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<Vec<Page>, PdfError> {
    read(bytes, limits, text::Budget { glyphs: MAX_GLYPHS, content_bytes: MAX_CONTENT_BYTES }, progress)
}

fn read(
    bytes: &[u8],
    limits: &Limits,
    mut budget: text::Budget,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<Vec<Page>, PdfError> {
    if bytes.len() > limits.max_bytes {
        return Err(PdfError::TooLarge { bytes: bytes.len(), max: limits.max_bytes });
    }
    // The header may follow up to 1024 bytes of junk.
    if !contains(bytes.get(..1024 + 5).unwrap_or(bytes), b"%PDF-") {
        return Err(PdfError::NotPdf);
    }
    // A complete file ends with `startxref` and `%%EOF` (some writers add a little after them).
    // Without them it was cut short: reading what is there would check part of a document.
    let tail = bytes.get(bytes.len().saturating_sub(4096)..).unwrap_or(bytes);
    if !contains(tail, b"%%EOF") && !contains(tail, b"startxref") {
        return Err(PdfError::Corrupt("truncated: no end-of-file marker".to_string()));
    }
    let pdf = Pdf::new(bytes.to_vec()).map_err(|e| match e {
        LoadPdfError::Decryption(_) => PdfError::Encrypted,
        LoadPdfError::Invalid => PdfError::Corrupt("unreadable cross-reference table and objects".to_string()),
    })?;
    let pages = pdf.pages();
    if pages.len() > limits.max_pages {
        return Err(PdfError::TooManyPages { pages: pages.len(), max: limits.max_pages });
    }
    if pages.is_empty() {
        return Err(PdfError::Corrupt("no pages".to_string()));
    }
    let mut fonts = text::Fonts::default();
    let mut out = Vec::with_capacity(pages.len());
    for page in pages.iter() {
        let page = text::page(page, &mut fonts, &mut budget).map_err(|overflow| match overflow {
            text::Overflow::Glyphs => PdfError::Corrupt("too much text".to_string()),
            text::Overflow::Content => PdfError::Corrupt("too much content".to_string()),
        })?;
        out.push(page);
        progress(out.len(), pages.len());
    }
    if !out.iter().flat_map(|p| &p.glyphs).any(|g| g.text.chars().any(|c| !c.is_whitespace())) {
        return Err(PdfError::NoText);
    }
    Ok(out)
}

pub(crate) fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}
