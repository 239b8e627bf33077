//! The app: open documents, their analyses, and how input, results, document and page view
//! connect.

use std::cell::RefCell;
use std::rc::Rc;

use hedui_core::check_report::findings_line;
use hedui_core::finding::{Applicability, Fix, Severity};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Element, ScrollBehavior, ScrollIntoViewOptions, ScrollLogicalPosition};
use yew::prelude::*;

use crate::analysis::{line_id, place_id, Analysis};
use crate::controls::{self, Fixing};
use crate::doc_view::DocView;
use crate::export::{download, file_stem};
use crate::i18n::Lang;
use crate::input::{Editor, FileProblem, SourceBar};
use crate::link;
use crate::overview::{overview, Listed};
use crate::page_view::page_view;
use crate::pdf::Origin;
use crate::results::Results;
use crate::storage;
use crate::workspace::{self, Action, Workspace};

/// Which view the left pane shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
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

/// The selected finding as shown: unselected by a new analysis or another document; shown in
/// the document view and in the list; then the finding of the link the page was opened with
/// selected (after the reset: a new analysis has it selected again), and what is shown put in
/// the address.
#[hook]
fn use_shown_finding(
    analysis: Option<&Rc<Analysis>>,
    selected: &UseStateHandle<Option<usize>>,
    pane: &UseStateHandle<Pane>,
    shown_pane: Pane,
    linked: &Rc<RefCell<Option<link::Linked>>>,
) {
    let analysis_key = analysis.map(|a| Rc::as_ptr(a) as usize);
    {
        let selected = selected.clone();
        use_effect_with(analysis_key, move |_| selected.set(None));
    }
    let analysis = analysis.cloned();
    let (linked, selected, pane) = (linked.clone(), selected.clone(), pane.clone());
    use_effect_with((*selected, shown_pane, analysis_key), move |(shown, _, _)| {
        highlight(analysis.as_deref(), *shown);
        link::follow(&mut linked.borrow_mut(), analysis.as_deref(), &selected, &pane);
    });
}

#[function_component(App)]
pub fn app() -> Html {
    let paused = use_state(storage::crashed);
    // The document and finding the page's address names, until shown.
    let linked = use_mut_ref(link::linked);
    let workspace = use_reducer(|| {
        Workspace::restored(storage::load_input(), !storage::crashed(), linked.borrow().as_ref().map(|l| l.doc))
    });
    workspace::use_saved(&workspace);
    let lang = use_state(storage::load_lang);
    let pane = use_state(|| Pane::Source);
    let selected = use_state(|| None::<usize>);
    let problems = use_state(Vec::<FileProblem>::new);
    // Files are being dragged over the page.
    let dragging = use_state_eq(|| false);
    // Texts as fixes left them, each with the text before: undone while the document is so.
    let undo = use_state(Vec::<(String, String)>::new);
    let pdf_count = use_mut_ref(|| 0u32);
    let lang_value = *lang;
    let texts = lang_value.texts();

    let analysis = workspace.active_analysis();
    // The page view, for a PDF's text as read; a text (or an edited PDF text) has none.
    let layout = analysis.as_ref().and_then(|a| a.reading.pdf.clone()).filter(|layout| !layout.pages.is_empty());
    let shown_pane = if *pane == Pane::Pages && layout.is_none() { Pane::Document } else { *pane };
    let document_key = analysis.as_ref().map(|a| a.document_key());
    let (dismissals, on_dismiss, on_restore) = controls::use_dismissals(document_key);

    use_effect_with(lang_value, |lang| show_language(*lang));
    use_shown_finding(analysis.as_ref(), &selected, &pane, shown_pane, &linked);

    // Analyses ask the diagnosis module which figure is wrong, once per group.
    controls::use_diagnoses(&workspace);
    let on_input = controls::use_editing(&workspace, &paused);
    let (on_files, on_example) = controls::opening(&workspace, &pane, &problems, &pdf_count);
    let (on_clear, on_resume) = controls::clearing(&workspace, &problems, &pane, &paused);
    let [ondragover, ondragleave, ondrop] = controls::dragging(&dragging, &on_files);
    let (on_select, on_place) = selecting(&selected, &pane, shown_pane);
    let on_language = controls::switching_language(&lang);
    let Fixing { on_fix, on_undo, on_key, undoable } = controls::fixing(&workspace, &analysis, &undo, &on_input);
    let checked: Vec<Rc<Analysis>> = workspace.analyses.iter().flatten().cloned().collect();
    let (on_export_json, on_export_csv) =
        controls::exporting(checked.clone(), export_name(&checked, analysis.as_deref()), lang_value);

    let active_findings = Rc::new(analysis.as_ref().map(|a| a.open_findings(&dismissals)).unwrap_or_default());
    // Nothing pasted or opened: no results to show (not "no problems found").
    let has_text = !workspace.active_document().text.trim().is_empty();
    let analysis = analysis.filter(|_| has_text);
    let fix_bar = analysis.as_ref().and_then(|a| {
        fix_bar(lang_value, a, &active_findings, undoable, &on_fix, &on_undo, &workspace.active_document().text)
    });
    let announcement = analysis.as_ref().map(|a| announcement(lang_value, a, &active_findings));
    // A PDF being read, or one that could not be read: what to say in place of its text.
    let active_document = workspace.active_document();
    let pdf_status = reading_status(lang_value, active_document);
    let results = analysis.clone().map(|analysis| {
        let on_fix = on_fix.reform(|fix| vec![fix]);
        html! {
            <>
                { for fix_bar }
                <Results lang={lang_value} {analysis} dismissals={dismissals.clone()} selected={*selected}
                    {on_select} {on_dismiss} {on_restore} {on_fix} />
            </>
        }
    });
    let document_tabs = document_tabs(lang_value, &workspace);
    let overview = documents_overview(lang_value, &workspace);

    html! {
        <div class="app" {ondragover} {ondragleave} {ondrop} onkeydown={on_key}>
            if *dragging {
                <div class="drop-overlay" data-testid="drop-overlay" aria-hidden="true">{ texts.drop_here }</div>
            }
            <a class="skip-link" href="#findings" data-testid="skip-to-findings" onclick={Callback::from(skip_to_findings)}>{ texts.skip_to_findings }</a>
            { top_bar(lang_value, !checked.is_empty(), on_export_json, on_export_csv, on_language) }
            if *paused {
                { crashed_notice(lang_value, on_resume, on_clear.reform(|_: MouseEvent| ())) }
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
                    { pane_tabs(lang_value, &pane, shown_pane, layout.is_some()) }
                    <div class="pane-body" role="tabpanel" id="panel-source" aria-labelledby="tab-source" hidden={shown_pane != Pane::Source}>
                        <Editor lang={lang_value} text={AttrValue::from(active_document.text.clone())} status={pdf_status.clone().map(AttrValue::from)} on_input={on_input}
                            analysis={analysis.clone()} active={active_findings.clone()} on_place={on_place.clone()} />
                    </div>
                    if shown_pane == Pane::Document {
                        { document_panel(lang_value, analysis.clone(), active_findings, on_place, pdf_status.clone()) }
                    }
                    if let Some((layout, analysis)) = layout.as_ref().zip(analysis.as_ref()).filter(|_| shown_pane == Pane::Pages) {
                        <div class="pane-body" role="tabpanel" id="panel-pages" aria-labelledby="tab-pages">
                            { page_view(lang_value, layout, selected.and_then(|i| analysis.report.findings.get(i))) }
                        </div>
                    }
                </section>
                <section class="pane right-pane" id="findings" tabindex="-1" aria-label={texts.findings}>
                    <p class="visually-hidden" role="status" data-testid="announcement">{ announcement.unwrap_or_default() }</p>
                    { findings_pane(lang_value, &active_document.origin, pdf_status, results, &problems) }
                </section>
            </main>
        </div>
    }
}

/// After a crash: the input is kept, unchecked until the user resumes (or clears it).
fn crashed_notice(lang: Lang, on_resume: Callback<MouseEvent>, on_clear: Callback<MouseEvent>) -> Html {
    let texts = lang.texts();
    html! {
        <div class="notice warning no-print" role="alert" data-testid="crashed-notice">
            { texts.crashed_notice }
            <button type="button" class="button primary" onclick={on_resume}>{ texts.resume }</button>
            <button type="button" class="button subtle" onclick={on_clear}>{ texts.clear }</button>
        </div>
    }
}

/// The page's title and language follow the UI's.
fn show_language(lang: Lang) {
    if let Some(document) = document() {
        document.set_title(lang.texts().page_title);
        if let Some(root) = document.document_element() {
            let _ = root.set_attribute("lang", lang.code());
        }
    }
}

/// The document view (文档视图), the open findings' places marked; `status` said in place of a
/// document not read yet.
fn document_panel(
    lang: Lang,
    analysis: Option<Rc<Analysis>>,
    active_findings: Rc<Vec<usize>>,
    on_place: Callback<Vec<usize>>,
    status: Option<String>,
) -> Html {
    let texts = lang.texts();
    html! {
        <div class="pane-body" role="tabpanel" id="panel-document" aria-labelledby="tab-document">
            if let Some(analysis) = analysis {
                <DocView {lang} {analysis} active={active_findings} {on_place} />
            } else {
                <article class="doc-view" data-testid="doc-view"><p class="empty">{ status.unwrap_or_else(|| texts.empty_document.to_string()) }</p></article>
            }
        </div>
    }
}

/// The right pane's content: a PDF or office file's progress or why it could not be read, the
/// results (with the fix bar), why the files dropped were not opened, or that nothing is open.
fn findings_pane(
    lang: Lang,
    origin: &Origin,
    status: Option<String>,
    results: Option<Html>,
    problems: &[FileProblem],
) -> Html {
    let texts = lang.texts();
    html! {
        if let Origin::Reading { page, pages, .. } = *origin {
            <div class="pdf-progress" data-testid="pdf-progress" role="status">
                <p>{ (texts.pdf_progress)(page, pages) }</p>
                <progress max={pages.max(1).to_string()} value={page.to_string()} />
            </div>
        } else if let Some(problem) = status {
            <p class="notice warning" role="alert" data-testid="pdf-error">{ problem }</p>
        } else if let Some(results) = results {
            { results }
        } else if !problems.is_empty() {
            <div class="notice warning" role="alert" data-testid="results-problems">
                <p>{ texts.nothing_opened }</p>
                { problem_list(problems, lang) }
            </div>
        } else {
            <p class="empty">{ texts.empty }</p>
        }
    }
}

/// The app's name and what it does; the exports (once something is checked), print and the
/// language switch.
fn top_bar(
    lang: Lang,
    checked: bool,
    on_export_json: Callback<MouseEvent>,
    on_export_csv: Callback<MouseEvent>,
    on_language: Callback<MouseEvent>,
) -> Html {
    let texts = lang.texts();
    let on_print = Callback::from(|_| {
        if let Some(window) = web_sys::window() {
            let _ = window.print();
        }
    });
    html! {
        <header class="topbar">
            <div class="brand">
                <h1>{ texts.title }</h1>
                <p class="tagline">{ texts.tagline }</p>
            </div>
            <div class="actions no-print">
                <button type="button" class="button" data-testid="export-json" disabled={!checked} onclick={on_export_json}>{ texts.export_json }</button>
                <button type="button" class="button" data-testid="export-csv" disabled={!checked} onclick={on_export_csv}>{ texts.export_csv }</button>
                <button type="button" class="button" data-testid="print" disabled={!checked} onclick={on_print}>{ texts.print }</button>
                <button type="button" class="button" data-testid="language" lang={lang.other().code()} onclick={on_language}>{ texts.switch_language }</button>
            </div>
        </header>
    }
}

/// What the live region says of a checked document: how many findings are open, of which
/// severity (or that nothing could be checked).
fn announcement(lang: Lang, analysis: &Analysis, open_findings: &[usize]) -> String {
    let open = Severity::ALL
        .map(|severity| open_findings.iter().filter(|&&i| analysis.report.findings[i].severity == severity).count());
    findings_line(lang == Lang::En, analysis.checked_nothing(), open)
}

/// A PDF or office file being read, or one that could not be read: what to say in place of
/// its text.
fn reading_status(lang: Lang, document: &storage::Document) -> Option<String> {
    let texts = lang.texts();
    match &document.origin {
        Origin::Reading { page, pages, .. } => Some((texts.pdf_progress)(*page, *pages)),
        Origin::Failed(problem) => Some((texts.unreadable)(&document.name, &problem.message(lang))),
        Origin::Text | Origin::Pdf(_) => None,
    }
}

/// One document's exports are named after it; several documents' after the set and the day.
fn export_name(checked: &[Rc<Analysis>], shown: Option<&Analysis>) -> String {
    if checked.len() > 1 {
        return format!(
            "hedui-{}-documents-{}",
            checked.len(),
            String::from(js_sys::Date::new_0().to_iso_string()).get(..10).unwrap_or_default()
        );
    }
    shown
        .map(|a| file_stem(&a.report.source).to_string())
        .filter(|n| !n.is_empty())
        .unwrap_or_else(|| "hedui".to_string())
}

/// A finding selected in the list (shown where the user looks: from the source, in the page
/// view, a text's document view; in the document or page view, there), and a place clicked in
/// the document or a marker followed in the editor (its first finding selected and shown in the
/// list).
fn selecting(
    selected: &UseStateHandle<Option<usize>>,
    pane: &UseStateHandle<Pane>,
    shown_pane: Pane,
) -> (Callback<usize>, Callback<Vec<usize>>) {
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
    let selected = selected.clone();
    let on_place = Callback::from(move |indices: Vec<usize>| {
        if let Some(&first) = indices.first() {
            selected.set(Some(first));
            reveal_in_list(first);
        }
    });
    (on_select, on_place)
}

/// Above the findings: apply every `safe` fix of the open findings, and once a fix is applied,
/// undo it and download the corrected text `text`.
fn fix_bar(
    lang: Lang,
    analysis: &Analysis,
    open_findings: &[usize],
    undoable: bool,
    on_fix: &Callback<Vec<Fix>>,
    on_undo: &Callback<()>,
    text: &str,
) -> Option<Html> {
    let texts = lang.texts();
    let findings = &analysis.report.findings;
    let safe_fixes: Vec<Fix> = open_findings
        .iter()
        .filter_map(|&i| findings[i].fix.clone())
        .filter(|f| f.applicability == Applicability::Safe && !f.edits.is_empty())
        .collect();
    let stem = file_stem(&analysis.report.source);
    let on_undo = on_undo.reform(|_| ());
    (!safe_fixes.is_empty() || undoable).then(|| {
        let count = safe_fixes.len();
        let apply_all = on_fix.reform(move |_| safe_fixes.clone());
        let text = text.to_string();
        let name = format!("{stem}.fixed.txt");
        let on_download = Callback::from(move |_| download(&name, "text/plain;charset=utf-8", &text));
        html! {
            <div class="fix-bar no-print" data-testid="fix-bar">
                if count > 0 {
                    <button type="button" class="button primary" data-testid="apply-all-fixes" onclick={apply_all}>{ (texts.apply_all_fixes)(count) }</button>
                }
                if undoable {
                    <button type="button" class="button" data-testid="undo-fix" onclick={on_undo}>{ texts.undo_fix }</button>
                    <button type="button" class="button subtle" data-testid="download-text" onclick={on_download}>{ texts.download_text }</button>
                }
            </div>
        }
    })
}

/// 原文 / 文档视图 (/ 页面, for a PDF as read): a tablist, ←/→ moving between the tabs (one tab
/// stop), showing each.
fn pane_tabs(lang: Lang, pane: &UseStateHandle<Pane>, shown_pane: Pane, has_pages: bool) -> Html {
    let texts = lang.texts();
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
        let panes = if has_pages {
            vec![Pane::Source, Pane::Document, Pane::Pages]
        } else {
            vec![Pane::Source, Pane::Document]
        };
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
            if let Some(tab) = document()
                .and_then(|d| d.get_element_by_id(&format!("tab-{}", next.name())))
                .and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok())
            {
                let _ = tab.focus();
            }
        })
    };
    html! {
        <div class="pane-tabs" role="tablist" onkeydown={on_tab_keys}>
            { tab(Pane::Source, texts.pane_source) }
            { tab(Pane::Document, texts.pane_document) }
            if has_pages {
                { tab(Pane::Pages, texts.pane_pages) }
            }
        </div>
    }
}

/// The skip link focuses the findings without following its href: the address keeps naming
/// the document shown (`link`), and no history entry is added.
fn skip_to_findings(event: MouseEvent) {
    event.prevent_default();
    crate::results::focus("#findings");
}

/// Several documents, or one read from several files (named `a.xlsx + b.docx`): a tab each,
/// with its open findings counted (dismissed ones are not).
fn document_tabs(lang: Lang, workspace: &UseReducerHandle<Workspace>) -> Option<Html> {
    let texts = lang.texts();
    (workspace.documents.len() > 1 || hedui_core::ingest::contains(&workspace.documents[0].name, " + ")).then(|| {
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
    })
}

/// Several documents: the reviewer's overview, one row each.
fn documents_overview(lang: Lang, workspace: &UseReducerHandle<Workspace>) -> Option<Html> {
    let texts = lang.texts();
    (workspace.documents.len() > 1).then(|| {
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
        overview(lang, &listed, &show)
    })
}

/// Why each file was not opened.
fn problem_list(problems: &[FileProblem], lang: Lang) -> Html {
    html! { <ul>{ for problems.iter().map(|p| html! { <li>{ p.message(lang) }</li> }) }</ul> }
}

fn document() -> Option<web_sys::Document> {
    web_sys::window()?.document()
}

pub fn scroll_options(block: ScrollLogicalPosition) -> ScrollIntoViewOptions {
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
        for element in
            (0..previous.length()).filter_map(|i| previous.item(i)).filter_map(|n| n.dyn_into::<Element>().ok())
        {
            let _ = element.remove_attribute("data-hl");
            if element.get_attribute("data-testid").as_deref() == Some("highlight") {
                let _ = element.remove_attribute("data-testid");
            }
        }
    }
    let Some(finding) = analysis.zip(selected).and_then(|(a, i)| a.report.findings.get(i)) else { return };
    let find = |byte_start: usize, line: usize| {
        document.get_element_by_id(&place_id(byte_start)).or_else(|| document.get_element_by_id(&line_id(line)))
    };
    for related in &finding.related {
        if let Some(element) = find(related.byte_start, related.line) {
            let _ = element.set_attribute("data-hl", "related");
        }
    }
    if let Some(element) = find(finding.location.byte_start, finding.location.line) {
        // A cause's figure is the one probably wrong; its relations' other figures are related.
        let _ = element.set_attribute("data-hl", if finding.is_cause() { "suspect" } else { "primary" });
        let _ = element.set_attribute("data-testid", "highlight");
        centre_highlight(element, 2);
    } else if let Ok(Some(page_box)) = document.query_selector("[data-testid=page-box]") {
        page_box.scroll_into_view_with_scroll_into_view_options(&scroll_options(ScrollLogicalPosition::Center));
    }
}

/// Scrolls the highlighted `place` to the middle of its pane, now and in each of the next
/// `frames` frames: places scrolled to for the first time (`content-visibility: auto`, app.css)
/// take their real height only once laid out, which moves it. Another place highlighted ends it.
fn centre_highlight(place: Element, frames: u8) {
    if place.get_attribute("data-testid").as_deref() != Some("highlight") {
        return;
    }
    place.scroll_into_view_with_scroll_into_view_options(&scroll_options(ScrollLogicalPosition::Center));
    if let Some(window) = web_sys::window().filter(|_| frames > 0) {
        let next = Closure::once_into_js(move || centre_highlight(place, frames - 1));
        let _ = window.request_animation_frame(next.unchecked_ref());
    }
}

/// Scrolls the list to finding `index` and marks it as current.
pub fn reveal_in_list(index: usize) {
    if let Some(item) = document()
        .and_then(|d| d.query_selector(&format!("[data-testid=finding][data-index=\"{index}\"]")).ok().flatten())
    {
        item.scroll_into_view_with_scroll_into_view_options(&scroll_options(ScrollLogicalPosition::Nearest));
    }
}
