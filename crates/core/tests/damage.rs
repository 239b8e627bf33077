//! One minimal fixture per extraction-damage pattern seen in the corpus.

use hedui_core::model::{CodeLevel, TableModel, Unit};
use hedui_core::recognise::{Form, MatchedBy, RecognisedTable};
use hedui_core::ParseReport;

fn table(report: &ParseReport, form: Form) -> &RecognisedTable {
    report
        .tables
        .iter()
        .find(|t| t.form == form)
        .unwrap_or_else(|| panic!("{form:?} not recognised: {:#?}", report.coverage))
}

/// The raw text and value of the cell at (`row`, `column`) as `"raw=value"`.
fn value(table: &RecognisedTable, row: &str, column: &str) -> Option<String> {
    table
        .cells
        .iter()
        .find(|c| c.row == row && c.column == column)
        .map(|c| format!("{}={}", c.value.raw, c.value.number.value))
}

const INCOME: &str = "收入决算表\n\n公开02表\n\n单位：万元\n\n\
项目\t\t本年收入合计\t财政拨款收入\t其他收入\n\
科目代码\t科目名称\t\t\t\n\
栏次\t\t1\t2\t3\n\
合计\t\t5,487.18\t5, 487. 18\t—\n\
201\t一般公共服务支出\t２８０．７２\t280.72\t-\n\
201 03 01\t行政运行\t<b>211.60</b>\t211.6\t\n";

#[test]
fn numbers_with_separators_ocr_spaces_full_width_digits_markup_and_nothing_markers() {
    let report = hedui_core::parse("t", INCOME);
    let t = table(&report, Form::Income);
    assert_eq!(value(t, "合计", "本年收入合计").as_deref(), Some("5,487.18=5487.18"));
    assert_eq!(value(t, "合计", "财政拨款收入").as_deref(), Some("5, 487. 18=5487.18"));
    assert_eq!(value(t, "201", "本年收入合计").as_deref(), Some("２８０．７２=280.72"));
    assert_eq!(value(t, "2010301", "本年收入合计").as_deref(), Some("211.60=211.60"));
    assert_eq!(value(t, "2010301", "财政拨款收入").as_deref(), Some("211.6=211.6"));
    for row in ["合计", "201", "2010301"] {
        assert_eq!(value(t, row, "其他收入"), None, "{row}: nothing markers and empty cells hold no value");
    }
    assert!(report.coverage.unplaced_cells.is_empty(), "{:?}", report.coverage.unplaced_cells);
    assert_eq!(t.unit, Some(Unit::TenThousandYuan));
    assert_eq!(t.label.as_deref(), Some("公开02表"));
}

#[test]
fn split_codes_and_code_levels() {
    let report = hedui_core::parse("t", INCOME);
    let TableModel::Classified(model) = &table(&report, Form::Income).model else { panic!("classified") };
    let levels: Vec<(&str, Option<CodeLevel>)> = model.rows.iter().map(|r| (r.key.as_str(), r.level)).collect();
    assert_eq!(levels, [("201", Some(CodeLevel::Class)), ("2010301", Some(CodeLevel::Item))]);
    assert_eq!(model.total.as_ref().map(|r| r.label.as_str()), Some("合计"));
}

#[test]
fn merged_code_and_name_with_a_header_row_out_of_line() {
    // Table 03 of 004: code and name in one cell, values one column to the left of their
    // header labels, the 栏次 row shifted too.
    let text = "支出决算表\n\
部门:某单位\t\t\t\t公开03表\n\
项目\t\t\t\t金额单位:万元\n\
科目代码\t科目名称\t本年支出合计\t基本支出\t项目支出\n\
栏次\t1\t2\t3\t\n\
合计\t563.56\t448.55\t115.01\t\n\
201 一般公共服务支出\t467.01\t352.01\t115.01\t\n\
2010101 行政运行\t17.39\t17.39\t0.00\t\n";
    let report = hedui_core::parse("t", text);
    let t = table(&report, Form::Expenditure);
    assert_eq!(value(t, "合计", "项目支出").as_deref(), Some("115.01=115.01"));
    assert_eq!(value(t, "201", "本年支出合计").as_deref(), Some("467.01=467.01"));
    assert_eq!(value(t, "2010101", "基本支出").as_deref(), Some("17.39=17.39"));
    let TableModel::Classified(model) = &t.model else { panic!("classified") };
    assert_eq!(model.rows[0].label, "一般公共服务支出");
    assert_eq!(t.unit, Some(Unit::TenThousandYuan));
    assert!(report.coverage.unplaced_cells.is_empty(), "{:?}", report.coverage.unplaced_cells);
}

#[test]
fn two_level_headers_give_group_and_leaf_keys() {
    let text = "一般公共预算财政拨款支出决算表\n\
项 目\t\t本年支出\t\t\n\
功能分类 科目编码\t科目名称\t小计\t基本支出\t项目支出\n\
合计\t\t280.72\t211.60\t69.12\n";
    let report = hedui_core::parse("t", text);
    let t = table(&report, Form::GeneralBudgetExpenditure);
    let TableModel::Classified(model) = &t.model else { panic!("classified") };
    assert_eq!(model.columns, ["本年支出/小计", "本年支出/基本支出", "本年支出/项目支出"]);
    assert_eq!(value(t, "合计", "本年支出/项目支出").as_deref(), Some("69.12=69.12"));
}

#[test]
fn side_by_side_groups_and_totals_on_the_row_below_their_labels() {
    let text = "一般公共预算财政拨款基本支出决算明细表\n\
科目代码\t科目名称\t决算数\t科目代码\t科目名称\t决算数\n\
301\t工资福利支出\t35.20\t302\t商品和服务支出\t175.37\n\
30101\t基本工资\t0.00\t30201\t办公费\t3.73\n\
\t\t\t30299\t其他商品和服务支出\t34.59\n\
\t\t0.50\t\t\t\n\
人员经费合计\t\t\t公用经费合计\t\t\n\
\t\t35.20\t\t\t175.37\n";
    let report = hedui_core::parse("t", text);
    let t = table(&report, Form::GeneralBudgetBasicExpenditure);
    let TableModel::Economic(model) = &t.model else { panic!("economic") };
    let items: Vec<(&str, usize)> = model.items.iter().map(|i| (i.code.as_str(), i.group)).collect();
    assert_eq!(items, [("301", 0), ("302", 1), ("30101", 0), ("30201", 1), ("30299", 1)]);
    assert_eq!(model.personnel_total.as_ref().map(|a| a.raw.as_str()), Some("35.20"));
    assert_eq!(model.public_total.as_ref().map(|a| a.raw.as_str()), Some("175.37"));
    let unplaced: Vec<&str> = report.coverage.unplaced_cells.iter().map(|c| c.text.as_str()).collect();
    assert_eq!(unplaced, ["0.50"], "a value without a code is reported, not dropped");
}

#[test]
fn three_public_expenses_after_a_column_number_run_and_with_an_empty_slot() {
    let text = "财政拨款“三公”经费支出决算表\n\
预算数\t\t\t\t\t\t决算数\t\t\t\t\t\n\
合计\t因公出国（境）费\t公务用车购置及运行维护费\t\t\t公务接待费\t合计\t因公出国（境）费\t公务用车购置及运行维护费\t\t\t公务接待费\n\
\t\t小计\t公务用车购置费\t公务用车运行维护费\t\t\t\t小计\t公务用车购置费\t公务用车运行维护费\t\n\
1\t2\t3\t4\t5\t6\t7\t8\t9\t10\t11\t12\t136.85\t49.98\t85.75\t\t85.75\t1.12\t136.85\t49.98\t85.75\t\t85.75\t1.12\n";
    let report = hedui_core::parse("t", text);
    let t = table(&report, Form::ThreePublicExpenses);
    let TableModel::ThreePublic(model) = &t.model else { panic!("three public") };
    assert_eq!(model.budget.total.as_ref().map(|a| a.raw.as_str()), Some("136.85"));
    assert_eq!(model.budget.vehicle_purchase, None);
    assert_eq!(model.actual.vehicle_operation.as_ref().map(|a| a.raw.as_str()), Some("85.75"));
    assert_eq!(model.actual.reception.as_ref().map(|a| a.raw.as_str()), Some("1.12"));
    assert_eq!(report.coverage.numeric_cells_structural, 12);
}

#[test]
fn summary_sides_split_at_the_expenditure_header_with_bold_labels() {
    let text = "## 收入支出决算总表\n\n\
收入\t\t\t支出\t\t\n\
项 目\t行次\t决算数\t项 目\t行次\t决算数\n\
栏 次\t\t1\t栏 次\t\t2\n\
一、一般公共预算财政拨款收入\t1\t280.72\t一、一般公共服务支出\t14\t280.72\n\
<b>本年收入合计</b>\t10\t<b>280.72</b>\t<b>本年支出合计</b>\t23\t<b>280.72</b>\n";
    let report = hedui_core::parse("t", text);
    let t = table(&report, Form::IncomeExpenditureSummary);
    assert_eq!(value(t, "收入/本年收入合计", "金额").as_deref(), Some("280.72=280.72"));
    assert_eq!(value(t, "支出/一般公共服务支出", "金额").as_deref(), Some("280.72=280.72"));
    let TableModel::Summary(model) = &t.model else { panic!("summary") };
    let line = &model.lines[1];
    assert_eq!(
        (line.ordinal.as_deref(), line.line_no, line.class_code.as_deref()),
        (Some("一"), Some(14), Some("201"))
    );
    assert_eq!(report.coverage.numeric_cells_structural, 4 + 2, "行次 and 栏次 cells are structure");
}

#[test]
fn a_table_split_across_pages_with_repeated_headers_reads_as_one() {
    let text = "收入决算表\n\
项目\t\t本年收入合计\t财政拨款收入\n\
科目代码\t科目名称\t\t\n\
合计\t\t300.00\t300.00\n\
201\t一般公共服务支出\t100.00\t100.00\n\
\n- 8 -\n\n\
项目\t\t本年收入合计\t财政拨款收入\n\
科目代码\t科目名称\t\t\n\
208\t社会保障和就业支出\t200.00\t200.00\n";
    let report = hedui_core::parse("t", text);
    assert_eq!(report.stats.tables, 1);
    let t = table(&report, Form::Income);
    assert_eq!(value(t, "208", "财政拨款收入").as_deref(), Some("200.00=200.00"));
    assert_eq!(t.span.line_end, 11);
}

#[test]
fn tables_are_found_by_title_in_any_order_and_by_header_without_a_title() {
    // Shanghai order: 三公 before the fund tables; the second table has no title at all.
    let text = "财政拨款“三公”经费支出决算表\n\
预算数\t\t\t\t\t\t决算数\t\t\t\t\t\n\
合计\t因公出国(境)费\t公务用车购置及运行费\t\t\t公务接待费\t合计\t因公出国(境)费\t公务用车购置及运行费\t\t\t公务接待费\n\
1.00\t0.00\t0.50\t0.00\t0.50\t0.50\t1.00\t0.00\t0.50\t0.00\t0.50\t0.50\n\
\n注：本表反映三公经费。\n\n\
项目\t\t本年支出合计\t基本支出\t项目支出\t上缴上级支出\n\
科目编码\t科目名称\t\t\t\t\n\
合计\t\t1.00\t1.00\t0.00\t0.00\n";
    let report = hedui_core::parse("t", text);
    let forms: Vec<(Form, MatchedBy)> = report.tables.iter().map(|t| (t.form, t.matched_by)).collect();
    assert_eq!(forms, [(Form::ThreePublicExpenses, MatchedBy::Title), (Form::Expenditure, MatchedBy::Header)]);
}

#[test]
fn performance_table_laid_out_one_cell_per_line() {
    let text = "部门整体支出绩效自评表\n\
\t年度预\n算申请\n\t\n\t年初\n预算数\n\t全年\n预算数\n\t全年\n执行数\n\t分值\n\t执行率\n\t得分\n\n\
\t\n\t年度资金总额\n\t293.53\n\t300.48\n\t300.36\n\t10\n\t102.32%\n\t10\n\n\
\t产出\n指标\n（50分)\n\t数量\n指指标\n\t重点工作完成数\n\t3次\n\t3次\n\t20\n\t18\n\t\n\n\
\t总分\n\t100\n\t98\n";
    let report = hedui_core::parse("t", text);
    let t = table(&report, Form::OverallPerformance);
    let TableModel::Performance(model) = &t.model else { panic!("performance") };
    let funding = &model.funding[0];
    assert_eq!(funding.execution_rate.as_ref().map(|a| a.raw.as_str()), Some("102.32%"));
    assert_eq!(funding.full_year_budget.as_ref().map(|a| (a.raw.as_str(), a.at.line)), Some(("300.48", 18)));
    let indicator = &model.indicators[0];
    assert_eq!(indicator.level1.as_deref(), Some("产出指标"));
    assert_eq!(indicator.name, "重点工作完成数");
    assert_eq!(
        (indicator.points.as_ref().map(|a| a.raw.as_str()), indicator.score.as_ref().map(|a| a.raw.as_str())),
        (Some("20"), Some("18"))
    );
    assert_eq!(model.groups[0].stated_points.as_ref().map(|a| a.number.value.to_string()), Some("50".into()));
    assert_eq!(model.total_score.as_ref().map(|a| a.raw.as_str()), Some("98"));
}

/// 一级指标, 二级指标, 三级指标, 得分.
type IndicatorRow<'a> = (Option<&'a str>, Option<&'a str>, &'a str, Option<&'a str>);

#[test]
fn shifted_indicator_rows_and_continuation_lines() {
    let text = "2023 年度项目支出绩效自评表\n\
项目支出名称\t档案工作经费\t\t\t\t\t\t\n\
绩效指标\t一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因分析及改进措施\n\
\t产出指标 (40 分)\t数量指标\t档案数量\t8 万卷\t8 万卷\t20\t20\t\n\
满意度指标\t服务对象满意度指标\t使用对象满意度\t\t100%\t100%\t10\t10.00\t\n\
\t成本指标\t经济成本指标\t成本控制数\t4.96 万元\t3.72 万元\t20\t15.00\t1、偏差原因: 未完成\n\
\t\t\t\t\t\t\t\t付出。\n\
总分\t\t\t\t\t100\t45.00\t\n";
    let report = hedui_core::parse("t", text);
    let TableModel::Performance(model) = &table(&report, Form::ProjectPerformance).model else { panic!("performance") };
    assert_eq!(model.subject.as_deref(), Some("档案工作经费"));
    let rows: Vec<IndicatorRow> = model
        .indicators
        .iter()
        .map(|i| (i.level1.as_deref(), i.level2.as_deref(), i.name.as_str(), i.score.as_ref().map(|a| a.raw.as_str())))
        .collect();
    assert_eq!(
        rows,
        [
            (Some("产出指标"), Some("数量指标"), "档案数量", Some("20")),
            (Some("满意度指标"), Some("服务对象满意度指标"), "使用对象满意度", Some("10.00")),
            (Some("成本指标"), Some("经济成本指标"), "成本控制数", Some("15.00")),
        ]
    );
    assert_eq!(model.indicators[2].deviation.as_deref(), Some("1、偏差原因: 未完成付出。"));
    assert_eq!(model.indicators[2].span.line_end, 7);
}

#[test]
fn units_in_yuan_and_document_facts() {
    let text = "2023年度\n某某局\n部门决算\n\n收入决算表\n部门：\n单位：元\n\
项目\t\t本年收入合计\n科目代码\t科目名称\t\n合计\t\t1000\n";
    let report = hedui_core::parse("t", text);
    assert_eq!(table(&report, Form::Income).unit, Some(Unit::Yuan));
    let d = &report.document;
    assert_eq!((d.year, d.department.as_deref(), d.unit), (Some(2023), Some("某某局"), Some(Unit::Yuan)));
    assert_eq!(d.blank_department_lines, [6]);
}

#[test]
fn ruled_budget_table_totals_spanning_the_code_columns_or_alone_on_the_next_page() {
    // Rows as the PDF reader writes a ruled table: merged cells give empty cells, so the 合计
    // cell spanning 类/款/名称 is followed by blanks; the 合计 of the 支出预算总表 stands alone on
    // the next page, one cell wide where it spans the code and name columns.
    let text = "2024年部门一般公共预算基本支出部门预算经济分类预算表\n\n\
项目\t\t\t一般公共预算基本支出\t\t\n\
部门预算经济分类科目编码\t\t经济分类科目名称\t合计\t人员经费\t公用经费\n\
类\t款\t\t\t\t\n\
301\t\t工资福利支出\t90\t90\t0\n\
301\t2\t津贴补贴\t90\t90\t0\n\
合计\t\t\t90\t90\t0\n\
\n2024年部门支出预算总表\n\n\
项目\t\t\t\t支出预算\t\t\n\
功能分类科目编码\t\t\t功能分类科目名称\t合计\t基本支出\t项目支出\n\
类\t款\t项\t\t\t\t\n\
201\t\t\t一般公共服务支出\t30\t10\t20\n\
201\t01\t01\t行政运行\t30\t10\t20\n\
\x0c合计\t30\t10\t20\n";
    let report = hedui_core::parse("t", text);
    let economic = table(&report, Form::BudgetBasicEconomic);
    assert_eq!(value(economic, "合计", "一般公共预算基本支出/人员经费").as_deref(), Some("90=90"));
    assert_eq!(value(economic, "30102", "一般公共预算基本支出/合计").as_deref(), Some("90=90"));
    let expenditure = table(&report, Form::BudgetExpenditure);
    assert_eq!(value(expenditure, "合计", "支出预算/项目支出").as_deref(), Some("20=20"));
    assert!(report.coverage.unplaced_cells.is_empty(), "{:?}", report.coverage.unplaced_cells);
}
