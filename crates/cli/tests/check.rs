//! The `hedui check` and `hedui rules` verbs.

use std::path::PathBuf;
use std::process::{Command, Output};

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../core/tests/fixtures/rules").join(name)
}

fn hedui(args: &[&str], paths: &[PathBuf]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_hedui")).args(args).args(paths).output().unwrap()
}

#[test]
fn text_output_is_compiler_style_and_errors_fail_by_default() {
    let bad = fixture("T008_bad.txt");
    let out = hedui(&["check"], std::slice::from_ref(&bad));
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    // The fixture is a 决算 with its 三公 table only: the report says so first.
    let (coverage, findings) = text.split_once('\n').unwrap();
    assert!(coverage.starts_with(&format!("{}: 识别到 1 / 9 张表，未识别 收入支出决算总表、收入决算表、", bad.display())), "{text}");
    assert!(coverage.ends_with("：涉及这些表的勾稽未核对"), "{text}");
    let expected_head = format!("{}:14: error[T008] “三公”经费合计与分项不符", bad.display());
    assert!(findings.starts_with(&expected_head), "{text}");
    assert!(text.contains("    | 26.42\n"), "the excerpt follows the finding: {text}");
    assert!(text.contains(&format!("{}: 已核对 4 项关系，3 项成立，0 项尾数误差，1 项不一致；另查规范性 ", bad.display())), "{text}");
}

#[test]
fn fail_on_sets_the_exit_code() {
    let bad = fixture("T008_bad.txt");
    assert_eq!(hedui(&["check", "--fail-on", "never"], std::slice::from_ref(&bad)).status.code(), Some(0));
    assert_eq!(hedui(&["check", "--fail-on", "warning"], &[bad]).status.code(), Some(1));
    assert_eq!(hedui(&["check"], &[fixture("T008_ok.txt")]).status.code(), Some(0));
}

#[test]
fn json_output_follows_the_report_schema() {
    let out = hedui(&["check", "--format", "json", "--fail-on", "never"], &[fixture("T008_ok.txt"), fixture("T008_bad.txt")]);
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["schema_version"], hedui_core::REPORT_SCHEMA_VERSION);
    let documents = report["documents"].as_array().unwrap();
    assert_eq!(documents.len(), 2);
    assert_eq!(documents[0]["findings"].as_array().unwrap().len(), 0);
    let finding = &documents[1]["findings"][0];
    assert_eq!(finding["rule"], "T008");
    assert_eq!(finding["severity"], "error");
    assert_eq!(finding["location"]["line"], 14);
    assert_eq!(finding["stated"], "26.42");
    assert_eq!(finding["expected"], "26.02");
    let stats = &documents[1]["stats"];
    assert!(stats["claims"]["found"].is_u64(), "claims found/bound/checked are reported: {stats}");
    let sum = ["held", "rounding", "broken"].iter().map(|k| stats[k].as_u64().unwrap()).sum::<u64>();
    assert_eq!(stats["checked"].as_u64().unwrap(), sum);
}

#[test]
fn an_unreadable_file_is_reported_and_the_others_still_checked() {
    let missing = PathBuf::from("/nonexistent/hedui.txt");
    let out = hedui(&["check", "--format", "json"], &[missing, fixture("T008_ok.txt")]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("无法读取文件"));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["documents"].as_array().unwrap().len(), 1);
}

#[test]
fn rules_lists_the_catalogue() {
    let out = hedui(&["rules"], &[]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    for rule in hedui_core::rules::all() {
        assert!(text.contains(rule.info().code), "{} missing from `hedui rules`", rule.info().code);
    }
    let markdown = String::from_utf8(hedui(&["rules", "--format", "markdown"], &[]).stdout).unwrap();
    assert_eq!(markdown, hedui_core::rules::catalogue_markdown());
}
