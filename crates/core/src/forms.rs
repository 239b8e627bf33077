//! Which standard form a table is: by its title, or by its header labels when no title is
//! found. Never by position (Shanghai numbers the tables differently from Hunan). The layout
//! reader asks it too, whether a line is a table's title.

use serde::Serialize;

use crate::ingest::{contains, find_all, Row};
use crate::labels::{is_value_like, norm};

/// The standard forms hedui recognises.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Form {
    /// 收入支出决算总表.
    IncomeExpenditureSummary,
    /// 收入决算表.
    Income,
    /// 支出决算表.
    Expenditure,
    /// 财政拨款收入支出决算总表.
    FiscalGrantSummary,
    /// 一般公共预算财政拨款支出决算表.
    GeneralBudgetExpenditure,
    /// 一般公共预算财政拨款基本支出决算(明细)表.
    GeneralBudgetBasicExpenditure,
    /// 政府性基金预算财政拨款收入支出决算表.
    GovernmentFund,
    /// 国有资本经营预算财政拨款(收入)支出决算表.
    StateCapital,
    /// 财政拨款"三公"经费支出决算表.
    ThreePublicExpenses,
    /// 部门整体支出绩效评价基础数据表.
    PerformanceBasicData,
    /// 部门(单位)整体支出绩效自评表.
    OverallPerformance,
    /// 项目支出绩效自评表.
    ProjectPerformance,
    /// 财务收支预算总表 (Hunan: 部门收支总表).
    BudgetSummary,
    /// 收入预算总表 (Hunan: 部门收入总表).
    BudgetIncome,
    /// 支出预算总表 (Hunan: 部门支出总表).
    BudgetExpenditure,
    /// 财政拨款收支预算总表 (Hunan: 财政拨款收支总表).
    BudgetFiscalGrantSummary,
    /// 一般公共预算支出功能分类预算表 (Hunan: 一般公共预算支出表).
    BudgetGeneral,
    /// 政府性基金预算支出功能分类预算表.
    BudgetGovernmentFund,
    /// 国有资本经营预算支出功能分类预算表.
    BudgetStateCapital,
    /// 一般公共预算基本支出部门预算经济分类预算表 (Hunan: 一般公共预算基本支出表).
    BudgetBasicEconomic,
    /// “三公”经费和机关运行经费预算表.
    BudgetThreePublic,
    /// 项目支出绩效目标表 (财政项目支出绩效目标填报表): one project's funds and 绩效指标, beside
    /// the nine budget tables.
    BudgetProjectGoals,
}

impl Form {
    /// The nine 决算 tables in Hunan order (公开01–09表).
    pub const FINAL_ACCOUNTS: [Form; 9] = [
        Form::IncomeExpenditureSummary,
        Form::Income,
        Form::Expenditure,
        Form::FiscalGrantSummary,
        Form::GeneralBudgetExpenditure,
        Form::GeneralBudgetBasicExpenditure,
        Form::GovernmentFund,
        Form::StateCapital,
        Form::ThreePublicExpenses,
    ];

    /// The nine 部门预算 / 单位预算 tables in the national order.
    pub const BUDGET: [Form; 9] = [
        Form::BudgetSummary,
        Form::BudgetIncome,
        Form::BudgetExpenditure,
        Form::BudgetFiscalGrantSummary,
        Form::BudgetGeneral,
        Form::BudgetGovernmentFund,
        Form::BudgetStateCapital,
        Form::BudgetBasicEconomic,
        Form::BudgetThreePublic,
    ];

    /// The standard Chinese name of the form.
    pub fn name(self) -> &'static str {
        match self {
            Form::IncomeExpenditureSummary => "收入支出决算总表",
            Form::Income => "收入决算表",
            Form::Expenditure => "支出决算表",
            Form::FiscalGrantSummary => "财政拨款收入支出决算总表",
            Form::GeneralBudgetExpenditure => "一般公共预算财政拨款支出决算表",
            Form::GeneralBudgetBasicExpenditure => "一般公共预算财政拨款基本支出决算明细表",
            Form::GovernmentFund => "政府性基金预算财政拨款收入支出决算表",
            Form::StateCapital => "国有资本经营预算财政拨款支出决算表",
            Form::ThreePublicExpenses => "财政拨款“三公”经费支出决算表",
            Form::PerformanceBasicData => "部门整体支出绩效评价基础数据表",
            Form::OverallPerformance => "部门整体支出绩效自评表",
            Form::ProjectPerformance => "项目支出绩效自评表",
            Form::BudgetSummary => "财务收支预算总表",
            Form::BudgetIncome => "收入预算总表",
            Form::BudgetExpenditure => "支出预算总表",
            Form::BudgetFiscalGrantSummary => "财政拨款收支预算总表",
            Form::BudgetGeneral => "一般公共预算支出功能分类预算表",
            Form::BudgetGovernmentFund => "政府性基金预算支出功能分类预算表",
            Form::BudgetStateCapital => "国有资本经营预算支出功能分类预算表",
            Form::BudgetBasicEconomic => "一般公共预算基本支出部门预算经济分类预算表",
            Form::BudgetThreePublic => "“三公”经费和机关运行经费预算表",
            Form::BudgetProjectGoals => "项目支出绩效目标表",
        }
    }

    /// The form's number in the Hunan layout (公开01–09表), for 决算 tables.
    pub fn hunan_number(self) -> Option<u8> {
        let number = match self {
            Form::IncomeExpenditureSummary => 1,
            Form::Income => 2,
            Form::Expenditure => 3,
            Form::FiscalGrantSummary => 4,
            Form::GeneralBudgetExpenditure => 5,
            Form::GeneralBudgetBasicExpenditure => 6,
            Form::GovernmentFund => 7,
            Form::StateCapital => 8,
            Form::ThreePublicExpenses => 9,
            _ => return None,
        };
        Some(number)
    }

    /// Whether this is one of the nine 决算 tables.
    pub fn is_final_accounts(self) -> bool {
        self.hunan_number().is_some()
    }

    /// Whether this is a budget form: one of the nine budget tables ([`Form::BUDGET`]) or a
    /// 项目支出绩效目标表.
    pub fn is_budget(self) -> bool {
        self >= Form::BudgetSummary
    }

    /// Whether this is a 绩效 table (基础数据表, 自评表).
    pub fn is_performance(self) -> bool {
        matches!(self, Form::PerformanceBasicData | Form::OverallPerformance | Form::ProjectPerformance)
    }
}

/// What a table's title names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Titled {
    Form(Form),
    /// A budget form (`2024年部门收入预算总表`, `“三公”经费和机关运行经费预算表`): such a table is
    /// not read as a 决算 table by its header labels.
    BudgetForm,
}

/// What a title names, if anything. Titles are matched after normalisation; the order of the
/// checks resolves titles that contain one another (`财政拨款收入支出决算总表` ⊃ `收入支出决算总表`).
pub fn form_of_title(title: &str) -> Option<Titled> {
    let t = norm(title);
    if t.chars().count() > 60 || t.starts_with("注") || t.starts_with("说明") {
        return None;
    }
    let has = |s: &str| contains(&t, s);
    let form = if has("绩效评价基础数据表") || has("基础数据表") {
        Form::PerformanceBasicData
    } else if has("项目支出绩效自评表") {
        Form::ProjectPerformance
    } else if has("整体支出绩效自评表") || has("绩效自评表") {
        Form::OverallPerformance
    } else if !has("决算") {
        #[cfg(feature = "budget")]
        if let Some(form) = budget_form(&t) {
            return Some(Titled::Form(form));
        }
        return (t.ends_with('表') && has("预算")).then_some(Titled::BudgetForm);
    } else if !has("表") {
        return None;
    } else if has("三公") {
        Form::ThreePublicExpenses
    } else if has("基本支出决算") {
        Form::GeneralBudgetBasicExpenditure
    } else if has("政府性基金") {
        Form::GovernmentFund
    } else if has("国有资本经营") || has("国有资产经营") {
        Form::StateCapital
    } else if has("一般公共预算财政拨款支出决算表") {
        Form::GeneralBudgetExpenditure
    } else if has("财政拨款收入支出决算总表") {
        Form::FiscalGrantSummary
    } else if has("收入支出决算总表") {
        Form::IncomeExpenditureSummary
    } else if has("收入决算表") {
        Form::Income
    } else if has("支出决算表") {
        Form::Expenditure
    } else {
        return None;
    };
    Some(Titled::Form(form))
}

/// The budget form a normalised title names: the national titles (`2024年部门收入预算总表`,
/// `预算单位…`, `单位…`) and Hunan's shorter ones (`部门收支总表`, `一般公共预算支出表`).
#[cfg(feature = "budget")]
fn budget_form(t: &str) -> Option<Form> {
    let has = |s: &str| contains(t, s);
    if !t.ends_with('表') {
        return None;
    }
    let form = if has("绩效目标") {
        Form::BudgetProjectGoals
    } else if has("三公") {
        Form::BudgetThreePublic
    } else if has("基本支出") {
        Form::BudgetBasicEconomic
    } else if has("政府性基金") {
        Form::BudgetGovernmentFund
    } else if has("国有资本经营") {
        Form::BudgetStateCapital
    } else if has("一般公共预算") {
        Form::BudgetGeneral
    } else if has("财政拨款收支") {
        Form::BudgetFiscalGrantSummary
    } else if has("收支预算总表") || has("收支总表") {
        Form::BudgetSummary
    } else if has("收入预算总表") || has("收入总表") {
        Form::BudgetIncome
    } else if has("支出预算总表") || has("支出总表") {
        Form::BudgetExpenditure
    } else {
        return None;
    };
    Some(form)
}

/// The form the header labels of a table point to (used when no title was found, and to
/// confirm a title). Only the rows above the first data row are read.
pub fn form_of_header(rows: &[Row]) -> Option<Form> {
    let header: Vec<String> = rows
        .iter()
        .take_while(|r| {
            !r.cells.iter().any(|c| is_value_like(&c.text) && !c.text.trim().chars().all(|ch| ch.is_ascii_digit()))
        })
        .take(5)
        .map(|r| norm(&r.compact_text()))
        .collect();
    let head = header.concat();
    let has = |s: &str| contains(&head, s);
    let line_row = header.iter().find(|r| contains(r, "行次"));
    let form = if has("编制数") && has("控制率") {
        Form::PerformanceBasicData
    } else if has("项目支出名称") {
        Form::ProjectPerformance
    } else if has("年度资金总额") || has("年度预算申请") {
        Form::OverallPerformance
    } else if has("因公出国") {
        Form::ThreePublicExpenses
    } else if find_all(&head, "决算数").nth(1).is_some() && (has("经济分类") || has("科目")) {
        Form::GeneralBudgetBasicExpenditure
    } else if let Some(line_row) = line_row {
        if contains(line_row, "一般公共预算财政拨款") {
            Form::FiscalGrantSummary
        } else {
            Form::IncomeExpenditureSummary
        }
    } else if has("年初结转和结余") && has("年末结转和结余") {
        Form::GovernmentFund
    } else if has("本年收入合计") || has("财政拨款收入") {
        Form::Income
    } else if has("本年支出合计") || has("上缴上级支出") {
        Form::Expenditure
    } else if has("小计") && has("基本支出") {
        Form::GeneralBudgetExpenditure
    } else if has("合计") && has("基本支出") && has("项目支出") {
        Form::StateCapital
    } else {
        return None;
    };
    Some(form)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_and_their_variants() {
        let cases = [
            ("收入支出决算总表", Form::IncomeExpenditureSummary),
            ("# 财政拨款收入支出决算总表", Form::FiscalGrantSummary),
            ("支出决算表", Form::Expenditure),
            ("一般公共预算财政拨款基本支出决算表", Form::GeneralBudgetBasicExpenditure),
            ("一般公共预算财政拨款基本支出决算明细表", Form::GeneralBudgetBasicExpenditure),
            ("国有资本经营预算财政拨款(收入)支出决算表", Form::StateCapital),
            ("国有资产经营预算财政拨款支出决算表", Form::StateCapital),
            ("财政拨款“三公”经费支出决算表", Form::ThreePublicExpenses),
            ("2023 年度部门（单位）整体支出绩效评价基础数据表", Form::PerformanceBasicData),
            ("2022 年度项目支出绩效自评表", Form::ProjectPerformance),
            ("部门整体支出绩效自评表", Form::OverallPerformance),
        ];
        for (title, form) in cases {
            assert_eq!(form_of_title(title), Some(Titled::Form(form)), "{title}");
        }
        assert_eq!(form_of_title("注：本表反映部门本年度各项支出情况。"), None);
        assert_eq!(form_of_title("部门决算表"), None);
        assert_eq!(form_of_title("2024年部门预算表"), Some(Titled::BudgetForm));
    }

    #[cfg(feature = "budget")]
    #[test]
    fn budget_titles_national_and_hunan() {
        let cases = [
            ("2024年部门财务收支预算总表", Form::BudgetSummary),
            ("2024年预算单位财务收支预算总表", Form::BudgetSummary),
            ("部门收支总表", Form::BudgetSummary),
            ("2024年部门收入预算总表", Form::BudgetIncome),
            ("部门收入总表", Form::BudgetIncome),
            ("2024年预算单位支出预算总表", Form::BudgetExpenditure),
            ("部门支出总表", Form::BudgetExpenditure),
            ("4．2024年预算单位财政拨款收支预算总表", Form::BudgetFiscalGrantSummary),
            ("财政拨款收支总表", Form::BudgetFiscalGrantSummary),
            ("2024年部门一般公共预算支出功能分类预算表", Form::BudgetGeneral),
            ("一般公共预算支出表", Form::BudgetGeneral),
            ("2024年部门政府性基金预算支出功能分类预算表", Form::BudgetGovernmentFund),
            ("政府性基金预算支出表", Form::BudgetGovernmentFund),
            ("2024年预算单位国有资本经营预算支出功能分类预算表", Form::BudgetStateCapital),
            ("2024年部门一般公共预算基本支出部门预算经济分类预算表", Form::BudgetBasicEconomic),
            ("一般公共预算基本支出表", Form::BudgetBasicEconomic),
            ("部门“三公”经费和机关运行经费预算表", Form::BudgetThreePublic),
            ("单位“三公”经费和机关运行经费预算表", Form::BudgetThreePublic),
            ("一般公共预算“三公”经费支出表", Form::BudgetThreePublic),
            ("财政项目支出绩效目标填报表", Form::BudgetProjectGoals),
            ("2024年项目绩效目标表", Form::BudgetProjectGoals),
        ];
        for (title, form) in cases {
            assert_eq!(form_of_title(title), Some(Titled::Form(form)), "{title}");
        }
    }

    fn header(text: &str) -> Option<Form> {
        match crate::ingest::blocks(text).first() {
            Some(crate::ingest::Block::Table { rows, .. }) => form_of_header(rows),
            other => panic!("expected a table, got {other:?}"),
        }
    }

    #[test]
    fn header_labels_without_a_title() {
        let summary = "收入\t\t\t支出\t\t\n项目\t行次\t金额\t项目\t行次\t金额\n一、一般公共预算财政拨款收入\t1\t540.44\t一、一般公共服务支出\t32\t467.01\n";
        assert_eq!(header(summary), Some(Form::IncomeExpenditureSummary));
        let fiscal = "收入\t\t\t支出\n项目\t行次\t金额\t项目\t行次\t合计\t一般公共预算财政拨款\n";
        assert_eq!(header(fiscal), Some(Form::FiscalGrantSummary));
        let general = "项目\t\t本年支出\t\t\n科目代码\t科目名称\t小计\t基本支出\t项目支出\n";
        assert_eq!(header(general), Some(Form::GeneralBudgetExpenditure));
        let capital = "项目\t\t本年支出\t\t\n科目代码\t科目名称\t合计\t基本支出\t项目支出\n";
        assert_eq!(header(capital), Some(Form::StateCapital));
        let economic = "科目代码\t科目名称\t决算数\t公用经费\n\t\t\t科目代码\t科目名称\t决算数\n301\t工资福利支出\t310.75\t302\t商品和服务支出\t52.16\n";
        assert_eq!(header(economic), Some(Form::GeneralBudgetBasicExpenditure));
        assert_eq!(header("甲\t乙\n1.00\t2.00\n"), None);
    }
}
