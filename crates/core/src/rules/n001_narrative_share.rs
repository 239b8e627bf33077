use super::{declare_rule, Check};
use crate::check::Checker;
use crate::claims::{self, bind, ClaimKind};
use crate::report::ParseReport;

declare_rule! {
    /// ## What
    /// A share stated in the text (`人员经费35.2万元，占基本支出的16.64%`) equals the part
    /// divided by its base. The base is the figure the sentence or its section names
    /// (`占基本支出的` → the 基本支出 stated before), the total a list opens with
    /// (`本年支出合计280.72万元，其中：基本支出211.6万元，占75.38%`), or — when the text names
    /// a base it does not state (`占本年支出合计的`, the 三公 composition) — the table cell of
    /// that name.
    ///
    /// ## Why
    /// A percentage computed on the wrong base is one of the commonest slips in the prose.
    ///
    /// ## Example
    /// `基本支出211.6万元，其中：人员经费35.2万元，占基本支出的16.64%`: 35.2 ÷ 211.6 = 16.64%, holds.
    /// `占基本支出的20%` would not.
    ///
    /// ## Source
    /// 部门决算公开 情况说明 template (二 收入, 三 支出, 五(二), 六, 七 三公, 政府采购); docs/domain.md §5.
    pub struct NarrativeShare {
        code: "N001",
        name: "narrative-share",
        title_zh: "文中占比与所述金额不符",
        title_en: "Stated share does not follow from its amounts",
        category: Narrative,
        severity: Error,
    }
}

impl Check for NarrativeShare {
    fn check(&self, _document: &ParseReport, checker: &mut Checker) {
        for (claim, bindings) in checker.bound_claims() {
            let ClaimKind::Share { part, whole, percent, .. } = &claim.kind else { continue };
            let (Some(part_amount), Some(stated)) = (part.amount(), percent.amount()) else { continue };
            let stated_term = || claims::term(format!("文中 {} 占比", part.name()), &stated);
            let part_term = || claims::term(format!("文中 {}", part.name()), &part_amount);
            match whole {
                Some(whole) => {
                    let Some(whole_amount) = whole.amount() else { continue };
                    if part.is_zero() && whole.is_zero() {
                        continue;
                    }
                    checker.ratio(
                        &Self::INFO,
                        stated_term(),
                        part_term(),
                        claims::term(format!("文中 {}", whole.name()), &whole_amount),
                    );
                }
                None => {
                    for binding in bindings.iter().filter(|b| b.role == bind::Role::ShareBase) {
                        let base = &binding.cells[0];
                        if part.is_zero() && base.amount.number.value.is_zero() {
                            continue;
                        }
                        checker.ratio(&Self::INFO, stated_term(), part_term(), base.term());
                    }
                }
            }
        }
    }
}
