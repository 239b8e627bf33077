//! The open documents, their readings and analyses, and the actions that change them (the
//! app's reducer): edits, files opened, PDFs and office files read, diagnoses arriving; and
//! `use_saved`, which saves the documents as an effect of their change.

use std::rc::Rc;

use yew::prelude::*;

use crate::analysis::{analyse, Analysis, Reading};
use crate::diagnosis::Changes;
use crate::link::link_id;
use crate::pdf::{read_in_worker, Origin, PdfEvent, PdfProblem};
use crate::storage::{self, Document};

/// The open documents, each with its latest reading and analysis, and which one is shown.
#[derive(PartialEq)]
pub struct Workspace {
    pub documents: Vec<Document>,
    pub readings: Vec<Option<Rc<Reading>>>,
    pub analyses: Vec<Option<Rc<Analysis>>>,
    pub active: usize,
    /// How often the documents or the one shown changed: [`use_saved`] saves them each time.
    changes: u32,
}

pub enum Action {
    /// The shown document's text changed.
    Edit(String),
    /// A reading finished; it is dropped if its text is no longer the document's.
    Read(usize, Rc<Reading>),
    /// Documents opened from files (a PDF being read has no reading yet); they replace a lone
    /// empty document.
    Open(Vec<(Document, Option<Rc<Reading>>)>),
    /// The PDF being read as `id` reports progress: pages read, of how many.
    PdfProgress(u32, usize, usize),
    /// The PDF being read as `id` was read (its document and reading), or could not be.
    PdfRead(u32, Result<(Document, Rc<Reading>), PdfProblem>),
    /// The diagnosis module's changes for the analyses of the readings checked together.
    Diagnosed(Vec<Rc<Reading>>, Changes),
    Show(usize),
    Close(usize),
    Clear,
}

impl Workspace {
    /// The saved documents (checked unless `check` is false), the one `linked` (`link::linked`)
    /// shown, else the one shown last.
    pub fn restored(saved: storage::SavedInput, check: bool, linked: Option<usize>) -> Self {
        let documents = if saved.documents.is_empty() { vec![empty_document()] } else { saved.documents };
        let readings: Vec<_> = documents.iter().map(|d| check.then(|| Rc::new(Reading::of(d)))).collect();
        let analyses = analyse(&readings, &[]);
        let active = analyses
            .iter()
            .position(|a| a.as_ref().is_some_and(|a| Some(link_id(&a.document_key())) == linked))
            .unwrap_or(saved.active.min(documents.len() - 1));
        Workspace { documents, readings, analyses, active, changes: 0 }
    }

    pub fn active_document(&self) -> &Document {
        &self.documents[self.active]
    }

    pub fn active_analysis(&self) -> Option<Rc<Analysis>> {
        self.analyses[self.active].clone()
    }

    /// The document of the PDF being read as `id` (none once it was closed).
    fn reading_pdf(&self, id: u32) -> Option<usize> {
        self.documents.iter().position(|d| matches!(d.origin, Origin::Reading { id: reading, .. } if reading == id))
    }
}

fn empty_document() -> Document {
    Document { name: String::new(), text: String::new(), origin: Origin::Text }
}

impl Reducible for Workspace {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = Workspace {
            documents: self.documents.clone(),
            readings: self.readings.clone(),
            analyses: Vec::new(),
            active: self.active,
            // Progress and diagnoses change no text: nothing to save.
            changes: self.changes + u32::from(!matches!(action, Action::PdfProgress(..) | Action::Diagnosed(..))),
        };
        let mut diagnosed = None;
        match action {
            Action::Edit(text) => next.documents[next.active].text = text,
            Action::Read(index, reading) => match next.documents.get(index) {
                Some(document) if document.text == reading.text => next.readings[index] = Some(reading),
                _ => return self,
            },
            Action::Open(opened) => {
                if next.documents.len() == 1 && next.documents[0] == empty_document() {
                    next.documents.clear();
                    next.readings.clear();
                }
                next.active = next.documents.len();
                for (document, reading) in opened {
                    next.documents.push(document);
                    next.readings.push(reading);
                }
            }
            Action::PdfProgress(id, page, pages) => match next.reading_pdf(id) {
                Some(index) => next.documents[index].origin = Origin::Reading { id, page, pages },
                None => return self,
            },
            Action::PdfRead(id, outcome) => match (next.reading_pdf(id), outcome) {
                (Some(index), Ok((document, reading))) => {
                    next.documents[index] = document;
                    next.readings[index] = Some(reading);
                }
                (Some(index), Err(problem)) => next.documents[index].origin = Origin::Failed(problem),
                (None, _) => return self,
            },
            Action::Diagnosed(group, changes) => diagnosed = Some((group, changes)),
            Action::Show(index) => next.active = index.min(next.documents.len() - 1),
            Action::Close(index) => {
                next.documents.remove(index);
                next.readings.remove(index);
                if next.documents.is_empty() {
                    next.documents.push(empty_document());
                    next.readings.push(None);
                }
                next.active = next.active.min(next.documents.len() - 1);
            }
            Action::Clear => {
                next.documents = vec![empty_document()];
                next.readings = vec![None];
                next.active = 0;
            }
        }
        // A new or closed reading can pair documents of one department, or unpair them.
        next.analyses = analyse(&next.readings, &self.analyses);
        // Still the group it was asked for: each analysis of it takes its change.
        if let Some((group, changes)) = diagnosed {
            for slot in &mut next.analyses {
                let Some(analysis) = slot.as_ref().filter(|a| a.needs_diagnosis() && a.is_of_group(&group)) else {
                    continue;
                };
                let change = group
                    .iter()
                    .position(|r| Rc::ptr_eq(r, &analysis.reading))
                    .and_then(|at| changes.get(at).cloned().flatten());
                *slot = Some(Rc::new(analysis.diagnosed(change)));
            }
        }
        Rc::new(next)
    }
}

/// Saves the documents and which one is shown whenever they change (not as restored).
#[hook]
pub fn use_saved(workspace: &UseReducerHandle<Workspace>) {
    let workspace = workspace.clone();
    use_effect_with(workspace.changes, move |&changes| {
        if changes > 0 {
            storage::save_input(&workspace.documents, workspace.active);
        }
    });
}

/// Reads the PDF or office `files` of the document `name` (opened as `id`) in a worker of
/// `script`, reporting its progress and outcome to the workspace; their text is read by core as
/// a text is.
pub fn read_pdf(
    workspace: UseReducerDispatcher<Workspace>,
    id: u32,
    script: &str,
    name: String,
    files: wasm_bindgen::JsValue,
) {
    read_in_worker(
        script,
        &files,
        Callback::from(move |event| match event {
            PdfEvent::Progress { page, pages } => workspace.dispatch(Action::PdfProgress(id, page, pages)),
            PdfEvent::Read { text, layout } => {
                let document = Document { name: name.clone(), text, origin: Origin::Pdf(Rc::new(layout)) };
                let reading = Rc::new(Reading::of(&document));
                workspace.dispatch(Action::PdfRead(id, Ok((document, reading))));
            }
            PdfEvent::Failed(problem) => workspace.dispatch(Action::PdfRead(id, Err(problem))),
        }),
    );
}
