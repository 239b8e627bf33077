use super::{declare_rule, lookup, Check};
use crate::check::Checker;
use crate::finding::Term;
use crate::report::ParseReport;

declare_rule! {
    /// ## What
    /// In the 部门整体支出绩效评价基础数据表: `控制率` = `实际在职人数` ÷ `编制数`
    /// (财政供养人员情况). Head counts are exact; the rate holds within its displayed precision.
    ///
    /// ## Why
    /// The staffing control rate shows whether a unit stays within its authorised headcount;
    /// a rate that is not the quotient of the two counts beside it misreports that.
    ///
    /// ## Example
    /// `编制数 21 | 2023 年实际在职人数 20 | 控制率 95.24%`: holds. `编制数 19 | 实际在职人数 10 |
    /// 控制率 100%`: 10 ÷ 19 = 52.63%, does not.
    ///
    /// ## Source
    /// 部门整体支出绩效评价基础数据表 template (湘财绩〔2020〕7号); docs/domain.md §7.
    pub struct StaffingControlRate {
        code: "P009",
        name: "staffing-control-rate",
        title_zh: "人员控制率与在职人数、编制数不符",
        title_en: "Staffing control rate differs from staff over establishment",
        category: Performance,
        severity: Error,
    }
}

impl Check for StaffingControlRate {
    fn check(&self, document: &ParseReport, checker: &mut Checker) {
        let Some((table, basic)) = lookup::basic_data(document) else { return };
        let figure = |key: &str| basic.staffing.get(key);
        let (Some(rate), Some(staff), Some(establishment)) =
            (figure("控制率"), figure("实际在职人数"), figure("编制数"))
        else {
            return;
        };
        let (staff, establishment) = (lookup::exact(staff), lookup::exact(establishment));
        let term = |column: &str, amount| Term::cell(table, "财政供养人员情况", column, amount);
        checker.ratio(&Self::INFO, term("控制率", rate), term("实际在职人数", &staff), term("编制数", &establishment));
    }
}
