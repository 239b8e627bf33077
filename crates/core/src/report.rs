//! The report every face renders. Its JSON form is documented in `docs/` and versioned.

use serde::Serialize;

use crate::ingest::Block;

/// Version of the JSON report schema; any change to its shape bumps it.
pub const SCHEMA_VERSION: &str = "0.1.0";

/// What was read from one document.
#[derive(Debug, Clone, Serialize)]
pub struct ParseReport {
    pub schema_version: &'static str,
    pub source: String,
    pub stats: ParseStats,
}

/// Counts over the document.
#[derive(Debug, Clone, Serialize)]
pub struct ParseStats {
    pub lines: usize,
    pub blocks: usize,
    pub tables: usize,
}

impl ParseReport {
    pub(crate) fn new(source: &str, text: &str, blocks: &[Block]) -> Self {
        let tables = blocks.iter().filter(|b| matches!(b, Block::Table { .. })).count();
        ParseReport {
            schema_version: SCHEMA_VERSION,
            source: source.to_string(),
            stats: ParseStats { lines: text.lines().count(), blocks: blocks.len(), tables },
        }
    }

    /// Pretty JSON, as `hedui parse --format json` prints it.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("report serialises")
    }

    /// A short human-readable summary, as `hedui parse --format text` prints it.
    pub fn to_text(&self) -> String {
        format!(
            "{}: {} 行, {} 块, 识别到 {} 个表格\n",
            self.source, self.stats.lines, self.stats.blocks, self.stats.tables
        )
    }
}
