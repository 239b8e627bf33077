//! The open documents as core reads and checks them, kept together for rendering.

use std::rc::Rc;

use hedui_core::check::{are_companions, CheckOptions};
use hedui_core::finding::Finding;
use hedui_core::fixes::Diagnosed;
use hedui_core::pipeline::check_parsed;
use hedui_core::{DocumentReport, ParseReport};

use crate::pdf::{Origin, PdfLayout};
use crate::storage::{text_hash, Dismissals, Document};

/// A document text as core reads it (the parse report's blocks feed the document view).
pub struct Reading {
    pub text: String,
    pub parse: ParseReport,
    /// For a PDF's layout text (as read, not edited): where it stands on the pages.
    pub pdf: Option<Rc<PdfLayout>>,
    parse_millis: f64,
}

impl Reading {
    /// Reads a document; a pasted one (no file name) is reported as `input`, as in the JS API.
    pub fn of(document: &Document) -> Self {
        let source = if document.name.is_empty() { "input" } else { &document.name };
        let started = now();
        let parse = hedui_core::parse(source, &document.text);
        let text_hash = text_hash(&document.text);
        let pdf = match &document.origin {
            Origin::Pdf(layout) if layout.text_hash == text_hash => Some(layout.clone()),
            _ => None,
        };
        Reading { parse_millis: now() - started, text: document.text.clone(), parse, pdf }
    }
}

/// A reading with its check report.
pub struct Analysis {
    pub reading: Rc<Reading>,
    pub report: DocumentReport,
    /// Each finding's identity (`finding_keys`), what its dismissal is stored under.
    pub keys: Vec<String>,
    /// The readings checked together with this one (itself included), in order: the analysis
    /// holds while they are the open documents' readings of one department.
    checked_with: Vec<Rc<Reading>>,
    /// How long parse + check took, in microseconds (shown as `data-check-us` for the benchmark).
    pub check_micros: u64,
    /// Whether the diagnosis module's change was applied (or it could not give one).
    diagnosed: bool,
}

/// One analysis per reading. Documents of one department (core's companions, and theirs) are
/// checked together, so that the rules comparing years (Y) see each other; other documents
/// alone. An analysis is kept, not checked again, while its group's readings are unchanged.
pub fn analyse(readings: &[Option<Rc<Reading>>], previous: &[Option<Rc<Analysis>>]) -> Vec<Option<Rc<Analysis>>> {
    let mut analyses = vec![None; readings.len()];
    for group in groups(readings) {
        let members: Vec<Rc<Reading>> = group.iter().filter_map(|&i| readings[i].clone()).collect();
        let up_to_date = |analysis: &&Rc<Analysis>| {
            analysis.checked_with.len() == members.len()
                && analysis.checked_with.iter().zip(&members).all(|(a, b)| Rc::ptr_eq(a, b))
        };
        let kept: Vec<_> = members
            .iter()
            .filter_map(|m| previous.iter().flatten().find(|a| Rc::ptr_eq(&a.reading, m)).filter(up_to_date).cloned())
            .collect();
        if kept.len() == members.len() {
            for (&index, analysis) in group.iter().zip(kept) {
                analyses[index] = Some(analysis);
            }
            continue;
        }
        let started = now();
        let parses: Vec<&ParseReport> = members.iter().map(|m| &m.parse).collect();
        let reports = check_parsed(&parses, &CheckOptions::default()).documents;
        let check_millis = now() - started;
        for ((&index, reading), mut report) in group.iter().zip(&members).zip(reports) {
            // A PDF's findings say on which page, and where on it, they are; an office document's
            // in which file and cell or paragraph (as the CLI's).
            if let Some(pdf) = &reading.pdf {
                report.place_on_pages(&pdf.places);
                report.place_in_sources(&pdf.sources);
            }
            let check_micros = ((reading.parse_millis + check_millis) * 1000.0) as u64;
            let keys = finding_keys(&report.findings);
            analyses[index] = Some(Rc::new(Analysis {
                reading: reading.clone(),
                report,
                keys,
                checked_with: members.clone(),
                check_micros,
                diagnosed: false,
            }));
        }
    }
    analyses
}

/// The indices of the readings, grouped: a reading and its companions, and theirs, are one group.
fn groups(readings: &[Option<Rc<Reading>>]) -> Vec<Vec<usize>> {
    let mut group_of: Vec<Option<usize>> = vec![None; readings.len()];
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for start in (0..readings.len()).filter(|&i| readings[i].is_some()) {
        if group_of[start].is_some() {
            continue;
        }
        group_of[start] = Some(groups.len());
        let mut group = vec![start];
        let mut next = 0;
        while let Some(&member) = group.get(next) {
            next += 1;
            let Some(reading) = &readings[member] else { continue };
            for other in 0..readings.len() {
                if group_of[other].is_none()
                    && readings[other].as_ref().is_some_and(|o| are_companions(&reading.parse, &o.parse))
                {
                    group_of[other] = Some(groups.len());
                    group.push(other);
                }
            }
        }
        // Core's one sort: the standard library's would add a copy of itself for `usize`.
        hedui_core::sorting::sort_positions(&mut group, &|a, b| a.cmp(&b));
        groups.push(group);
    }
    groups
}

fn now() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map_or(0.0, |p| p.now())
}

/// Analyses are compared by identity: a new analysis is a new render.
impl PartialEq for Analysis {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}

/// Readings are compared by identity, as analyses are.
impl PartialEq for Reading {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}

impl Analysis {
    /// No relation could be checked and nothing was found: no tables or figures recognised.
    pub fn checked_nothing(&self) -> bool {
        self.report.findings.is_empty() && self.report.stats.total.checked == 0
    }

    /// The indices of its findings not dismissed in `dismissals`.
    pub fn open_findings(&self, dismissals: &Dismissals) -> Vec<usize> {
        (0..self.keys.len()).filter(|&i| !dismissals.contains_key(&self.keys[i])).collect()
    }

    /// Whether it waits for the diagnosis module: which figure is wrong, what to put right, and
    /// the review rules' findings (which the app does not check itself). An empty text needs none.
    pub fn needs_diagnosis(&self) -> bool {
        !self.diagnosed && !self.reading.text.is_empty()
    }

    /// The readings checked together with this one (itself included), in order.
    pub fn group(&self) -> &[Rc<Reading>] {
        &self.checked_with
    }

    /// Whether it is of the readings `group`, checked together.
    pub fn is_of_group(&self, group: &[Rc<Reading>]) -> bool {
        self.checked_with.len() == group.len() && self.checked_with.iter().zip(group).all(|(a, b)| Rc::ptr_eq(a, b))
    }

    /// This analysis with the diagnosis module's `change` of its report applied (none: as it
    /// is, no longer waiting).
    pub fn diagnosed(&self, change: Option<Diagnosed>) -> Analysis {
        let mut report = self.report.clone();
        if let Some(change) = change {
            change.apply(&mut report);
            if let Some(pdf) = &self.reading.pdf {
                report.place_on_pages(&pdf.places);
                report.place_in_sources(&pdf.sources);
            }
        }
        let keys = finding_keys(&report.findings);
        Analysis {
            reading: self.reading.clone(),
            report,
            keys,
            checked_with: self.checked_with.clone(),
            check_micros: self.check_micros,
            diagnosed: true,
        }
    }

    /// The document's identity for its dismissals: its name, department and year, so that
    /// they hold while it is edited and another document pasted in its place has its own.
    pub fn document_key(&self) -> String {
        let report = &self.report;
        format!(
            "{}|{}|{}",
            report.source,
            report.department.as_deref().unwrap_or(""),
            report.year.map_or(String::new(), |y| y.to_string())
        )
    }
}

/// Identifies each finding by what it is about, not by where in the text it stands, so that
/// a dismissal survives edits elsewhere: its rule, its cell (table, row, column) or else its
/// excerpt (a sentence's text), and the figures stated and expected; so it lapses when the
/// finding changes. A repeated identity gets `#2`, `#3`, ….
// One copy for the check and the diagnosis (inlined, it was two).
#[inline(never)]
pub fn finding_keys(findings: &[Finding]) -> Vec<String> {
    let mut bases: Vec<String> = Vec::with_capacity(findings.len());
    let mut keys = Vec::with_capacity(findings.len());
    for finding in findings {
        let at = &finding.location;
        let place = match at.table {
            Some(table) => {
                format!("{table}|{}|{}", at.row.as_deref().unwrap_or(""), at.column.as_deref().unwrap_or(""))
            }
            None => at.excerpt.clone(),
        };
        let [stated, expected] = [&finding.stated, &finding.expected].map(|f| f.as_deref().unwrap_or(""));
        let base = format!("{}|{place}|{stated}|{expected}", finding.rule).replace(['\t', '\n', '\r'], " ");
        let repeats = bases.iter().filter(|b| **b == base).count();
        keys.push(if repeats == 0 { base.clone() } else { format!("{base}#{}", repeats + 1) });
        bases.push(base);
    }
    keys
}

/// The DOM id of the element showing the cell or sentence that starts at `byte_start`.
pub fn place_id(byte_start: usize) -> String {
    format!("at{byte_start}")
}

/// The DOM id of the element showing source line `line` (the fallback target).
pub fn line_id(line: usize) -> String {
    format!("line{line}")
}

#[cfg(test)]
mod tests {
    use std::rc::Rc;

    use wasm_bindgen_test::*;

    use super::{analyse, Analysis, Reading};
    use crate::storage::Document;

    wasm_bindgen_test_configure!(run_in_browser);

    const ACCOUNTS_2023: &str = include_str!("../../../../shared/corpus/000_a60f2e9b14e82395.txt");
    const BUDGET_2024: &str = include_str!("../../../../shared/corpus/003_1cc174f46883e4ef.txt");
    const OTHER_DEPARTMENT: &str = include_str!("../../../../shared/corpus/001_1a1813143cd16474.txt");

    fn read(name: &str, text: &str) -> Option<Rc<Reading>> {
        Some(Rc::new(Reading::of(&Document {
            name: name.to_string(),
            text: text.to_string(),
            origin: Default::default(),
        })))
    }

    fn rules(analysis: &Option<Rc<Analysis>>) -> Vec<&'static str> {
        analysis.as_ref().unwrap().report.findings.iter().map(|f| f.rule).collect()
    }

    fn same(a: &Option<Rc<Analysis>>, b: &Option<Rc<Analysis>>) -> bool {
        Rc::ptr_eq(a.as_ref().unwrap(), b.as_ref().unwrap())
    }

    /// One department's budget and prior-year accounts are checked together (003's vehicle
    /// count against 000's, Y003); another department's document alone. An analysis is checked
    /// again only when its group's readings change: editing or closing one document of a group
    /// re-checks the group, not the documents outside it.
    #[wasm_bindgen_test]
    fn documents_of_one_department_are_checked_together_and_only_when_their_group_changes() {
        let mut readings =
            vec![read("000.txt", ACCOUNTS_2023), read("003.txt", BUDGET_2024), None, read("001.txt", OTHER_DEPARTMENT)];
        let first = analyse(&readings, &[]);
        assert!(rules(&first[1]).contains(&"Y003"), "003 is checked with 000: {:?}", rules(&first[1]));
        assert!(first[2].is_none(), "a document not read yet has no analysis");
        assert!(!rules(&first[3]).iter().any(|rule| rule.starts_with('Y')));

        let again = analyse(&readings, &first);
        assert!(
            (0..4).filter(|&i| i != 2).all(|i| same(&first[i], &again[i])),
            "nothing changed, nothing is checked again"
        );

        readings[1] = read("003.txt", &BUDGET_2024.replace("本部门共有公务用车2辆", "本部门共有公务用车3辆"));
        let edited = analyse(&readings, &again);
        assert!(!rules(&edited[1]).contains(&"Y003"), "the edited count agrees with 000");
        assert!(!same(&edited[0], &again[0]), "000 is checked again with the edited 003");
        assert!(same(&edited[3], &again[3]), "the other department's document is kept");

        let closed = analyse(&[readings[1].clone(), readings[3].clone()], &edited);
        assert!(!same(&closed[0], &edited[1]), "003 alone is checked again, without 000");
        assert!(Rc::ptr_eq(&closed[0].as_ref().unwrap().reading, readings[1].as_ref().unwrap()));
        assert!(same(&closed[1], &edited[3]));
    }
}
