//! The JS API in a real browser returns what the core returns natively.

use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const DOC_000: &str = include_str!("../../../../shared/corpus/000_a60f2e9b14e82395.txt");

/// The JS value as JSON text, to compare with the native serialisation.
fn json(value: &JsValue) -> serde_json::Value {
    let text: String = js_sys::JSON::stringify(value).unwrap().into();
    serde_json::from_str(&text).unwrap()
}

#[wasm_bindgen_test]
fn check_returns_the_cli_report() {
    let native: serde_json::Value = serde_json::from_str(&hedui_core::check(&[("input", DOC_000)]).to_json()).unwrap();
    let from_js = json(&hedui_wasm::check(DOC_000).unwrap());
    assert_eq!(from_js, native);
    assert!(from_js["documents"][0]["stats"]["checked"].as_u64().unwrap() > 100);
}

#[wasm_bindgen_test]
fn parse_returns_the_cli_report() {
    let native: serde_json::Value = serde_json::from_str(&hedui_core::parse("input", DOC_000).to_json()).unwrap();
    let from_js = json(&hedui_wasm::parse(DOC_000).unwrap());
    assert_eq!(from_js["stats"], native["stats"]);
    assert_eq!(from_js["tables"], native["tables"]);
}
