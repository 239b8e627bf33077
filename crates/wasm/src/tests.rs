//! In a real browser, the wasm functions behind hedui.js return what the core returns natively
//! and refuse bad bytes clearly. hedui.js itself (options, input shapes) is
//! tested in tests/e2e/embed.test.mjs.

use hedui_core::finding::Category;
use hedui_core::CheckOptions;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const DOC_000: &str = include_str!("../../../../shared/corpus/000_a60f2e9b14e82395.txt");
const DOC_003: &str = include_str!("../../../../shared/corpus/003_1cc174f46883e4ef.txt");

/// The JSON text as a page reads it: `JSON.parse`, then back to text (`98.0` and `98` are one
/// number in JS).
fn json(text: &str) -> serde_json::Value {
    let value = js_sys::JSON::parse(text).unwrap();
    let text: String = js_sys::JSON::stringify(&value).unwrap().into();
    serde_json::from_str(&text).unwrap()
}

/// The message of the `Error` a call threw.
fn message(error: wasm_bindgen::JsError) -> String {
    let value: JsValue = error.into();
    let error: &js_sys::Error = value.dyn_ref().expect("an Error object");
    error.message().into()
}

/// The CLI's JSON as a page reads it.
fn native(documents: &[(&str, &str)], options: &CheckOptions) -> serde_json::Value {
    json(&hedui_core::check_with(documents, options).to_json())
}

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|item| item.to_string()).collect()
}

#[wasm_bindgen_test]
fn check_returns_the_cli_report() {
    let expected = native(&[("input", DOC_000)], &CheckOptions::default());
    let from_js = json(&crate::check(strings(&["input"]), strings(&[DOC_000]), None));
    assert_eq!(from_js, expected);
    assert!(from_js["documents"][0]["stats"]["checked"].as_u64().unwrap() > 100);
    assert!(
        from_js["documents"][0]["findings"][0]["message_en"].is_string(),
        "both languages are always in the report"
    );
}

#[wasm_bindgen_test]
fn categories_select_rules_and_sources_name_the_documents() {
    let options = CheckOptions {
        categories: Some(vec![Category::TableArithmetic, Category::Narrative]),
        ..CheckOptions::default()
    };
    let expected = native(&[("000.txt", DOC_000)], &options);
    let from_js = json(&crate::check(
        strings(&["000.txt"]),
        strings(&[DOC_000]),
        Some(strings(&["table_arithmetic", "narrative"])),
    ));
    assert_eq!(from_js, expected);
    let by_category = from_js["documents"][0]["stats"]["by_category"].as_object().unwrap();
    assert!(by_category.keys().all(|c| c == "table_arithmetic" || c == "narrative"), "{by_category:?}");
    assert_eq!(from_js["documents"][0]["source"], "000.txt");
}

#[wasm_bindgen_test]
fn several_documents_are_checked_together_in_order() {
    let expected = native(&[("a.txt", DOC_000), ("b.txt", DOC_003)], &CheckOptions::default());
    let from_js = json(&crate::check(strings(&["a.txt", "b.txt"]), strings(&[DOC_000, DOC_003]), None));
    assert_eq!(from_js, expected);
    assert_eq!(from_js["documents"].as_array().unwrap().len(), 2);
}

#[wasm_bindgen_test]
fn bytes_are_decoded_in_core() {
    let mut with_bom = vec![0xEF, 0xBB, 0xBF];
    with_bom.extend_from_slice(DOC_003.as_bytes());
    assert_eq!(crate::decode(&with_bom, "a.txt", "zh").unwrap(), DOC_003);
    let utf16: Vec<u8> = [0xFF, 0xFE].into_iter().chain(DOC_003.encode_utf16().flat_map(u16::to_le_bytes)).collect();
    assert_eq!(crate::decode(&utf16, "a.txt", "zh").unwrap(), DOC_003);
}

#[wasm_bindgen_test]
fn bad_bytes_throw_clear_errors_in_the_chosen_language() {
    let pdf = b"%PDF-1.7\n\x00\x01\x02";
    assert_eq!(
        message(crate::decode(pdf, "report.pdf", "en").unwrap_err()),
        "report.pdf: a binary file (such as a PDF, Word file, archive or image), not text"
    );
    assert_eq!(
        message(crate::decode(pdf, "input", "zh").unwrap_err()),
        "input：是二进制文件（如 PDF、Word、压缩包或图片），不是文本"
    );
    assert!(message(crate::decode(b"\xBA\xCF\xBC\xC6 12.50", "a.txt", "zh").unwrap_err()).contains("不是 UTF-8 文本"));
}

#[wasm_bindgen_test]
fn rules_lists_the_catalogue_with_titles_in_the_chosen_language() {
    let en = json(&crate::rules(None, "en"));
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
    let zh = json(&crate::rules(None, "zh"));
    assert_eq!(zh[0]["title"], hedui_core::rules::all()[0].info().title_zh);
    let performance = json(&crate::rules(Some(strings(&["performance"])), "zh"));
    let codes: Vec<&str> = performance.as_array().unwrap().iter().map(|r| r["code"].as_str().unwrap()).collect();
    assert!(!codes.is_empty() && codes.iter().all(|code| code.starts_with('P')), "{codes:?}");
}
