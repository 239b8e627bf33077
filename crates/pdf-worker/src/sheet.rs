//! A page as published, for the app's page view: its glyphs drawn where they stand and its
//! rulings (tables' borders) as one path, as SVG markup the browser parses (thousands of glyphs:
//! far faster than building them one by one in the page, and no drawing code in the app).
//! Images are left out. Coordinates are in
//! tenths of a point, so that the app draws its boxes over them in whole numbers.

use std::fmt::Write;

use hedui_core::positioned::{Glyph, Page};

/// One page: its size in points, and its text as an `<svg>` element.
#[derive(Debug, PartialEq)]
pub struct Sheet {
    pub width: f32,
    pub height: f32,
    pub svg: String,
}

impl Sheet {
    pub fn of(page: &Page) -> Sheet {
        let mut svg = format!(
            "<svg class=\"page-text\" viewBox=\"0 0 {} {}\" aria-hidden=\"true\">",
            tenths(page.width),
            tenths(page.height)
        );
        if !page.rulings.is_empty() {
            svg.push_str("<path class=\"rulings\" d=\"");
            for r in &page.rulings {
                let _ = write!(svg, "M{} {}L{} {}", tenths(r.x0), tenths(r.y0), tenths(r.x1), tenths(r.y1));
            }
            svg.push_str("\"/>");
        }
        for run in runs(&page.glyphs) {
            let _ =
                write!(svg, "<text x=\"{}\" y=\"{}\" font-size=\"{}\"", tenths(run.x), tenths(run.y), tenths(run.size));
            let length = tenths(run.right - run.x);
            if length > 0 {
                let _ = write!(svg, " textLength=\"{length}\" lengthAdjust=\"spacingAndGlyphs\"");
            }
            svg.push('>');
            for c in run.text.chars() {
                match c {
                    '&' => svg.push_str("&amp;"),
                    '<' => svg.push_str("&lt;"),
                    '>' => svg.push_str("&gt;"),
                    _ => svg.push(c),
                }
            }
            svg.push_str("</text>");
        }
        svg.push_str("</svg>");
        Sheet { width: page.width, height: page.height, svg }
    }
}

/// Glyphs set side by side: one `<text>`, stretched to the width it has on the page.
#[derive(Debug, PartialEq)]
struct Run {
    text: String,
    x: f32,
    /// Baseline.
    y: f32,
    size: f32,
    /// Right edge of the last glyph.
    right: f32,
}

/// The glyphs, in content order, as runs: a glyph continues the run before it when it has its
/// baseline and size and starts where that run ends (within a third of its size). Runs of
/// spaces only are dropped.
fn runs(glyphs: &[Glyph]) -> Vec<Run> {
    let mut runs: Vec<Run> = Vec::new();
    for glyph in glyphs.iter().filter(|g| g.size > 0.0) {
        match runs.last_mut() {
            Some(run)
                if run.y == glyph.y && run.size == glyph.size && (glyph.x - run.right).abs() < glyph.size / 3.0 =>
            {
                run.text.push_str(&glyph.text);
                run.right = glyph.x + glyph.width;
            }
            _ => runs.push(Run {
                text: glyph.text.clone(),
                x: glyph.x,
                y: glyph.y,
                size: glyph.size,
                right: glyph.x + glyph.width,
            }),
        }
    }
    runs.retain(|run| !run.text.trim().is_empty());
    runs
}

fn tenths(points: f32) -> i32 {
    (points * 10.0).round() as i32
}

#[cfg(test)]
mod tests {
    use hedui_core::positioned::Ruling;

    use super::*;

    fn glyph(text: &str, x: f32, y: f32, width: f32, size: f32) -> Glyph {
        Glyph { text: text.to_string(), x, y, width, size }
    }

    /// Adjacent glyphs on a baseline make one run; a gap, another baseline or size starts a new
    /// one; spaces alone are no run.
    #[test]
    fn glyphs_set_side_by_side_make_one_run() {
        let glyphs = [
            glyph("合", 100.0, 200.0, 10.0, 10.0),
            glyph("计", 110.0, 200.0, 10.0, 10.0),
            glyph(" ", 120.0, 200.0, 3.0, 10.0),
            glyph("1", 300.0, 200.0, 5.0, 10.0),
            glyph("2", 305.5, 200.0, 5.0, 10.0),
            glyph("注", 100.0, 220.0, 8.0, 8.0),
            glyph(" ", 400.0, 220.0, 3.0, 8.0),
        ];
        let run = |text: &str, x: f32, y: f32, size: f32, right: f32| Run { text: text.to_string(), x, y, size, right };
        assert_eq!(
            runs(&glyphs),
            [
                run("合计 ", 100.0, 200.0, 10.0, 123.0),
                run("12", 300.0, 200.0, 10.0, 310.5),
                run("注", 100.0, 220.0, 8.0, 108.0)
            ]
        );
    }

    /// A page's SVG: its size, rulings and runs in tenths of a point, the text escaped.
    #[test]
    fn a_page_is_svg_markup_in_tenths_of_a_point() {
        let page = Page {
            width: 595.3,
            height: 841.9,
            glyphs: vec![
                glyph("A", 10.0, 20.25, 6.0, 12.0),
                glyph("<", 16.0, 20.25, 6.0, 12.0),
                glyph("&", 22.0, 20.25, 6.0, 12.0),
            ],
            rulings: vec![
                Ruling { x0: 5.0, y0: 10.0, x1: 50.0, y1: 10.0 },
                Ruling { x0: 5.0, y0: 10.0, x1: 5.0, y1: 30.0 },
            ],
        };
        let sheet = Sheet::of(&page);
        assert_eq!((sheet.width, sheet.height), (595.3, 841.9));
        assert_eq!(
            sheet.svg,
            "<svg class=\"page-text\" viewBox=\"0 0 5953 8419\" aria-hidden=\"true\">\
             <path class=\"rulings\" d=\"M50 100L500 100M50 100L50 300\"/>\
             <text x=\"100\" y=\"203\" font-size=\"120\" textLength=\"180\" lengthAdjust=\"spacingAndGlyphs\">A&lt;&amp;</text></svg>"
        );
    }
}
