//! Workbooks (XLSX, XLS, ODS, through calamine): every visible worksheet in order, each row a
//! line of tab-separated cells (a table's rows to its last column, a run of empty rows one
//! blank line, a blank line between sheets). A merged cell's value stays in its first cell and the
//! others are empty, as core's ruled-table reader writes merged cells. Numbers are written as
//! displayed (XLSX cells with their number format; XLS and ODS as `General`), formulas by their
//! cached values. Hidden sheets and (XLSX) hidden rows are skipped and said so in the notes.

use std::collections::{HashMap, HashSet};
use std::io::Cursor;

use calamine::{Data, Ods, Range, Reader, SheetType, SheetVisible, StyleRange, Xls, Xlsx};
use hedui_core::positioned::SourcePlaces;
use quick_xml::events::Event;
use quick_xml::Reader as XmlReader;
use zip::ZipArchive;

use crate::numfmt::Display;
use crate::zipped::entry_text;
use crate::{ImportError, Imported, Kind, Note};

/// Reads an XLSX workbook; `archive` is the same bytes, for the rows calamine does not say are
/// hidden.
pub(crate) fn import_xlsx(
    name: &str,
    bytes: &[u8],
    archive: &mut ZipArchive<Cursor<&[u8]>>,
) -> Result<Imported, ImportError> {
    let hidden = hidden_rows(archive)?;
    let mut workbook = Xlsx::new(Cursor::new(bytes)).map_err(|e| match e {
        calamine::XlsxError::Password => ImportError::Encrypted,
        e => ImportError::Damaged(e.to_string()),
    })?;
    read(name, &mut workbook, &hidden)
}

/// Reads an Excel 97–2003 workbook.
pub(crate) fn import_xls(name: &str, bytes: &[u8]) -> Result<Imported, ImportError> {
    let mut workbook = Xls::new(Cursor::new(bytes)).map_err(|e| match e {
        calamine::XlsError::Password => ImportError::Encrypted,
        e => ImportError::Damaged(e.to_string()),
    })?;
    read(name, &mut workbook, &HashMap::new())
}

/// Reads an OpenDocument spreadsheet.
pub(crate) fn import_ods(name: &str, bytes: &[u8]) -> Result<Imported, ImportError> {
    let mut workbook = Ods::new(Cursor::new(bytes)).map_err(|e| match e {
        calamine::OdsError::Password => ImportError::Encrypted,
        e => ImportError::Damaged(e.to_string()),
    })?;
    read(name, &mut workbook, &HashMap::new())
}

/// Every visible worksheet of `workbook` as lines; `hidden` holds each sheet's hidden rows
/// (0-based).
fn read<RS: std::io::Read + std::io::Seek, R: Reader<RS>>(
    name: &str,
    workbook: &mut R,
    hidden: &HashMap<String, HashSet<u32>>,
) -> Result<Imported, ImportError>
where
    R::Error: std::fmt::Display,
{
    let (mut text, mut places, mut notes) = (String::new(), SourcePlaces::new(name), Vec::new());
    for sheet in workbook.sheets_metadata().to_vec() {
        if sheet.typ != SheetType::WorkSheet {
            continue;
        }
        if sheet.visible != SheetVisible::Visible {
            notes.push(Note {
                zh: format!("已跳过隐藏工作表“{}”", sheet.name),
                en: format!("hidden sheet “{}” skipped", sheet.name),
            });
            continue;
        }
        let range = workbook.worksheet_range(&sheet.name).map_err(|e| ImportError::Damaged(e.to_string()))?;
        let styles = workbook.worksheet_style(&sheet.name).map_err(|e| ImportError::Damaged(e.to_string()))?;
        let none = HashSet::new();
        let hidden_rows = hidden.get(&sheet.name).unwrap_or(&none);
        let skipped = write_sheet(&sheet.name, &range, &styles, hidden_rows, &mut text, &mut places);
        if skipped > 0 {
            notes.push(Note {
                zh: format!("工作表“{}”中已跳过 {skipped} 个隐藏行", sheet.name),
                en: format!("{skipped} hidden rows skipped in sheet “{}”", sheet.name),
            });
        }
    }
    if text.trim().is_empty() {
        return Err(ImportError::EmptyWorkbook);
    }
    Ok(Imported { kind: Kind::Workbook, text, places, notes })
}

/// Appends a sheet's rows to `text`, returning how many hidden rows with content were skipped.
/// A table's rows (those from the first to the last row of two filled cells or more in a run of
/// rows without an empty one) keep their empty cells up to the table's last column, as table
/// rows in text do; the rows around them (titles, units, notes) are written without.
fn write_sheet(
    sheet: &str,
    range: &Range<Data>,
    styles: &StyleRange,
    hidden: &HashSet<u32>,
    text: &mut String,
    places: &mut SourcePlaces,
) -> usize {
    let Some((top, left)) = range.start() else { return 0 };
    let mut skipped = 0;
    let rows: Vec<(u32, &[Data])> = range
        .rows()
        .enumerate()
        .map(|(index, cells)| (top + index as u32, cells))
        .filter(|(row, cells)| {
            let hide = hidden.contains(row);
            skipped += usize::from(hide && cells.iter().any(|c| !matches!(c, Data::Empty)));
            !hide
        })
        .collect();
    let filled = |cells: &[Data]| cells.iter().filter(|c| !matches!(c, Data::Empty)).count();
    let last = |cells: &[Data]| cells.iter().rposition(|c| !matches!(c, Data::Empty)).map_or(0, |last| last + 1);
    if !text.is_empty() {
        text.push('\n');
    }
    for block in rows.split(|(_, cells)| filled(cells) == 0) {
        if block.is_empty() {
            continue;
        }
        let first_row = block.iter().position(|(_, cells)| filled(cells) >= 2);
        let last_row = block.iter().rposition(|(_, cells)| filled(cells) >= 2);
        let table = first_row.zip(last_row).map(|(first, last_row)| {
            (first, last_row, block[first..=last_row].iter().map(|(_, cells)| last(cells)).max().unwrap_or(0))
        });
        for (index, (row, cells)) in block.iter().enumerate() {
            let width = match table {
                Some((first, last_row, width)) if (first..=last_row).contains(&index) => width,
                _ => last(cells),
            };
            for (offset, cell) in cells[..width].iter().enumerate() {
                let column = left + offset as u32;
                if offset > 0 {
                    text.push('\t');
                }
                let format = styles.get((*row, column)).and_then(|style| style.number_format.as_ref());
                let shown = shown(cell, format.map_or(Display::GENERAL, |f| Display::of(&f.format_code)));
                if !shown.is_empty() {
                    places.push(text.len(), format!("{sheet}!{}{}", column_letters(column), row + 1));
                }
                text.extend(shown.chars().map(|c| if matches!(c, '\t' | '\n' | '\r') { ' ' } else { c }));
            }
            text.push('\n');
        }
        text.push('\n');
    }
    skipped
}

/// A cell as the sheet shows it.
fn shown(cell: &Data, display: Display) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(s) => s.trim_end().to_string(),
        Data::Float(value) => display.write_float(*value),
        Data::Int(value) => display.write((*value).into()),
        Data::Bool(value) => if *value { "TRUE" } else { "FALSE" }.to_string(),
        Data::DateTime(value) => value.to_string(),
        Data::DateTimeIso(value) | Data::DurationIso(value) => value.clone(),
        Data::Error(error) => error.to_string(),
    }
}

/// A 0-based column as letters: 0 → `A`, 27 → `AB`.
fn column_letters(column: u32) -> String {
    let mut letters = Vec::new();
    let mut n = column + 1;
    while n > 0 {
        let digit = (n - 1) % 26;
        letters.push(char::from(b'A' + digit as u8));
        n = (n - 1) / 26;
    }
    letters.iter().rev().collect()
}

/// Each sheet's hidden rows (0-based), from `<row r="5" hidden="1">` in the sheets' XML,
/// found through the workbook's relationships.
fn hidden_rows(archive: &mut ZipArchive<Cursor<&[u8]>>) -> Result<HashMap<String, HashSet<u32>>, ImportError> {
    let workbook = entry_text(archive, "xl/workbook.xml")?.unwrap_or_default();
    let rels = entry_text(archive, "xl/_rels/workbook.xml.rels")?.unwrap_or_default();
    let targets: HashMap<String, String> = elements(&rels, "Relationship")
        .into_iter()
        .filter_map(|a| Some((a.get("Id")?.clone(), a.get("Target")?.clone())))
        .collect();
    let mut hidden = HashMap::new();
    for sheet in elements(&workbook, "sheet") {
        let (Some(name), Some(target)) = (sheet.get("name"), sheet.get("id").and_then(|id| targets.get(id))) else {
            continue;
        };
        let path = match target.strip_prefix('/') {
            Some(absolute) => absolute.to_string(),
            None => format!("xl/{target}"),
        };
        let Some(xml) = entry_text(archive, &path)? else { continue };
        let rows: HashSet<u32> = elements(&xml, "row")
            .into_iter()
            .filter(|row| row.get("hidden").is_some_and(|h| h == "1" || h == "true"))
            .filter_map(|row| row.get("r")?.parse::<u32>().ok()?.checked_sub(1))
            .collect();
        if !rows.is_empty() {
            hidden.insert(name.clone(), rows);
        }
    }
    Ok(hidden)
}

/// The attributes (by local name) of every element named `local` in `xml`.
fn elements(xml: &str, local: &str) -> Vec<HashMap<String, String>> {
    let mut reader = XmlReader::from_str(xml);
    let mut found = Vec::new();
    loop {
        match reader.read_event() {
            Ok(Event::Start(e) | Event::Empty(e)) if e.local_name().as_ref() == local => {
                found.push(
                    e.attributes()
                        .filter_map(Result::ok)
                        .filter_map(|a| {
                            Some((
                                a.key.local_name().as_ref().to_string(),
                                a.normalized_value(quick_xml::XmlVersion::Implicit1_0).ok()?.into_owned(),
                            ))
                        })
                        .collect(),
                );
            }
            Ok(Event::Eof) | Err(_) => break,
            Ok(_) => {}
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_are_named_as_the_sheet_names_them() {
        assert_eq!(column_letters(0), "A");
        assert_eq!(column_letters(25), "Z");
        assert_eq!(column_letters(27), "AB");
    }
}
