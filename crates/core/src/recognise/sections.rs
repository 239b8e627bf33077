//! The narrative as a tree of sections: 第一…第五部分, 一、二、…, （一）…, 1、…, （1）….
//! Markdown headings and short numbered lines are headings; every paragraph is kept with
//! its sentences and their exact spans.

use serde::Serialize;

use crate::ingest::{char_width, contains, strip_markup, Block, Span, Stretch};
use crate::labels::numbering;

/// A sentence of a paragraph (ended by `。`, `；`, `！` or `？`), with its exact span; the
/// stretches of a sentence of reflowed text say where each piece of it is in the input.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Sentence {
    pub text: String,
    pub span: Span,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub stretches: Vec<Stretch>,
}

/// One paragraph (one source line) of running text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Paragraph {
    pub text: String,
    pub span: Span,
    pub sentences: Vec<Sentence>,
}

/// A section: its heading, its own paragraphs and tables, and its subsections.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Section {
    pub heading: String,
    /// The numbering the heading starts with (`第三部分`, `一`, `（二）`, `1`), if any.
    pub numbering: Option<String>,
    pub span: Span,
    pub paragraphs: Vec<Paragraph>,
    /// Indices into the report's recognised tables, for tables placed under this heading.
    pub tables: Vec<usize>,
    pub children: Vec<Section>,
}

/// Rank given to unnumbered markdown headings (document and part titles).
const UNNUMBERED_RANK: u8 = 15;

/// Whether a plain line reads as a heading: numbered, short, not a finished sentence.
fn plain_heading(text: &str) -> Option<(u8, String)> {
    let short = text.chars().count() <= 40;
    let sentence = text.trim_end().ends_with('。') || contains(text, "，") && text.chars().count() > 30;
    if short && !sentence {
        numbering(text)
    } else {
        None
    }
}

/// The sentences of a paragraph: read from the input in `span`, or, for a reflowed paragraph,
/// from its `text` made of `stretches` of the input.
#[cfg_attr(not(feature = "layout"), allow(unused_variables))]
fn sentences(source: &str, span: Span, line_starts: &[usize], text: &str, stretches: &[Stretch]) -> Vec<Sentence> {
    // Only the layout reader reflows paragraphs.
    #[cfg(feature = "layout")]
    if !stretches.is_empty() {
        return reflowed_sentences(text, stretches, line_starts);
    }
    verbatim_sentences(source, span, line_starts)
}

/// Calls `end` with where `text` ends a sentence: after each `。`, `；`, `！` and `？`, and at
/// its end.
fn sentence_ends(text: &str, mut end: impl FnMut(usize)) {
    let mut at = 0;
    while let Some(&lead) = text.as_bytes().get(at) {
        let width = char_width(lead);
        // The sentence ends are led by 0xE3 (`。`) or 0xEF (`；！？`) in UTF-8: other characters
        // are stepped over whole, undecoded.
        if matches!(lead, 0xE3 | 0xEF) && text[at..].starts_with(['。', '；', '！', '？']) {
            end(at + width);
        }
        at += width;
    }
    end(text.len());
}

#[cfg(feature = "layout")]
fn reflowed_sentences(text: &str, stretches: &[Stretch], line_starts: &[usize]) -> Vec<Sentence> {
    use crate::ingest::source_byte;
    let line = |byte: usize| line_starts.partition_point(|&s| s <= byte);
    let mut out = Vec::new();
    let mut start = 0;
    sentence_ends(text, |end| {
        let piece = &text[start..end];
        let from = start + (piece.len() - piece.trim_start().len());
        let to = start + piece.trim_end().len();
        start = end;
        if from >= to {
            return;
        }
        let last = text[from..to].chars().next_back().map_or(1, char::len_utf8);
        let byte_start = source_byte(stretches, from);
        let byte_end = source_byte(stretches, to - last) + last;
        let own: Vec<Stretch> = std::iter::once(Stretch { text_at: 0, source_at: byte_start, line: line(byte_start) })
            .chain(
                stretches
                    .iter()
                    .filter(|s| s.text_at > from && s.text_at < to)
                    .map(|s| Stretch { text_at: s.text_at - from, ..*s }),
            )
            .collect();
        out.push(Sentence {
            text: text[from..to].to_string(),
            span: Span {
                line_start: line(byte_start),
                line_end: line(byte_end.saturating_sub(1)),
                byte_start,
                byte_end,
            },
            stretches: if own.len() > 1 { own } else { Vec::new() },
        });
    });
    out
}

fn verbatim_sentences(source: &str, span: Span, line_starts: &[usize]) -> Vec<Sentence> {
    let raw = &source[span.byte_start..span.byte_end];
    let mut out = Vec::new();
    let mut start = 0;
    let mut push = |from: usize, to: usize| {
        let piece = &raw[from..to];
        let text = strip_markup(piece);
        if !text.is_empty() {
            let leading = piece.len() - piece.trim_start().len();
            let byte_start = span.byte_start + from + leading;
            let byte_end = span.byte_start + from + piece.trim_end().len();
            let line = |byte: usize| line_starts.partition_point(|&s| s <= byte);
            out.push(Sentence {
                text,
                span: Span {
                    line_start: line(byte_start),
                    line_end: line(byte_end.saturating_sub(1)),
                    byte_start,
                    byte_end,
                },
                stretches: Vec::new(),
            });
        }
    };
    sentence_ends(raw, |end| {
        push(start, end);
        start = end;
    });
    out
}

/// The section tree, the paragraphs before the first heading, and, per block, the section
/// path it landed in (used to attach tables).
pub struct Outline {
    pub sections: Vec<Section>,
    pub preamble: Vec<Paragraph>,
}

/// Builds the section tree. `table_ids[i]` is the recognised-table index of block `i`, if any.
pub fn outline(source: &str, blocks: &[Block], table_ids: &[Option<usize>]) -> Outline {
    let line_starts: Vec<usize> = std::iter::once(0).chain(source.match_indices('\n').map(|(i, _)| i + 1)).collect();
    let mut roots: Vec<Section> = Vec::new();
    let mut stack: Vec<(u8, Section)> = Vec::new();
    let mut preamble = Vec::new();
    let close = |stack: &mut Vec<(u8, Section)>, roots: &mut Vec<Section>, rank: u8| {
        while stack.last().is_some_and(|(r, _)| *r >= rank) {
            let (_, done) = stack.pop().expect("non-empty");
            match stack.last_mut() {
                Some((_, parent)) => parent.children.push(done),
                None => roots.push(done),
            }
        }
    };
    for (index, block) in blocks.iter().enumerate() {
        let heading = match block {
            Block::Heading { text, .. } => Some(numbering(text).unwrap_or((UNNUMBERED_RANK, String::new()))),
            Block::Paragraph { text, .. } => plain_heading(text),
            Block::Table { .. } => None,
        };
        match (block, heading) {
            (Block::Heading { text, span, .. } | Block::Paragraph { text, span, .. }, Some((rank, number))) => {
                close(&mut stack, &mut roots, rank);
                let section = Section {
                    heading: text.clone(),
                    numbering: Some(number).filter(|n| !n.is_empty()),
                    span: *span,
                    paragraphs: Vec::new(),
                    tables: Vec::new(),
                    children: Vec::new(),
                };
                stack.push((rank, section));
            }
            (Block::Paragraph { text, span, stretches }, None) => {
                let paragraph = Paragraph {
                    text: text.clone(),
                    span: *span,
                    sentences: sentences(source, *span, &line_starts, text, stretches),
                };
                match stack.last_mut() {
                    Some((_, section)) => section.paragraphs.push(paragraph),
                    None => preamble.push(paragraph),
                }
            }
            (Block::Heading { text, span, .. }, None) => {
                let paragraph = Paragraph {
                    text: text.clone(),
                    span: *span,
                    sentences: sentences(source, *span, &line_starts, text, &[]),
                };
                match stack.last_mut() {
                    Some((_, section)) => section.paragraphs.push(paragraph),
                    None => preamble.push(paragraph),
                }
            }
            (Block::Table { .. }, _) => {
                if let (Some(Some(id)), Some((_, section))) = (table_ids.get(index), stack.last_mut()) {
                    section.tables.push(*id);
                }
            }
        }
    }
    close(&mut stack, &mut roots, 0);
    Outline { sections: roots, preamble }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::blocks;

    #[test]
    fn numbered_lines_nest_and_sentences_keep_spans() {
        let text = "# 第三部分\n\n一、收入支出决算总体情况说明\n\n收、支总计280.72万元。与上年相比，减少116.72万元。\n\n（一）基本支出\n\n二、收入决算情况说明\n";
        let blocks = blocks(text);
        let outline = outline(text, &blocks, &vec![None; blocks.len()]);
        assert_eq!(outline.sections.len(), 1);
        let part = &outline.sections[0];
        assert_eq!(part.numbering.as_deref(), Some("第三部分"));
        let headings: Vec<&str> = part.children.iter().map(|s| s.heading.as_str()).collect();
        assert_eq!(headings, ["一、收入支出决算总体情况说明", "二、收入决算情况说明"]);
        let first = &part.children[0];
        assert_eq!(first.children[0].heading, "（一）基本支出");
        assert_eq!(first.children[0].numbering.as_deref(), Some("(一)"));
        let sentences = &first.paragraphs[0].sentences;
        assert_eq!(sentences.len(), 2);
        assert_eq!(sentences[1].text, "与上年相比，减少116.72万元。");
        assert_eq!(&text[sentences[1].span.byte_start..sentences[1].span.byte_end], "与上年相比，减少116.72万元。");
        assert_eq!(sentences[1].span.line_start, 5);
    }

    #[test]
    fn long_numbered_sentences_are_paragraphs() {
        let text = "（一）内设机构设置。株洲市人民政府驻北京联络处内设机构包括：综合联络科。\n";
        let blocks = blocks(text);
        let outline = outline(text, &blocks, &[None]);
        assert!(outline.sections.is_empty());
        assert_eq!(outline.preamble.len(), 1);
    }
}
