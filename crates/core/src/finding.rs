//! What a check reports of one relation and of a document's counts: [`Finding`]s with their
//! [`FindingLocation`]s and [`Fix`]es, the [`Counts`] and [`CheckStats`], and the [`Term`]s
//! relations are written in. Below `check` (which fills them), `claims` (which makes terms)
//! and `score` (which reads them).

use serde::{Deserialize, Serialize};

use crate::ingest::Span;
use crate::model::Amount;
use crate::positioned::{PagePlace, SourcePlace};
use crate::recognise::meta::DocumentKind;
use crate::recognise::{Form, RecognisedTable, TableWithoutColumns};
use crate::rounding::Outcome;
use crate::sorted_map::SortedMap;

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Error,
    Warning,
    Notice,
}

impl Severity {
    /// Every severity, the most serious first.
    pub const ALL: [Severity; 3] = [Severity::Error, Severity::Warning, Severity::Notice];

    pub fn zh(self) -> &'static str {
        match self {
            Severity::Error => "错误",
            Severity::Warning => "警告",
            Severity::Notice => "提示",
        }
    }

    pub fn en(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Notice => "notice",
        }
    }
}

/// What a rule checks; the quality score weighs categories.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    /// 表内勾稽: arithmetic inside one table.
    TableArithmetic,
    /// 表间勾稽: the same figure in two tables.
    CrossTable,
    /// 绩效自评: self-evaluation scores and rates.
    Performance,
    /// 完整性: required tables present, empty tables explained.
    Completeness,
    /// 规范性: form and wording (template text, unit and year slips, standard names).
    Form,
    /// 表文一致: the narrative against its own figures and the tables.
    Narrative,
}

impl Category {
    pub fn zh(self) -> &'static str {
        match self {
            Category::TableArithmetic => "表内勾稽",
            Category::CrossTable => "表间勾稽",
            Category::Performance => "绩效自评",
            Category::Completeness => "完整性",
            Category::Form => "规范性",
            Category::Narrative => "表文一致",
        }
    }

    pub fn en(self) -> &'static str {
        match self {
            Category::TableArithmetic => "table arithmetic",
            Category::CrossTable => "cross-table",
            Category::Performance => "performance self-evaluation",
            Category::Completeness => "completeness",
            Category::Form => "form and wording",
            Category::Narrative => "narrative consistency",
        }
    }
}

/// Relations evaluated, overall and per category.
#[derive(Debug, Clone, Default, Serialize)]
pub struct CheckStats {
    /// Relations among figures: every category but 规范性 (what "已核对 N 项关系" counts).
    #[serde(flatten)]
    pub total: Counts,
    /// The 规范性 checks (template text, unit and year slips, wording: the L rules), counted
    /// apart: a document whose figures were not read is not "checked" by its wording.
    pub lint: Counts,
    /// The 决算 tables the document's kind requires, and which were recognised; `None` for
    /// a document whose kinds require no tables (a 部门预算, a 绩效自评报告 on its own).
    pub table_coverage: Option<TableCoverage>,
    /// Every category, 规范性 included.
    pub by_category: SortedMap<Category, Counts>,
    pub by_rule: SortedMap<&'static str, Counts>,
    pub by_severity: SortedMap<Severity, usize>,
    /// Figures stated in the text: found, bound to a table cell, checked by a rule.
    pub claims: ClaimSummary,
}

impl CheckStats {
    /// Counts `findings` by severity again (the findings a report lists, after the diagnosis
    /// merged those of one cause).
    #[cfg(feature = "fixes")]
    pub fn count_severities(&mut self, findings: &[Finding]) {
        self.by_severity = SortedMap::new();
        for finding in findings {
            let count = self.by_severity.entry_or_default(finding.severity);
            *count = count.saturating_add(1);
        }
    }
}

/// The tables a 部门决算 must disclose (the nine of [`Form::FINAL_ACCOUNTS`]), or a 部门预算 /
/// 单位预算 with tables (the nine of [`Form::BUDGET`]), and how many of them were recognised:
/// the relations of a table that was not read were not checked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TableCoverage {
    pub expected: usize,
    pub recognised: usize,
    /// The forms not recognised, in the order of [`Form::FINAL_ACCOUNTS`] or [`Form::BUDGET`].
    pub missing: Vec<MissingTable>,
    /// Of the missing forms, those whose title stands in the text over rows that lost their
    /// columns (text copied from a PDF viewer): present, but not readable.
    pub columns_lost: Vec<MissingTable>,
}

/// A required table that was not recognised.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct MissingTable {
    pub form: Form,
    pub form_name: &'static str,
}

impl TableCoverage {
    /// The tables a document of these kinds must have, with `tables_seen` tables found in its
    /// text and these recognised: a 决算's nine, or a budget's nine when it has tables (a
    /// 预算说明 of narrative only requires none); `None` when none is required. Of the missing,
    /// those `without_columns` (their title over rows that lost their columns) are there, unread.
    pub fn of(
        kinds: &[DocumentKind],
        tables: &[RecognisedTable],
        tables_seen: usize,
        without_columns: &[TableWithoutColumns],
    ) -> Option<Self> {
        let forms = if kinds.contains(&DocumentKind::FinalAccounts) {
            Form::FINAL_ACCOUNTS
        } else if cfg!(feature = "budget") && kinds.contains(&DocumentKind::Budget) && tables_seen > 0 {
            Form::BUDGET
        } else {
            return None;
        };
        let missing: Vec<MissingTable> = forms
            .iter()
            .filter(|&&form| !tables.iter().any(|t| t.form == form))
            .map(|&form| MissingTable { form, form_name: form.name() })
            .collect();
        let columns_lost =
            missing.iter().filter(|m| without_columns.iter().any(|t| t.form == m.form)).copied().collect();
        Some(TableCoverage { expected: forms.len(), recognised: forms.len() - missing.len(), missing, columns_lost })
    }

    /// The line a report starts with when tables are missing (`识别到 0 / 9 张表：表内、表间勾稽未核对`),
    /// `None` when every table was recognised.
    pub fn summary_zh(&self) -> Option<String> {
        if self.missing.is_empty() {
            return None;
        }
        let lost = match self.columns_lost.len() {
            0 => String::new(),
            n => format!("（{n} 张表的列位置已丢失，多为从 PDF 阅读器复制的文字：请直接打开 PDF 文件核对）"),
        };
        if self.recognised == 0 {
            return Some(format!("识别到 0 / {} 张表{lost}：表内、表间勾稽未核对", self.expected));
        }
        let names: Vec<&str> = self.missing.iter().map(|m| m.form_name).collect();
        Some(format!(
            "识别到 {} / {} 张表，未识别 {}{lost}：涉及这些表的勾稽未核对",
            self.recognised,
            self.expected,
            names.join("、")
        ))
    }

    /// [`Self::summary_zh`] in English.
    pub fn summary_en(&self) -> Option<String> {
        if self.missing.is_empty() {
            return None;
        }
        let lost = match self.columns_lost.len() {
            0 => String::new(),
            n => format!(
                " ({n} of them lost their columns, as text copied from a PDF viewer does: open the PDF file itself)"
            ),
        };
        if self.recognised == 0 {
            return Some(format!(
                "0 of {} tables recognised{lost}: table arithmetic and cross-table relations not checked",
                self.expected
            ));
        }
        let names: Vec<&str> = self.missing.iter().map(|m| m.form_name).collect();
        Some(format!(
            "{} of {} tables recognised; not recognised: {}{lost} (their relations not checked)",
            self.recognised,
            self.expected,
            names.join(", ")
        ))
    }

    /// Whether none of the tables was recognised: the document is not scored.
    pub fn none_read(&self) -> bool {
        self.recognised == 0
    }
}

/// How many relations were checked and how they came out.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Counts {
    pub checked: usize,
    pub held: usize,
    pub rounding: usize,
    pub broken: usize,
}

impl Counts {
    pub(crate) fn merge(&mut self, other: Counts) {
        self.checked += other.checked;
        self.held += other.held;
        self.rounding += other.rounding;
        self.broken += other.broken;
    }

    pub(crate) fn add(&mut self, outcome: Outcome) {
        self.checked += 1;
        match outcome {
            Outcome::Held => self.held += 1,
            Outcome::Rounding => self.rounding += 1,
            Outcome::Broken => self.broken += 1,
        }
    }
}

/// One relation that did not hold.
#[derive(Debug, Clone, Serialize)]
pub struct Finding {
    pub rule: &'static str,
    pub severity: Severity,
    pub category: Category,
    pub outcome: Outcome,
    pub message: String,
    pub message_en: String,
    /// The figure as stated in the document.
    pub stated: Option<String>,
    /// What the other figures imply.
    pub expected: Option<String>,
    /// The computation, e.g. `合计 280.72 ≠ 211.60 + 69.12 + 0.00 = 280.72`.
    pub derivation: String,
    pub location: FindingLocation,
    pub related: Vec<FindingLocation>,
    /// Figures of the relation that are in another document checked together (the same
    /// department's prior-year accounts or budget).
    pub related_documents: Vec<DocumentLocation>,
    /// The correction, when the figures say what it is ([`crate::diagnosis`]).
    #[cfg(feature = "fixes")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fix: Option<Fix>,
    /// The findings of the relations this one's cause explains: one wrong figure breaks
    /// several relations, reported once at that figure with each relation under it.
    #[cfg(feature = "fixes")]
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub explains: Vec<Finding>,
}

impl Finding {
    /// Sorts `findings` as a report lists them: by line, then rule (stably).
    pub fn sort_for_report(findings: &mut Vec<Finding>) {
        crate::sorting::sort_by_key(findings, |f| (f.location.line, f.rule));
    }

    /// The findings of single relations: this one, or those its cause explains (each still a
    /// deduction of the score).
    pub fn relations(&self) -> &[Finding] {
        if self.is_cause() {
            return self.explains();
        }
        std::slice::from_ref(self)
    }

    /// Whether this finding is a cause the diagnosis found, with the findings it explains.
    pub fn is_cause(&self) -> bool {
        !self.explains().is_empty()
    }

    fn explains(&self) -> &[Finding] {
        #[cfg(feature = "fixes")]
        return &self.explains;
        #[cfg(not(feature = "fixes"))]
        &[]
    }

    /// The finding of one cause the diagnosis found, at `location`: the findings of the broken
    /// relations it explains (`parts`, one at least) under it, their places as its related ones.
    #[cfg(feature = "fixes")]
    pub fn cause(parts: Vec<Finding>, location: FindingLocation, text: CauseText, fix: Fix) -> Option<Finding> {
        let first = parts.first()?;
        let mut related: Vec<FindingLocation> = Vec::new();
        for other in parts.iter().flat_map(|p| std::iter::once(&p.location).chain(&p.related)) {
            if *other != location && !related.contains(other) {
                related.push(other.clone());
            }
        }
        // Built field by field (not a clone of the first part's finding): less code in the wasm.
        Some(Finding {
            rule: first.rule,
            severity: parts.iter().map(|p| p.severity).min().unwrap_or(first.severity),
            category: first.category,
            outcome: first.outcome,
            message: text.message,
            message_en: text.message_en,
            stated: text.stated,
            expected: text.expected,
            derivation: parts.iter().map(|p| p.derivation.as_str()).collect::<Vec<_>>().join("；"),
            location,
            related,
            related_documents: Vec::new(),
            fix: Some(fix),
            explains: parts,
        })
    }

    /// A broken T001 finding of `category` and `severity` on `line`, with nothing else: what the
    /// unit tests of the stages after `check` start from.
    #[cfg(test)]
    pub(crate) fn for_test(category: Category, severity: Severity, line: usize) -> Finding {
        Finding {
            rule: "T001",
            severity,
            category,
            outcome: Outcome::Broken,
            message: String::new(),
            message_en: String::new(),
            stated: None,
            expected: None,
            derivation: String::new(),
            location: FindingLocation::text(line, 0..0, String::new()),
            related: Vec::new(),
            related_documents: Vec::new(),
            #[cfg(feature = "fixes")]
            fix: None,
            #[cfg(feature = "fixes")]
            explains: Vec::new(),
        }
    }
}

/// A place in another document checked together with the finding's own.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DocumentLocation {
    /// That document's `source`.
    pub source: String,
    #[serde(flatten)]
    pub location: FindingLocation,
}

/// Where a finding points: the input line, and the table cell when it is one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FindingLocation {
    /// 1-based line of the input text.
    pub line: usize,
    pub table: Option<&'static str>,
    pub row: Option<String>,
    pub column: Option<String>,
    /// Verbatim text of that cell, or of the line.
    pub excerpt: String,
    /// Byte range of the cell (or sentence) in the input text.
    pub byte_start: usize,
    pub byte_end: usize,
    /// For a document read from a PDF: the page and the box of that text on it (only the layout
    /// reader reads PDFs; without it the field is never set and not serialised).
    #[cfg_attr(feature = "layout", serde(flatten, skip_serializing_if = "Option::is_none"))]
    #[cfg_attr(not(feature = "layout"), serde(skip))]
    pub page: Option<PagePlace>,
    /// For a document imported from office files: the file and cell or paragraph of that text
    /// (as `page`, set by the faces that import such files, which have the layout reader).
    #[cfg_attr(feature = "layout", serde(skip_serializing_if = "Option::is_none"))]
    #[cfg_attr(not(feature = "layout"), serde(skip))]
    pub origin: Option<SourcePlace>,
}

impl FindingLocation {
    /// `excerpt`, at bytes `bytes` of the input from line `line` (a sentence, a heading, a figure
    /// of the running text), in no table cell.
    pub fn text(line: usize, bytes: std::ops::Range<usize>, excerpt: String) -> Self {
        FindingLocation {
            line,
            table: None,
            row: None,
            column: None,
            excerpt,
            byte_start: bytes.start,
            byte_end: bytes.end,
            page: None,
            origin: None,
        }
    }

    /// `excerpt`, standing at `span` of the input (a line, a paragraph, a note, a table's title).
    pub fn span(span: Span, excerpt: String) -> Self {
        Self::text(span.line_start, span.byte_start..span.byte_end, excerpt)
    }

    /// The table cell holding `amount`.
    pub fn cell(table: Option<&'static str>, row: Option<&str>, column: Option<&str>, amount: &Amount) -> Self {
        FindingLocation {
            line: amount.at.line,
            table,
            row: row.map(str::to_string),
            column: column.map(str::to_string),
            excerpt: amount.raw.clone(),
            byte_start: amount.at.byte_start,
            byte_end: amount.at.byte_end,
            page: None,
            origin: None,
        }
    }
}

/// One figure in a relation: a table cell with a human label for messages.
#[derive(Debug, Clone)]
pub struct Term<'a> {
    /// How the figure is named in messages (`02表 合计 本年收入合计`).
    pub label: String,
    pub amount: &'a Amount,
    pub table: Option<&'static str>,
    pub row: Option<String>,
    pub column: Option<String>,
}

impl<'a> Term<'a> {
    /// A cell of a recognised table.
    pub fn cell(table: &RecognisedTable, row: &str, column: &str, amount: &'a Amount) -> Self {
        // Written piece by piece: every relation names its cells, and `format!` costs more
        // than the arithmetic. A 决算 table's cells carry its short name (`02表`, or its title
        // where the document does not number its tables); 绩效 rows name themselves.
        let named = table.form.is_final_accounts() || table.form.is_budget();
        let mut label = String::with_capacity(
            if named { table.short_name.len() } else { 0 } + " ·".len() + row.len() + column.len(),
        );
        if named {
            label.push_str(&table.short_name);
            label.push(' ');
        }
        label.push_str(row);
        if !(column.is_empty() || column == "金额") {
            label.push('·');
            label.push_str(column);
        }
        Term {
            label,
            amount,
            table: Some(table.form_name),
            row: Some(row.to_string()),
            column: Some(column.to_string()),
        }
    }

    pub(crate) fn location(&self) -> FindingLocation {
        FindingLocation::cell(self.table, self.row.as_deref(), self.column.as_deref(), self.amount)
    }

    pub(crate) fn shown(&self) -> String {
        format!("{} {}", self.label, self.amount.raw)
    }
}

/// How many claims were read, bound to table cells, and checked by a rule.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClaimSummary {
    pub found: usize,
    /// Claims about a figure that were bound to a table cell by their labels.
    pub bound: usize,
    /// Claims evaluated by at least one rule: internal arithmetic, or comparison with the bound cell.
    pub checked: usize,
}

/// What the finding of a cause says ([`Finding::cause`]).
#[cfg(feature = "fixes")]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CauseText {
    pub message: String,
    pub message_en: String,
    pub stated: Option<String>,
    pub expected: Option<String>,
}

/// A correction a finding proposes, the way a linter's fix does: edits of the checked text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fix {
    /// What the correction does (`应改为 280.72`).
    pub message: String,
    pub message_en: String,
    pub applicability: Applicability,
    pub edits: Vec<Edit>,
}

/// Whether a [`Fix`] may be applied without a person looking at it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Applicability {
    /// The correction is the only one the figures allow: `hedui check --fix` applies it.
    Safe,
    /// A correction the figures allow, among others (or on a guess): shown, not applied.
    Unsafe,
    /// The correction is known but where to apply it is not: shown only.
    Display,
}

/// Replace the bytes `byte_start..byte_end` of the checked text by `content`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Edit {
    pub byte_start: usize,
    pub byte_end: usize,
    pub content: String,
}
