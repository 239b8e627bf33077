//! The app's controls: the callbacks that change its state (typing, files, dismissals, fixes,
//! exports) and the diagnosis requests, built from the state's handles by `app`.

use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;

use hedui_core::finding::Fix;
use hedui_core::fixes::apply_fixes;
use hedui_core::CheckReport;
use wasm_bindgen::JsCast;
use web_sys::{Element, File};
use yew::platform::{spawn_local, time::sleep};
use yew::prelude::*;

use crate::analysis::{Analysis, Reading};
use crate::app::Pane;
use crate::diagnosis;
use crate::export::{download, findings_csv};
use crate::i18n::Lang;
use crate::input::{drags_files, dropped_files, fetch_example, read_files, FileProblem, Opened};
use crate::pdf::{Origin, OFFICE_WORKER, PDF_WORKER};
use crate::storage::{self, Dismissals, Document};
use crate::workspace::{read_pdf, Action, Workspace};

/// How long typing must pause before the text is checked again.
const DEBOUNCE: Duration = Duration::from_millis(150);

/// The shown document's new text (`true`: check it at once, else once typing pauses: the check
/// of an edit is dropped when another edit came after it).
#[hook]
pub fn use_editing(workspace: &UseReducerHandle<Workspace>, paused: &UseStateHandle<bool>) -> Callback<(String, bool)> {
    let edit_generation = use_mut_ref(|| 0u64);
    let workspace = workspace.clone();
    let paused = paused.clone();
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
}

/// Files opened (picked or dropped) and examples clicked: text documents open at once, PDFs
/// and office files once their worker has read them.
pub fn opening(
    workspace: &UseReducerHandle<Workspace>,
    pane: &UseStateHandle<Pane>,
    problems: &UseStateHandle<Vec<FileProblem>>,
    pdf_count: &Rc<RefCell<u32>>,
) -> (Callback<Vec<File>>, Callback<&'static str>) {
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
        let pdf_count = pdf_count.clone();
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
                    documents.push(Document {
                        name: name.clone(),
                        text: String::new(),
                        origin: Origin::Reading { id, page: 0, pages: 0 },
                    });
                    reading.push((id, script, name, files));
                }
                open.emit(documents);
                for (id, script, name, files) in reading {
                    let files: js_sys::Array = files.iter().collect();
                    read_pdf(
                        dispatcher.clone(),
                        id,
                        script,
                        name,
                        if script == PDF_WORKER { files.get(0) } else { files.into() },
                    );
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
    (on_files, on_example)
}

/// 清除 (forget every document) and, after a crash, resuming the checks.
pub fn clearing(
    workspace: &UseReducerHandle<Workspace>,
    problems: &UseStateHandle<Vec<FileProblem>>,
    pane: &UseStateHandle<Pane>,
    paused: &UseStateHandle<bool>,
) -> (Callback<()>, Callback<MouseEvent>) {
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
    (on_clear, on_resume)
}

/// Files dragged over the page (shown where they go) and dropped.
pub fn dragging(dragging: &UseStateHandle<bool>, on_files: &Callback<Vec<File>>) -> [Callback<DragEvent>; 3] {
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
    [ondragover, ondragleave, ondrop]
}

/// The language switch: the other language, remembered.
pub fn switching_language(lang: &UseStateHandle<Lang>) -> Callback<MouseEvent> {
    let lang = lang.clone();
    Callback::from(move |_| {
        let next = lang.other();
        storage::save_lang(next);
        lang.set(next);
    })
}

/// The dismissals of the document `document_key` names (loaded again when it or they change),
/// and the callbacks that dismiss a finding with a reason and restore one, saving them.
#[hook]
pub fn use_dismissals(document_key: Option<String>) -> (Rc<Dismissals>, Callback<(String, String)>, Callback<String>) {
    let dismissals_version = use_state(|| 0u32);
    let dismissals = use_memo((document_key.clone(), *dismissals_version), |(key, _)| {
        key.as_deref().map(storage::load_dismissals).unwrap_or_default()
    });
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
    (dismissals, on_dismiss, on_restore)
}

/// What fixes do: apply (one, or all safe ones), undo the last while the text is as it left it
/// (also by Ctrl+Z), and whether there is one to undo.
pub struct Fixing {
    pub on_fix: Callback<Vec<Fix>>,
    pub on_undo: Callback<()>,
    pub on_key: Callback<KeyboardEvent>,
    pub undoable: bool,
}

/// The fixes of the shown document's `analysis`; `undo` holds the texts fixes left, each with
/// the text before.
pub fn fixing(
    workspace: &UseReducerHandle<Workspace>,
    analysis: &Option<Rc<Analysis>>,
    undo: &UseStateHandle<Vec<(String, String)>>,
    on_input: &Callback<(String, bool)>,
) -> Fixing {
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
            let in_field = event
                .target()
                .and_then(|t| t.dyn_into::<Element>().ok())
                .is_some_and(|e| matches!(e.tag_name().as_str(), "INPUT" | "TEXTAREA"));
            if undoable.is_some()
                && (event.ctrl_key() || event.meta_key())
                && event.key().eq_ignore_ascii_case("z")
                && !in_field
            {
                event.prevent_default();
                on_undo.emit(());
            }
        })
    };
    Fixing { on_fix, on_undo, on_key, undoable: undoable.is_some() }
}

/// The exports of the checked documents, named `name`: the JSON report (written by the
/// diagnosis module: the app has no JSON serialiser, for its size budget) and the findings as
/// CSV with their dismissals.
pub fn exporting(
    checked: Vec<Rc<Analysis>>,
    export_name: String,
    lang_value: Lang,
) -> (Callback<MouseEvent>, Callback<MouseEvent>) {
    let on_export_json = {
        let checked = checked.clone();
        let name = export_name.clone();
        Callback::from(move |_| {
            let name = name.clone();
            diagnosis::report_json(
                &checked,
                Callback::from(move |json: Option<String>| match json {
                    Some(json) => download(&format!("{name}.report.json"), "application/json", &json),
                    // The module could not be fetched (offline before it was ever cached).
                    None => drop(web_sys::window().map(|w| w.alert_with_message(lang_value.texts().export_failed))),
                }),
            );
        })
    };
    let on_export_csv = {
        Callback::from(move |_| {
            let report = check_report(&checked);
            let reasons: Vec<Vec<Option<String>>> = checked
                .iter()
                .map(|a| {
                    let dismissals = storage::load_dismissals(&a.document_key());
                    a.keys.iter().map(|key| dismissals.get(key).cloned()).collect()
                })
                .collect();
            download(
                &format!("{export_name}.findings.csv"),
                "text/csv;charset=utf-8",
                &findings_csv(&report, &reasons, lang_value),
            );
        })
    };
    (on_export_json, on_export_csv)
}

/// Asks the diagnosis module about each analysis not asked about yet, once per group of
/// documents checked together, whenever the analyses change; each answer is dispatched to the
/// workspace.
#[hook]
pub fn use_diagnoses(workspace: &UseReducerHandle<Workspace>) {
    let dispatcher = workspace.dispatcher();
    let analyses = workspace.analyses.clone();
    // Held, not just their addresses: a new analysis cannot take an asked one's place.
    let asked = use_mut_ref(Vec::<Rc<Analysis>>::new);
    let keys: Vec<usize> = analyses.iter().flatten().map(|a| Rc::as_ptr(a) as usize).collect();
    use_effect_with(keys, move |_| request_diagnoses(&analyses, &mut asked.borrow_mut(), &dispatcher));
}

/// [`use_diagnoses`]' requests: `asked` is kept to the current analyses.
fn request_diagnoses(
    analyses: &[Option<Rc<Analysis>>],
    asked: &mut Vec<Rc<Analysis>>,
    dispatcher: &UseReducerDispatcher<Workspace>,
) {
    asked.retain(|a| analyses.iter().flatten().any(|b| Rc::ptr_eq(a, b)));
    for analysis in analyses.iter().flatten().filter(|a| a.needs_diagnosis()) {
        if asked.iter().any(|a| Rc::ptr_eq(a, analysis)) {
            continue;
        }
        let group = analysis.group().to_vec();
        asked.extend(analyses.iter().flatten().filter(|a| a.is_of_group(&group)).cloned());
        let dispatcher = dispatcher.clone();
        diagnosis::request(
            &group.clone(),
            Callback::from(move |changes| dispatcher.dispatch(Action::Diagnosed(group.clone(), changes))),
        );
    }
}

/// The check report of every checked document, as the CLI and the JS API produce it.
fn check_report(analyses: &[Rc<Analysis>]) -> CheckReport {
    CheckReport::new(analyses.iter().map(|a| a.report.clone()).collect())
}
