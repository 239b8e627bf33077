//! Fixes applied to the checked text, and the diagnosis as a change of a report checked
//! without it (feature `fixes`). The web app checks without [`crate::diagnosis`] and without
//! the review rules (their code is in a module the app fetches for each checked document, to
//! keep the app within its size budget): that module sends a [`Diagnosed`] of each document,
//! computed by [`Diagnosed::between`] the report checked without the diagnosis and with it,
//! and [`Diagnosed::apply`] turns the first into the second.

use serde::{Deserialize, Serialize};

use crate::check_report::DocumentReport;
use crate::finding::{
    Applicability, Category, CauseText, CheckStats, ClaimSummary, Counts, Finding, FindingLocation, Fix, Severity,
};
use crate::rounding::Outcome;

/// `text` with the edits of `fixes` applied in the order of their first edit, and how many
/// fixes that was; `text` is the text the findings were checked on. A fix with an edit outside
/// the text, inside a character, or over an edit already taken is left out.
pub fn apply_fixes<'f>(text: &str, fixes: impl Iterator<Item = &'f Fix>) -> (String, usize) {
    let mut fixes: Vec<&Fix> = fixes.filter(|fix| !fix.edits.is_empty()).collect();
    crate::sorting::sort_by_key(&mut fixes, |fix| fix.edits.first().map(|e| e.byte_start));
    let (mut out, mut at, mut applied) = (String::with_capacity(text.len()), 0, 0);
    for fix in fixes {
        let fits = fix.edits.iter().try_fold(at, |from, e| {
            (e.byte_start >= from && text.get(e.byte_start..e.byte_end).is_some()).then_some(e.byte_end)
        });
        if fits.is_none() {
            continue;
        }
        for edit in &fix.edits {
            out.push_str(text.get(at..edit.byte_start).unwrap_or_default());
            out.push_str(&edit.content);
            at = edit.byte_end;
        }
        applied += 1;
    }
    out.push_str(text.get(at..).unwrap_or_default());
    (out, applied)
}

/// The `safe` fixes of `findings` (what `hedui check --fix` and the web app's 应用全部安全修改
/// apply).
pub fn safe_fixes(findings: &[Finding]) -> impl Iterator<Item = &Fix> {
    findings.iter().filter_map(|f| f.fix.as_ref()).filter(|fix| fix.applicability == Applicability::Safe)
}

/// What the diagnosis module makes of a document's findings, as a change of the findings
/// checked without it. Indices are into those findings followed by `added`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnosed {
    /// Findings of the review rules (and relations only the diagnosis reads), in order.
    added: Vec<Added>,
    /// Findings that stay as they are, with a fix.
    fixes: Vec<(usize, Fix)>,
    /// Findings that become one finding of a cause.
    causes: Vec<Cause>,
    /// The relation counts checked with the module (the review rules' included).
    counts: Tally,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct Cause {
    /// The findings of the relations it explains, in its order.
    explains: Vec<usize>,
    /// Where it points: of its `at.0`th finding, the location (`at.1` 0) or a related place
    /// (`at.1` j + 1).
    at: (usize, usize),
    text: CauseText,
    fix: Fix,
}

/// A finding as sent: a [`Finding`] without `fix` and `explains` (sent as changes) and without
/// `related_documents`: review rules point within their document (the rules comparing documents
/// are not review rules), and so does a cause.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct Added {
    rule: String,
    severity: Severity,
    category: Category,
    outcome: Outcome,
    text: CauseText,
    derivation: String,
    location: Place,
    related: Vec<Place>,
}

/// A [`FindingLocation`] as sent: no page or source place (the app places findings itself).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct Place {
    line: usize,
    table: Option<String>,
    row: Option<String>,
    column: Option<String>,
    excerpt: String,
    bytes: (usize, usize),
}

/// The [`CheckStats`] counts the review rules add to.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
struct Tally {
    total: Counts,
    lint: Counts,
    by_category: Vec<(Category, Counts)>,
    by_rule: Vec<(String, Counts)>,
    claims: ClaimSummary,
}

impl Diagnosed {
    /// The change from `plain` (checked with `no_diagnosis`) to `diagnosed` (the same
    /// documents checked with the diagnosis and the review rules); `None` when `diagnosed` is
    /// not such a change of `plain` (a cause pointing at none of its findings' places).
    #[cfg(feature = "diagnosis")]
    pub fn between(plain: &DocumentReport, diagnosed: &DocumentReport) -> Option<Diagnosed> {
        let mut change = Diagnosed { counts: Tally::of(&diagnosed.stats), ..Diagnosed::default() };
        let mut taken = vec![false; plain.findings.len()];
        let mut find = |finding: &Finding, added: &mut Vec<Added>| {
            let found = plain.findings.iter().enumerate().position(|(i, f)| {
                !taken[i] && f.rule == finding.rule && f.location == finding.location && f.message == finding.message
            });
            match found {
                Some(index) => {
                    taken[index] = true;
                    index
                }
                None => {
                    added.push(Added::of(finding));
                    plain.findings.len() + added.len() - 1
                }
            }
        };
        for finding in &diagnosed.findings {
            if !finding.is_cause() {
                let index = find(finding, &mut change.added);
                if let Some(fix) = &finding.fix {
                    change.fixes.push((index, fix.clone()));
                }
                continue;
            }
            let explains = finding.explains.iter().map(|part| find(part, &mut change.added)).collect();
            let at = finding.explains.iter().enumerate().find_map(|(k, part)| {
                let j = std::iter::once(&part.location).chain(&part.related).position(|l| *l == finding.location)?;
                Some((k, j))
            })?;
            let text = CauseText {
                message: finding.message.clone(),
                message_en: finding.message_en.clone(),
                stated: finding.stated.clone(),
                expected: finding.expected.clone(),
            };
            change.causes.push(Cause { explains, at, text, fix: finding.fix.clone()? });
        }
        Some(change)
    }

    /// Changes `report` (checked without the diagnosis) as [`Self::between`] found: its
    /// findings, their counts and its score become those of the report checked with the
    /// diagnosis module. Added findings are not placed on pages or in source files.
    pub fn apply(self, report: &mut DocumentReport) {
        let added = self.added.into_iter().map(Added::into_finding);
        let mut slots: Vec<Option<Finding>> =
            std::mem::take(&mut report.findings).into_iter().chain(added).map(Some).collect();
        for (index, fix) in self.fixes {
            if let Some(Some(finding)) = slots.get_mut(index) {
                finding.fix = Some(fix);
            }
        }
        let mut causes = Vec::new();
        for cause in self.causes {
            let place = |(k, j): (usize, usize)| {
                let part = slots.get(*cause.explains.get(k)?)?.as_ref()?;
                std::iter::once(&part.location).chain(&part.related).nth(j).cloned()
            };
            let Some(location) = place(cause.at) else { continue };
            let parts: Vec<Finding> = cause.explains.iter().filter_map(|&i| slots.get_mut(i)?.take()).collect();
            causes.extend(Finding::cause(parts, location, cause.text, cause.fix));
        }
        report.findings = slots.into_iter().flatten().chain(causes).collect();
        Finding::sort_for_report(&mut report.findings);
        self.counts.apply(&mut report.stats);
        report.stats.count_severities(&report.findings);
        report.score = crate::score::score(
            &report.kind,
            report.tables.iter().any(|t| t.form.is_performance()),
            report.stats.table_coverage.as_ref(),
            &report.stats.by_category,
            &report.findings,
        );
        report.summary = crate::check_report::Summary::of(&report.stats, &report.score);
    }
}

impl Added {
    #[cfg(feature = "diagnosis")]
    fn of(finding: &Finding) -> Added {
        Added {
            rule: finding.rule.to_string(),
            severity: finding.severity,
            category: finding.category,
            outcome: finding.outcome,
            text: CauseText {
                message: finding.message.clone(),
                message_en: finding.message_en.clone(),
                stated: finding.stated.clone(),
                expected: finding.expected.clone(),
            },
            derivation: finding.derivation.clone(),
            location: Place::of(&finding.location),
            related: finding.related.iter().map(Place::of).collect(),
        }
    }

    fn into_finding(self) -> Finding {
        Finding {
            rule: interned(&self.rule),
            severity: self.severity,
            category: self.category,
            outcome: self.outcome,
            message: self.text.message,
            message_en: self.text.message_en,
            stated: self.text.stated,
            expected: self.text.expected,
            derivation: self.derivation,
            location: self.location.into_location(),
            related: self.related.into_iter().map(Place::into_location).collect(),
            related_documents: Vec::new(),
            fix: None,
            explains: Vec::new(),
        }
    }
}

impl Place {
    #[cfg(feature = "diagnosis")]
    fn of(location: &FindingLocation) -> Place {
        Place {
            line: location.line,
            table: location.table.map(str::to_string),
            row: location.row.clone(),
            column: location.column.clone(),
            excerpt: location.excerpt.clone(),
            bytes: (location.byte_start, location.byte_end),
        }
    }

    fn into_location(self) -> FindingLocation {
        FindingLocation {
            table: self.table.as_deref().map(interned),
            row: self.row,
            column: self.column,
            ..FindingLocation::text(self.line, self.bytes.0..self.bytes.1, self.excerpt)
        }
    }
}

impl Tally {
    #[cfg(feature = "diagnosis")]
    fn of(stats: &CheckStats) -> Tally {
        Tally {
            total: stats.total,
            lint: stats.lint,
            by_category: stats.by_category.iter().map(|(&category, &counts)| (category, counts)).collect(),
            by_rule: stats.by_rule.iter().map(|(rule, &counts)| (rule.to_string(), counts)).collect(),
            claims: stats.claims,
        }
    }

    fn apply(self, stats: &mut CheckStats) {
        stats.total = self.total;
        stats.lint = self.lint;
        stats.by_category = self.by_category.into_iter().collect();
        stats.by_rule = self.by_rule.into_iter().map(|(rule, counts)| (interned(&rule), counts)).collect();
        stats.claims = self.claims;
    }
}

/// `text` as a `&'static str`, one copy per distinct text (and thread) for the program's life:
/// the rule codes and table names of the findings a diagnosis module adds, which this build's
/// rules and tables may not have (there are a few dozen). A thread's list, not a lock: the web
/// app has one thread, and a lock costs it more code.
fn interned(text: &str) -> &'static str {
    thread_local! {
        static INTERNED: std::cell::RefCell<Vec<&'static str>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    INTERNED.with_borrow_mut(|interned| {
        if let Some(known) = interned.iter().find(|known| **known == text) {
            return *known;
        }
        let leaked: &'static str = Box::leak(text.into());
        interned.push(leaked);
        leaked
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::{Category, Edit, Severity};

    #[test]
    fn fixes_are_applied_in_order_and_those_that_do_not_fit_left_out() {
        let fix = |applicability, edits: &[(usize, usize, &str)]| Fix {
            message: String::new(),
            message_en: String::new(),
            applicability,
            edits: edits
                .iter()
                .map(|&(byte_start, byte_end, content)| Edit { byte_start, byte_end, content: content.to_string() })
                .collect(),
        };
        let finding =
            |fix| Finding { fix: Some(fix), ..Finding::for_test(Category::TableArithmetic, Severity::Error, 1) };
        let text = "合计 290.72，其中 280.72 和 0.00";
        let findings = [
            finding(fix(Applicability::Safe, &[(23, 29, "281.72")])),
            finding(fix(Applicability::Safe, &[(7, 13, "280.72")])),
            // Over an edit already taken, not applied: nor are unsafe and display fixes.
            finding(fix(Applicability::Safe, &[(8, 10, "99")])),
            finding(fix(Applicability::Unsafe, &[(34, 38, "1.00")])),
            finding(fix(Applicability::Display, &[])),
        ];
        assert_eq!(apply_fixes(text, safe_fixes(&findings)), ("合计 280.72，其中 281.72 和 0.00".to_string(), 2));
        // One fix of any kind is applied when asked for.
        assert_eq!(
            apply_fixes(text, [fix(Applicability::Unsafe, &[(34, 38, "1.00")])].iter()).0,
            "合计 290.72，其中 280.72 和 1.00"
        );
        // An edit outside the text, or inside a character, is left out.
        let outside = [fix(Applicability::Safe, &[(1, 2, "x")]), fix(Applicability::Safe, &[(40, 50, "x")])];
        assert_eq!(apply_fixes(text, outside.iter()), (text.to_string(), 0));
    }
}
