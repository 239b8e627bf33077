//! Positioned text: what importers (PDF, later office files) hand to core. A page is a list of
//! glyphs with their place; core's layout reader ([`crate::layout`]) turns pages into the text
//! the rest of core reads, and keeps the way back from that text to the page.

use serde::{Deserialize, Serialize};

/// One page as published: its size and every glyph of its text layer, in content-stream order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Page {
    /// Width in points (1/72 inch), after the page's rotation.
    pub width: f32,
    /// Height in points, after the page's rotation.
    pub height: f32,
    pub glyphs: Vec<Glyph>,
}

/// One glyph: the text it stands for (its ToUnicode mapping; usually one character, more for a
/// ligature) and its box on the page. Coordinates are in points from the page's top-left corner,
/// `y` growing downwards.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Glyph {
    pub text: String,
    /// Left edge.
    pub x: f32,
    /// Baseline.
    pub y: f32,
    /// Advance width.
    pub width: f32,
    /// Font size as rendered (text matrix and CTM applied): the glyph's height.
    pub size: f32,
}

impl Glyph {
    /// The glyph's box as `[left, top, right, bottom]`: from `size` above the baseline to a fifth
    /// of it below (the descent of CJK fonts).
    pub fn bounds(&self) -> [f32; 4] {
        [self.x, self.y - 0.8 * self.size, self.x + self.width, self.y + 0.2 * self.size]
    }
}

/// Where a piece of a PDF's text is on its page (a finding's place, for the page view).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct PagePlace {
    /// 1-based page number.
    pub page: usize,
    /// The glyphs' box, `[left, top, right, bottom]` in whole points (rounded outwards) from the
    /// page's top-left corner.
    pub bbox: [i32; 4],
}
