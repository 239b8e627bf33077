//! The results of one document: its facts, score, how much was checked, and the findings
//! grouped by category and severity, filterable, each with both sides and the derivation.

use std::cell::RefCell;
use std::rc::Rc;

use hedui_core::check_report::findings_line;
use hedui_core::finding::{Applicability, Category, Finding, FindingLocation, Fix, Severity, TableCoverage};
use hedui_core::score;
use hedui_core::sorted_map::SortedMap;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::analysis::Analysis;
use crate::i18n::Lang;
use crate::storage::Dismissals;

#[derive(Properties, PartialEq)]
pub struct ResultsProps {
    pub lang: Lang,
    pub analysis: Rc<Analysis>,
    pub dismissals: Rc<Dismissals>,
    pub selected: Option<usize>,
    pub on_select: Callback<usize>,
    /// Finding key and reason.
    pub on_dismiss: Callback<(String, String)>,
    pub on_restore: Callback<String>,
    /// Apply a finding's fix to the text.
    pub on_fix: Callback<Fix>,
}

#[function_component(Results)]
pub fn results(props: &ResultsProps) -> Html {
    let lang = props.lang;
    let texts = lang.texts();
    let report = &props.analysis.report;
    let shown_severities = use_state(|| Severity::ALL.to_vec());
    let category_filter = use_state(|| None::<Category>);
    let search = use_state(String::new);
    let dismissing = use_state(|| None::<usize>);
    // What takes the keyboard focus after the next render (a selector): the reason field when
    // dismissing starts, the list when it ends.
    let refocus = use_mut_ref(|| None::<String>);
    {
        let refocus = refocus.clone();
        use_effect(move || {
            if let Some(selector) = refocus.borrow_mut().take() {
                focus(&selector);
            }
        });
    }

    let keys = &props.analysis.keys;
    let filter =
        Filter { severities: &shown_severities, category: *category_filter, query: search.trim().to_ascii_lowercase() };
    let Arranged { groups, dismissed: dismissed_list } =
        arrange(&report.findings, |index| props.dismissals.contains_key(&keys[index]), &filter);
    let active_count = report.findings.len() - dismissed_list.len();

    let item = |index: usize| finding_item(props, index, &dismissing, &refocus);

    let groups_html = groups.iter().map(|(category, by_severity)| {
        let count: usize = by_severity.values().map(Vec::len).sum();
        html! {
            <section class="finding-group">
                <h3>{ lang.category(*category) }<span class="count">{ count }</span></h3>
                { for by_severity.iter().map(|(severity, indices)| html! {
                    <>
                        <h4 class={format!("sev-{}", severity.en())}>{ lang.severity(*severity) }<span class="count">{ indices.len() }</span></h4>
                        <ol class="finding-list">{ for indices.iter().map(|&i| item(i)) }</ol>
                    </>
                }) }
            </section>
        }
    });

    let dismissed_html = dismissed_list.iter().map(|&index| {
        let finding = &report.findings[index];
        let key = keys[index].clone();
        let reason = props.dismissals.get(&key).cloned().unwrap_or_default();
        let on_restore = props.on_restore.clone();
        html! {
            <li class="finding dismissed" data-testid="dismissed-finding" data-rule={finding.rule} data-line={finding.location.line.to_string()}>
                { finding_body(lang, finding) }
                if !reason.is_empty() {
                    <p class="reason">{ texts.reason }{ lang.pick("：", ": ") }{ reason }</p>
                }
                <button type="button" class="button subtle no-print" data-testid="restore" onclick={Callback::from(move |_| on_restore.emit(key.clone()))}>{ texts.restore }</button>
            </li>
        }
    });

    // Inserted one by one: collecting into a map sorts the items first, with a copy of the
    // standard sort for them.
    let mut categories = SortedMap::new();
    for category in report.stats.by_category.keys().copied().chain(report.findings.iter().map(|f| f.category)) {
        categories.insert(category, ());
    }
    let on_category = {
        let category_filter = category_filter.clone();
        let categories: Vec<Category> = categories.keys().copied().collect();
        Callback::from(move |event: Event| {
            let select: HtmlSelectElement = event.target_unchecked_into();
            category_filter.set(select.value().parse::<usize>().ok().and_then(|i| categories.get(i).copied()));
        })
    };
    let on_search = {
        let search = search.clone();
        Callback::from(move |event: InputEvent| search.set(event.target_unchecked_into::<HtmlInputElement>().value()))
    };
    let severity_toggles = Severity::ALL.iter().map(|&severity| severity_toggle(props, severity, &shown_severities));

    html! {
        // `data-diagnosed`: the diagnosis module's change is in (or none is needed), for the tests.
        <div class="results" data-diagnosed={(!props.analysis.needs_diagnosis()).to_string()}>
            { facts(lang, &props.analysis) }
            <div class="filters no-print" role="group" aria-label={texts.findings}>
                <span class="filter-label">{ texts.filter_severity }</span>
                { for severity_toggles }
                <select aria-label={texts.filter_category} onchange={on_category}>
                    <option value="" selected={category_filter.is_none()}>{ texts.all_categories }</option>
                    { for categories.keys().enumerate().map(|(i, c)| html! {
                        <option value={i.to_string()} selected={*category_filter == Some(*c)}>{ lang.category(*c) }</option>
                    }) }
                </select>
                <input type="search" class="search" placeholder={texts.search} aria-label={texts.search} value={(*search).clone()} oninput={on_search} />
            </div>
            <h2 class="findings-heading" tabindex="-1" data-testid="findings-heading">{ texts.findings }<span class="count">{ active_count }</span></h2>
            if props.analysis.checked_nothing() {
                <p class="notice warning" data-testid="nothing-checked">{ findings_line(lang == Lang::En, true, [0; 3]) }</p>
            } else if active_count == 0 {
                <p class="all-clear">{ findings_line(lang == Lang::En, false, [0; 3]) }</p>
            } else if groups.is_empty() {
                <p class="all-clear">{ texts.no_match }</p>
            } else {
                <p class="hint no-print">{ texts.keyboard_hint }</p>
                <div class="findings" onkeydown={Callback::from(move_focus)}>{ for groups_html }</div>
            }
            if !dismissed_list.is_empty() {
                <section class="dismissed-section">
                    <h2>{ (texts.dismissed)(dismissed_list.len()) }</h2>
                    <ul class="finding-list">{ for dismissed_html }</ul>
                </section>
            }
        </div>
    }
}

/// A severity's chip: how many findings of it are open; pressed, they are shown.
fn severity_toggle(props: &ResultsProps, severity: Severity, shown_severities: &UseStateHandle<Vec<Severity>>) -> Html {
    let lang = props.lang;
    let (keys, findings) = (&props.analysis.keys, &props.analysis.report.findings);
    let count = (0..keys.len())
        .filter(|&i| findings[i].severity == severity && !props.dismissals.contains_key(&keys[i]))
        .count();
    let pressed = shown_severities.contains(&severity);
    let shown_severities = shown_severities.clone();
    let onclick = Callback::from(move |_| {
        let mut next = (*shown_severities).clone();
        if pressed {
            next.retain(|s| *s != severity)
        } else {
            next.push(severity)
        }
        shown_severities.set(next);
    });
    html! {
        <button type="button" class={classes!("chip", "severity-chip", format!("sev-{}", severity.en()))} aria-pressed={pressed.to_string()}
            data-testid={format!("count-{}", severity.en())} {onclick}>
            { lang.severity(severity) }{ " " }<strong>{ count }</strong>
        </button>
    }
}

/// One finding of the list: its body, its fix, and dismissing it (已确认无误, with a reason).
fn finding_item(
    props: &ResultsProps,
    index: usize,
    dismissing: &UseStateHandle<Option<usize>>,
    refocus: &Rc<RefCell<Option<String>>>,
) -> Html {
    let lang = props.lang;
    let texts = lang.texts();
    let keys = &props.analysis.keys;
    let finding = &props.analysis.report.findings[index];
    let on_dismiss_start = {
        let dismissing = dismissing.clone();
        let refocus = refocus.clone();
        Callback::from(move |_| {
            *refocus.borrow_mut() = Some("[data-testid=dismiss-reason]".into());
            dismissing.set(Some(index));
        })
    };
    let form = (**dismissing == Some(index)).then(|| {
        let on_dismiss = props.on_dismiss.clone();
        let cancel = {
            let dismissing = dismissing.clone();
            let refocus = refocus.clone();
            Callback::from(move |_| {
                *refocus.borrow_mut() = Some(finding_selector(index));
                dismissing.set(None);
            })
        };
        let dismissing = dismissing.clone();
        let refocus = refocus.clone();
        let key = keys[index].clone();
        let onsubmit = Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let form = event.target().and_then(|t| t.dyn_into::<Element>().ok());
            let reason = form.as_ref().and_then(|f| f.query_selector("input").ok().flatten()).map(|input| input.unchecked_into::<HtmlInputElement>().value()).unwrap_or_default();
            *refocus.borrow_mut() = form.and_then(|f| f.closest("li").ok().flatten()).map(|item| neighbour(&item));
            on_dismiss.emit((key.clone(), reason.trim().to_string()));
            dismissing.set(None);
        });
        html! {
            <form class="dismiss-form" {onsubmit}>
                <input type="text" data-testid="dismiss-reason" aria-label={texts.dismiss_reason} placeholder={texts.dismiss_reason} />
                <button type="submit" class="button primary" data-testid="dismiss-confirm">{ texts.confirm }</button>
                <button type="button" class="button subtle" onclick={cancel}>{ texts.cancel }</button>
            </form>
        }
    });
    let selected = props.selected == Some(index);
    let on_select = props.on_select.clone();
    let onclick = Callback::from(move |event: MouseEvent| {
        let inside_control = event
            .target()
            .and_then(|t| t.dyn_into::<Element>().ok())
            .is_some_and(|e| e.closest("a, button, input, form").ok().flatten().is_some());
        if !inside_control {
            on_select.emit(index);
        }
    });
    let on_select = props.on_select.clone();
    let onkeydown = Callback::from(move |event: KeyboardEvent| {
        // The item itself, not a control in it (Yew delegates events: no `current_target`).
        let on_item = event
            .target()
            .and_then(|t| t.dyn_into::<Element>().ok())
            .is_some_and(|e| e.get_attribute("data-testid").as_deref() == Some("finding"));
        if on_item && (event.key() == "Enter" || event.key() == " ") {
            event.prevent_default();
            on_select.emit(index);
        }
    });
    html! {
        <li class={classes!("finding", format!("sev-{}", finding.severity.en()), selected.then_some("selected"))}
            data-testid="finding" data-rule={finding.rule} data-severity={finding.severity.en()}
            data-line={finding.location.line.to_string()} data-index={index.to_string()}
            tabindex="0" aria-current={selected.then_some("true")} {onclick} {onkeydown}>
            { finding_body(lang, finding) }
            { for finding.fix.as_ref().map(|fix| fix_line(lang, fix, &props.on_fix)) }
            <div class="finding-actions">
                if form.is_none() {
                    <button type="button" class="button subtle" data-testid="dismiss" onclick={on_dismiss_start}>{ texts.dismiss }</button>
                }
                { for form }
            </div>
        </li>
    }
}

/// What the list shows: the severities, category and text (lower case) a finding must match.
pub struct Filter<'a> {
    pub severities: &'a [Severity],
    pub category: Option<Category>,
    pub query: String,
}

/// The findings as the list shows them (indices): the open ones that match the filter, by
/// category and severity, and the dismissed ones (whatever the filter).
pub struct Arranged {
    pub groups: SortedMap<Category, SortedMap<Severity, Vec<usize>>>,
    pub dismissed: Vec<usize>,
}

/// Arranges `findings` for the list; `dismissed(i)` says whether finding `i` is dismissed.
pub fn arrange(findings: &[Finding], dismissed: impl Fn(usize) -> bool, filter: &Filter) -> Arranged {
    let matches = |finding: &Finding| {
        filter.severities.contains(&finding.severity)
            && filter.category.is_none_or(|c| c == finding.category)
            && (filter.query.is_empty()
                || [&finding.message, &finding.message_en, &finding.derivation, finding.rule]
                    .iter()
                    .any(|t| t.to_ascii_lowercase().contains(&filter.query)))
    };
    let mut arranged = Arranged { groups: SortedMap::new(), dismissed: Vec::new() };
    for (index, finding) in findings.iter().enumerate() {
        if dismissed(index) {
            arranged.dismissed.push(index);
        } else if matches(finding) {
            arranged.groups.entry_or_default(finding.category).entry_or_default(finding.severity).push(index);
        }
    }
    arranged
}

/// Kind, department, year, score, and how much was checked; first, for a 决算 whose tables
/// were not all recognised, how many were (its findings and counts cover only those).
fn facts(lang: Lang, analysis: &Analysis) -> Html {
    let texts = lang.texts();
    let report = &analysis.report;
    let kinds: Vec<&str> = report.kind.iter().map(|k| lang.kind(*k)).collect();
    let kinds = if kinds.is_empty() { texts.unknown.to_string() } else { kinds.join(" + ") };
    let stats = &report.stats;
    let score = &report.score;
    let score_html = score.value.zip(score.grade).map(|(value, grade)| {
        let categories = score.categories.iter().filter(|c| c.applicable || c.assessed).map(|c| {
            let points = c.score.map_or(texts.not_assessed.to_string(), |s| s.to_string());
            html! { <li><span>{ lang.category(c.category) }</span>{ " " }<strong>{ points }</strong></li> }
        });
        html! {
            <div class={classes!("score", format!("grade-{}", grade.en()))} data-testid="score">
                <span class="score-label">{ texts.score }</span>
                <span class="score-value">{ score::one_decimal(value) }</span>
                <span class="grade">{ lang.grade(grade) }</span>
                <span class="coverage">{ (texts.coverage)(score.coverage) }</span>
                <ul class="score-categories">{ for categories }</ul>
            </div>
        }
    });
    // The score and counts in words are core's (the CLI and the embed element show the same).
    let summary = match lang {
        Lang::Zh => &report.summary.zh,
        Lang::En => &report.summary.en,
    };
    let companions = report.compared_with.join(lang.pick("、", ", "));
    let reader_notes = analysis.reading.pdf.as_ref().map_or(&[][..], |layout| &layout.notes[..]);
    let score_withheld = score.value.is_none() && stats.table_coverage.as_ref().is_some_and(TableCoverage::none_read);
    html! {
        <header class="facts">
            if let Some(line) = summary.tables.clone() {
                <p class="table-coverage" data-testid="table-coverage">{ line }</p>
            }
            <dl class="facts-list">
                <div><dt>{ texts.kind }</dt><dd data-testid="kind">{ kinds }</dd></div>
                <div><dt>{ texts.department }</dt><dd data-testid="department">{ report.department.clone().unwrap_or_else(|| texts.unknown.to_string()) }</dd></div>
                <div><dt>{ texts.year }</dt><dd data-testid="year">{ report.year.map_or(texts.unknown.to_string(), |y| y.to_string()) }</dd></div>
                if !companions.is_empty() {
                    <div><dt>{ texts.compared_with }</dt><dd data-testid="compared-with">{ companions }</dd></div>
                }
            </dl>
            { for score_html }
            if score_withheld {
                <p class="score-withheld" data-testid="score-withheld">{ summary.score.clone() }</p>
            }
            <p class="summary" data-testid="summary">{ (texts.tables_found)(analysis.reading.parse.stats.tables) }</p>
            if !reader_notes.is_empty() {
                <ul class="reader-notes" data-testid="reader-notes">{ for reader_notes.iter().map(|(zh, en)| html! { <li>{ lang.pick(zh, en) }</li> }) }</ul>
            }
            <p class="checked" data-testid="checked" data-check-us={analysis.check_micros.to_string()}>{ summary.checked.clone() }</p>
        </header>
    }
}

/// Message, location, stated vs expected and the derivation of one finding.
fn finding_body(lang: Lang, finding: &Finding) -> Html {
    let texts = lang.texts();
    // Two places that disagree (in two tables, or in two documents): the other figure is
    // labelled with its place, not as the one that is right (应为); a figure computed from
    // several is what it "should be".
    let expected_label = match (finding.related.as_slice(), finding.related_documents.as_slice()) {
        ([other], _) if other.table.is_some() => place(lang, other),
        ([], [other]) => format!("{} · {}", other.source, place(lang, &other.location)),
        _ => texts.expected.to_string(),
    };
    html! {
        <>
            <div class="finding-head">
                <span class={classes!("badge", format!("sev-{}", finding.severity.en()))}>{ lang.severity(finding.severity) }</span>
                // The rule's explanation: a page shipped beside the app (xtask's docs.rs).
                <a class="rule" data-testid="rule-link" href={format!("rules.html#{}", finding.rule.to_ascii_lowercase())} target="_blank" rel="noopener"
                    title={lang.pick("这条规则核对什么", "What this rule checks")}><code>{ finding.rule }</code></a>
                if let Some(place) = finding.location.page {
                    <span class="finding-page" data-testid="finding-page">{ (texts.page)(place.page) }</span>
                }
                if let Some(origin) = &finding.location.origin {
                    <span class="finding-page" data-testid="finding-origin" lang="zh-CN">{ format!("{} {}", origin.file, origin.place) }</span>
                }
                <span class="where">{ marked(lang, &place(lang, &finding.location)) }</span>
            </div>
            <p class="message">{ marked(lang, lang.pick(&finding.message, &finding.message_en)) }</p>
            if finding.stated.is_some() || finding.expected.is_some() {
                <dl class="sides">
                    if let Some(stated) = &finding.stated {
                        <div><dt>{ texts.stated }</dt><dd class="stated">{ stated }</dd></div>
                    }
                    if let Some(expected) = &finding.expected {
                        <div><dt>{ expected_label }</dt><dd class="expected">{ expected }</dd></div>
                    }
                </dl>
            }
            <p class="derivation"><span class="derivation-label">{ texts.derivation }</span><code>{ marked(lang, &finding.derivation) }</code></p>
            { for finding.related_documents.iter().map(|other| html! {
                <p class="elsewhere" data-testid="related-document">
                    <span class="derivation-label">{ texts.in_other_document }</span>
                    { format!("{} · {} · {}", other.source, place(lang, &other.location), other.location.excerpt) }
                </p>
            }) }
        </>
    }
}

/// What a fix would change, with a button applying it when it says where (a `display` fix
/// only says what).
fn fix_line(lang: Lang, fix: &Fix, on_fix: &Callback<Fix>) -> Html {
    let texts = lang.texts();
    let onclick = {
        let (on_fix, fix) = (on_fix.clone(), fix.clone());
        Callback::from(move |_| on_fix.emit(fix.clone()))
    };
    let label = match fix.applicability {
        Applicability::Safe => Some(texts.apply_fix),
        Applicability::Unsafe => Some(texts.apply_unsure_fix),
        Applicability::Display => None,
    };
    html! {
        <p class="fix" data-testid="fix">
            <span class="derivation-label">{ texts.suggestion }</span>
            { marked(lang, lang.pick(&fix.message, &fix.message_en)) }
            if let Some(label) = label.filter(|_| !fix.edits.is_empty()) {
                <button type="button" class="button primary" data-testid="apply-fix" {onclick}>{ label }</button>
            }
        </p>
    }
}

/// `text` as shown in `lang`: in English, each run of Chinese (table names, labels, quoted
/// sentences) is a `lang="zh-CN"` span, so that screen readers and fonts treat it as Chinese.
fn marked(lang: Lang, text: &str) -> Html {
    if lang == Lang::Zh {
        return html! { { text.to_string() } };
    }
    html! { for chinese_runs(text).into_iter().map(|(chinese, run)| if chinese { html! { <span lang="zh-CN">{ run.to_string() }</span> } } else { html! { { run.to_string() } } }) }
}

/// `text` cut into runs of Chinese and of other text; digits, spaces and punctuation stay with
/// the run they are in (`02表 合计` is one Chinese run).
fn chinese_runs(text: &str) -> Vec<(bool, &str)> {
    let is_chinese = |c: char| matches!(c, '\u{3000}'..='\u{303F}' | '\u{3400}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{FF00}'..='\u{FFEF}');
    let mut runs: Vec<(bool, &str)> = Vec::new();
    let mut start = 0;
    let mut current: Option<bool> = None;
    for (at, c) in text.char_indices() {
        let kind = if is_chinese(c) {
            Some(true)
        } else if c.is_ascii_alphabetic() {
            Some(false)
        } else {
            None
        };
        match (current, kind) {
            (Some(was), Some(now)) if was != now => {
                runs.push((was, &text[start..at]));
                start = at;
                current = Some(now);
            }
            (None, Some(now)) => current = Some(now),
            _ => {}
        }
    }
    runs.push((current.unwrap_or(false), &text[start..]));
    runs
}

/// `第 129 行 · 支出决算表 · 合计 · 基本支出`.
fn place(lang: Lang, location: &FindingLocation) -> String {
    let mut parts = vec![(lang.texts().line)(location.line)];
    parts.extend(location.table.map(str::to_string));
    parts.extend(location.row.clone().filter(|r| !r.is_empty()));
    parts.extend(location.column.clone().filter(|c| !c.is_empty()));
    parts.join(" · ")
}

fn finding_selector(index: impl std::fmt::Display) -> String {
    format!("[data-testid=finding][data-index=\"{index}\"]")
}

/// Where the focus goes once the finding `item` is dismissed: the finding after it, else the
/// one before, else the list's heading.
fn neighbour(item: &Element) -> String {
    let next = item.next_element_sibling().or_else(|| item.previous_element_sibling());
    next.and_then(|n| n.get_attribute("data-index")).map_or("[data-testid=findings-heading]".into(), finding_selector)
}

/// Moves the keyboard focus to the element `selector` finds, if any.
pub fn focus(selector: &str) {
    let element = web_sys::window().and_then(|w| w.document()).and_then(|d| d.query_selector(selector).ok().flatten());
    if let Some(element) = element.and_then(|e| e.dyn_into::<HtmlElement>().ok()) {
        let _ = element.focus();
    }
}

/// ↑/↓ move the focus between findings.
fn move_focus(event: KeyboardEvent) {
    let step: i32 = match event.key().as_str() {
        "ArrowDown" => 1,
        "ArrowUp" => -1,
        _ => return,
    };
    let Some(list) =
        event.target().and_then(|t| t.dyn_into::<Element>().ok()).and_then(|e| e.closest(".findings").ok().flatten())
    else {
        return;
    };
    let Ok(items) = list.query_selector_all("[data-testid=finding]") else { return };
    let items: Vec<HtmlElement> =
        (0..items.length()).filter_map(|i| items.item(i)).filter_map(|n| n.dyn_into().ok()).collect();
    let focused = web_sys::window().and_then(|w| w.document()).and_then(|d| d.active_element());
    let current = focused.and_then(|f| items.iter().position(|item| item.contains(Some(&f))));
    let next = match current {
        Some(at) => (at as i32 + step).clamp(0, items.len() as i32 - 1) as usize,
        None => 0,
    };
    if let Some(item) = items.get(next) {
        event.prevent_default();
        let _ = item.focus();
    }
}

#[cfg(test)]
mod tests {
    use wasm_bindgen_test::*;

    use super::{arrange, chinese_runs, Filter};
    use hedui_core::finding::{Category, Severity};

    /// 000's findings: dismissed ones apart whatever the filter; the open ones by category and
    /// severity, in order, narrowed by severity, category and text.
    #[wasm_bindgen_test]
    fn findings_are_grouped_and_filtered_and_dismissed_ones_kept_apart() {
        let text = include_str!("../../../../shared/corpus/000_a60f2e9b14e82395.txt");
        let findings = hedui_core::check(&[("000.txt", text)]).documents.remove(0).findings;
        let all = Filter { severities: &Severity::ALL, category: None, query: String::new() };
        let arranged = arrange(&findings, |i| i == 0, &all);
        assert_eq!(arranged.dismissed, [0]);
        let grouped: Vec<usize> = arranged.groups.values().flat_map(|by| by.values().flatten().copied()).collect();
        assert_eq!(grouped.len(), findings.len() - 1);
        for (category, by_severity) in arranged.groups.iter() {
            for (severity, indices) in by_severity.iter() {
                assert!(indices.windows(2).all(|w| w[0] < w[1]));
                assert!(indices
                    .iter()
                    .all(|&i| findings[i].category == *category && findings[i].severity == *severity && i != 0));
            }
        }
        let errors = arrange(&findings, |_| false, &Filter { severities: &[Severity::Error], ..all });
        let error_count = findings.iter().filter(|f| f.severity == Severity::Error).count();
        assert_eq!(errors.groups.values().flat_map(|by| by.values()).map(Vec::len).sum::<usize>(), error_count);
        let lints = arrange(
            &findings,
            |_| false,
            &Filter { severities: &Severity::ALL, category: Some(Category::Form), query: String::new() },
        );
        assert!(lints.groups.keys().all(|c| *c == Category::Form) && !lints.groups.is_empty());
        let searched = arrange(
            &findings,
            |_| false,
            &Filter { severities: &Severity::ALL, category: None, query: "l004".to_string() },
        );
        let shown: Vec<usize> = searched.groups.values().flat_map(|by| by.values().flatten().copied()).collect();
        assert!(
            !shown.is_empty() && shown.iter().all(|&i| findings[i].rule == "L004"),
            "a rule code is searched, in any case"
        );
    }

    #[wasm_bindgen_test]
    fn chinese_runs_keep_digits_and_punctuation_with_their_run() {
        assert_eq!(
            chinese_runs("Budget total differs: 02表 合计·本年收入 is 3,508.11 (difference 1)"),
            [(false, "Budget total differs: 02"), (true, "表 合计·本年收入 "), (false, "is 3,508.11 (difference 1)")]
        );
        assert_eq!(chinese_runs("「增加25万元」所在段落"), [(true, "「增加25万元」所在段落")]);
        assert_eq!(chinese_runs("3.5"), [(false, "3.5")]);
    }
}
