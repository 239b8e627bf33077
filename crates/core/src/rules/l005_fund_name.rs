use super::{declare_rule, lookup, verdicts, Check};
use crate::check::Checker;
use crate::report::ParseReport;

declare_rule! {
    /// ## What
    /// The budget funds that name the nine tables are written as the 预算法 names them:
    /// `国有资本经营预算` (not `国有资产经营预算`), `政府性基金预算` (not `政府基金预算`,
    /// `政府性资金预算`). Checked in table titles, headings, notes and running text; each
    /// mention of one of these funds, right or wrong, is one relation.
    ///
    /// ## Why
    /// 国有资本经营预算 is one of the four statutory budgets; 国有资产 (state assets) is a
    /// different thing, reported in 国有资产占用情况. A table titled with the wrong name is not
    /// the standard 公开08表 as far as a reader or a search is concerned.
    ///
    /// ## Example
    /// `国有资产经营预算财政拨款支出决算表`: warning, expecting `国有资本经营预算`.
    /// `国有资本经营预算财政拨款支出决算表`: holds.
    ///
    /// ## Source
    /// 《中华人民共和国预算法》第五条; 部门决算公开 template 公开07表, 公开08表; docs/domain.md §4, §9.
    pub struct FundName {
        code: "L005",
        name: "fund-name",
        title_zh: "预算名称不规范",
        title_en: "Non-standard budget fund name",
        category: Form,
        severity: Warning,
    }
}

/// Each fund's standard name and the ways it is miswritten.
const FUNDS: [(&str, &[&str]); 2] =
    [("国有资本经营预算", &["国有资产经营预算"]), ("政府性基金预算", &["政府基金预算", "政府性资金预算"])];

/// Every mention of a fund in `text`: its byte offset, the text as written, and the standard
/// name when it is miswritten.
fn mentions(text: &str) -> Vec<(usize, &'static str, Option<&'static str>)> {
    // Every name, right or wrong, ends with 预算 and none ends another: one search for 算 finds
    // them all, in order.
    let names = FUNDS.iter().flat_map(|&(standard, wrong)| {
        std::iter::once((standard, None)).chain(wrong.iter().map(move |w| (*w, Some(standard))))
    });
    text.match_indices('算')
        .filter_map(|(at, ending)| {
            let before = &text[..at + ending.len()];
            names
                .clone()
                .find(|(name, _)| before.ends_with(name))
                .map(|(name, standard)| (before.len() - name.len(), name, standard))
        })
        .collect()
}

impl Check for FundName {
    fn check(&self, document: &ParseReport, checker: &mut Checker) {
        let titled = |line: usize| document.tables.iter().find(|t| t.title_line == Some(line)).map(|t| t.form_name);
        let mut report = |text: &str,
                          location: crate::finding::FindingLocation,
                          offset: usize,
                          written: &str,
                          standard: Option<&str>| {
            let standard = standard.unwrap_or(written);
            checker.require(
                &Self::INFO,
                standard == written,
                location,
                format!("{}：「{written}」应为「{standard}」", Self::INFO.title_zh),
                format!("{}: «{written}» should be «{standard}»", Self::INFO.title_en),
                verdicts::context(text, offset, written),
            );
            if standard != written {
                checker.replace_last(written, standard);
            }
        };
        for paragraph in lookup::paragraphs(document) {
            for (offset, written, standard) in mentions(&paragraph.text) {
                report(
                    &paragraph.text,
                    verdicts::in_paragraph(paragraph, offset, written, titled(paragraph.span.line_start)),
                    offset,
                    written,
                    standard,
                );
            }
        }
        for section in lookup::all_sections(document) {
            for (offset, written, standard) in mentions(&section.heading) {
                report(&section.heading, verdicts::in_heading(section, written), offset, written, standard);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn misnamed_funds_are_told_from_standard_ones() {
        let found = mentions("国有资产经营预算财政拨款支出决算表，政府性基金预算，国有资本经营预算");
        let written: Vec<(&str, Option<&str>)> = found.iter().map(|&(_, w, s)| (w, s)).collect();
        assert_eq!(
            written,
            [("国有资产经营预算", Some("国有资本经营预算")), ("政府性基金预算", None), ("国有资本经营预算", None)]
        );
    }

    proptest::proptest! {
        /// One search for 算 finds what a search for each name would.
        #[test]
        fn mentions_are_those_of_every_name(pieces in proptest::collection::vec(proptest::sample::select(&["国有资本经营预算", "国有资产", "经营", "政府", "性", "基金", "资金", "预算", "预", "算", "，"][..]), 0..16)) {
            let text: String = pieces.concat();
            let mut by_name: Vec<_> = FUNDS
                .iter()
                .flat_map(|&(standard, wrong)| {
                    let right = text.match_indices(standard).map(move |(at, _)| (at, standard, None));
                    let wrong = wrong.iter().flat_map(|w| text.match_indices(w).map(move |(at, _)| (at, *w, Some(standard))));
                    right.chain(wrong).collect::<Vec<_>>()
                })
                .collect();
            by_name.sort();
            proptest::prop_assert_eq!(mentions(&text), by_name);
        }
    }
}
