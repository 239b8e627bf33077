//! Claims: what the prose says about the figures (docs/domain.md §5, §6, §8).
//!
//! Every sentence of the narrative, the 绩效 report and the budget explanation is read for
//! typed claims — an amount, a share, a change, a completion rate, parts of a whole, a
//! count, a score — each keeping the exact place of every figure it rests on. Claims are
//! then bound to table cells by their labels ([`bind`]), never by their numbers, so that a
//! claim that matches no cell stays visible as unbound.

pub mod bind;
mod extract;
mod figures;
mod text;

use rust_decimal::Decimal;
use serde::Serialize;

use crate::amount::Number;
use crate::finding::{ClaimSummary, Term};
use crate::ingest::Span;
use crate::model::{Amount, Location};
use crate::report::ParseReport;

pub use extract::{extract, internally_checkable};
pub(crate) use extract::{DECREASE, INCREASE};

/// What a figure in running text is counted in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FigureUnit {
    /// 元.
    Yuan,
    /// 万元.
    TenThousandYuan,
    /// 亿元.
    HundredMillionYuan,
    /// `%`.
    Percent,
    /// 分 (a score).
    Points,
    /// 个, 人次, 辆, 批次 … (the unit as written is kept in [`Figure::unit_text`]).
    Count,
}

/// A number in a sentence with its unit, the words before it and its exact place.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Figure {
    pub number: Number,
    pub unit: FigureUnit,
    /// The unit as written (`万元`, `人次`, `辆`, `%`).
    pub unit_text: String,
    /// Number and unit as written (`9.71万元`).
    pub raw: String,
    /// The words before the figure in its clause (`公务接待费支出预算为`).
    pub label: String,
    /// Line and byte range of number and unit in the input.
    pub at: Location,
}

#[deny(clippy::arithmetic_side_effects)]
impl Figure {
    /// Whether the figure is an amount of money.
    pub fn is_money(&self) -> bool {
        matches!(self.unit, FigureUnit::Yuan | FigureUnit::TenThousandYuan | FigureUnit::HundredMillionYuan)
    }

    /// The figure as an [`Amount`] comparable with table cells: money in 万元 (`26.53元` is
    /// 0.002653 万元 shown with 6 decimals), counts as exact (`3辆` is not anything from 2.5
    /// to 3.5), anything else as displayed. `None`
    /// for 亿元 figures too coarse to be stated in 万元 without inventing precision (and any
    /// beyond `Decimal`'s range).
    pub fn amount(&self) -> Option<Amount> {
        let ten_thousand = Decimal::from(10_000);
        let number = match self.unit {
            FigureUnit::Yuan => Number {
                value: crate::rounding::div(self.number.value, ten_thousand)?,
                decimals: self.number.decimals.checked_add(4)?,
                ..self.number
            },
            FigureUnit::HundredMillionYuan => {
                let decimals = self.number.decimals.checked_sub(4)?;
                Number { value: crate::rounding::mul(self.number.value, ten_thousand)?, decimals, ..self.number }
            }
            FigureUnit::Count => self.number.exactly(),
            _ => self.number,
        };
        Some(Amount { number, raw: self.raw.clone(), at: self.at })
    }

    /// The label's last part, naming the figure in messages (`其中：基本支出` → `基本支出`).
    pub fn name(&self) -> &str {
        let name = self.label.rsplit(['：', ':']).next().unwrap_or_default().trim_end_matches(['为', '是']);
        if name.is_empty() {
            self.label.as_str()
        } else {
            name
        }
    }

    /// Whether the figure is zero.
    pub fn is_zero(&self) -> bool {
        self.number.value.is_zero()
    }
}

/// A claim's figure as a term of a relation, named `label` in messages.
pub fn term(label: impl Into<String>, amount: &Amount) -> Term<'_> {
    Term { label: label.into(), amount, table: None, row: None, column: None }
}

/// A figure the text implies but does not state (`上年数 = 280.72 + 116.72`), computed from
/// `sources` and located at `at`: taken to the coarsest of their precisions, exact when they all are.
pub fn derived<'a>(value: Decimal, sources: impl IntoIterator<Item = &'a Number>, at: Location) -> Amount {
    let (mut decimals, mut exact) = (None::<u32>, true);
    for source in sources {
        decimals = Some(decimals.map_or(source.decimals, |d| d.min(source.decimals)));
        exact &= source.exact;
    }
    Amount {
        number: Number { value, decimals: decimals.unwrap_or(0), percent: false, exact },
        raw: value.normalize().to_string(),
        at,
    }
}

/// Which way a change goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// 增加, 增长, 上升.
    Increase,
    /// 减少, 下降, 降低, 压减.
    Decrease,
}

/// What a change is measured against.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeBasis {
    /// 与上年相比, 比上年决算数.
    PriorYear,
    /// 比年初预算数.
    Budget,
}

/// The comparison word of a completion sentence: 决算数大于/小于/等于年初预算数, 决算数与全年预算数持平.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Comparison {
    Greater,
    Less,
    Equal,
}

/// A stated comparison word with its place.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StatedComparison {
    pub comparison: Comparison,
    /// The words as written (`决算数小于年初预算数`).
    pub raw: String,
    pub at: Location,
}

/// Whom a score speaks about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "of", content = "name", rename_all = "snake_case")]
pub enum ScoreSubject {
    /// The department's 整体支出.
    Overall,
    /// A named project (`党史及地方志工作经费`).
    Project(String),
}

/// The typed content of a claim.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "shape", rename_all = "snake_case")]
pub enum ClaimKind {
    /// `基本支出211.6万元`: a sum of money named by its subject.
    Amount { subject: String, figure: Figure },
    /// `人员经费35.2万元，占基本支出的16.64%`. `whole` is the figure the sentence or its
    /// section names as the base; when the text names a base it does not state
    /// (`占本年支出合计的…`), `whole` is `None` and `whole_label` says what it is.
    Share { part: Figure, whole: Option<Figure>, whole_label: String, percent: Figure },
    /// `与上年相比，减少116.72万元，减少29.37%`. `current` is this year's figure the change
    /// speaks about (the sentence's subject, or the amount just before it).
    Change {
        subject: String,
        basis: ChangeBasis,
        direction: Direction,
        delta: Figure,
        rate: Option<Figure>,
        current: Option<Figure>,
    },
    /// `年初预算为235.26万元，支出决算为211.6万元，完成年初预算的89.95%，决算数小于年初预算数`.
    Completion {
        subject: String,
        budget: Figure,
        actual: Figure,
        percent: Option<Figure>,
        comparison: Option<StatedComparison>,
    },
    /// `2023年当年预算执行数为711.34万元，2024年预算安排738.66万元，比2023年预算执行数增加3.84%`:
    /// a figure against the one it is measured from, both stated. `direction` is `None` for
    /// `持平` (no rate stated).
    Growth { base: Figure, current: Figure, direction: Option<Direction>, rate: Option<Figure> },
    /// `共有车辆3辆，其中，…0辆，…2辆、…1辆`: parts listed under a whole. `complete` is
    /// false when the list ends with 等.
    Parts { whole: Figure, parts: Vec<Figure>, complete: bool },
    /// `团组68个`, `公务用车保有量为3辆`.
    Count { subject: String, figure: Figure },
    /// `绩效自评得分99.5分，评价等级为“优”`.
    Score { subject: ScoreSubject, score: Option<Figure>, grade: Option<String>, grade_at: Option<Location> },
}

/// One claim with where it was read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Claim {
    #[serde(flatten)]
    pub kind: ClaimKind,
    /// The heading of the section it was read in.
    pub section: String,
    /// The 类/款/项 line the claim follows in 五(三) (`1、一般公共服务支出（类）…（项）。`).
    pub context: Option<String>,
    /// From the start of the claim's first clause to the end of its last figure.
    pub span: Span,
}

impl Claim {
    /// The claim's figures, in reading order.
    pub fn figures(&self) -> Vec<&Figure> {
        let mut out: Vec<&Figure> = match &self.kind {
            ClaimKind::Amount { figure, .. } | ClaimKind::Count { figure, .. } => vec![figure],
            ClaimKind::Share { part, whole, percent, .. } => whole.iter().chain([part, percent]).collect(),
            ClaimKind::Change { delta, rate, current, .. } => current.iter().chain([delta]).chain(rate).collect(),
            ClaimKind::Completion { budget, actual, percent, .. } => {
                [budget, actual].into_iter().chain(percent).collect()
            }
            ClaimKind::Growth { base, current, rate, .. } => [base, current].into_iter().chain(rate).collect(),
            ClaimKind::Parts { whole, parts, .. } => std::iter::once(whole).chain(parts).collect(),
            ClaimKind::Score { score, .. } => score.iter().collect(),
        };
        crate::sorting::sort_by_key(&mut out, |f| f.at.byte_start);
        out
    }
}

/// A claim and what became of it: bound to a table cell, checked by a rule, or neither.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReviewedClaim {
    #[serde(flatten)]
    pub claim: Claim,
    /// Its label names a table cell ([`bind::bind_all`]).
    pub bound: bool,
    /// A rule evaluates it: bound claims are compared with their cells, and claims with
    /// arithmetic of their own ([`internally_checkable`]) are recomputed.
    pub checked: bool,
}

/// Every claim of the document with whether it was bound and checked, so that the claims
/// nothing could verify — amounts and counts no table holds — stay visible.
pub fn review(document: &ParseReport) -> Vec<ReviewedClaim> {
    let claims = extract(document);
    let verdicts: Vec<(bool, bool)> = bind::bind_all(document, &claims)
        .iter()
        .zip(&claims)
        .map(|(bindings, claim)| verdict(claim, bindings))
        .collect();
    claims.into_iter().zip(verdicts).map(|(claim, (bound, checked))| ReviewedClaim { claim, bound, checked }).collect()
}

/// Whether `claim`, with its `bindings`, is bound to a table cell, and whether a rule checks it.
fn verdict(claim: &Claim, bindings: &[bind::Binding]) -> (bool, bool) {
    let bound = !bindings.is_empty();
    (bound, bound || internally_checkable(claim))
}

/// Counts `claims` found, bound and checked (see [`review`]), given each claim's bindings
/// ([`bind::bind_all`]).
pub fn summary(claims: &[Claim], bindings: &[Vec<bind::Binding>]) -> ClaimSummary {
    claims.iter().zip(bindings).fold(ClaimSummary::default(), |acc, (claim, bindings)| {
        let (bound, checked) = verdict(claim, bindings);
        ClaimSummary {
            found: acc.found + 1,
            bound: acc.bound + usize::from(bound),
            checked: acc.checked + usize::from(checked),
        }
    })
}
