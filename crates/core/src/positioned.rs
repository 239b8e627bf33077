//! Positioned text: what importers hand to core. A PDF page is a list of glyphs with their place;
//! core's layout reader ([`crate::layout`]) turns pages into the text the rest of core reads, and
//! keeps the way back from that text to the page. Office files (workbooks, Word documents, CSV)
//! are read into that text directly, with [`SourcePlaces`]: the file and cell or paragraph each
//! piece of it came from.

use serde::{Deserialize, Serialize};

/// One page as published: its size, every glyph of its text layer in content-stream order, and
/// the straight lines drawn on it (tables' borders).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Page {
    /// Width in points (1/72 inch), after the page's rotation.
    pub width: f32,
    /// Height in points, after the page's rotation.
    pub height: f32,
    pub glyphs: Vec<Glyph>,
    #[serde(default)]
    pub rulings: Vec<Ruling>,
}

/// A ruling: a horizontal or vertical line drawn on the page (a stroked line, or a filled
/// rectangle no thicker than a border), in the glyphs' coordinates, `x0 <= x1` and `y0 <= y1`:
/// a horizontal ruling has `y0 == y1`, a vertical one `x0 == x1`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Ruling {
    pub x0: f32,
    pub y0: f32,
    pub x1: f32,
    pub y1: f32,
}

impl Ruling {
    /// Whether it runs left to right.
    pub fn is_horizontal(&self) -> bool {
        self.y0 == self.y1
    }
}

/// One glyph: the text it stands for (its ToUnicode mapping; usually one character, more for a
/// ligature) and its box on the page. Coordinates are in points from the page's top-left corner,
/// `y` growing downwards.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Glyph {
    pub text: String,
    /// Left edge.
    pub x: f32,
    /// Baseline.
    pub y: f32,
    /// Advance width.
    pub width: f32,
    /// Font size as rendered (text matrix and CTM applied): the glyph's height.
    pub size: f32,
}

impl Glyph {
    /// The glyph's box as `[left, top, right, bottom]`: from `size` above the baseline to a fifth
    /// of it below (the descent of CJK fonts).
    pub fn bounds(&self) -> [f32; 4] {
        [self.x, self.y - 0.8 * self.size, self.x + self.width, self.y + 0.2 * self.size]
    }
}

/// Where a piece of a PDF's text is on its page (a finding's place, for the page view).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct PagePlace {
    /// 1-based page number.
    pub page: usize,
    /// The glyphs' box, `[left, top, right, bottom]` in whole points (rounded outwards) from the
    /// page's top-left corner.
    pub bbox: [i32; 4],
}

/// Where the pieces of an imported text came from: each piece starts at a byte of the text and
/// names its file and its place there (`收入决算表!C12`, `第12段`, `表2 第3行第4列`). The web app
/// gets them from its office worker as lines ([`SourcePlaces::to_lines`]): their decoder is a few
/// splits, where a serde decoder would add to the app's size.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SourcePlaces {
    files: Vec<String>,
    pieces: Vec<Piece>,
}

/// One piece of an imported text: its first byte, its file (an index into `files`) and place.
#[derive(Debug, Clone, PartialEq)]
struct Piece {
    byte: usize,
    file: usize,
    place: String,
}

/// A finding's place in the file it was imported from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SourcePlace {
    pub file: String,
    pub place: String,
}

impl SourcePlaces {
    /// Places in one file, `file`.
    pub fn new(file: &str) -> Self {
        SourcePlaces { files: vec![file.to_string()], pieces: Vec::new() }
    }

    /// As lines: the files, tab-separated, then per piece `byte<TAB>file<TAB>place` (tabs and
    /// line breaks in names and places made spaces).
    pub fn to_lines(&self) -> String {
        let clean = |s: &str| s.replace(['\t', '\n', '\r'], " ");
        let mut out = self.files.iter().map(|file| clean(file)).collect::<Vec<_>>().join("\t");
        for piece in &self.pieces {
            out.push_str(&format!("\n{}\t{}\t{}", piece.byte, piece.file, clean(&piece.place)));
        }
        out
    }

    /// Places from [`SourcePlaces::to_lines`]'s lines; a line that is not a piece is skipped.
    pub fn from_lines(lines: &str) -> Self {
        let mut lines = lines.split('\n');
        let files = lines.next().unwrap_or_default().split('\t').map(String::from).collect();
        let pieces = lines
            .filter_map(|line| {
                let mut fields = line.splitn(3, '\t');
                Some(Piece {
                    byte: fields.next()?.parse().ok()?,
                    file: fields.next()?.parse().ok()?,
                    place: fields.next()?.to_string(),
                })
            })
            .collect();
        SourcePlaces { files, pieces }
    }

    /// A piece of the text from byte `byte` on comes from `place` (of the last file); pieces are
    /// pushed in text order.
    pub fn push(&mut self, byte: usize, place: String) {
        let file = self.files.len().saturating_sub(1);
        self.pieces.push(Piece { byte, file, place });
    }

    /// Appends the places of a text appended at byte `offset` of this one.
    pub fn append(&mut self, other: SourcePlaces, offset: usize) {
        let first = self.files.len();
        self.files.extend(other.files);
        self.pieces.extend(other.pieces.into_iter().map(|p| Piece {
            byte: p.byte + offset,
            file: p.file + first,
            place: p.place,
        }));
    }

    /// The place of the piece byte `byte` is in.
    pub fn locate(&self, byte: usize) -> Option<SourcePlace> {
        let piece = self.pieces.get(self.pieces.partition_point(|p| p.byte <= byte).checked_sub(1)?)?;
        Some(SourcePlace { file: self.files.get(piece.file)?.clone(), place: piece.place.clone() })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_byte_is_placed_in_its_piece_and_appended_files_keep_theirs() {
        let mut places = SourcePlaces::new("a.xlsx");
        places.push(0, "收入决算表!A1".to_string());
        places.push(10, "收入决算表!B1".to_string());
        let mut other = SourcePlaces::new("b.docx");
        other.push(0, "第1段".to_string());
        places.append(other, 20);
        let at = |byte| places.locate(byte).map(|p| format!("{}:{}", p.file, p.place));
        assert_eq!(at(9).as_deref(), Some("a.xlsx:收入决算表!A1"));
        assert_eq!(at(10).as_deref(), Some("a.xlsx:收入决算表!B1"));
        assert_eq!(at(25).as_deref(), Some("b.docx:第1段"));
        assert_eq!(SourcePlaces::new("c.csv").locate(0), None);
        assert_eq!(SourcePlaces::from_lines(&places.to_lines()), places);
    }
}
