//! A PDF's pages as published: each page the worker's SVG of its glyphs where they stand, with
//! the selected finding's box drawn over it (a second SVG in the same coordinates) and its
//! related figures' boxes in another colour. The app scrolls the box into view (app.rs).
//!
//! Both SVGs are markup the browser parses: a page's thousands of glyphs are far faster so than
//! as virtual DOM, and the page view adds little code to the app.

use std::fmt::Write;

use hedui_core::finding::Finding;
use hedui_core::positioned::PagePlace;
use yew::prelude::*;

use crate::i18n::Lang;
use crate::pdf::PdfLayout;

/// Space left around a box, in points.
const BOX_MARGIN: i32 = 2;

/// The pages of `layout`, `finding`'s places boxed.
pub fn page_view(lang: Lang, layout: &PdfLayout, finding: Option<&Finding>) -> Html {
    let texts = lang.texts();
    let primary = finding.and_then(|f| f.location.page);
    let related: Vec<PagePlace> =
        finding.map(|f| f.related.iter().filter_map(|r| r.page).collect()).unwrap_or_default();
    let pages = layout.pages.iter().enumerate().map(|(index, sheet)| {
        let number = index + 1;
        let mut boxes = format!("<svg class=\"page-boxes\" viewBox=\"{}\">", sheet.view_box);
        for place in related.iter().filter(|place| place.page == number) {
            push_box(&mut boxes, place, "class=\"page-box related\"");
        }
        if let Some(place) = primary.filter(|place| place.page == number) {
            push_box(&mut boxes, &place, "class=\"page-box\" data-testid=\"page-box\"");
        }
        boxes.push_str("</svg>");
        html! {
            <figure class="page-sheet" data-page={number.to_string()}>
                <div class="page-paper">
                    { Html::from_html_unchecked(sheet.svg.clone()) }
                    { Html::from_html_unchecked(boxes.into()) }
                </div>
                <figcaption>{ (texts.page)(number) }</figcaption>
            </figure>
        }
    });
    html! {
        <div class="page-view" data-testid="page-view" lang="zh-CN" aria-label={texts.pane_pages}>
            { for pages }
        </div>
    }
}

/// A `<rect>` with `attributes` around `place`, with a margin, in tenths of a point.
fn push_box(svg: &mut String, place: &PagePlace, attributes: &str) {
    let [left, top, right, bottom] = place.bbox;
    let [x, y, width, height] =
        [left - BOX_MARGIN, top - BOX_MARGIN, right - left + 2 * BOX_MARGIN, bottom - top + 2 * BOX_MARGIN]
            .map(|v| v * 10);
    let _ = write!(svg, "<rect {attributes} x=\"{x}\" y=\"{y}\" width=\"{width}\" height=\"{height}\"/>");
}

#[cfg(test)]
mod tests {
    use hedui_core::positioned::PagePlace;
    use wasm_bindgen_test::*;

    use super::push_box;

    #[wasm_bindgen_test]
    fn a_box_has_a_margin_and_is_in_tenths_of_a_point() {
        let mut svg = String::new();
        push_box(&mut svg, &PagePlace { page: 3, bbox: [100, 12, 115, 22] }, "class=\"page-box\"");
        assert_eq!(svg, "<rect class=\"page-box\" x=\"980\" y=\"100\" width=\"190\" height=\"140\"/>");
    }
}
