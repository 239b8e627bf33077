//! The reviewer's overview of several open documents: one row each (file, unit, kind, year,
//! tables read, open errors and warnings, score, the documents it was checked with), its file
//! a button that shows it.

use std::rc::Rc;

use hedui_core::finding::Severity;
use yew::prelude::*;

use crate::analysis::Analysis;
use crate::i18n::Lang;

/// A document as the overview lists it: its tab's name and its analysis (none while a PDF or
/// office file is being read, or when it could not be).
pub struct Listed<'a> {
    pub name: String,
    pub analysis: Option<&'a Rc<Analysis>>,
    pub current: bool,
}

/// The overview table; `show(index)` opens a document.
pub fn overview(lang: Lang, documents: &[Listed], show: &Callback<usize>) -> Html {
    let texts = lang.texts();
    let rows = documents.iter().enumerate().map(|(index, listed)| {
        let open = {
            let show = show.clone();
            Callback::from(move |_| show.emit(index))
        };
        let cells = listed.analysis.map(|analysis| {
            let report = &analysis.report;
            let counted = |severity| report.stats.by_severity.get(&severity).copied().unwrap_or(0).to_string();
            let kinds: Vec<&str> = report.kind.iter().map(|k| lang.kind(*k)).collect();
            let tables = report
                .stats
                .table_coverage
                .as_ref()
                .map_or_else(|| report.tables.len().to_string(), |c| format!("{}/{}", c.recognised, c.expected));
            [
                report.department.clone().unwrap_or_default(),
                kinds.join(" + "),
                report.year.map_or(String::new(), |y| y.to_string()),
                tables,
                counted(Severity::Error),
                counted(Severity::Warning),
                report.score.value.map_or(String::new(), hedui_core::score::one_decimal),
                report.compared_with.join(lang.pick("、", ", ")),
            ]
        });
        html! {
            <tr data-testid="overview-row" aria-current={listed.current.then_some("page")}>
                <th scope="row"><button type="button" class="link" onclick={open}>{ listed.name.clone() }</button></th>
                if let Some(cells) = cells {
                    { for cells.into_iter().map(|cell| html! { <td>{ cell }</td> }) }
                } else {
                    <td colspan="8">{ "…" }</td>
                }
            </tr>
        }
    });
    html! {
        <div class="overview-frame no-print" role="region" tabindex="0" aria-label={texts.overview}>
            <table class="overview" data-testid="overview">
                <caption>{ texts.overview }</caption>
                <thead><tr>{ for texts.overview_header.iter().map(|h| html! { <th scope="col">{ *h }</th> }) }</tr></thead>
                <tbody>{ for rows }</tbody>
            </table>
        </div>
    }
}
