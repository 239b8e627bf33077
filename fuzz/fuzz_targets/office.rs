//! Reading an office file (a workbook, Word document, CSV or legacy-encoded text, within the
//! CLI's limits), then checking its text: a text or a reason, never a panic.
#![no_main]

libfuzzer_sys::fuzz_target!(|bytes: &[u8]| {
    for name in ["fuzz.xlsx", "fuzz.docx", "fuzz.csv"] {
        if let Ok(imported) = hedui_office::import(name, bytes, &hedui_office::Limits::default()) {
            let _ = hedui_core::check(&[(name, &imported.text)]);
        }
    }
    if let Ok(imported) = hedui_office::import_text("fuzz.txt", bytes) {
        assert!(!imported.text.contains('\0'), "decoded text holds no NUL");
    }
});
