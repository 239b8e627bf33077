//! Input: the editor, and files picked or dropped.

use hedui_core::decode::DecodeError;
use wasm_bindgen_futures::JsFuture;
use web_sys::{File, FileList, HtmlInputElement, HtmlTextAreaElement, InputEvent};
use yew::prelude::*;

use crate::i18n::Lang;
use crate::pdf::Origin;
use crate::storage::Document;

/// Extensions read as text; `.pdf` goes to the PDF reader, office files (and text core cannot
/// decode: GBK) to the office reader (pdf.rs).
const TEXT_EXTENSIONS: [&str; 4] = ["txt", "md", "csv", "tsv"];
/// Office files: workbooks, then Word documents and WPS's own formats (which the reader refuses
/// with how to save them as .docx/.xlsx).
const OFFICE_EXTENSIONS: [&str; 8] = ["xlsx", "xlsm", "xls", "ods", "et", "docx", "doc", "wps"];

/// The five corpus documents, shipped beside the app in `examples/` (copied at build time)
/// and fetched from the same origin when asked for, so they add nothing to the page's load
/// (the service worker precaches them afterwards, for offline use): file name and a short
/// description.
pub const EXAMPLES: [(&str, &str); 5] = [
    ("000_a60f2e9b14e82395.txt", "000 驻京联络处 2023 决算"),
    ("001_1a1813143cd16474.txt", "001 怀化驻京办 2023 绩效自评"),
    ("002_2a4a6f0d8c259386.txt", "002 市政府办公室 2024 决算"),
    ("003_1cc174f46883e4ef.txt", "003 驻京联络处 2024 预算"),
    ("004_2209d00c77695512.txt", "004 荷塘区委办 2023 决算"),
];

/// Loads an example document shipped with the app.
pub async fn fetch_example(file: &str) -> Option<Document> {
    let window = web_sys::window()?;
    let response: web_sys::Response =
        JsFuture::from(window.fetch_with_str(&format!("examples/{file}"))).await.ok()?.into();
    if !response.ok() {
        return None;
    }
    let text = JsFuture::from(response.text().ok()?).await.ok()?.as_string()?;
    Some(Document { name: file.to_string(), text, origin: Origin::Text })
}

/// Why a file could not be opened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileProblem {
    Unsupported(String),
    /// The file's bytes are not text core can read (binary, or an encoding it does not take).
    Unreadable(String, DecodeError),
    /// The browser could not hand over the file's bytes.
    Unavailable(String),
    /// An example document could not be fetched (the app was deployed without `examples/`).
    ExampleUnavailable(String),
}

impl FileProblem {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            FileProblem::Unsupported(name) => (lang.texts().unsupported)(name),
            FileProblem::Unreadable(name, why) => (lang.texts().unreadable)(name, lang.pick(why.zh(), why.en())),
            FileProblem::Unavailable(name) => (lang.texts().unreadable)(
                name,
                lang.pick("浏览器未能读取该文件", "the browser could not read the file"),
            ),
            FileProblem::ExampleUnavailable(name) => format!("{}：{name}", lang.texts().example_failed),
        }
    }
}

/// The files of a list, taken out of it (an input's list empties when the input is reset).
pub fn files_of(list: &FileList) -> Vec<File> {
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}

/// A file opened: a text document, a PDF for its reader, or a file for the office reader (and
/// whether it is a workbook).
pub enum Opened {
    Text(Document),
    Pdf(File),
    Office(File, bool),
}

/// Reads every file, in order: texts as documents, PDFs handed on as they are, the rest as
/// problems to show.
pub async fn read_files(files: Vec<File>) -> (Vec<Opened>, Vec<FileProblem>) {
    let mut opened = Vec::new();
    let mut problems = Vec::new();
    for file in files {
        match read_file(file).await {
            Ok(file) => opened.push(file),
            Err(problem) => problems.push(problem),
        }
    }
    (opened, problems)
}

async fn read_file(file: File) -> Result<Opened, FileProblem> {
    let name = file.name();
    let extension = name.rsplit_once('.').map(|(_, ext)| ext.to_ascii_lowercase()).unwrap_or_default();
    if extension == "pdf" {
        return Ok(Opened::Pdf(file));
    }
    if let Some(at) = OFFICE_EXTENSIONS.iter().position(|&e| e == extension) {
        return Ok(Opened::Office(file, at < 5));
    }
    if !TEXT_EXTENSIONS.contains(&extension.as_str()) {
        return Err(FileProblem::Unsupported(name));
    }
    let buffer = JsFuture::from(file.array_buffer()).await.map_err(|_| FileProblem::Unavailable(name.clone()))?;
    let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
    let text = match hedui_core::decode::decode(&bytes) {
        Ok(text) => text,
        Err(DecodeError::NotUtf8) => return Ok(Opened::Office(file, false)),
        Err(why) => return Err(FileProblem::Unreadable(name, why)),
    };
    let text = if extension == "csv" { csv_to_tabs(&text) } else { text };
    Ok(Opened::Text(Document { name, text, origin: Origin::Text }))
}

/// A CSV file as tab-separated rows, the table layout the reader understands
/// (quoted fields may hold commas, doubled quotes and line breaks).
fn csv_to_tabs(csv: &str) -> String {
    let mut out = String::with_capacity(csv.len());
    let mut quoted = false;
    let mut chars = csv.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                chars.next();
                out.push('"');
            }
            ('"', _) => quoted = !quoted,
            (',', false) => out.push('\t'),
            ('\n' | '\r' | '\t', true) => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

#[derive(Properties, PartialEq)]
pub struct EditorProps {
    pub lang: Lang,
    pub text: AttrValue,
    /// A PDF still being read, or one that could not be read, has no text to edit: the editor
    /// is read-only and says so in place of the placeholder.
    #[prop_or_default]
    pub status: Option<AttrValue>,
    /// The new text, and whether to check it at once (a paste) rather than after typing stops.
    pub on_input: Callback<(String, bool)>,
}

/// The large text area; a paste or any large change is checked at once, typing is debounced.
/// An input event that leaves the text as it was is ignored (Chromium sends one per line when
/// text is inserted programmatically, all after the whole text is in).
#[function_component(Editor)]
pub fn editor(props: &EditorProps) -> Html {
    let texts = props.lang.texts();
    let oninput = {
        let on_input = props.on_input.clone();
        let before = props.text.clone();
        Callback::from(move |event: InputEvent| {
            let area: HtmlTextAreaElement = event.target_unchecked_into();
            let value = area.value();
            if value == *before {
                return;
            }
            let pasted =
                event.input_type().starts_with("insertFromPaste") || event.input_type().starts_with("insertFromDrop");
            let at_once = pasted || value.len().abs_diff(before.len()) > 200;
            on_input.emit((value, at_once));
        })
    };
    html! {
        <div class="editor-wrap">
            <label class="visually-hidden" for="input">{ texts.input_label }</label>
            <textarea id="input" data-testid="input" class="editor" value={props.text.clone()} {oninput}
                placeholder={props.status.clone().unwrap_or(AttrValue::Static(texts.placeholder))} readonly={props.status.is_some()} spellcheck="false" />
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct SourceBarProps {
    pub lang: Lang,
    pub on_files: Callback<Vec<File>>,
    pub on_example: Callback<&'static str>,
    pub on_clear: Callback<()>,
}

/// Open files, or clear everything.
#[function_component(SourceBar)]
pub fn source_bar(props: &SourceBarProps) -> Html {
    let texts = props.lang.texts();
    let onchange = {
        let on_files = props.on_files.clone();
        Callback::from(move |event: Event| {
            let input: HtmlInputElement = event.target_unchecked_into();
            if let Some(files) = input.files() {
                on_files.emit(files_of(&files));
            }
            input.set_value("");
        })
    };
    let on_clear = props.on_clear.clone();
    html! {
        <div class="source-bar">
            <label class="button file-button">
                { texts.open_files }
                <input type="file" multiple=true data-testid="file-input" accept=".txt,.md,.csv,.tsv,.pdf,.xlsx,.xlsm,.xls,.ods,.et,.docx,.doc,.wps,text/plain,text/markdown,text/csv,application/pdf"
                    class="visually-hidden" {onchange} />
            </label>
            <span class="hint">{ texts.drop_hint }</span>
            <span class="examples" role="group" aria-label={texts.examples}>
                <span class="hint">{ texts.examples }</span>
                { for EXAMPLES.iter().map(|&(file, label)| {
                    let on_example = props.on_example.clone();
                    html! {
                        <button type="button" class="button subtle" data-testid="example" data-file={file}
                            onclick={Callback::from(move |_| on_example.emit(file))}>{ label }</button>
                    }
                }) }
            </span>
            <button type="button" class="button subtle" data-testid="clear" onclick={Callback::from(move |_| on_clear.emit(()))}>{ texts.clear }</button>
        </div>
    }
}

/// The files of a drop, if it carried any.
pub fn dropped_files(event: &DragEvent) -> Option<Vec<File>> {
    event
        .data_transfer()
        .and_then(|transfer| transfer.files())
        .map(|list| files_of(&list))
        .filter(|files| !files.is_empty())
}

/// Whether a drag carries files (so the page accepts the drop instead of the browser opening it).
pub fn drags_files(event: &DragEvent) -> bool {
    event
        .data_transfer()
        .is_some_and(|transfer| transfer.types().iter().any(|t| t.as_string().as_deref() == Some("Files")))
}
