//! What a document states about its department's figures in a given year, for the rules
//! that compare documents checked together (the Y rules): a 部门预算 of year N says what
//! the budget was in N−1 (`较上年增加21.74万元`); the 部门决算 of N−1 states that budget
//! and what was spent. Facts are read from the claims and tables, never guessed.

use super::lookup;
use super::RuleInfo;
use crate::check::{Checker, Companion};
use crate::claims::{self, ChangeBasis, Claim, ClaimKind, Direction, Figure};
use crate::finding::Term;
use crate::ingest::{contains, find, rfind};
use crate::model::{Amount, Side};
use crate::recognise::meta::DocumentKind;
use crate::recognise::Form;
use crate::report::ParseReport;

/// A figure that two documents of one department can both state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Measure {
    /// The department's budget (收入预算 = 支出预算) at the start of the year (年初预算).
    BudgetTotal,
    /// 机关运行经费 at the start of the year.
    RunningCostsBudget,
    /// “三公”经费 budget.
    ThreePublicBudget,
    /// 财政拨款收入 in a budget (`其中：财政拨款收入15621.11万元，比2023年预算减少876.75万元`).
    FiscalGrantBudget,
    /// 收、支总计 of the year's accounts (01表 总计).
    AccountsTotal,
    /// 机关运行经费 spent in the year.
    RunningCostsSpent,
    /// 公务用车 held at the end of the year.
    VehiclesHeld,
}

impl Measure {
    fn zh(self) -> &'static str {
        match self {
            Measure::BudgetTotal => "部门预算",
            Measure::RunningCostsBudget => "机关运行经费年初预算",
            Measure::ThreePublicBudget => "“三公”经费预算",
            Measure::FiscalGrantBudget => "财政拨款收入预算",
            Measure::AccountsTotal => "收、支总计",
            Measure::RunningCostsSpent => "机关运行经费支出",
            Measure::VehiclesHeld => "公务用车",
        }
    }
}

/// One figure a document states (or implies) for `measure` in `year`.
#[derive(Debug, Clone)]
pub struct Fact {
    pub measure: Measure,
    pub year: u16,
    /// Whether the document speaks about another year than its own (a 上年 figure).
    pub other_year: bool,
    pub amount: Amount,
    /// When the text leaves the direction of a change open (`增加（减少）4万元`), the figure
    /// the other direction gives.
    pub alternative: Option<Amount>,
    label: String,
    table: Option<&'static str>,
    row: Option<String>,
    column: Option<String>,
}

#[deny(clippy::arithmetic_side_effects)]
impl Fact {
    /// The fact as a relation term showing `amount` (the fact's or its alternative).
    pub fn term<'a>(&'a self, amount: &'a Amount) -> Term<'a> {
        Term {
            label: self.label.clone(),
            amount,
            table: self.table,
            row: self.row.clone(),
            column: self.column.clone(),
        }
    }

    /// The stated figure, or the alternative when that is nearer to `other`.
    pub fn nearest(&self, other: &Amount) -> &Amount {
        let distance = |a: &Amount| crate::rounding::sub(a.number.value, other.number.value).map(|d| d.abs());
        match &self.alternative {
            Some(alternative) if distance(alternative) < distance(&self.amount) => alternative,
            _ => &self.amount,
        }
    }
}

/// Compares the facts of `measures` that the document (`own`) and each companion state for
/// the same year; each disagreement is reported once, in the document [`reported_here`] picks.
/// A companion stating the figure another companion already stated (a second copy of one
/// document) adds no relation.
pub fn compare(rule: &RuleInfo, own: &Companion, checker: &mut Checker, measures: &[Measure]) {
    let ours: Vec<&Fact> = own.facts().iter().filter(|f| measures.contains(&f.measure)).collect();
    if ours.is_empty() {
        return;
    }
    let mut compared: Vec<(usize, &Amount)> = Vec::new();
    for companion in checker.companions() {
        for (index, our) in ours.iter().enumerate() {
            for their in companion.facts().iter().filter(|their| their.measure == our.measure && their.year == our.year)
            {
                if !reported_here(own, our, companion, their)
                    || compared.iter().any(|&(i, amount)| i == index && amount.number == their.amount.number)
                {
                    continue;
                }
                compared.push((index, &their.amount));
                let mut other = their.term(&their.amount);
                other.label = format!("{} {}", short_name(&companion.source), other.label);
                checker.equal_across(rule, our.term(our.nearest(&their.amount)), &companion.source, other);
            }
        }
    }
}

/// A document's file name without its directory, for messages.
fn short_name(source: &str) -> &str {
    source.rsplit(['/', '\\']).next().unwrap_or(source)
}

/// Which of two documents reports a disagreement between their facts `ours` and `theirs`:
/// the one speaking about another year than its own (it restates the other's figure); when
/// both or neither do, the 决算 (it restates the budget), then the later-named document.
pub fn reported_here(own: &Companion, ours: &Fact, companion: &Companion, theirs: &Fact) -> bool {
    if ours.other_year != theirs.other_year {
        return ours.other_year;
    }
    if own.is_accounts() != companion.is_accounts() {
        return own.is_accounts();
    }
    own.source > companion.source
}

/// Every fact `document` states, from its claims and tables.
// Out of line: inlined into a document's check (then `check::begin`, now `check::check_document`)
// it took about 240 B (gzip) more of the embed's wasm.
#[inline(never)]
pub fn facts(document: &ParseReport, claims: &[Claim]) -> Vec<Fact> {
    let Some(year) = document.document.year else { return Vec::new() };
    let kinds = &document.document.kinds;
    let mut out = Vec::new();
    if kinds.contains(&DocumentKind::Budget) {
        budget_facts(claims, year, &mut out);
    }
    if kinds.contains(&DocumentKind::FinalAccounts) {
        accounts_facts(document, claims, year, &mut out);
    }
    if let Some(fact) = vehicles(document, claims, year) {
        out.push(fact);
    }
    out
}

fn budget_facts(claims: &[Claim], year: u16, out: &mut Vec<Fact>) {
    for subject in ["收入预算", "支出预算"] {
        let Some(total) = amount(claims, |label| contains(label, subject) && !mentions_change(label)) else { continue };
        out.extend(stated(Measure::BudgetTotal, year, total));
        let change = claims.iter().find_map(|c| match &c.kind {
            ClaimKind::Change { subject: s, basis: ChangeBasis::PriorYear, direction, delta, .. }
                if contains(s, subject) =>
            {
                Some((*direction, delta))
            }
            _ => None,
        });
        if let Some((direction, delta)) = change {
            out.extend(prior(Measure::BudgetTotal, year - 1, total, delta, Some(direction)));
        }
        break;
    }
    if let Some(grant) = amount(claims, |label| label.ends_with("财政拨款收入") && !mentions_change(label)) {
        out.extend(stated(Measure::FiscalGrantBudget, year, grant));
    }
    if let Some((current, direction, delta)) = change_of(claims, ChangeBasis::PriorYear, "财政拨款收入") {
        out.extend(prior(Measure::FiscalGrantBudget, year - 1, current, delta, Some(direction)));
    }
    if let Some(running) = amount(claims, |label| contains(label, "机关运行经费") && !mentions_change(label)) {
        out.extend(stated(Measure::RunningCostsBudget, year, running));
    }
    if let Some((current, direction, delta)) = change_of(claims, ChangeBasis::PriorYear, "机关运行经费") {
        out.extend(prior(Measure::RunningCostsBudget, year - 1, current, delta, Some(direction)));
    }
    let three_public = |label: &str| contains(label, "三公") && contains(label, "预算");
    if let Some(total) = amount(claims, |label| three_public(label) && !mentions_change(label)) {
        out.extend(stated(Measure::ThreePublicBudget, year, total));
        let prior_year = [format!("{}年", year - 1), "上年".to_string()];
        let change = claims.iter().find_map(|c| match &c.kind {
            ClaimKind::Amount { figure, .. }
                if three_public(&figure.label)
                    && mentions_change(&figure.label)
                    && prior_year.iter().any(|y| contains(&figure.label, y)) =>
            {
                Some(figure)
            }
            _ => None,
        });
        if let Some(delta) = change {
            out.extend(prior(Measure::ThreePublicBudget, year - 1, total, delta, direction_of(&delta.label)));
        } else if let Some((current, direction, delta)) =
            change_of(claims, ChangeBasis::PriorYear, "三公").filter(|(current, ..)| current.at == total.at)
        {
            // `2024年“三公”经费预算数为47.91万元，比2023年预算增加25万元`.
            out.extend(prior(Measure::ThreePublicBudget, year - 1, current, delta, Some(direction)));
        }
    }
}

fn accounts_facts(document: &ParseReport, claims: &[Claim], year: u16, out: &mut Vec<Fact>) {
    let overall = lookup::performance_tables(document).find(|(table, _)| table.form == Form::OverallPerformance);
    if let Some((table, performance)) = overall {
        if let Some(initial) =
            lookup::funding_line(performance, lookup::ANNUAL_FUNDS).and_then(|line| line.initial_budget.as_ref())
        {
            out.push(cell(
                Measure::BudgetTotal,
                year,
                table,
                &lookup::performance_row(table, performance, lookup::ANNUAL_FUNDS),
                "年初预算数",
                initial,
            ));
        }
    }
    if let Some((current, direction, delta)) = change_of(claims, ChangeBasis::Budget, "机关运行经费") {
        // 比年初预算数减少A万元: the budget was the spending plus A.
        out.extend(
            prior(Measure::RunningCostsBudget, year, current, delta, Some(direction))
                .map(|budget| Fact { other_year: false, ..budget }),
        );
    }
    // The narrative's 三公 budget first: 09表's 预算数 column is often filled with the 决算数
    // (N008 reports that inside the document).
    let stated_three_public = claims.iter().find_map(|c| match &c.kind {
        ClaimKind::Completion { subject, budget, .. } if contains(subject, "三公") => Some(budget),
        _ => None,
    });
    if let Some(budget) = stated_three_public {
        out.extend(stated(Measure::ThreePublicBudget, year, budget));
    } else if let Some((table, budget)) =
        lookup::three_public(document).and_then(|(table, t)| t.budget.total.as_ref().map(|b| (table, b)))
    {
        out.push(cell(Measure::ThreePublicBudget, year, table, "合计", "预算数", budget));
    }
    let grand_total = lookup::summary(document, Form::IncomeExpenditureSummary).and_then(|(table, summary)| {
        lookup::line(summary, Side::Income, "总计")
            .and_then(lookup::only_value)
            .map(|(column, total)| (table, column, total))
    });
    if let Some((table, column, total)) = grand_total {
        out.push(cell(Measure::AccountsTotal, year, table, "收入总计", column, total));
    } else if let Some(total) =
        amount(claims, |label| contains(label, "收、支总计") && !contains(label, "财政拨款") && !mentions_change(label))
    {
        out.extend(stated(Measure::AccountsTotal, year, total));
    }
    if let Some((current, direction, delta)) = change_of(claims, ChangeBasis::PriorYear, "收、支总计")
        .filter(|(current, ..)| !contains(&current.label, "财政拨款"))
    {
        out.extend(prior(Measure::AccountsTotal, year - 1, current, delta, Some(direction)));
    }
    if let Some(spent) =
        amount(claims, |label| contains(label, "机关运行经费") && contains(label, "支出") && !mentions_change(label))
    {
        out.extend(stated(Measure::RunningCostsSpent, year, spent));
    }
    if let Some((current, direction, delta)) = change_of(claims, ChangeBasis::PriorYear, "机关运行经费") {
        out.extend(prior(Measure::RunningCostsSpent, year - 1, current, delta, Some(direction)));
    }
}

/// The vehicles the document says are held (`公务用车保有量为3辆`, `共有公务用车2辆`), at the
/// end of the year it names (`截止2023年12月底`), else of its own year (a budget: the year before).
fn vehicles(document: &ParseReport, claims: &[Claim], year: u16) -> Option<Fact> {
    let held = |words: &[&str]| {
        claims.iter().find_map(|c| match &c.kind {
            ClaimKind::Count { figure, .. }
                if figure.unit_text == "辆"
                    && words.iter().any(|w| contains(&figure.label, w))
                    && !contains(&figure.label, "新增") =>
            {
                Some((c, figure))
            }
            _ => None,
        })
    };
    let (claim, figure) = held(&["保有量"]).or_else(|| held(&["共有车辆", "共有公务用车"]))?;
    let named = named_year(document, claim, figure);
    let own = if document.document.kinds.contains(&DocumentKind::Budget) { year - 1 } else { year };
    let at = named.unwrap_or(own);
    let mut fact = stated(Measure::VehiclesHeld, at, figure)?;
    fact.other_year = at != year;
    fact.label = format!("{at}年末 {}", figure.name());
    Some(fact)
}

/// The year of a `截止2023年12月底` / `截至2023年12月31日` before `figure` in its paragraph.
fn named_year(document: &ParseReport, claim: &Claim, figure: &Figure) -> Option<u16> {
    let paragraph = lookup::paragraphs(document)
        .into_iter()
        .find(|p| p.span.byte_start <= claim.span.byte_start && claim.span.byte_start < p.span.byte_end)?;
    let before = &paragraph.text[..find(&paragraph.text, &figure.label)?];
    ["截止", "截至"].iter().filter_map(|word| rfind(before, word).map(|at| &before[at + word.len()..])).find_map(
        |rest| {
            let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
            (digits.len() == 4 && rest[4..].starts_with('年')).then(|| digits.parse().ok()).flatten()
        },
    )
}

/// The first money amount whose label passes `wanted`.
fn amount(claims: &[Claim], wanted: impl Fn(&str) -> bool) -> Option<&Figure> {
    claims.iter().find_map(|c| match &c.kind {
        ClaimKind::Amount { figure, .. } if figure.is_money() && wanted(&figure.label) => Some(figure),
        _ => None,
    })
}

/// The first change against `basis` whose current figure is named with `subject`.
fn change_of<'a>(
    claims: &'a [Claim],
    basis: ChangeBasis,
    subject: &str,
) -> Option<(&'a Figure, Direction, &'a Figure)> {
    claims.iter().find_map(|c| match &c.kind {
        ClaimKind::Change { basis: b, direction, delta, current: Some(current), .. }
            if *b == basis && contains(&current.label, subject) && delta.is_money() =>
        {
            Some((current, *direction, delta))
        }
        _ => None,
    })
}

fn mentions_change(label: &str) -> bool {
    label.contains(['比', '较'])
}

/// The direction a label states, `None` when it leaves it open (`增加（减少）`).
fn direction_of(label: &str) -> Option<Direction> {
    let up = claims::INCREASE.iter().any(|w| contains(label, w));
    let down = claims::DECREASE.iter().any(|w| contains(label, w));
    match (up, down) {
        (true, false) => Some(Direction::Increase),
        (false, true) => Some(Direction::Decrease),
        _ => None,
    }
}

fn opposite(direction: Direction) -> Direction {
    match direction {
        Direction::Increase => Direction::Decrease,
        Direction::Decrease => Direction::Increase,
    }
}

fn sign(direction: Direction) -> &'static str {
    match direction {
        Direction::Increase => "+",
        Direction::Decrease => "−",
    }
}

/// `figure` moved by `delta` in `direction`, shown at the coarser of their precisions
/// (`None` for a 亿元 figure too coarse to be stated in 万元, or beyond `Decimal`'s range).
#[deny(clippy::arithmetic_side_effects)]
fn offset(figure: &Figure, delta: &Figure, direction: Direction) -> Option<Amount> {
    let (a, d) = (figure.amount()?, delta.amount()?);
    let value = match direction {
        Direction::Increase => crate::rounding::add(a.number.value, d.number.value)?,
        Direction::Decrease => crate::rounding::sub(a.number.value, d.number.value)?,
    };
    Some(claims::derived(value, [&a.number, &d.number], delta.at))
}

/// A figure the document states for its own year, or the year it names.
fn stated(measure: Measure, year: u16, figure: &Figure) -> Option<Fact> {
    let amount = figure.amount()?;
    let name = figure.name();
    let label = if contains(name, "年") { name.to_string() } else { format!("{year}年 {name}") };
    Some(Fact { label, ..derived_fact(measure, year, false, amount) })
}

/// The prior year's figure a change implies: this year's `current` undone by `delta`
/// (`257 − 21.74` for `较上年增加21.74万元`). With no direction, both are kept.
fn prior(measure: Measure, year: u16, current: &Figure, delta: &Figure, direction: Option<Direction>) -> Option<Fact> {
    let back = opposite(direction.unwrap_or(Direction::Increase));
    let amount = offset(current, delta, back)?;
    let alternative = direction.is_none().then(|| offset(current, delta, opposite(back))).flatten();
    let how = match direction {
        Some(_) => format!("{} {} {}", current.raw, sign(back), delta.raw),
        None => format!("{} ± {}，增减方向未写明", current.raw, delta.raw),
    };
    Some(Fact {
        label: format!("{year}年 {}（{how}）", measure.zh()),
        alternative,
        ..derived_fact(measure, year, true, amount)
    })
}

fn cell(
    measure: Measure,
    year: u16,
    table: &crate::recognise::RecognisedTable,
    row: &str,
    column: &str,
    amount: &Amount,
) -> Fact {
    let term = Term::cell(table, row, column, amount);
    Fact {
        label: term.label,
        table: term.table,
        row: term.row,
        column: term.column,
        ..derived_fact(measure, year, false, amount.clone())
    }
}

fn derived_fact(measure: Measure, year: u16, other_year: bool, amount: Amount) -> Fact {
    Fact {
        measure,
        year,
        other_year,
        amount,
        alternative: None,
        label: String::new(),
        table: None,
        row: None,
        column: None,
    }
}
