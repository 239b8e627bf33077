//! JS API over `hedui-core` for embedding in a web page (docs/js-api.md). No UI framework in here.
//!
//! `web/embed/hedui.js` is the API a page imports: it checks the options and the shape of the
//! input (plain JS, far smaller than doing it here), calls these functions with plain values
//! and turns the JSON text they return into objects with `JSON.parse`: the same objects as the
//! CLI's `--format json`.

use hedui_core::decode::decode as decode_bytes;
use hedui_core::finding::{Category, Severity};
use hedui_core::rules::{self, RuleInfo};
use hedui_core::CheckOptions;
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// Talc instead of Rust's default wasm allocator (dlmalloc): about 3 KB gzip smaller, and faster.
#[cfg(target_family = "wasm")]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

/// Checks the documents `texts` (named by `sources`, one each) together with the rules of
/// `categories` (all when `None`): the same report as `hedui check --format json`
/// (docs/report-schema.md), as JSON text.
#[wasm_bindgen]
pub fn check(sources: Vec<String>, texts: Vec<String>, categories: Option<Vec<String>>) -> String {
    let documents: Vec<(&str, &str)> =
        sources.iter().map(String::as_str).zip(texts.iter().map(String::as_str)).collect();
    let options =
        CheckOptions { categories: categories.map(|names| categories_named(&names)), ..CheckOptions::default() };
    to_json(&hedui_core::check_with(&documents, &options))
}

/// The rule catalogue (of `categories`, all when `None`) as JSON text, in code order; `title` is
/// in `language` (`"zh"` or `"en"`).
#[wasm_bindgen]
pub fn rules(categories: Option<Vec<String>>, language: &str) -> String {
    let categories = categories.map(|names| categories_named(&names));
    let catalogue: Vec<RuleEntry> = rules::all()
        .iter()
        .map(|rule| rule.info())
        .filter(|info| categories.as_ref().is_none_or(|categories| categories.contains(&info.category)))
        .map(|info| RuleEntry::new(info, language == "en"))
        .collect();
    to_json(&catalogue)
}

/// Decodes the bytes of the file `source` as the CLI does: UTF-8 (a byte-order mark is dropped)
/// or UTF-16 with a byte-order mark; throws for binary data and other encodings, in `language`.
#[wasm_bindgen]
pub fn decode(bytes: &[u8], source: &str, language: &str) -> Result<String, JsError> {
    decode_bytes(bytes).map_err(|error| match language {
        "en" => JsError::new(&format!("{source}: {}", error.en())),
        _ => JsError::new(&format!("{source}：{}", error.zh())),
    })
}

/// The categories named in `names` (`table_arithmetic`, …); hedui.js has refused unknown names.
fn categories_named(names: &[String]) -> Vec<Category> {
    let mut categories: Vec<Category> = rules::all()
        .iter()
        .map(|rule| rule.info().category)
        .filter(|&category| names.contains(&name_of(category)))
        .collect();
    hedui_core::sorting::sort_by_key(&mut categories, |&category| category);
    categories.dedup();
    categories
}

/// The category's name in the report (`table_arithmetic`).
fn name_of(category: Category) -> String {
    to_json(&category).trim_matches('"').to_string()
}

/// One rule in `rules()`.
#[derive(Serialize)]
struct RuleEntry {
    code: &'static str,
    name: &'static str,
    title: &'static str,
    title_zh: &'static str,
    title_en: &'static str,
    category: Category,
    severity: Severity,
}

impl RuleEntry {
    fn new(info: &RuleInfo, english: bool) -> RuleEntry {
        let title = if english { info.title_en } else { info.title_zh };
        RuleEntry {
            code: info.code,
            name: info.name,
            title,
            title_zh: info.title_zh,
            title_en: info.title_en,
            category: info.category,
            severity: info.severity,
        }
    }
}

/// The value's JSON. Not `expect`: formatting serde_json's error would ship its messages.
fn to_json<T: Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_else(|_| panic!("the report types serialise to JSON"))
}

#[cfg(test)]
mod tests;
