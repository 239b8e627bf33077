use super::{declare_rule, lookup, verdicts, Check};
use crate::check::Checker;
use crate::model::Indicator;
use crate::report::ParseReport;

declare_rule! {
    /// ## What
    /// In every 绩效自评表, an indicator that keeps its full points (`得分` = `分值`) was met:
    /// its `实际完成值` or `偏差原因分析及改进措施` does not say it was not (`未完成`, `未达到`,
    /// `未实现`, `部分完成`, `滞后`), and its actual is not below a floor its 年度指标值 sets
    /// (`≥95%`, `不低于95%`, `95%以上`) in the same unit. Each indicator with full points is one
    /// relation.
    ///
    /// ## Why
    /// A 自评 that gives full points to a target it says it missed overstates its result: the
    /// points should be deducted in proportion and the shortfall explained (P007).
    ///
    /// ## Example
    /// `群众满意度 | ≥95% | 90% | 10 | 10`: warning, 90% is below the floor of 95%.
    /// `办件数量 | 500件 | 未完成，完成420件 | 10 | 10`: warning. `满意度 | ≥95% | 98% | 10 | 10`:
    /// holds.
    ///
    /// ## Source
    /// 财预〔2020〕10号《项目支出绩效评价管理办法》 (scores in proportion to completion);
    /// docs/domain.md §6.
    pub struct FullScoreForMissedTarget {
        code: "P014",
        name: "full-score-for-missed-target",
        title_zh: "未完成的指标得满分",
        title_en: "Full points for a target reported as missed",
        category: Performance,
        severity: Warning,
        review: true,
    }
}

/// Words saying a target was not met.
const MISSED: [&str; 7] = ["未完成", "未达到", "未达标", "未实现", "部分完成", "滞后", "没有完成"];
/// Words that make a 年度指标值 a floor (`≥95%`, `不低于95%`, `95%以上`).
const FLOORS: [&str; 5] = ["≥", ">=", "不低于", "不少于", "以上"];

/// A figure and the unit written after it (`95%` → 95, `%`).
fn figure(text: &str) -> Option<(rust_decimal::Decimal, String)> {
    let start = text.find(|c: char| c.is_ascii_digit())?;
    let rest = &text[start..];
    let end = rest.find(|c: char| !c.is_ascii_digit() && c != '.').unwrap_or(rest.len());
    let unit: String =
        rest[end..].trim_start().chars().take_while(|c| !c.is_whitespace() && !"，,。；;以".contains(*c)).collect();
    Some((rest[..end].parse().ok()?, unit))
}

/// Why `indicator`'s full points are not earned, if its own words or figures say so (zh, en).
fn missed(indicator: &Indicator) -> Option<(String, String)> {
    let said = [&indicator.actual, &indicator.deviation].into_iter().flatten();
    for text in said {
        if let Some(word) = MISSED.iter().find(|word| text.contains(**word)) {
            return Some((format!("完成情况写有「{word}」"), format!("its result says «{word}»")));
        }
    }
    let (target, actual) = (indicator.target.as_deref()?, indicator.actual.as_deref()?);
    if !FLOORS.iter().any(|floor| target.contains(floor)) {
        return None;
    }
    let ((floor, unit), (reached, reached_unit)) = (figure(target)?, figure(actual)?);
    (unit == reached_unit && reached < floor).then(|| {
        (
            format!("实际完成值 {actual} 低于指标值 {target}"),
            format!("the actual {actual} is below the target {target}"),
        )
    })
}

impl Check for FullScoreForMissedTarget {
    fn check(&self, document: &ParseReport, checker: &mut Checker) {
        for (table, performance) in lookup::performance_tables(document) {
            for indicator in &performance.indicators {
                let (Some(points), Some(score)) = (&indicator.points, &indicator.score) else { continue };
                if points.number.value.is_zero() || score.number.value != points.number.value {
                    continue;
                }
                let reason = missed(indicator);
                let row = lookup::performance_row(table, performance, &indicator.name);
                let (why, why_en) = reason.clone().unwrap_or_default();
                checker.require(
                    &Self::INFO,
                    reason.is_none(),
                    verdicts::cell_location(table, &row, "得分", score),
                    format!("{}：{row} 得满分 {}，但{why}", Self::INFO.title_zh, score.raw),
                    format!("{}: {row} keeps its full {} points, but {why_en}", Self::INFO.title_en, points.raw),
                    format!("{row}·得分 {} = 分值 {}；{why}", score.raw, points.raw),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn indicator(target: &str, actual: &str, deviation: &str) -> Indicator {
        let text = |t: &str| (!t.is_empty()).then(|| t.to_string());
        Indicator {
            level1: None,
            level2: None,
            name: "满意度".to_string(),
            target: text(target),
            actual: text(actual),
            points: None,
            score: None,
            deviation: text(deviation),
            span: crate::ingest::Span { line_start: 1, line_end: 1, byte_start: 0, byte_end: 0 },
        }
    }

    #[test]
    fn missed_targets_are_told_by_words_and_floors() {
        assert!(missed(&indicator("≥95%", "90%", "")).is_some());
        assert!(missed(&indicator("95%以上", "90 %", "")).is_some());
        assert!(missed(&indicator("500件", "未完成，完成420件", "")).is_some());
        assert!(missed(&indicator("500件", "520件", "因疫情部分完成")).is_some());
        assert!(missed(&indicator("≥95%", "98%", "")).is_none());
        assert!(missed(&indicator("≤5.67万元", "4.32万元", "")).is_none(), "a ceiling kept");
        assert!(missed(&indicator("5.67万元", "4.32万元", "")).is_none(), "no floor stated");
        assert!(missed(&indicator("≥95%", "12次", "")).is_none(), "other units");
    }
}
