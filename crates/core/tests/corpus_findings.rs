//! Every finding of every rule on the five real documents, as `hedui check` prints them.
//! Reviewed line by line against the text: each one is a real problem (or, at notice
//! level, a real rounding discrepancy). A change here is a change in what users are told.

use std::path::PathBuf;

fn check(name: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus").join(name);
    let text = std::fs::read_to_string(path).unwrap();
    hedui_core::check(&[(name, &text)]).to_text()
}

macro_rules! corpus_findings {
    ($test:ident, $file:literal) => {
        #[test]
        fn $test() {
            insta::assert_snapshot!(check($file));
        }
    };
}

corpus_findings!(findings_000, "000_a60f2e9b14e82395.txt");
corpus_findings!(findings_001, "001_1a1813143cd16474.txt");
corpus_findings!(findings_002, "002_2a4a6f0d8c259386.txt");
corpus_findings!(findings_003, "003_1cc174f46883e4ef.txt");
corpus_findings!(findings_004, "004_2209d00c77695512.txt");

/// 003 (the 2024 budget of 株洲市人民政府驻北京联络处) checked together with 000 (its 2023
/// accounts): 003's 上年 budget figures hold against 000 (收入预算 257 − 21.74 = 235.26 = 000's
/// 年初预算数; 机关运行经费 217 + 18.26 = 235.26; 三公 40 ± 4 = 44), and its count of
/// vehicles at the end of 2023 (2辆) contradicts 000's (保有量为3辆).
#[test]
fn findings_003_with_its_prior_year_accounts_000() {
    let read = |name: &str| {
        std::fs::read_to_string(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus").join(name))
            .unwrap()
    };
    let (budget, accounts) = (read("003_1cc174f46883e4ef.txt"), read("000_a60f2e9b14e82395.txt"));
    let together = hedui_core::check(&[("003_1cc174f46883e4ef.txt", &budget), ("000_a60f2e9b14e82395.txt", &accounts)]);
    let alone = hedui_core::check(&[("003_1cc174f46883e4ef.txt", &budget)]);
    let (budget_report, accounts_report) = (&together.documents[0], &together.documents[1]);
    let yearly: Vec<_> = budget_report.stats.by_rule.iter().filter(|(code, _)| code.starts_with('Y')).collect();
    insta::assert_debug_snapshot!(yearly);
    let cross: Vec<_> = budget_report.findings.iter().filter(|f| f.rule.starts_with('Y')).collect();
    assert_eq!(cross.len(), 1);
    assert_eq!((cross[0].rule, cross[0].location.line, cross[0].related_documents[0].location.line), ("Y003", 45, 346));
    assert_eq!(cross[0].related_documents[0].source, "000_a60f2e9b14e82395.txt");
    // The other findings are those of 003 alone; 000 reports nothing more for the pair.
    let without: Vec<_> =
        budget_report.findings.iter().filter(|f| !f.rule.starts_with('Y')).map(|f| (f.rule, f.location.line)).collect();
    let own: Vec<_> = alone.documents[0].findings.iter().map(|f| (f.rule, f.location.line)).collect();
    assert_eq!(without, own);
    assert!(accounts_report.findings.iter().all(|f| !f.rule.starts_with('Y')));
    assert!(accounts_report.stats.by_rule.keys().all(|code| !code.starts_with('Y')));
}

/// Only companions are compared: not documents of different departments (003 驻北京联络处
/// with 002 市人民政府办公室), nor two copies of one document (000 twice).
#[test]
fn only_companions_are_compared() {
    let read = |name: &str| {
        std::fs::read_to_string(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus").join(name))
            .unwrap()
    };
    let accounts = read("000_a60f2e9b14e82395.txt");
    for pair in [
        [("003", read("003_1cc174f46883e4ef.txt")), ("002", read("002_2a4a6f0d8c259386.txt"))],
        [("000", accounts.clone()), ("000 copy", accounts)],
    ] {
        let report = hedui_core::check(&pair.iter().map(|(s, t)| (*s, t.as_str())).collect::<Vec<_>>());
        for document in &report.documents {
            assert!(document.stats.by_rule.keys().all(|code| !code.starts_with('Y')), "{}", document.source);
        }
    }
}
