//! The check report (`hedui check`): one [`DocumentReport`] per document, with its counts,
//! score and findings, and its text form. Documented in `docs/report-schema.md`.

use std::fmt::Write;

use serde::Serialize;

use crate::finding::Severity;
use crate::finding::{CheckStats, Finding, TableCoverage};
use crate::recognise::meta::DocumentKind;
use crate::recognise::Form;
use crate::score::{one_decimal, Grade, Score};

/// Version of the check report schema (`docs/report-schema.md`); any change to its shape bumps it.
pub const REPORT_SCHEMA_VERSION: &str = "0.14.0";

/// The result of checking one or more documents together.
#[derive(Debug, Clone, Serialize)]
pub struct CheckReport {
    pub schema_version: &'static str,
    pub documents: Vec<DocumentReport>,
}

/// What was checked in one document and what did not hold.
#[derive(Debug, Clone, Serialize)]
pub struct DocumentReport {
    pub source: String,
    pub kind: Vec<DocumentKind>,
    pub year: Option<u16>,
    pub department: Option<String>,
    /// The documents checked with it that the rules comparing documents (Y) compared it with:
    /// the same department's adjacent years, or its budget and accounts of one year (their
    /// `source`s).
    pub compared_with: Vec<String>,
    pub tables: Vec<TableRef>,
    pub stats: CheckStats,
    pub score: Score,
    /// The score and counts in words ([`Summary::of`]).
    pub summary: Summary,
    pub findings: Vec<Finding>,
}

/// A document's score and counts in words, in Chinese and in English: what every face shows
/// (the CLI's text form, the web app, the `<hedui-checker>` element), written here once.
#[derive(Debug, Clone, Serialize)]
pub struct Summary {
    pub zh: SummaryLines,
    pub en: SummaryLines,
}

/// The lines of a [`Summary`] in one language.
#[derive(Debug, Clone, Serialize)]
pub struct SummaryLines {
    /// `质量评分 84.7（良）`, or why there is none (`质量评分：表格未识别，不评分`).
    pub score: String,
    /// `已核对 377 项关系，27 项不一致；另查规范性 659 项，5 项不符`, the 尾数误差 too when any.
    pub checked: String,
    /// Which of a 决算's tables were not read ([`TableCoverage::summary_zh`]), when any were not.
    pub tables: Option<String>,
    /// What the check found ([`findings_line`]): `发现 8 个问题：错误 4，警告 1，提示 3`,
    /// `未发现问题。`, or that nothing could be checked.
    pub findings: String,
}

/// The words of a [`SummaryLines`] in one language, around the figures they hold.
struct Words {
    /// Before the score, then between it and its grade, then after the grade.
    score: [&'static str; 3],
    /// In place of the score of a 决算 none of whose tables was read, or with nothing to assess.
    unread: &'static str,
    unassessed: &'static str,
    /// Before, between and after the relations checked and those broken.
    checked: [&'static str; 3],
    /// Before and after the relations off by rounding.
    rounding: [&'static str; 2],
    /// Before, between and after the 规范性 checks and those not met.
    lint: [&'static str; 3],
    grade: fn(Grade) -> &'static str,
    tables: fn(&TableCoverage) -> Option<String>,
    /// Before the findings counted, then before each severity's count, then after the last.
    found: [&'static str; 5],
    /// No finding; nothing checked and nothing found.
    none_found: &'static str,
    nothing_checked: &'static str,
}

const ZH: Words = Words {
    score: ["质量评分 ", "（", "）"],
    unread: "质量评分：表格未识别，不评分",
    unassessed: "质量评分：无可评项",
    checked: ["已核对 ", " 项关系，", " 项不一致"],
    rounding: ["，", " 项尾数误差"],
    lint: ["；另查规范性 ", " 项，", " 项不符"],
    grade: Grade::zh,
    tables: TableCoverage::summary_zh,
    found: ["发现 ", " 个问题：错误 ", "，警告 ", "，提示 ", ""],
    none_found: "未发现问题。",
    nothing_checked: "未能核对：没有识别出决算、预算或绩效自评的表格和数字。",
};

const EN: Words = Words {
    score: ["Quality score ", " (", ")"],
    unread: "Quality score: tables not recognised, not scored",
    unassessed: "Quality score: nothing to assess",
    checked: ["", " relations checked, ", " inconsistent"],
    rounding: [", ", " rounding differences"],
    lint: ["; also ", " form and wording checks, ", " not met"],
    grade: Grade::en,
    tables: TableCoverage::summary_en,
    found: ["Problems found: ", " (errors ", ", warnings ", ", notices ", ")"],
    none_found: "No problems found.",
    nothing_checked: "Nothing could be checked: no 决算, 预算 or 绩效 tables or figures were recognised.",
};

/// What a check found, in words (`english` or Chinese): the findings `open` by severity (error,
/// warning, notice; the web app leaves out those dismissed), `未发现问题。` when there are none,
/// or, when `nothing_checked` (no relation checked and nothing found), that nothing could be.
pub fn findings_line(english: bool, nothing_checked: bool, open: [usize; 3]) -> String {
    found(if english { &EN } else { &ZH }, nothing_checked, open)
}

/// [`findings_line`] in the language of `words`.
fn found(words: &Words, nothing_checked: bool, open: [usize; 3]) -> String {
    let total: usize = open.iter().sum();
    match (nothing_checked, total) {
        (true, _) => words.nothing_checked.to_string(),
        (false, 0) => words.none_found.to_string(),
        _ => {
            let figures = [total, open[0], open[1], open[2]].map(|n| n.to_string());
            joined(&words.found, &figures)
        }
    }
}

/// `pieces` with `figures` between them: the first piece, then each figure and the piece after it.
fn joined(pieces: &[&str], figures: &[String]) -> String {
    let mut out = String::from(pieces[0]);
    for (figure, piece) in figures.iter().zip(&pieces[1..]) {
        out.push_str(figure);
        out.push_str(piece);
    }
    out
}

impl Summary {
    /// The summary of a document's `stats` and `score`.
    pub fn of(stats: &CheckStats, score: &Score) -> Summary {
        Summary { zh: SummaryLines::of(&ZH, stats, score), en: SummaryLines::of(&EN, stats, score) }
    }
}

impl SummaryLines {
    /// One language's lines: written by pieces, one body of code for both languages.
    fn of(words: &Words, stats: &CheckStats, score: &Score) -> SummaryLines {
        let coverage = stats.table_coverage.as_ref();
        let score = match (score.value, score.grade) {
            (Some(value), Some(grade)) => joined(&words.score, &[one_decimal(value), (words.grade)(grade).to_string()]),
            _ if coverage.is_some_and(TableCoverage::none_read) => words.unread.to_string(),
            _ => words.unassessed.to_string(),
        };
        let (total, lint) = (&stats.total, &stats.lint);
        let mut checked = joined(&words.checked, &[total.checked.to_string(), total.broken.to_string()]);
        if total.rounding > 0 {
            checked.push_str(&joined(&words.rounding, &[total.rounding.to_string()]));
        }
        if lint.checked > 0 {
            let not_met = lint.rounding + lint.broken;
            checked.push_str(&joined(&words.lint, &[lint.checked.to_string(), not_met.to_string()]));
        }
        let counts = Severity::ALL.map(|severity| stats.by_severity.get(&severity).copied().unwrap_or(0));
        let nothing_checked = total.checked == 0 && counts.iter().all(|&n| n == 0);
        let findings = found(words, nothing_checked, counts);
        SummaryLines { score, checked, tables: coverage.and_then(words.tables), findings }
    }
}

/// A recognised table, as listed in the report.
#[derive(Debug, Clone, Serialize)]
pub struct TableRef {
    pub form: Form,
    pub form_name: &'static str,
    pub line: usize,
}

impl DocumentReport {
    /// The document's part of [`CheckReport::to_text`].
    pub fn to_text(&self) -> String {
        let document = self;
        let mut out = String::new();
        // A 决算 whose tables were not all read says so first: its findings and counts
        // cover only what was read.
        if let Some(line) = &document.summary.zh.tables {
            let _ = writeln!(out, "{}: {line}", document.source);
        }
        if !document.compared_with.is_empty() {
            let _ = writeln!(
                out,
                "{}: 与 {} 一并核对（同一部门的相邻年度，或同一年度的预算与决算）",
                document.source,
                document.compared_with.join("、")
            );
        }
        for severity in Severity::ALL {
            for f in document.findings.iter().filter(|f| f.severity == severity) {
                // A PDF's findings say their page first: `file.pdf:p12:340:`; an office file's
                // their file and cell: `a.xlsx:收入决算表!C12:`.
                match &f.location.origin {
                    Some(origin) => {
                        let _ = writeln!(
                            out,
                            "{}:{}: {}[{}] {}",
                            origin.file,
                            origin.place,
                            severity.en(),
                            f.rule,
                            f.message
                        );
                    }
                    None => {
                        let page = f.location.page.map_or(String::new(), |place| format!("p{}:", place.page));
                        let _ = writeln!(
                            out,
                            "{}:{page}{}: {}[{}] {}",
                            document.source,
                            f.location.line,
                            severity.en(),
                            f.rule,
                            f.message
                        );
                    }
                }
                let _ = writeln!(out, "    | {}", f.location.excerpt);
                // A finding of one cause: the derivation of each relation it explains.
                if f.is_cause() {
                    for part in f.relations() {
                        let _ = writeln!(out, "    = [{}] {}", part.rule, part.derivation);
                    }
                } else {
                    let _ = writeln!(out, "    = {}", f.derivation);
                }
                for other in &f.related_documents {
                    let _ = writeln!(out, "    > {}:{}: {}", other.source, other.location.line, other.location.excerpt);
                }
                #[cfg(feature = "fixes")]
                if let Some(fix) = &f.fix {
                    let _ = writeln!(out, "    = help: {}", fix.message);
                }
            }
        }
        let score = match document.score.value {
            Some(_) => format!("{}，覆盖 {}%", document.summary.zh.score, document.score.coverage),
            None => document.summary.zh.score.clone(),
        };
        let _ = writeln!(out, "{}: {score}", document.source);
        let s = &document.stats;
        let count = |severity| s.by_severity.get(&severity).copied().unwrap_or(0);
        let c = &s.claims;
        let _ = writeln!(
            out,
            "{}: 文中数字 {} 处，对应表格 {} 处，已核对 {} 处",
            document.source, c.found, c.bound, c.checked
        );
        let _ = writeln!(
            out,
            "{}: 已核对 {} 项关系，{} 项成立，{} 项尾数误差，{} 项不一致；另查规范性 {} 项，{} 项不符 · {} 错误, {} 警告, {} 提示",
            document.source,
            s.total.checked,
            s.total.held,
            s.total.rounding,
            s.total.broken,
            s.lint.checked,
            s.lint.rounding + s.lint.broken,
            count(Severity::Error),
            count(Severity::Warning),
            count(Severity::Notice)
        );
        out
    }

    #[cfg(feature = "layout")]
    /// Gives the findings of a document read from a PDF (its text laid out by
    /// [`crate::layout::render`]) the page and box of the text they point at.
    pub fn place_on_pages(&mut self, places: &crate::layout::GlyphPlaces) {
        let place = |f: &mut crate::finding::Finding| {
            for location in std::iter::once(&mut f.location).chain(f.related.iter_mut()) {
                location.page = places.locate(location.byte_start, location.byte_end);
            }
        };
        for finding in &mut self.findings {
            place(finding);
            // The findings a cause explains explain none themselves.
            #[cfg(feature = "fixes")]
            finding.explains.iter_mut().for_each(place);
        }
    }

    #[cfg(feature = "layout")]
    /// Gives the findings of a document imported from office files the file and cell or
    /// paragraph of the text they point at.
    pub fn place_in_sources(&mut self, places: &crate::positioned::SourcePlaces) {
        for finding in &mut self.findings {
            for location in std::iter::once(&mut finding.location).chain(finding.related.iter_mut()) {
                location.origin = places.locate(location.byte_start);
            }
        }
    }
}

impl CheckReport {
    /// The report of documents checked one by one.
    pub fn new(documents: Vec<DocumentReport>) -> Self {
        CheckReport { schema_version: REPORT_SCHEMA_VERSION, documents }
    }

    /// Pretty JSON, as `hedui check --format json` prints it.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_else(|_| panic!("the report types serialise to JSON"))
    }

    /// Compiler-style text: findings grouped by severity with `file:line` and the excerpt,
    /// document by document.
    pub fn to_text(&self) -> String {
        self.documents.iter().map(DocumentReport::to_text).collect()
    }

    /// The most serious severity among all findings.
    pub fn worst(&self) -> Option<Severity> {
        self.documents.iter().flat_map(|d| d.findings.iter().map(|f| f.severity)).min()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_findings_line_counts_by_severity_or_says_there_are_none_or_nothing_was_checked() {
        assert_eq!(findings_line(false, false, [4, 1, 3]), "发现 8 个问题：错误 4，警告 1，提示 3");
        assert_eq!(findings_line(true, false, [4, 1, 3]), "Problems found: 8 (errors 4, warnings 1, notices 3)");
        assert_eq!(findings_line(false, false, [0; 3]), "未发现问题。");
        assert_eq!(findings_line(true, false, [0; 3]), "No problems found.");
        assert!(findings_line(false, true, [0; 3]).starts_with("未能核对"));
        assert!(findings_line(true, true, [0; 3]).starts_with("Nothing could be checked"));
    }

    #[test]
    fn a_reports_summary_says_what_its_findings_are() {
        let text = "2023年度部门决算\n\n一、部门基本情况\n本部门2023年收入合计100万元，其中财政拨款收入80万元，其他收入30万元。\n";
        let report = crate::check(&[("doc.txt", text)]).documents.remove(0);
        let counts = Severity::ALL.map(|severity| report.findings.iter().filter(|f| f.severity == severity).count());
        assert!(counts.iter().sum::<usize>() > 0, "{:?}", report.findings);
        assert_eq!(report.summary.zh.findings, findings_line(false, false, counts));
        assert_eq!(report.summary.en.findings, findings_line(true, false, counts));
    }
}
