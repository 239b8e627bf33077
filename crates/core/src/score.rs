//! The quality score (DOMAIN.md §10): a transparent, deterministic 0–100 score and grade per
//! document. The model is documented in `docs/scoring.md`; every point lost is a
//! [`Deduction`] that names the finding that cost it.

use serde::Serialize;

use crate::check::{Counts, Finding};
use crate::recognise::meta::DocumentKind;
use crate::rules::{Category, Severity};

/// Each category's weight in the overall score (they add up to 100).
pub const WEIGHTS: [(Category, u32); 6] =
    [(Category::Completeness, 10), (Category::TableArithmetic, 25), (Category::CrossTable, 20), (Category::Narrative, 20), (Category::Performance, 15), (Category::Form, 10)];
/// Points a finding costs its category.
pub fn penalty(severity: Severity) -> u32 {
    match severity {
        Severity::Error => 10,
        Severity::Warning => 4,
        Severity::Notice => 1,
    }
}

/// The score of one document.
#[derive(Debug, Clone, Serialize)]
pub struct Score {
    /// 0–100, one decimal: the weighted mean of the assessed categories; `None` when no
    /// category could be assessed (nothing to score, which is not the same as a bad score).
    pub value: Option<f64>,
    pub grade: Option<Grade>,
    /// Share (0–100) of the applicable categories' weight that could be assessed.
    pub coverage: u32,
    /// Whether the grade was lowered because too little could be checked.
    pub grade_capped_by_coverage: bool,
    pub categories: Vec<CategoryScore>,
}

/// 优 ≥ 90, 良 80–89.9, 中 60–79.9, 差 < 60 (财政部 grades).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Grade {
    Excellent,
    Good,
    Fair,
    Poor,
}

impl Grade {
    fn of(tenths: u32) -> Self {
        match tenths {
            900.. => Grade::Excellent,
            800.. => Grade::Good,
            600.. => Grade::Fair,
            _ => Grade::Poor,
        }
    }

    pub fn zh(self) -> &'static str {
        match self {
            Grade::Excellent => "优",
            Grade::Good => "良",
            Grade::Fair => "中",
            Grade::Poor => "差",
        }
    }

    pub fn en(self) -> &'static str {
        match self {
            Grade::Excellent => "excellent",
            Grade::Good => "good",
            Grade::Fair => "fair",
            Grade::Poor => "poor",
        }
    }
}

/// One category's part of the score.
#[derive(Debug, Clone, Serialize)]
pub struct CategoryScore {
    pub category: Category,
    pub weight: u32,
    /// Whether the category applies to this kind of document.
    pub applicable: bool,
    /// Whether any of its relations could be evaluated; unassessed categories do not enter
    /// the mean but lower the coverage.
    pub assessed: bool,
    pub counts: Counts,
    /// 100 minus the deductions, at least 0; `None` when not assessed.
    pub score: Option<u32>,
    pub deductions: Vec<Deduction>,
}

/// Points lost to one finding.
#[derive(Debug, Clone, Serialize)]
pub struct Deduction {
    pub rule: &'static str,
    pub line: usize,
    pub severity: Severity,
    pub points: u32,
}

/// Which categories can be assessed for a document of these kinds.
fn applicable(category: Category, kinds: &[DocumentKind], has_performance_tables: bool) -> bool {
    match category {
        Category::Completeness | Category::TableArithmetic | Category::CrossTable => kinds.contains(&DocumentKind::FinalAccounts),
        Category::Performance => kinds.contains(&DocumentKind::PerformanceSelfEvaluation) || has_performance_tables,
        Category::Narrative | Category::Form => true,
    }
}

/// Scores a document from its relation counts and findings.
pub fn score(kinds: &[DocumentKind], has_performance_tables: bool, by_category: &std::collections::BTreeMap<Category, Counts>, findings: &[Finding]) -> Score {
    let categories: Vec<CategoryScore> = WEIGHTS
        .iter()
        .map(|&(category, weight)| {
            let counts = by_category.get(&category).copied().unwrap_or_default();
            let deductions: Vec<Deduction> = findings
                .iter()
                .filter(|f| f.category == category)
                .map(|f| Deduction { rule: f.rule, line: f.location.line, severity: f.severity, points: penalty(f.severity) })
                .collect();
            let assessed = counts.checked > 0;
            let lost: u32 = deductions.iter().map(|d| d.points).sum();
            CategoryScore {
                category,
                weight,
                applicable: applicable(category, kinds, has_performance_tables),
                assessed,
                counts,
                score: assessed.then(|| 100u32.saturating_sub(lost)),
                deductions,
            }
        })
        .collect();
    let assessed_weight: u32 = categories.iter().filter(|c| c.assessed).map(|c| c.weight).sum();
    let applicable_weight: u32 = categories.iter().filter(|c| c.applicable || c.assessed).map(|c| c.weight).sum();
    let weighted: u32 = categories.iter().filter_map(|c| c.score.map(|s| s * c.weight)).sum();
    let coverage = (assessed_weight * 100).checked_div(applicable_weight).unwrap_or(0);
    if assessed_weight == 0 {
        return Score { value: None, grade: None, coverage, grade_capped_by_coverage: false, categories };
    }
    // Tenths of a point, rounded half up, in integers: the same on every platform.
    let tenths = (weighted * 10 * 2 + assessed_weight) / (2 * assessed_weight);
    let earned = Grade::of(tenths);
    let ceiling = match coverage {
        80.. => Grade::Excellent,
        60.. => Grade::Good,
        _ => Grade::Fair,
    };
    let grade = earned.max(ceiling);
    Score { value: Some(f64::from(tenths) / 10.0), grade: Some(grade), coverage, grade_capped_by_coverage: grade != earned, categories }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;
    use crate::check::FindingLocation;
    use crate::rounding::Outcome;

    fn counts(checked: usize, broken: usize) -> Counts {
        Counts { checked, held: checked - broken, rounding: 0, broken }
    }

    fn finding(category: Category, severity: Severity, line: usize) -> Finding {
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
            location: FindingLocation { line, table: None, row: None, column: None, excerpt: String::new(), byte_start: 0, byte_end: 0 },
            related: Vec::new(),
            related_documents: Vec::new(),
        }
    }

    const FINAL: [DocumentKind; 1] = [DocumentKind::FinalAccounts];

    fn category(score: &Score, category: Category) -> &CategoryScore {
        score.categories.iter().find(|c| c.category == category).unwrap()
    }

    #[test]
    fn weights_add_up_to_100() {
        assert_eq!(WEIGHTS.iter().map(|(_, w)| w).sum::<u32>(), 100);
    }

    #[test]
    fn every_point_lost_is_a_deduction_for_a_finding() {
        let by_category = BTreeMap::from([(Category::TableArithmetic, counts(50, 2)), (Category::CrossTable, counts(20, 0))]);
        let findings = [finding(Category::TableArithmetic, Severity::Error, 7), finding(Category::TableArithmetic, Severity::Notice, 9)];
        let s = score(&FINAL, false, &by_category, &findings);
        let table = category(&s, Category::TableArithmetic);
        assert_eq!(table.score, Some(89));
        assert_eq!(table.deductions.iter().map(|d| (d.line, d.points)).collect::<Vec<_>>(), vec![(7, 10), (9, 1)]);
        // (89·25 + 100·20) / 45 = 93.88…
        assert_eq!(s.value, Some(93.9));
        // Completeness, narrative and wording were not assessed: 45 of the applicable 85.
        assert_eq!(s.coverage, 52);
        assert_eq!(s.grade, Some(Grade::Fair));
    }

    #[test]
    fn a_document_where_little_was_checked_is_not_called_excellent() {
        let by_category = BTreeMap::from([(Category::TableArithmetic, counts(50, 0))]);
        let s = score(&[DocumentKind::FinalAccounts, DocumentKind::PerformanceSelfEvaluation], false, &by_category, &[]);
        assert_eq!(s.value, Some(100.0));
        // Table arithmetic only: 25 of the applicable 100.
        assert_eq!(s.coverage, 25);
        assert_eq!(s.grade, Some(Grade::Fair));
        assert!(s.grade_capped_by_coverage);
    }

    #[test]
    fn nothing_assessed_means_no_score_rather_than_a_bad_one() {
        let s = score(&[DocumentKind::Budget], false, &BTreeMap::new(), &[]);
        assert_eq!((s.value, s.grade), (None, None));
    }

    #[test]
    fn many_errors_floor_a_category_at_zero() {
        let by_category = BTreeMap::from([(Category::TableArithmetic, counts(50, 12)), (Category::CrossTable, counts(20, 0))]);
        let findings: Vec<Finding> = (0..12).map(|line| finding(Category::TableArithmetic, Severity::Error, line)).collect();
        let s = score(&FINAL, false, &by_category, &findings);
        assert_eq!(category(&s, Category::TableArithmetic).score, Some(0));
        // (0·25 + 100·20) / 45 = 44.44…
        assert_eq!(s.value, Some(44.4));
        assert_eq!(s.grade, Some(Grade::Poor));
    }
}
