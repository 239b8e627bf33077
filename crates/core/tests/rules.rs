//! Every rule has a fixture that triggers it (`CODE_bad.txt`) and one where it is evaluated
//! and holds (`CODE_ok.txt`), in `tests/fixtures/rules/`. The findings of the rule on each
//! are snapshotted (ruff-style). Rules that compare documents (Y) are run with the other
//! document beside the fixture: `CODE_ok.companion.txt`.

use std::fmt::Write;
use std::path::PathBuf;

use hedui_core::finding::Finding;
use hedui_core::rules;

fn fixture_path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/rules").join(name)
}

fn fixture(name: &str) -> String {
    let path = fixture_path(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("every rule needs {}: {e}", path.display()))
}

/// The rule's findings on a fixture, rendered for the snapshot, and how often it was evaluated.
fn run(code: &str, name: &str) -> (Vec<Finding>, usize, String) {
    let text = fixture(name);
    let companion_name = name.replace(".txt", ".companion.txt");
    let companion = std::fs::read_to_string(fixture_path(&companion_name)).ok();
    let mut documents = vec![(name, text.as_str())];
    documents.extend(companion.as_deref().map(|text| (companion_name.as_str(), text)));
    let report = hedui_core::check(&documents);
    let document = &report.documents[0];
    let checked = document.stats.by_rule.get(code).map_or(0, |c| c.checked);
    let findings: Vec<Finding> = document.findings.iter().filter(|f| f.rule == code).cloned().collect();
    let mut rendered = format!("evaluated: {checked}\n");
    for f in &findings {
        let _ = writeln!(rendered, "{}:{} {:?} {}\n  {}\n  {}\n  = {}", name, f.location.line, f.severity, f.rule, f.message, f.message_en, f.derivation);
        for r in &f.related {
            let _ = writeln!(rendered, "  related {}:{} «{}»", r.table.unwrap_or("-"), r.line, r.excerpt);
        }
        for r in &f.related_documents {
            let _ = writeln!(rendered, "  related in {} {}:{} «{}»", r.source, r.location.table.unwrap_or("-"), r.location.line, r.location.excerpt);
        }
    }
    (findings, checked, rendered)
}

#[test]
fn every_rule_triggers_on_its_bad_fixture() {
    for rule in rules::all() {
        let code = rule.info().code;
        let (findings, _, rendered) = run(code, &format!("{code}_bad.txt"));
        assert!(!findings.is_empty(), "{code} did not trigger on {code}_bad.txt");
        insta::assert_snapshot!(format!("{code}_bad"), rendered);
    }
}

#[test]
fn every_rule_holds_on_its_ok_fixture() {
    for rule in rules::all() {
        let code = rule.info().code;
        let (findings, checked, rendered) = run(code, &format!("{code}_ok.txt"));
        assert!(checked > 0, "{code} was not evaluated on {code}_ok.txt: the fixture proves nothing");
        assert!(findings.is_empty(), "{code} reported on {code}_ok.txt:\n{rendered}");
        insta::assert_snapshot!(format!("{code}_ok"), rendered);
    }
}

#[test]
fn the_committed_catalogue_is_current() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../docs/rules.md");
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(committed == rules::catalogue_markdown(), "docs/rules.md is stale: run `cargo run -p hedui-cli -- rules --format markdown > docs/rules.md`");
}
