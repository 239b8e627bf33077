//! In a real browser, the JS API returns what the core returns natively and refuses bad input clearly.

use hedui_core::rules::Category;
use hedui_core::CheckOptions;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const DOC_000: &str = include_str!("../../../../shared/corpus/000_a60f2e9b14e82395.txt");
const DOC_003: &str = include_str!("../../../../shared/corpus/003_1cc174f46883e4ef.txt");

/// The JS value as JSON text, to compare with the native serialisation.
fn json(value: &JsValue) -> serde_json::Value {
    let text: String = js_sys::JSON::stringify(value).unwrap().into();
    serde_json::from_str(&text).unwrap()
}

/// A JS value from JSON text (options and document lists as a page would pass them).
fn js(json: &str) -> JsValue {
    js_sys::JSON::parse(json).unwrap()
}

/// The message of the `Error` a call threw.
fn message(error: wasm_bindgen::JsError) -> String {
    let value: JsValue = error.into();
    let error: &js_sys::Error = value.dyn_ref().expect("an Error object");
    error.message().into()
}

/// The CLI's JSON as a page reads it (`JSON.parse`: `98.0` and `98` are one number in JS).
fn native(documents: &[(&str, &str)], options: &CheckOptions) -> serde_json::Value {
    json(&js(&hedui_core::check_with(documents, options).to_json()))
}

fn utf16le_with_bom(text: &str) -> js_sys::Uint8Array {
    let bytes: Vec<u8> = [0xFF, 0xFE].into_iter().chain(text.encode_utf16().flat_map(u16::to_le_bytes)).collect();
    js_sys::Uint8Array::from(bytes.as_slice())
}

#[wasm_bindgen_test]
fn check_returns_the_cli_report() {
    let expected = native(&[("input", DOC_000)], &CheckOptions::default());
    let from_js = json(&crate::check(DOC_000.into(), JsValue::UNDEFINED).unwrap());
    assert_eq!(from_js, expected);
    assert!(from_js["documents"][0]["stats"]["checked"].as_u64().unwrap() > 100);
    assert!(from_js["documents"][0]["findings"][0]["message_en"].is_string(), "both languages are always in the report");
}

#[wasm_bindgen_test]
fn categories_and_source_options_select_rules_and_name_the_document() {
    let options = CheckOptions { categories: Some(vec![Category::TableArithmetic, Category::Narrative]) };
    let expected = native(&[("000.txt", DOC_000)], &options);
    let from_js = json(&crate::check(DOC_000.into(), js(r#"{"categories":["table_arithmetic","narrative"],"source":"000.txt","language":"en"}"#)).unwrap());
    assert_eq!(from_js, expected);
    let by_category = from_js["documents"][0]["stats"]["by_category"].as_object().unwrap();
    assert!(by_category.keys().all(|c| c == "table_arithmetic" || c == "narrative"), "{by_category:?}");
    assert_eq!(from_js["documents"][0]["source"], "000.txt");
}

#[wasm_bindgen_test]
fn bytes_are_decoded_in_core() {
    let expected = native(&[("input", DOC_003)], &CheckOptions::default());
    let mut with_bom = vec![0xEF, 0xBB, 0xBF];
    with_bom.extend_from_slice(DOC_003.as_bytes());
    let utf8: JsValue = js_sys::Uint8Array::from(with_bom.as_slice()).into();
    assert_eq!(json(&crate::check(utf8, JsValue::UNDEFINED).unwrap()), expected);
    let utf16 = utf16le_with_bom(DOC_003);
    assert_eq!(json(&crate::check(utf16.buffer().into(), JsValue::UNDEFINED).unwrap()), expected, "an ArrayBuffer too");
    assert_eq!(crate::decode(utf16.into(), JsValue::UNDEFINED).unwrap(), DOC_003);
}

#[wasm_bindgen_test]
fn several_documents_are_checked_together_in_order() {
    let expected = native(&[("a.txt", DOC_000), ("input-2", DOC_003)], &CheckOptions::default());
    let list = js_sys::Array::new();
    let first = js(r#"{"source":"a.txt"}"#);
    js_sys::Reflect::set(&first, &"text".into(), &DOC_000.into()).unwrap();
    let second = js_sys::Object::new();
    js_sys::Reflect::set(&second, &"bytes".into(), &utf16le_with_bom(DOC_003)).unwrap();
    list.push(&first);
    list.push(&second);
    let from_js = json(&crate::check(list.into(), JsValue::UNDEFINED).unwrap());
    assert_eq!(from_js, expected);
    assert_eq!(from_js["documents"].as_array().unwrap().len(), 2);
}

#[wasm_bindgen_test]
fn bad_input_and_options_throw_clear_errors_in_the_chosen_language() {
    let pdf: JsValue = js_sys::Uint8Array::from(&b"%PDF-1.7\n\x00\x01\x02"[..]).into();
    let en = js(r#"{"language":"en","source":"report.pdf"}"#);
    assert_eq!(message(crate::check(pdf.clone(), en).unwrap_err()), "report.pdf: a binary file (such as a PDF, Word file, archive or image), not text");
    assert_eq!(message(crate::check(pdf, JsValue::UNDEFINED).unwrap_err()), "input：是二进制文件（如 PDF、Word、压缩包或图片），不是文本");
    let gb18030: JsValue = js_sys::Uint8Array::from(&b"\xBA\xCF\xBC\xC6 12.50"[..]).into();
    assert!(message(crate::decode(gb18030, JsValue::UNDEFINED).unwrap_err()).contains("不是 UTF-8 文本"));

    let unknown = message(crate::check(DOC_003.into(), js(r#"{"categories":["arithmetic"],"language":"en"}"#)).unwrap_err());
    assert_eq!(unknown, "unknown category: arithmetic (known: table_arithmetic, cross_table, performance, completeness, form, narrative)");
    assert!(message(crate::rules(js(r#"{"categories":["x"]}"#)).unwrap_err()).starts_with("未知的规则类别：x"));
    assert_eq!(message(crate::check(JsValue::from(42), JsValue::UNDEFINED).unwrap_err()), "输入须为字符串、Uint8Array、ArrayBuffer，或 {source, text} / {source, bytes} 的数组");
    assert!(message(crate::check(js(r#"[{"source":"a"}]"#), js(r#"{"language":"en"}"#)).unwrap_err()).starts_with("a: each document needs either text"));
    assert_eq!(message(crate::check(DOC_003.into(), js(r#"{"language":"fr"}"#)).unwrap_err()), "language 须为 'zh' 或 'en' (language must be 'zh' or 'en')");
    assert_eq!(message(crate::check(DOC_003.into(), js(r#"{"langage":"en"}"#)).unwrap_err()), "未知的选项：langage（可用：language、categories、source）");
    assert!(message(crate::check(DOC_003.into(), "en".into()).unwrap_err()).contains("options must be an object"));
    assert!(message(crate::parse(js("[]"), JsValue::UNDEFINED).unwrap_err()).contains("一个文档"));
}

#[wasm_bindgen_test]
fn rules_lists_the_catalogue_with_titles_in_the_chosen_language() {
    let en = json(&crate::rules(js(r#"{"language":"en"}"#)).unwrap());
    let en = en.as_array().unwrap();
    assert_eq!(en.len(), hedui_core::rules::all().len());
    for (entry, rule) in en.iter().zip(hedui_core::rules::all()) {
        let info = rule.info();
        assert_eq!(entry["code"], info.code);
        assert_eq!(entry["name"], info.name);
        assert_eq!(entry["title"], info.title_en);
        assert_eq!(entry["title_zh"], info.title_zh);
        assert_eq!(entry["category"], serde_json::to_value(info.category).unwrap());
        assert_eq!(entry["severity"], serde_json::to_value(info.severity).unwrap());
    }
    let zh = json(&crate::rules(JsValue::UNDEFINED).unwrap());
    assert_eq!(zh[0]["title"], hedui_core::rules::all()[0].info().title_zh);
    let performance = json(&crate::rules(js(r#"{"categories":["performance"]}"#)).unwrap());
    let codes: Vec<&str> = performance.as_array().unwrap().iter().map(|r| r["code"].as_str().unwrap()).collect();
    assert!(!codes.is_empty() && codes.iter().all(|code| code.starts_with('P')), "{codes:?}");
}

#[wasm_bindgen_test]
fn parse_returns_the_cli_report() {
    let native: serde_json::Value = serde_json::from_str(&hedui_core::parse("input", DOC_000).to_json()).unwrap();
    let from_js = json(&crate::parse(DOC_000.into(), JsValue::UNDEFINED).unwrap());
    assert_eq!(from_js["stats"], native["stats"]);
    assert_eq!(from_js["tables"], native["tables"]);
}
