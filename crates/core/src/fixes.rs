//! Fixes applied to the checked text, and the diagnosis as a change of a report checked
//! without it (feature `fixes`). The web app checks without [`crate::diagnosis`] (its solver
//! is in a module the app fetches when a document has broken relations, to keep the app within
//! its size budget): that module sends a [`Diagnosed`] of each document, computed by
//! [`Diagnosed::between`] the report checked without the diagnosis and with it, and
//! [`Diagnosed::apply`] turns the first into the second.

use serde::{Deserialize, Serialize};

use crate::check_report::DocumentReport;
use crate::finding::{Applicability, CauseText, Finding, Fix};

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

/// What the diagnosis makes of a document's findings, as a change of the findings checked
/// without it (indices into them).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnosed {
    /// Findings that stay as they are, with a fix.
    fixes: Vec<(usize, Fix)>,
    /// Findings that become one finding of a cause.
    causes: Vec<Cause>,
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

impl Diagnosed {
    /// The change from `plain` (checked with `no_diagnosis`) to `diagnosed` (the same
    /// documents checked with the diagnosis); `None` when `diagnosed` is not such a change of
    /// `plain` (a finding not found in it).
    #[cfg(feature = "diagnosis")]
    pub fn between(plain: &DocumentReport, diagnosed: &DocumentReport) -> Option<Diagnosed> {
        let mut taken = vec![false; plain.findings.len()];
        let mut find = |finding: &Finding| {
            let index = plain.findings.iter().enumerate().position(|(i, f)| {
                taken.get(i) == Some(&false)
                    && f.rule == finding.rule
                    && f.location == finding.location
                    && f.message == finding.message
            })?;
            *taken.get_mut(index)? = true;
            Some(index)
        };
        let mut change = Diagnosed::default();
        for finding in &diagnosed.findings {
            if !finding.is_cause() {
                let index = find(finding)?;
                if let Some(fix) = &finding.fix {
                    change.fixes.push((index, fix.clone()));
                }
                continue;
            }
            let explains = finding.explains.iter().map(&mut find).collect::<Option<Vec<usize>>>()?;
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
    /// findings, their counts by severity and its score become those of the report checked with
    /// the diagnosis.
    pub fn apply(self, report: &mut DocumentReport) {
        let mut slots: Vec<Option<Finding>> = std::mem::take(&mut report.findings).into_iter().map(Some).collect();
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
        report.stats.count_severities(&report.findings);
        report.score = crate::score::score(
            &report.kind,
            report.tables.iter().any(|t| t.form.is_performance()),
            report.stats.table_coverage.as_ref(),
            &report.stats.by_category,
            &report.findings,
        );
    }
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
