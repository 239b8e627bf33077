//! The app: open documents, their analyses, and how input, results, document and page view
//! connect.

use std::rc::Rc;
use std::time::Duration;

use hedui_core::finding::{Applicability, Fix, Severity};
use hedui_core::fixes::apply_fixes;
use hedui_core::CheckReport;
use wasm_bindgen::JsCast;
use web_sys::{Element, File, ScrollBehavior, ScrollIntoViewOptions, ScrollLogicalPosition};
use yew::platform::{spawn_local, time::sleep};
use yew::prelude::*;

use crate::analysis::{analyse, line_id, place_id, Analysis, Reading};
use crate::diagnosis::{self, Changes};
use crate::doc_view::DocView;
use crate::export::{download, file_stem, findings_csv};
use crate::i18n::Lang;
use crate::input::{drags_files, dropped_files, fetch_example, read_files, Editor, FileProblem, Opened, SourceBar};
use crate::overview::{overview, Listed};
use crate::page_view::page_view;
use crate::pdf::{read_in_worker, Origin, PdfEvent, PdfProblem, OFFICE_WORKER, PDF_WORKER};
use crate::results::Results;
use crate::storage::{self, Document};

/// How long typing must pause before the text is checked again.
const DEBOUNCE: Duration = Duration::from_millis(150);

/// The open documents, each with its latest reading and analysis, and which one is shown.
#[derive(PartialEq)]
struct Workspace {
    documents: Vec<Document>,
    readings: Vec<Option<Rc<Reading>>>,
    analyses: Vec<Option<Rc<Analysis>>>,
    active: usize,
}

enum Action {
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
    fn restored(saved: storage::SavedInput, check: bool) -> Self {
        let documents = if saved.documents.is_empty() { vec![empty_document()] } else { saved.documents };
        let readings: Vec<_> = documents.iter().map(|d| check.then(|| Rc::new(Reading::of(d)))).collect();
        let analyses = analyse(&readings, &[]);
        let active = saved.active.min(documents.len() - 1);
        Workspace { documents, readings, analyses, active }
    }

    fn active_document(&self) -> &Document {
        &self.documents[self.active]
    }

    fn active_analysis(&self) -> Option<Rc<Analysis>> {
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
        let mut next = Workspace { documents: self.documents.clone(), readings: self.readings.clone(), analyses: Vec::new(), active: self.active };
        // Progress and diagnoses change no text: nothing to save.
        let save = !matches!(action, Action::PdfProgress(..) | Action::Diagnosed(..));
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
                let Some(analysis) = slot.as_ref().filter(|a| a.needs_diagnosis() && a.is_of_group(&group)) else { continue };
                let change = group.iter().position(|r| Rc::ptr_eq(r, &analysis.reading)).and_then(|at| changes.get(at).cloned().flatten());
                *slot = Some(Rc::new(analysis.diagnosed(change)));
            }
        }
        if save {
            storage::save_input(&next.documents, next.active);
        }
        Rc::new(next)
    }
}

/// Which view the left pane shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Pane {
    Source,
    Document,
    /// A PDF's pages as published; a text's document view.
    Pages,
}

impl Pane {
    /// For the ids and test ids of its tab and panel.
    fn name(self) -> &'static str {
        match self {
            Pane::Source => "source",
            Pane::Document => "document",
            Pane::Pages => "pages",
        }
    }
}

#[function_component(App)]
pub fn app() -> Html {
    let paused = use_state(storage::crashed);
    let workspace = use_reducer(|| Workspace::restored(storage::load_input(), !storage::crashed()));
    let lang = use_state(storage::load_lang);
    let pane = use_state(|| Pane::Source);
    let selected = use_state(|| None::<usize>);
    let problems = use_state(Vec::<FileProblem>::new);
    // Files are being dragged over the page.
    let dragging = use_state_eq(|| false);
    let dismissals_version = use_state(|| 0u32);
    // Texts as fixes left them, each with the text before: undone while the document is so.
    let undo = use_state(Vec::<(String, String)>::new);
    let edit_generation = use_mut_ref(|| 0u64);
    let pdf_count = use_mut_ref(|| 0u32);
    let lang_value = *lang;
    let texts = lang_value.texts();

    let analysis = workspace.active_analysis();
    // The page view, for a PDF's text as read; a text (or an edited PDF text) has none.
    let layout = analysis.as_ref().and_then(|a| a.reading.pdf.clone()).filter(|layout| !layout.pages.is_empty());
    let shown_pane = if *pane == Pane::Pages && layout.is_none() { Pane::Document } else { *pane };
    let document_key = analysis.as_ref().map(|a| a.document_key());
    let dismissals = use_memo((document_key.clone(), *dismissals_version), |(key, _)| key.as_deref().map(storage::load_dismissals).unwrap_or_default());

    // A new analysis or another document: the old selection means nothing.
    {
        let selected = selected.clone();
        use_effect_with(analysis.as_ref().map(|a| Rc::as_ptr(a) as usize), move |_| selected.set(None));
    }
    {
        let code = lang_value.code();
        use_effect_with(lang_value, move |_| {
            if let Some(document) = document() {
                document.set_title(texts.page_title);
                if let Some(root) = document.document_element() {
                    let _ = root.set_attribute("lang", code);
                }
            }
        });
    }
    // Show the selected finding in the document view, and in the list.
    {
        let analysis = analysis.clone();
        use_effect_with((*selected, shown_pane, analysis.as_ref().map(|a| Rc::as_ptr(a) as usize)), move |(selected, _, _)| {
            highlight(analysis.as_deref(), *selected);
        });
    }

    // Analyses with findings ask the diagnosis module which figure is wrong, once per group.
    {
        let dispatcher = workspace.dispatcher();
        let analyses = workspace.analyses.clone();
        // Held, not just their addresses: a new analysis cannot take an asked one's place.
        let asked = use_mut_ref(Vec::<Rc<Analysis>>::new);
        let keys: Vec<usize> = analyses.iter().flatten().map(|a| Rc::as_ptr(a) as usize).collect();
        use_effect_with(keys, move |_| {
            let mut asked = asked.borrow_mut();
            asked.retain(|a| analyses.iter().flatten().any(|b| Rc::ptr_eq(a, b)));
            for analysis in analyses.iter().flatten().filter(|a| a.needs_diagnosis()) {
                if asked.iter().any(|a| Rc::ptr_eq(a, analysis)) {
                    continue;
                }
                let group = analysis.group().to_vec();
                asked.extend(analyses.iter().flatten().filter(|a| a.is_of_group(&group)).cloned());
                let dispatcher = dispatcher.clone();
                diagnosis::request(&group.clone(), Callback::from(move |changes| dispatcher.dispatch(Action::Diagnosed(group.clone(), changes))));
            }
        });
    }
    let on_input = {
        let workspace = workspace.clone();
        let paused = paused.clone();
        let edit_generation = edit_generation.clone();
        Callback::from(move |(text, at_once): (String, bool)| {
            let index = workspace.active;
            let Document { name, origin, .. } = workspace.active_document().clone();
            workspace.dispatch(Action::Edit(text.clone()));
            *edit_generation.borrow_mut() += 1;
            let generation = *edit_generation.borrow();
            let workspace = workspace.clone();
            let edit_generation = edit_generation.clone();
            let paused = paused.clone();
            spawn_local(async move {
                if !at_once {
                    sleep(DEBOUNCE).await;
                }
                if *edit_generation.borrow() == generation {
                    let reading = Rc::new(Reading::of(&Document { name, text, origin }));
                    storage::clear_crashed();
                    paused.set(false);
                    workspace.dispatch(Action::Read(index, reading));
                }
            });
        })
    };
    let open = {
        let workspace = workspace.clone();
        let pane = pane.clone();
        Callback::from(move |documents: Vec<Document>| {
            if documents.is_empty() {
                return;
            }
            let opened = documents.into_iter().map(|d| {
                let reading = d.origin.has_text().then(|| Rc::new(Reading::of(&d)));
                (d, reading)
            });
            workspace.dispatch(Action::Open(opened.collect()));
            pane.set(Pane::Pages);
        })
    };
    let on_files = {
        let open = open.clone();
        let problems = problems.clone();
        let dispatcher = workspace.dispatcher();
        Callback::from(move |files: Vec<File>| {
            let open = open.clone();
            let problems = problems.clone();
            let dispatcher = dispatcher.clone();
            let pdf_count = pdf_count.clone();
            spawn_local(async move {
                let (opened, found) = read_files(files).await;
                problems.set(found);
                let mut documents = Vec::new();
                let mut readers: Vec<(&str, Vec<File>)> = Vec::new();
                let mut office = Vec::new();
                for file in opened {
                    match file {
                        Opened::Text(document) => documents.push(document),
                        Opened::Pdf(file) => readers.push((PDF_WORKER, vec![file])),
                        Opened::Office(file, workbook) => office.push((file, workbook)),
                    }
                }
                // Workbooks and Word documents dropped together are one document (its tables and
                // its narrative); else each office file is a document of its own.
                if office.iter().any(|(_, workbook)| *workbook) && office.iter().any(|(_, workbook)| !*workbook) {
                    readers.push((OFFICE_WORKER, office.into_iter().map(|(file, _)| file).collect()));
                } else {
                    readers.extend(office.into_iter().map(|(file, _)| (OFFICE_WORKER, vec![file])));
                }
                let mut reading = Vec::new();
                for (script, files) in readers {
                    *pdf_count.borrow_mut() += 1;
                    let id = *pdf_count.borrow();
                    let name = files.iter().map(File::name).collect::<Vec<_>>().join(" + ");
                    documents.push(Document { name: name.clone(), text: String::new(), origin: Origin::Reading { id, page: 0, pages: 0 } });
                    reading.push((id, script, name, files));
                }
                open.emit(documents);
                for (id, script, name, files) in reading {
                    let files: js_sys::Array = files.iter().collect();
                    read_pdf(dispatcher.clone(), id, script, name, if script == PDF_WORKER { files.get(0) } else { files.into() });
                }
            });
        })
    };
    let on_example = {
        let open = open.clone();
        let problems = problems.clone();
        Callback::from(move |file: &'static str| {
            let open = open.clone();
            let problems = problems.clone();
            spawn_local(async move {
                match fetch_example(file).await {
                    Some(document) => {
                        problems.set(Vec::new());
                        open.emit(vec![document]);
                    }
                    None => problems.set(vec![FileProblem::ExampleUnavailable(file.to_string())]),
                }
            });
        })
    };
    let on_clear = {
        let workspace = workspace.clone();
        let problems = problems.clone();
        let pane = pane.clone();
        let paused = paused.clone();
        Callback::from(move |()| {
            workspace.dispatch(Action::Clear);
            storage::forget_input();
            storage::clear_crashed();
            paused.set(false);
            problems.set(Vec::new());
            pane.set(Pane::Source);
        })
    };
    let on_resume = {
        let workspace = workspace.clone();
        let paused = paused.clone();
        Callback::from(move |_| {
            storage::clear_crashed();
            paused.set(false);
            for (index, document) in workspace.documents.iter().enumerate().filter(|(_, d)| d.origin.has_text()) {
                workspace.dispatch(Action::Read(index, Rc::new(Reading::of(document))));
            }
        })
    };
    let ondragover = {
        let dragging = dragging.clone();
        Callback::from(move |event: DragEvent| {
            if drags_files(&event) {
                event.prevent_default();
                dragging.set(true);
            }
        })
    };
    // Moving onto another element of the page is no leaving: only off it (no element to go to).
    let ondragleave = {
        let dragging = dragging.clone();
        Callback::from(move |event: DragEvent| {
            if event.related_target().is_none() {
                dragging.set(false);
            }
        })
    };
    let ondrop = {
        let on_files = on_files.clone();
        let dragging = dragging.clone();
        Callback::from(move |event: DragEvent| {
            dragging.set(false);
            if let Some(files) = dropped_files(&event) {
                event.prevent_default();
                on_files.emit(files);
            }
        })
    };
    // A finding is shown where the user looks: from the source, in the page view (a text's
    // document view); in the document or page view, there.
    let on_select = {
        let selected = selected.clone();
        let pane = pane.clone();
        Callback::from(move |index: usize| {
            if shown_pane == Pane::Source {
                pane.set(Pane::Pages);
            }
            selected.set(Some(index));
        })
    };
    let on_place = {
        let selected = selected.clone();
        Callback::from(move |indices: Vec<usize>| {
            if let Some(&first) = indices.first() {
                selected.set(Some(first));
                reveal_in_list(first);
            }
        })
    };
    let on_dismiss = {
        let dismissals = dismissals.clone();
        let version = dismissals_version.clone();
        let document_key = document_key.clone();
        Callback::from(move |(key, reason): (String, String)| {
            if let Some(document) = &document_key {
                let mut next = (*dismissals).clone();
                next.insert(key, reason);
                storage::save_dismissals(document, &next);
                version.set(*version + 1);
            }
        })
    };
    let on_restore = {
        let dismissals = dismissals.clone();
        let version = dismissals_version.clone();
        Callback::from(move |key: String| {
            if let Some(document) = &document_key {
                let mut next = (*dismissals).clone();
                next.remove(&key);
                storage::save_dismissals(document, &next);
                version.set(*version + 1);
            }
        })
    };
    let on_language = {
        let lang = lang.clone();
        Callback::from(move |_| {
            let next = lang.other();
            storage::save_lang(next);
            lang.set(next);
        })
    };
    // Fixes edit the text the findings were checked on, while it is the document's.
    let on_fix = {
        let analysis = analysis.clone();
        let text = workspace.active_document().text.clone();
        let on_input = on_input.clone();
        let undo = undo.clone();
        Callback::from(move |fixes: Vec<Fix>| {
            let Some(analysis) = analysis.as_ref().filter(|a| a.reading.text == text) else { return };
            let (fixed, applied) = apply_fixes(&text, fixes.iter());
            if applied > 0 && fixed != text {
                let mut next = (*undo).clone();
                next.push((fixed.clone(), analysis.reading.text.clone()));
                undo.set(next);
                on_input.emit((fixed, true));
            }
        })
    };
    let undoable = undo.iter().rposition(|(fixed, _)| *fixed == workspace.active_document().text);
    let on_undo = {
        let undo = undo.clone();
        let on_input = on_input.clone();
        Callback::from(move |()| {
            if let Some(at) = undoable {
                let mut next = (*undo).clone();
                let (_, before) = next.remove(at);
                undo.set(next);
                on_input.emit((before, true));
            }
        })
    };
    // Ctrl+Z (⌘Z) outside a text field undoes the last fix; in one, it is the field's own.
    let on_key = {
        let on_undo = on_undo.clone();
        Callback::from(move |event: KeyboardEvent| {
            let in_field = event.target().and_then(|t| t.dyn_into::<Element>().ok()).is_some_and(|e| matches!(e.tag_name().as_str(), "INPUT" | "TEXTAREA"));
            if undoable.is_some() && (event.ctrl_key() || event.meta_key()) && event.key().eq_ignore_ascii_case("z") && !in_field {
                event.prevent_default();
                on_undo.emit(());
            }
        })
    };
    let checked: Vec<Rc<Analysis>> = workspace.analyses.iter().flatten().cloned().collect();
    // One document's exports are named after it; several documents' after the set and the day.
    let export_name = if checked.len() > 1 {
        format!("hedui-{}-documents-{}", checked.len(), String::from(js_sys::Date::new_0().to_iso_string()).get(..10).unwrap_or_default())
    } else {
        analysis.as_ref().map(|a| file_stem(&a.report.source).to_string()).filter(|n| !n.is_empty()).unwrap_or_else(|| "hedui".to_string())
    };
    let on_export_json = {
        let checked = checked.clone();
        let name = export_name.clone();
        // Written by the diagnosis module: the app has no JSON serialiser, for its size budget.
        Callback::from(move |_| {
            let name = name.clone();
            diagnosis::report_json(
                &checked,
                Callback::from(move |json: Option<String>| {
                    if let Some(json) = json {
                        download(&format!("{name}.report.json"), "application/json", &json);
                    }
                }),
            );
        })
    };
    let on_export_csv = {
        let checked = checked.clone();
        Callback::from(move |_| {
            let report = check_report(&checked);
            let reasons: Vec<Vec<Option<String>>> = checked
                .iter()
                .map(|a| {
                    let dismissals = storage::load_dismissals(&a.document_key());
                    a.keys.iter().map(|key| dismissals.get(key).cloned()).collect()
                })
                .collect();
            download(&format!("{export_name}.findings.csv"), "text/csv;charset=utf-8", &findings_csv(&report, &reasons, lang_value));
        })
    };
    let on_clear_after_crash = on_clear.reform(|_: MouseEvent| ());
    let on_print = Callback::from(|_| {
        if let Some(window) = web_sys::window() {
            let _ = window.print();
        }
    });

    let active_findings: Rc<Vec<usize>> = Rc::new(analysis.as_ref().map(|a| (0..a.keys.len()).filter(|&i| !dismissals.contains_key(&a.keys[i])).collect()).unwrap_or_default());
    // Nothing pasted or opened: no results to show (not "no problems found").
    let has_text = !workspace.active_document().text.trim().is_empty();
    let analysis = analysis.filter(|_| has_text);
    let safe_fixes: Vec<Fix> = analysis
        .as_ref()
        .map(|a| active_findings.iter().filter_map(|&i| a.report.findings[i].fix.clone()).filter(|f| f.applicability == Applicability::Safe && !f.edits.is_empty()).collect())
        .unwrap_or_default();
    let fix_bar = (!safe_fixes.is_empty() || undoable.is_some()).then(|| {
        let count = safe_fixes.len();
        let apply_all = on_fix.reform(move |_| safe_fixes.clone());
        let text = workspace.active_document().text.clone();
        let name = format!("{}.fixed.txt", analysis.as_ref().map_or("hedui", |a| file_stem(&a.report.source)));
        let on_download = Callback::from(move |_| download(&name, "text/plain;charset=utf-8", &text));
        html! {
            <div class="fix-bar no-print" data-testid="fix-bar">
                if count > 0 {
                    <button type="button" class="button primary" data-testid="apply-all-fixes" onclick={apply_all}>{ (texts.apply_all_fixes)(count) }</button>
                }
                if undoable.is_some() {
                    <button type="button" class="button" data-testid="undo-fix" onclick={on_undo.reform(|_| ())}>{ texts.undo_fix }</button>
                    <button type="button" class="button subtle" data-testid="download-text" onclick={on_download}>{ texts.download_text }</button>
                }
            </div>
        }
    });
    let announcement = analysis.as_ref().map(|a| {
        if a.checked_nothing() {
            return texts.nothing_checked.to_string();
        }
        let open = |severity: Severity| active_findings.iter().filter(|&&i| a.report.findings[i].severity == severity).count();
        (texts.announce)(active_findings.len(), open(Severity::Error), open(Severity::Warning), open(Severity::Notice))
    });
    let tab = |which: Pane, label: &'static str| {
        let pane = pane.clone();
        let current = shown_pane == which;
        let name = which.name();
        html! {
            <button type="button" role="tab" class="pane-tab" id={format!("tab-{name}")} aria-selected={current.to_string()}
                aria-controls={current.then(|| format!("panel-{name}"))} tabindex={if current { "0" } else { "-1" }}
                data-testid={format!("pane-{name}")} onclick={Callback::from(move |_| pane.set(which))}>{ label }</button>
        }
    };
    // ←/→ move between the tabs (one tab stop), showing each.
    let on_tab_keys = {
        let pane = pane.clone();
        let panes = if layout.is_some() { vec![Pane::Source, Pane::Document, Pane::Pages] } else { vec![Pane::Source, Pane::Document] };
        Callback::from(move |event: KeyboardEvent| {
            let step = match event.key().as_str() {
                "ArrowRight" => 1,
                "ArrowLeft" => panes.len() - 1,
                _ => return,
            };
            event.prevent_default();
            let at = panes.iter().position(|&p| p == shown_pane).unwrap_or(0);
            let next = panes[(at + step) % panes.len()];
            pane.set(next);
            if let Some(tab) = document().and_then(|d| d.get_element_by_id(&format!("tab-{}", next.name()))).and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok()) {
                let _ = tab.focus();
            }
        })
    };
    // A PDF being read, or one that could not be read: what to say in place of its text.
    let active_document = workspace.active_document();
    let pdf_status = match &active_document.origin {
        Origin::Reading { page, pages, .. } => Some((texts.pdf_progress)(*page, *pages)),
        Origin::Failed(problem) => Some((texts.unreadable)(&active_document.name, &problem.message(lang_value))),
        Origin::Text | Origin::Pdf(_) => None,
    };
    // Several documents, or one read from several files (named `a.xlsx + b.docx`): the tabs say so.
    let document_tabs = (workspace.documents.len() > 1 || hedui_core::ingest::contains(&workspace.documents[0].name, " + ")).then(|| {
        html! {
            <nav class="document-tabs no-print" aria-label={texts.documents}>
                { for workspace.documents.iter().enumerate().map(|(index, document)| {
                    // Findings still open: dismissed ones are not counted.
                    let count = workspace.analyses[index].as_ref().map(|a| {
                        let dismissed = storage::load_dismissals(&a.document_key());
                        a.keys.iter().filter(|key| !dismissed.contains_key(*key)).count()
                    });
                    let show = { let workspace = workspace.clone(); Callback::from(move |_| workspace.dispatch(Action::Show(index))) };
                    let close = { let workspace = workspace.clone(); Callback::from(move |_| workspace.dispatch(Action::Close(index))) };
                    let name = if document.name.is_empty() { texts.pasted_document.to_string() } else { document.name.clone() };
                    html! {
                        <span class={classes!("document-tab", (index == workspace.active).then_some("current"))} data-testid="document-tab">
                            <button type="button" class="document-name" aria-current={(index == workspace.active).then_some("page")} onclick={show}>
                                { name.clone() }
                                if let Some(count) = count { <span class="count">{ count }</span> }
                            </button>
                            <button type="button" class="close" aria-label={format!("{} {name}", texts.close_document)} onclick={close}>{ "×" }</button>
                        </span>
                    }
                }) }
            </nav>
        }
    });

    // Several documents: the reviewer's overview, one row each.
    let overview = (workspace.documents.len() > 1).then(|| {
        let show = {
            let workspace = workspace.clone();
            Callback::from(move |index| workspace.dispatch(Action::Show(index)))
        };
        let listed: Vec<Listed> = workspace
            .documents
            .iter()
            .zip(&workspace.analyses)
            .enumerate()
            .map(|(index, (document, analysis))| Listed {
                name: if document.name.is_empty() { texts.pasted_document.to_string() } else { document.name.clone() },
                analysis: analysis.as_ref(),
                current: index == workspace.active,
            })
            .collect();
        overview(lang_value, &listed, &show)
    });

    html! {
        <div class="app" {ondragover} {ondragleave} {ondrop} onkeydown={on_key}>
            if *dragging {
                <div class="drop-overlay" data-testid="drop-overlay" aria-hidden="true">{ texts.drop_here }</div>
            }
            <a class="skip-link" href="#findings" data-testid="skip-to-findings">{ texts.skip_to_findings }</a>
            <header class="topbar">
                <div class="brand">
                    <h1>{ texts.title }</h1>
                    <p class="tagline">{ texts.tagline }</p>
                </div>
                <div class="actions no-print">
                    <button type="button" class="button" data-testid="export-json" disabled={checked.is_empty()} onclick={on_export_json}>{ texts.export_json }</button>
                    <button type="button" class="button" data-testid="export-csv" disabled={checked.is_empty()} onclick={on_export_csv}>{ texts.export_csv }</button>
                    <button type="button" class="button" data-testid="print" disabled={checked.is_empty()} onclick={on_print}>{ texts.print }</button>
                    <button type="button" class="button" data-testid="language" lang={lang_value.other().code()} onclick={on_language}>{ texts.switch_language }</button>
                </div>
            </header>
            if *paused {
                <div class="notice warning no-print" role="alert" data-testid="crashed-notice">
                    { texts.crashed_notice }
                    <button type="button" class="button primary" onclick={on_resume}>{ texts.resume }</button>
                    <button type="button" class="button subtle" onclick={on_clear_after_crash}>{ texts.clear }</button>
                </div>
            }
            if !problems.is_empty() && has_text {
                <div class="notice warning no-print" role="alert" data-testid="file-problems">
                    { problem_list(&problems, lang_value) }
                </div>
            }
            { for document_tabs }
            { for overview }
            // `checked`: on a phone, the findings come first.
            <main class={classes!("workspace", analysis.is_some().then_some("checked"))}>
                <section class="pane left-pane no-print" aria-label={texts.input_label}>
                    <SourceBar lang={lang_value} on_files={on_files} on_example={on_example} on_clear={on_clear} />
                    <div class="pane-tabs" role="tablist" onkeydown={on_tab_keys}>
                        { tab(Pane::Source, texts.pane_source) }
                        { tab(Pane::Document, texts.pane_document) }
                        if layout.is_some() {
                            { tab(Pane::Pages, texts.pane_pages) }
                        }
                    </div>
                    <div class="pane-body" role="tabpanel" id="panel-source" aria-labelledby="tab-source" hidden={shown_pane != Pane::Source}>
                        <Editor lang={lang_value} text={AttrValue::from(active_document.text.clone())} status={pdf_status.clone().map(AttrValue::from)} on_input={on_input} />
                    </div>
                    if shown_pane == Pane::Document {
                        <div class="pane-body" role="tabpanel" id="panel-document" aria-labelledby="tab-document">
                            if let Some(analysis) = analysis.clone() {
                                <DocView lang={lang_value} {analysis} active={active_findings} on_place={on_place} />
                            } else {
                                <article class="doc-view" data-testid="doc-view"><p class="empty">{ pdf_status.clone().unwrap_or_else(|| texts.empty_document.to_string()) }</p></article>
                            }
                        </div>
                    }
                    if let Some((layout, analysis)) = layout.as_ref().zip(analysis.as_ref()).filter(|_| shown_pane == Pane::Pages) {
                        <div class="pane-body" role="tabpanel" id="panel-pages" aria-labelledby="tab-pages">
                            { page_view(lang_value, layout, selected.and_then(|i| analysis.report.findings.get(i))) }
                        </div>
                    }
                </section>
                <section class="pane right-pane" id="findings" tabindex="-1" aria-label={texts.findings}>
                    <p class="visually-hidden" role="status" data-testid="announcement">{ announcement.unwrap_or_default() }</p>
                    if let Origin::Reading { page, pages, .. } = active_document.origin {
                        <div class="pdf-progress" data-testid="pdf-progress" role="status">
                            <p>{ (texts.pdf_progress)(page, pages) }</p>
                            <progress max={pages.max(1).to_string()} value={page.to_string()} />
                        </div>
                    } else if let Some(problem) = pdf_status {
                        <p class="notice warning" role="alert" data-testid="pdf-error">{ problem }</p>
                    } else if let Some(analysis) = analysis {
                        { for fix_bar }
                        <Results lang={lang_value} {analysis} dismissals={dismissals.clone()} selected={*selected}
                            {on_select} {on_dismiss} {on_restore} on_fix={on_fix.reform(|fix| vec![fix])} />
                    } else if !problems.is_empty() {
                        <div class="notice warning" role="alert" data-testid="results-problems">
                            <p>{ texts.nothing_opened }</p>
                            { problem_list(&problems, lang_value) }
                        </div>
                    } else {
                        <p class="empty">{ texts.empty }</p>
                    }
                </section>
            </main>
        </div>
    }
}

/// Reads the PDF or office `files` of the document `name` (opened as `id`) in a worker of
/// `script`, reporting its progress and outcome to the workspace; their text is read by core as
/// a text is.
fn read_pdf(workspace: UseReducerDispatcher<Workspace>, id: u32, script: &str, name: String, files: wasm_bindgen::JsValue) {
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

/// Why each file was not opened.
fn problem_list(problems: &[FileProblem], lang: Lang) -> Html {
    html! { <ul>{ for problems.iter().map(|p| html! { <li>{ p.message(lang) }</li> }) }</ul> }
}

/// The check report of every checked document, as the CLI and the JS API produce it.
fn check_report(analyses: &[Rc<Analysis>]) -> CheckReport {
    CheckReport::new(analyses.iter().map(|a| a.report.clone()).collect())
}

fn document() -> Option<web_sys::Document> {
    web_sys::window()?.document()
}

fn scroll_options(block: ScrollLogicalPosition) -> ScrollIntoViewOptions {
    let options = ScrollIntoViewOptions::new();
    options.set_behavior(ScrollBehavior::Instant);
    options.set_block(block);
    options.set_inline(ScrollLogicalPosition::Nearest);
    options
}

/// Marks the selected finding's cell or sentence (and its related ones) in the document view
/// and scrolls it into view; clears the previous marks. In the page view, scrolls the finding's
/// box into view.
fn highlight(analysis: Option<&Analysis>, selected: Option<usize>) {
    let Some(document) = document() else { return };
    if let Ok(previous) = document.query_selector_all("[data-hl]") {
        for element in (0..previous.length()).filter_map(|i| previous.item(i)).filter_map(|n| n.dyn_into::<Element>().ok()) {
            let _ = element.remove_attribute("data-hl");
            if element.get_attribute("data-testid").as_deref() == Some("highlight") {
                let _ = element.remove_attribute("data-testid");
            }
        }
    }
    let Some(finding) = analysis.zip(selected).and_then(|(a, i)| a.report.findings.get(i)) else { return };
    let find = |byte_start: usize, line: usize| document.get_element_by_id(&place_id(byte_start)).or_else(|| document.get_element_by_id(&line_id(line)));
    for related in &finding.related {
        if let Some(element) = find(related.byte_start, related.line) {
            let _ = element.set_attribute("data-hl", "related");
        }
    }
    if let Some(element) = find(finding.location.byte_start, finding.location.line) {
        // A cause's figure is the one probably wrong; its relations' other figures are related.
        let _ = element.set_attribute("data-hl", if finding.is_cause() { "suspect" } else { "primary" });
        let _ = element.set_attribute("data-testid", "highlight");
        element.scroll_into_view_with_scroll_into_view_options(&scroll_options(ScrollLogicalPosition::Center));
    } else if let Ok(Some(page_box)) = document.query_selector("[data-testid=page-box]") {
        page_box.scroll_into_view_with_scroll_into_view_options(&scroll_options(ScrollLogicalPosition::Center));
    }
}

/// Scrolls the list to finding `index` and marks it as current.
fn reveal_in_list(index: usize) {
    if let Some(item) = document().and_then(|d| d.query_selector(&format!("[data-testid=finding][data-index=\"{index}\"]")).ok().flatten()) {
        item.scroll_into_view_with_scroll_into_view_options(&scroll_options(ScrollLogicalPosition::Nearest));
    }
}
