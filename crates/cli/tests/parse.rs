//! The `hedui parse` verb on the real corpus.

use std::path::PathBuf;
use std::process::Command;

fn corpus(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus").join(name)
}

#[test]
fn parse_json_reports_schema_and_table_count() {
    let out = Command::new(env!("CARGO_BIN_EXE_hedui"))
        .args(["parse", "--format", "json"])
        .arg(corpus("000_a60f2e9b14e82395.txt"))
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["schema_version"], hedui_core::SCHEMA_VERSION);
    let text = std::fs::read_to_string(corpus("000_a60f2e9b14e82395.txt")).unwrap();
    let expected = hedui_core::parse("x", &text).stats.tables;
    assert!(expected > 9, "the 000 document has at least the nine tables and the 绩效 tables");
    assert_eq!(report["stats"]["tables"], expected);
}

#[test]
fn unreadable_input_gets_a_clear_message_and_exit_code_2() {
    let dir = std::env::temp_dir().join(format!("hedui-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let binary = dir.join("binary.bin");
    std::fs::write(&binary, [0xff, 0xfe, 0x00, 0x81]).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_hedui")).arg("parse").arg(&binary).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("不是 UTF-8 文本"));
}
