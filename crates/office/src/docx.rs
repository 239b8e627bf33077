//! Word documents (DOCX): the body's paragraphs and tables in document order. A paragraph is a
//! line (a heading style's paragraph starts with `#`s, one per level, as core reads headings); a
//! table row is a line of tab-separated cells, a cell spanning columns followed by empty ones, a
//! cell merged into the one above empty. Numbers Word adds itself to list and heading paragraphs
//! are written as printed (numbering.rs), as are numbers typed into the text (`一、`, `（一）`).

use std::collections::HashMap;
use std::io::Cursor;

use hedui_core::positioned::SourcePlaces;
use quick_xml::escape::resolve_xml_entity;
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader as XmlReader;
use zip::ZipArchive;

use crate::numbering::Numbering;
use crate::zipped::entry_text;
use crate::{ImportError, Imported, Kind};

/// Reads `word/document.xml` (with the heading levels and list numbers of `word/styles.xml` and
/// the lists of `word/numbering.xml`).
pub(crate) fn import(name: &str, archive: &mut ZipArchive<Cursor<&[u8]>>) -> Result<Imported, ImportError> {
    let document = entry_text(archive, "word/document.xml")?.unwrap_or_default();
    let styles = styles(&entry_text(archive, "word/styles.xml")?.unwrap_or_default());
    let numbering = Numbering::parse(&entry_text(archive, "word/numbering.xml")?.unwrap_or_default());
    let mut walk = Walk { styles, numbering, places: SourcePlaces::new(name), ..Walk::default() };
    walk.read(&document)?;
    Ok(Imported { kind: Kind::Word, text: walk.text, places: walk.places, notes: Vec::new() })
}

/// Where the walk through the body is.
#[derive(Default)]
struct Walk {
    styles: Styles,
    numbering: Numbering,
    /// The current paragraph's style and its own list (`w:numId`, `w:ilvl`).
    style: String,
    list: Option<(String, usize)>,
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
                self.style.clear();
                self.list = None;
            }
            "pStyle" => {
                if let Some(style) = value(e) {
                    self.level = self.styles.levels.get(&style).copied().unwrap_or(0);
                    self.style = style;
                }
            }
            "numId" => self.list = Some((value(e).unwrap_or_default(), self.list.take().map_or(0, |(_, level)| level))),
            "ilvl" => {
                let level = value(e).and_then(|v| v.parse().ok()).unwrap_or(0);
                self.list = Some((self.list.take().map(|(num, _)| num).unwrap_or_default(), level));
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
            "gridSpan" if self.depth == 1 => {
                self.span = value(e).and_then(|v| v.parse().ok()).unwrap_or(1).clamp(1, 64)
            }
            // `<w:vMerge/>` continues the cell above; `w:val="restart"` starts a merged cell.
            "vMerge" if self.depth == 1 => self.continued = value(e).is_none_or(|v| v == "continue"),
            _ => {}
        }
    }

    fn end(&mut self, local: &str) {
        if local == "p" {
            self.number();
        }
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

    /// The paragraph's list number (its own list, else its style's), put before its text.
    fn number(&mut self) {
        let list = self.list.take().or_else(|| self.styles.lists.get(&self.style).cloned());
        let Some((num, level)) = list.filter(|(num, _)| !num.is_empty() && num != "0") else { return };
        if let Some(number) = self.numbering.next(&num, level.min(8)) {
            if !self.paragraph.trim().is_empty() {
                self.paragraph.insert_str(0, &number);
            }
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

/// What the walk takes from the styles: heading levels and list numbers by style id.
#[derive(Default)]
struct Styles {
    /// Styles named `heading N` (Word's built-in names, in any language's interface) or `Title`
    /// (level 1).
    levels: HashMap<String, usize>,
    /// Styles numbered by a list: its `w:numId` and level.
    lists: HashMap<String, (String, usize)>,
}

fn styles(xml: &str) -> Styles {
    let mut reader = XmlReader::from_str(xml);
    let (mut styles, mut id) = (Styles::default(), None::<String>);
    loop {
        let e = match reader.read_event() {
            Ok(Event::Start(e) | Event::Empty(e)) => e,
            Ok(Event::Eof) | Err(_) => break,
            _ => continue,
        };
        if e.local_name().as_ref() == "style" {
            id = e
                .attributes()
                .filter_map(Result::ok)
                .find(|a| a.key.local_name().as_ref() == "styleId")
                .and_then(|a| a.normalized_value(quick_xml::XmlVersion::Implicit1_0).ok())
                .map(|v| v.into_owned());
            continue;
        }
        let Some(style) = id.clone() else { continue };
        match e.local_name().as_ref() {
            "name" => {
                let name = value(&e).unwrap_or_default().to_ascii_lowercase();
                let level = match name.strip_prefix("heading ") {
                    Some(n) => n.trim().parse().ok(),
                    None => (name == "title").then_some(1),
                };
                if let Some(level) = level {
                    styles.levels.insert(style, level);
                }
            }
            "numId" => styles.lists.entry(style).or_default().0 = value(&e).unwrap_or_default(),
            "ilvl" => styles.lists.entry(style).or_default().1 = value(&e).and_then(|v| v.parse().ok()).unwrap_or(0),
            _ => {}
        }
    }
    styles
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use super::*;

    fn docx(body: &str) -> Vec<u8> {
        let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default();
        zip.start_file("word/document.xml", options).unwrap();
        let document = format!(r#"<?xml version="1.0"?><w:document xmlns:w="w"><w:body>{body}</w:body></w:document>"#);
        zip.write_all(document.as_bytes()).unwrap();
        zip.start_file("word/styles.xml", options).unwrap();
        zip.write_all(br#"<w:styles xmlns:w="w"><w:style w:styleId="2"><w:name w:val="heading 2"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style></w:styles>"#)
            .unwrap();
        zip.start_file("word/numbering.xml", options).unwrap();
        zip.write_all(
            concat!(
                r#"<w:numbering xmlns:w="w"><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>"#,
                r#"<w:lvl w:ilvl="1"><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>"#
            )
            .as_bytes(),
        )
        .unwrap();
        zip.finish().unwrap().into_inner()
    }

    fn read(body: &str) -> Imported {
        let bytes = docx(body);
        crate::import("a.docx", &bytes, &crate::Limits::default()).unwrap()
    }

    #[test]
    fn headings_paragraphs_and_tables_come_in_document_order() {
        let imported = read(concat!(
            r#"<w:p><w:pPr><w:pStyle w:val="2"/></w:pPr><w:r><w:t>收入决算情况说明</w:t></w:r></w:p>"#,
            r#"<w:p><w:r><w:t>本年收入 </w:t></w:r><w:r><w:t>280.72 万元&amp;</w:t></w:r></w:p>"#,
            r#"<w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val="2"/><w:vMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>项目</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>决算数</w:t></w:r></w:p></w:tc><w:tc><w:p/></w:tc></w:tr>"#,
            r#"<w:tr><w:tc><w:tcPr><w:gridSpan w:val="2"/><w:vMerge/></w:tcPr><w:p><w:r><w:t>项目</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>280.72</w:t></w:r></w:p></w:tc><w:tc><w:p/></w:tc></w:tr></w:tbl>"#,
            r#"<w:p><w:r><w:t>（一）</w:t></w:r><w:r><w:t>财政拨款收入</w:t></w:r></w:p>"#,
            r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>事业收入</w:t></w:r></w:p>"#,
            r#"<w:p><w:pPr><w:pStyle w:val="2"/></w:pPr><w:r><w:t>支出决算情况说明</w:t></w:r></w:p>"#,
        ));
        assert_eq!(
            imported.text,
            "## 一、收入决算情况说明\n\n本年收入 280.72 万元&\n\n项目\t\t决算数\t\n\t\t280.72\t\n\n（一）财政拨款收入\n\n（一）事业收入\n\n## 二、支出决算情况说明\n\n"
        );
        let place = |needle: &str| imported.places.locate(imported.text.find(needle).unwrap()).unwrap().place;
        assert_eq!(place("本年收入"), "第2段");
        assert_eq!(place("280.72\t"), "表1 第2行第2列");
        assert_eq!(place("（一）"), "第3段");
    }

    #[test]
    fn limits_and_word_97_are_kept() {
        let bytes = docx("<w:p/>");
        let small = crate::Limits { max_file: 100, ..crate::Limits::default() };
        assert_eq!(crate::import("a.docx", &bytes, &small).err(), Some(ImportError::TooLarge { limit_mb: 0 }));
        let few = crate::Limits { max_entries: 1, ..crate::Limits::default() };
        assert_eq!(crate::import("a.docx", &bytes, &few).err(), Some(ImportError::ZipBomb));
        let tight = crate::Limits { max_unzipped: 10, ..crate::Limits::default() };
        assert_eq!(crate::import("a.docx", &bytes, &tight).err(), Some(ImportError::ZipBomb));
        assert_eq!(crate::import("a.doc", &bytes, &crate::Limits::default()).err(), Some(ImportError::Word97));
        assert!(matches!(
            crate::import("a.docx", &bytes[..bytes.len() / 2], &crate::Limits::default()),
            Err(ImportError::Damaged(_))
        ));
    }
}
