//! Running the rules: every relation evaluated is counted (checked / held / rounding /
//! broken, per category) and every one that does not hold becomes a [`Finding`] that
//! shows both sides and the derivation. The report is documented in `docs/report-schema.md`.
//! A document's rules run in [`check_document`], those that compare it with its companions in
//! [`compare`]; [`crate::pipeline`] runs the stages around them.

use std::fmt::Write;

use rust_decimal::Decimal;

use crate::claims::bind::{self, Binding};
use crate::claims::{self, Claim};
use crate::finding::{Category, Severity};
use crate::finding::{CheckStats, Counts, DocumentLocation, Finding, FindingLocation, TableCoverage, Term};
use crate::recognise::meta::DocumentKind;
#[cfg(feature = "diagnosis")]
use crate::relations::{Graph, Kind};
use crate::report::ParseReport;
use crate::rounding::{allowance, display, grouped, judge, judge_at_most, judge_sum, Interval, Outcome};
use crate::rules::{self, RuleInfo};

/// Collects outcomes and findings while rules run.
pub struct Checker<'a> {
    stats: CheckStats,
    /// The counts of the rule counting now (its code and category), added to `stats` when
    /// another rule counts or the check ends: the maps are updated once per rule.
    running: Option<(&'static str, Category, Counts)>,
    findings: Vec<Finding>,
    /// The document's narrative claims, extracted once for all rules that read them.
    claims: &'a [Claim],
    /// The bindings of each of `claims`, bound once.
    bindings: &'a [Vec<Binding<'a, 'a>>],
    companions: &'a [&'a Companion],
    /// Every relation among figures evaluated, for the diagnosis.
    #[cfg(feature = "diagnosis")]
    graph: Graph,
}

// Where figures meet: every computation is checked (rounding.rs), none may overflow.
#[deny(clippy::arithmetic_side_effects)]
impl<'a> Checker<'a> {
    fn new(claims: &'a [Claim], bindings: &'a [Vec<Binding<'a, 'a>>]) -> Self {
        Checker {
            stats: CheckStats::default(),
            running: None,
            findings: Vec::new(),
            claims,
            bindings,
            companions: &[],
            #[cfg(feature = "diagnosis")]
            graph: Graph::default(),
        }
    }

    /// The companions checked together with this document ([`Companion::pairs_with`]).
    pub fn companions(&self) -> &'a [&'a Companion] {
        self.companions
    }

    /// The document's claims.
    pub fn claims(&self) -> &'a [Claim] {
        self.claims
    }

    /// The document's claims, each with the table cells it is bound to ([`bind::bind_all`]).
    pub fn bound_claims(&self) -> impl Iterator<Item = (&'a Claim, &'a [Binding<'a, 'a>])> {
        self.claims.iter().zip(self.bindings.iter().map(Vec::as_slice))
    }

    fn count(&mut self, rule: &RuleInfo, outcome: Outcome) {
        match &mut self.running {
            Some((code, _, counts)) if *code == rule.code => counts.add(outcome),
            _ => {
                self.settle();
                let mut counts = Counts::default();
                counts.add(outcome);
                self.running = Some((rule.code, rule.category, counts));
            }
        }
    }

    /// Adds the running rule's counts to the statistics.
    fn settle(&mut self) {
        let Some((code, category, counts)) = self.running.take() else { return };
        if category == Category::Form {
            self.stats.lint.merge(counts);
        } else {
            self.stats.total.merge(counts);
        }
        self.stats.by_category.entry_or_default(category).merge(counts);
        self.stats.by_rule.entry_or_default(code).merge(counts);
    }

    /// `stated = Σ parts` (a part may be subtracted: `(term, false)`). Not counted when a
    /// figure is beyond `Decimal`'s range (L009 reports such figures).
    pub fn sum(&mut self, rule: &RuleInfo, stated: Term, parts: &[(Term, bool)]) {
        let shown_decimals =
            parts.iter().map(|(term, _)| term.amount.number.decimals).fold(stated.amount.number.decimals, u32::max);
        let Some((computed, outcome)) =
            judge_sum(&stated.amount.number, parts.iter().map(|(term, add)| (&term.amount.number, *add)))
        else {
            return;
        };
        let Some(mid) = computed.mid() else { return };
        let Some(gap) = crate::rounding::sub(stated.amount.number.value, mid) else { return };
        #[cfg(feature = "diagnosis")]
        self.graph.add(
            Kind::Sum,
            std::iter::once((&stated, true)).chain(parts.iter().map(|(term, add)| (term, *add))),
            outcome,
            self.findings.len(),
        );
        self.count(rule, outcome);
        if outcome == Outcome::Held {
            return;
        }
        let mut expression = String::new();
        for (index, (term, add)) in parts.iter().enumerate() {
            let op = match (index, add) {
                (0, true) => "",
                (0, false) => "−",
                (_, true) => " + ",
                (_, false) => " − ",
            };
            let _ = write!(expression, "{op}{}", term.shown());
        }
        // Computed figures are written as the table writes its own: grouped by thousands or not.
        let in_groups = std::iter::once(&stated)
            .chain(parts.iter().map(|(term, _)| term))
            .any(|term| term.amount.raw.contains(','));
        let written = |value| {
            let shown = display(value, shown_decimals);
            if in_groups {
                grouped(&shown)
            } else {
                shown
            }
        };
        let value = written(mid);
        let diff = written(gap);
        let derivation = if parts.len() == 1 {
            format!("{} ≠ {}", stated.shown(), expression)
        } else {
            format!("{} ≠ {} = {value}", stated.shown(), expression)
        };
        let (message, message_en) = if let [(only, _)] = parts {
            (
                format!(
                    "{}：{} 为 {}，而 {} 为 {}（差 {diff}）",
                    rule.title_zh, stated.label, stated.amount.raw, only.label, only.amount.raw
                ),
                format!(
                    "{}: {} is {} but {} is {} (difference {diff})",
                    rule.title_en, stated.label, stated.amount.raw, only.label, only.amount.raw
                ),
            )
        } else {
            (
                format!(
                    "{}：{} 为 {}，各项相加为 {value}（差 {diff}）",
                    rule.title_zh, stated.label, stated.amount.raw
                ),
                format!(
                    "{}: {} is {} but its parts add up to {value} (difference {diff})",
                    rule.title_en, stated.label, stated.amount.raw
                ),
            )
        };
        let related = parts.iter().map(|(term, _)| term.location()).collect();
        self.push(
            rule,
            FindingDraft {
                outcome,
                message,
                message_en,
                stated: Some(stated.amount.raw.clone()),
                expected: Some(value),
                derivation,
                location: stated.location(),
                related,
            },
        );
    }

    /// `stated = other` (the same figure in two places).
    pub fn equal(&mut self, rule: &RuleInfo, stated: Term, other: Term) {
        self.sum(rule, stated, &[(other, true)]);
    }

    /// `stated = other` where `other` is a figure of the companion document `source`.
    pub fn equal_across(&mut self, rule: &RuleInfo, stated: Term, source: &str, other: Term) {
        let before = self.findings.len();
        self.equal(rule, stated, other);
        if let Some(finding) = self.findings.get_mut(before) {
            let related = std::mem::take(&mut finding.related);
            finding.related_documents =
                related.into_iter().map(|location| DocumentLocation { source: source.to_string(), location }).collect();
        }
    }

    /// The relation evaluated last has figures that fit another reading (P008: a split that
    /// adds up to the 全年执行数, not the 全年预算数 it is compared with): the diagnosis says
    /// what a figure would have to be, not that it is a slip to fix.
    pub fn undecided(&mut self) {
        #[cfg(feature = "diagnosis")]
        self.graph.undecided();
    }

    /// The relation evaluated last is left out of the diagnosis: its figures may be of another
    /// scope (P013: a 基础数据表 that counts other funds than 06), so it neither says which
    /// figure is wrong nor keeps one from being fixed; its finding stands as it is.
    pub fn aside(&mut self) {
        #[cfg(feature = "diagnosis")]
        self.graph.aside();
    }

    /// `term`'s figure is right by a requirement that held (P003: a 总分·分值 of 100): the
    /// diagnosis never changes it.
    #[cfg_attr(not(feature = "diagnosis"), allow(unused_variables))]
    pub fn pin(&mut self, term: &Term) {
        #[cfg(feature = "diagnosis")]
        self.graph.pin(term);
    }

    /// The finding pushed last is corrected by writing `content` over its location, when that
    /// is exactly `written` (a lint that knows the replacement: 国有资产经营预算 → 国有资本经营预算);
    /// a `safe` fix.
    #[cfg_attr(not(feature = "diagnosis"), allow(unused_variables))]
    pub fn replace_last(&mut self, written: &str, content: &str) {
        #[cfg(feature = "diagnosis")]
        if let Some(finding) = self.findings.last_mut() {
            let (start, end) = (finding.location.byte_start, finding.location.byte_end);
            if end.checked_sub(start) == Some(written.len()) && finding.location.excerpt.contains(written) {
                let edits =
                    vec![crate::finding::Edit { byte_start: start, byte_end: end, content: content.to_string() }];
                let (message, message_en) = (format!("应改为「{content}」"), format!("should be «{content}»"));
                finding.fix = Some(crate::finding::Fix {
                    message,
                    message_en,
                    applicability: crate::finding::Applicability::Safe,
                    edits,
                });
            }
        }
    }

    /// The relation evaluated last is stated in the words at `at` (`决算数小于年初预算数`),
    /// whose comparison word (大于, 高于, 超过, 小于, 低于, 等于) `right` puts right: the fix when
    /// no figure explains it.
    #[cfg_attr(not(feature = "diagnosis"), allow(unused_variables))]
    pub fn reword(&mut self, at: &crate::model::Location, written: &str, right: &str) {
        #[cfg(feature = "diagnosis")]
        if at.byte_end.checked_sub(at.byte_start) == Some(written.len()) {
            let Some(word) = ["大于", "高于", "超过", "小于", "低于", "等于"].into_iter().find(|w| written.contains(w))
            else {
                return;
            };
            if word != right {
                let content = written.replacen(word, right, 1);
                self.graph.reword(crate::finding::Edit { byte_start: at.byte_start, byte_end: at.byte_end, content });
            }
        }
    }

    /// `part ≤ whole`, allowing for rounding; not counted beyond `Decimal`'s range.
    pub fn at_most(&mut self, rule: &RuleInfo, part: Term, whole: Term) {
        let Some(outcome) = judge_at_most(&part.amount.number, &whole.amount.number) else { return };
        #[cfg(feature = "diagnosis")]
        self.graph.add(Kind::AtMost, [(&part, true), (&whole, true)].into_iter(), outcome, self.findings.len());
        self.count(rule, outcome);
        if outcome == Outcome::Held {
            return;
        }
        let derivation = format!("{} > {}", part.shown(), whole.shown());
        let message = format!(
            "{}：{} 为 {}，超过 {} {}",
            rule.title_zh, part.label, part.amount.raw, whole.label, whole.amount.raw
        );
        let message_en = format!(
            "{}: {} is {}, more than {} {}",
            rule.title_en, part.label, part.amount.raw, whole.label, whole.amount.raw
        );
        let expected = format!("≤ {}", whole.amount.raw);
        self.push(
            rule,
            FindingDraft {
                outcome,
                message,
                message_en,
                stated: Some(part.amount.raw.clone()),
                expected: Some(expected),
                derivation,
                location: part.location(),
                related: vec![whole.location()],
            },
        );
    }

    /// `stated% = 100 · numerator / denominator`; not counted beyond `Decimal`'s range.
    pub fn ratio(&mut self, rule: &RuleInfo, stated: Term, numerator: Term, denominator: Term) {
        let (Some(n), Some(d)) = (Interval::of(&numerator.amount.number), Interval::of(&denominator.amount.number))
        else {
            return;
        };
        let decimals = stated.amount.number.decimals;
        if d.lo <= Decimal::ZERO {
            self.count(rule, Outcome::Broken);
            let derivation = format!("{} = {} ÷ {}：分母为 0", stated.shown(), numerator.shown(), denominator.shown());
            let message =
                format!("{}：{} 的分母 {} 为 0，不能计算百分比", rule.title_zh, stated.label, denominator.label);
            let message_en =
                format!("{}: {} divides by {}, which is 0", rule.title_en, stated.label, denominator.label);
            self.push(
                rule,
                FindingDraft {
                    outcome: Outcome::Broken,
                    message,
                    message_en,
                    stated: Some(stated.amount.raw.clone()),
                    expected: None,
                    derivation,
                    location: stated.location(),
                    related: vec![numerator.location(), denominator.location()],
                },
            );
            return;
        }
        let Some(outcome) = n
            .percent_of(d)
            .and_then(|computed| judge(&stated.amount.number, computed, allowance([&stated.amount.number])))
        else {
            return;
        };
        // The verdict uses intervals; the figure shown is the plain computation from the
        // displayed values (the interval's midpoint is skewed by a coarse denominator).
        let Some(point) = crate::rounding::mul(numerator.amount.number.value, Decimal::ONE_HUNDRED)
            .and_then(|scaled| crate::rounding::div(scaled, denominator.amount.number.value))
        else {
            return;
        };
        self.count(rule, outcome);
        #[cfg(feature = "diagnosis")]
        self.graph.add(
            Kind::Ratio,
            [(&stated, true), (&numerator, true), (&denominator, true)].into_iter(),
            outcome,
            self.findings.len(),
        );
        if outcome == Outcome::Held {
            return;
        }
        let value = format!("{}%", display(point, decimals.max(2)));
        let derivation = format!("{} ≠ {} ÷ {} = {value}", stated.shown(), numerator.shown(), denominator.shown());
        let message = format!(
            "{}：{} 为 {}，按 {} ÷ {} 计算应为 {value}",
            rule.title_zh, stated.label, stated.amount.raw, numerator.label, denominator.label
        );
        let message_en = format!(
            "{}: {} is {} but {} ÷ {} gives {value}",
            rule.title_en, stated.label, stated.amount.raw, numerator.label, denominator.label
        );
        self.push(
            rule,
            FindingDraft {
                outcome,
                message,
                message_en,
                stated: Some(stated.amount.raw.clone()),
                expected: Some(value),
                derivation,
                location: stated.location(),
                related: vec![numerator.location(), denominator.location()],
            },
        );
    }

    /// Records `draft` as a finding of `rule`: a notice when it is a rounding slip, else of the
    /// rule's severity.
    fn push(&mut self, rule: &RuleInfo, draft: FindingDraft) {
        let FindingDraft { outcome, message, message_en, stated, expected, derivation, location, related } = draft;
        let severity = if outcome == Outcome::Rounding { Severity::Notice } else { rule.severity };
        let count = self.stats.by_severity.entry_or_default(severity);
        *count = count.saturating_add(1);
        self.findings.push(Finding {
            rule: rule.code,
            severity,
            category: rule.category,
            outcome,
            message,
            message_en,
            stated,
            expected,
            derivation,
            location,
            related,
            related_documents: Vec::new(),
            #[cfg(feature = "fixes")]
            fix: None,
            #[cfg(feature = "fixes")]
            explains: Vec::new(),
        });
    }

    /// Counts a relation known to hold: it has no finding, so it needs no location.
    pub fn held(&mut self, rule: &RuleInfo) {
        self.count(rule, Outcome::Held);
    }

    /// A requirement that is not arithmetic (a table present, an empty table explained):
    /// counted like any relation, and a finding at `location` when it does not hold.
    pub fn require(
        &mut self,
        rule: &RuleInfo,
        held: bool,
        location: FindingLocation,
        message: String,
        message_en: String,
        derivation: String,
    ) {
        if held {
            self.held(rule);
        } else {
            self.broken(rule, location, Vec::new(), message, message_en, derivation);
        }
    }

    /// A requirement that does not hold, found by comparing the figure at `location` with those
    /// at `related` (N019: a figure of the text that is another table's).
    pub fn broken(
        &mut self,
        rule: &RuleInfo,
        location: FindingLocation,
        related: Vec<FindingLocation>,
        message: String,
        message_en: String,
        derivation: String,
    ) {
        self.count(rule, Outcome::Broken);
        let draft = FindingDraft {
            outcome: Outcome::Broken,
            message,
            message_en,
            stated: None,
            expected: None,
            derivation,
            location,
            related,
        };
        self.push(rule, draft);
    }
}

/// What a relation that did not hold says: a [`Finding`] but for what its rule gives (code,
/// category, severity).
struct FindingDraft {
    outcome: Outcome,
    message: String,
    message_en: String,
    /// The figure as stated, for a relation among figures.
    stated: Option<String>,
    /// What the relation makes it (`1,234.56`, `≤ 26.42`).
    expected: Option<String>,
    derivation: String,
    location: FindingLocation,
    related: Vec<FindingLocation>,
}

/// Which rules a check runs.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CheckOptions {
    /// Only the rules of these categories; `None` runs every rule. Categories left out are
    /// not assessed, so the score's coverage (and grade ceiling) shows the check was partial.
    pub categories: Option<Vec<Category>>,
    /// Without the diagnosis module's part: each broken relation its own finding (no
    /// `explains`, no `fix`) and no review rule ([`RuleInfo::review`]). What the web app reports
    /// before its diagnosis module answers, and what the embed package reports.
    pub no_diagnosis: bool,
}

impl CheckOptions {
    fn runs(&self, rule: &RuleInfo) -> bool {
        self.categories.as_ref().is_none_or(|categories| categories.contains(&rule.category))
            && !(self.no_diagnosis && rule.review)
    }
}

/// What the rules that compare documents (Y) read of a document: what pairs it with others
/// (department, year, kinds) and the figures it states for its department's years. A
/// document is checked against these alone, so a batch keeps them, not the documents.
#[derive(Debug, Clone)]
pub struct Companion {
    pub source: String,
    year: Option<u16>,
    budget: bool,
    accounts: bool,
    /// The department without spaces or a leading province ([`department_key`]).
    department: Option<String>,
    facts: Vec<rules::yearly::Fact>,
}

impl Companion {
    /// The companion side of `document`, whose claims are `claims`.
    pub fn of(document: &ParseReport, claims: &[Claim]) -> Self {
        Companion { facts: rules::yearly::facts(document, claims), ..Companion::pairing(document) }
    }

    /// What pairs `document` with others, without its facts.
    fn pairing(document: &ParseReport) -> Self {
        let kinds = &document.document.kinds;
        Companion {
            source: document.source.clone(),
            year: document.document.year,
            budget: kinds.contains(&DocumentKind::Budget),
            accounts: kinds.contains(&DocumentKind::FinalAccounts),
            department: document.document.department.as_deref().map(department_key),
            facts: Vec::new(),
        }
    }

    /// Whether the Y rules compare the two: the same department and adjacent years, or one
    /// year's budget and accounts. Two versions of one document are not companions.
    pub fn pairs_with(&self, other: &Companion) -> bool {
        let (Some(year_a), Some(year_b)) = (self.year, other.year) else { return false };
        let adjacent = year_a.abs_diff(year_b) == 1 || (year_a == year_b && self.budget != other.budget);
        adjacent && self.department.is_some() && self.department == other.department
    }

    /// The department, compared without spaces or a leading province; no document without
    /// one has companions.
    pub fn department(&self) -> Option<&str> {
        self.department.as_deref()
    }

    /// Whether the document is a 部门决算.
    pub(crate) fn is_accounts(&self) -> bool {
        self.accounts
    }

    /// The facts the document states ([`rules::yearly::facts`]).
    pub(crate) fn facts(&self) -> &[rules::yearly::Fact] {
        &self.facts
    }
}

/// Each companion's companions, as indices, by comparing every two (a batch of thousands
/// groups them by [`Companion::department`] first, as the CLI does).
pub fn pair(companions: &[Companion]) -> Vec<Vec<usize>> {
    companions
        .iter()
        .enumerate()
        .map(|(a, own)| {
            companions
                .iter()
                .enumerate()
                .filter(|&(b, other)| b != a && own.pairs_with(other))
                .map(|(b, _)| b)
                .collect()
        })
        .collect()
}

/// Whether two documents are companions whose figures the Y rules compare
/// ([`Companion::pairs_with`]): the same department (names compared without spaces or a
/// leading province: `湖南省怀化市…` and `怀化市…` are one department) and adjacent years, or
/// one year's budget and accounts.
pub fn are_companions(a: &ParseReport, b: &ParseReport) -> bool {
    Companion::pairing(a).pairs_with(&Companion::pairing(b))
}

/// A department's name as names are compared: without spaces or a leading province.
pub(crate) fn department_key(name: &str) -> String {
    let compact: String = name.chars().filter(|c| !c.is_whitespace()).collect();
    match compact.split_once('省') {
        Some((province, rest)) if province.chars().count() <= 4 && !rest.is_empty() => rest.to_string(),
        _ => compact,
    }
}

/// What the rules found in a document before it is compared with its companions: the counts
/// of the relations they evaluated, the findings of those that did not hold and (feature
/// `diagnosis`) every relation, for the diagnosis.
pub struct Checked {
    pub stats: CheckStats,
    pub findings: Vec<Finding>,
    #[cfg(feature = "diagnosis")]
    pub relations: Graph,
}

/// Checks one parsed document with the rules `options` select, but for the comparisons with
/// its companions ([`compare`]); the document's companion side is returned with what they found.
pub fn check_document(document: &ParseReport, options: &CheckOptions) -> (Checked, Companion) {
    let claims = claims::extract(document);
    let bindings = bind::bind_all(document, &claims);
    let mut checker = Checker::new(&claims, &bindings);
    for rule in rules::all().iter().filter(|rule| options.runs(rule.info())) {
        rule.check(document, &mut checker);
    }
    checker.settle();
    checker.stats.claims = claims::summary(&claims, &bindings);
    checker.stats.table_coverage = TableCoverage::of(
        &document.document.kinds,
        &document.tables,
        document.coverage.tables_seen,
        &document.coverage.tables_without_columns,
    );
    let checked = Checked {
        stats: checker.stats,
        findings: checker.findings,
        #[cfg(feature = "diagnosis")]
        relations: checker.graph,
    };
    (checked, Companion::of(document, &claims))
}

/// Compares a [`check_document`]-checked document (`own`) with its companions: the rules that
/// compare years (Y) add their counts to `stats` and their findings to `findings`.
pub fn compare(
    own: &Companion,
    companions: &[&Companion],
    options: &CheckOptions,
    stats: CheckStats,
    findings: Vec<Finding>,
) -> (CheckStats, Vec<Finding>) {
    let mut checker = Checker { stats, findings, companions, ..Checker::new(&[], &[]) };
    for rule in rules::all().iter().filter(|rule| options.runs(rule.info())) {
        rule.compare(own, &mut checker);
    }
    checker.settle();
    (checker.stats, checker.findings)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::amount::parse_number;
    use crate::claims::term;
    use crate::model::{Amount, Location};

    fn vehicles(text: &str) -> Amount {
        let number = parse_number(text).unwrap().exactly();
        Amount {
            number,
            raw: format!("{text}辆"),
            at: Location { line: 1, line_end: 1, column: 0, byte_start: 0, byte_end: 0 },
        }
    }

    #[test]
    fn exact_counts_hold_when_equal_and_are_broken_by_one() {
        let rule = rules::all().iter().map(|rule| rule.info()).find(|info| info.code == "N006").unwrap();
        let (two, three, four) = (vehicles("2"), vehicles("3"), vehicles("4"));
        let mut checker = Checker::new(&[], &[]);
        checker.at_most(rule, term("机要通信用车", &three), term("共有车辆", &three));
        checker.sum(
            rule,
            term("共有车辆", &three),
            &[(term("机要通信用车", &two), true), (term("其他用车", &two), true)],
        );
        checker.at_most(rule, term("机要通信用车", &four), term("共有车辆", &three));
        checker.settle();
        let outcomes: Vec<Outcome> = checker.findings.iter().map(|f| f.outcome).collect();
        assert_eq!(outcomes, [Outcome::Broken, Outcome::Broken]);
        assert_eq!(checker.findings[0].message, "文中分项之和与总额不符：共有车辆 为 3辆，各项相加为 4（差 -1）");
        assert_eq!((checker.stats.total.checked, checker.stats.total.held), (3, 1));
    }

    #[test]
    fn departments_match_without_spaces_or_a_leading_province() {
        assert_eq!(department_key("湖南省怀化市人民政府驻北京联络处"), department_key("怀化市人民政府 驻北京联络处"));
        assert_eq!(department_key("湖南省"), "湖南省");
        assert_ne!(department_key("株洲市人民政府办公室"), department_key("株洲市人民政府驻北京联络处"));
    }
}
