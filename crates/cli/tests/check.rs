//! The `hedui check` and `hedui rules` verbs.

mod common;

use std::path::PathBuf;
use std::process::Command;

use common::{fixture, hedui};

#[test]
fn text_output_is_compiler_style_and_errors_fail_by_default() {
    let bad = fixture("T008_bad.txt");
    let out = hedui(&["check"], std::slice::from_ref(&bad));
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    // The fixture is a 决算 with its 三公 table only: the report says so first.
    let (coverage, findings) = text.split_once('\n').unwrap();
    assert!(
        coverage.starts_with(&format!("{}: 识别到 1 / 9 张表，未识别 收入支出决算总表、收入决算表、", bad.display())),
        "{text}"
    );
    assert!(coverage.ends_with("：涉及这些表的勾稽未核对"), "{text}");
    let expected_head = format!("{}:14: error[T008] “三公”经费合计与分项不符", bad.display());
    assert!(findings.starts_with(&expected_head), "{text}");
    assert!(text.contains("    | 26.42\n"), "the excerpt follows the finding: {text}");
    assert!(
        text.contains(&format!("{}: 已核对 4 项关系，3 项成立，0 项尾数误差，1 项不一致；另查规范性 ", bad.display())),
        "{text}"
    );
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
    let out =
        hedui(&["check", "--format", "json", "--fail-on", "never"], &[fixture("T008_ok.txt"), fixture("T008_bad.txt")]);
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["schema_version"], hedui_core::REPORT_SCHEMA_VERSION);
    // Every file was checked: the report is core's, as the JS API gives it.
    assert!(report.get("unchecked").is_none(), "{report}");
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
    let out = hedui(&["check", "--format", "json"], &[missing.clone(), fixture("T008_ok.txt")]);
    assert_eq!(out.status.code(), Some(3));
    assert!(String::from_utf8_lossy(&out.stderr).contains("无法读取文件"));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["documents"].as_array().unwrap().len(), 1);
    // The file not read is an entry of the report, with why.
    let unchecked = &report["unchecked"][0];
    assert_eq!(unchecked["source"], missing.display().to_string());
    assert_eq!(unchecked["same_as"], serde_json::Value::Null);
    assert!(unchecked["message"].as_str().unwrap().starts_with("无法读取文件："), "{unchecked}");
    assert!(unchecked["message_en"].as_str().unwrap().starts_with("cannot read file: "), "{unchecked}");
    // In text, in input order: the line of the file not read comes first.
    let out = hedui(&["check"], &[missing.clone(), fixture("T008_ok.txt")]);
    assert_eq!(out.status.code(), Some(3));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with(&format!("{}: 无法读取文件：", missing.display())), "{text}");
    assert!(text.contains(&format!("{}: 已核对 ", fixture("T008_ok.txt").display())), "{text}");
}

#[test]
fn a_file_whose_check_panics_loses_only_its_own_report() {
    // HEDUI_TEST_PANIC (debug builds) makes the check of the file it names panic.
    let out = Command::new(env!("CARGO_BIN_EXE_hedui"))
        .args(["check", "--format", "json"])
        .args([fixture("T008_bad.txt"), fixture("T008_ok.txt")])
        .env("HEDUI_TEST_PANIC", "T008_bad.txt")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let documents = report["documents"].as_array().unwrap();
    assert_eq!(documents.len(), 1);
    assert_eq!(documents[0]["source"], fixture("T008_ok.txt").display().to_string());
    let unchecked = &report["unchecked"][0];
    assert_eq!(unchecked["source"], fixture("T008_bad.txt").display().to_string());
    assert!(
        unchecked["message"]
            .as_str()
            .unwrap()
            .starts_with("hedui 内部错误，未能核对此文件（请报告此问题）：HEDUI_TEST_PANIC"),
        "{unchecked}"
    );
    assert!(
        unchecked["message_en"]
            .as_str()
            .unwrap()
            .starts_with("internal error in hedui, the file was not checked (please report it): "),
        "{unchecked}"
    );
}

#[test]
fn usage_errors_exit_with_2() {
    for args in [&["check"][..], &["check", "--fail-on", "sometimes", "a.txt"], &["frobnicate"]] {
        let out = hedui(args, &[]);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?}");
    }
}

#[test]
fn the_same_file_given_twice_is_checked_once_and_said_so() {
    let budget = PathBuf::from("../../../shared/corpus/003_1cc174f46883e4ef.txt");
    let accounts = PathBuf::from("../../../shared/corpus/000_a60f2e9b14e82395.txt");
    let dir = std::env::temp_dir().join(format!("hedui-twice-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let copy = dir.join("000-copy.txt");
    std::fs::copy(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(&accounts), &copy).unwrap();
    let manifest = |p: &PathBuf| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(p);
    let json = |paths: &[PathBuf]| -> serde_json::Value {
        let out = hedui(&["check", "--format", "json", "--fail-on", "never"], paths);
        assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
        serde_json::from_slice(&out.stdout).unwrap()
    };
    let once = json(&[manifest(&budget), manifest(&accounts)]);
    let twice = json(&[manifest(&budget), manifest(&accounts), copy.clone(), manifest(&budget)]);
    // 003 is scored as with one 000: the copy is not a second companion.
    assert_eq!(twice["documents"].as_array().unwrap().len(), 2);
    assert_eq!(twice["documents"][0]["score"], once["documents"][0]["score"]);
    assert_eq!(twice["documents"][0]["findings"], once["documents"][0]["findings"]);
    let unchecked = twice["unchecked"].as_array().unwrap();
    assert_eq!(unchecked.len(), 2);
    assert_eq!(unchecked[0]["source"], copy.display().to_string());
    assert_eq!(unchecked[0]["same_as"], manifest(&accounts).display().to_string());
    assert_eq!(unchecked[0]["message_en"], format!("same content as {}: checked once", manifest(&accounts).display()));
    assert_eq!(unchecked[1]["same_as"], manifest(&budget).display().to_string());
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

#[test]
fn bad_inputs_get_their_documented_result() {
    let dir = std::env::temp_dir().join(format!("hedui-bad-inputs-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let ok = std::fs::read_to_string(fixture("T008_ok.txt")).unwrap();
    let write = |name: &str, bytes: &[u8]| {
        let path = dir.join(name);
        std::fs::write(&path, bytes).unwrap();
        path
    };
    let json = |path: &PathBuf| -> (Option<i32>, serde_json::Value) {
        let out = hedui(&["check", "--format", "json"], std::slice::from_ref(path));
        (out.status.code(), serde_json::from_slice(&out.stdout).unwrap())
    };

    // Negatives written four ways are read: the 09 table's sums hold, and it is not empty (C001).
    let row = "26.42\t0.00\t16.71\t0.00\t16.71\t9.71\t26.42\t0.00\t16.71\t0.00\t16.71\t9.71";
    let negatives =
        ok.replace(row, "—26.42\t0.00\t△16.71\t0.00\t(16.71)\t-9.71\t(26.42)\t0.00\t-16.71\t0.00\t—16.71\t△9.71");
    assert_ne!(negatives, ok);
    let (code, report) = json(&write("negatives.txt", negatives.as_bytes()));
    assert_eq!(code, Some(0), "{report}");
    let rules: Vec<&str> =
        report["documents"][0]["findings"].as_array().unwrap().iter().map(|f| f["rule"].as_str().unwrap()).collect();
    assert!(!rules.iter().any(|r| ["T008", "C001"].contains(r)), "{rules:?}");
    assert!(report["documents"][0]["stats"]["by_rule"]["T008"]["held"].as_u64().unwrap() >= 4, "{report}");

    // UTF-16 without a byte-order mark reads as the UTF-8 text.
    let utf16: Vec<u8> = ok.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let (code, from_utf16) = json(&write("utf16.txt", &utf16));
    let (_, from_utf8) = json(&fixture("T008_ok.txt"));
    assert_eq!(code, Some(0));
    assert_eq!(from_utf16["documents"][0]["stats"], from_utf8["documents"][0]["stats"]);

    // A damaged Excel file (a zip's first bytes), and a PDF written all in ASCII under a .txt
    // name: never read as text.
    let xlsx = write("table.xlsx", b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00[Content_Types].xml");
    let ascii_pdf =
        write("report.txt", b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
    for (path, reason) in [(xlsx, "damaged file"), (ascii_pdf, "PDF")] {
        let out = hedui(&["check", "--format", "json"], std::slice::from_ref(&path));
        assert_eq!(out.status.code(), Some(3), "{}", path.display());
        let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(report["documents"].as_array().unwrap().len(), 0);
        assert!(report["unchecked"][0]["message_en"].as_str().unwrap().contains(reason), "{report}");
    }
}

/// Where a finding stands, to recognise it in the report of the fixed text (a fix rewrites a
/// number in its line: lines stay, byte offsets may not).
fn place(finding: &serde_json::Value) -> String {
    let l = &finding["location"];
    format!("{} line {} {} {} {}", finding["rule"], l["line"], l["table"], l["row"], l["column"])
}

/// A finding and the findings of the relations it explains.
fn with_explained(finding: &serde_json::Value) -> Vec<&serde_json::Value> {
    std::iter::once(finding).chain(finding["explains"].as_array().into_iter().flatten()).collect()
}

#[test]
fn fix_then_check_leaves_none_of_the_safely_fixed_findings_on_each_corpus_document() {
    let corpus = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus");
    let mut documents: Vec<PathBuf> = std::fs::read_dir(&corpus)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    documents.sort();
    assert_eq!(documents.len(), 5, "the five corpus texts");
    let dir = std::env::temp_dir().join(format!("hedui-fix-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut fixed_anywhere = 0;
    for document in &documents {
        let name = document.file_name().unwrap().to_string_lossy().to_string();
        let json = |path: &PathBuf| -> serde_json::Value {
            serde_json::from_slice(
                &hedui(&["check", "--format", "json", "--fail-on", "never"], std::slice::from_ref(path)).stdout,
            )
            .unwrap()
        };
        let before = json(document);
        let findings = before["documents"][0]["findings"].as_array().unwrap();
        let safe: Vec<&serde_json::Value> = findings.iter().filter(|f| f["fix"]["applicability"] == "safe").collect();
        let output = dir.join(&name);
        let fixing = hedui(
            &["check", "--fail-on", "never", "--fix", "--fix-output", output.to_str().unwrap()],
            std::slice::from_ref(document),
        );
        assert_eq!(fixing.status.code(), Some(0), "{name}: {}", String::from_utf8_lossy(&fixing.stderr));
        let (original, fixed) = (std::fs::read_to_string(document).unwrap(), std::fs::read_to_string(&output).unwrap());
        assert_eq!(original.lines().count(), fixed.lines().count(), "{name}: a fix rewrites figures, not lines");
        assert_eq!(original == fixed, safe.is_empty(), "{name}: the text changes exactly when there is a safe fix");
        // --diff shows the same change: a hunk per changed line, the input untouched.
        let diff = String::from_utf8(hedui(&["check", "--diff"], std::slice::from_ref(document)).stdout).unwrap();
        let changed = original.lines().zip(fixed.lines()).filter(|(a, b)| a != b).count();
        assert_eq!(
            diff.lines().filter(|l| l.starts_with('-') && !l.starts_with("---")).count(),
            changed,
            "{name}: {diff}"
        );
        assert_eq!(std::fs::read_to_string(document).unwrap(), original, "{name}: the input is never written");

        let after = json(&output);
        let remaining: Vec<String> =
            after["documents"][0]["findings"].as_array().unwrap().iter().flat_map(with_explained).map(place).collect();
        for finding in &safe {
            for relation in with_explained(finding) {
                assert!(
                    !remaining.contains(&place(relation)),
                    "{name}: {} is still reported after its fix {}",
                    place(relation),
                    finding["fix"]
                );
            }
        }
        let broken = |report: &serde_json::Value| report["documents"][0]["stats"]["broken"].as_u64().unwrap();
        assert!(broken(&after) <= broken(&before), "{name}: a fix breaks no relation");
        if !safe.is_empty() {
            assert!(broken(&after) < broken(&before), "{name}: fixes make broken relations hold");
        }
        fixed_anywhere += safe.len();
    }
    assert!(fixed_anywhere > 0, "the corpus has safe fixes");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn fix_never_writes_over_its_input_nor_fixes_several_files_at_once() {
    let bad = fixture("T003_bad.txt");
    let refused = hedui(&["check", "--fix", "--fix-output", bad.to_str().unwrap()], std::slice::from_ref(&bad));
    assert_eq!(refused.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&refused.stderr).contains("is the input"),
        "{}",
        String::from_utf8_lossy(&refused.stderr)
    );
    let several = hedui(
        &["check", "--fix", "--fix-output", "/tmp/hedui-never-written.txt"],
        &[bad.clone(), fixture("T003_ok.txt")],
    );
    assert_eq!(several.status.code(), Some(2));
    assert!(!std::path::Path::new("/tmp/hedui-never-written.txt").exists());
    // --fix needs --fix-output: there is no fixing in place.
    assert_eq!(hedui(&["check", "--fix"], std::slice::from_ref(&bad)).status.code(), Some(2));
    // Without the diagnosis (as the web app and the embed package report): each broken relation
    // its own finding, no fix.
    let plain: serde_json::Value = serde_json::from_slice(
        &hedui(&["check", "--format", "json", "--no-diagnosis"], std::slice::from_ref(&bad)).stdout,
    )
    .unwrap();
    let findings = plain["documents"][0]["findings"].as_array().unwrap();
    assert_eq!(findings.iter().filter(|f| f["rule"] == "T003").count(), 2, "{plain}");
    assert!(findings.iter().all(|f| f.get("fix").is_none() && f.get("explains").is_none()), "{plain}");
    // The diff of T003_bad: 04表 总计 290.72 → 280.72.
    let diff = String::from_utf8(hedui(&["check", "--diff"], &[bad]).stdout).unwrap();
    assert!(diff.contains("\n-总计\t13\t290.72\t总计") && diff.contains("\n+总计\t13\t280.72\t总计"), "{diff}");
}
