//! `hedui check` on published PDFs and their text: the 决算 and budget tables read, placed and
//! checked as their text is.

mod common;

use std::path::PathBuf;
use std::process::Command;

use common::{hedui, shared_pdf};

#[test]
fn a_published_pdf_is_read_through_its_text_layer() {
    let pdf = shared_pdf("sh-2024-final-social-work-dept.pdf");
    let out = hedui(&["parse", "--format", "json"], std::slice::from_ref(&pdf));
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let forms: Vec<&str> = report["tables"].as_array().unwrap().iter().filter_map(|t| t["form"].as_str()).collect();
    assert_eq!(forms.len(), 9, "{forms:?}");
    let out = hedui(&["check", "--format", "json", "--fail-on", "never"], std::slice::from_ref(&pdf));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let rules: Vec<&str> =
        report["documents"][0]["findings"].as_array().unwrap().iter().filter_map(|f| f["rule"].as_str()).collect();
    assert_eq!(rules.iter().filter(|r| **r == "N002").count(), 3, "{rules:?}");
}

#[test]
fn every_numeric_cell_of_the_published_final_accounts_is_placed() {
    // Their tables are ruled: read cell by cell, each figure lands in its table's cell, and the
    // numbers that are structure (行次, 栏次, a 序号 column) are counted as such.
    for name in ["sh-2024-final-social-work-dept.pdf", "sh-2024-final-template.pdf"] {
        let out = hedui(&["parse", "--format", "json"], &[shared_pdf(name)]);
        let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let coverage = &report["coverage"];
        let numeric = coverage["numeric_cells"].as_u64().unwrap();
        assert!(numeric > 80, "{name}: {coverage}");
        assert_eq!(
            coverage["numeric_cells_placed"].as_u64().unwrap() + coverage["numeric_cells_structural"].as_u64().unwrap(),
            numeric,
            "{name}: {coverage}"
        );
        assert_eq!(coverage["unplaced_cells"].as_array().unwrap().len(), 0, "{name}: {coverage}");
    }
}

#[test]
fn bad_pdfs_get_a_clear_message_and_exit_code_3() {
    let dir = std::env::temp_dir().join(format!("hedui-bad-pdf-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let whole = std::fs::read(shared_pdf("sh-2024-final-template.pdf")).unwrap();
    let truncated = dir.join("truncated.pdf");
    std::fs::write(&truncated, &whole[..whole.len() / 3]).unwrap();
    let not_pdf = dir.join("not-a-pdf.pdf");
    std::fs::write(&not_pdf, b"hello").unwrap();
    for path in [truncated, not_pdf] {
        let out = hedui(&["check"], std::slice::from_ref(&path));
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(3), "{}: {stderr}", path.display());
        assert!(stderr.contains("PDF"), "{}: {stderr}", path.display());
    }
}

/// The findings of a report as `(rule, stated, expected)`, sorted; lint (`form`) findings only when asked.
fn findings_of(report: &serde_json::Value, with_lints: bool) -> Vec<(String, String, String)> {
    let mut out: Vec<(String, String, String)> = report["documents"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| with_lints || f["category"] != "form")
        .map(|f| (f["rule"].to_string(), f["stated"].to_string(), f["expected"].to_string()))
        .collect();
    out.sort();
    out
}

#[test]
fn a_pdf_gives_the_findings_of_its_pdftotext_layout_text() {
    let dir = std::env::temp_dir().join(format!("hedui-pdftotext-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for name in [
        "sh-2024-final-social-work-dept",
        "sh-2024-final-template",
        "sh-2023-budget-wanli-subdistrict",
        "sh-2024-budget-wanli-subdistrict",
        "sh-2024-unit-budget-welfare-home",
    ] {
        let pdf = shared_pdf(&format!("{name}.pdf"));
        let text = dir.join(format!("{name}.txt"));
        let status = Command::new("pdftotext")
            .arg("-layout")
            .arg(&pdf)
            .arg(&text)
            .status()
            .expect("pdftotext (apt poppler-utils) must be installed: cargo xtask test installs it");
        assert!(status.success(), "pdftotext {name}");
        let report = |path: &PathBuf| -> serde_json::Value {
            serde_json::from_slice(
                &hedui(&["check", "--format", "json", "--fail-on", "never"], std::slice::from_ref(path)).stdout,
            )
            .unwrap()
        };
        let (from_pdf, from_text) = (report(&pdf), report(&text));
        assert_eq!(findings_of(&from_pdf, false), findings_of(&from_text, false), "{name}");
        // The blank template's placeholders (`。。`) stand on one line in hedui's layout and on
        // two in pdftotext's: its wording findings differ in number, nothing else does.
        if name == "sh-2024-final-template" {
            continue;
        }
        // pdftotext sets two cells of the 2023 budget's 绩效目标 table (`干部人事工作平稳有序` and
        // `平稳有序`) on one line that reads as running text: the gap between them stays, so no
        // repeated word is read across it.
        let (with_lints_pdf, with_lints_text) = (findings_of(&from_pdf, true), findings_of(&from_text, true));
        assert_eq!(with_lints_pdf, with_lints_text, "{name}");
    }
}

#[test]
fn figures_beyond_the_checkable_range_do_not_crash_the_check() {
    // Issue #14's inputs: a 29-digit figure in a completion sentence, the same as a one-line
    // document, and a 28-decimal figure in a 基础数据表 cell. Each was a panic in rust_decimal.
    let dir = std::env::temp_dir().join(format!("hedui-extremes-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let inputs = [
        "年初预算为5万元，支出决算为79228162514264337593543950335万元，完成年初预算的0%。\n",
        "预算5万元决算79228162514264337593543950335万元完成0%\n",
        "部门整体支出绩效评价基础数据表\n项目\t本年预算数\t本年决算数\n三公经费\t0.9999999999999999999999999999\t1.00\n",
    ];
    let paths: Vec<PathBuf> = inputs
        .iter()
        .enumerate()
        .map(|(i, text)| {
            let path = dir.join(format!("extreme-{i}.txt"));
            std::fs::write(&path, text).unwrap();
            path
        })
        .collect();
    let out = hedui(&["check", "--format", "json", "--fail-on", "never"], &paths);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["documents"].as_array().unwrap().len(), 3);
}

#[test]
fn old_mac_and_mixed_line_endings_read_as_the_text() {
    let corpus = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus/000_a60f2e9b14e82395.txt");
    let text = std::fs::read_to_string(&corpus).unwrap();
    let dir = std::env::temp_dir().join(format!("hedui-line-ends-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let cr_only = dir.join("000-cr.txt");
    std::fs::write(&cr_only, text.replace('\n', "\r")).unwrap();
    // Every other line ending in \r\n, the rest in a lone \r.
    let mixed = dir.join("000-mixed.txt");
    let lines: Vec<&str> = text.split('\n').collect();
    std::fs::write(
        &mixed,
        lines
            .iter()
            .enumerate()
            .map(|(i, line)| format!("{line}{}", if i % 2 == 0 { "\r\n" } else { "\r" }))
            .collect::<String>(),
    )
    .unwrap();
    let located = |path: &PathBuf| -> Vec<(String, String, String)> {
        let report: serde_json::Value = serde_json::from_slice(
            &hedui(&["check", "--format", "json", "--fail-on", "never"], std::slice::from_ref(path)).stdout,
        )
        .unwrap();
        let mut out: Vec<(String, String, String)> = report["documents"][0]["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| (f["rule"].to_string(), f["stated"].to_string(), f["location"]["line"].to_string()))
            .collect();
        out.sort();
        out
    };
    let expected = located(&corpus);
    assert!(expected.len() > 20, "{expected:?}");
    assert_eq!(located(&cr_only), expected);
    assert_eq!(located(&mixed), expected);
}

#[test]
fn text_copied_from_a_pdf_viewer_says_its_tables_lost_their_columns() {
    // `pdftotext -raw` writes what a PDF viewer's copy gives: the text in content order, a table
    // row's cells one space apart, empty cells gone. Which figure is in which column cannot be
    // told: the tables are reported as there but unread, not as missing, and nothing is scored.
    let dir = std::env::temp_dir().join(format!("hedui-viewer-copy-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let text = dir.join("copied.txt");
    let status = Command::new("pdftotext")
        .arg("-raw")
        .arg(shared_pdf("sh-2024-final-social-work-dept.pdf"))
        .arg(&text)
        .status()
        .expect("pdftotext (apt poppler-utils)");
    assert!(status.success());
    let out = hedui(&["check", "--format", "json", "--fail-on", "never"], std::slice::from_ref(&text));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let document = &report["documents"][0];
    let coverage = &document["stats"]["table_coverage"];
    assert_eq!(
        (coverage["recognised"].as_u64(), coverage["columns_lost"].as_array().map(Vec::len)),
        (Some(0), Some(9)),
        "{coverage}"
    );
    assert!(
        document["findings"].as_array().unwrap().iter().all(|f| f["rule"] != "C002" && f["rule"] != "C001"),
        "{}",
        document["findings"]
    );
    assert!(document["score"]["value"].is_null());
    let text_out = String::from_utf8(hedui(&["check", "--fail-on", "never"], &[text]).stdout).unwrap();
    assert!(text_out.contains("识别到 0 / 9 张表（9 张表的列位置已丢失"), "{text_out}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn budget_pdfs_name_their_department_from_the_cover() {
    for (name, department) in [
        ("sh-2024-budget-wanli-subdistrict", "上海市普陀区人民政府万里街道办事处"),
        ("sh-2023-budget-wanli-subdistrict", "上海市普陀区人民政府万里街道办事处"),
        ("sh-2024-unit-budget-welfare-home", "上海市普陀区社会福利院"),
    ] {
        let parsed: serde_json::Value = serde_json::from_slice(
            &hedui(&["parse", "--format", "json"], &[shared_pdf(&format!("{name}.pdf"))]).stdout,
        )
        .unwrap();
        assert_eq!(parsed["document"]["department"], department, "{name}");
    }
}

#[test]
fn budget_pdfs_have_their_nine_tables_read_and_their_relations_checked() {
    // (file, relations each must evaluate)
    let cases: [(&str, &[&str]); 3] = [
        (
            "sh-2024-budget-wanli-subdistrict",
            &[
                "T004", "T005", "T008", "T011", "T012", "X009", "X010", "X011", "X012", "X013", "X014", "X015", "X016",
                "X017",
            ],
        ),
        (
            "sh-2023-budget-wanli-subdistrict",
            &["T004", "T005", "T008", "T011", "T012", "T013", "X009", "X010", "X011", "X012", "X014", "X017"],
        ),
        ("sh-2024-unit-budget-welfare-home", &["T004", "T005", "T011", "T012", "X009", "X010", "X011", "X012", "X017"]),
    ];
    for (name, rules) in cases {
        let pdf = shared_pdf(&format!("{name}.pdf"));
        let parsed: serde_json::Value =
            serde_json::from_slice(&hedui(&["parse", "--format", "json"], std::slice::from_ref(&pdf)).stdout).unwrap();
        let forms: Vec<&str> =
            parsed["tables"].as_array().unwrap().iter().map(|t| t["form"].as_str().unwrap()).collect();
        for form in [
            "budget_summary",
            "budget_income",
            "budget_expenditure",
            "budget_fiscal_grant_summary",
            "budget_general",
            "budget_government_fund",
            "budget_state_capital",
            "budget_basic_economic",
            "budget_three_public",
        ] {
            assert!(forms.contains(&form), "{name}: {form} not recognised in {forms:?}");
        }
        if name == "sh-2023-budget-wanli-subdistrict" {
            assert_eq!(forms.iter().filter(|f| **f == "budget_project_goals").count(), 5, "{name}: {forms:?}");
        }
        let c = &parsed["coverage"];
        let count = |key: &str| c[key].as_u64().unwrap() as usize;
        // At least 98% of all the document's value cells are placed, in any table (the 2023
        // budget's five ruled 项目支出绩效目标表 included).
        let values = count("numeric_cells") - count("numeric_cells_structural");
        assert!(
            count("numeric_cells_placed") * 1000 >= values * 980,
            "{name}: {} of {values} placed: {}",
            count("numeric_cells_placed"),
            c["unplaced_cells"]
        );
        let report: serde_json::Value =
            serde_json::from_slice(&hedui(&["check", "--format", "json"], std::slice::from_ref(&pdf)).stdout).unwrap();
        let document = &report["documents"][0];
        assert_eq!(document["kind"], serde_json::json!(["budget"]), "{name}");
        assert_eq!(document["stats"]["table_coverage"]["recognised"], 9, "{name}");
        for rule in rules {
            let counts = &document["stats"]["by_rule"][rule];
            assert!(counts["checked"].as_u64().is_some_and(|n| n > 0), "{name}: {rule} evaluated nothing");
            // Every relation among the tables holds: these budgets add up, but for one 2023
            // project's funds (below).
            let broken = u64::from((name, *rule) == ("sh-2023-budget-wanli-subdistrict", "T013"));
            assert_eq!(counts["broken"], broken, "{name}: {rule} {counts}");
            assert_eq!(counts["rounding"], 0, "{name}: {rule} {counts}");
        }
        let table_findings: Vec<(&str, &str)> = document["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["category"] == "table_arithmetic" || f["category"] == "cross_table")
            .map(|f| (f["rule"].as_str().unwrap(), f["stated"].as_str().unwrap_or("")))
            .collect();
        // But for the 2023 budget's real slip: the 项目支出绩效目标表 of 公共服务设施运行经费 asks
        // for 10,903,043.00 in all, of which 11,419,043.00 this year's 财政拨款 (0.00 carried
        // over, 0.00 other funds).
        let expected: &[(&str, &str)] =
            if name == "sh-2023-budget-wanli-subdistrict" { &[("T013", "10,903,043.00")] } else { &[] };
        assert_eq!(table_findings, expected, "{name}");
    }
}

#[test]
fn budget_pdfs_have_their_explanation_checked_against_their_tables() {
    /// A finding as its rule and stated figure.
    type Stated<'a> = (&'a str, &'a str);
    // (file, N014 and N015 relations evaluated at least, and the findings)
    let cases: [(&str, u64, &[Stated]); 3] = [
        // 社会福利事业单位 is stated twice as 738.66万元; the 一般公共预算 table has 6,964,796 元
        // (the listed items add up to 950.12万元 with 696.48).
        ("sh-2024-unit-budget-welfare-home", 25, &[("N014", "738.66万元"), ("N014", "738.66万元")]),
        // 住房公积金: 350.35万元 in the heading (the table's 3,503,499 元), 352.67万元 as 预算安排,
        // and 0.53% is the rate of 350.35; 其他教育支出 grows 100.00% from 0.00.
        ("sh-2024-budget-wanli-subdistrict", 100, &[("N014", "352.67万元"), ("N015", "0.53%"), ("N015", "100.00%")]),
        // 职业年金: item 16 repeats item 15's 441.25万元 and 60.54%; 群众团体事务 11.67 → 45.41 is
        // not 314.82%; two items grow 100.00% from 0.
        (
            "sh-2023-budget-wanli-subdistrict",
            100,
            &[
                ("N014", "441.25万元"),
                ("N015", "100.00%"),
                ("N015", "100.00%"),
                ("N015", "314.82%"),
                ("N015", "60.54%"),
            ],
        ),
    ];
    for (name, evaluated, expected) in cases {
        let report: serde_json::Value = serde_json::from_slice(
            &hedui(&["check", "--format", "json", "--fail-on", "never"], &[shared_pdf(&format!("{name}.pdf"))]).stdout,
        )
        .unwrap();
        let document = &report["documents"][0];
        let checked = |rule: &str| document["stats"]["by_rule"][rule]["checked"].as_u64().unwrap_or(0);
        assert!(checked("N014") + checked("N015") >= evaluated, "{name}: {}", document["stats"]["by_rule"]);
        let mut found: Vec<(&str, &str)> = document["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["rule"] == "N014" || f["rule"] == "N015")
            .map(|f| (f["rule"].as_str().unwrap(), f["stated"].as_str().unwrap_or("")))
            .collect();
        found.sort();
        assert_eq!(found, expected, "{name}");
    }
}

#[test]
fn two_budgets_of_one_unit_compare_their_year_on_year_statements() {
    // 2024: 财政拨款收入15621.11万元，比2023年预算减少876.75万元 (→ 16497.86, the 2023 budget's
    // 财政拨款收入) and “三公”经费预算数为47.91万元，比2023年预算增加25万元 (→ 22.91, the 2023 budget's).
    let paths =
        [shared_pdf("sh-2023-budget-wanli-subdistrict.pdf"), shared_pdf("sh-2024-budget-wanli-subdistrict.pdf")];
    let report: serde_json::Value =
        serde_json::from_slice(&hedui(&["check", "--format", "json", "--fail-on", "never"], &paths).stdout).unwrap();
    let later = &report["documents"][1];
    assert!(later["source"].as_str().unwrap().ends_with("sh-2024-budget-wanli-subdistrict.pdf"));
    assert_eq!(
        later["stats"]["by_rule"]["Y001"],
        serde_json::json!({"checked": 2, "held": 2, "rounding": 0, "broken": 0})
    );
}

#[test]
fn the_pdftotext_text_of_a_budget_pdf_has_its_figures_placed() {
    // Pasted as `pdftotext -layout` text, a budget's tables are rebuilt from where the text
    // stands, page by page (each page spaced anew). Left unplaced: the 2023 budget's 年度指标值
    // `90%` of a 项目支出绩效目标表 whose indicators pdftotext sets as running text. The 人员经费
    // and 公用经费 columns of its 经济分类 table, which no row fills together, are told apart on
    // both of the table's pages, and its 合计 row placed.
    let dir = std::env::temp_dir().join(format!("hedui-budget-text-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for (name, unplaced) in [
        ("sh-2023-budget-wanli-subdistrict", 1),
        ("sh-2024-budget-wanli-subdistrict", 0),
        ("sh-2024-unit-budget-welfare-home", 0),
    ] {
        let text = dir.join(format!("{name}.txt"));
        let status = Command::new("pdftotext")
            .arg("-layout")
            .arg(shared_pdf(&format!("{name}.pdf")))
            .arg(&text)
            .status()
            .expect("pdftotext (apt poppler-utils) must be installed: cargo xtask test installs it");
        assert!(status.success(), "pdftotext {name}");
        let parsed: serde_json::Value =
            serde_json::from_slice(&hedui(&["parse", "--format", "json"], std::slice::from_ref(&text)).stdout).unwrap();
        let c = &parsed["coverage"];
        let count = |key: &str| c[key].as_u64().unwrap() as usize;
        let values = count("numeric_cells") - count("numeric_cells_structural");
        assert!(values > 180, "{name}: {c}");
        assert!(
            values - count("numeric_cells_placed") <= unplaced,
            "{name}: {} of {values} placed: {}",
            count("numeric_cells_placed"),
            c["unplaced_cells"]
        );
        let report: serde_json::Value = serde_json::from_slice(
            &hedui(&["check", "--format", "json", "--fail-on", "never"], std::slice::from_ref(&text)).stdout,
        )
        .unwrap();
        assert_eq!(report["documents"][0]["stats"]["table_coverage"]["recognised"], 9, "{name}");
        // The text's tables are checked as the PDF's are: every relation among them evaluated
        // as often, with the same outcomes.
        let pdf_report: serde_json::Value = serde_json::from_slice(
            &hedui(&["check", "--format", "json", "--fail-on", "never"], &[shared_pdf(&format!("{name}.pdf"))]).stdout,
        )
        .unwrap();
        let among_tables = |report: &serde_json::Value| -> Vec<(String, serde_json::Value)> {
            let by_rule = report["documents"][0]["stats"]["by_rule"].as_object().unwrap();
            by_rule
                .iter()
                .filter(|(rule, _)| rule.starts_with('T') || rule.starts_with('X'))
                .map(|(rule, counts)| (rule.clone(), counts.clone()))
                .collect()
        };
        assert_eq!(among_tables(&report), among_tables(&pdf_report), "{name}");
    }
}
