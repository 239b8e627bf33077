use super::{declare_rule, lookup, Check};
use crate::check::Checker;
use crate::finding::Term;
use crate::ingest::contains;
use crate::model::{Amount, BasicDataRow};
use crate::report::ParseReport;

declare_rule! {
    /// ## What
    /// In the 部门整体支出绩效评价基础数据表, in each year column: `项目支出` = the sum of the
    /// items listed under it (业务工作经费, 运行维护经费, 专项资金 …); the `专项资金（一个专项一行）`
    /// line = the sum of the projects listed under it, when any are; and each `其中` item of
    /// `公用经费` (办公经费, 水费、电费、差旅费, 会议费、培训费) ≤ `公用经费`. A blank item counts
    /// as nothing, and so does `0` (exactly, not as a rounded figure); a blank total is not
    /// checked.
    ///
    /// ## Why
    /// 项目支出 and 公用经费 are the two spending blocks the evaluation scores; their breakdown
    /// must account for them.
    ///
    /// ## Example
    /// `项目支出 115.01 | 业务工作经费 70.31 | 专项资金 44.7 | 4.32 | 3.72 | 8.8 | 27.86`: both sums
    /// hold. `专项资金 57.85` over projects `7.2 | 6.2 | 11 | 57.85` (82.25): does not.
    ///
    /// ## Source
    /// 部门整体支出绩效评价基础数据表 template (湘财绩〔2020〕7号); docs/domain.md §7.
    pub struct BasicDataProjectItems {
        code: "P011",
        name: "basic-data-project-items",
        title_zh: "基础数据表项目支出、公用经费与明细不符",
        title_en: "Basic data project or public spending differs from its items",
        category: Performance,
        severity: Error,
    }
}

const PROJECTS: &str = "项目支出";
const PUBLIC: &str = "公用经费";
/// What marks the line whose own items are individual projects.
const ONE_LINE_PER_PROJECT: &str = "一个专项一行";
/// Lines after the 公用经费 items.
const AFTER_PUBLIC_ITEMS: [&str; 2] = ["政府采购金额", "部门基本支出预算调整"];

impl Check for BasicDataProjectItems {
    fn check(&self, document: &ParseReport, checker: &mut Checker) {
        let Some((table, basic)) = lookup::basic_data(document) else { return };
        let rows = &basic.rows;
        let position = |label: &str| rows.iter().position(|r| r.label == label);

        if let (Some(projects), Some(public)) = (position(PROJECTS), position(PUBLIC)) {
            let listed = &rows[projects + 1..public.max(projects + 1)];
            let (items, special_projects) = match listed.iter().position(|r| contains(&r.label, ONE_LINE_PER_PROJECT)) {
                Some(special) => (&listed[..=special], Some((&listed[special], &listed[special + 1..]))),
                None => (listed, None),
            };
            let mut sums = vec![(&rows[projects], items)];
            sums.extend(special_projects);
            for (total, parts) in sums {
                for column in &basic.columns {
                    let Some(stated) = figure(total, column) else { continue };
                    let figures: Vec<(&str, Amount)> =
                        parts.iter().filter_map(|row| Some((row.label.as_str(), figure(row, column)?))).collect();
                    if !figures.is_empty() {
                        let parts: Vec<(Term, bool)> = figures
                            .iter()
                            .map(|(label, amount)| (Term::cell(table, label, column, amount), true))
                            .collect();
                        checker.sum(&Self::INFO, Term::cell(table, &total.label, column, &stated), &parts);
                    }
                }
            }
        }

        if let Some(public) = position(PUBLIC) {
            let items = rows[public + 1..].iter().take_while(|r| !AFTER_PUBLIC_ITEMS.contains(&r.label.as_str()));
            for item in items {
                for column in &basic.columns {
                    if let (Some(part), Some(whole)) = (figure(item, column), figure(&rows[public], column)) {
                        checker.at_most(
                            &Self::INFO,
                            Term::cell(table, &item.label, column, &part),
                            Term::cell(table, PUBLIC, column, &whole),
                        );
                    }
                }
            }
        }
    }
}

/// The figure of `row` in `column`, if filled in.
fn figure(row: &BasicDataRow, column: &str) -> Option<Amount> {
    row.values.get(column).map(lookup::basic_figure)
}

#[cfg(test)]
mod tests {
    /// P011's findings on 004's 基础数据表 with `办公经费` of 2023 (决算) set to `office`:
    /// (row, column) of each, a finding of one cause counted as the relations it explains.
    fn findings_with_office_expenses(office: &str) -> Vec<(String, String)> {
        let text = include_str!("../../tests/fixtures/rules/P009_ok.txt").replacen(
            "办公经费\t37.74\t38.18\t\t46.27",
            &format!("办公经费\t37.74\t38.18\t\t{office}"),
            1,
        );
        let report = crate::check(&[("004 基础数据表", &text)]);
        report.documents[0]
            .findings
            .iter()
            .flat_map(crate::finding::Finding::relations)
            .filter(|f| f.rule == "P011")
            .map(|f| (f.location.row.clone().unwrap_or_default(), f.location.column.clone().unwrap_or_default()))
            .collect()
    }

    #[test]
    fn public_expense_items_stay_within_public_expenses() {
        // 004's own slip: 专项资金 上年 57.85 against projects adding up to 82.25.
        let own_slip = ("专项资金(一个专项一行)".to_string(), "上年决算数".to_string());
        assert_eq!(findings_with_office_expenses("46.27"), std::slice::from_ref(&own_slip));
        assert_eq!(
            findings_with_office_expenses("80.27"),
            [own_slip, ("办公经费".to_string(), "本年决算数".to_string())]
        );
    }
}
