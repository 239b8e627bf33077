//! Input: the editor, and files picked or dropped.

use std::rc::Rc;

use hedui_core::decode::DecodeError;
use hedui_core::sorting::sort_positions;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Element, File, FileList, HtmlInputElement, HtmlTextAreaElement, InputEvent, ScrollLogicalPosition};
use yew::prelude::*;

use crate::analysis::Analysis;
use crate::app::scroll_options;
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
    /// The text's check, whose open findings (`active`) are marked while it is the check of the
    /// text shown: an edit hides the markers until its own check arrives.
    pub analysis: Option<Rc<Analysis>>,
    pub active: Rc<Vec<usize>>,
    /// The finding of a marker clicked or stepped to, to select in the list.
    pub on_place: Callback<Vec<usize>>,
}

/// The large text area; a paste or any large change is checked at once, typing is debounced.
/// An input event that leaves the text as it was is ignored (Chromium sends one per line when
/// text is inserted programmatically, all after the whole text is in).
///
/// Behind the text area, a copy of its text with the same metrics (`editor-marks`) underlines
/// the findings' spans and marks their lines in the gutter; both grow to the text's height in
/// one scrolling frame, so they wrap and scroll together (`follow`: what clicks and F8 do).
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
    let text = props.text.as_str();
    let (marked, spans) = match &props.analysis {
        Some(analysis) if analysis.reading.text == text => marked_html(text, analysis, &props.active),
        _ => (escaped(text), Vec::new()),
    };
    // Nothing marked (no text, no finding, or typing since the check): nothing to step to.
    let disabled = if spans.is_empty() { " disabled" } else { "" };
    let spans = Rc::new(spans);
    let onclick = {
        let (spans, on_place) = (spans.clone(), props.on_place.clone());
        Callback::from(move |event: MouseEvent| follow(&spans, event.target_unchecked_into(), None, &on_place))
    };
    let on_place = props.on_place.clone();
    let onkeydown = Callback::from(move |event: KeyboardEvent| {
        if event.key() == "F8" {
            event.prevent_default();
            follow(&spans, event.target_unchecked_into(), Some(!event.shift_key()), &on_place);
        }
    });
    html! {
        <div class="editor-wrap" {onclick} {onkeydown}>
            // Static markup, cheaper in the wasm as a string than as Yew's nodes.
            { Html::from_html_unchecked(format!(
                r#"<div class="editor-bar"><button type="button" class="button subtle" data-testid="previous-finding" aria-keyshortcuts="Shift+F8"{disabled}>{}</button><button type="button" class="button subtle" data-testid="next-finding" aria-keyshortcuts="F8"{disabled}>{}</button></div><label class="visually-hidden" for="input">{}</label>"#,
                texts.previous_finding, texts.next_finding, texts.input_label).into()) }
            <div class="editor-frame">
                <div class="editor-marks" aria-hidden="true">{ Html::from_html_unchecked(marked.into()) }</div>
                <textarea id="input" data-testid="input" class="editor" value={props.text.clone()} {oninput}
                    placeholder={props.status.clone().unwrap_or(AttrValue::Static(texts.placeholder))} readonly={props.status.is_some()} spellcheck="false" />
            </div>
        </div>
    }
}

fn escaped(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;")
}

/// A marker: where its span is in the text area's value (UTF-16 units, as `selectionStart`
/// counts them) and its finding.
type Span = (u32, u32, usize);

/// `text` as HTML, the span of each finding `open` (indices in `analysis`) a `<mark>` of its
/// severity's class, and the markers' spans. A span is marked once, for its most severe
/// finding; a span overlapping one marked before it is not.
fn marked_html(text: &str, analysis: &Analysis, open: &[usize]) -> (String, Vec<Span>) {
    let findings = &analysis.report.findings;
    let span = |i: usize| findings[i].location.byte_start..findings[i].location.byte_end;
    let mut marked: Vec<usize> =
        open.iter().copied().filter(|&i| !span(i).is_empty() && text.get(span(i)).is_some()).collect();
    sort_positions(&mut marked, &|a, b| {
        (span(a).start, findings[a].severity).cmp(&(span(b).start, findings[b].severity))
    });
    // The text area's value has `\n` where the text has `\r\n`.
    let units = |piece: &str| (piece.encode_utf16().count() - piece.matches("\r\n").count()) as u32;
    let (mut html, mut spans, mut at, mut unit) = (String::new(), Vec::new(), 0, 0);
    for i in marked {
        let span = span(i);
        if span.start < at {
            continue;
        }
        let from = unit + units(&text[at..span.start]);
        let to = from + units(&text[span.clone()]);
        html += &format!(
            r#"{}<mark class="sev-{}">{}</mark>"#,
            escaped(&text[at..span.start]),
            findings[i].severity.en(),
            escaped(&text[span.clone()])
        );
        spans.push((from, to, i));
        (at, unit) = (span.end, to);
    }
    (html + &escaped(&text[at..]), spans)
}

/// Follows a click on `target` in the editor, or F8 (`forward`; Shift+F8 back): a click with
/// the caret in a marker's text selects its finding; its gutter mark, the buttons (by their
/// shortcut) and the keys also select its span, from the caret on to the next marker or back
/// to the one before (round at the ends). The marker is then scrolled to (a step's to the
/// middle of the frame).
fn follow(spans: &[Span], target: Element, forward: Option<bool>, on_place: &Callback<Vec<usize>>) {
    let Some(area) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("input")) else {
        return;
    };
    let area: HtmlTextAreaElement = area.unchecked_into();
    let caret = area.selection_start().ok().flatten().unwrap_or(0);
    let step = forward.or_else(|| target.get_attribute("aria-keyshortcuts").map(|k| k == "F8"));
    let (at, select) = match (step, target.tag_name().as_str()) {
        (Some(true), _) => (spans.iter().position(|s| s.0 > caret).unwrap_or(0), true),
        (Some(false), _) => (spans.iter().rposition(|s| s.0 < caret).unwrap_or(spans.len().wrapping_sub(1)), true),
        // The caret in a marker's text: its finding, the text as the user clicked it.
        (None, "TEXTAREA") => (spans.iter().position(|s| s.0 <= caret && caret <= s.1).unwrap_or(usize::MAX), false),
        // A gutter mark: the marker's place among the marks.
        (None, "MARK") => {
            let (mut at, mut mark) = (0, target);
            while let Some(before) = mark.previous_element_sibling() {
                (at, mark) = (at + 1, before);
            }
            (at, true)
        }
        _ => return,
    };
    let Some(&(from, to, finding)) = spans.get(at) else { return };
    // Selecting the finding scrolls the list to it (on a phone, the page): the marker is
    // scrolled to after.
    on_place.emit(vec![finding]);
    if select {
        let _ = area.focus();
        let _ = area.set_selection_range(from, to);
    }
    if let Some(mark) = area.previous_element_sibling().and_then(|marks| marks.children().item(at as u32)) {
        let block = if step.is_some() { ScrollLogicalPosition::Center } else { ScrollLogicalPosition::Nearest };
        mark.scroll_into_view_with_scroll_into_view_options(&scroll_options(block));
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

#[cfg(test)]
mod tests {
    use std::rc::Rc;

    use wasm_bindgen_test::*;

    use super::marked_html;
    use crate::analysis::{analyse, Reading};
    use crate::storage::Document;

    /// 000 with Windows line breaks and a line of markup characters: each marker's span, taken
    /// from the text area's value (`\r\n` read as `\n`, in UTF-16 units), is its finding's
    /// excerpt; the markers follow each other; the text is escaped.
    #[wasm_bindgen_test]
    fn markers_span_their_findings_in_the_text_areas_value() {
        let corpus = include_str!("../../../../shared/corpus/000_a60f2e9b14e82395.txt");
        let text = format!("{}\r\n<a&b>\r\n", corpus.replace('\n', "\r\n"));
        let document = Document { name: "000.txt".to_string(), text: text.clone(), origin: Default::default() };
        let analysis = analyse(&[Some(Rc::new(Reading::of(&document)))], &[]).remove(0).unwrap();
        let open: Vec<usize> = (0..analysis.report.findings.len()).collect();
        let (html, spans) = marked_html(&text, &analysis, &open);
        assert!(spans.len() >= 20, "{} markers", spans.len());
        assert!(spans.windows(2).all(|pair| pair[0].1 <= pair[1].0));
        let value: Vec<u16> = text.replace("\r\n", "\n").encode_utf16().collect();
        for (from, to, finding) in spans.iter().copied() {
            let marked = String::from_utf16(&value[from as usize..to as usize]).unwrap();
            assert_eq!(marked, analysis.report.findings[finding].location.excerpt);
        }
        assert_eq!(html.matches("<mark class=\"sev-").count(), spans.len());
        assert!(html.ends_with("\r\n&lt;a&amp;b>\r\n"));
    }
}
