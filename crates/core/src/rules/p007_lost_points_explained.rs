use super::{declare_rule, lookup, verdicts, Check};
use crate::check::Checker;
use crate::report::ParseReport;

declare_rule! {
    /// ## What
    /// In every 绩效自评表, an indicator row that lost points (`得分` < `分值`) has an entry in
    /// `偏差原因分析及改进措施` (a placeholder such as `无` or `/` is no entry).
    ///
    /// ## Why
    /// The point of a 自评 is to explain shortfalls and say how they will be fixed; a deduction
    /// without a reason cannot be reviewed.
    ///
    /// ## Example
    /// `经费控制总额 | 5.67 万元 | 4.32 万元 | 20 | 15.00 | 1、偏差原因：未完成的 1.44 万元…`: holds.
    /// `群众满意度 | 100% | 98% | 10 | 9.00 |` (blank): does not.
    ///
    /// ## Source
    /// 财预〔2020〕10号《项目支出绩效评价管理办法》; 自评表 column `偏差原因分析及改进措施`; docs/domain.md §6.
    pub struct LostPointsExplained {
        code: "P007",
        name: "lost-points-explained",
        title_zh: "扣分指标缺少偏差原因分析",
        title_en: "Indicator lost points without a deviation analysis",
        category: Performance,
        severity: Warning,
    }
}

/// Entries that fill the cell without saying anything.
const PLACEHOLDERS: [&str; 6] = ["无", "/", "-", "—", "——", "不适用"];

impl Check for LostPointsExplained {
    fn check(&self, document: &ParseReport, checker: &mut Checker) {
        for (table, performance) in lookup::performance_tables(document) {
            for indicator in &performance.indicators {
                let (Some(points), Some(score)) = (&indicator.points, &indicator.score) else { continue };
                if score.number.value >= points.number.value {
                    continue;
                }
                let explained = indicator
                    .deviation
                    .as_deref()
                    .map(str::trim)
                    .is_some_and(|text| !text.is_empty() && !PLACEHOLDERS.contains(&text));
                let row = lookup::performance_row(table, performance, &indicator.name);
                let message = format!(
                    "{}：{row} 得分 {}，低于分值 {}，但偏差原因分析及改进措施为空",
                    Self::INFO.title_zh,
                    score.raw,
                    points.raw
                );
                let message_en = format!(
                    "{}: {row} scores {} of {} but gives no deviation analysis",
                    Self::INFO.title_en,
                    score.raw,
                    points.raw
                );
                let derivation =
                    format!("{row}·得分 {} < 分值 {}；偏差原因分析及改进措施：（空）", score.raw, points.raw);
                checker.require(
                    &Self::INFO,
                    explained,
                    verdicts::cell_location(table, &row, "得分", score),
                    message,
                    message_en,
                    derivation,
                );
            }
        }
    }
}
