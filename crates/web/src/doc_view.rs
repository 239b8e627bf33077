//! The document as read: sections as headings, paragraphs, and tables as real HTML tables
//! captioned with the recognised form. Cells and sentences that findings point at are
//! marked; clicking one (or Enter on it) selects its findings.

use std::rc::Rc;

use hedui_core::ingest::{Block, Cell, Row, Span};
use hedui_core::recognise::Section;
use hedui_core::sorted_map::SortedMap;
use wasm_bindgen::JsCast;
use web_sys::Element;
use yew::prelude::*;

use crate::analysis::{line_id, place_id, Analysis};
use crate::i18n::Lang;

#[derive(Properties, PartialEq)]
pub struct DocViewProps {
    pub lang: Lang,
    pub analysis: Rc<Analysis>,
    /// Indices of the findings not dismissed (only these are marked).
    pub active: Rc<Vec<usize>>,
    /// The findings of a place the user clicked (first the ones located there, then related).
    pub on_place: Callback<Vec<usize>>,
}

/// Where findings point: finding indices by the byte where their cell or sentence starts, and
/// the lines they are on (core's map, not a hash map: one less map type in the wasm).
#[derive(Default)]
struct Marks {
    primary: SortedMap<usize, Vec<usize>>,
    related: SortedMap<usize, Vec<usize>>,
    lines: SortedMap<usize, ()>,
}

impl Marks {
    fn of(analysis: &Analysis, active: &[usize]) -> Self {
        let mut marks = Marks::default();
        for &index in active {
            let finding = &analysis.report.findings[index];
            marks.primary.entry_or_default(finding.location.byte_start).push(index);
            marks.lines.insert(finding.location.line, ());
            for related in &finding.related {
                marks.related.entry_or_default(related.byte_start).push(index);
                marks.lines.insert(related.line, ());
            }
        }
        marks
    }

    fn starts_within(&self, span: Span) -> Vec<usize> {
        let mut starts: Vec<usize> = self
            .primary
            .keys()
            .chain(self.related.keys())
            .copied()
            .filter(|s| (span.byte_start..span.byte_end).contains(s))
            .collect();
        hedui_core::sorting::sort_positions(&mut starts, &|a, b| a.cmp(&b));
        starts.dedup();
        starts
    }
}

/// Section heading lines and their depth in the section tree (1 = top level).
fn heading_depths(sections: &[Section], depth: usize, out: &mut SortedMap<usize, usize>) {
    for section in sections {
        out.insert(section.span.line_start, depth);
        heading_depths(&section.children, depth + 1, out);
    }
}

#[function_component(DocView)]
pub fn doc_view(props: &DocViewProps) -> Html {
    let analysis = &props.analysis;
    let marks = Marks::of(analysis, &props.active);
    let mut depths = SortedMap::new();
    heading_depths(&analysis.reading.parse.sections, 1, &mut depths);
    let texts = props.lang.texts();
    let findings = &analysis.report.findings;
    let view = View { analysis, marks: &marks, lang: props.lang };

    let blocks = analysis.reading.parse.blocks.iter().map(|block| match block {
        Block::Heading { text, depth, span } => {
            let level = depths.get(&span.line_start).copied().unwrap_or(*depth);
            view.heading(text, level, *span)
        }
        Block::Paragraph { text, span, .. } => match depths.get(&span.line_start) {
            Some(&level) => view.heading(text, level, *span),
            None => view.paragraph(text, *span),
        },
        Block::Table { rows, span, .. } => view.table(rows, *span, texts.unrecognised_table),
    });

    let select = {
        let on_place = props.on_place.clone();
        move |target: Option<web_sys::EventTarget>| {
            let place = target
                .and_then(|t| t.dyn_into::<Element>().ok())
                .and_then(|e| e.closest("[data-findings]").ok().flatten());
            if let Some(indices) = place.and_then(|p| p.get_attribute("data-findings")) {
                on_place.emit(indices.split(' ').filter_map(|i| i.parse().ok()).collect());
            }
        }
    };
    let onclick = {
        let select = select.clone();
        Callback::from(move |event: MouseEvent| select(event.target()))
    };
    let onkeydown = Callback::from(move |event: KeyboardEvent| {
        if event.key() == "Enter" {
            select(event.target());
        }
    });
    html! {
        <article class="doc-view" data-testid="doc-view" lang="zh-CN" aria-label={texts.pane_document} {onclick} {onkeydown}
            data-findings-count={findings.len().to_string()}>
            if analysis.reading.parse.blocks.is_empty() {
                <p class="empty">{ texts.empty_document }</p>
            }
            { for blocks }
        </article>
    }
}

/// Renders blocks with the marks of one analysis.
struct View<'a> {
    analysis: &'a Analysis,
    marks: &'a Marks,
    lang: Lang,
}

impl View<'_> {
    fn line_id(&self, line: usize) -> Option<String> {
        self.marks.lines.contains_key(&line).then(|| line_id(line))
    }

    fn heading(&self, text: &str, level: usize, span: Span) -> Html {
        let tag = format!("h{}", (level + 2).min(6));
        html! { <@{tag} class="doc-heading" id={self.line_id(span.line_start)} data-line={span.line_start.to_string()}>{ text }</@> }
    }

    fn paragraph(&self, text: &str, span: Span) -> Html {
        let starts = self.marks.starts_within(span);
        if starts.is_empty() {
            return html! { <p id={self.line_id(span.line_start)} data-line={span.line_start.to_string()}>{ text }</p> };
        }
        // A finding on running text points at a sentence: mark it within the raw line.
        let raw = &self.analysis.reading.text[span.byte_start..span.byte_end];
        let mut pieces = Vec::new();
        let mut at = span.byte_start;
        for start in starts {
            let end = self.sentence_end(start).min(span.byte_end).max(start);
            if start < at
                || !raw.is_char_boundary(start - span.byte_start)
                || !raw.is_char_boundary(end - span.byte_start)
            {
                continue;
            }
            pieces.push(html! { { without_markup(&self.analysis.reading.text[at..start]) } });
            let (class, findings, title) = self.place_attributes(start);
            pieces.push(html! {
                <mark id={place_id(start)} {class} tabindex="0" data-findings={findings} {title}>{ without_markup(&self.analysis.reading.text[start..end]) }</mark>
            });
            at = end;
        }
        pieces.push(html! { { without_markup(&self.analysis.reading.text[at..span.byte_end]) } });
        html! { <p id={self.line_id(span.line_start)} data-line={span.line_start.to_string()}>{ for pieces }</p> }
    }

    /// Where the sentence or cell starting at `start` ends, from the findings that point at it.
    fn sentence_end(&self, start: usize) -> usize {
        let findings = &self.analysis.report.findings;
        let ends = self.marks.primary.get(&start).into_iter().flatten().map(|&i| findings[i].location.byte_end);
        let related_ends = self
            .marks
            .related
            .get(&start)
            .into_iter()
            .flatten()
            .flat_map(|&i| findings[i].related.iter().filter(|r| r.byte_start == start).map(|r| r.byte_end));
        ends.chain(related_ends).max().unwrap_or(start)
    }

    fn table(&self, rows: &[Row], span: Span, unrecognised: &str) -> Html {
        let recognised = self
            .analysis
            .reading
            .parse
            .tables
            .iter()
            .find(|t| t.span.line_start <= span.line_start && span.line_end <= t.span.line_end);
        let caption = match recognised {
            Some(table) => {
                let continued = !(span.line_start..=span.line_end).contains(&table.line);
                // The number the document gives the table (`02表` → `02 `); none where it numbers none.
                let number = table.number().map(|n| format!("{n} ")).unwrap_or_default();
                let title = table
                    .title
                    .as_deref()
                    .filter(|t| *t != table.form_name)
                    .map(|t| format!(" · {t}"))
                    .unwrap_or_default();
                format!(
                    "{number}{}{title}{}",
                    table.form_name,
                    if continued { self.lang.pick("（续）", " (continued)") } else { "" }
                )
            }
            None => unrecognised.to_string(),
        };
        let width = rows.iter().map(|r| r.cells.len()).max().unwrap_or(0);
        let rows = rows.iter().map(|row| {
            let padding = (row.cells.len()..width).map(|_| html! { <td></td> });
            html! {
                <tr id={self.line_id(row.span.line_start)} data-line={row.span.line_start.to_string()}>
                    { for row.cells.iter().map(|cell| self.cell(cell)) }
                    { for padding }
                </tr>
            }
        });
        // A wide table scrolls sideways in its frame: the frame takes the keyboard focus (arrow
        // keys scroll it) and is named by the table's caption.
        html! {
            <div class="table-wrap" tabindex="0" role="region" aria-label={caption.clone()}>
                <table class={classes!("doc-table", recognised.is_none().then_some("unrecognised"))} data-line={span.line_start.to_string()}>
                    <caption>{ caption }</caption>
                    <tbody>{ for rows }</tbody>
                </table>
            </div>
        }
    }

    fn cell(&self, cell: &Cell) -> Html {
        let start = cell.span.byte_start;
        let numeric = !cell.text.is_empty()
            && cell.text.chars().all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '-' | '%' | ' '));
        if !self.marks.primary.contains_key(&start) && !self.marks.related.contains_key(&start) {
            return html! { <td class={numeric.then_some("num")}>{ &cell.text }</td> };
        }
        let (class, findings, title) = self.place_attributes(start);
        html! {
            <td id={place_id(start)} class={classes!(class, numeric.then_some("num"))} tabindex="0" data-findings={findings} {title}>{ &cell.text }</td>
        }
    }

    /// Class, finding indices and hover text of a marked cell or sentence.
    fn place_attributes(&self, start: usize) -> (Classes, String, String) {
        let findings = &self.analysis.report.findings;
        let primary = self.marks.primary.get(&start).map(Vec::as_slice).unwrap_or_default();
        let related = self.marks.related.get(&start).map(Vec::as_slice).unwrap_or_default();
        let class = match primary.first() {
            Some(&first) => classes!("flagged", format!("sev-{}", findings[first].severity.en())),
            None => classes!("related-place"),
        };
        let indices: Vec<String> = primary.iter().chain(related).map(usize::to_string).collect();
        let title: Vec<String> = primary
            .iter()
            .map(|&i| {
                format!("[{}] {}", findings[i].rule, self.lang.pick(&findings[i].message, &findings[i].message_en))
            })
            .chain(related.iter().map(|&i| {
                format!(
                    "{}: [{}] {}",
                    self.lang.texts().related,
                    findings[i].rule,
                    self.lang.pick(&findings[i].message, &findings[i].message_en)
                )
            }))
            .collect();
        (class, indices.join(" "), title.join("\n"))
    }
}

/// Running text as shown: the emphasis markup of converted documents removed.
fn without_markup(raw: &str) -> String {
    raw.replace("<b>", "").replace("</b>", "").replace("**", "")
}
