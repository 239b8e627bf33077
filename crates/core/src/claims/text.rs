//! Running text as units for claim extraction: a paragraph, joined with the next ones while
//! it stops mid-sentence (conversion breaks `金融支出39.27万元，` / `占0.72%` over two lines),
//! with a map from positions in the joined text back to input lines and bytes.

use crate::ingest::{contains, Span};
use crate::model::Location;
use crate::recognise::{Paragraph, Section};
use crate::report::ParseReport;

/// A stretch of running text read as a whole.
pub struct Unit {
    pub text: String,
    /// The heading of the section it is in.
    pub section: String,
    /// The nearest 类/款/项 line before it in the same section.
    pub context: Option<String>,
    pieces: Vec<Piece>,
}

/// One sentence of the unit: where its text starts in the unit and in the input.
struct Piece {
    offset: usize,
    len: usize,
    span: Span,
    /// Whether the sentence text is the input verbatim (no markup removed), so offsets map byte for byte.
    exact: bool,
}

impl Unit {
    /// The input location of unit bytes `from..to`.
    pub fn locate(&self, from: usize, to: usize) -> Location {
        let (byte_start, line) = self.byte_at(from, false);
        let (byte_end, line_end) = self.byte_at(to, true);
        Location { line, line_end: line_end.max(line), column: 0, byte_start, byte_end: byte_end.max(byte_start) }
    }

    /// The span of unit bytes `from..to`.
    pub fn span(&self, from: usize, to: usize) -> Span {
        let at = self.locate(from, to);
        Span { line_start: at.line, line_end: at.line_end, byte_start: at.byte_start, byte_end: at.byte_end }
    }

    /// Input byte and line of unit offset `offset` (an end offset belongs to the piece before it).
    fn byte_at(&self, offset: usize, end: bool) -> (usize, usize) {
        let index =
            self.pieces.iter().rposition(|p| if end { p.offset < offset } else { p.offset <= offset }).unwrap_or(0);
        let piece = &self.pieces[index];
        let within = offset.saturating_sub(piece.offset).min(piece.len);
        let byte = if piece.exact {
            piece.span.byte_start + within
        } else if end {
            piece.span.byte_end
        } else {
            piece.span.byte_start
        };
        (byte, piece.span.line_start)
    }
}

/// Whether a paragraph ends its last sentence.
fn finished(paragraph: &Paragraph) -> bool {
    paragraph.text.trim_end().ends_with(['。', '；', '！', '？', '.', ';'])
}

/// Whether a paragraph names a functional class, section or item (`…（类）…（款）…（项）。`).
fn classification_line(paragraph: &Paragraph) -> bool {
    let text = &paragraph.text;
    // 万元 first: it ends the search early in most paragraphs, which state amounts.
    !contains(text, "万元") && ["（项）", "(项)", "（款）", "(款)"].iter().any(|mark| contains(text, mark))
}

/// The end of the 类/款/项 line a reflowed paragraph opens with (`1、…（类）…（款）…（项）。主要用于…`).
fn leading_classification(paragraph: &Paragraph) -> Option<usize> {
    let text = &paragraph.sentences.first()?.text;
    let end = match crate::ingest::rfind(text, "（项）") {
        Some(at) => at + "（项）".len(),
        None => crate::ingest::rfind(text, "(项)")? + "(项)".len(),
    };
    (!contains(&text[..end], "万元") && paragraph.text.starts_with(text.as_str())).then_some(end)
}

/// Appends a sentence to a unit, with the pieces that map it back to the input.
fn push_sentence(unit: &mut Unit, sentence: &crate::recognise::Sentence) {
    // A sentence reflowed by the layout reader: one verbatim piece per stretch.
    #[cfg(feature = "layout")]
    if !sentence.stretches.is_empty() {
        let ends = sentence.stretches.iter().skip(1).map(|s| s.text_at).chain([sentence.text.len()]);
        for (stretch, end) in sentence.stretches.iter().zip(ends) {
            let len = end - stretch.text_at;
            let span = Span {
                line_start: stretch.line,
                line_end: stretch.line,
                byte_start: stretch.source_at,
                byte_end: stretch.source_at + len,
            };
            unit.pieces.push(Piece { offset: unit.text.len() + stretch.text_at, len, span, exact: true });
        }
        unit.text.push_str(&sentence.text);
        return;
    }
    let exact = sentence.text.len() == sentence.span.byte_end - sentence.span.byte_start;
    unit.pieces.push(Piece { offset: unit.text.len(), len: sentence.text.len(), span: sentence.span, exact });
    unit.text.push_str(&sentence.text);
}

/// Every unit of running text in the document, in reading order.
pub fn units(document: &ParseReport) -> Vec<Unit> {
    let mut out = Vec::new();
    push_paragraphs(&document.preamble, "", &mut out);
    for section in &document.sections {
        walk(section, &mut out);
    }
    out
}

fn walk(section: &Section, out: &mut Vec<Unit>) {
    push_paragraphs(&section.paragraphs, &section.heading, out);
    for child in &section.children {
        walk(child, out);
    }
}

fn push_paragraphs(paragraphs: &[Paragraph], heading: &str, out: &mut Vec<Unit>) {
    let mut context: Option<String> = None;
    let mut current: Option<Unit> = None;
    for paragraph in paragraphs {
        if classification_line(paragraph) {
            if let Some(unit) = current.take() {
                out.push(unit);
            }
            context = Some(paragraph.text.clone());
            continue;
        }
        // A reflowed paragraph may open with its 类/款/项 line: the figures after it are its.
        if let Some(end) = leading_classification(paragraph) {
            out.extend(current.take());
            context = Some(paragraph.text[..end].to_string());
        }
        let unit = current.get_or_insert_with(|| Unit {
            text: String::new(),
            section: heading.to_string(),
            context: context.clone(),
            pieces: Vec::new(),
        });
        for sentence in &paragraph.sentences {
            push_sentence(unit, sentence);
        }
        if finished(paragraph) {
            out.extend(current.take());
        }
    }
    out.extend(current);
}
