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
