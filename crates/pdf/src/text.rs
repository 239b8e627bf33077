//! The content-stream walk: graphics and text state, text-showing operators, Form XObjects.

use std::collections::HashMap;
use std::rc::Rc;

use hayro_syntax::object::{Array, Dict, Name, ObjectIdentifier, Stream};
use hayro_syntax::page::{Page as PdfPage, Resources};
use hedui_core::positioned::{Glyph, Page, Ruling};

use crate::font::Font;
use crate::lexer::{Lexer, Operand};
use crate::stream::{self, Refused};

/// Form XObjects inside Form XObjects, at most.
const MAX_FORM_DEPTH: usize = 12;
/// Saved graphics states (`q`) kept, at most; deeper saves are counted, not kept.
const MAX_SAVED_STATES: usize = 256;
/// Rulings kept per page, at most (a page of hatching would have more).
const MAX_RULINGS: usize = 20_000;
/// Points in one path, at most; a longer path is no table border.
const MAX_PATH_POINTS: usize = 4096;
/// A filled shape this thin (in points) or thinner is a line.
const RULING_THICKNESS: f64 = 2.5;

/// Why a walk stopped early.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Overflow {
    /// More glyphs than the document may have.
    Glyphs,
    /// More content (page and form streams, forms counted each time they are drawn).
    Content,
}

/// What a document may still use up.
pub(crate) struct Budget {
    pub(crate) glyphs: usize,
    pub(crate) content_bytes: usize,
}

/// A PDF matrix `[a b c d e f]`: a point `(x, y)` goes to `(a x + c y + e, b x + d y + f)`.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Matrix([f64; 6]);

impl Matrix {
    const IDENTITY: Matrix = Matrix([1.0, 0.0, 0.0, 1.0, 0.0, 0.0]);

    fn translate(x: f64, y: f64) -> Matrix {
        Matrix([1.0, 0.0, 0.0, 1.0, x, y])
    }

    /// `self` applied first, then `then` (PDF's `self × then`).
    fn then(self, then: Matrix) -> Matrix {
        let [a, b, c, d, e, f] = self.0;
        let [a2, b2, c2, d2, e2, f2] = then.0;
        Matrix([
            a * a2 + b * c2,
            a * b2 + b * d2,
            c * a2 + d * c2,
            c * b2 + d * d2,
            e * a2 + f * c2 + e2,
            e * b2 + f * d2 + f2,
        ])
    }

    fn apply(self, x: f64, y: f64) -> (f64, f64) {
        let [a, b, c, d, e, f] = self.0;
        (a * x + c * y + e, b * x + d * y + f)
    }

    /// From the last six operands, if they are finite numbers.
    fn from_operands(operands: &[Operand]) -> Option<Matrix> {
        let [a, b, c, d, e, f] = last::<6>(operands)?;
        Some(Matrix([a.number()?, b.number()?, c.number()?, d.number()?, e.number()?, f.number()?]))
    }
}

/// The last `N` operands: extra ones before them (a broken stream) are ignored.
fn last<'o, 'a, const N: usize>(operands: &'o [Operand<'a>]) -> Option<&'o [Operand<'a>; N]> {
    operands.get(operands.len().checked_sub(N)?..)?.try_into().ok()
}

fn last_number(operands: &[Operand]) -> Option<f64> {
    operands.last()?.number()
}

/// The graphics state the walk tracks: `q` saves it, `Q` restores it.
#[derive(Clone)]
struct State {
    ctm: Matrix,
    font: Option<Rc<Font>>,
    font_size: f64,
    char_spacing: f64,
    word_spacing: f64,
    /// `Tz` / 100.
    horizontal_scale: f64,
    leading: f64,
    rise: f64,
    /// Whether lines are stroked in white (or near it) and shapes filled in white: not seen.
    white_stroke: bool,
    white_fill: bool,
}

/// The path being built, in device space: subpaths of points joined by straight segments.
#[derive(Default)]
struct Path {
    subpaths: Vec<Subpath>,
    points: usize,
}

#[derive(Default)]
struct Subpath {
    points: Vec<(f64, f64)>,
    closed: bool,
    /// A curve was drawn in it: no ruling.
    curved: bool,
}

impl Path {
    fn move_to(&mut self, point: (f64, f64)) {
        self.subpaths.push(Subpath { points: vec![point], ..Subpath::default() });
        self.points += 1;
    }

    fn line_to(&mut self, point: (f64, f64)) {
        if self.points >= MAX_PATH_POINTS {
            return;
        }
        match self.subpaths.last_mut() {
            Some(subpath) if !subpath.closed => subpath.points.push(point),
            _ => self.subpaths.push(Subpath { points: vec![point], ..Subpath::default() }),
        }
        self.points += 1;
    }

    /// The straight lines a stroke draws that run across or down the page.
    fn stroked(&self) -> impl Iterator<Item = Ruling> + '_ {
        self.subpaths.iter().filter(|s| !s.curved).flat_map(|subpath| {
            let closing = subpath.closed.then(|| (*subpath.points.last().unwrap_or(&(0.0, 0.0)), subpath.points[0]));
            subpath.points.windows(2).map(|w| (w[0], w[1])).chain(closing).filter_map(|(a, b)| axis_line(a, b))
        })
    }

    /// The filled shapes thin enough to be lines, as the lines along their middle.
    fn filled(&self) -> impl Iterator<Item = Ruling> + '_ {
        self.subpaths.iter().filter(|s| !s.curved && s.points.len() >= 2).filter_map(|subpath| {
            let (mut left, mut top, mut right, mut bottom) =
                (f64::INFINITY, f64::INFINITY, f64::NEG_INFINITY, f64::NEG_INFINITY);
            for &(x, y) in &subpath.points {
                (left, top, right, bottom) = (left.min(x), top.min(y), right.max(x), bottom.max(y));
            }
            let (width, height) = (right - left, bottom - top);
            if height <= RULING_THICKNESS && width > height {
                axis_line((left, (top + bottom) / 2.0), (right, (top + bottom) / 2.0))
            } else if width <= RULING_THICKNESS && height > width {
                axis_line(((left + right) / 2.0, top), ((left + right) / 2.0, bottom))
            } else {
                None
            }
        })
    }
}

/// The segment from `a` to `b` as a ruling, if it runs across or down the page (within a
/// twentieth of a point) and is not a dot.
fn axis_line(a: (f64, f64), b: (f64, f64)) -> Option<Ruling> {
    let (x0, x1) = (a.0.min(b.0), a.0.max(b.0));
    let (y0, y1) = (a.1.min(b.1), a.1.max(b.1));
    if ![x0, x1, y0, y1].iter().all(|v| v.is_finite()) {
        return None;
    }
    if y1 - y0 <= 0.05 && x1 - x0 >= 1.0 {
        let y = ((y0 + y1) / 2.0) as f32;
        Some(Ruling { x0: x0 as f32, y0: y, x1: x1 as f32, y1: y })
    } else if x1 - x0 <= 0.05 && y1 - y0 >= 1.0 {
        let x = ((x0 + x1) / 2.0) as f32;
        Some(Ruling { x0: x, y0: y0 as f32, x1: x, y1: y1 as f32 })
    } else {
        None
    }
}

/// Whether a colour's operands (gray, RGB or CMYK) are white or nearly.
fn is_white(operands: &[Operand], cmyk: bool) -> bool {
    let values: Vec<f64> = operands.iter().filter_map(Operand::number).collect();
    match values[..] {
        [c, m, y, k] if cmyk => [c, m, y, k].iter().all(|&v| v <= 0.05),
        [gray] if !cmyk => gray >= 0.95,
        [r, g, b] if !cmyk => [r, g, b].iter().all(|&v| v >= 0.95),
        _ => false,
    }
}

/// Fonts read so far, shared by the pages of a document. A font dictionary that is a direct
/// object is keyed by its address, and kept so that the address stays its own.
#[derive(Default)]
pub(crate) struct Fonts<'a> {
    cache: HashMap<FontKey, (Dict<'a>, Rc<Font>)>,
}

#[derive(PartialEq, Eq, Hash)]
enum FontKey {
    Object(ObjectIdentifier),
    Direct(usize, usize),
}

impl<'a> Fonts<'a> {
    fn get(&mut self, dict: Dict<'a>) -> Rc<Font> {
        let key = match dict.obj_id() {
            Some(id) => FontKey::Object(id),
            None => FontKey::Direct(dict.data().as_ptr() as usize, dict.data().len()),
        };
        let (_, font) = self.cache.entry(key).or_insert_with(|| {
            let font = Rc::new(Font::load(&dict));
            (dict, font)
        });
        font.clone()
    }
}

/// Reads one page's glyphs.
pub(crate) fn page<'a>(page: &PdfPage<'a>, fonts: &mut Fonts<'a>, budget: &mut Budget) -> Result<Page, Overflow> {
    let (width, height) = page.render_dimensions();
    let device = Matrix(page.initial_transform(true).as_coeffs());
    let mut walk = Walk {
        fonts,
        budget,
        device,
        width: f64::from(width),
        height: f64::from(height),
        glyphs: Vec::new(),
        state: State {
            ctm: Matrix::IDENTITY,
            font: None,
            font_size: 0.0,
            char_spacing: 0.0,
            word_spacing: 0.0,
            horizontal_scale: 1.0,
            leading: 0.0,
            rise: 0.0,
            white_stroke: false,
            white_fill: false,
        },
        path: Path::default(),
        rulings: Vec::new(),
        saved: Vec::new(),
        saved_floor: 0,
        unsaved: 0,
        text_matrix: Matrix::IDENTITY,
        line_matrix: Matrix::IDENTITY,
        forms: Vec::new(),
    };
    let content = contents(page.raw(), walk.budget.content_bytes)?;
    walk.run(&content, page.resources(), 0)?;
    Ok(Page { width, height, glyphs: walk.glyphs, rulings: walk.rulings })
}

/// A page's content streams, decoded and joined by a space (a stream that cannot be decoded is
/// left out), refused past `limit` bytes.
fn contents(page: &Dict, limit: usize) -> Result<Vec<u8>, Overflow> {
    let streams: Vec<Stream> = match page.get::<Stream>(b"Contents") {
        Some(stream) => vec![stream],
        None => page.get::<Array>(b"Contents").map(|array| array.iter::<Stream>().collect()).unwrap_or_default(),
    };
    let mut joined = Vec::new();
    for stream in &streams {
        let left = limit.checked_sub(joined.len()).ok_or(Overflow::Content)?;
        match stream::decoded(stream, left) {
            Ok(content) => joined.extend(content),
            Err(Refused::TooLarge) => return Err(Overflow::Content),
            Err(Refused::Unreadable) => continue,
        }
        joined.push(b' ');
    }
    Ok(joined)
}

struct Walk<'w, 'a> {
    fonts: &'w mut Fonts<'a>,
    budget: &'w mut Budget,
    /// User space to the page's top-left, y-down space.
    device: Matrix,
    width: f64,
    height: f64,
    glyphs: Vec<Glyph>,
    state: State,
    saved: Vec<State>,
    /// `saved` entries that belong to the forms being drawn: their `Q`s restore no further.
    saved_floor: usize,
    /// `q`s past [`MAX_SAVED_STATES`], that the next `Q`s undo without restoring.
    unsaved: usize,
    text_matrix: Matrix,
    line_matrix: Matrix,
    /// The forms being drawn, outermost first (a form that draws itself is skipped).
    forms: Vec<ObjectIdentifier>,
    path: Path,
    rulings: Vec<Ruling>,
}

impl<'a> Walk<'_, 'a> {
    fn run(&mut self, content: &[u8], resources: &Resources<'a>, depth: usize) -> Result<(), Overflow> {
        self.budget.content_bytes = self.budget.content_bytes.checked_sub(content.len()).ok_or(Overflow::Content)?;
        let mut lexer = Lexer::new(content);
        while let Some((op, operands)) = lexer.next() {
            match op {
                b"q" => {
                    if self.saved.len() < MAX_SAVED_STATES {
                        self.saved.push(self.state.clone());
                    } else {
                        self.unsaved += 1;
                    }
                }
                b"Q" => {
                    if self.unsaved > 0 {
                        self.unsaved -= 1;
                    } else if self.saved.len() > self.saved_floor {
                        if let Some(state) = self.saved.pop() {
                            self.state = state;
                        }
                    }
                }
                b"cm" => {
                    if let Some(m) = Matrix::from_operands(operands) {
                        self.state.ctm = m.then(self.state.ctm);
                    }
                }
                b"m" | b"l" => {
                    if let Some([x, y]) = last::<2>(operands) {
                        if let (Some(x), Some(y)) = (x.number(), y.number()) {
                            let point = self.state.ctm.then(self.device).apply(x, y);
                            if op == b"m" {
                                self.path.move_to(point);
                            } else {
                                self.path.line_to(point);
                            }
                        }
                    }
                }
                b"c" | b"v" | b"y" => {
                    if let Some([x, y]) = last::<2>(operands) {
                        if let (Some(x), Some(y)) = (x.number(), y.number()) {
                            self.path.line_to(self.state.ctm.then(self.device).apply(x, y));
                            if let Some(subpath) = self.path.subpaths.last_mut() {
                                subpath.curved = true;
                            }
                        }
                    }
                }
                b"h" => {
                    if let Some(subpath) = self.path.subpaths.last_mut() {
                        subpath.closed = true;
                    }
                }
                b"re" => {
                    if let Some([x, y, w, h]) = last::<4>(operands) {
                        if let (Some(x), Some(y), Some(w), Some(h)) = (x.number(), y.number(), w.number(), h.number()) {
                            let to_device = self.state.ctm.then(self.device);
                            self.path.move_to(to_device.apply(x, y));
                            for (px, py) in [(x + w, y), (x + w, y + h), (x, y + h)] {
                                self.path.line_to(to_device.apply(px, py));
                            }
                            if let Some(subpath) = self.path.subpaths.last_mut() {
                                subpath.closed = true;
                            }
                        }
                    }
                }
                b"S" | b"s" | b"f" | b"F" | b"f*" | b"B" | b"B*" | b"b" | b"b*" | b"n" => {
                    if op == b"s" || op == b"b" || op == b"b*" {
                        if let Some(subpath) = self.path.subpaths.last_mut() {
                            subpath.closed = true;
                        }
                    }
                    let path = std::mem::take(&mut self.path);
                    let strokes = matches!(op, b"S" | b"s" | b"B" | b"B*" | b"b" | b"b*") && !self.state.white_stroke;
                    let fills =
                        matches!(op, b"f" | b"F" | b"f*" | b"B" | b"B*" | b"b" | b"b*") && !self.state.white_fill;
                    let drawn = strokes
                        .then(|| path.stroked())
                        .into_iter()
                        .flatten()
                        .chain(fills.then(|| path.filled()).into_iter().flatten());
                    let room = MAX_RULINGS.saturating_sub(self.rulings.len());
                    self.rulings.extend(drawn.take(room));
                }
                b"G" | b"RG" | b"K" => self.state.white_stroke = is_white(operands, op == b"K"),
                b"g" | b"rg" | b"k" => self.state.white_fill = is_white(operands, op == b"k"),
                b"BT" => {
                    self.text_matrix = Matrix::IDENTITY;
                    self.line_matrix = Matrix::IDENTITY;
                }
                b"Tf" => {
                    if let Some([Operand::Name(name), size]) = last::<2>(operands) {
                        self.state.font = resources.fonts.get::<Dict>(name.as_ref()).map(|dict| self.fonts.get(dict));
                        self.state.font_size = size.number().unwrap_or(0.0);
                    }
                }
                b"Tc" => self.state.char_spacing = last_number(operands).unwrap_or(self.state.char_spacing),
                b"Tw" => self.state.word_spacing = last_number(operands).unwrap_or(self.state.word_spacing),
                b"Tz" => {
                    self.state.horizontal_scale =
                        last_number(operands).map_or(self.state.horizontal_scale, |z| z / 100.0)
                }
                b"TL" => self.state.leading = last_number(operands).unwrap_or(self.state.leading),
                b"Ts" => self.state.rise = last_number(operands).unwrap_or(self.state.rise),
                b"Td" | b"TD" => {
                    if let Some([x, y]) = last::<2>(operands) {
                        if let (Some(x), Some(y)) = (x.number(), y.number()) {
                            if op == b"TD" {
                                self.state.leading = -y;
                            }
                            self.move_line(x, y);
                        }
                    }
                }
                b"Tm" => {
                    if let Some(m) = Matrix::from_operands(operands) {
                        self.text_matrix = m;
                        self.line_matrix = m;
                    }
                }
                b"T*" => self.move_line(0.0, -self.state.leading),
                b"Tj" => {
                    if let Some(Operand::Str(text)) = operands.last() {
                        self.show(text)?;
                    }
                }
                b"'" => {
                    self.move_line(0.0, -self.state.leading);
                    if let Some(Operand::Str(text)) = operands.last() {
                        self.show(text)?;
                    }
                }
                b"\"" => {
                    if let Some([word, char, Operand::Str(text)]) = last::<3>(operands) {
                        self.state.word_spacing = word.number().unwrap_or(self.state.word_spacing);
                        self.state.char_spacing = char.number().unwrap_or(self.state.char_spacing);
                        self.move_line(0.0, -self.state.leading);
                        self.show(text)?;
                    }
                }
                b"TJ" => {
                    if let Some(Operand::Array(items)) = operands.last() {
                        for item in items {
                            match item {
                                Operand::Str(text) => self.show(text)?,
                                Operand::Number(n) if n.is_finite() => {
                                    let tx = -n / 1000.0 * self.state.font_size * self.state.horizontal_scale;
                                    self.text_matrix = Matrix::translate(tx, 0.0).then(self.text_matrix);
                                }
                                _ => {}
                            }
                        }
                    }
                }
                b"Do" => {
                    if let Some(Operand::Name(name)) = operands.last() {
                        if let Some(form) = resources.x_objects.get::<Stream>(name.as_ref()) {
                            self.form(&form, resources, depth)?;
                        }
                    }
                }
                _ => {}
            }
        }
        Ok(())
    }

    fn move_line(&mut self, x: f64, y: f64) {
        self.line_matrix = Matrix::translate(x, y).then(self.line_matrix);
        self.text_matrix = self.line_matrix;
    }

    /// Draws a Form XObject: its matrix, its resources (else the caller's), its own saves.
    fn form(&mut self, form: &Stream<'a>, resources: &Resources<'a>, depth: usize) -> Result<(), Overflow> {
        let dict = form.dict();
        let id = form.obj_id();
        if dict.get::<Name>(b"Subtype").as_deref() != Some(b"Form")
            || depth >= MAX_FORM_DEPTH
            || self.forms.contains(&id)
        {
            return Ok(());
        }
        let content = match stream::decoded(form, self.budget.content_bytes) {
            Ok(content) => content,
            Err(Refused::TooLarge) => return Err(Overflow::Content),
            Err(Refused::Unreadable) => return Ok(()),
        };
        let matrix: Vec<f64> =
            dict.get::<Array>(b"Matrix").map(|a| a.iter::<f64>().take(6).collect()).unwrap_or_default();
        let matrix = match matrix[..] {
            [a, b, c, d, e, f] if matrix.iter().all(|v| v.is_finite()) => Matrix([a, b, c, d, e, f]),
            _ => Matrix::IDENTITY,
        };
        let own_resources = dict.get::<Dict>(b"Resources").map(Resources::new);
        let outer =
            (self.state.clone(), self.saved.len(), self.saved_floor, self.unsaved, self.text_matrix, self.line_matrix);
        self.state.ctm = matrix.then(self.state.ctm);
        self.saved_floor = self.saved.len();
        self.unsaved = 0;
        self.forms.push(id);
        let result = self.run(&content, own_resources.as_ref().unwrap_or(resources), depth + 1);
        self.forms.pop();
        let (state, saved, floor, unsaved, text_matrix, line_matrix) = outer;
        self.state = state;
        self.saved.truncate(saved);
        (self.saved_floor, self.unsaved, self.text_matrix, self.line_matrix) =
            (floor, unsaved, text_matrix, line_matrix);
        result
    }

    /// Shows a string: one glyph per code, each moving the text matrix by its advance.
    fn show(&mut self, bytes: &[u8]) -> Result<(), Overflow> {
        let Some(font) = self.state.font.clone() else { return Ok(()) };
        let state = &self.state;
        let to_device = state.ctm.then(self.device);
        for code in font.codes(bytes) {
            let text = font.text(code);
            let word_spacing = if code.len == 1 && code.value == 32 { state.word_spacing } else { 0.0 };
            let advance = (font.width(code, &text) * state.font_size + state.char_spacing + word_spacing)
                * state.horizontal_scale;
            let m = self.text_matrix.then(to_device);
            let [a, b, c, d, ..] = m.0;
            let (x, y) = m.apply(0.0, state.rise);
            let size = (state.font_size * c.hypot(d) * font.size_scale).abs();
            let width = advance * a.hypot(b);
            self.text_matrix = Matrix::translate(advance, 0.0).then(self.text_matrix);
            let (left, right) = (x.min(x + width), x.max(x + width));
            let on_page = right >= 0.0 && left <= self.width && y + 0.2 * size >= 0.0 && y - 0.8 * size <= self.height;
            if !on_page || ![x, y, width, size].iter().all(|v| v.is_finite()) {
                continue;
            }
            self.budget.glyphs = self.budget.glyphs.checked_sub(1).ok_or(Overflow::Glyphs)?;
            self.glyphs.push(Glyph { text, x: x as f32, y: y as f32, width: width as f32, size: size as f32 });
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matrices_compose_in_pdf_order() {
        let scale = Matrix([2.0, 0.0, 0.0, 2.0, 0.0, 0.0]);
        let shift = Matrix::translate(10.0, 5.0);
        // Scale first, then shift: (1, 1) → (2, 2) → (12, 7).
        assert_eq!(scale.then(shift).apply(1.0, 1.0), (12.0, 7.0));
        assert_eq!(shift.then(scale).apply(1.0, 1.0), (22.0, 12.0));
        assert_eq!(Matrix::IDENTITY.then(shift), shift);
    }

    #[test]
    fn takes_the_last_operands() {
        let ops = [Operand::Other, Operand::Number(1.0), Operand::Number(2.0)];
        assert_eq!(last::<2>(&ops), Some(&[Operand::Number(1.0), Operand::Number(2.0)]));
        assert_eq!(last::<4>(&ops), None);
        assert_eq!(Matrix::from_operands(&ops), None);
    }
}
