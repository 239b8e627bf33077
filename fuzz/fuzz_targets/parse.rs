//! Reading a document: any text gives a parse report, and it serialises.
#![no_main]

libfuzzer_sys::fuzz_target!(|bytes: &[u8]| {
    let Ok(text) = std::str::from_utf8(bytes) else { return };
    let report = hedui_core::parse("fuzz.txt", text);
    let _ = report.to_json();
    let _ = report.to_text();
});
