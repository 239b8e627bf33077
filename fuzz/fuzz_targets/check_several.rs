//! Checking documents together (the Y rules compare companions): the input is split into up
//! to four documents at form feeds.
#![no_main]

libfuzzer_sys::fuzz_target!(|bytes: &[u8]| {
    let Ok(text) = std::str::from_utf8(bytes) else { return };
    let sources = ["a.txt", "b.txt", "c.txt", "d.txt"];
    let documents: Vec<(&str, &str)> = sources.iter().copied().zip(text.splitn(sources.len(), '\u{c}')).collect();
    let report = hedui_core::check(&documents);
    assert_eq!(report.documents.len(), documents.len());
    let _ = report.to_json();
    let _ = report.to_text();
});
