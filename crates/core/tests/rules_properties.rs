//! Property tests of the rules' rounding semantics on generated 支出决算表 (03):
//! - a table whose totals are exact, then rounded to 2 decimals for display, draws no error
//!   or warning (no false alarm from 尾数误差);
//! - moving any single cell by 0.02 beyond the rounding its row allows draws an error at that
//!   cell's line (no real slip hidden by a loose tolerance).

use std::fmt::Write;

use proptest::prelude::*;
use rust_decimal::{Decimal, RoundingStrategy};

use hedui_core::finding::Severity;

/// Leaf (项) values in ten-thousandths of 万元, one per part column.
type Leaf = [u64; PARTS];
/// 类 → 款 → 项.
type Tree = Vec<Vec<Vec<Leaf>>>;

const PARTS: usize = 5;
const CLASSES: [(&str, &str); 4] =
    [("201", "一般公共服务支出"), ("205", "教育支出"), ("208", "社会保障和就业支出"), ("221", "住房保障支出")];
const HEADER: &str =
    "项 目\t\t本年支出 合计\t基本支出\t项目支出\t上缴上级 支出\t经营支出\t对附属单 位补助支 出\n功能分类 科目编码\t科目名称\t\t\t\t\t\t\n栏次\t\t1\t2\t3\t4\t5\t6\n";

/// One table row: code, name and the exact values (total first).
struct Row {
    code: String,
    name: String,
    values: [Decimal; PARTS + 1],
}

fn exact(units: u64) -> Decimal {
    Decimal::new(units as i64, 4)
}

fn with_total(parts: [Decimal; PARTS]) -> [Decimal; PARTS + 1] {
    let mut values = [Decimal::ZERO; PARTS + 1];
    values[0] = parts.iter().sum();
    values[1..].copy_from_slice(&parts);
    values
}

fn add(a: [Decimal; PARTS + 1], b: [Decimal; PARTS + 1]) -> [Decimal; PARTS + 1] {
    std::array::from_fn(|i| a[i] + b[i])
}

/// The rows of the table in display order: 合计, then each 类 followed by its 款 and 项.
fn rows(tree: &Tree) -> Vec<Row> {
    let mut body = Vec::new();
    let mut grand = [Decimal::ZERO; PARTS + 1];
    for (class_index, sections) in tree.iter().enumerate() {
        let (class_code, class_name) = CLASSES[class_index];
        let mut class_rows = Vec::new();
        let mut class_total = [Decimal::ZERO; PARTS + 1];
        for (section_index, items) in sections.iter().enumerate() {
            let section_code = format!("{class_code}{:02}", section_index + 1);
            let mut item_rows = Vec::new();
            let mut section_total = [Decimal::ZERO; PARTS + 1];
            for (item_index, leaf) in items.iter().enumerate() {
                let values = with_total(leaf.map(exact));
                section_total = add(section_total, values);
                item_rows.push(Row {
                    code: format!("{section_code}{:02}", item_index + 1),
                    name: format!("事务项{}", item_index + 1),
                    values,
                });
            }
            class_total = add(class_total, section_total);
            class_rows.push(Row {
                code: section_code,
                name: format!("事务款{}", section_index + 1),
                values: section_total,
            });
            class_rows.extend(item_rows);
        }
        grand = add(grand, class_total);
        body.push(Row { code: class_code.to_string(), name: class_name.to_string(), values: class_total });
        body.extend(class_rows);
    }
    let mut all = vec![Row { code: String::new(), name: "合计".to_string(), values: grand }];
    all.extend(body);
    all
}

/// Displayed to 2 decimals, rounding half away from zero as the reports do.
fn shown(value: Decimal) -> String {
    let mut rounded = value.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
    rounded.rescale(2);
    rounded.to_string()
}

/// The document text and the 1-based line of each row.
fn render(rows: &[Row], displayed: &[[String; PARTS + 1]]) -> (String, Vec<usize>) {
    let mut text = String::from("支出决算表\n\n公开 03 表\n单位：万元\n\n");
    text.push_str(HEADER);
    let mut lines = Vec::new();
    for (row, cells) in rows.iter().zip(displayed) {
        lines.push(text.lines().count() + 1);
        let (code, name) =
            if row.code.is_empty() { (row.name.as_str(), "") } else { (row.code.as_str(), row.name.as_str()) };
        let _ = writeln!(text, "{code}\t{name}\t{}", cells.join("\t"));
    }
    text.push_str("\n注：本表反映部门本年度各项支出情况。\n");
    (text, lines)
}

fn leaf() -> impl Strategy<Value = Leaf> {
    let value = || prop_oneof![Just(0u64), 0u64..50_000_000];
    (0u64..50_000_000, 0u64..50_000_000, value(), value(), value()).prop_map(|(a, b, c, d, e)| [a, b, c, d, e])
}

fn tree() -> impl Strategy<Value = Tree> {
    prop::collection::vec(prop::collection::vec(prop::collection::vec(leaf(), 1..=3), 1..=2), 1..=CLASSES.len())
}

/// Every error and warning: its line, severity and derivation.
fn errors_and_warnings(text: &str) -> Vec<(usize, Severity, String)> {
    let report = hedui_core::check(&[("generated", text)]);
    report.documents[0]
        .findings
        .iter()
        .filter(|f| f.severity != Severity::Notice)
        .map(|f| (f.location.line, f.severity, f.derivation.clone()))
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn correct_tables_rounded_for_display_draw_no_error_or_warning(tree in tree()) {
        let rows = rows(&tree);
        let displayed: Vec<[String; PARTS + 1]> = rows.iter().map(|r| r.values.map(shown)).collect();
        let (text, _) = render(&rows, &displayed);
        let report = hedui_core::check(&[("generated", &text)]);
        prop_assert!(report.documents[0].stats.by_rule.get("T004").is_some_and(|c| c.checked == rows.len()), "every row's sum is evaluated:\n{text}");
        prop_assert!(report.documents[0].stats.by_rule.get("T005").is_some_and(|c| c.checked > 0), "the hierarchy is evaluated:\n{text}");
        let flagged = errors_and_warnings(&text);
        prop_assert!(flagged.is_empty(), "{flagged:#?}\n{text}");
    }

    #[test]
    fn a_cell_moved_beyond_rounding_draws_an_error_on_its_line(
        tree in tree(),
        row_pick in any::<prop::sample::Index>(),
        column_pick in 0..=PARTS,
        extra_cents in 0u64..500,
        up in any::<bool>(),
    ) {
        let rows = rows(&tree);
        let mut displayed: Vec<[String; PARTS + 1]> = rows.iter().map(|r| r.values.map(shown)).collect();
        let row = row_pick.index(rows.len());
        // A row sum spans 6 cells of ±0.005: moving one cell by 0.06 + 0.02 leaves the
        // relation 0.02 beyond anything rounding explains.
        let delta = Decimal::new(8 + extra_cents as i64, 2);
        let old: Decimal = displayed[row][column_pick].parse().unwrap();
        let new = if up || old < delta { old + delta } else { old - delta };
        displayed[row][column_pick] = shown(new);
        let (text, lines) = render(&rows, &displayed);
        let flagged = errors_and_warnings(&text);
        prop_assert!(
            flagged.iter().any(|(line, severity, _)| *line == lines[row] && *severity == Severity::Error),
            "no error on line {} after moving column {} from {old} to {new}: {flagged:#?}\n{text}", lines[row], column_pick
        );
    }
}
