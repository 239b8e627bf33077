use super::{declare_rule, lookup, Check};
use crate::check::Checker;
use crate::finding::Term;
use crate::model::Amount;
use crate::report::ParseReport;

declare_rule! {
    /// ## What
    /// In every 绩效自评表 (整体支出 and 项目支出): `得分` ≤ `分值` on every indicator row, on
    /// every funding line that is scored (`年度资金总额`, `当年财政拨款`) and on `总分`. A 分值 is
    /// a weight and an indicator's 得分 an awarded figure, both taken as written; the
    /// budget-execution 得分 and the 总分 are computed and keep their displayed precision.
    ///
    /// ## Why
    /// `分值` is the most an item can earn; a score above it inflates the 自评 result.
    ///
    /// ## Example
    /// `满意度指标 | 服务对象满意度指标 | 群众满意度提升。 | 100% | ≥90% | 10 | 9`: holds;
    /// `… | 10 | 12` would not.
    ///
    /// ## Source
    /// 财预〔2020〕10号《项目支出绩效评价管理办法》; docs/domain.md §6.
    pub struct ScoreWithinPoints {
        code: "P001",
        name: "score-within-points",
        title_zh: "得分超过分值",
        title_en: "Score exceeds the points available",
        category: Performance,
        severity: Error,
    }
}

impl Check for ScoreWithinPoints {
    fn check(&self, document: &ParseReport, checker: &mut Checker) {
        for (table, performance) in lookup::performance_tables(document) {
            let funding = performance.funding.iter().map(|f| (f.label.as_str(), &f.points, f.score.clone()));
            let indicators = performance
                .indicators
                .iter()
                .map(|i| (i.name.as_str(), &i.points, i.score.as_ref().map(lookup::exact)));
            let total = std::iter::once(("总分", &performance.total_points, performance.total_score.clone()));
            let rows: Vec<(&str, Amount, Amount)> = funding
                .chain(indicators)
                .chain(total)
                .filter_map(|(row, points, score)| Some((row, lookup::exact(points.as_ref()?), score?)))
                .collect();
            for (row, points, score) in &rows {
                let row = lookup::performance_row(table, performance, row);
                checker.at_most(
                    &Self::INFO,
                    Term::cell(table, &row, "得分", score),
                    Term::cell(table, &row, "分值", points),
                );
            }
        }
    }
}
