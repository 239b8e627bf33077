//! Reading claims out of running text: figures first (number, unit, the words before them,
//! clause, sentence and bracket depth), then the claim shapes of docs/domain.md §5 over them.

use super::figures::{figures, is_clause_break, Found};
use super::text::{units, Unit};
use super::{ChangeBasis, Claim, ClaimKind, Comparison, Direction, Figure, FigureUnit, ScoreSubject, StatedComparison};
use crate::ingest::{contains, find, find_all, rfind, trim_end_literal, without};
use crate::labels::norm;
use crate::report::ParseReport;

/// Every claim in the document's running text, in reading order.
pub fn extract(document: &ParseReport) -> Vec<Claim> {
    let mut claims = Vec::new();
    let mut section: Option<String> = None;
    let mut earlier: Vec<Figure> = Vec::new();
    let mut earlier_lookups = Lookups::default();
    for unit in units(document) {
        if section.as_deref() != Some(unit.section.as_str()) {
            section = Some(unit.section.clone());
            earlier.clear();
            earlier_lookups = Lookups::default();
        }
        let found = figures(&unit);
        claims.extend(claims_of(&unit, &found, &earlier, &mut earlier_lookups));
        earlier.extend(found.into_iter().map(|f| f.figure).filter(Figure::is_money));
    }
    claims
}

/// Whether a claim carries arithmetic of its own that a rule checks without any table: a
/// share with its base, a rate with its change and current figure, a completion rate or
/// comparison word, a list of money or vehicles, a grade with its score.
pub fn internally_checkable(claim: &Claim) -> bool {
    match &claim.kind {
        ClaimKind::Share { whole, .. } => whole.is_some(),
        ClaimKind::Change { rate, current, .. } => rate.is_some() && current.is_some(),
        ClaimKind::Completion { budget, actual, percent, comparison, .. } => {
            budget.unit == actual.unit
                && (percent.is_some() || comparison.is_some())
                && !(budget.is_zero() && actual.is_zero())
        }
        ClaimKind::Growth { .. } => true,
        ClaimKind::Parts { whole, .. } => whole.is_money() || whole.unit_text == "辆",
        ClaimKind::Score { score, grade, .. } => score.is_some() && grade.is_some(),
        ClaimKind::Amount { .. } | ClaimKind::Count { .. } => false,
    }
}

/// The claims of one unit; `earlier` holds the amounts of the section's units before it, and
/// `earlier_lookups` what shares looked up among them.
fn claims_of(unit: &Unit, found: &[Found], earlier: &[Figure], earlier_lookups: &mut Lookups) -> Vec<Claim> {
    let mut claims = Vec::new();
    let claim = |kind: ClaimKind, from: usize, to: usize| Claim {
        kind,
        section: unit.section.clone(),
        context: unit.context.clone(),
        span: unit.span(from, to),
    };
    for f in found {
        let kind = match f.figure.unit {
            FigureUnit::Count => ClaimKind::Count { subject: f.figure.label.clone(), figure: f.figure.clone() },
            FigureUnit::Percent | FigureUnit::Points => continue,
            _ => ClaimKind::Amount { subject: f.figure.label.clone(), figure: f.figure.clone() },
        };
        claims.push(claim(kind, f.clause_start, f.end));
    }
    for (kind, from, to) in completions(unit, found)
        .into_iter()
        .chain(changes(found))
        .chain(growths(unit, found))
        .chain(shares(unit, found, earlier, earlier_lookups))
        .chain(parts(unit, found))
        .chain(itemised(found))
        .chain(scores(unit, found))
    {
        claims.push(claim(kind, from, to));
    }
    crate::sorting::sort_by_key(&mut claims, |c| (c.span.byte_start, c.span.byte_end));
    claims
}

const BUDGET_ENDINGS: [&str; 6] = ["预算", "预算数", "预算为", "预算数为", "预算是", "预算数是"];
const ACTUAL_WORDS: [&str; 4] = ["决算", "执行数", "实际支出", "支出数"];

fn is_budget_label(label: &str) -> bool {
    BUDGET_ENDINGS.iter().any(|e| label.ends_with(e)) && !contains(label, "决算") && direction_of(label).is_none()
}

fn is_actual_label(label: &str) -> bool {
    let label = without(label, "一般公共预算");
    ACTUAL_WORDS.iter().any(|w| contains(&label, w)) && direction_of(&label).is_none() && !contains(&label, "预算")
}

/// `…预算为A万元，…决算为B万元，完成…预算的P%，决算数大于/小于/等于…预算数`.
fn completions(unit: &Unit, found: &[Found]) -> Vec<(ClaimKind, usize, usize)> {
    let mut out = Vec::new();
    for (index, actual) in found.iter().enumerate() {
        if !actual.figure.is_money() || !is_actual_label(&actual.figure.label) {
            continue;
        }
        let is_budget = |f: &&Found| f.figure.is_money() && is_budget_label(&f.figure.label);
        let in_sentence = found[..index].iter().rev().take_while(|f| f.sentence == actual.sentence).find(is_budget);
        // `项目全年预算数为60.48万元。执行数为27.86万元`: the actual opens the next sentence.
        let opens_sentence = index > 0 && found[index - 1].sentence + 1 == actual.sentence;
        let Some(budget) =
            in_sentence.or_else(|| found.get(index.wrapping_sub(1)).filter(|f| opens_sentence && is_budget(f)))
        else {
            continue;
        };
        let end_after = |from: usize| unit.text[from..].find(['。', '！', '？']).map_or(unit.text.len(), |i| from + i);
        let mut sentence_end = end_after(actual.end);
        // `…支出决算为B万元。决算数小于全年预算数的主要原因…`: the comparison opens the next sentence.
        let next = sentence_end + '。'.len_utf8();
        if unit.text.get(next..).is_some_and(|rest| rest.trim_start().starts_with("决算")) {
            sentence_end = end_after(next);
        }
        let next_actual = found[index + 1..]
            .iter()
            .find(|f| f.figure.is_money() && is_budget_label(&f.figure.label))
            .map_or(sentence_end, |f| f.start);
        let until = sentence_end.min(next_actual);
        let percent = found[index + 1..]
            .iter()
            .take_while(|f| f.start < until)
            .find(|f| f.figure.unit == FigureUnit::Percent && contains(&f.figure.label, "完成"));
        // `年初预算为A万元，全年预算为B万元，…完成年初预算的P%`: the rate is against the budget it names.
        let rate_budget = percent.and_then(|p| {
            let word = ["年初", "全年"]
                .into_iter()
                .find(|w| contains(&p.figure.label, w) && !contains(&budget.figure.label, w))?;
            found[..index]
                .iter()
                .rev()
                .take_while(|f| f.sentence == actual.sentence)
                .find(|f| is_budget(f) && contains(&f.figure.label, word))
        });
        let comparison = stated_comparison(&unit.text[actual.end..until]).map(|(start, end, word)| {
            let comparison = match word {
                "大于" | "高于" | "超过" => Comparison::Greater,
                "小于" | "低于" => Comparison::Less,
                _ => Comparison::Equal,
            };
            let (from, to) = (actual.end + start, actual.end + end);
            (StatedComparison { comparison, raw: unit.text[from..to].to_string(), at: unit.locate(from, to) }, to)
        });
        let subject = strip_suffixes(&budget.figure.label, &BUDGET_ENDINGS);
        let subject = trim_end_literal(trim_end_literal(subject, "年初"), "全年").to_string();
        let subject =
            if subject == "项目" { project_name(&unit.text[..budget.start]).unwrap_or(subject) } else { subject };
        let end = [Some(actual.end), percent.map(|p| p.end), comparison.as_ref().map(|(_, to)| *to)]
            .into_iter()
            .flatten()
            .max()
            .unwrap_or(actual.end);
        let (mut percent, comparison) = (percent.map(|p| p.figure.clone()), comparison.map(|(c, _)| c));
        // A rate against another budget is a claim of its own; the comparison word stays with
        // the nearer budget.
        if let Some(named) = rate_budget {
            out.push((
                ClaimKind::Completion {
                    subject: subject.clone(),
                    budget: named.figure.clone(),
                    actual: actual.figure.clone(),
                    percent: percent.take(),
                    comparison: None,
                },
                named.clause_start,
                end,
            ));
        }
        out.push((
            ClaimKind::Completion {
                subject,
                budget: budget.figure.clone(),
                actual: actual.figure.clone(),
                percent,
                comparison,
            },
            budget.clause_start,
            end,
        ));
    }
    out
}

/// The first comparison of actual with budget in `text`, as the pattern
/// `决算数?(?:(大于|小于|等于|高于|低于|超过)(?:年初|全年)?预算数?|与(?:年初|全年)?预算数?(持平))`
/// reads it: its byte range and the word.
fn stated_comparison(text: &str) -> Option<(usize, usize, &str)> {
    find_all(text, "决算").find_map(|start| {
        let rest = &text[start + "决算".len()..];
        let rest = rest.strip_prefix('数').unwrap_or(rest);
        // `决算数与全年预算数持平`: level with it.
        let (word, rest) = match rest.strip_prefix('与') {
            Some(rest) => ("持平", rest),
            None => {
                let word =
                    ["大于", "小于", "等于", "高于", "低于", "超过"].into_iter().find(|w| rest.starts_with(w))?;
                (word, &rest[word.len()..])
            }
        };
        let rest = rest.strip_prefix("年初").or_else(|| rest.strip_prefix("全年")).unwrap_or(rest);
        let rest = rest.strip_prefix("预算")?;
        let rest = rest.strip_prefix('数').unwrap_or(rest);
        let rest = if word == "持平" { rest.strip_prefix("持平")? } else { rest };
        Some((start, text.len() - rest.len(), word))
    })
}

fn strip_suffixes<'a>(label: &'a str, suffixes: &[&str]) -> &'a str {
    suffixes.iter().filter_map(|s| label.strip_suffix(s)).min_by_key(|s| s.len()).unwrap_or(label)
}

/// Words stating an increase or a decrease.
pub(crate) const INCREASE: [&str; 4] = ["增加", "增长", "上升", "提高"];
pub(crate) const DECREASE: [&str; 5] = ["减少", "下降", "降低", "压减", "节约"];

/// The direction a label ends with (`与上年相比减少` → decrease).
fn direction_of(label: &str) -> Option<Direction> {
    let label = label.trim_end_matches('了');
    if INCREASE.iter().any(|w| label.ends_with(w)) {
        Some(Direction::Increase)
    } else if DECREASE.iter().any(|w| label.ends_with(w)) {
        Some(Direction::Decrease)
    } else {
        None
    }
}

/// Subject keys, most specific first: a change names its subject by one of these.
const SUBJECT_KEYS: [&str; 16] = [
    "三公",
    "因公出国",
    "公务用车运行",
    "公务用车购置",
    "公务接待",
    "机关运行经费",
    "基本支出",
    "项目支出",
    "人员经费",
    "公用经费",
    "一般公共预算财政拨款支出",
    "财政拨款支出",
    "政府采购",
    "会议费",
    "培训费",
    "收入",
];

fn subject_key(text: &str) -> Option<&'static str> {
    let text = norm(text);
    SUBJECT_KEYS.iter().copied().find(|k| contains(&text, k))
}

/// Whether `text` starts with four ASCII digits and `年` (`2023年`): the end of `年`.
fn year_opening(text: &str) -> Option<usize> {
    text.get(..4).filter(|y| y.bytes().all(|b| b.is_ascii_digit()))?;
    text[4..].starts_with('年').then_some(4 + '年'.len_utf8())
}

/// `label` without the words naming what a change is measured against, as replacing the
/// pattern `与上年相比|比上年决算数?|比上年预算数?|比上年|较上年预算数|较上年决算数|较上年|较去年|
/// 比年初预算数?|较年初预算数?|同比|比\d{4}年|^\d{4}年度?` would.
fn without_basis_words(label: &str) -> String {
    // The length of the first alternative that matches at byte `at`, in the pattern's order.
    let basis_at = |at: usize| -> Option<usize> {
        let rest = &label[at..];
        let with_optional = |word: &str, optional: char| {
            rest.strip_prefix(word)
                .map(|after| word.len() + if after.starts_with(optional) { optional.len_utf8() } else { 0 })
        };
        let exactly = |word: &str| rest.starts_with(word).then_some(word.len());
        exactly("与上年相比")
            .or_else(|| with_optional("比上年决算", '数'))
            .or_else(|| with_optional("比上年预算", '数'))
            .or_else(|| exactly("比上年"))
            .or_else(|| exactly("较上年预算数"))
            .or_else(|| exactly("较上年决算数"))
            .or_else(|| exactly("较上年"))
            .or_else(|| exactly("较去年"))
            .or_else(|| with_optional("比年初预算", '数'))
            .or_else(|| with_optional("较年初预算", '数'))
            .or_else(|| exactly("同比"))
            .or_else(|| rest.strip_prefix('比').and_then(year_opening).map(|end| '比'.len_utf8() + end))
            .or_else(|| {
                (at == 0)
                    .then(|| year_opening(rest))
                    .flatten()
                    .map(|end| end + if rest[end..].starts_with('度') { '度'.len_utf8() } else { 0 })
            })
    };
    let mut out = String::with_capacity(label.len());
    let mut resume = 0;
    for (at, c) in label.char_indices() {
        if at < resume {
            continue;
        }
        match basis_at(at) {
            Some(len) => resume = at + len,
            None => out.push(c),
        }
    }
    out
}

/// `[subject] 与上年相比 增加/减少 A万元，增长/下降 B%`.
fn changes(found: &[Found]) -> Vec<(ClaimKind, usize, usize)> {
    let is_delta = |f: &Found| f.figure.is_money() && direction_of(&f.figure.label).is_some();
    let mut out = Vec::new();
    for (index, delta) in found.iter().enumerate() {
        if !is_delta(delta) {
            continue;
        }
        let direction = direction_of(&delta.figure.label).expect("a delta has a direction");
        let basis = if ["比年初预算", "较年初预算", "比预算", "较预算"].iter().any(|w| contains(&delta.figure.label, w))
        {
            ChangeBasis::Budget
        } else {
            ChangeBasis::PriorYear
        };
        let rate = found
            .get(index + 1)
            .filter(|f| {
                f.figure.unit == FigureUnit::Percent
                    && f.sentence == delta.sentence
                    && direction_of(&f.figure.label).is_some()
            })
            .map(|f| f.figure.clone());
        let stripped = without_basis_words(&delta.figure.label);
        let subject = strip_suffixes(&stripped, &INCREASE);
        let subject = strip_suffixes(subject, &DECREASE);
        // `比2023年预算减少…`, `比2022年（上一年度，下同）预算增加…`: what is left names the basis
        // (the year's budget), not a subject, so the change is about the figure before it.
        let basis_only = matches!(subject.rsplit(['）', ')']).next(), Some("预算" | "预算数"));
        let subject = if basis_only { String::new() } else { subject.to_string() };
        let before =
            found[..index].iter().rev().filter(|f| f.figure.is_money() && !is_delta(f) && f.depth == delta.depth);
        let current = if subject.is_empty() {
            before.take_while(|f| f.sentence + 1 >= delta.sentence).next()
        } else {
            match subject_key(&subject) {
                Some(key) => before.clone().find(|f| contains(&norm(&f.figure.label), key)),
                None => None,
            }
        };
        let end = rate.as_ref().and_then(|r| found.iter().find(|f| f.figure.at == r.at)).map_or(delta.end, |f| f.end);
        out.push((
            ClaimKind::Change {
                subject,
                basis,
                direction,
                delta: delta.figure.clone(),
                rate,
                current: current.map(|f| f.figure.clone()),
            },
            delta.clause_start,
            end,
        ));
    }
    out
}

/// Words that make `持平` approximate (`基本持平`, `大致持平`).
#[cfg(feature = "budget")]
const ROUGHLY: [&str; 3] = ["基本", "大致", "大体"];

/// `[上年]执行数为A万元，[本年]预算安排B万元，比[上年]预算执行数增加/减少R%`, and `…持平`: the
/// figure measured against is the one its label names as executed (`执行数`), the current one the
/// money figure between it and the rate, all in one sentence.
#[cfg(feature = "budget")]
fn growths(unit: &Unit, found: &[Found]) -> Vec<(ClaimKind, usize, usize)> {
    let mut out = Vec::new();
    for (index, current) in
        found.iter().enumerate().filter(|(_, f)| f.figure.is_money() && !contains(&f.figure.label, "执行数"))
    {
        let Some(base) = index.checked_sub(1).map(|i| &found[i]) else { continue };
        let is_base = base.sentence == current.sentence
            && base.figure.unit == current.figure.unit
            && contains(&base.figure.label, "执行数")
            && !contains(&base.figure.label, "比");
        if !is_base {
            continue;
        }
        let next = found.get(index + 1).filter(|f| f.sentence == current.sentence && f.clause == current.clause + 1);
        let rate = next
            .filter(|f| f.figure.unit == FigureUnit::Percent && contains(&f.figure.label, "比"))
            .and_then(|f| direction_of(&f.figure.label).map(|d| (f, d)));
        let (direction, rate, end) = match rate {
            Some((rate, direction)) => (Some(direction), Some(rate.figure.clone()), rate.end),
            None => {
                // `比2023年预算执行数持平`: the clause after the current figure, up to the next break.
                let after = &unit.text[current.end..];
                let clause = after.trim_start_matches(['，', ',']);
                let clause = &clause[..clause.find(is_clause_break).unwrap_or(clause.len())];
                // `基本持平` (roughly level) states no equality, and no tolerance: not read.
                let level = |at: &usize| !ROUGHLY.iter().any(|word| clause[..*at].ends_with(word));
                let Some(at) =
                    find(clause, "持平").filter(|_| clause.starts_with('比') || clause.starts_with('与')).filter(level)
                else {
                    continue;
                };
                (None, None, current.end + (after.len() - clause.len()) + at + "持平".len())
            }
        };
        out.push((
            ClaimKind::Growth { base: base.figure.clone(), current: current.figure.clone(), direction, rate },
            base.clause_start,
            end,
        ));
    }
    out
}

#[cfg(not(feature = "budget"))]
fn growths(_unit: &Unit, _found: &[Found]) -> Vec<(ClaimKind, usize, usize)> {
    Vec::new()
}

/// `part X万元，占[whole的]P%`. A named whole is looked for in the unit, then in the
/// section's earlier units (`earlier`).
fn shares(
    unit: &Unit,
    found: &[Found],
    earlier: &[Figure],
    earlier_lookups: &mut Lookups,
) -> Vec<(ClaimKind, usize, usize)> {
    let mut out = Vec::new();
    let mut lookups = Lookups::default();
    for (index, percent) in found.iter().enumerate() {
        let label = &percent.figure.label;
        if percent.figure.unit != FigureUnit::Percent || index == 0 {
            continue;
        }
        let Some(position) = label.find('占') else { continue };
        let previous = &found[index - 1];
        let adjacent = previous.clause == percent.clause
            || position == 0 && previous.clause + 1 == percent.clause && previous.sentence == percent.sentence;
        if !previous.figure.is_money() || !adjacent {
            continue;
        }
        let whole_label = whole_label(&label[position + '占'.len_utf8()..]);
        let key = norm(&whole_label);
        let before = &found[..index - 1];
        let in_unit = if whole_label.is_empty() {
            list_anchor(unit, found, index - 1)
        } else {
            lookups
                .last_named(before.len(), &|at| before.get(at).map(|f| &f.figure), &key)
                .and_then(|at| before.get(at))
        };
        let whole = match in_unit {
            Some(w) => Some(w.figure.clone()),
            None if !whole_label.is_empty() => earlier_lookups
                .last_named(earlier.len(), &|at| earlier.get(at), &key)
                .and_then(|at| earlier.get(at).cloned())
                .or_else(|| total_spending(&whole_label, earlier, before)),
            None => None,
        };
        let from = in_unit
            .filter(|w| w.sentence == previous.sentence)
            .map_or(previous.clause_start, |w| w.clause_start.min(previous.clause_start));
        out.push((
            ClaimKind::Share { part: previous.figure.clone(), whole, whole_label, percent: percent.figure.clone() },
            from,
            percent.end,
        ));
    }
    out
}

/// `占总支出比重为…` in a budget explanation: the section's first amount named as spending
/// (`2024年本部门一般公共预算拨款支出257万元，具体安排如下：`), found near the section's start.
fn total_spending(whole_label: &str, earlier: &[Figure], before: &[Found]) -> Option<Figure> {
    if !matches!(whole_label, "总支出" | "支出总额") {
        return None;
    }
    earlier.iter().chain(before.iter().map(|f| &f.figure)).find(|f| f.is_money() && f.label.ends_with("支出")).cloned()
}

/// What shares look up among a list of figures that only grows (a section's figures so far, a
/// unit's figures before the share), each figure looked at once per key: the shares of a long
/// section find their wholes in linear time, not each by a scan of every figure before it.
#[derive(Default)]
struct Lookups {
    /// Per key of a whole (`本年支出合计`): the last figure named with it, and how many figures
    /// were looked at.
    named: Vec<(String, Option<usize>, usize)>,
}

impl Lookups {
    /// The index of the last money figure of the `len` figures `figure(index)` whose label contains `key`.
    fn last_named<'f>(&mut self, len: usize, figure: &dyn Fn(usize) -> Option<&'f Figure>, key: &str) -> Option<usize> {
        let at = match self.named.iter().position(|(named, ..)| named == key) {
            Some(at) => at,
            None => {
                self.named.push((key.to_string(), None, 0));
                self.named.len() - 1
            }
        };
        let (_, last, looked) = &mut self.named[at];
        for index in *looked..len {
            if figure(index).is_some_and(|f| f.is_money() && contains(&norm(&f.label), key)) {
                *last = Some(index);
            }
        }
        *looked = len;
        *last
    }
}

/// `本年支出合计的` → `本年支出合计`.
fn whole_label(after: &str) -> String {
    let mut label = after.trim();
    for suffix in ["比重为", "比重", "比例为", "比例", "的", "为"] {
        label = label.strip_suffix(suffix).unwrap_or(label);
    }
    label.to_string()
}

/// The figure a list of parts belongs to: the last amount before the `其中` or `主要用于`
/// that opens the list holding `part`, in the same sentence.
fn list_anchor<'a>(unit: &Unit, found: &'a [Found], part: usize) -> Option<&'a Found> {
    let target = &found[part];
    let opener = ["其中", "主要用于"].iter().filter_map(|w| rfind(&unit.text[..target.start], w)).max()?;
    found[..part]
        .iter()
        .rev()
        .find(|f| f.end <= opener && f.figure.is_money() && f.depth == target.depth)
        .filter(|f| f.sentence == target.sentence)
}

/// `X万元，其中：A a万元、B b万元…` and the bracketed `（其中，…）`.
fn parts(unit: &Unit, found: &[Found]) -> Vec<(ClaimKind, usize, usize)> {
    let mut out = Vec::new();
    for position in find_all(&unit.text, "其中") {
        let Some(first) = found.iter().position(|f| f.start > position) else { continue };
        let opener = &found[first];
        let in_bracket = unit.text[..position].trim_end().ends_with(['（', '(']);
        let whole_depth = if in_bracket { opener.depth.saturating_sub(1) } else { opener.depth };
        let Some(whole) =
            found[..first].iter().rev().find(|f| f.depth == whole_depth && f.figure.unit != FigureUnit::Percent)
        else {
            continue;
        };
        let between = &unit.text[whole.end..position];
        let whole_is_near = whole.sentence == opener.sentence
            && whole.figure.unit != FigureUnit::Points
            && between.chars().filter(|c| is_clause_break(*c)).count() <= 1
            && !between.contains(['。', '！', '？']);
        if !whole_is_near {
            continue;
        }
        let money = whole.figure.is_money();
        let mut parts = Vec::new();
        let mut end = whole.end;
        for f in &found[first..] {
            if f.sentence != opener.sentence || f.depth < opener.depth {
                break;
            }
            if f.depth > opener.depth || f.figure.unit == FigureUnit::Percent {
                continue;
            }
            let label = &f.figure.label;
            let same_kind = if money {
                f.figure.is_money()
            } else {
                f.figure.unit == whole.figure.unit && f.figure.unit_text == whole.figure.unit_text
            };
            let new_topic =
                ["其中", "主要是", "主要用于", "主要包括", "含", "较", "比上年"].iter().any(|w| contains(label, w))
                    || direction_of(label).is_some()
                    || year_opening(label).is_some() && matches!(f.after, Some('；' | ';'));
            if !same_kind || new_topic {
                break;
            }
            parts.push(f.figure.clone());
            end = f.end;
        }
        drop_breakdowns(&mut parts);
        if parts.is_empty() {
            continue;
        }
        let complete = !unit.text[end..].trim_start().starts_with('等');
        out.push((ClaimKind::Parts { whole: whole.figure.clone(), parts, complete }, whole.clause_start, end));
    }
    out
}

/// The project a 自评 paragraph is about (`党史及地方志工作经费项目绩效自评综述：…`): the words
/// before the first `项目自评` or `项目绩效自评` within a clause (as the pattern
/// `([^，。：:；、]+?)项目(?:绩效)?自评` reads it).
fn project_name(before: &str) -> Option<String> {
    let name = before.split(['，', '。', '：', ':', '；', '、']).find_map(|clause| {
        let at = find_all(clause, "项目")
            .find(|&at| at > 0 && ["自评", "绩效自评"].iter().any(|w| clause[at + "项目".len()..].starts_with(w)))?;
        Some(clause[..at].trim().to_string())
    });
    name.filter(|name| !name.is_empty())
}

/// The first grade stated in `text` (`评价等级为“优”`), as the pattern
/// `(?:等级|评价结果|绩效评价|评定)为?[：:]?[“”"「]?(优秀|优|良好|良|中等|中|合格|不合格|差)` reads
/// it: the grade's byte offset and the grade.
fn stated_grade(text: &str) -> Option<(usize, &'static str)> {
    text.char_indices().find_map(|(at, _)| {
        let rest = &text[at..];
        let rest = ["等级", "评价结果", "绩效评价", "评定"].into_iter().find_map(|w| rest.strip_prefix(w))?;
        let rest = rest.strip_prefix('为').unwrap_or(rest);
        let rest = rest.strip_prefix(['：', ':']).unwrap_or(rest);
        let rest = rest.strip_prefix(['“', '”', '"', '「']).unwrap_or(rest);
        let grade = ["优秀", "优", "良好", "良", "中等", "中", "合格", "不合格", "差"]
            .into_iter()
            .find(|g| rest.starts_with(g))?;
        Some((text.len() - rest.len(), grade))
    })
}

/// `绩效自评得分99.5分，评价等级为“优”`; `总评分为100分，实际得分98分，…评价为优秀`.
fn scores(unit: &Unit, found: &[Found]) -> Vec<(ClaimKind, usize, usize)> {
    let mut out = Vec::new();
    for score in found.iter().filter(|f| f.figure.unit == FigureUnit::Points && contains(&f.figure.label, "得分")) {
        let sentence_end = unit.text[score.end..].find(['。', '！', '？']).map_or(unit.text.len(), |i| score.end + i);
        let grade = stated_grade(&unit.text[score.end..sentence_end])
            .map(|(start, grade)| (grade.to_string(), unit.locate(score.end + start, score.end + start + grade.len())));
        let subject = project_name(&unit.text[..score.start]).map_or(ScoreSubject::Overall, ScoreSubject::Project);
        let end = grade.as_ref().map_or(score.end, |(g, _)| {
            find(&unit.text[score.end..sentence_end], g).map_or(score.end, |i| score.end + i + g.len())
        });
        let (grade, grade_at) = grade.map_or((None, None), |(g, at)| (Some(g), Some(at)));
        out.push((
            ClaimKind::Score { subject, score: Some(score.figure.clone()), grade, grade_at },
            score.clause_start,
            end,
        ));
    }
    out
}

/// Expenses itemised as they are spent or budgeted (docs/domain.md §5 一般性支出, §8): `开支会议费
/// 2.22万元，用于召开…，经费支出为会议场租费0.3万元、会务用餐费0.17万元、其他费用0万元；用于召开…`,
/// `预算安排会议费1万元，…经费预算0.2万元；…经费预算0.8万元；培训费1万元…`. The items are the
/// amounts named as a cost (`…费`) up to the next expense, within the sentence.
fn itemised(found: &[Found]) -> Vec<(ClaimKind, usize, usize)> {
    const EXPENSES: [&str; 2] = ["会议费", "培训费"];
    let names_expense = |f: &Found| f.figure.is_money() && EXPENSES.iter().any(|e| f.figure.label.ends_with(e));
    let mut out = Vec::new();
    for (index, whole) in found.iter().enumerate().filter(|(_, f)| names_expense(f)) {
        let items: Vec<&Found> = found[index + 1..]
            .iter()
            .take_while(|f| f.sentence == whole.sentence && !names_expense(f))
            .filter(|f| f.figure.is_money())
            .collect();
        if items.is_empty() || !items.iter().all(|f| contains(&f.figure.label, "费")) {
            continue;
        }
        let end = items.last().map_or(whole.end, |f| f.end);
        out.push((
            ClaimKind::Parts {
                whole: whole.figure.clone(),
                parts: items.iter().map(|f| f.figure.clone()).collect(),
                complete: true,
            },
            whole.clause_start,
            end,
        ));
    }
    out
}

/// Removes parts that only break down the part before them (`基本支出211.6万元，人员经费35.2万元，
/// 公用经费176.4万元`: the last two add up to the first, so they are its breakdown, not further parts).
fn drop_breakdowns(parts: &mut Vec<Figure>) {
    let mut index = 0;
    while index < parts.len() {
        let mut sum = Some(rust_decimal::Decimal::ZERO);
        let breakdown = (index + 1..parts.len()).find(|&last| {
            sum = sum.and_then(|sum| crate::rounding::add(sum, parts[last].number.value));
            last > index + 1 && sum == Some(parts[index].number.value)
        });
        if let Some(last) = breakdown {
            parts.drain(index + 1..=last);
        }
        index += 1;
    }
}

#[cfg(test)]
mod tests;
