use super::{declare_rule, Check};
use crate::check::Checker;
use crate::claims::{self, Claim, ClaimKind, Figure};
use crate::finding::Term;
use crate::ingest::contains;
use crate::model::Amount;
use crate::report::ParseReport;

declare_rule! {
    /// ## What
    /// The 三公 total the text states (`“三公”经费财政拨款支出预算为136.85万元，支出决算为136.85万元`)
    /// is the sum of the three items it then states sentence by sentence (`1.因公出国（境）费支出预算
    /// 为20万元…`, `2.公务用车购置及运行维护费支出预算为83万元…`, `3.公务接待费支出预算为11万元…`),
    /// for the budget and for the actual; a budget's total (`2023年“三公”经费预算数为22.91万元。其中：
    /// （一）、因公出国（境）费0万元…`) the sum of its items' amounts. The items are the first 出国, 公务用车购置及运行 (or,
    /// with no such subtotal, its 购置费 and 运行费) and 接待 sentences in the few after the
    /// total, up to the next total; all must be stated. One relation per side; a warning the
    /// diagnosis leaves alone (N008 compares each figure with table 09).
    ///
    /// ## Why
    /// The items are written one by one, often from the 年初预算 while the total is taken from
    /// table 09: when they do not add up, the text contradicts itself whatever the table says.
    ///
    /// ## Example
    /// 预算 `136.85` with items `20 + 83 + 11 = 114`: warning. `44` with `0 + 24 + 20`: holds.
    ///
    /// ## Source
    /// 部门决算公开 情况说明 template (七 “三公”经费支出情况); docs/domain.md §5.
    pub struct NarrativeThreePublicParts {
        code: "N021",
        name: "narrative-three-public-parts",
        title_zh: "文中“三公”经费总额与分项之和不符",
        title_en: "The text's 三公 total differs from its items",
        category: Narrative,
        severity: Warning,
        review: true,
    }
}

/// How many claims after the total its items are looked for in.
const WINDOW: usize = 40;

/// Which item of the 三公 a completion sentence states: 0 出国, 1 公务用车购置及运行, 2 接待,
/// 3 公务用车购置 alone, 4 公务用车运行 alone.
fn item_of(subject: &str) -> Option<usize> {
    if contains(subject, "出国") {
        return Some(0);
    }
    if contains(subject, "接待") {
        return Some(2);
    }
    if !contains(subject, "车") {
        return None;
    }
    match (contains(subject, "购置"), contains(subject, "运行")) {
        (true, true) => Some(1),
        (true, false) => Some(3),
        (false, true) => Some(4),
        (false, false) => None,
    }
}

/// A total or item as the text states it: its subject, then its budget and actual (a
/// completion sentence) or the one figure of an amount (a budget's `（一）、因公出国（境）费0万元`).
type Stated<'a> = (&'a str, &'a Figure, Option<&'a Figure>);

/// `claim` as a [`Stated`]; an amount that is also a completion's budget is that completion.
fn stated<'a>(claim: &'a Claim, completions: &[usize]) -> Option<Stated<'a>> {
    match &claim.kind {
        ClaimKind::Completion { subject, budget, actual, .. } => Some((subject, budget, Some(actual))),
        ClaimKind::Amount { subject, figure } if !completions.contains(&figure.at.byte_start) => {
            Some((subject, figure, None))
        }
        _ => None,
    }
}

impl Check for NarrativeThreePublicParts {
    fn check<'a>(&self, _document: &ParseReport, checker: &mut Checker<'a>) {
        let all: &'a [Claim] = checker.claims();
        let completions: Vec<usize> = all
            .iter()
            .filter_map(|claim| match &claim.kind {
                ClaimKind::Completion { budget, .. } => Some(budget.at.byte_start),
                _ => None,
            })
            .collect();
        for (index, claim) in all.iter().enumerate() {
            let Some((subject, budget, actual)) = stated(claim, &completions).filter(|(s, ..)| contains(s, "三公"))
            else {
                continue;
            };
            let mut items: [Option<(&Figure, Option<&Figure>)>; 5] = [None; 5];
            // The items follow within a few sentences (each under a numbered line of its own), in
            // the total's shape (completions after a completion, amounts after an amount).
            for (item, item_budget, item_actual) in all[index + 1..]
                .iter()
                .take(WINDOW)
                .filter_map(|claim| stated(claim, &completions))
                .filter(|(.., item_actual)| item_actual.is_some() == actual.is_some())
                .take_while(|(s, ..)| !contains(s, "三公"))
            {
                if let Some(slot) = item_of(item).and_then(|i| items.get_mut(i)).filter(|slot| slot.is_none()) {
                    *slot = Some((item_budget, item_actual));
                }
            }
            // The vehicles as one item, or as its 购置费 and 运行费 when the text gives no subtotal.
            let named: Vec<(&str, (&Figure, Option<&Figure>))> = match items {
                [Some(abroad), Some(vehicles), Some(reception), ..] => {
                    vec![("因公出国(境)费", abroad), ("公务用车购置及运行费", vehicles), ("公务接待费", reception)]
                }
                [Some(abroad), None, Some(reception), Some(purchase), Some(operation)] => vec![
                    ("因公出国(境)费", abroad),
                    ("公务用车购置费", purchase),
                    ("公务用车运行费", operation),
                    ("公务接待费", reception),
                ],
                _ => continue,
            };
            let sides = [(" 预算", Some(budget), true), (" 决算", actual, false)];
            let sides = if actual.is_some() { &sides[..] } else { &[("", Some(budget), true)][..] };
            for &(side, total, of_budget) in sides {
                let Some(total_amount) = total.and_then(Figure::amount) else { continue };
                let parts: Option<Vec<(String, Amount)>> = named
                    .iter()
                    .map(|&(name, (item_budget, item_actual))| {
                        let figure = if of_budget { Some(item_budget) } else { item_actual };
                        Some((format!("文中 {name}{side}"), figure?.amount()?))
                    })
                    .collect();
                let Some(parts) = parts else { continue };
                let terms: Vec<(Term, bool)> =
                    parts.iter().map(|(label, amount)| (claims::term(label.clone(), amount), true)).collect();
                let subject = subject.trim_end_matches(['为', '是']);
                checker.sum(&Self::INFO, claims::term(format!("文中 {subject}{side}"), &total_amount), &terms);
                checker.aside();
            }
        }
    }
}
