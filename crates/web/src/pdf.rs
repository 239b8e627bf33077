//! PDFs and office files, read in Web Workers so that the page never waits: `pdf/worker.js` over
//! crates/pdf-worker's module, `office/worker.js` over crates/office-worker's (built by xtask,
//! fetched only when such a file is opened; the app itself carries no PDF or office code). The
//! PDF worker reports each page read, then hands over the layout text core checks, where each
//! glyph of that text is on the pages, and the pages drawn for the page view; the office worker
//! hands over the text of a document's files (workbooks, Word documents, GBK text) and the file
//! and cell or paragraph each piece of it came from.

use std::cell::RefCell;
use std::rc::Rc;

use hedui_core::layout::GlyphPlaces;
use hedui_core::positioned::SourcePlaces;
use js_sys::{Array, Reflect, Uint8Array};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{ErrorEvent, MessageEvent, Worker, WorkerOptions, WorkerType};
use yew::platform::spawn_local;
use yew::{AttrValue, Callback};

use crate::i18n::Lang;
use crate::storage::text_hash;

/// The worker scripts, relative to the page (xtask/src/workers.rs puts them there).
pub const PDF_WORKER: &str = "pdf/worker.js";
pub const OFFICE_WORKER: &str = "office/worker.js";

/// Where a document's text comes from.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Origin {
    /// Pasted, or read from a text file.
    #[default]
    Text,
    /// A PDF or office files a worker is reading (`id` tells its reports apart): pages read, of
    /// how many (0 of 0 until the worker has started, and for office files).
    Reading { id: u32, page: usize, pages: usize },
    /// A PDF that could not be read.
    Failed(PdfProblem),
    /// A PDF or office files read: the document's text is theirs (until edited).
    Pdf(Rc<PdfLayout>),
}

impl Origin {
    /// Whether the document has a text to show, check and keep (not a PDF being read or failed).
    pub fn has_text(&self) -> bool {
        matches!(self, Origin::Text | Origin::Pdf(_))
    }
}

/// Where a PDF's layout text stands on its pages, and the pages as published; or, for office
/// files (no pages), the file and cell or paragraph of each piece of their text.
#[derive(Debug)]
pub struct PdfLayout {
    /// The hash of the text the places belong to (an edited text has no places).
    pub text_hash: u64,
    pub places: GlyphPlaces,
    /// `places` as the reader sent them (postcard), and `sources` (`SourcePlaces` lines): what
    /// the diagnosis module places the exported report's findings with.
    pub sent_places: Vec<u8>,
    pub sent_sources: String,
    pub pages: Vec<Sheet>,
    pub sources: SourcePlaces,
    /// What the office reader says of how it read the files (hidden sheets and rows skipped,
    /// the encoding a text was read in), zh and en, as the CLI prints them.
    pub notes: Vec<(String, String)>,
}

/// A page as the worker drew it.
#[derive(Debug)]
pub struct Sheet {
    /// `0 0 width height` in tenths of a point, the coordinates of `svg` and of the boxes drawn
    /// over it.
    pub view_box: String,
    /// Its text as an `<svg>` element.
    pub svg: AttrValue,
}

/// Layouts are compared by identity, as analyses are.
impl PartialEq for PdfLayout {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}

impl Eq for PdfLayout {}

/// Why a PDF could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PdfProblem {
    /// The reader's reason (scanned, encrypted, damaged, too large, not a PDF), in both languages.
    Unreadable { zh: String, en: String },
    /// The reader itself failed: its module did not load, or it stopped. The detail is the
    /// browser's, for a bug report.
    Crashed(String),
}

impl PdfProblem {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            PdfProblem::Unreadable { zh, en } => lang.pick(zh, en).to_string(),
            PdfProblem::Crashed(detail) => (lang.texts().pdf_crashed)(detail),
        }
    }
}

/// What the worker reports about one PDF: progress, then the outcome.
pub enum PdfEvent {
    Progress { page: usize, pages: usize },
    Read { text: String, layout: PdfLayout },
    Failed(PdfProblem),
}

/// The worker of one PDF and its handlers, dropped when it has reported the outcome.
struct Job {
    worker: Worker,
    _on_message: Closure<dyn FnMut(MessageEvent)>,
    _on_error: Closure<dyn FnMut(ErrorEvent)>,
}

/// Reads `files` (a PDF `File`, or an array of the office files of one document) in a new worker
/// of `script` (which reads their bytes: the page never holds them); `on_event` gets its
/// progress, then (once) the outcome.
pub fn read_in_worker(script: &str, files: &JsValue, on_event: Callback<PdfEvent>) {
    let options = WorkerOptions::new();
    options.set_type(WorkerType::Module);
    let worker = match Worker::new_with_options(script, &options) {
        Ok(worker) => worker,
        Err(error) => return on_event.emit(PdfEvent::Failed(PdfProblem::Crashed(describe(&error)))),
    };
    let job: Rc<RefCell<Option<Job>>> = Rc::new(RefCell::new(None));
    // Terminates the worker; its handlers are dropped after the one running returns.
    let finish = {
        let job = job.clone();
        move || {
            if let Some(job) = job.borrow_mut().take() {
                job.worker.terminate();
                spawn_local(async move { drop(job) });
            }
        }
    };
    let on_message = {
        let on_event = on_event.clone();
        let finish = finish.clone();
        Closure::<dyn FnMut(MessageEvent)>::new(move |message: MessageEvent| {
            let event = event_of(&message.data());
            let last = !matches!(event, PdfEvent::Progress { .. });
            on_event.emit(event);
            if last {
                finish();
            }
        })
    };
    let on_error = Closure::<dyn FnMut(ErrorEvent)>::new(move |error: ErrorEvent| {
        // Handled here: the page shows it, the console need not.
        error.prevent_default();
        on_event.emit(PdfEvent::Failed(PdfProblem::Crashed(error.message())));
        finish();
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    let _ = worker.post_message(files);
    *job.borrow_mut() = Some(Job { worker, _on_message: on_message, _on_error: on_error });
}

/// A worker's message (web/pdf-worker.js) as an event.
fn event_of(data: &JsValue) -> PdfEvent {
    let field = |name: &str| Reflect::get(data, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED);
    let number = |name: &str| field(name).as_f64().unwrap_or(0.0) as usize;
    let text = |name: &str| field(name).as_string().unwrap_or_default();
    match field("type").as_string().as_deref() {
        Some("progress") => PdfEvent::Progress { page: number("page"), pages: number("pages") },
        Some("done") => {
            let text = text("text");
            // The PDF reader sends places (postcard) and pages, the office reader its sources.
            let pages: Vec<Sheet> = field("pages")
                .dyn_into::<Array>()
                .map(|pages| pages.iter().map(|page| sheet(&page)).collect())
                .unwrap_or_default();
            let sent_places =
                field("places").dyn_into::<Uint8Array>().map(|places| places.to_vec()).unwrap_or_default();
            let places = if sent_places.is_empty() {
                Some(GlyphPlaces::default())
            } else {
                postcard::from_bytes(&sent_places).ok()
            };
            let sent_sources = field("sources").as_string().unwrap_or_default();
            let sources = SourcePlaces::from_lines(&sent_sources);
            let note = |note: JsValue| {
                let part = |name: &str| {
                    Reflect::get(&note, &JsValue::from_str(name)).ok().and_then(|v| v.as_string()).unwrap_or_default()
                };
                (part("zh"), part("en"))
            };
            let notes =
                field("notes").dyn_into::<Array>().map(|notes| notes.iter().map(note).collect()).unwrap_or_default();
            match places {
                Some(places) => PdfEvent::Read {
                    layout: PdfLayout {
                        text_hash: text_hash(&text),
                        places,
                        sent_places,
                        sent_sources,
                        pages,
                        sources,
                        notes,
                    },
                    text,
                },
                None => PdfEvent::Failed(PdfProblem::Crashed("unreadable places from the reader".to_string())),
            }
        }
        Some("error") => PdfEvent::Failed(PdfProblem::Unreadable { zh: text("zh"), en: text("en") }),
        _ => PdfEvent::Failed(PdfProblem::Crashed("unknown message from the PDF reader".to_string())),
    }
}

/// A page of the worker's `pages`: `{width, height}` in points and `svg`.
fn sheet(page: &JsValue) -> Sheet {
    let field = |name: &str| Reflect::get(page, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED);
    let tenths = |name: &str| (field(name).as_f64().unwrap_or(0.0) * 10.0).round() as i64;
    Sheet {
        view_box: format!("0 0 {} {}", tenths("width"), tenths("height")),
        svg: field("svg").as_string().unwrap_or_default().into(),
    }
}

fn describe(error: &JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| error.as_string())
        .unwrap_or_default()
}
