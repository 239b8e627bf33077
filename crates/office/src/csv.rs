//! CSV and TSV: the delimiter (comma, tab, semicolon or bar) told from the lines when the name
//! does not say, quoted fields (`"1,234.50"`, `""` for a quote) read; each record becomes a line of
//! tab-separated cells.

use hedui_core::positioned::SourcePlaces;

use crate::{Imported, Kind, Note};

/// Reads `text` as delimited records (`delimiter`, else the one that splits the first lines
/// most evenly into two fields or more).
pub(crate) fn import(name: &str, text: &str, delimiter: Option<char>, notes: Vec<Note>) -> Imported {
    let delimiter = delimiter.unwrap_or_else(|| detect(text));
    let mut out = String::with_capacity(text.len());
    let mut places = SourcePlaces::new(name);
    for (row, record) in records(text, delimiter).into_iter().enumerate() {
        // Empty fields stay: a table's rows keep their empty cells, as in text.
        for (column, field) in record.iter().enumerate() {
            if column > 0 {
                out.push('\t');
            }
            if !field.trim().is_empty() {
                places.push(out.len(), format!("第{}行第{}列", row + 1, column + 1));
            }
            out.extend(field.chars().map(|c| if c == '\t' || c == '\n' || c == '\r' { ' ' } else { c }));
        }
        out.push('\n');
    }
    Imported { kind: Kind::Csv, text: out, places, notes }
}

/// The delimiter whose first 50 records have the most records of one field count above one.
fn detect(text: &str) -> char {
    let sample: String = text.lines().take(50).collect::<Vec<_>>().join("\n");
    let mut best = (',', 0);
    for delimiter in [',', '\t', ';', '|'] {
        let mut counts: Vec<usize> = records(&sample, delimiter).iter().map(Vec::len).filter(|&n| n > 1).collect();
        counts.sort_unstable();
        let mode = counts.chunk_by(|a, b| a == b).map(<[usize]>::len).max().unwrap_or(0);
        if mode > best.1 {
            best = (delimiter, mode);
        }
    }
    best.0
}

/// Records of fields; a quoted field may hold delimiters, line breaks and doubled quotes.
fn records(text: &str, delimiter: char) -> Vec<Vec<String>> {
    let mut records = Vec::new();
    let (mut record, mut field) = (Vec::new(), String::new());
    let (mut quoted, mut chars) = (false, text.chars().peekable());
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            '"' if quoted => quoted = false,
            '"' if field.trim().is_empty() => {
                field.clear();
                quoted = true;
            }
            _ if quoted => field.push(c),
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' => {
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
            }
            _ if c == delimiter => record.push(std::mem::take(&mut field)),
            _ => field.push(c),
        }
    }
    if !field.is_empty() || !record.is_empty() {
        record.push(field);
        records.push(record);
    }
    records
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_figures_and_the_delimiter_are_read() {
        let csv = "项目,行次,决算数\n\"本年收入合计\",1,\"1,234.50\"\n\"说\"\"明\",2,\n";
        let imported = import("a.csv", csv, None, Vec::new());
        assert_eq!(imported.text, "项目\t行次\t决算数\n本年收入合计\t1\t1,234.50\n说\"明\t2\t\n");
        let at = imported.text.find("1,234.50").unwrap();
        assert_eq!(imported.places.locate(at).unwrap().place, "第2行第3列");
    }

    #[test]
    fn semicolons_are_told_from_commas_in_figures() {
        assert_eq!(detect("a;b;c\n1,5;2,5;3\n4;5;6\n"), ';');
        assert_eq!(detect("a\tb\n1,234\t5\n"), '\t');
    }
}
