use super::{declare_rule, lookup, Check};
use crate::check::Checker;
use crate::finding::Term;
use crate::model::{Amount, IndicatorGroup};
use crate::report::ParseReport;

declare_rule! {
    /// ## What
    /// In every 绩效自评表, a 一级指标 heading that states its maximum (`产出指标 (50 分)`)
    /// equals the sum of the `分值` of its indicator rows. A `成本指标` group without a maximum
    /// of its own that directly follows `产出指标` is counted in it: the 2020 template lists
    /// 成本指标 as a 二级指标 of 产出指标. 分值 are weights, taken as written (not rounded).
    ///
    /// ## Why
    /// The weights of the 一级指标 (预算执行率 10, 产出 50, 效益 30, 满意度 10 or a variant)
    /// are fixed before the evaluation; rows that add up to more or less change the weighting.
    ///
    /// ## Example
    /// `产出指标（40分）` over rows of `10`, `10`, `10`, `10`: holds. `产出指标 (50 分)` over rows of
    /// `10 10 5 10 5 5 5 5` (55): does not.
    ///
    /// ## Source
    /// 财预〔2020〕10号《项目支出绩效评价管理办法》 (指标体系); docs/domain.md §6.
    pub struct GroupPoints {
        code: "P002",
        name: "group-points",
        title_zh: "一级指标分值与所含指标分值之和不符",
        title_en: "Indicator group maximum differs from its rows' points",
        category: Performance,
        severity: Error,
    }
}

/// The 一级指标 whose maximum includes a following 成本指标 group stated without one.
const OUTPUT_GROUP: &str = "产出指标";
const COST_GROUP: &str = "成本指标";

impl Check for GroupPoints {
    fn check(&self, document: &ParseReport, checker: &mut Checker) {
        for (table, performance) in lookup::performance_tables(document) {
            for (index, group) in performance.groups.iter().enumerate() {
                let Some(stated) = &group.stated_points else { continue };
                let mut rows = group.indicators.clone();
                if let Some(cost) = performance.groups.get(index + 1).filter(|next| continues_output(group, next)) {
                    rows.extend(&cost.indicators);
                }
                let points: Vec<(String, Amount)> = rows
                    .iter()
                    .filter_map(|&row| performance.indicators.get(row))
                    .filter_map(|indicator| {
                        Some((
                            lookup::performance_row(table, performance, &indicator.name),
                            lookup::exact(indicator.points.as_ref()?),
                        ))
                    })
                    .collect();
                if points.is_empty() {
                    continue;
                }
                let parts: Vec<(Term, bool)> =
                    points.iter().map(|(row, amount)| (Term::cell(table, row, "分值", amount), true)).collect();
                let heading = if group.name.is_empty() { "一级指标" } else { group.name.as_str() };
                let heading = lookup::performance_row(table, performance, heading);
                let stated = lookup::exact(stated);
                checker.sum(&Self::INFO, Term::cell(table, &heading, "分值", &stated), &parts);
            }
        }
    }
}

/// Whether `next` is a 成本指标 group without a maximum right after the 产出指标 group.
fn continues_output(group: &IndicatorGroup, next: &IndicatorGroup) -> bool {
    group.name == OUTPUT_GROUP && next.name == COST_GROUP && next.stated_points.is_none()
}

#[cfg(test)]
mod tests {
    /// 000's 2022 项目表 lists `成本指标 | 年度预算资金安排 | … | 5` right after the 产出 rows and
    /// without a maximum: 产出指标 (50 分) is 45 + 5. Its 满意度指标 (10分) rows add up to 20.
    #[test]
    fn a_cost_group_without_a_maximum_counts_in_the_output_group() {
        let text = include_str!("../../tests/fixtures/rules/P006_ok.txt");
        let report = crate::check(&[("000 2022 项目表", text)]);
        let document = &report.documents[0];
        let counts = document.stats.by_rule["P002"];
        let broken: Vec<&str> =
            document.findings.iter().filter(|f| f.rule == "P002").map(|f| f.location.excerpt.as_str()).collect();
        assert_eq!((counts.checked, counts.broken), (3, 1));
        assert_eq!(broken, ["满意度指标 (10分)"]);
    }
}
