use super::{declare_rule, lookup, verdicts, Check};
use crate::check::Checker;
use crate::claims::{self, Claim, ClaimKind, Figure};
use crate::finding::Term;
use crate::model::Amount;
use crate::report::ParseReport;

declare_rule! {
    /// ## What
    /// A 绩效 paragraph's count of projects and their funds agree with the breakdown that follows
    /// them in the same paragraph:
    /// - by fund: `涉及项目 1 个，共涉及资金 5487.18 万元。其中，一般公共预算项目 1 个 5487.18
    ///   万元，…；政府性基金预算项目 0 个 0 万元，…` — the projects of the funds add up to the
    ///   stated count, and their amounts to the stated funds;
    /// - by project: `编报绩效目标的项目2个，涉及的项目支出72.34万元，其中：专项业务（工作）经费
    ///   62.34万元，维权维稳（工作）经费10万元` — as many projects are listed as the count says
    ///   (their amounts against the total are N006's).
    /// A count with no breakdown after it (`涉及项目4个，涉及资金115.01万元`) is not evaluated.
    /// Counts are exact; amounts are judged by displayed precision. Each agreement is one
    /// relation.
    ///
    /// ## Why
    /// The count, the funds and their breakdown are typed separately into the 绩效 template; a
    /// project added or moved between funds is often updated in one place only.
    ///
    /// ## Example
    /// `涉及项目 2 个，共涉及资金 300 万元。其中，一般公共预算项目 1 个 200 万元；政府性基金预算项目 0 个 0 万元`:
    /// warning (2 ≠ 1 + 0; 300 ≠ 200 + 0). With `涉及项目 1 个，共涉及资金 200 万元`: holds.
    ///
    /// ## Source
    /// 部门决算 情况说明 template, 预算绩效情况说明 (绩效管理工作开展情况); docs/domain.md §5.
    pub struct NarrativeProjectBreakdown {
        code: "N022",
        name: "narrative-project-breakdown",
        title_zh: "文中项目个数或资金与其分项不符",
        title_en: "Stated projects or funds differ from their breakdown",
        category: Narrative,
        severity: Warning,
        review: true,
    }
}

/// A count of projects in all (`涉及项目«1 个»`, `编报绩效目标的项目«2个»`), not of one fund's.
fn counts_projects(subject: &str) -> bool {
    subject.trim_end().ends_with("项目") && !counts_funds_projects(subject)
}

/// A count of one fund's projects (`一般公共预算项目«1 个»`).
fn counts_funds_projects(subject: &str) -> bool {
    subject.trim_end().ends_with("预算项目")
}

/// What follows a count of projects in its paragraph.
#[derive(Default)]
struct Breakdown<'a> {
    /// The funds stated beside the count (`共涉及资金«5487.18 万元»`).
    funds: Option<&'a Figure>,
    /// The projects listed with their amounts (a `Parts` claim of the funds).
    listed: Option<(usize, bool)>,
    /// Each fund's count of projects and its amount, in order.
    by_fund: Vec<(&'a Figure, Option<&'a Figure>)>,
}

/// The breakdown in `following`, the claims after a count of projects up to its paragraph's end.
fn breakdown<'a>(following: &'a [Claim]) -> Breakdown<'a> {
    let mut found = Breakdown::default();
    for claim in following {
        match &claim.kind {
            ClaimKind::Amount { subject, figure } if found.by_fund.is_empty() && found.funds.is_none() => {
                if !(subject.contains("资金") || subject.contains("支出")) {
                    break;
                }
                found.funds = Some(figure);
            }
            ClaimKind::Parts { whole, parts, complete } if found.funds.is_some_and(|funds| funds.at == whole.at) => {
                found.listed = Some((parts.len(), *complete));
            }
            ClaimKind::Count { subject, figure } if counts_funds_projects(subject) => {
                found.by_fund.push((figure, None))
            }
            ClaimKind::Amount { subject, figure } if subject.trim().is_empty() => match found.by_fund.last_mut() {
                Some((_, amount @ None)) => *amount = Some(figure),
                _ => break,
            },
            // A share of each fund's amount (`占一般公共预算支出总额的 100%`) belongs to the list.
            ClaimKind::Share { .. } if !found.by_fund.is_empty() => {}
            // The listed projects' own amounts (`专项业务（工作）经费«62.34万元»`).
            ClaimKind::Amount { .. } if found.listed.is_some() => {}
            _ => break,
        }
    }
    found
}

/// `figure` as a term of a relation, named `文中 {label}`.
fn term(figure: &Figure) -> Option<(String, Amount)> {
    Some((format!("文中 {}", figure.label.trim()), figure.amount()?))
}

impl Check for NarrativeProjectBreakdown {
    fn check<'a>(&self, document: &ParseReport, checker: &mut Checker<'a>) {
        let all: &'a [Claim] = checker.claims();
        let paragraph_ends: Vec<(usize, usize)> =
            lookup::paragraphs(document).iter().map(|p| (p.span.byte_start, p.span.byte_end)).collect();
        for (index, claim) in all.iter().enumerate() {
            let ClaimKind::Count { subject, figure: count } = &claim.kind else { continue };
            if !counts_projects(subject) {
                continue;
            }
            let start = claim.span.byte_start;
            let Some(&(_, end)) = paragraph_ends.iter().find(|(from, to)| (*from..*to).contains(&start)) else {
                continue;
            };
            let following = &all[index + 1..];
            let in_paragraph = following.iter().take_while(|c| c.span.byte_start < end).count();
            let found = breakdown(&following[..in_paragraph]);
            if found.by_fund.len() >= 2 {
                let Some((label, stated)) = term(count) else { continue };
                let parts: Option<Vec<(String, Amount)>> = found.by_fund.iter().map(|(count, _)| term(count)).collect();
                let Some(parts) = parts else { continue };
                let terms: Vec<(Term, bool)> = parts.iter().map(|(l, a)| (claims::term(l.clone(), a), true)).collect();
                checker.sum(&Self::INFO, claims::term(label, &stated), &terms);
                checker.aside();
                let amounts: Option<Vec<(String, Amount)>> = found
                    .by_fund
                    .iter()
                    .map(|(count, amount)| Some((format!("{} 资金", term(count)?.0), (*amount)?.amount()?)))
                    .collect();
                if let (Some((label, funds)), Some(amounts)) = (found.funds.and_then(term), amounts) {
                    let terms: Vec<(Term, bool)> =
                        amounts.iter().map(|(l, a)| (claims::term(l.clone(), a), true)).collect();
                    checker.sum(&Self::INFO, claims::term(label, &funds), &terms);
                    checker.aside();
                }
            } else if let Some((listed, true)) = found.listed.filter(|(listed, _)| *listed >= 2) {
                let stated = count.number.value;
                checker.require(
                    &Self::INFO,
                    stated == listed.into(),
                    verdicts::figure_location(count),
                    format!("{}：文中称项目 {stated} 个，其后列出 {listed} 个项目的资金", Self::INFO.title_zh),
                    format!(
                        "{}: the text says {stated} projects, then lists the funds of {listed}",
                        Self::INFO.title_en
                    ),
                    format!("{stated} ≠ {listed}（{}）", count.label.trim()),
                );
            }
        }
    }
}
