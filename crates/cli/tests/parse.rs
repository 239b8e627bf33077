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
fn unreadable_input_gets_a_clear_message_and_exit_code_3() {
    let dir = std::env::temp_dir().join(format!("hedui-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    // “合计” in GB18030 is read, and the encoding said; binary data is not text in any encoding.
    let gb18030 = dir.join("gb18030.txt");
    std::fs::write(&gb18030, [0xba, 0xcf, 0xbc, 0xc6]).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_hedui")).arg("parse").arg(&gb18030).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("按 GBK 编码读取"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let binary = dir.join("scan.txt");
    std::fs::write(&binary, [0x89, b'P', b'N', b'G', 0x00, 0x01, 0xff, 0x00]).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_hedui")).arg("parse").arg(&binary).output().unwrap();
    assert_eq!(out.status.code(), Some(3));
    assert!(String::from_utf8_lossy(&out.stderr).contains("是二进制文件"), "{}", String::from_utf8_lossy(&out.stderr));
    let pdf = dir.join("report.pdf");
    std::fs::write(&pdf, b"%PDF-1.7\n\x00\x01").unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_hedui")).arg("parse").arg(&pdf).output().unwrap();
    assert_eq!(out.status.code(), Some(3));
    // A PDF is read through its text layer (hedui-pdf); this one has none to read.
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("PDF 文件已损坏"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn utf16_with_a_byte_order_mark_reads_like_utf8() {
    let dir = std::env::temp_dir().join(format!("hedui-cli-utf16-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let utf8 = corpus("001_1a1813143cd16474.txt");
    let text = std::fs::read_to_string(&utf8).unwrap();
    let utf16 = dir.join("001-utf16.txt");
    let bytes: Vec<u8> = [0xff, 0xfe].into_iter().chain(text.encode_utf16().flat_map(u16::to_le_bytes)).collect();
    std::fs::write(&utf16, bytes).unwrap();
    let json = |path: &PathBuf| {
        let out =
            Command::new(env!("CARGO_BIN_EXE_hedui")).args(["parse", "--format", "json"]).arg(path).output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        report["tables"].clone()
    };
    assert_eq!(json(&utf16), json(&utf8));
}
