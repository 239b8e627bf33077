//! JS API over `hedui-core` for embedding in a web page (docs/js-api.md). No UI framework in here.
//!
//! Reports cross the boundary as JSON text turned into plain JS objects by `JSON.parse`:
//! the same objects as the CLI's `--format json`, and far less code than a serde bridge.

use hedui_core::decode::{decode as decode_bytes, DecodeError};
use hedui_core::rules::{self, Category, RuleInfo, Severity};
use hedui_core::CheckOptions;
use js_sys::{Array, ArrayBuffer, Object, Reflect, Uint8Array, JSON};
use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Talc instead of Rust's default wasm allocator (dlmalloc): about 3 KB gzip smaller, and faster.
#[cfg(target_family = "wasm")]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

/// Checks one document (a string, or its bytes as a `Uint8Array`/`ArrayBuffer`) or several
/// (an array of `{source?, text}` / `{source?, bytes}`) with the rules of `options.categories`
/// (all by default): the same report as `hedui check --format json` (docs/report-schema.md).
#[wasm_bindgen]
pub fn check(input: JsValue, options: JsValue) -> Result<JsValue, JsError> {
    let options = Options::read(&options)?;
    let documents = documents(&input, &options)?;
    let pairs: Vec<(&str, &str)> = documents.iter().map(|(source, text)| (source.as_str(), text.as_str())).collect();
    let check_options = CheckOptions { categories: options.categories.clone() };
    Ok(to_js(&hedui_core::check_with(&pairs, &check_options)))
}

/// Reads one document (a string or its bytes): the same report as `hedui parse --format json`
/// (docs/parse-schema.md).
#[wasm_bindgen]
pub fn parse(input: JsValue, options: JsValue) -> Result<JsValue, JsError> {
    let options = Options::read(&options)?;
    if Array::is_array(&input) {
        return Err(options.language.error("parse() 只读一个文档：字符串或字节", "parse() reads one document: a string or bytes"));
    }
    let mut documents = documents(&input, &options)?;
    let (source, text) = documents.remove(0);
    Ok(to_js(&hedui_core::parse(&source, &text)))
}

/// The rule catalogue (of `options.categories`, all by default), in code order; `title` is in
/// `options.language`.
#[wasm_bindgen]
pub fn rules(options: JsValue) -> Result<JsValue, JsError> {
    let options = Options::read(&options)?;
    let catalogue: Vec<RuleEntry> = rules::all()
        .iter()
        .map(|rule| rule.info())
        .filter(|info| options.categories.as_ref().is_none_or(|categories| categories.contains(&info.category)))
        .map(|info| RuleEntry::new(info, options.language))
        .collect();
    Ok(to_js(&catalogue))
}

/// Decodes a file's bytes (`Uint8Array` or `ArrayBuffer`) as `check()` does: UTF-8 (a byte-order
/// mark is dropped) or UTF-16 with a byte-order mark; throws for binary data and other encodings.
#[wasm_bindgen]
pub fn decode(bytes: JsValue, options: JsValue) -> Result<String, JsError> {
    let options = Options::read(&options)?;
    let bytes = bytes_of(&bytes).ok_or_else(|| options.language.error("decode() 的参数须为 Uint8Array 或 ArrayBuffer", "decode() takes a Uint8Array or an ArrayBuffer"))?;
    decode_bytes(&bytes).map_err(|e| options.language.decode_error(&options.source, e))
}

/// The language of what the API itself writes: rule titles and error messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Language {
    Zh,
    En,
}

impl Language {
    fn error(self, zh: &str, en: &str) -> JsError {
        JsError::new(match self {
            Language::Zh => zh,
            Language::En => en,
        })
    }

    fn decode_error(self, source: &str, error: DecodeError) -> JsError {
        match self {
            Language::Zh => JsError::new(&format!("{source}：{}", error.zh())),
            Language::En => JsError::new(&format!("{source}: {}", error.en())),
        }
    }
}

/// `{ language?: 'zh' | 'en', categories?: string[], source?: string }`.
struct Options {
    language: Language,
    categories: Option<Vec<Category>>,
    source: String,
}

impl Options {
    fn read(value: &JsValue) -> Result<Options, JsError> {
        let mut options = Options { language: Language::Zh, categories: None, source: "input".to_string() };
        if value.is_undefined() || value.is_null() {
            return Ok(options);
        }
        if !value.is_object() || Array::is_array(value) {
            return Err(JsError::new("options 须为对象 (options must be an object): { language, categories, source }"));
        }
        let language = property(value, "language");
        options.language = match language.as_string().as_deref() {
            _ if language.is_undefined() => Language::Zh,
            Some("zh") => Language::Zh,
            Some("en") => Language::En,
            _ => return Err(JsError::new("language 须为 'zh' 或 'en' (language must be 'zh' or 'en')")),
        };
        let language = options.language;
        let object: &Object = value.unchecked_ref();
        for key in Object::keys(object).iter() {
            let key = key.as_string().unwrap_or_default();
            if !["language", "categories", "source"].contains(&key.as_str()) {
                return Err(language.error(
                    &format!("未知的选项：{key}（可用：language、categories、source）"),
                    &format!("unknown option: {key} (known: language, categories, source)"),
                ));
            }
        }
        let source = property(value, "source");
        if !source.is_undefined() {
            options.source = source.as_string().ok_or_else(|| language.error("source 须为字符串", "source must be a string"))?;
        }
        let categories = property(value, "categories");
        if !categories.is_undefined() {
            options.categories = Some(read_categories(&categories, language)?);
        }
        Ok(options)
    }
}

/// Category names (`table_arithmetic`, …) as core's categories; unknown names are an error.
fn read_categories(value: &JsValue, language: Language) -> Result<Vec<Category>, JsError> {
    let mut known: Vec<Category> = rules::all().iter().map(|rule| rule.info().category).collect();
    hedui_core::sorting::sort_by_key(&mut known, |&category| category);
    known.dedup();
    let names: Vec<String> = known.iter().map(|&category| name_of(category)).collect();
    let not_a_list = || language.error("categories 须为字符串数组", "categories must be an array of strings");
    let list: &Array = value.dyn_ref().ok_or_else(not_a_list)?;
    list.iter()
        .map(|item| {
            let name = item.as_string().ok_or_else(not_a_list)?;
            let index = names.iter().position(|known| *known == name).ok_or_else(|| {
                language.error(
                    &format!("未知的规则类别：{name}（可用：{}）", names.join("、")),
                    &format!("unknown category: {name} (known: {})", names.join(", ")),
                )
            })?;
            Ok(known[index])
        })
        .collect()
}

/// The category's name in the report (`table_arithmetic`).
fn name_of(category: Category) -> String {
    serde_json::to_string(&category).expect("a category serialises").trim_matches('"').to_string()
}

/// The documents of `input` as `(source, text)`.
fn documents(input: &JsValue, options: &Options) -> Result<Vec<(String, String)>, JsError> {
    let language = options.language;
    let bad_input = || {
        language.error(
            "输入须为字符串、Uint8Array、ArrayBuffer，或 {source, text} / {source, bytes} 的数组",
            "input must be a string, a Uint8Array, an ArrayBuffer, or an array of {source, text} / {source, bytes}",
        )
    };
    if let Some(list) = input.dyn_ref::<Array>() {
        return list
            .iter()
            .enumerate()
            .map(|(index, item)| {
                if !item.is_object() {
                    return Err(bad_input());
                }
                let source = property(&item, "source");
                let source = match source.as_string() {
                    Some(source) => source,
                    None if source.is_undefined() => format!("input-{}", index + 1),
                    None => return Err(language.error("source 须为字符串", "source must be a string")),
                };
                let (text, bytes) = (property(&item, "text"), property(&item, "bytes"));
                let text = match (text.as_string(), text.is_undefined(), bytes.is_undefined()) {
                    (Some(text), _, true) => text,
                    (None, true, false) => {
                        let bytes = bytes_of(&bytes).ok_or_else(bad_input)?;
                        decode_bytes(&bytes).map_err(|e| language.decode_error(&source, e))?
                    }
                    _ => {
                        return Err(language.error(
                            &format!("{source}：每个文档须有 text（字符串）或 bytes（Uint8Array）之一"),
                            &format!("{source}: each document needs either text (a string) or bytes (a Uint8Array)"),
                        ))
                    }
                };
                Ok((source, text))
            })
            .collect();
    }
    let text = match input.as_string() {
        Some(text) => text,
        None => {
            let bytes = bytes_of(input).ok_or_else(bad_input)?;
            decode_bytes(&bytes).map_err(|e| language.decode_error(&options.source, e))?
        }
    };
    Ok(vec![(options.source.clone(), text)])
}

/// The bytes of a `Uint8Array` or an `ArrayBuffer`.
fn bytes_of(value: &JsValue) -> Option<Vec<u8>> {
    if let Some(array) = value.dyn_ref::<Uint8Array>() {
        return Some(array.to_vec());
    }
    value.dyn_ref::<ArrayBuffer>().map(|buffer| Uint8Array::new(buffer).to_vec())
}

fn property(object: &JsValue, key: &str) -> JsValue {
    Reflect::get(object, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
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
    fn new(info: &RuleInfo, language: Language) -> RuleEntry {
        let title = if language == Language::En { info.title_en } else { info.title_zh };
        RuleEntry { code: info.code, name: info.name, title, title_zh: info.title_zh, title_en: info.title_en, category: info.category, severity: info.severity }
    }
}

/// A plain JS object (what `JSON.parse` makes of the value's JSON).
fn to_js<T: Serialize>(value: &T) -> JsValue {
    let json = serde_json::to_string(value).expect("reports serialise");
    // Not `expect`: formatting the JS error would pull wasm-bindgen's debug printer into the glue.
    JSON::parse(&json).unwrap_or_else(|_| panic!("JSON.parse reads serde_json's JSON"))
}

#[cfg(test)]
mod tests;
