use super::{declare_rule, lookup, verdicts, Check};
use crate::check::Checker;
use crate::ingest::{contains, find};
use crate::report::ParseReport;

declare_rule! {
    /// ## What
    /// A section whose heading names one fund — 政府性基金, 国有资本经营, 社会保险基金, or the
    /// 三公 expenses — speaks of that fund: `八、国有资本经营预算财政拨款支出决算情况说明`
    /// followed by `本单位没有政府性基金收入，也没有使用政府性基金安排的支出` is the previous
    /// section's text copied under the next heading. The section's own paragraphs (not its
    /// subsections') are read together; they hold when they name the heading's fund or no other
    /// one. A heading naming several funds, or none, is not evaluated. Each section is one
    /// relation.
    ///
    /// ## Why
    /// The 情况说明 repeats one sentence shape for each fund; a section copied and not rewritten
    /// leaves the next fund unexplained while looking complete.
    ///
    /// ## Example
    /// `八、国有资本经营预算财政拨款支出决算情况说明` / `本单位没有政府性基金收入…`: warning.
    /// `七、政府性基金预算财政拨款收入支出决算情况说明` / `本单位没有政府性基金收入…`: holds.
    ///
    /// ## Source
    /// 部门决算 情况说明 template (七 政府性基金, 八 国有资本经营); the class 5;
    /// docs/domain.md §9.
    pub struct SectionNamesItsFund {
        code: "L016",
        name: "section-names-its-fund",
        title_zh: "章节正文所述资金与标题不符",
        title_en: "A section's text speaks of another fund than its heading",
        category: Form,
        severity: Warning,
        review: true,
    }
}

/// The fund of [`lookup::FUNDS`] `text` names, if it names exactly one.
fn only_fund(text: &str) -> Option<usize> {
    let mut named = (0..lookup::FUNDS.len()).filter(|&fund| names(text, fund));
    named.next().filter(|_| named.next().is_none())
}

fn names(text: &str, fund: usize) -> bool {
    lookup::FUNDS[fund].1.iter().any(|name| contains(text, name))
}

impl Check for SectionNamesItsFund {
    fn check(&self, document: &ParseReport, checker: &mut Checker) {
        for section in lookup::all_sections(document) {
            let Some(own) = only_fund(&section.heading) else { continue };
            if section.paragraphs.is_empty() {
                continue;
            }
            let own_named = section.paragraphs.iter().any(|paragraph| names(&paragraph.text, own));
            // The first other fund the text names, and where.
            let other = section.paragraphs.iter().find_map(|paragraph| {
                (0..lookup::FUNDS.len()).filter(|&fund| fund != own).find_map(|fund| {
                    lookup::FUNDS[fund]
                        .1
                        .iter()
                        .find_map(|name| Some((paragraph, fund, find(&paragraph.text, name)?, *name)))
                })
            });
            let Some((paragraph, fund, offset, name)) = other.filter(|_| !own_named) else {
                checker.held(&Self::INFO);
                continue;
            };
            let (heading, own_fund, other_fund) = (&section.heading, lookup::FUNDS[own].0, lookup::FUNDS[fund].0);
            checker.require(
                &Self::INFO,
                false,
                verdicts::in_paragraph(paragraph, offset, name, None),
                format!("{}：「{heading}」下的正文讲的是{other_fund}，没有提到{own_fund}", Self::INFO.title_zh),
                format!(
                    "{}: the text under «{heading}» speaks of {other_fund}, not of {own_fund}",
                    Self::INFO.title_en
                ),
                format!("「{heading}」：正文含「{other_fund}」，无「{own_fund}」"),
            );
        }
    }
}
