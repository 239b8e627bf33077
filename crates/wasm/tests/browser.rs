//! The JS API in a real browser returns what the core returns natively.

use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const DOC_000: &str = include_str!("../../../../shared/corpus/000_a60f2e9b14e82395.txt");

#[wasm_bindgen_test]
fn check_returns_the_core_report_as_a_js_object() {
    let value = hedui_wasm::check(DOC_000).unwrap();
    let tables = js_sys_get(&value, &["stats", "tables"]).as_f64().unwrap() as usize;
    assert_eq!(tables, hedui_core::parse("input", DOC_000).stats.tables);
    let version = js_sys_get(&value, &["schema_version"]).as_string().unwrap();
    assert_eq!(version, hedui_core::SCHEMA_VERSION);
}

fn js_sys_get(value: &wasm_bindgen::JsValue, path: &[&str]) -> wasm_bindgen::JsValue {
    path.iter().fold(value.clone(), |v, key| {
        js_sys::Reflect::get(&v, &wasm_bindgen::JsValue::from_str(key)).unwrap()
    })
}
