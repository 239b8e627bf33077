//! The quality score (docs/domain.md §10): a transparent, deterministic 0–100 score and grade per
//! document. The model is documented in `docs/scoring.md`; every point lost is a
//! [`Deduction`] that names the finding that cost it.

use serde::Serialize;

use crate::finding::{Category, Severity};
use crate::finding::{Counts, Finding, TableCoverage};
use crate::recognise::meta::DocumentKind;

/// Each category's weight in the overall score (they add up to 100).
pub const WEIGHTS: [(Category, u32); 6] = [
    (Category::Completeness, 10),
    (Category::TableArithmetic, 25),
    (Category::CrossTable, 20),
    (Category::Narrative, 20),
    (Category::Performance, 15),
    (Category::Form, 10),
];
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
    /// category could be assessed (nothing to score, which is not the same as a bad score),
    /// or when the document is a 部门决算 none of whose tables was recognised (its wording
    /// and narrative alone would make a read document of an unread one).
    pub value: Option<f64>,
    pub grade: Option<Grade>,
    /// Share (0–100) of the applicable categories' weight that could be assessed; of a
    /// 部门决算, 表内勾稽 and 表间勾稽 count for the share of its nine tables recognised.
    pub coverage: u32,
    /// Whether the grade was lowered because too little could be checked.
    pub grade_capped_by_coverage: bool,
    pub categories: Vec<CategoryScore>,
}

/// A score as shown (`87.5`), without pulling float formatting into the wasm modules.
pub fn one_decimal(value: f64) -> String {
    let tenths = (value * 10.0).round() as i64;
    format!("{}.{}", tenths / 10, tenths % 10)
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

/// Which categories can be assessed for a document of these kinds (`tables_required`: it has
/// a [`TableCoverage`], a 决算 or a budget with tables).
fn applicable(category: Category, kinds: &[DocumentKind], has_performance_tables: bool, tables_required: bool) -> bool {
    match category {
        Category::Completeness | Category::TableArithmetic | Category::CrossTable => {
            kinds.contains(&DocumentKind::FinalAccounts) || tables_required
        }
        Category::Performance => kinds.contains(&DocumentKind::PerformanceSelfEvaluation) || has_performance_tables,
        Category::Narrative | Category::Form => true,
    }
}

/// Scores a document from its relation counts and findings; `tables` are the tables it
/// requires and how many were recognised ([`TableCoverage::of`]).
pub fn score(
    kinds: &[DocumentKind],
    has_performance_tables: bool,
    tables: Option<&TableCoverage>,
    by_category: &crate::sorted_map::SortedMap<Category, Counts>,
    findings: &[Finding],
) -> Score {
    let categories: Vec<CategoryScore> = WEIGHTS
        .iter()
        .map(|&(category, weight)| {
            let counts = by_category.get(&category).copied().unwrap_or_default();
            let deductions: Vec<Deduction> = findings
                .iter()
                .flat_map(Finding::relations)
                .filter(|f| f.category == category)
                .map(|f| Deduction {
                    rule: f.rule,
                    line: f.location.line,
                    severity: f.severity,
                    points: penalty(f.severity),
                })
                .collect();
            let assessed = counts.checked > 0;
            let lost: u32 = deductions.iter().map(|d| d.points).sum();
            CategoryScore {
                category,
                weight,
                applicable: applicable(category, kinds, has_performance_tables, tables.is_some()),
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
    // The table categories of a 决算 were assessed on the tables read only: they count for
    // that share of their weight (in `expected`ths, to stay in integers).
    let (read, expected) = tables.map_or((1, 1), |t| (t.recognised as u32, t.expected as u32));
    let assessed_share: u32 = categories
        .iter()
        .filter(|c| c.assessed)
        .map(|c| {
            c.weight
                * if matches!(c.category, Category::TableArithmetic | Category::CrossTable) { read } else { expected }
        })
        .sum();
    let coverage = (assessed_share * 100).checked_div(applicable_weight * expected).unwrap_or(0);
    if assessed_weight == 0 || tables.is_some_and(TableCoverage::none_read) {
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
    Score {
        value: Some(f64::from(tenths) / 10.0),
        grade: Some(grade),
        coverage,
        grade_capped_by_coverage: grade != earned,
        categories,
    }
}

#[cfg(test)]
mod tests {
    use crate::sorted_map::SortedMap;

    use super::*;

    fn counts(checked: usize, broken: usize) -> Counts {
        Counts { checked, held: checked - broken, rounding: 0, broken }
    }

    fn finding(category: Category, severity: Severity, line: usize) -> Finding {
        Finding::for_test(category, severity, line)
    }

    const FINAL: [DocumentKind; 1] = [DocumentKind::FinalAccounts];

    /// The nine 决算 tables, the first `read` of them recognised.
    fn tables_read(read: usize) -> TableCoverage {
        let missing = crate::recognise::Form::FINAL_ACCOUNTS[read..]
            .iter()
            .map(|&form| crate::finding::MissingTable { form, form_name: form.name() })
            .collect();
        TableCoverage { expected: 9, recognised: read, missing, columns_lost: Vec::new() }
    }

    fn all_read() -> TableCoverage {
        tables_read(9)
    }

    fn category(score: &Score, category: Category) -> &CategoryScore {
        score.categories.iter().find(|c| c.category == category).unwrap()
    }

    #[test]
    fn weights_add_up_to_100() {
        assert_eq!(WEIGHTS.iter().map(|(_, w)| w).sum::<u32>(), 100);
    }

    #[test]
    fn every_point_lost_is_a_deduction_for_a_finding() {
        let by_category =
            SortedMap::from([(Category::TableArithmetic, counts(50, 2)), (Category::CrossTable, counts(20, 0))]);
        let findings = [
            finding(Category::TableArithmetic, Severity::Error, 7),
            finding(Category::TableArithmetic, Severity::Notice, 9),
        ];
        let s = score(&FINAL, false, Some(&all_read()), &by_category, &findings);
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
        let by_category = SortedMap::from([(Category::TableArithmetic, counts(50, 0))]);
        let s = score(
            &[DocumentKind::FinalAccounts, DocumentKind::PerformanceSelfEvaluation],
            false,
            Some(&all_read()),
            &by_category,
            &[],
        );
        assert_eq!(s.value, Some(100.0));
        // Table arithmetic only: 25 of the applicable 100.
        assert_eq!(s.coverage, 25);
        assert_eq!(s.grade, Some(Grade::Fair));
        assert!(s.grade_capped_by_coverage);
    }

    #[test]
    fn nothing_assessed_means_no_score_rather_than_a_bad_one() {
        let s = score(&[DocumentKind::Budget], false, None, &SortedMap::new(), &[]);
        assert_eq!((s.value, s.grade), (None, None));
    }

    #[test]
    fn a_final_accounts_document_whose_tables_were_not_read_is_not_scored() {
        // What a 决算 pasted as text whose tables no reader took gets: its wording and a few
        // narrative relations all hold.
        let by_category = SortedMap::from([
            (Category::Form, counts(965, 0)),
            (Category::Narrative, counts(18, 0)),
            (Category::Completeness, counts(9, 0)),
        ]);
        let s = score(&FINAL, false, Some(&tables_read(0)), &by_category, &[]);
        assert_eq!((s.value, s.grade), (None, None));
        // Completeness, narrative and wording: 40 of the applicable 85.
        assert_eq!(s.coverage, 47);
        // The same counts with every table read would have scored 100.
        assert_eq!(score(&FINAL, false, Some(&all_read()), &by_category, &[]).value, Some(100.0));
    }

    #[test]
    fn the_table_categories_count_for_the_share_of_tables_read() {
        let by_category = SortedMap::from([
            (Category::TableArithmetic, counts(30, 0)),
            (Category::CrossTable, counts(5, 0)),
            (Category::Completeness, counts(9, 0)),
            (Category::Narrative, counts(20, 0)),
            (Category::Form, counts(500, 0)),
        ]);
        let full = score(&FINAL, false, Some(&all_read()), &by_category, &[]);
        assert_eq!((full.value, full.coverage, full.grade), (Some(100.0), 100, Some(Grade::Excellent)));
        // 3 of 9 tables: (10 + 20 + 10 + 45·3/9) / 85 = 64%, so at most 良.
        let partial = score(&FINAL, false, Some(&tables_read(3)), &by_category, &[]);
        assert_eq!((partial.value, partial.coverage, partial.grade), (Some(100.0), 64, Some(Grade::Good)));
        assert!(partial.grade_capped_by_coverage);
        // 1 of 9: (40 + 5) / 85 = 52%, at most 中.
        let one = score(&FINAL, false, Some(&tables_read(1)), &by_category, &[]);
        assert_eq!((one.coverage, one.grade), (52, Some(Grade::Fair)));
    }

    #[test]
    fn many_errors_floor_a_category_at_zero() {
        let by_category =
            SortedMap::from([(Category::TableArithmetic, counts(50, 12)), (Category::CrossTable, counts(20, 0))]);
        let findings: Vec<Finding> =
            (0..12).map(|line| finding(Category::TableArithmetic, Severity::Error, line)).collect();
        let s = score(&FINAL, false, Some(&all_read()), &by_category, &findings);
        assert_eq!(category(&s, Category::TableArithmetic).score, Some(0));
        // (0·25 + 100·20) / 45 = 44.44…
        assert_eq!(s.value, Some(44.4));
        assert_eq!(s.grade, Some(Grade::Poor));
    }
}
