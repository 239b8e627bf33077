use super::{declare_rule, lookup, verdicts, Check};
use crate::check::Checker;
use crate::finding::FindingLocation;
use crate::recognise::meta::years;
use crate::report::ParseReport;

declare_rule! {
    /// ## What
    /// The year in a table title or a heading that titles a table, report or part (it ends in
    /// `表`, `报告`, `说明`, `情况`, `决算` or `预算`) is the report year: a
    /// `2022 年度项目支出绩效自评表` inside a 2023 report is a slip. A heading naming a project
    /// (`2023年真抓实干奖励资金专项项目`) is left alone, and so are years meant to differ: a comparison
    /// (`与2022年相比`, `比2022年`, `较2022年`) and a prior-year or budget-year figure
    /// (`2022年决算数`, `2023年预算数`, `截至2023年12月31日`). Each dated title is one relation.
    ///
    /// ## Why
    /// A table or section titled with another year says its figures belong to that year. Copied
    /// from last year's report and not updated, it leaves the reader unsure which year it shows.
    ///
    /// ## Example
    /// `2022 年度项目支出绩效自评表` in a 2023 report: warning. `2023 年度项目支出绩效自评表`: holds.
    ///
    /// ## Source
    /// 部门决算公开 templates (titles carry the report year); docs/domain.md §1, §9.
    pub struct YearSlip {
        code: "L003",
        name: "year-slip",
        title_zh: "标题年份与报告年度不符",
        title_en: "Title year differs from the report year",
        category: Form,
        severity: Warning,
    }
}

/// Words right before a year that make it a comparison or a cut-off date.
const BEFORE_YEAR: [&str; 6] = ["与", "比", "较", "截至", "截止", "同"];
/// Words right after `年` that make the year a column of figures or a date, not the title's year.
const AFTER_YEAR: [&str; 5] = ["决算数", "预算数", "实际", "12月", "底"];

/// The first year in `text` that is not `report_year` and not meant to differ, with its byte
/// offset; `None` when every year it names is the report year or meant to differ.
fn slip(text: &str, report_year: u16) -> Option<(usize, &str)> {
    years(text).find_map(|(start, end)| {
        let stated: u16 = text[start..start + 4].parse().ok()?;
        let before = &text[..start];
        let after = &text[end..];
        let meant = BEFORE_YEAR.iter().any(|w| before.ends_with(w))
            || AFTER_YEAR.iter().any(|w| after.trim_start().starts_with(w));
        (stated != report_year && !meant).then_some((start, &text[start..end]))
    })
}

/// How the titles of tables, reports and parts end; a heading that ends otherwise names a thing
/// (`2023年真抓实干奖励资金专项项目`), whose year is part of its name.
const TITLE_ENDINGS: [&str; 6] = ["表", "报告", "说明", "情况", "决算", "预算"];

/// Whether `text` is a title that names a year.
fn dated_title(text: &str) -> bool {
    let trimmed = text.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '。' | '：' | ':' | '*'));
    years(text).next().is_some() && TITLE_ENDINGS.iter().any(|e| trimmed.ends_with(e))
}

/// Records one dated title: held when it names only the report year.
fn judge(checker: &mut Checker, text: &str, report_year: u16, locate: impl Fn(usize, &str) -> FindingLocation) {
    let found = slip(text, report_year);
    let (offset, stated) = found.unwrap_or((0, ""));
    checker.require(
        &YearSlip::INFO,
        found.is_none(),
        locate(offset, stated),
        format!("{}：「{text}」写作「{stated}」，报告年度为 {report_year} 年", YearSlip::INFO.title_zh),
        format!("{}: «{text}» says «{stated}» but the report is for {report_year}", YearSlip::INFO.title_en),
        verdicts::context(text, offset, stated),
    );
}

impl Check for YearSlip {
    fn check(&self, document: &ParseReport, checker: &mut Checker) {
        let Some(report_year) = document.document.year else { return };
        // Table titles are running-text lines right above their tables, found by bisection
        // among the paragraphs (in document order, so by line).
        let paragraphs = lookup::paragraphs(document);
        let mut title_lines = Vec::new();
        for table in &document.tables {
            let Some(line) = table.title_line else { continue };
            let Some(paragraph) = paragraphs
                .get(paragraphs.partition_point(|p| p.span.line_start < line))
                .filter(|p| p.span.line_start == line)
            else {
                continue;
            };
            if dated_title(&paragraph.text) {
                title_lines.push(line);
                judge(checker, &paragraph.text, report_year, |offset, found| {
                    verdicts::in_paragraph(paragraph, offset, found, Some(table.form_name))
                });
            }
        }
        // Headings in document order against the title lines in table order: one walk.
        let mut titles = title_lines.iter().peekable();
        for section in lookup::all_sections(document) {
            let line = section.span.line_start;
            while titles.next_if(|&&title| title < line).is_some() {}
            if dated_title(&section.heading) && titles.peek() != Some(&&line) {
                judge(checker, &section.heading, report_year, |_, found| verdicts::in_heading(section, found));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    proptest! {
        /// `years` finds what `(20\d{2})\s*年` would.
        #[test]
        fn years_are_found_as_the_pattern_finds_them(pieces in prop::collection::vec(prop::sample::select(&["2", "0", "20", "3", " ", "\t", "年", "度", "x"][..]), 0..16)) {
            let text: String = pieces.concat();
            let pattern = regex_lite::Regex::new(r"(20\d{2})\s*年").unwrap();
            let by_pattern: Vec<_> = pattern.find_iter(&text).map(|m| (m.start(), m.end())).collect();
            prop_assert_eq!(years(&text).collect::<Vec<_>>(), by_pattern);
        }
    }

    #[test]
    fn another_year_in_a_title_is_a_slip() {
        assert_eq!(slip("2022 年度项目支出绩效自评表", 2023), Some((0, "2022 年")));
        assert_eq!(slip("2023 年度项目支出绩效自评表", 2023), None);
    }

    #[test]
    fn only_titles_of_tables_reports_and_parts_are_dated_titles() {
        assert!(dated_title("2022 年度项目支出绩效自评表"));
        assert!(dated_title("十三、关于2024年度预算绩效管理情况的说明"));
        assert!(!dated_title("（2）2023 年真抓实干奖励资金专项项目"));
        assert!(!dated_title("部门整体支出绩效自评表"));
    }

    #[test]
    fn comparisons_prior_year_figures_and_dates_are_meant() {
        assert_eq!(slip("与2022年相比", 2023), None);
        assert_eq!(slip("2022 年决算数", 2023), None);
        assert_eq!(slip("截至2023年12月31日国有资产占用情况", 2024), None);
    }
}
