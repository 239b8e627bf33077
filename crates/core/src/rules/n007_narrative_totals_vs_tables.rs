use super::{declare_rule, Check};
use crate::check::Checker;
use crate::claims::{self, bind};
use crate::report::ParseReport;

declare_rule! {
    /// ## What
    /// A total the text states by its name equals the table cell of that name: `收、支总计`
    /// = 01 总计; `本年收入合计` / `本年支出合计` = 01; `财政拨款收、支总计` = 04 总计; `基本支出` /
    /// `项目支出` = 03 合计; `一般公共预算财政拨款支出` = 05 合计 小计, its `基本支出` = 05 合计
    /// 基本支出; `人员经费` / `公用经费` = 06 合计; `机关运行经费支出` = 06 公用经费合计; the
    /// `会议费` / `培训费` spent (`开支会议费X万元`, `会议费…支出决算为X万元`) = 06 30215 / 30216.
    /// Claims are bound by these labels only, never by their numbers.
    ///
    /// ## Why
    /// The 情况说明 restates the tables; a figure that differs from its table misinforms the
    /// reader who reads only the prose.
    ///
    /// ## Example
    /// `本年支出合计280.72万元，其中：基本支出211.6万元`: 01 `280.72`, 03 `211.60`: holds (`211.6`
    /// and `211.60` are equal at the text's precision).
    ///
    /// ## Source
    /// 部门决算公开 情况说明 template (一 to 六, 机关运行经费); docs/domain.md §5.
    pub struct NarrativeTotalsVsTables {
        code: "N007",
        name: "narrative-totals-vs-tables",
        title_zh: "文中总额与决算表不符",
        title_en: "Total stated in the text differs from its table",
        category: Narrative,
        severity: Error,
    }
}

impl Check for NarrativeTotalsVsTables {
    fn check(&self, _document: &ParseReport, checker: &mut Checker) {
        for (_, bindings) in checker.bound_claims() {
            for binding in bindings.iter().filter(|b| b.role == bind::Role::Total) {
                let Some(stated) = binding.figure.amount() else { continue };
                checker.equal(
                    &Self::INFO,
                    claims::term(format!("文中 {}", binding.figure.name()), &stated),
                    binding.cells[0].term(),
                );
            }
        }
    }
}
