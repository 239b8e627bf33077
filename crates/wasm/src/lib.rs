//! JS API over `hedui-core` for embedding in a web page. No UI framework in here.

use wasm_bindgen::prelude::*;

/// Checks a document: the same report as `hedui check --format json` (docs/report-schema.md).
#[wasm_bindgen]
pub fn check(text: &str) -> Result<JsValue, JsError> {
    to_js(&hedui_core::check(&[("input", text)]))
}

/// Reads a document: the same report as `hedui parse --format json` (docs/parse-schema.md).
#[wasm_bindgen]
pub fn parse(text: &str) -> Result<JsValue, JsError> {
    to_js(&hedui_core::parse("input", text))
}

/// Plain JS objects (not `Map`s), so the result reads like the CLI's JSON.
fn to_js<T: serde::Serialize>(value: &T) -> Result<JsValue, JsError> {
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    value.serialize(&serializer).map_err(|e| JsError::new(&e.to_string()))
}
