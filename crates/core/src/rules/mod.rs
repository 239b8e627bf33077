//! The rule catalogue. One file per rule, ruff-style: a stable code, titles in Chinese and
//! English, a category, a default severity, and a doc comment (what, why, example, source)
//! that `hedui rules` renders and `docs/rules.md` commits.

use std::fmt::Write;

use serde::Serialize;

use crate::check::{Checker, Companion};
use crate::finding::{Category, Severity};
use crate::report::ParseReport;

#[cfg(feature = "budget")]
mod budget;
mod c001_empty_table_unexplained;
mod c002_final_accounts_tables_present;
mod c003_no_data_statement_contradicted;
#[cfg(feature = "review")]
mod c004_no_data_note_names_its_fund;
mod l001_template_text;
mod l002_amount_in_yuan;
mod l003_year_slip;
mod l004_repeated_words;
mod l005_fund_name;
mod l006_blank_department;
mod l007_impossible_figure;
mod l008_change_without_reason;
mod l009_figure_beyond_range;
#[cfg(feature = "review")]
mod l010_cut_off_date;
#[cfg(feature = "review")]
mod l011_section_numbering;
#[cfg(feature = "review")]
mod l012_code_names;
#[cfg(feature = "review")]
mod l013_contents_entries;
#[cfg(feature = "review")]
mod l014_department_name;
#[cfg(feature = "review")]
mod l015_doubled_character;
#[cfg(feature = "review")]
mod l016_section_names_its_fund;
mod lookup;
mod n001_narrative_share;
mod n002_narrative_change_rate;
mod n003_narrative_completion_rate;
mod n004_narrative_comparison_word;
mod n005_narrative_zero_budget_rate;
mod n006_narrative_listed_parts;
mod n007_narrative_totals_vs_tables;
mod n008_narrative_three_public_vs_table;
mod n009_narrative_functions_vs_table_05;
mod n010_narrative_score_vs_self_evaluation;
mod n011_narrative_funds_vs_self_evaluation;
mod n012_narrative_grade;
mod n013_narrative_vehicle_count;
#[cfg(feature = "budget")]
mod n014_narrative_vs_budget_tables;
#[cfg(feature = "budget")]
mod n015_narrative_growth_rate;
#[cfg(feature = "review")]
mod n016_narrative_function_names;
#[cfg(feature = "review")]
mod n017_narrative_increase_within_current;
#[cfg(feature = "review")]
mod n018_narrative_count_vs_list;
#[cfg(feature = "review")]
mod n019_narrative_figure_of_other_table;
#[cfg(feature = "review")]
mod n020_narrative_procurement_vs_basic_data;
#[cfg(feature = "review")]
mod n021_narrative_three_public_parts;
#[cfg(feature = "review")]
mod n022_narrative_project_breakdown;
mod p001_score_within_points;
mod p002_group_points;
mod p003_total_points;
mod p004_total_score;
mod p005_execution_rate;
mod p006_execution_score;
mod p007_lost_points_explained;
mod p008_funding_split;
mod p009_staffing_control_rate;
mod p010_basic_data_three_public;
mod p011_basic_data_project_items;
mod p012_basic_data_vs_final_accounts;
#[cfg(feature = "review")]
mod p013_basic_data_expense_items;
#[cfg(feature = "review")]
mod p014_full_score_for_missed_target;
mod t001_summary_income_total;
mod t002_summary_expenditure_total;
mod t003_summary_grand_totals;
mod t004_classified_row_sums;
mod t005_classified_hierarchy;
mod t006_economic_classes;
mod t007_personnel_and_public_totals;
mod t008_three_public_sums;
mod t009_fiscal_grant_funds;
mod t010_government_fund_balance;
#[cfg(feature = "budget")]
mod t011_budget_summary_sums;
#[cfg(feature = "budget")]
mod t012_budget_summary_balance;
#[cfg(feature = "budget")]
mod t013_budget_project_funds;
mod verdicts;
mod x001_summary_vs_income;
mod x002_summary_vs_expenditure;
mod x003_basic_expenditure_vs_economic;
mod x004_general_budget_within_expenditure;
mod x005_economic_items_within_three_public;
mod x006_summary_vs_fiscal_grant_income;
mod x007_fiscal_grant_vs_general_budget;
mod x008_fund_tables_vs_fiscal_grant;
#[cfg(feature = "budget")]
mod x009_budget_income_vs_expenditure;
#[cfg(feature = "budget")]
mod x010_budget_summary_vs_tables;
#[cfg(feature = "budget")]
mod x011_budget_fiscal_grant_vs_functions;
#[cfg(feature = "budget")]
mod x012_budget_general_within_expenditure;
#[cfg(feature = "budget")]
mod x013_budget_basic_vs_economic;
#[cfg(feature = "budget")]
mod x014_budget_three_public_vs_economic;
#[cfg(feature = "budget")]
mod x015_budget_operating_within_public;
#[cfg(feature = "budget")]
mod x016_budget_contributions_vs_functions;
#[cfg(feature = "budget")]
mod x017_budget_project_goals_within_projects;
mod y001_budget_across_years;
mod y002_spending_across_years;
mod y003_vehicles_across_documents;
pub(crate) mod yearly;

/// A rule's identity and documentation.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct RuleInfo {
    /// Stable code (`T001`); never reused.
    pub code: &'static str,
    /// Stable kebab-case name.
    pub name: &'static str,
    pub title_zh: &'static str,
    pub title_en: &'static str,
    pub category: Category,
    pub severity: Severity,
    /// A review rule (feature `review`): what a careful reader checks beyond the figures' own
    /// relations. The CLI checks it; the web app leaves it to its diagnosis module, whose
    /// findings it adds; the embed package goes without (nor does `no_diagnosis` check it).
    pub review: bool,
    /// The rule's doc comment: what it checks, why, an example and the source (empty without
    /// the `rule-docs` feature).
    pub doc: &'static str,
}

/// A rule: what [`declare_rule!`] declares (its [`RuleInfo`]) and what it checks ([`Check`]).
pub trait Rule: Check + Sync {
    fn info(&self) -> &'static RuleInfo;
}

/// What a rule checks; each rule's file implements it, [`declare_rule!`] the rest of [`Rule`].
pub trait Check {
    /// Evaluates every relation the rule covers in `document`, recording each through `checker`.
    fn check(&self, _document: &ParseReport, _checker: &mut Checker) {}
    /// For the rules that compare documents (Y): evaluates the relations between `own` and
    /// the companions `checker` holds.
    fn compare(&self, _own: &Companion, _checker: &mut Checker) {}
}

/// Declares a rule type whose doc comment becomes its [`RuleInfo::doc`], and its [`Rule`] impl.
macro_rules! declare_rule {
    (
        $(#[doc = $doc:literal])+
        pub struct $name:ident {
            code: $code:literal,
            name: $slug:literal,
            title_zh: $zh:literal,
            title_en: $en:literal,
            category: $category:ident,
            severity: $severity:ident
            $(, review: $review:literal)? $(,)?
        }
    ) => {
        $(#[doc = $doc])+
        pub struct $name;

        impl $name {
            pub const INFO: $crate::rules::RuleInfo = $crate::rules::RuleInfo {
                code: $code,
                name: $slug,
                title_zh: $zh,
                title_en: $en,
                category: $crate::finding::Category::$category,
                severity: $crate::finding::Severity::$severity,
                review: false $(|| $review)?,
                doc: if cfg!(feature = "rule-docs") { concat!($($doc, "\n"),+) } else { "" },
            };
        }

        impl $crate::rules::Rule for $name {
            fn info(&self) -> &'static $crate::rules::RuleInfo {
                &Self::INFO
            }
        }
    };
}
pub(crate) use declare_rule;

/// Every rule, in code order.
pub fn all() -> &'static [&'static dyn Rule] {
    &[
        &c001_empty_table_unexplained::EmptyTableUnexplained,
        &c002_final_accounts_tables_present::FinalAccountsTablesPresent,
        &c003_no_data_statement_contradicted::NoDataStatementContradicted,
        #[cfg(feature = "review")]
        &c004_no_data_note_names_its_fund::NoDataNoteNamesItsFund,
        &l001_template_text::TemplateText,
        &l002_amount_in_yuan::AmountInYuan,
        &l003_year_slip::YearSlip,
        &l004_repeated_words::RepeatedWords,
        &l005_fund_name::FundName,
        &l006_blank_department::BlankDepartment,
        &l007_impossible_figure::ImpossibleFigure,
        &l008_change_without_reason::ChangeWithoutReason,
        &l009_figure_beyond_range::FigureBeyondRange,
        #[cfg(feature = "review")]
        &l010_cut_off_date::CutOffDate,
        #[cfg(feature = "review")]
        &l011_section_numbering::SectionNumbering,
        #[cfg(feature = "review")]
        &l012_code_names::CodeNames,
        #[cfg(feature = "review")]
        &l013_contents_entries::ContentsEntries,
        #[cfg(feature = "review")]
        &l014_department_name::DepartmentName,
        #[cfg(feature = "review")]
        &l015_doubled_character::DoubledCharacter,
        #[cfg(feature = "review")]
        &l016_section_names_its_fund::SectionNamesItsFund,
        &n001_narrative_share::NarrativeShare,
        &n002_narrative_change_rate::NarrativeChangeRate,
        &n003_narrative_completion_rate::NarrativeCompletionRate,
        &n004_narrative_comparison_word::NarrativeComparisonWord,
        &n005_narrative_zero_budget_rate::NarrativeZeroBudgetRate,
        &n006_narrative_listed_parts::NarrativeListedParts,
        &n007_narrative_totals_vs_tables::NarrativeTotalsVsTables,
        &n008_narrative_three_public_vs_table::NarrativeThreePublicVsTable,
        &n009_narrative_functions_vs_table_05::NarrativeFunctionsVsTable05,
        &n010_narrative_score_vs_self_evaluation::NarrativeScoreVsSelfEvaluation,
        &n011_narrative_funds_vs_self_evaluation::NarrativeFundsVsSelfEvaluation,
        &n012_narrative_grade::NarrativeGrade,
        &n013_narrative_vehicle_count::NarrativeVehicleCount,
        #[cfg(feature = "budget")]
        &n014_narrative_vs_budget_tables::NarrativeVsBudgetTables,
        #[cfg(feature = "budget")]
        &n015_narrative_growth_rate::NarrativeGrowthRate,
        #[cfg(feature = "review")]
        &n016_narrative_function_names::NarrativeFunctionNames,
        #[cfg(feature = "review")]
        &n017_narrative_increase_within_current::NarrativeIncreaseWithinCurrent,
        #[cfg(feature = "review")]
        &n018_narrative_count_vs_list::NarrativeCountVsList,
        #[cfg(feature = "review")]
        &n019_narrative_figure_of_other_table::NarrativeFigureOfOtherTable,
        #[cfg(feature = "review")]
        &n020_narrative_procurement_vs_basic_data::NarrativeProcurementVsBasicData,
        #[cfg(feature = "review")]
        &n021_narrative_three_public_parts::NarrativeThreePublicParts,
        #[cfg(feature = "review")]
        &n022_narrative_project_breakdown::NarrativeProjectBreakdown,
        &p001_score_within_points::ScoreWithinPoints,
        &p002_group_points::GroupPoints,
        &p003_total_points::TotalPoints,
        &p004_total_score::TotalScore,
        &p005_execution_rate::ExecutionRate,
        &p006_execution_score::ExecutionScore,
        &p007_lost_points_explained::LostPointsExplained,
        &p008_funding_split::FundingSplit,
        &p009_staffing_control_rate::StaffingControlRate,
        &p010_basic_data_three_public::BasicDataThreePublic,
        &p011_basic_data_project_items::BasicDataProjectItems,
        &p012_basic_data_vs_final_accounts::BasicDataVsFinalAccounts,
        #[cfg(feature = "review")]
        &p013_basic_data_expense_items::BasicDataExpenseItems,
        #[cfg(feature = "review")]
        &p014_full_score_for_missed_target::FullScoreForMissedTarget,
        &t001_summary_income_total::SummaryIncomeTotal,
        &t002_summary_expenditure_total::SummaryExpenditureTotal,
        &t003_summary_grand_totals::SummaryGrandTotals,
        &t004_classified_row_sums::ClassifiedRowSums,
        &t005_classified_hierarchy::ClassifiedHierarchy,
        &t006_economic_classes::EconomicClasses,
        &t007_personnel_and_public_totals::PersonnelAndPublicTotals,
        &t008_three_public_sums::ThreePublicSums,
        &t009_fiscal_grant_funds::FiscalGrantFunds,
        &t010_government_fund_balance::GovernmentFundBalance,
        #[cfg(feature = "budget")]
        &t011_budget_summary_sums::BudgetSummarySums,
        #[cfg(feature = "budget")]
        &t012_budget_summary_balance::BudgetSummaryBalance,
        #[cfg(feature = "budget")]
        &t013_budget_project_funds::BudgetProjectFunds,
        &x001_summary_vs_income::SummaryVsIncome,
        &x002_summary_vs_expenditure::SummaryVsExpenditure,
        &x003_basic_expenditure_vs_economic::BasicExpenditureVsEconomic,
        &x004_general_budget_within_expenditure::GeneralBudgetWithinExpenditure,
        &x005_economic_items_within_three_public::EconomicItemsWithinThreePublic,
        &x006_summary_vs_fiscal_grant_income::SummaryVsFiscalGrantIncome,
        &x007_fiscal_grant_vs_general_budget::FiscalGrantVsGeneralBudget,
        &x008_fund_tables_vs_fiscal_grant::FundTablesVsFiscalGrant,
        #[cfg(feature = "budget")]
        &x009_budget_income_vs_expenditure::BudgetIncomeVsExpenditure,
        #[cfg(feature = "budget")]
        &x010_budget_summary_vs_tables::BudgetSummaryVsTables,
        #[cfg(feature = "budget")]
        &x011_budget_fiscal_grant_vs_functions::BudgetFiscalGrantVsFunctions,
        #[cfg(feature = "budget")]
        &x012_budget_general_within_expenditure::BudgetGeneralWithinExpenditure,
        #[cfg(feature = "budget")]
        &x013_budget_basic_vs_economic::BudgetBasicVsEconomic,
        #[cfg(feature = "budget")]
        &x014_budget_three_public_vs_economic::BudgetThreePublicVsEconomic,
        #[cfg(feature = "budget")]
        &x015_budget_operating_within_public::BudgetOperatingWithinPublic,
        #[cfg(feature = "budget")]
        &x016_budget_contributions_vs_functions::BudgetContributionsVsFunctions,
        #[cfg(feature = "budget")]
        &x017_budget_project_goals_within_projects::BudgetProjectGoalsWithinProjects,
        &y001_budget_across_years::BudgetAcrossYears,
        &y002_spending_across_years::SpendingAcrossYears,
        &y003_vehicles_across_documents::VehiclesAcrossDocuments,
    ]
}

/// The catalogue as Markdown: the committed `docs/rules.md`.
pub fn catalogue_markdown() -> String {
    let mut out = String::from(
        "# hedui rules\n\n<!-- Generated by `hedui rules --format markdown`; a test keeps it current. -->\n\n",
    );
    out.push_str("| code | name | 规则 | category | severity |\n|---|---|---|---|---|\n");
    for rule in all() {
        let i = rule.info();
        let _ = writeln!(
            out,
            "| [{}](#{}) | {} | {} | {} | {} |",
            i.code,
            i.code.to_lowercase(),
            i.name,
            i.title_zh,
            i.category.zh(),
            i.severity.en()
        );
    }
    for rule in all() {
        let i = rule.info();
        let _ = write!(
            out,
            "\n## {}\n\n**{}** · {} · `{}` · {} ({}) · default severity: {}\n\n",
            i.code,
            i.title_zh,
            i.title_en,
            i.name,
            i.category.zh(),
            i.category.en(),
            i.severity.en()
        );
        if i.review {
            out.push_str(
                "A review rule: the web app shows its findings once its diagnosis module has checked the \
                 document; the embed package and `--no-diagnosis` leave it out.\n\n",
            );
        }
        out.push_str(&doc_text(i.doc));
    }
    out
}

/// The catalogue as JSON: every rule's [`RuleInfo`].
pub fn catalogue_json() -> String {
    let infos: Vec<&RuleInfo> = all().iter().map(|r| r.info()).collect();
    serde_json::to_string_pretty(&infos).expect("catalogue serialises")
}

/// The catalogue as plain text, for the terminal.
pub fn catalogue_text() -> String {
    let mut out = String::new();
    for rule in all() {
        let i = rule.info();
        let _ =
            writeln!(out, "{}  {:<8} {:<10} {}  {}", i.code, i.severity.en(), i.category.zh(), i.title_zh, i.title_en);
    }
    out
}

/// A doc comment with the one leading space of each line removed.
pub fn doc_text(doc: &str) -> String {
    doc.lines().map(|line| line.strip_prefix(' ').unwrap_or(line)).fold(String::new(), |mut out, line| {
        out.push_str(line);
        out.push('\n');
        out
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_and_sorted() {
        let codes: Vec<&str> = all().iter().map(|r| r.info().code).collect();
        let mut sorted = codes.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(codes, sorted);
    }

    #[test]
    fn every_rule_documents_what_why_example_and_source() {
        for rule in all() {
            let doc = rule.info().doc;
            for heading in ["## What", "## Why", "## Example", "## Source"] {
                assert!(doc.contains(heading), "{} lacks {heading}", rule.info().code);
            }
        }
    }
}
