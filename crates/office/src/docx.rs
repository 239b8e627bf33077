//! Word documents (DOCX): the body's paragraphs and tables in document order. A paragraph is a
//! line (a heading style's paragraph starts with `#`s, one per level, as core reads headings); a
//! table row is a line of tab-separated cells, a cell spanning columns followed by empty ones, a
//! cell merged into the one above empty. Numbering Word adds itself (list styles) is not
//! written; numbers typed into the text (`一、`, `（一）`) are.

use std::collections::HashMap;
use std::io::Cursor;

use hedui_core::positioned::SourcePlaces;
use quick_xml::escape::resolve_xml_entity;
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader as XmlReader;
use zip::ZipArchive;

use crate::zipped::entry_text;
use crate::{ImportError, Imported, Kind};

/// Reads `word/document.xml` (and the heading levels of `word/styles.xml`).
pub(crate) fn import(name: &str, archive: &mut ZipArchive<Cursor<&[u8]>>) -> Result<Imported, ImportError> {
    let document = entry_text(archive, "word/document.xml")?.unwrap_or_default();
    let levels = heading_levels(&entry_text(archive, "word/styles.xml")?.unwrap_or_default());
    let mut walk = Walk { levels, places: SourcePlaces::new(name), ..Walk::default() };
    walk.read(&document)?;
    Ok(Imported { kind: Kind::Word, text: walk.text, places: walk.places, notes: Vec::new() })
}

/// Where the walk through the body is.
#[derive(Default)]
struct Walk {
    levels: HashMap<String, usize>,
    text: String,
    places: SourcePlaces,
    /// Paragraphs outside tables, and tables, so far (1-based once one is met).
    paragraphs: usize,
    tables: usize,
    /// Depth of tables the walk is in; rows and cells of the outermost one.
    depth: usize,
    row: usize,
    cell: usize,
    /// The current paragraph's text, its heading level, and the current cell's text.
    paragraph: String,
    level: usize,
    cell_text: String,
    /// Columns the current cell spans, and whether it continues a cell above.
    span: usize,
    continued: bool,
    /// Inside `w:t` (text), where character data is the document's text.
    in_text: bool,
}

impl Walk {
    fn read(&mut self, xml: &str) -> Result<(), ImportError> {
        let mut reader = XmlReader::from_str(xml);
        loop {
            let event = reader.read_event().map_err(|e| ImportError::Damaged(format!("word/document.xml: {e}")))?;
            match event {
                Event::Start(e) => self.start(&e, false),
                Event::Empty(e) => self.start(&e, true),
                Event::End(e) => self.end(e.local_name().as_ref()),
                Event::Text(t) if self.in_text => self.paragraph.push_str(&t.xml10_content()),
                Event::GeneralRef(r) if self.in_text => {
                    if let Some(text) = resolve_xml_entity(&r.xml10_content()) {
                        self.paragraph.push_str(text);
                    } else if let Ok(Some(c)) = r.resolve_char_ref() {
                        self.paragraph.push(c);
                    }
                }
                Event::CData(t) if self.in_text => self.paragraph.push_str(&t.xml10_content()),
                Event::Eof => return Ok(()),
                _ => {}
            }
        }
    }

    fn start(&mut self, e: &BytesStart, empty: bool) {
        match e.local_name().as_ref() {
            "t" => self.in_text = !empty,
            "tab" => self.paragraph.push(' '),
            "br" | "cr" => self.paragraph.push(' '),
            "p" => {
                self.paragraph.clear();
                self.level = 0;
            }
            "pStyle" => {
                if let Some(style) = value(e) {
                    self.level = self.levels.get(&style).copied().unwrap_or(0);
                }
            }
            "tbl" => {
                self.depth += 1;
                if self.depth == 1 {
                    self.tables += 1;
                    self.row = 0;
                    self.end_block();
                }
            }
            "tr" if self.depth == 1 => {
                self.row += 1;
                self.cell = 0;
            }
            "tc" if self.depth == 1 => {
                self.cell += 1;
                self.cell_text.clear();
                self.span = 1;
                self.continued = false;
            }
            "gridSpan" if self.depth == 1 => self.span = value(e).and_then(|v| v.parse().ok()).unwrap_or(1).clamp(1, 64),
            // `<w:vMerge/>` continues the cell above; `w:val="restart"` starts a merged cell.
            "vMerge" if self.depth == 1 => self.continued = value(e).is_none_or(|v| v == "continue"),
            _ => {}
        }
    }

    fn end(&mut self, local: &str) {
        match local {
            "t" => self.in_text = false,
            "p" if self.depth == 0 => {
                let text = self.paragraph.trim();
                if !text.is_empty() {
                    self.paragraphs += 1;
                    self.places.push(self.text.len(), format!("第{}段", self.paragraphs));
                    for _ in 0..self.level {
                        self.text.push('#');
                    }
                    if self.level > 0 {
                        self.text.push(' ');
                    }
                    self.text.push_str(text);
                    self.text.push_str("\n\n");
                }
            }
            // A cell's paragraphs (and nested tables' text) join into the cell.
            "p" => {
                self.cell_text.push_str(self.paragraph.trim());
                self.paragraph.clear();
            }
            "tc" if self.depth == 1 => {
                if self.cell > 1 {
                    self.text.push('\t');
                }
                let text = if self.continued { "" } else { self.cell_text.trim() };
                if !text.is_empty() {
                    self.places.push(self.text.len(), format!("表{} 第{}行第{}列", self.tables, self.row, self.cell));
                }
                self.text.push_str(text);
                for _ in 1..self.span {
                    self.text.push('\t');
                }
            }
            "tr" if self.depth == 1 => self.text.push('\n'),
            "tbl" => {
                self.depth = self.depth.saturating_sub(1);
                if self.depth == 0 {
                    self.text.push('\n');
                }
            }
            _ => {}
        }
    }

    /// A table starts on a line of its own.
    fn end_block(&mut self) {
        if !self.text.is_empty() && !self.text.ends_with("\n\n") {
            self.text.push('\n');
        }
    }
}

/// A `w:val` attribute's value.
fn value(e: &BytesStart) -> Option<String> {
    e.attributes()
        .filter_map(Result::ok)
        .find(|a| a.key.local_name().as_ref() == "val")
        .and_then(|a| a.normalized_value(quick_xml::XmlVersion::Implicit1_0).ok())
        .map(|v| v.into_owned())
}

/// Heading styles' levels by style id: styles named `heading N` (Word's built-in names, in any
/// language's interface) or `Title` (level 1).
fn heading_levels(styles: &str) -> HashMap<String, usize> {
    let mut reader = XmlReader::from_str(styles);
    let (mut levels, mut id) = (HashMap::new(), None::<String>);
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) if e.local_name().as_ref() == "style" => {
                id = e
                    .attributes()
                    .filter_map(Result::ok)
                    .find(|a| a.key.local_name().as_ref() == "styleId")
                    .and_then(|a| a.normalized_value(quick_xml::XmlVersion::Implicit1_0).ok())
                    .map(|v| v.into_owned());
            }
            Ok(Event::Start(e) | Event::Empty(e)) if e.local_name().as_ref() == "name" => {
                let name = value(&e).unwrap_or_default().to_ascii_lowercase();
                let level = match name.strip_prefix("heading ") {
                    Some(n) => n.trim().parse().ok(),
                    None => (name == "title").then_some(1),
                };
                if let (Some(id), Some(level)) = (id.clone(), level) {
                    levels.insert(id, level);
                }
            }
            Ok(Event::Eof) | Err(_) => break,
            _ => {}
        }
    }
    levels
}
