//! A 部门决算 in the national (Shanghai) layout: its tables are titled `二、收入决算表` and not
//! numbered `公开0N表`. Messages name its tables as it titles them, never by a number it
//! does not use nor as a 湖南 template.

use std::path::PathBuf;

use hedui_core::recognise::Form;
use hedui_core::DocumentReport;

fn fixture(name: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/national").join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn check(text: &str) -> DocumentReport {
    hedui_core::check(&[("national.txt", text)]).documents.remove(0)
}

/// Whether a text names a table by a two-digit number (`02表`).
fn names_a_number(text: &str) -> bool {
    let chars: Vec<char> = text.chars().collect();
    chars.windows(3).any(|w| w[0].is_ascii_digit() && w[1].is_ascii_digit() && w[2] == '表')
}

#[test]
fn tables_are_named_as_the_document_titles_them() {
    let text = fixture("final_accounts_summary.txt");
    let parsed = hedui_core::parse("national.txt", &text);
    assert_eq!(parsed.tables.len(), 1);
    assert_eq!(parsed.tables[0].form, Form::IncomeExpenditureSummary);
    assert_eq!(parsed.tables[0].title.as_deref(), Some("一、收入支出决算总表"));
    assert_eq!(parsed.tables[0].short_name, "收入支出决算总表");
    assert!(!parsed.tables[0].is_numbered());

    let report = check(&text);
    let t001 =
        report.findings.iter().find(|f| f.rule == "T001").expect("the 其他收入 of 10.00 is not in the 本年收入合计");
    assert_eq!(
        t001.message,
        "本年收入合计与各项收入不符：收入支出决算总表 本年收入合计 为 280.72，各项相加为 290.72（差 -10.00）"
    );
    assert!(
        t001.derivation
            .starts_with("收入支出决算总表 本年收入合计 280.72 ≠ 收入支出决算总表 一般公共预算财政拨款收入 280.72 + "),
        "{}",
        t001.derivation
    );
    let c002: Vec<&str> = report.findings.iter().filter(|f| f.rule == "C002").map(|f| f.message.as_str()).collect();
    assert_eq!(c002.len(), 8, "every table but the summary is missing");
    assert_eq!(c002[0], "缺少部门决算公开表：部门决算未见 收入决算表");
    for f in &report.findings {
        for text in [&f.message, &f.message_en, &f.derivation] {
            assert!(!text.contains("湖南") && !text.contains("Hunan"), "{}: {text}", f.rule);
            assert!(!names_a_number(text), "{}: {text}", f.rule);
        }
    }
}

#[test]
fn a_document_that_numbers_its_tables_has_them_named_by_number() {
    // The same table under its Hunan title and numbering label.
    let text = fixture("final_accounts_summary.txt").replace("一、收入支出决算总表\n", "收入支出决算总表\n公开01表\n");
    let parsed = hedui_core::parse("hunan.txt", &text);
    assert_eq!(parsed.tables[0].short_name, "01表");
    let report = check(&text);
    let t001 = report.findings.iter().find(|f| f.rule == "T001").unwrap();
    assert_eq!(t001.message, "本年收入合计与各项收入不符：01表 本年收入合计 为 280.72，各项相加为 290.72（差 -10.00）");
    let c002 = report.findings.iter().find(|f| f.rule == "C002").unwrap();
    assert_eq!(c002.message, "缺少部门决算公开表：部门决算未见 收入决算表（公开02表）");
    assert!(report.findings.iter().all(|f| !f.message.contains("湖南") && !f.message_en.contains("Hunan")));
}
