//! Files as accountants have them (issue #17): the corpus documents as workbooks, Word documents
//! and GBK text give the findings of their text; the budget workbook template filled with a PDF's
//! tables gives the PDF's table findings; bad files are refused, each with its message.
//!
//! The fixtures are made by `tests/office/make_fixtures.py` into `target/office-fixtures/`:
//! `cargo xtask fixtures` (and `cargo xtask test`) make them when they are out of date.

mod common;

use std::path::{Path, PathBuf};

use common::hedui;

fn fixture(name: &str) -> PathBuf {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/office-fixtures").join(name);
    assert!(path.exists(), "{} is missing: run `cargo xtask fixtures`", path.display());
    path
}

fn corpus(number: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus");
    std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.file_name().unwrap().to_string_lossy().starts_with(&format!("{number}_")))
        .unwrap()
}

fn shared(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus").join(path)
}

fn report(args: &[&str], paths: &[PathBuf]) -> serde_json::Value {
    let out = hedui(&[&["check", "--format", "json"], args].concat(), paths);
    assert!(matches!(out.status.code(), Some(0 | 1)), "{paths:?}: {}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

/// The findings of a report's one document as `(rule, stated, expected)`, sorted.
fn findings(report: &serde_json::Value) -> Vec<(String, String, String)> {
    let documents = report["documents"].as_array().unwrap();
    assert_eq!(documents.len(), 1, "one document");
    let mut out: Vec<_> = documents[0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (f["rule"].to_string(), f["stated"].to_string(), f["expected"].to_string()))
        .collect();
    out.sort();
    out
}

#[test]
fn workbooks_give_the_findings_of_their_tables_text() {
    for number in ["000", "002", "004"] {
        let tables = findings(&report(&[], &[fixture(&format!("{number}-tables.txt"))]));
        assert!(!tables.is_empty(), "{number}: the tables alone have findings");
        assert_eq!(findings(&report(&[], &[fixture(&format!("{number}.xlsx"))])), tables, "{number}.xlsx");
    }
    // Hidden sheets and rows are skipped, and said so.
    let stderr = String::from_utf8(hedui(&["check"], &[fixture("002.xlsx")]).stderr).unwrap();
    assert!(stderr.contains("hidden sheet “草稿” skipped") && stderr.contains("1 hidden rows skipped"), "{stderr}");
    // Saved by LibreOffice as Excel 97–2003.
    assert_eq!(
        findings(&report(&[], &[fixture("000.xls")])),
        findings(&report(&[], &[fixture("000-tables.txt")])),
        "000.xls"
    );
}

/// A table rule's findings or tallies: 表内 (T) and 表间 (X) relations, the narrative's aside.
fn is_table_rule(rule: &str) -> bool {
    rule.trim_matches('"').starts_with(['T', 'X'])
}

/// `(checked, broken)` of each table rule in a report's one document.
fn table_rule_tallies(report: &serde_json::Value) -> Vec<(String, u64, u64)> {
    let by_rule = report["documents"][0]["stats"]["by_rule"].as_object().unwrap();
    by_rule
        .iter()
        .filter(|(rule, _)| is_table_rule(rule))
        .map(|(rule, n)| (rule.clone(), n["checked"].as_u64().unwrap(), n["broken"].as_u64().unwrap()))
        .collect()
}

#[test]
fn the_budget_template_filled_with_a_pdf_s_tables_gives_its_table_findings() {
    // The 2026 部门预算 template with the nine tables of the 2024 万里街道 PDF (figures as the CLI
    // reads the PDF, each table's rows under the template's header); the workbook holds no
    // narrative and no 项目支出绩效目标表.
    let pdf = report(&["--no-diagnosis"], &[shared("pdf/sh-2024-budget-wanli-subdistrict.pdf")]);
    let workbook = report(&["--no-diagnosis"], &[fixture("sh-2024-budget-wanli-subdistrict.xlsx")]);
    let table_findings =
        |report| findings(report).into_iter().filter(|(rule, ..)| is_table_rule(rule)).collect::<Vec<_>>();
    assert_eq!(table_findings(&workbook), table_findings(&pdf));
    assert_eq!(workbook["documents"][0]["stats"]["table_coverage"], pdf["documents"][0]["stats"]["table_coverage"]);
    // X017 relates the 绩效目标 tables to the 项目支出 figures: the template has no 绩效目标 sheet.
    let mut pdf_tallies = table_rule_tallies(&pdf);
    let x017 = pdf_tallies
        .iter()
        .position(|(rule, ..)| rule == "X017")
        .expect("the PDF's 绩效目标 are related to its 项目支出");
    pdf_tallies.remove(x017);
    assert!(pdf_tallies.iter().filter(|(rule, ..)| rule.starts_with('X')).count() >= 5, "{pdf_tallies:?}");
    assert_eq!(table_rule_tallies(&workbook), pdf_tallies);
    // Every figure of the PDF's tables is read, and placed.
    let parsed = |path| {
        serde_json::from_slice::<serde_json::Value>(&hedui(&["parse", "--format", "json"], &[path]).stdout).unwrap()
    };
    let (pdf, workbook) = (
        parsed(shared("pdf/sh-2024-budget-wanli-subdistrict.pdf")),
        parsed(fixture("sh-2024-budget-wanli-subdistrict.xlsx")),
    );
    assert_eq!(workbook["stats"]["tables_recognised"], 9);
    assert_eq!(workbook["stats"]["values"], pdf["stats"]["values"]);
    assert_eq!(workbook["coverage"]["unplaced_cells"], serde_json::json!([]));
}

#[test]
fn the_filled_template_with_the_rest_of_its_pdf_gives_the_pdf_s_findings() {
    // The workbook together with the PDF's cover, narrative and 项目支出绩效目标 as `pdftotext
    // -layout` reads them (a paged text: the workbook's sheets are read as its last page).
    let pdf = report(&["--no-diagnosis"], &[shared("pdf/sh-2024-budget-wanli-subdistrict.pdf")]);
    let together = report(
        &["--no-diagnosis", "--together"],
        &[fixture("sh-2024-budget-wanli-subdistrict.xlsx"), fixture("sh-2024-budget-wanli-subdistrict-说明.txt")],
    );
    let pdf_findings = findings(&pdf);
    assert!(
        pdf_findings.iter().any(|(rule, ..)| rule == "\"N014\""),
        "the narrative differs from a table: {pdf_findings:?}"
    );
    assert_eq!(findings(&together), pdf_findings);
    // Every relation's tally too, X017 included; not the lint's (L), which reads the workbook's
    // cover and contents beside the PDF's.
    let tallies = |report: &serde_json::Value| {
        let by_rule = report["documents"][0]["stats"]["by_rule"].as_object().unwrap();
        by_rule
            .iter()
            .filter(|(rule, _)| !rule.starts_with('L'))
            .map(|(rule, n)| (rule.clone(), n["checked"].as_u64().unwrap(), n["broken"].as_u64().unwrap()))
            .collect::<Vec<_>>()
    };
    assert_eq!(tallies(&together), tallies(&pdf));
    assert_eq!(
        findings(&report(
            &["--together"],
            &[fixture("sh-2024-budget-wanli-subdistrict.xlsx"), fixture("sh-2024-budget-wanli-subdistrict-说明.txt")]
        )),
        findings(&report(&[], &[shared("pdf/sh-2024-budget-wanli-subdistrict.pdf")])),
        "with the diagnosis"
    );
}

#[test]
fn word_documents_and_gbk_texts_give_the_findings_of_their_text() {
    for number in ["000", "002", "004"] {
        let text = findings(&report(&[], &[corpus(number)]));
        assert_eq!(findings(&report(&[], &[fixture(&format!("{number}.docx"))])), text, "{number}.docx");
    }
    for number in ["000", "001", "002", "003", "004"] {
        let out = hedui(&["check", "--format", "json"], &[fixture(&format!("{number}-gbk.txt"))]);
        assert!(String::from_utf8_lossy(&out.stderr).contains("read as GBK text"), "{number}: the encoding is said");
        let gbk: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(findings(&gbk), findings(&report(&[], &[corpus(number)])), "{number}-gbk.txt");
    }
}

#[test]
fn a_workbook_and_a_word_document_together_are_one_document() {
    for number in ["000", "002", "004"] {
        let text = findings(&report(&[], &[corpus(number)]));
        // In either order: the narrative is read first.
        let (xlsx, docx) = (fixture(&format!("{number}.xlsx")), fixture(&format!("{number}-说明.docx")));
        let together = report(&["--together"], &[xlsx.clone(), docx.clone()]);
        assert_eq!(findings(&together), text, "{number}.xlsx + {number}-说明.docx");
        assert_eq!(findings(&report(&["--together"], &[docx.clone(), xlsx.clone()])), text);
        // Findings point into the file and cell or paragraph they come from.
        let origins: Vec<(String, String)> = together["documents"][0]["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| {
                (
                    f["location"]["origin"]["file"].as_str().unwrap().to_string(),
                    f["location"]["origin"]["place"].as_str().unwrap().to_string(),
                )
            })
            .collect();
        assert!(origins.iter().any(|(file, place)| file.ends_with(".xlsx") && place.contains('!')), "{origins:?}");
        assert!(origins.iter().any(|(file, place)| file.ends_with(".docx") && place.ends_with('段')), "{origins:?}");
    }
}

#[test]
fn a_figure_in_a_workbook_is_located_by_sheet_and_cell() {
    let text = String::from_utf8(hedui(&["check", "--format", "text"], &[fixture("000.xlsx")]).stdout).unwrap();
    // `000.xlsx:2023 年度…基础数据表!D7: error[P010] …`: the sheet and the cell (which cell is the
    // diagnosis's choice among the relation's figures).
    let cell = |line: &str| {
        line.split_once("基础数据表!").is_some_and(|(_, rest)| {
            rest.split_once(": error[P010]").is_some_and(|(cell, _)| {
                cell.len() >= 2
                    && cell[1..].bytes().all(|b| b.is_ascii_digit())
                    && cell.as_bytes()[0].is_ascii_uppercase()
            })
        })
    };
    assert!(text.lines().any(|line| line.contains("000.xlsx:") && cell(line)), "{text}");
}

#[test]
fn parse_reads_office_files_too() {
    let out = hedui(&["parse", "--format", "json", "--together"], &[fixture("000.xlsx"), fixture("000-说明.docx")]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let parsed: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(parsed["source"].as_str().unwrap().contains(" + "), "one document of both files");
    assert!(parsed["tables"].as_array().unwrap().len() >= 9);
    let out = hedui(&["parse", "--format", "json"], &[shared("xlsx/sh-2026-department-budget-template.xlsx")]);
    let parsed: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(parsed["stats"]["tables_recognised"], 9, "the template's nine tables, empty");
}

#[test]
fn bad_files_are_refused_each_with_its_message() {
    let cases = [
        ("bad/corrupt.xlsx", "damaged file"),
        ("bad/encrypted.xlsx", "password-protected"),
        ("bad/bomb-size.xlsx", "zip bomb"),
        ("bad/bomb-entries.docx", "zip bomb"),
        ("bad/report.doc", "Save As” a Word document (.docx)"),
        ("bad/report.wps", "WPS Writer document (.wps)"),
        ("bad/tables.et", "Save As” an Excel workbook (.xlsx)"),
        ("bad/empty.xlsx", "an empty workbook"),
        ("bad/no-tables.xlsx", "no final-accounts or budget disclosure table"),
        ("bad/archive.zip", "not an Excel workbook or Word document"),
    ];
    for (name, message) in cases {
        let out = hedui(&["check", "--format", "json"], &[fixture(name), corpus("001")]);
        assert_eq!(out.status.code(), Some(3), "{name}");
        let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let unchecked = &report["unchecked"][0];
        assert!(unchecked["message_en"].as_str().unwrap().contains(message), "{name}: {unchecked}");
        assert!(!unchecked["message"].as_str().unwrap().is_empty(), "{name}: a Chinese message");
        // Nothing lost: the other file is checked.
        assert_eq!(report["documents"].as_array().unwrap().len(), 1, "{name}");
    }
}

#[test]
fn a_file_over_the_size_cap_is_not_read() {
    let dir = std::env::temp_dir().join(format!("hedui-office-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let big = dir.join("big.xlsx");
    let file = std::fs::File::create(&big).unwrap();
    file.set_len(51 << 20).unwrap();
    let out = hedui(&["check", "--format", "json"], &[big]);
    std::fs::remove_dir_all(&dir).unwrap();
    assert_eq!(out.status.code(), Some(3));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(report["unchecked"][0]["message_en"].as_str().unwrap().contains("larger than 50 MB"), "{report}");
}
