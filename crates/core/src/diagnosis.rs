//! Which figure is wrong: every relation a check evaluates (held, rounding or broken) is an
//! equation or inequality over figures. After the rules ran, [`diagnose`] looks for the
//! figures whose change makes broken relations hold while every other relation they are in
//! keeps holding: exactly for one wrong figure, greedily (one figure after another) for more.
//! The broken relations one figure explains become one finding at that figure, with a fix when
//! the figures allow only that one; when several figures would do equally (`A = B` and nothing
//! else), the finding names them all and fixes none. When no figure explains all of its
//! broken relations, a table's figure may explain its table relations and leave broken those
//! with a sentence (the text counting otherwise, as it may have before any slip). After
//! `check`, before `score`.
//!
//! Measured (`tests/diagnosis.rs`, one 2-decimal cell of a 决算 table changed in 000, 002 and
//! 004): of 190 slips that break a relation, 161 (84.7%) get a `safe` fix restoring the figure,
//! 29 a `display` fix naming it, none a fix on another figure. The 29 cannot be told apart from
//! another figure by the documents: 21 06表 items in one sum only, 8 `0.00` cells raised within
//! the rounding of their column's sum; so 161 of 190 are decidable, and all are fixed. #16's
//! 95% is above what the documents can decide.

use rust_decimal::Decimal;

use crate::amount::Number;
use crate::finding::{Applicability, CauseText, Edit, Finding, Fix};
use crate::relations::{Figure, Graph, Kind, Relation};
use crate::rounding::{judge_at_most, judge_ratio, judge_sum, Outcome};

/// How many characters must be typed, deleted or replaced to turn `a` into `b`.
fn keystrokes(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let next = (diagonal + usize::from(ca != cb)).min(row[j] + 1).min(row[j + 1] + 1);
            diagonal = row[j + 1];
            row[j + 1] = next;
        }
    }
    row[b.len()]
}

/// `value` written as `like` is: same decimals, thousands separators when it has them, its
/// way of writing a negative figure.
fn write_like(like: &str, value: Decimal, decimals: u32) -> String {
    let digits = crate::rounding::display(value.abs(), decimals);
    let (whole, fraction) = digits.split_once('.').map_or((digits.as_str(), None), |(w, f)| (w, Some(f)));
    let mut out = String::new();
    for (i, c) in whole.chars().enumerate() {
        if like.contains(',') && i > 0 && (whole.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if let Some(fraction) = fraction {
        out.push('.');
        out.push_str(fraction);
    }
    if value.is_sign_negative() && !value.is_zero() {
        return match like.chars().next() {
            Some(c @ ('−' | '—' | '△')) => {
                out.insert(0, c);
                out
            }
            Some('(') => format!("({out})"),
            Some('（') => format!("（{out}）"),
            _ => format!("-{out}"),
        };
    }
    out
}

/// A figure and the value it would need.
type Change = (usize, Decimal);

/// One cause: the figure(s) whose change explains the broken relations `relations`; one
/// figure is a diagnosis, several are the candidates the figures cannot tell apart.
struct Cause {
    changes: Vec<Change>,
    relations: Vec<usize>,
    /// Whether its relations can decide (see [`Relation::decides`]).
    decides: bool,
}

#[deny(clippy::arithmetic_side_effects)]
impl Graph {
    /// The relation's verdict with figure `change.0` at `change.1`.
    fn judge(&self, relation: &Relation, change: Option<Change>, values: &[Decimal]) -> Option<Outcome> {
        let numbers: Vec<(Number, bool)> = relation
            .terms
            .iter()
            .map(|&(figure, number, add)| {
                // A changed figure is shown at the precision of its new value (`20万元` → `9.71万元`).
                match change {
                    Some((changed, value)) if changed == figure => {
                        (Number { value, decimals: value.scale(), ..number }, add)
                    }
                    _ => (Number { value: values.get(figure).copied().unwrap_or(number.value), ..number }, add),
                }
            })
            .collect();
        let [(first, _), rest @ ..] = numbers.as_slice() else { return None };
        match (relation.kind, rest) {
            (Kind::Sum, _) => Some(judge_sum(first, rest.iter().map(|(number, add)| (number, *add)))?.1),
            (Kind::AtMost, [(whole, _)]) => judge_at_most(first, whole),
            (Kind::Ratio, [(numerator, _), (denominator, _)]) => judge_ratio(first, numerator, denominator),
            _ => None,
        }
    }

    /// The value `figure` needs for `relation` to hold, at its displayed precision; `None` when
    /// the relation cannot be solved for it (it is in it twice, or it is a ratio's operand).
    fn solve(&self, relation: &Relation, figure: usize, values: &[Decimal]) -> Option<Decimal> {
        let value = |index: usize| values.get(index).copied();
        let mut places = relation.terms.iter().enumerate().filter(|(_, term)| term.0 == figure);
        let (at, &(_, number, add)) = places.next()?;
        if places.next().is_some() {
            return None;
        }
        let needed = match (relation.kind, at) {
            (Kind::Sum, 0) => relation.terms.iter().skip(1).try_fold(Decimal::ZERO, |sum, &(other, _, add)| {
                if add {
                    crate::rounding::add(sum, value(other)?)
                } else {
                    crate::rounding::sub(sum, value(other)?)
                }
            })?,
            (Kind::Sum, _) => {
                let (stated, rest) = relation.terms.split_first()?;
                let others = rest.iter().enumerate().filter(|&(i, _)| i.checked_add(1) != Some(at)).try_fold(
                    value(stated.0)?,
                    |left, (_, &(other, _, add))| {
                        if add {
                            crate::rounding::sub(left, value(other)?)
                        } else {
                            crate::rounding::add(left, value(other)?)
                        }
                    },
                )?;
                if add {
                    others
                } else {
                    crate::rounding::sub(Decimal::ZERO, others)?
                }
            }
            (Kind::Ratio, 0) => {
                let (numerator, denominator) = (value(relation.terms.get(1)?.0)?, value(relation.terms.get(2)?.0)?);
                crate::rounding::div(crate::rounding::mul(numerator, Decimal::ONE_HUNDRED)?, denominator)?
            }
            _ => return None,
        };
        // A sentence's figure takes the precision of the figures it is compared with (`20万元`
        // → `9.71万元`), at most two decimals unless it has more itself (a 元 cell read in 万元
        // has four: `738.66万元` → `916.53万元`, not `916.5348万元`); a cell keeps its table's.
        let narrative = self.figures.get(figure)?.location.table.is_none() && relation.kind == Kind::Sum;
        let shown =
            relation.terms.iter().map(|t| t.1.decimals).max().unwrap_or(number.decimals).min(number.decimals.max(2));
        let decimals = if narrative { shown } else { number.decimals };
        let rounded = crate::rounding::at_precision(needed, decimals);
        // A figure does not change sign by a slip: a value a few units below zero (the rounding
        // of the other terms) is zero.
        let negative = |value: Decimal| value.is_sign_negative() && !value.is_zero();
        if negative(rounded) == negative(number.value) {
            return Some(rounded);
        }
        let slack = crate::rounding::mul(crate::rounding::unit(decimals)?, Decimal::from(relation.terms.len()))?;
        (rounded.abs() <= slack).then(|| crate::rounding::at_precision(Decimal::ZERO, decimals))
    }

    /// Whether figures `a` and `b` are read at the same place (one written, the other converted
    /// or derived from it).
    fn same_place(&self, a: usize, b: usize) -> bool {
        let place = |i: usize| self.figures.get(i).map(|f| (f.location.byte_start, f.location.byte_end));
        place(a).is_some() && place(a) == place(b)
    }

    /// The relations `figure` is in.
    fn relations_of(&self, figure: usize) -> impl Iterator<Item = (usize, &Relation)> {
        self.figures
            .get(figure)
            .into_iter()
            .flat_map(|f| &f.relations)
            .filter_map(|&i| Some((i, self.relations.get(i)?)))
    }

    /// What `figure` would have to be for every broken relation it is in to hold, every other
    /// relation it is in still holding; with the broken relations that change explains.
    /// A figure that is not written as such (a 元 figure compared in 万元, a figure derived
    /// from others) is still a candidate: the figures cannot rule it out, so another figure of
    /// its relations is not the only one that would do. It is pinned, like a figure in a held
    /// relation, by the held relations of the figure as written at its place (the cell in 元 in
    /// its table's sums; the 执行率 a 分值×执行率 is computed from). A sentence's figure is
    /// pinned too by the held relations of a figure derived from it, read at its place (the
    /// 增减额 `441.25 − 132.59` at the `441.25万元` a growth rate is computed from): changing it
    /// would change that figure, which the diagnosis cannot recompute.
    ///
    /// When `partial`, a table's figure may leave broken the relations it has with a
    /// sentence's figure (the text counting otherwise, as the document may have done before
    /// any slip): its value is the one its table relations ask for, and the change explains
    /// those only (09 小计·预算数 `185.75` back to `85.75` by 合计 = 出国 + 小计 + 接待, while
    /// the text's `预算为83万元` still differs).
    fn candidate(
        &self,
        figure: usize,
        outcomes: &[Outcome],
        values: &[Decimal],
        partial: bool,
    ) -> Option<(Change, Vec<usize>)> {
        let this = self.figures.get(figure)?;
        let partial = partial && this.location.table.is_some();
        let with_sentence = |relation: &Relation| {
            relation.terms.iter().any(|t| self.figures.get(t.0).is_some_and(|f| f.location.table.is_none()))
        };
        let pinned = self.figures.iter().enumerate().any(|(other, f)| {
            other != figure
                && (f.written.is_some() || this.location.table.is_none())
                && self.same_place(other, figure)
                && f.relations.iter().any(|&i| outcomes.get(i) == Some(&Outcome::Held))
        });
        if pinned || this.pinned {
            return None;
        }
        let broken: Vec<usize> = self
            .relations_of(figure)
            .filter(|(i, _)| outcomes.get(*i) == Some(&Outcome::Broken))
            .map(|(i, _)| i)
            .collect();
        // The value each broken relation asks for, give or take the rounding of its other
        // terms: of those with which every relation of the figure holds, the one written with
        // the fewest keystrokes from what stands there (a slip changes a digit or two).
        let written = this.written.as_ref().map(|w| w.text.as_str());
        let holds = |value: Decimal| {
            Some(value) != values.get(figure).copied()
                && self.relations_of(figure).all(|(i, relation)| {
                    let now = self.judge(relation, Some((figure, value)), values);
                    // Broken and held relations must hold; one off by a rounding may stay so.
                    now.is_some_and(|now| {
                        now == Outcome::Held
                            || (now == Outcome::Rounding && outcomes.get(i) == Some(&Outcome::Rounding))
                    }) || (partial && outcomes.get(i) == Some(&Outcome::Broken) && with_sentence(relation))
                })
        };
        let mut tried: Vec<Decimal> = Vec::new();
        for &i in &broken {
            let Some(relation) = self.relations.get(i) else { continue };
            let Some(solved) = self.solve(relation, figure, values) else { continue };
            let unit = crate::rounding::unit(solved.scale())?;
            // A rate is the one computed, at its stated precision: another that the rounding of
            // the figures would allow is a guess (`62%` → `32%` where 0.62 ÷ 2 is 31%).
            let steps: &[i64] = if relation.kind == Kind::Ratio { &[0] } else { &[0, 1, -1, 2, -2] };
            for &steps in steps {
                let mut value = crate::rounding::add(solved, crate::rounding::mul(unit, Decimal::from(steps))?)?;
                value.rescale(solved.scale());
                let flips = value.is_sign_negative() && !value.is_zero() && !solved.is_sign_negative();
                if !flips && !tried.contains(&value) {
                    tried.push(value);
                }
            }
        }
        let needed = tried.into_iter().filter(|&value| holds(value)).min_by_key(|&value| {
            let now = crate::rounding::display(this.value, this.value.scale());
            let like = written.unwrap_or(&now);
            keystrokes(like, &write_like(like, value, value.scale()))
        })?;
        if partial {
            let explained: Vec<usize> = broken
                .into_iter()
                .filter(|&i| {
                    self.relations.get(i).and_then(|r| self.judge(r, Some((figure, needed)), values))
                        == Some(Outcome::Held)
                })
                .collect();
            return (!explained.is_empty()).then_some(((figure, needed), explained));
        }
        Some(((figure, needed), broken))
    }
}

/// The causes of the broken relations of `graph`, largest first.
fn causes(graph: &Graph) -> Vec<Cause> {
    let mut outcomes: Vec<Outcome> = graph.relations.iter().map(|r| r.outcome).collect();
    let mut values: Vec<Decimal> = graph.figures.iter().map(|f| f.value).collect();
    let mut causes = Vec::new();
    loop {
        // The figures of the broken relations, in order (marked, not sorted: no sort in the wasm).
        let mut in_broken = vec![false; graph.figures.len()];
        for term in
            graph.relations.iter().zip(&outcomes).filter(|(_, o)| **o == Outcome::Broken).flat_map(|(r, _)| &r.terms)
        {
            if let Some(slot) = in_broken.get_mut(term.0) {
                *slot = true;
            }
        }
        let figures: Vec<usize> = (0..in_broken.len()).filter(|&f| in_broken.get(f) == Some(&true)).collect();
        let mut candidates: Vec<(Change, Vec<usize>)> =
            figures.iter().filter_map(|&figure| graph.candidate(figure, &outcomes, &values, false)).collect();
        // No figure explains all of its broken relations: a table's figure may explain its
        // table relations, its relations with sentences left as they are.
        if candidates.is_empty() {
            candidates =
                figures.iter().filter_map(|&figure| graph.candidate(figure, &outcomes, &values, true)).collect();
        }
        let Some(most) = candidates.iter().map(|(_, explained)| explained.len()).max() else { break };
        let Some(best) =
            candidates.iter().find(|(_, explained)| explained.len() == most).map(|(_, explained)| explained.clone())
        else {
            break;
        };
        let changes: Vec<Change> =
            candidates.into_iter().filter(|(_, explained)| *explained == best).map(|(change, _)| change).collect();
        if let [(figure, value)] = changes.as_slice() {
            if let Some(slot) = values.get_mut(*figure) {
                *slot = *value;
            }
            for (i, relation) in graph.relations_of(*figure) {
                if let (Some(slot), Some(now)) = (outcomes.get_mut(i), graph.judge(relation, None, &values)) {
                    *slot = now;
                }
            }
        }
        for &i in &best {
            if let Some(slot) = outcomes.get_mut(i) {
                *slot = Outcome::Held;
            }
        }
        let decides = best.iter().all(|&i| graph.relations.get(i).is_some_and(|r| r.decides && r.reword.is_none()));
        // Relations with sentences decide that a sentence's figure is wrong against a table's,
        // or that a stated rate is not the rate its figures give. Otherwise what holds the other
        // figures is a sentence's own arithmetic (its rate, its parts), not another table: the
        // figure is named, not fixed (002: 09表 预算数 85.75 against 文中 预算为83万元, whose
        // completion rate holds; N013: 保有量 3辆 against 共有车辆 4辆 = 1 + 2 + 1).
        let sentence = |figure: usize| graph.figures.get(figure).is_some_and(|f| f.location.table.is_none());
        let explained = || best.iter().filter_map(|&i| graph.relations.get(i));
        let decided_by_sentences = |figure: usize| {
            !explained().all(|r| r.terms.iter().any(|t| sentence(t.0)))
                || (sentence(figure) && explained().any(|r| r.terms.iter().any(|t| !sentence(t.0))))
                || explained().any(|r| r.kind == Kind::Ratio && r.terms.first().map(|t| t.0) == Some(figure))
        };
        // A sentence's amount the text states again elsewhere, where it held (`738.66万元`, and
        // `2024年预算安排738.66万元` with its growth rate): the text means it; a table that
        // differs may count otherwise. (Not rates, counts or scores: those repeat by chance.)
        let held = |figure: usize| {
            graph.figures.iter().enumerate().any(|(i, _)| {
                (i == figure || graph.same_place(i, figure))
                    && graph.relations_of(i).any(|(_, r)| r.outcome == Outcome::Held)
            })
        };
        let stated_again = |figure: usize| {
            let Some(this) = graph.figures.get(figure).filter(|f| f.location.table.is_none()) else { return false };
            let text = this.written.as_ref().filter(|w| !w.exact && !w.after.contains('%')).map(|w| w.text.as_str());
            graph.figures.iter().enumerate().any(|(i, f)| {
                i != figure
                    && !graph.same_place(i, figure)
                    && f.location.table.is_none()
                    && text.is_some()
                    && f.written.as_ref().map(|w| w.text.as_str()) == text
                    && held(i)
            })
        };
        let decides = decides
            && !matches!(changes.as_slice(), [(figure, _)] if !decided_by_sentences(*figure) || stated_again(*figure));
        causes.push(Cause { changes, relations: best, decides });
    }
    // A cause whose relations read a figure at the place another cause changes (a growth rate
    // whose 增减额 is derived from the figure another cause puts right) was found with that
    // figure as it was: what it asks is not known.
    let changed: Vec<usize> = causes
        .iter()
        .filter_map(|c| match c.changes.as_slice() {
            [(figure, _)] => Some(*figure),
            _ => None,
        })
        .collect();
    for cause in &mut causes {
        let stale = cause.relations.iter().filter_map(|&i| graph.relations.get(i)).flat_map(|r| &r.terms).any(|t| {
            changed.iter().any(|&f| f != t.0 && graph.same_place(f, t.0) && !cause.changes.iter().any(|c| c.0 == f))
        });
        if stale {
            cause.decides = false;
        }
    }
    causes
}

/// How figure `figure` meets the relation: `各项之和`, the other side's name, … (zh, en).
fn other_side(graph: &Graph, relation: &Relation, figure: usize) -> (String, String) {
    let label =
        |index: usize| relation.terms.get(index).and_then(|t| graph.figures.get(t.0)).map_or("", |f| f.label.as_str());
    let at = relation.terms.iter().position(|t| t.0 == figure).unwrap_or(0);
    match (relation.kind, at, relation.terms.len()) {
        (Kind::Sum, 0, 2) | (Kind::AtMost, 0, _) => (label(1).to_string(), label(1).to_string()),
        (Kind::Sum, 1, 2) | (Kind::AtMost, _, _) | (Kind::Ratio, 1.., _) => {
            (label(0).to_string(), label(0).to_string())
        }
        (Kind::Sum, 0, _) => ("各项之和".to_string(), "the sum of its parts".to_string()),
        (Kind::Sum, _, _) => (format!("{} 的分项之和", label(0)), format!("the parts of {}", label(0))),
        (Kind::Ratio, _, _) => (format!("{} ÷ {}", label(1), label(2)), format!("{} ÷ {}", label(1), label(2))),
    }
}

/// A candidate of a cause: the figure, the edit of its number and the figure as it would read
/// (none when it is not written as such: a 元 figure compared in 万元, a derived one), and
/// whether it is exact.
type Candidate<'g> = (&'g Figure, Option<(Edit, String)>, bool);

/// The edit of one change (the figure's number rewritten) and the figure as it would read.
fn edit(graph: &Graph, (figure, value): Change) -> Option<Candidate<'_>> {
    let figure = graph.figures.get(figure)?;
    let Some(written) = figure.written.as_ref() else { return Some((figure, None, false)) };
    let content = write_like(&written.text, value, value.scale());
    let reads = format!("{content}{}", written.after);
    Some((
        figure,
        Some((Edit { byte_start: written.byte_start, byte_end: written.byte_end, content }, reads)),
        written.exact,
    ))
}

/// The candidates of an undecided cause, three at most (`A 应为 a，或 B 应为 b，等 5 处`).
fn listed(edits: &[Candidate], en: bool) -> String {
    let parts: Vec<String> = edits
        .iter()
        .take(3)
        .map(|(f, edit, _)| match (edit, en) {
            (Some((_, reads)), false) => format!("{} {} 应为 {reads}", f.label, f.location.excerpt),
            (Some((_, reads)), true) => format!("{} {} should be {reads}", f.label, f.location.excerpt),
            (None, _) => format!("{} {}", f.label, f.location.excerpt),
        })
        .collect();
    let mut listed = parts.join(if en { ", or " } else { "，或 " });
    if edits.len() > 3 {
        listed.push_str(&if en {
            format!(", … ({} figures)", edits.len())
        } else {
            format!("，等 {} 处", edits.len())
        });
    }
    listed
}

/// The findings of a check with the broken relations `graph` explains merged into one finding
/// per cause (the relations' own findings under it, in `explains`), each with its fix.
pub fn diagnose(graph: &Graph, findings: Vec<Finding>) -> Vec<Finding> {
    let causes = causes(graph);
    let mut slots: Vec<Option<Finding>> = findings.into_iter().map(Some).collect();
    // Broken relations no figure explains, stated in words that can be put right.
    for (i, relation) in graph.relations.iter().enumerate() {
        let explained = causes.iter().any(|cause| cause.relations.contains(&i));
        let (Some(edit), Some(at), Outcome::Broken, false) =
            (&relation.reword, relation.finding, relation.outcome, explained)
        else {
            continue;
        };
        if let Some(Some(finding)) = slots.get_mut(at) {
            let (message, message_en) =
                (format!("应改为「{}」", edit.content), format!("should be «{}»", edit.content));
            finding.fix =
                Some(Fix { message, message_en, applicability: Applicability::Safe, edits: vec![edit.clone()] });
        }
    }
    let mut merged = Vec::new();
    for cause in causes {
        let explained: Vec<usize> = cause.relations.iter().filter_map(|&i| graph.relations.get(i)?.finding).collect();
        let edits: Vec<Candidate> = cause.changes.iter().filter_map(|&change| edit(graph, change)).collect();
        if explained.is_empty() || edits.len() != cause.changes.len() {
            continue;
        }
        let fix = match (edits.as_slice(), cause.decides) {
            // The one figure to change is not written as such: nothing to say it should read.
            ([(_, None, _)], _) => continue,
            ([(_, Some((edit, reads)), exact)], true) => Fix {
                message: format!("应改为 {reads}"),
                message_en: format!("should be {reads}"),
                // An exact figure (a 分值, a score, a count) may be the one that is right: a
                // total of 100 分 is what the form requires.
                applicability: if *exact { Applicability::Unsafe } else { Applicability::Safe },
                edits: vec![edit.clone()],
            },
            // Its figures fit another reading: what the figure would be, not that it is wrong.
            ([(figure, Some((_, reads)), _)], false) => Fix {
                message: format!(
                    "无法判断是否有误：若 {} {} 有误，应为 {reads}",
                    figure.label, figure.location.excerpt
                ),
                message_en: format!(
                    "cannot tell whether it is wrong: if {} {} is, it should be {reads}",
                    figure.label, figure.location.excerpt
                ),
                applicability: Applicability::Display,
                edits: Vec::new(),
            },
            _ => Fix {
                message: format!("无法判断哪个数字有误：{}", listed(&edits, false)),
                message_en: format!("cannot tell which figure is wrong: {}", listed(&edits, true)),
                applicability: Applicability::Display,
                edits: Vec::new(),
            },
        };
        let Some((figure, ..)) = edits.first() else { continue };
        // An undecided cause leaves the relations' findings as they are, the fix shown on each.
        if !cause.decides {
            for &i in &explained {
                if let Some(Some(finding)) = slots.get_mut(i) {
                    finding.fix = Some(fix.clone());
                }
            }
            continue;
        }
        // One relation whose finding already points at the figure to fix keeps its finding.
        if let [only] = explained.as_slice() {
            if let Some(Some(finding)) = slots.get_mut(*only) {
                if edits.len() > 1 || finding.location.byte_start == figure.location.byte_start {
                    finding.fix = Some(fix);
                    continue;
                }
            }
        }
        let parts: Vec<Finding> = explained.iter().filter_map(|&i| slots.get_mut(i)?.take()).collect();
        let Some(first) = parts.first() else { continue };
        let n = parts.len();
        let (text, location) = if let [(figure, Some((_, reads)), _)] = edits.as_slice() {
            let change = cause.changes.first().map_or(0, |c| c.0);
            let sides: Vec<(String, String)> = cause
                .relations
                .iter()
                .filter_map(|&i| Some(other_side(graph, graph.relations.get(i)?, change)))
                .collect();
            let zh: Vec<&str> = sides.iter().map(|s| s.0.as_str()).collect();
            let en: Vec<&str> = sides.iter().map(|s| s.1.as_str()).collect();
            let (said, said_en) = if n == 1 {
                (format!("改后与{}相符", zh.join("")), format!("then it agrees with {}", en.join("")))
            } else {
                (
                    format!("改后与{}共 {n} 处勾稽同时成立", zh.join("、")),
                    format!("then {n} relations hold ({})", en.join("; ")),
                )
            };
            let text = CauseText {
                message: format!("{} {} 应为 {reads}：{said}", figure.label, figure.location.excerpt),
                message_en: format!("{} is {} but should be {reads}: {said_en}", figure.label, figure.location.excerpt),
                stated: Some(figure.location.excerpt.clone()),
                expected: Some(reads.clone()),
            };
            (text, figure.location.clone())
        } else {
            let text = CauseText {
                message: format!("{}；改其中任一处，{n} 处勾稽同时成立", fix.message),
                message_en: format!("{}; either change makes {n} relations hold", fix.message_en),
                stated: first.stated.clone(),
                expected: None,
            };
            (text, first.location.clone())
        };
        merged.extend(Finding::cause(parts, location, text, fix));
    }
    slots.into_iter().flatten().chain(merged).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_are_rewritten_as_the_document_writes_them() {
        let d = |s: &str| s.parse::<Decimal>().unwrap();
        assert_eq!(write_like("5,487.18", d("15487.2"), 2), "15,487.20");
        assert_eq!(write_like("280.72", d("1280.7"), 2), "1280.70");
        assert_eq!(write_like("(26.42)", d("-1.5"), 2), "(1.50)");
        assert_eq!(write_like("△26.42", d("-1.5"), 2), "△1.50");
        assert_eq!(write_like("26.42", d("-1.5"), 2), "-1.50");
    }
}
