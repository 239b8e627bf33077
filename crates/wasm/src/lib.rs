//! JS API over `hedui-core` for embedding in a web page. No UI framework in here.

use wasm_bindgen::prelude::*;

/// Reads a document and returns the core's report as a plain JS object.
#[wasm_bindgen]
pub fn check(text: &str) -> Result<JsValue, JsError> {
    let report = hedui_core::parse("input", text);
    serde_wasm_bindgen::to_value(&report).map_err(|e| JsError::new(&e.to_string()))
}
