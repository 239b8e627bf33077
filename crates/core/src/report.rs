//! The report every face renders. Its JSON form is documented in `docs/parse-schema.md` and versioned.

use std::fmt::Write;

use serde::Serialize;

use crate::ingest::Block;
use crate::model::{TableModel, Unit};
use crate::recognise::{Coverage, DocumentInfo, Paragraph, Recognised, RecognisedTable, Section};

/// Version of the JSON report schema; any change to its shape bumps it.
pub const SCHEMA_VERSION: &str = "0.7.0";

/// What was read from one document.
#[derive(Debug, Clone, Serialize)]
pub struct ParseReport {
    pub schema_version: &'static str,
    pub source: String,
    pub stats: ParseStats,
    pub document: DocumentInfo,
    pub tables: Vec<RecognisedTable>,
    pub sections: Vec<Section>,
    /// Paragraphs before the first heading.
    pub preamble: Vec<Paragraph>,
    pub coverage: Coverage,
    /// The ingested blocks, for rendering the document (not part of the JSON).
    #[serde(skip)]
    pub blocks: Vec<Block>,
}

/// Counts over the document.
#[derive(Debug, Clone, Serialize)]
pub struct ParseStats {
    pub lines: usize,
    pub blocks: usize,
    /// Tables found in the text, recognised or not (a table continued over a page break counts once).
    pub tables: usize,
    pub tables_recognised: usize,
    /// Values placed in the model, over all tables.
    pub values: usize,
}

impl ParseReport {
    pub(crate) fn new(source: &str, text: &str, blocks: Vec<Block>, recognised: Recognised) -> Self {
        ParseReport {
            schema_version: SCHEMA_VERSION,
            source: source.to_string(),
            stats: ParseStats {
                lines: text.matches('\n').count() + usize::from(!text.is_empty() && !text.ends_with('\n')),
                blocks: blocks.len(),
                tables: recognised.coverage.tables_seen,
                tables_recognised: recognised.tables.len(),
                values: recognised.tables.iter().map(|t| t.cells.len()).sum(),
            },
            document: recognised.document,
            tables: recognised.tables,
            sections: recognised.sections,
            preamble: recognised.preamble,
            coverage: recognised.coverage,
            blocks,
        }
    }

    /// Pretty JSON, as `hedui parse --format json` prints it.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_else(|_| panic!("the report types serialise to JSON"))
    }

    /// A readable summary, as `hedui parse --format text` prints it.
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        let s = &self.stats;
        let _ = writeln!(out, "{}: {} 行, {} 块, 识别到 {} 个表格", self.source, s.lines, s.blocks, s.tables);
        let d = &self.document;
        let kinds: Vec<&str> = d.kinds.iter().map(|k| k.zh()).collect();
        let unit = match d.unit {
            Some(Unit::TenThousandYuan) => "万元",
            Some(Unit::Yuan) => "元",
            None => "-",
        };
        let year = d.year.map_or("-".to_string(), |y| y.to_string());
        let _ = writeln!(
            out,
            "  类型: {} | 年度: {} | 部门: {} | 单位: {}",
            kinds.join(" + "),
            year,
            d.department.as_deref().unwrap_or("-"),
            unit
        );
        let _ = writeln!(out, "  表格: 识别 {} / {}, 数值 {} 个", s.tables_recognised, s.tables, s.values);
        for t in &self.tables {
            // The number the document gives the table (`02表` → `02`), blank where it numbers none.
            let number = t.number().unwrap_or("  ");
            let _ = writeln!(
                out,
                "    L{:<4} {} {} ({} 个数值){}",
                t.line,
                number,
                t.form_name,
                t.cells.len(),
                table_detail(t)
            );
        }
        for t in &self.coverage.unrecognised_tables {
            let _ = writeln!(
                out,
                "    L{:<4} 未识别: {}",
                t.span.line_start,
                t.first_row.chars().take(40).collect::<String>()
            );
        }
        let paragraphs = count_paragraphs(&self.sections);
        let _ = writeln!(
            out,
            "  章节: {} 个顶层, 共 {} 节, {} 段; 章节外 {} 行",
            self.sections.len(),
            count_sections(&self.sections),
            paragraphs,
            self.coverage.lines_outside_sections.len()
        );
        let c = &self.coverage;
        let _ = writeln!(
            out,
            "  覆盖: 数值单元格 {}, 已读入 {}, 结构(栏次/行次/编码) {}, 未放置 {}",
            c.numeric_cells,
            c.numeric_cells_placed,
            c.numeric_cells_structural,
            c.unplaced_cells.len()
        );
        for issue in &c.unplaced_cells {
            let _ = writeln!(
                out,
                "    L{} 列{} «{}»: {}",
                issue.at.line,
                issue.at.column + 1,
                issue.text.chars().take(30).collect::<String>(),
                issue.reason
            );
        }
        let _ = writeln!(out, "  表格内容 (每行: 行号 | 各单元格):");
        for block in &self.blocks {
            if let Block::Table { rows, .. } = block {
                let _ = writeln!(out, "    ── L{}", block.span().line_start);
                for row in rows {
                    let _ = writeln!(out, "    L{:<4} {}", row.span.line_start, row.texts().join(" | "));
                }
            }
        }
        out
    }
}

fn table_detail(table: &RecognisedTable) -> String {
    match &table.model {
        TableModel::Performance(p) => {
            let score =
                |a: &Option<crate::model::Amount>| a.as_ref().map_or("-".to_string(), |a| a.number.value.to_string());
            format!(
                " {}: 指标 {} 个, 总分 {} / {}",
                p.subject.as_deref().unwrap_or("-"),
                p.indicators.len(),
                score(&p.total_points),
                score(&p.total_score)
            )
        }
        _ => String::new(),
    }
}

fn count_sections(sections: &[Section]) -> usize {
    sections.iter().map(|s| 1 + count_sections(&s.children)).sum()
}

fn count_paragraphs(sections: &[Section]) -> usize {
    sections.iter().map(|s| s.paragraphs.len() + count_paragraphs(&s.children)).sum()
}

#[cfg(test)]
mod tests {
    #[test]
    fn lines_are_counted_as_str_lines_counts_them() {
        for text in ["", "\n", "a", "a\n", "a\r\nb", "a\n\nb\n", "\n\n"] {
            assert_eq!(crate::parse("t", text).stats.lines, text.lines().count(), "{text:?}");
        }
    }
}
