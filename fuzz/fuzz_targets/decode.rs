//! File bytes to text: any bytes give a text or a reason, never a panic.
#![no_main]

libfuzzer_sys::fuzz_target!(|bytes: &[u8]| {
    if let Ok(text) = hedui_core::decode::decode(bytes) {
        assert!(!text.contains('\0'), "decoded text holds no NUL");
    }
});
