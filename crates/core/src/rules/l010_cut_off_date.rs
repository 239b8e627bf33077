use super::{declare_rule, lookup, verdicts, Check};
use crate::check::Checker;
use crate::recognise::meta::{years, DocumentKind};
use crate::report::ParseReport;

declare_rule! {
    /// ## What
    /// A year-end cut-off date in the text (`截至2023年12月31日`, `截止2023年12月底`,
    /// `截至2023年底`, spaced as PDF text spaces it: `截至 2023 年 12 月 31 日`) is the end of the
    /// year the figures are for: the report year in a 决算 or 绩效自评, the year before the
    /// budget year in a 部门预算 (a 2024 budget states its assets and vehicles as at the end of
    /// 2023). Cut-offs within a year (`截至2023年8月31日`) are left alone. Each year-end cut-off is
    /// one relation.
    ///
    /// ## Why
    /// Assets, vehicles and staff are stated as at a date; a date left from last year's report
    /// says the figures after it are last year's, or that they were not updated.
    ///
    /// ## Example
    /// `截至2022年12月31日，本部门共有车辆3辆` in a 2023 决算: warning (the figures are as at the
    /// end of 2023). `截止2023年12月底` in a 2024 budget: holds.
    ///
    /// ## Source
    /// 部门决算公开 templates (`截至 20XX 年 12 月 31 日` in 国有资产占有使用情况), 部门预算公开
    /// templates; docs/domain.md §5, §8, §9.
    pub struct CutOffDate {
        code: "L010",
        name: "cut-off-date",
        title_zh: "截至日期与报告年度不符",
        title_en: "Year-end cut-off date differs from the report's year",
        category: Form,
        severity: Warning,
        review: true,
    }
}

/// The year-end cut-offs in `text`: the byte range of each `截至YYYY年12月31日`-like phrase and
/// its year.
fn cut_offs(text: &str) -> impl Iterator<Item = (usize, usize, u16)> + '_ {
    years(text).filter_map(|(start, end)| {
        let before = text[..start].trim_end();
        let cut_off = before.strip_suffix("截至").or_else(|| before.strip_suffix("截止"))?;
        let year = text[start..start + 4].parse().ok()?;
        // What follows `年`, spaces aside, up to the date's end.
        let mut date = String::new();
        let mut date_end = end;
        for (at, c) in text[end..].char_indices().take(12) {
            if !c.is_whitespace() {
                date.push(c);
                date_end = end + at + c.len_utf8();
            }
            if ["12月31日", "12月底", "12月末", "底", "末"].contains(&date.as_str()) {
                return Some((cut_off.len(), date_end, year));
            }
        }
        None
    })
}

impl Check for CutOffDate {
    fn check(&self, document: &ParseReport, checker: &mut Checker) {
        let info = &document.document;
        let Some(report_year) = info.year else { return };
        let budget = info.kinds.contains(&DocumentKind::Budget) && !info.kinds.contains(&DocumentKind::FinalAccounts);
        let (expected, whose) =
            if budget { (report_year - 1, "预算年度的上一年") } else { (report_year, "报告年度") };
        let whose_en = if budget { "the year before the budget year" } else { "the report year" };
        for paragraph in lookup::paragraphs(document) {
            for (start, end, year) in cut_offs(&paragraph.text) {
                let found = &paragraph.text[start..end];
                checker.require(
                    &Self::INFO,
                    year == expected,
                    verdicts::in_paragraph(paragraph, start, found, None),
                    format!("{}：「{found}」写作 {year} 年，应为{whose} {expected} 年年末", Self::INFO.title_zh),
                    format!(
                        "{}: «{found}» says {year}, but the figures are as at the end of {expected} ({whose_en})",
                        Self::INFO.title_en
                    ),
                    verdicts::context(&paragraph.text, start, found),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Vec<(&str, u16)> {
        cut_offs(text).map(|(start, end, year)| (&text[start..end], year)).collect()
    }

    #[test]
    fn year_end_cut_offs_are_read_with_their_years() {
        assert_eq!(read("截至2023年12月31日，共有车辆3辆"), [("截至2023年12月31日", 2023)]);
        assert_eq!(read("本部门截止 2022 年 12 月 31 日，"), [("截止 2022 年 12 月 31 日", 2022)]);
        assert_eq!(read("截止2023年12月底，本部门"), [("截止2023年12月底", 2023)]);
        assert_eq!(read("截至2023年底"), [("截至2023年底", 2023)]);
        assert!(read("截至2023年8月31日，上海市").is_empty());
        assert!(read("2023年12月31日").is_empty());
    }
}
