//! Tables rebuilt from layout text, on the shapes the published documents have.

use super::*;
use crate::ingest::{Block, TableLayout};
use crate::layout::blocks;

fn table_rows(text: &str) -> Vec<Vec<String>> {
    let blocks = blocks(text);
    let rows = blocks.iter().find_map(|b| match b {
        Block::Table { rows, layout: TableLayout::Columns, .. } => Some(rows.clone()),
        _ => None,
    });
    rows.unwrap_or_else(|| panic!("no table in {blocks:#?}"))
        .iter()
        .map(|r| r.cells.iter().map(|c| c.text.clone()).collect())
        .collect()
}

#[test]
fn figure_columns_no_row_fills_together_are_told_apart_on_one_page() {
    // The 福利院 budget's 经济分类 table as pdftotext sets it: a 301 row fills 人员经费, a 302
    // row 公用经费, only the 合计 row both.
    let text = "\
 经济分类科目编码
                        部门经济分类科目名称     合计          人员经费          公用经费
  301        工资福利支出                    6,958,414     6,958,414
  301   01   基本工资                        758,448      758,448
  301   02   津贴补贴                        225,600      225,600
  302        商品和服务支出                  2,120,950                  2,120,950
  302   01   办公费                           69,000                   69,000
  302   04   水费                             60,000                   60,000
                      合计             9,501,164     7,380,214     2,120,950
";
    let rows = table_rows(text);
    let figures = |code: &str| {
        rows.iter()
            .rev()
            .find(|r| r.iter().any(|c| c == code))
            .map(|r| r[r.len() - 3..].to_vec())
            .unwrap_or_else(|| panic!("{code} in {rows:?}"))
    };
    assert_eq!(figures("工资福利支出"), ["6,958,414", "6,958,414", ""]);
    assert_eq!(figures("商品和服务支出"), ["2,120,950", "", "2,120,950"]);
    assert_eq!(figures("合计"), ["9,501,164", "7,380,214", "2,120,950"]);
}

#[test]
fn columns_come_from_full_rows_and_blank_cells_stay_blank() {
    // As `pdftotext -layout` writes it: columns drift with the CJK text before them.
    let text = "支出决算表\n单位：万元\n  科目编码    科目名称      本年支出合计    基本支出       项目支出\n          合计             307.82   105.58   202.24\n201       一般公共服务支出       264.87   62.63    202.24\n2013901   行政运行           51.32    51.32\n2013999   其他社会工作事务支出     202.24            202.24\n";
    let rows = table_rows(text);
    assert_eq!(rows[0], ["科目编码", "科目名称", "本年支出合计", "基本支出", "项目支出"]);
    assert_eq!(rows[1], ["", "合计", "307.82", "105.58", "202.24"]);
    assert_eq!(rows[3], ["2013901", "行政运行", "51.32", "51.32", ""]);
    assert_eq!(rows[4], ["2013999", "其他社会工作事务支出", "202.24", "", "202.24"]);
}

#[test]
fn wrapped_labels_join_the_row_they_wrap_around() {
    let text = "一般公共预算财政拨款支出决算表\n  科目编码    科目名称      合计      基本支出     项目支出\n 20805      行政事业单位养老支出     10.82    10.82\n            机关事业单位\n 2080505    基本养老保险      6.18     6.18\n            缴费支出\n 2080506    职业年金缴费支出      4.64     4.64\n 210        卫生健康支出      2.71     2.71\n";
    let rows = table_rows(text);
    assert_eq!(rows[2][..3], ["2080505", "机关事业单位基本养老保险缴费支出", "6.18"]);
    assert_eq!(rows[3][..2], ["2080506", "职业年金缴费支出"]);
}

#[test]
fn headers_broken_over_lines_are_joined_and_side_labels_span_their_side() {
    let text = "收入支出决算总表\n              收入                          支出\n         项目        决算数               项目         决算数\n一、一般公共预算财政拨款收入     307.82   一、一般公共服务支出          264.87\n二、政府性基金预算财政拨款收入             二、外交支出\n                            九、卫生健康支出             2.71\n    本年收入合计         307.82          本年支出合计       307.82\n";
    let rows = table_rows(text);
    assert_eq!(rows[0], ["收入", "收入", "支出", "支出"]);
    assert_eq!(rows[1], ["项目", "决算数", "项目", "决算数"]);
    assert_eq!(rows[3], ["二、政府性基金预算财政拨款收入", "", "二、外交支出", ""]);
    assert_eq!(rows[4], ["", "", "九、卫生健康支出", "2.71"]);
    let text = "收入决算表\n                                        附属单位\n 科目编码    科目名称   本年收入合计  财政拨款收入              其他收入\n                                        上缴收入\n201       一般公共服务支出   264.87    264.87\n20139     社会工作事务     264.87    264.87\n";
    let rows = table_rows(text);
    assert_eq!(rows[0], ["科目编码", "科目名称", "本年收入合计", "财政拨款收入", "附属单位上缴收入", "其他收入"]);
}

#[test]
fn a_column_number_line_is_a_row_of_its_own_and_wrapped_labels_stay_labels() {
    // A table of a corpus document as LibreOffice prints it (HTML table → PDF), laid out by
    // `render`: the 科目编码 label wrapped over two lines, a 栏次 line under the header.
    let text = format!("收入决算表\n{}", "                                                                本年收入 合  财政拨款 收  上级补助 收 事业收  经营收  附属单位 上缴收\n               项 目                                                                                                                 其他收入\n                                                                计          入           入          入      入       入\n               功能分类科 目编\n                               科目名称\n               码\n\n               栏次                                             1           2            3           4       5        6              7\n\n               合计                                             280.72      280.72       0.00        0.00    0.00     0.00           0.00\n\n               201             一般公共服务支出                 280.72      280.72       0.00        0.00    0.00     0.00           0.00\n\n               20103           政府办公厅（室）及相关机构事务   280.72      280.72       0.00        0.00    0.00     0.00           0.00\n\n               2010301         行政运行                         211.60      211.60       0.00        0.00    0.00     0.00           0.00\n\n                               其他政府办公厅（室）及相关机构\n               2010399                                          69.12       69.12        0.00        0.00    0.00     0.00           0.00\n");
    let rows = table_rows(&text);
    let numbers = rows.iter().position(|r| r.iter().any(|c| c == "栏次")).expect("a 栏次 row");
    assert_eq!(rows[numbers][1..], ["栏次", "1", "2", "3", "4", "5", "6", "7"]);
    assert_eq!(rows[numbers - 1][0], "项目功能分类科目编码");
    assert_eq!(rows[numbers - 1][2..4], ["本年收入合计", "财政拨款收入"]);
    assert_eq!(rows[numbers + 2][..4], ["201", "一般公共服务支出", "280.72", "280.72"]);
    assert_eq!(rows[numbers + 5][..3], ["2010399", "其他政府办公厅（室）及相关机构", "69.12"]);
}

#[test]
fn codes_split_over_three_columns_are_one_code() {
    let cells = ["201", "06", "01", "行政运行", "1.00"]
        .map(|t| Cell { text: t.to_string(), span: Span { line_start: 1, line_end: 1, byte_start: 0, byte_end: 0 } });
    let merged = merge_split_code(cells.to_vec());
    assert_eq!(merged.iter().map(|c| c.text.as_str()).collect::<Vec<_>>(), ["2010601", "", "", "行政运行", "1.00"]);
}

#[test]
fn an_amount_one_space_before_the_next_sides_ordinal_label_ends_its_cell() {
    // A budget's 财务收支预算总表 as `pdftotext -layout` sets it: the income side's figure
    // one space before the expenditure side's label; 本年收入 / 本年支出 over the sides.
    let text = "                  本年收入                                   本年支出\n\n           项目             预算数                       项目          预算数\n\n一、财政拨款收入                   156,211,123 一、一般公共服务支出                  2,932,700\n\n2. 政府性基金                                 三、教育支出                       250,000\n\n           收入总计            156,211,123            支出总计           156,211,123\n";
    let rows = table_rows(text);
    assert_eq!(rows[0], ["本年收入", "本年收入", "本年支出", "本年支出"]);
    assert_eq!(rows[2], ["一、财政拨款收入", "156,211,123", "一、一般公共服务支出", "2,932,700"]);
    assert_eq!(rows[3], ["2.政府性基金", "", "三、教育支出", "250,000"]);
}

/// The column of each non-blank cell of a row.
fn filled(row: &[String]) -> Vec<usize> {
    row.iter().enumerate().filter(|(_, c)| !c.is_empty()).map(|(i, _)| i).collect()
}

#[test]
fn figure_columns_no_row_fills_together_are_told_apart_on_each_page() {
    // The 2023 万里 budget's 经济分类 table as pdftotext sets it over two pages, each spaced
    // anew; the second page has one 人员经费 row (303 02) among its 公用经费 rows.
    let text = "\
 部门预算经济分类科目
    编码                     经济分类科目名称   合计           人员经费         公用经费
 类     款
 301         工资福利支出                   83,847,385   83,847,385
 301   01    基本工资                      5,668,416    5,668,416
 301   02    津贴补贴                     16,743,933   16,743,933
 302         商品和服务支出                  15,381,432                15,381,432
 302   01    办公费                       5,811,753                 5,811,753
 302   04    手续费                          30,000                    30,000
\x0c302   06   电费               710,000                   710,000
302   07   邮电费              390,000                   390,000
303        对个人和家庭的补助        177,480      177,480
303   02   退休费              177,480      177,480
                    合计   99,406,297   84,024,865   15,381,432
";
    let rows = table_rows(text);
    let figures = |label: &str| {
        rows.iter()
            .rev()
            .find(|r| r.iter().any(|c| c == label))
            .map(|r| r[r.len() - 3..].to_vec())
            .unwrap_or_else(|| panic!("{label} in {rows:?}"))
    };
    assert_eq!(figures("基本工资"), ["5,668,416", "5,668,416", ""]);
    assert_eq!(figures("办公费"), ["5,811,753", "", "5,811,753"]);
    assert_eq!(figures("电费"), ["710,000", "", "710,000"]);
    assert_eq!(figures("退休费"), ["177,480", "177,480", ""]);
    assert_eq!(figures("合计"), ["99,406,297", "84,024,865", "15,381,432"]);
}

#[test]
fn a_table_ends_at_a_page_break_followed_by_headings_and_text() {
    // A one-row 三公 table at the end of its page; the next page opens a part of the text with
    // a heading and a numbered heading (`一、…`, which reads like a row label alone).
    let text = "\
   合计           因公出国(境)费       公务接待费
                                          小计           购置费       运行费

        22.91              0       1.35        21.56         0         21.56
\x0c                              其他相关情况说明

  一、2023年“三公”经费预算情况说明
      2023年“三公”经费预算数为22.91万元，比2022年预算增加0.5万元。
";
    let rows = table_rows(text);
    assert_eq!(
        rows.last().map(|r| r.iter().filter(|c| !c.is_empty()).cloned().collect::<Vec<_>>()),
        Some(["22.91", "0", "1.35", "21.56", "0", "21.56"].map(String::from).to_vec()),
        "{rows:?}"
    );
    let paragraphs: Vec<String> = blocks(text)
        .into_iter()
        .filter_map(|b| if let Block::Paragraph { text, .. } = b { Some(text) } else { None })
        .collect();
    assert_eq!(paragraphs[..2], ["其他相关情况说明", "一、2023年“三公”经费预算情况说明"], "{paragraphs:?}");
}

#[test]
fn each_page_of_a_table_is_read_in_its_own_columns() {
    // A budget's 收入预算总表 as `pdftotext -layout` sets it over three pages, each spaced
    // anew by the widths of what it prints: the figures of a row of the second page stand
    // where a 0 stood on the first.
    let text = "                   项目                                          收入预算\n\n功能分类科目编码                                                                  事业单位\n                       功能分类科目名称        合计         财政拨款收入       事业收入                  其他收入\n类     款    项                                                              经营收入\n\n201             一般公共服务支出              2,932,700    2,932,700          0          0          0\n\n201   05        统计信息事务                  257,700      257,700          0          0          0\n\n201   05   07   专项普查活动                  257,700      257,700          0          0          0\n\x0c201   38   02   一般行政管理事务         135,200      135,200   0   0   0\n\n204             公共安全支出         1,633,000    1,633,000   0   0   0\n\n204   06        司法               300,000      300,000   0   0   0\n\x0c合计   156,211,123   156,211,123   0   0   0\n";
    let rows = table_rows(text);
    let first = rows.iter().position(|r| r[0] == "201").expect("the first row");
    let columns = filled(&rows[first]);
    assert_eq!(columns.len(), 7, "{:?}", rows[first]);
    for code in ["2013802", "204", "20406"] {
        let row = rows.iter().find(|r| r[0] == code).unwrap_or_else(|| panic!("{code} in {rows:?}"));
        assert_eq!(filled(row), columns, "{row:?}");
    }
    let total = rows.last().expect("the 合计 row");
    assert_eq!(filled(total)[1..], columns[2..], "{total:?}");
    assert_eq!(total[columns[2]], "156,211,123");
}

#[test]
fn a_table_of_ascii_figures_takes_the_measure_of_the_documents_other_tables() {
    // One row of figures under a header of CJK labels: characters or display columns fit its
    // figures alike; the document's other table, in characters (`pdftotext -layout`), tells.
    let text = "支出决算表\n  科目编码    科目名称      本年支出合计    基本支出       项目支出\n201       一般公共服务支出       264.87   62.63    202.24\n2013901   行政运行           51.32    51.32\n\n单位“三公”经费预算表\n单位：万元\n   合计         因公出国(境)费       公务接待费\n                                         小计         购置费     运行费\n\n        6.4              0           0        6.4                 6.4            0\n";
    let blocks = blocks(text);
    let tables: Vec<Vec<Vec<String>>> = blocks
        .iter()
        .filter_map(|b| match b {
            Block::Table { rows, layout: TableLayout::Columns, .. } => {
                Some(rows.iter().map(|r| r.cells.iter().map(|c| c.text.clone()).collect()).collect())
            }
            _ => None,
        })
        .collect();
    let three_public = tables.last().expect("the 三公 table");
    let labels: Vec<&str> = three_public.iter().flatten().map(String::as_str).filter(|c| !c.is_empty()).collect();
    for label in ["合计", "因公出国(境)费", "公务接待费", "小计", "购置费", "运行费"] {
        assert!(labels.contains(&label), "{label} in {three_public:?}");
    }
}
