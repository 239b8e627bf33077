//! Reading a PDF (within the CLI's limits) and laying its text out, then checking it.
#![no_main]

libfuzzer_sys::fuzz_target!(|bytes: &[u8]| {
    let Ok(pages) = hedui_pdf::read_pdf(bytes, &hedui_pdf::Limits::default()) else { return };
    let rendered = hedui_core::layout::render(&pages);
    let _ = hedui_core::check(&[("fuzz.pdf", &rendered.text)]);
});
