//! The five real documents of `shared/corpus`: every value of every recognised table,
//! reviewed by hand against the text and kept as snapshots; plus invariants that hold for
//! every value (its span points at its own text).

use std::fmt::Write;
use std::path::PathBuf;

use hedui_core::amount::parse_number;
use hedui_core::ingest::{compact, strip_markup};
use hedui_core::model::TableModel;
use hedui_core::recognise::Form;
use hedui_core::ParseReport;

fn corpus(prefix: &str) -> (String, String) {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus");
    let entry = std::fs::read_dir(&dir)
        .expect("corpus directory")
        .filter_map(Result::ok)
        .find(|e| e.file_name().to_string_lossy().starts_with(prefix))
        .unwrap_or_else(|| panic!("no corpus file {prefix}"));
    let text = std::fs::read_to_string(entry.path()).expect("readable corpus file");
    (entry.file_name().to_string_lossy().into_owned(), text)
}

fn parse(prefix: &str) -> (ParseReport, String) {
    let (name, text) = corpus(prefix);
    (hedui_core::parse(&name, &text), text)
}

/// One line per value: `L<line>:<column> <row> | <column key> = <raw>`.
fn listing(report: &ParseReport, forms: &[Form]) -> String {
    let mut out = String::new();
    for table in report.tables.iter().filter(|t| forms.contains(&t.form)) {
        let _ = writeln!(
            out,
            "== L{} {} «{}» {} values",
            table.line,
            table.form_name,
            table.title.as_deref().unwrap_or("-"),
            table.cells.len()
        );
        for cell in &table.cells {
            let number = cell.value.number;
            let shown = format!("{}{}", number.value, if number.percent { "%" } else { "" });
            let parsed = if shown == cell.value.raw { String::new() } else { format!(" → {shown}") };
            let _ = writeln!(
                out,
                "L{}:{} {} | {} = {}{parsed}",
                cell.value.at.line, cell.value.at.column, cell.row, cell.column, cell.value.raw
            );
        }
        if let TableModel::Performance(p) = &table.model {
            for (i, indicator) in p.indicators.iter().enumerate() {
                let _ = writeln!(
                    out,
                    "  指标{} L{} [{} / {}] {} | {} → {}",
                    i + 1,
                    indicator.span.line_start,
                    indicator.level1.as_deref().unwrap_or("-"),
                    indicator.level2.as_deref().unwrap_or("-"),
                    indicator.name,
                    indicator.target.as_deref().unwrap_or("-"),
                    indicator.actual.as_deref().unwrap_or("-"),
                );
            }
        }
    }
    out
}

const FINAL: [Form; 9] = Form::FINAL_ACCOUNTS;
const PERFORMANCE: [Form; 3] = [Form::PerformanceBasicData, Form::OverallPerformance, Form::ProjectPerformance];

#[test]
fn every_value_points_at_its_own_text() {
    for prefix in ["000", "001", "002", "003", "004"] {
        let (report, text) = parse(prefix);
        for table in &report.tables {
            for cell in &table.cells {
                let at = cell.value.at;
                let source = compact(&strip_markup(&text[at.byte_start..at.byte_end]));
                let here = format!("{prefix} L{} {} {}", at.line, cell.row, cell.column);
                assert_eq!(source, compact(&cell.value.raw), "{here}");
                let line_of_start = text[..at.byte_start].matches('\n').count() + 1;
                assert_eq!(line_of_start, at.line, "{here}");
                let embedded = cell.column == "标题分值" || cell.row.starts_with("资金构成/");
                if !embedded {
                    assert_eq!(parse_number(&cell.value.raw), Some(cell.value.number), "{here}");
                }
            }
        }
    }
}

#[test]
fn all_five_documents_parse() {
    for prefix in ["000", "001", "002", "003", "004"] {
        let (report, _) = parse(prefix);
        assert_eq!(report.schema_version, "0.7.0");
        assert_eq!(report.coverage.tables_seen, report.stats.tables, "{prefix}");
        assert!(report.document.year.is_some(), "{prefix}");
        assert!(report.document.department.is_some(), "{prefix}");
        let c = &report.coverage;
        let unplaced_numbers = c.unplaced_cells.iter().filter(|i| i.reason != "text in a value column").count();
        assert_eq!(c.numeric_cells, c.numeric_cells_placed + c.numeric_cells_structural + unplaced_numbers, "{prefix}");
    }
}

#[test]
fn the_nine_final_account_tables_are_recognised_in_each_final_accounts_document() {
    for prefix in ["000", "002", "004"] {
        let (report, _) = parse(prefix);
        let mut forms: Vec<Form> = report.tables.iter().map(|t| t.form).filter(|f| f.is_final_accounts()).collect();
        forms.sort();
        assert_eq!(forms, FINAL, "{prefix}");
    }
}

#[test]
fn document_facts() {
    use hedui_core::recognise::meta::DocumentKind::{Budget, FinalAccounts, PerformanceSelfEvaluation};
    let expected = [
        ("000", vec![FinalAccounts, PerformanceSelfEvaluation], 2023, "株洲市人民政府驻北京联络处"),
        ("001", vec![PerformanceSelfEvaluation], 2023, "湖南省怀化市人民政府驻北京联络处"),
        ("002", vec![FinalAccounts, PerformanceSelfEvaluation], 2024, "株洲市人民政府办公室"),
        ("003", vec![Budget], 2024, "株洲市人民政府驻北京联络处"),
        ("004", vec![FinalAccounts, PerformanceSelfEvaluation], 2023, "中共株洲市荷塘区委办公室"),
    ];
    for (prefix, kinds, year, department) in expected {
        let (report, _) = parse(prefix);
        let d = &report.document;
        assert_eq!((&d.kinds, d.year, d.department.as_deref()), (&kinds, Some(year), Some(department)), "{prefix}");
    }
    let (report, _) = parse("002");
    assert_eq!(report.document.blank_department_lines.len(), 9, "002 leaves every 部门： blank");
}

macro_rules! snapshot {
    ($name:ident, $prefix:literal, $forms:expr) => {
        #[test]
        fn $name() {
            let (report, _) = parse($prefix);
            insta::assert_snapshot!(listing(&report, &$forms));
        }
    };
}

snapshot!(final_accounts_000, "000", FINAL);
snapshot!(final_accounts_002, "002", FINAL);
snapshot!(final_accounts_004, "004", FINAL);
snapshot!(performance_000, "000", PERFORMANCE);
snapshot!(performance_001, "001", PERFORMANCE);
snapshot!(performance_002, "002", PERFORMANCE);
snapshot!(performance_004, "004", PERFORMANCE);
