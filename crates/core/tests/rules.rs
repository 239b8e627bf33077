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
    // The rule's own findings, as they would stand alone: a finding of one cause (the
    // diagnosis) lists the relations' findings it explains; its message and fix follow them.
    let mut findings: Vec<Finding> = Vec::new();
    let mut rendered = format!("evaluated: {checked}\n");
    for (f, cause) in document
        .findings
        .iter()
        .flat_map(|cause| cause.relations().iter().map(move |f| (f, cause)))
        .filter(|(f, _)| f.rule == code)
    {
        findings.push(f.clone());
        let _ = writeln!(
            rendered,
            "{}:{} {:?} {}\n  {}\n  {}\n  = {}",
            name, f.location.line, f.severity, f.rule, f.message, f.message_en, f.derivation
        );
        if cause.is_cause() {
            let _ = writeln!(rendered, "  cause: {}", cause.message);
        }
        #[cfg(feature = "diagnosis")]
        if let Some(fix) = &cause.fix {
            let _ = writeln!(rendered, "  help ({:?}): {}", fix.applicability, fix.message);
        }
        for r in &f.related {
            let _ = writeln!(rendered, "  related {}:{} «{}»", r.table.unwrap_or("-"), r.line, r.excerpt);
        }
        for r in &f.related_documents {
            let _ = writeln!(
                rendered,
                "  related in {} {}:{} «{}»",
                r.source,
                r.location.table.unwrap_or("-"),
                r.location.line,
                r.location.excerpt
            );
        }
    }
    (findings, checked, rendered)
}

/// The rule triggers on its bad fixture and is evaluated and holds on its ok one; both
/// snapshotted.
fn check_rule(code: &str) {
    let (findings, _, rendered) = run(code, &format!("{code}_bad.txt"));
    assert!(!findings.is_empty(), "{code} did not trigger on {code}_bad.txt");
    insta::assert_snapshot!(format!("{code}_bad"), rendered);
    let (findings, checked, rendered) = run(code, &format!("{code}_ok.txt"));
    assert!(checked > 0, "{code} was not evaluated on {code}_ok.txt: the fixture proves nothing");
    assert!(findings.is_empty(), "{code} reported on {code}_ok.txt:\n{rendered}");
    insta::assert_snapshot!(format!("{code}_ok"), rendered);
}

/// One test per rule, named by its code, so that `cargo test N001` runs that rule's fixtures
/// and one failing rule does not hide the others; `TESTED` lists them for the test below.
macro_rules! rule_tests {
    ($($(#[$attribute:meta])* $code:ident),* $(,)?) => {
        $(
            $(#[$attribute])*
            #[test]
            #[allow(non_snake_case)]
            fn $code() {
                check_rule(stringify!($code));
            }
        )*
        const TESTED: &[&str] = &[$($(#[$attribute])* stringify!($code)),*];
    };
}

rule_tests! {
    C001, C002, C003, C004,
    L001, L002, L003, L004, L005, L006, L007, L008, L009, L010, L011, L012, L013, L014, L015, L016,
    N001, N002, N003, N004, N005, N006, N007, N008, N009, N010, N011, N012, N013,
    #[cfg(feature = "budget")] N014,
    #[cfg(feature = "budget")] N015,
    N016, N017, N018, N019, N020, N021, N022,
    P001, P002, P003, P004, P005, P006, P007, P008, P009, P010, P011, P012, P013, P014,
    T001, T002, T003, T004, T005, T006, T007, T008, T009, T010,
    #[cfg(feature = "budget")] T011,
    #[cfg(feature = "budget")] T012,
    #[cfg(feature = "budget")] T013,
    X001, X002, X003, X004, X005, X006, X007, X008,
    #[cfg(feature = "budget")] X009,
    #[cfg(feature = "budget")] X010,
    #[cfg(feature = "budget")] X011,
    #[cfg(feature = "budget")] X012,
    #[cfg(feature = "budget")] X013,
    #[cfg(feature = "budget")] X014,
    #[cfg(feature = "budget")] X015,
    #[cfg(feature = "budget")] X016,
    #[cfg(feature = "budget")] X017,
    Y001, Y002, Y003,
}

#[test]
fn every_rule_of_the_catalogue_has_its_test() {
    let catalogue: Vec<&str> = rules::all().iter().map(|rule| rule.info().code).collect();
    assert_eq!(TESTED, catalogue, "add the new rule to rule_tests! in tests/rules.rs");
}

#[test]
fn the_committed_catalogue_is_current() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../docs/rules.md");
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == rules::catalogue_markdown(),
        "docs/rules.md is stale: run `cargo run -p hedui-cli -- rules --format markdown > docs/rules.md`"
    );
}
