//! Ingest: plain text → ordered blocks (heading, paragraph, table) with exact source spans.

use serde::Serialize;

/// Where a piece of input sits: 1-based inclusive line range and the byte range in the input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Span {
    pub line_start: usize,
    pub line_end: usize,
    pub byte_start: usize,
    pub byte_end: usize,
}

/// One block of the document, in reading order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Block {
    /// A markdown heading line (`#`…), without its markers.
    Heading { text: String, span: Span },
    /// Consecutive non-blank lines without tabs.
    Paragraph { text: String, span: Span },
    /// Consecutive tab-separated lines: one row per line, one cell per tab field.
    Table { rows: Vec<Vec<String>>, span: Span },
}

impl Block {
    /// The block's place in the input.
    pub fn span(&self) -> Span {
        match self {
            Block::Heading { span, .. } | Block::Paragraph { span, .. } | Block::Table { span, .. } => *span,
        }
    }
}

/// Splits `text` into blocks. Blank lines end paragraphs; a table may span blank lines.
pub fn blocks(text: &str) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::new();
    let mut byte = 0;
    for (index, raw) in text.split_inclusive('\n').enumerate() {
        let line_no = index + 1;
        let start = byte;
        byte += raw.len();
        let line = raw.trim_end_matches(['\n', '\r']);
        let span = Span { line_start: line_no, line_end: line_no, byte_start: start, byte_end: start + line.len() };
        if line.trim().is_empty() {
            if let Some(Block::Paragraph { .. }) = out.last() {
                out.push(Block::Paragraph { text: String::new(), span }); // sentinel, removed below
            }
            continue;
        }
        if line.contains('\t') {
            let cells = line.split('\t').map(|c| c.trim().to_string()).collect();
            if let Some(Block::Table { rows, span: table_span }) = out.last_mut() {
                rows.push(cells);
                table_span.line_end = line_no;
                table_span.byte_end = span.byte_end;
            } else {
                out.push(Block::Table { rows: vec![cells], span });
            }
            continue;
        }
        if let Some(heading) = line.trim_start().strip_prefix('#') {
            let text = heading.trim_start_matches('#').trim().to_string();
            out.push(Block::Heading { text, span });
            continue;
        }
        match out.last_mut() {
            Some(Block::Paragraph { text, span: para_span }) if !text.is_empty() => {
                text.push('\n');
                text.push_str(line.trim());
                para_span.line_end = line_no;
                para_span.byte_end = span.byte_end;
            }
            _ => {
                if let Some(Block::Paragraph { text, .. }) = out.last() {
                    if text.is_empty() {
                        out.pop();
                    }
                }
                out.push(Block::Paragraph { text: line.trim().to_string(), span });
            }
        }
    }
    out.retain(|b| !matches!(b, Block::Paragraph { text, .. } if text.is_empty()));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_headings_paragraphs_and_tables_with_spans() {
        let text = "# 标题\n第一段\n续行\n\na\tb\nc\td\n\ne\tf\n末段\n";
        let b = blocks(text);
        assert_eq!(b.len(), 4, "{b:#?}");
        assert!(matches!(&b[0], Block::Heading { text, .. } if text == "标题"));
        assert!(matches!(&b[1], Block::Paragraph { text, span } if text == "第一段\n续行" && span.line_end == 3));
        match &b[2] {
            Block::Table { rows, span } => {
                assert_eq!(rows.len(), 3);
                assert_eq!((span.line_start, span.line_end), (5, 8));
                assert_eq!(&text[span.byte_start..span.byte_end], "a\tb\nc\td\n\ne\tf");
            }
            other => panic!("expected table, got {other:?}"),
        }
        assert!(matches!(&b[3], Block::Paragraph { text, span } if text == "末段" && span.line_start == 9));
    }
}
