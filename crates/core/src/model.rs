//! The typed model of a document: recognised tables with every value and its place, the
//! narrative as a section tree, and what could not be placed.

use serde::Serialize;

use crate::amount::Number;
use crate::ingest::{Cell, Span};

/// Where a value sits: the cell's lines, its 0-based column in the row and its byte range.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Location {
    pub line: usize,
    pub line_end: usize,
    pub column: usize,
    pub byte_start: usize,
    pub byte_end: usize,
}

impl Location {
    /// The location of cell number `column` spanning `span`.
    pub fn of(span: Span, column: usize) -> Self {
        Location {
            line: span.line_start,
            line_end: span.line_end,
            column,
            byte_start: span.byte_start,
            byte_end: span.byte_end,
        }
    }
}

/// A number read from a cell, with its displayed precision, its raw text and its location.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Amount {
    #[serde(flatten)]
    pub number: Number,
    /// The cell text as written (markup removed).
    pub raw: String,
    pub at: Location,
}

impl Amount {
    /// The amount in cell `column` if it holds a number.
    pub fn from_cell(cell: &Cell, column: usize) -> Option<Self> {
        crate::amount::parse_number(&cell.text).map(|number| Amount::read(number, cell, column))
    }

    /// The amount `number`, already read from cell `column`.
    pub fn read(number: crate::amount::Number, cell: &Cell, column: usize) -> Self {
        Amount { number, raw: cell.text.clone(), at: Location::of(cell.span, column) }
    }
}

/// A text cell with its location.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Text {
    pub text: String,
    pub at: Location,
}

impl Text {
    pub fn from_cell(cell: &Cell, column: usize) -> Self {
        Text { text: cell.text.clone(), at: Location::of(cell.span, column) }
    }
}

/// Values of one row keyed by normalised column key.
pub type Values = crate::sorted_map::SortedMap<String, Amount>;

/// Level of a functional-classification code (支出功能分类): 类/款/项 by 3/5/7 digits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CodeLevel {
    /// 类, 3 digits.
    Class,
    /// 款, 5 digits.
    Section,
    /// 项, 7 digits.
    Item,
}

impl CodeLevel {
    /// The level of a code with `digits` digits.
    pub fn of_len(digits: usize) -> Option<Self> {
        match digits {
            3 => Some(CodeLevel::Class),
            5 => Some(CodeLevel::Section),
            7 => Some(CodeLevel::Item),
            _ => None,
        }
    }
}

/// The unit a table or document states.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Unit {
    #[serde(rename = "万元")]
    TenThousandYuan,
    #[serde(rename = "元")]
    Yuan,
}

/// A row of a functional-classification table (02, 03, 05, 07, 08).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ClassifiedRow {
    /// `合计` row, or a 科目编码 row.
    pub key: String,
    /// The 科目编码 without spaces, if the row has one.
    pub code: Option<String>,
    pub level: Option<CodeLevel>,
    /// The 科目名称 (or `合计`).
    pub label: String,
    pub values: Values,
    pub span: Span,
}

/// A functional-classification table: columns by header label, rows by 科目编码.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ClassifiedTable {
    /// Normalised value-column keys in display order (`本年支出/基本支出`).
    pub columns: Vec<String>,
    /// The `合计` row, if present.
    pub total: Option<ClassifiedRow>,
    /// Coded rows in display order.
    pub rows: Vec<ClassifiedRow>,
}

/// Which side of a two-sided summary table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Side {
    /// 收入 (left).
    Income,
    /// 支出 (right).
    Expenditure,
}

/// One line of one side of a summary table (01, 04).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SummaryLine {
    pub side: Side,
    /// Normalised label without its ordinal (`一般公共服务支出`, `本年收入合计`).
    pub label: String,
    /// The ordinal written before the label (`一`, `十五`), if any.
    pub ordinal: Option<String>,
    /// The 行次.
    pub line_no: Option<u32>,
    /// The 类 code for expenditure lines named after a functional class (`201`).
    pub class_code: Option<String>,
    /// The label of the line this one details (the fund lines under `年初财政拨款结转和结余`).
    pub parent: Option<String>,
    pub values: Values,
    pub span: Span,
}

/// A two-sided summary table (01 收入支出决算总表, 04 财政拨款收入支出决算总表).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SummaryTable {
    pub income_columns: Vec<String>,
    pub expenditure_columns: Vec<String>,
    pub lines: Vec<SummaryLine>,
}

/// One economic-classification item of table 06.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EconomicItem {
    /// 经济分类科目编码: 3 digits (类) or 5 digits (款).
    pub code: String,
    pub name: String,
    /// Which of the side-by-side column groups it was in (0-based).
    pub group: usize,
    pub amount: Option<Amount>,
}

/// Table 06 一般公共预算财政拨款基本支出决算明细表.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EconomicTable {
    pub items: Vec<EconomicItem>,
    /// 人员经费合计.
    pub personnel_total: Option<Amount>,
    /// 公用经费合计.
    pub public_total: Option<Amount>,
}

/// The six figures of one side of table 09.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ThreePublicFigures {
    /// 合计.
    pub total: Option<Amount>,
    /// 因公出国(境)费.
    pub abroad: Option<Amount>,
    /// 公务用车购置及运行(维护)费 小计.
    pub vehicle_subtotal: Option<Amount>,
    /// 公务用车购置费.
    pub vehicle_purchase: Option<Amount>,
    /// 公务用车运行(维护)费.
    pub vehicle_operation: Option<Amount>,
    /// 公务接待费.
    pub reception: Option<Amount>,
}

/// Table 09 财政拨款"三公"经费支出决算表.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ThreePublicTable {
    /// 预算数.
    pub budget: ThreePublicFigures,
    /// 决算数.
    pub actual: ThreePublicFigures,
}

/// The “三公”经费和机关运行经费预算表 of a budget: the 三公 figures budgeted and the 机关运行经费.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BudgetThreePublicTable {
    /// 合计, 因公出国(境)费, 公务用车购置及运行费 (小计, 购置费, 运行费), 公务接待费.
    pub figures: ThreePublicFigures,
    /// 机关运行经费预算数.
    pub operating: Option<Amount>,
}

/// One funding line of a 绩效自评表 (`年度资金总额`, `其中：当年财政拨款`, …).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FundingLine {
    /// Normalised label (`年度资金总额`, `当年财政拨款`, `上年结转资金`, `其他资金`).
    pub label: String,
    /// 年初预算数.
    pub initial_budget: Option<Amount>,
    /// 全年预算数.
    pub full_year_budget: Option<Amount>,
    /// 全年执行数.
    pub executed: Option<Amount>,
    /// 分值.
    pub points: Option<Amount>,
    /// 执行率.
    pub execution_rate: Option<Amount>,
    /// 得分.
    pub score: Option<Amount>,
    pub span: Span,
}

/// A `label：amount` entry of the funding split (`按收入性质分` / `按支出性质分`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SplitEntry {
    /// `income` (按收入性质分) or `expenditure` (按支出性质分).
    pub side: Side,
    pub label: String,
    pub amount: Option<Amount>,
    pub at: Location,
}

/// One indicator (三级指标) row of a 绩效自评表.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Indicator {
    /// 一级指标 (inherited from the rows above when blank).
    pub level1: Option<String>,
    /// 二级指标 (inherited likewise).
    pub level2: Option<String>,
    /// 三级指标.
    pub name: String,
    /// 年度指标值.
    pub target: Option<String>,
    /// 实际完成值.
    pub actual: Option<String>,
    /// 分值.
    pub points: Option<Amount>,
    /// 得分.
    pub score: Option<Amount>,
    /// 偏差原因分析及改进措施.
    pub deviation: Option<String>,
    pub span: Span,
}

/// A 一级指标 group with its stated maximum (`产出指标 (50 分)`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct IndicatorGroup {
    pub name: String,
    /// The points stated in the heading, if any.
    pub stated_points: Option<Amount>,
    /// Indices into `indicators`.
    pub indicators: Vec<usize>,
}

/// A 整体支出绩效自评表 or 项目支出绩效自评表.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PerformanceTable {
    /// 项目支出名称 or 预算部门(单位)名称.
    pub subject: Option<String>,
    /// 主管部门.
    pub competent_department: Option<String>,
    /// 实施单位.
    pub implementing_unit: Option<String>,
    pub funding: Vec<FundingLine>,
    pub funding_split: Vec<SplitEntry>,
    /// 年度总体目标: 预期目标.
    pub goal_expected: Option<Text>,
    /// 年度总体目标: 实际完成情况.
    pub goal_actual: Option<Text>,
    pub indicators: Vec<Indicator>,
    pub groups: Vec<IndicatorGroup>,
    /// 总分 分值.
    pub total_points: Option<Amount>,
    /// 总分 得分.
    pub total_score: Option<Amount>,
}

/// One row of the 基础数据表 keyed by its label.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BasicDataRow {
    /// Normalised label without ordinals or `其中：` (`三公经费`, `公车运行维护`, `政府门户网专项`).
    pub label: String,
    /// Column key (header label) → value.
    pub values: Values,
    pub span: Span,
}

/// 部门整体支出绩效评价基础数据表.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BasicDataTable {
    /// 编制数, 实际在职人数, 控制率 and the building-control figures, keyed by header label.
    pub staffing: Values,
    /// Column keys of the expense-control block (`2022年决算数`, `2023年预算数`, `2023年决算数`).
    pub columns: Vec<String>,
    pub rows: Vec<BasicDataRow>,
    /// 楼堂馆所控制情况 figures keyed by header label.
    pub buildings: Values,
}

/// A budget's 项目支出绩效目标表 (财政项目支出绩效目标填报表): one project and its funds in the
/// table's unit (its 绩效指标 are text).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ProjectGoalsTable {
    /// 项目名称.
    pub project: Option<String>,
    /// The unit its funds are stated in (`项目资金（元）`).
    pub unit: Option<Unit>,
    /// The funds by label: the totals `项目资金总额` (= 财政资金 + 其他资金) and `年度资金申请总额`
    /// (= 当年财政拨款 + 上年结转资金 + 其他资金), each part under its total
    /// (`年度资金申请总额/当年财政拨款`).
    pub funds: Values,
}

/// The typed content of a recognised table.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "shape", rename_all = "snake_case")]
pub enum TableModel {
    Summary(SummaryTable),
    Classified(ClassifiedTable),
    Economic(EconomicTable),
    ThreePublic(Box<ThreePublicTable>),
    BudgetThreePublic(Box<BudgetThreePublicTable>),
    ProjectGoals(Box<ProjectGoalsTable>),
    Performance(Box<PerformanceTable>),
    BasicData(BasicDataTable),
}
