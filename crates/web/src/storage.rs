//! What the browser remembers (localStorage, never sent anywhere): the open documents,
//! the language, dismissed findings per document, and whether the last check crashed.

use hedui_core::sorted_map::SortedMap;
use web_sys::Storage;

use crate::i18n::Lang;
use crate::pdf::Origin;

const DOCUMENTS_KEY: &str = "hedui.documents";
const LANG_KEY: &str = "hedui.lang";
const CRASHED_KEY: &str = "hedui.crashed";
/// Followed by the document's key (`Analysis::document_key`).
const DISMISSALS_PREFIX: &str = "hedui.dismissals.";

/// One open document: its name, its text as pasted or read from a file, and where that text
/// comes from (a PDF's is kept as text: its pages live only as long as the page).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    pub name: String,
    pub text: String,
    pub origin: Origin,
}

/// The autosaved input: every open document and which one is shown.
#[derive(Debug, Clone, Default)]
pub struct SavedInput {
    pub documents: Vec<Document>,
    pub active: usize,
}

/// Dismissed findings of one document: finding key (`finding_keys`) → reason (may be empty).
pub type Dismissals = SortedMap<String, String>;

fn local() -> Option<Storage> {
    web_sys::window()?.local_storage().ok()?
}

fn get(key: &str) -> Option<String> {
    local()?.get_item(key).ok()?
}

/// Stores `value`; a full or disabled storage only loses the autosave, never the page.
fn set(key: &str, value: &str) {
    if let Some(storage) = local() {
        let _ = storage.set_item(key, value);
    }
}

fn remove(key: &str) {
    if let Some(storage) = local() {
        let _ = storage.remove_item(key);
    }
}

pub fn load_input() -> SavedInput {
    get(DOCUMENTS_KEY).and_then(|saved| decode_input(&saved)).unwrap_or_default()
}

/// Saves the documents that have a text (not a PDF still being read, or one that failed).
pub fn save_input(documents: &[Document], active: usize) {
    let kept = documents.iter().filter(|d| d.origin.has_text());
    let active = documents[..active].iter().filter(|d| d.origin.has_text()).count();
    set(DOCUMENTS_KEY, &encode_input(kept, active));
}

/// `active;` then `name-length:name text-length:text` per document (lengths in bytes):
/// a plain format that needs no JSON parser in the shipped app.
fn encode_input<'a>(documents: impl Iterator<Item = &'a Document>, active: usize) -> String {
    let mut out = format!("{active};");
    for document in documents {
        for field in [&document.name, &document.text] {
            out.push_str(&field.len().to_string());
            out.push(':');
            out.push_str(field);
        }
    }
    out
}

fn decode_input(saved: &str) -> Option<SavedInput> {
    let (active, mut rest) = saved.split_once(';')?;
    let mut fields = Vec::new();
    while !rest.is_empty() {
        let (length, after) = rest.split_once(':')?;
        let length: usize = length.parse().ok()?;
        fields.push(after.get(..length)?.to_string());
        rest = &after[length..];
    }
    let documents = fields.chunks(2).filter_map(|pair| match pair {
        [name, text] => Some(Document { name: name.clone(), text: text.clone(), origin: Origin::Text }),
        _ => None,
    });
    Some(SavedInput { documents: documents.collect(), active: active.parse().ok()? })
}

pub fn forget_input() {
    remove(DOCUMENTS_KEY);
}

pub fn load_lang() -> Lang {
    if get(LANG_KEY).as_deref() == Some("en") {
        Lang::En
    } else {
        Lang::Zh
    }
}

pub fn save_lang(lang: Lang) {
    set(LANG_KEY, lang.code());
}

/// Called from the panic hook, so that the next load restores the input without checking it.
pub fn mark_crashed() {
    set(CRASHED_KEY, "1");
}

pub fn crashed() -> bool {
    get(CRASHED_KEY).is_some()
}

pub fn clear_crashed() {
    remove(CRASHED_KEY);
}

/// FNV-1a of the text: whether a PDF's layout text is still as read; the ids of links (`link`).
pub fn text_hash(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |hash, byte| (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3))
}

pub fn load_dismissals(document: &str) -> Dismissals {
    let saved = get(&format!("{DISMISSALS_PREFIX}{document}")).unwrap_or_default();
    // Inserted one by one: collecting into a map sorts the pairs first, with a copy of the
    // standard sort for them.
    let mut dismissals = Dismissals::new();
    for (key, reason) in saved.lines().filter_map(|line| line.split_once('\t')) {
        dismissals.insert(key.to_string(), reason.to_string());
    }
    dismissals
}

/// One `key<TAB>reason` line per dismissed finding.
pub fn save_dismissals(document: &str, dismissals: &Dismissals) {
    let key = format!("{DISMISSALS_PREFIX}{document}");
    if dismissals.is_empty() {
        remove(&key);
        return;
    }
    let lines: Vec<String> = dismissals
        .iter()
        .map(|(finding, reason)| format!("{finding}\t{}", reason.replace(['\t', '\n', '\r'], " ")))
        .collect();
    set(&key, &lines.join("\n"));
}
