//! Pages of glyphs → layout text ([`render`]), keeping where each glyph of the text is on its
//! page ([`GlyphPlaces`]). Running text is laid out by position; a ruled table (its borders
//! drawn) is written one row per line, its cells separated by tabs, each cell's lines joined.

use super::is_wide;
use super::ruled::{grids, Grid};
use crate::positioned::{Glyph, Page, PagePlace};

/// Text rendered from positioned pages, with where each glyph of it is on the pages.
#[derive(Debug, Clone, Default)]
pub struct Rendered {
    pub text: String,
    pub places: GlyphPlaces,
}

/// Per glyph of a rendered text: its first byte in the text, its 1-based page and its box.
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
pub struct GlyphPlaces {
    glyphs: Vec<PlacedGlyph>,
}

/// Where one rendered glyph came from.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize, serde::Deserialize)]
struct PlacedGlyph {
    byte: usize,
    page: usize,
    bounds: [f32; 4],
}

impl GlyphPlaces {
    /// The page and the box around the glyphs of bytes `start..end` (on the page of the first).
    pub fn locate(&self, start: usize, end: usize) -> Option<PagePlace> {
        let from = self.glyphs.partition_point(|g| g.byte < start);
        let first = self.glyphs.get(from).filter(|g| g.byte < end.max(start + 1))?;
        let mut bounds = first.bounds;
        for glyph in self.glyphs[from..].iter().take_while(|g| g.byte < end).filter(|g| g.page == first.page) {
            bounds = [
                bounds[0].min(glyph.bounds[0]),
                bounds[1].min(glyph.bounds[1]),
                bounds[2].max(glyph.bounds[2]),
                bounds[3].max(glyph.bounds[3]),
            ];
        }
        let [left, top, right, bottom] = bounds;
        Some(PagePlace {
            page: first.page,
            bbox: [left.floor() as i32, top.floor() as i32, right.ceil() as i32, bottom.ceil() as i32],
        })
    }
}

/// Lays pages of glyphs out as layout text: glyphs on one baseline make a line, placed by
/// their x in display columns of half the body text's size (CJK glyphs take two); a wider gap
/// between baselines adds a blank line. The rows of a ruled table are lines of tab-separated
/// cells instead (a cell that spans the table's width is a line of text). Every page ends with
/// a form feed, as `pdftotext` writes it.
pub fn render(pages: &[Page]) -> Rendered {
    let mut out = Rendered::default();
    for (index, page) in pages.iter().enumerate() {
        let mut writer = Writer { out: &mut out, page: index + 1, glyphs: &page.glyphs, body_size: body_size(page) };
        let grids = grids(&page.rulings);
        // Each glyph to the cell of a ruled table it is in, or to the running text.
        let mut running: Vec<usize> = Vec::new();
        let mut in_cells: Vec<Vec<(usize, usize)>> = vec![Vec::new(); grids.len()];
        for (i, glyph) in page.glyphs.iter().enumerate().filter(|(_, g)| !g.text.trim().is_empty()) {
            let (x, y) = (glyph.x + glyph.width / 2.0, glyph.y - 0.3 * glyph.size);
            let found = grids.iter().enumerate().find_map(|(k, grid)| grid.box_at(x, y).map(|b| (k, grid.cell_of(b))));
            match found {
                Some((k, cell)) if !spans_the_width(&grids[k], cell) => in_cells[k].push((cell, i)),
                _ => running.push(i),
            }
        }
        // Lines of running text and rows of tables, top to bottom.
        let mut items: Vec<(f32, Item)> =
            writer.lines(running).into_iter().map(|line| (page.glyphs[line[0]].y, Item::Line(line))).collect();
        for (k, mut cells) in in_cells.into_iter().enumerate() {
            crate::sorting::sort_by_key(&mut cells, |&(cell, _)| cell);
            let columns = grids[k].columns();
            let mut start = 0;
            while start < cells.len() {
                let band = cells[start].0 / columns;
                let end = start + cells[start..].iter().take_while(|(cell, _)| cell / columns == band).count();
                let mut row: Vec<Vec<usize>> = vec![Vec::new(); columns];
                for &(cell, glyph) in &cells[start..end] {
                    row[cell % columns].push(glyph);
                }
                for row in writer.unruled_rows(row) {
                    let top = row.iter().flatten().map(|&g| page.glyphs[g].y).fold(f32::INFINITY, f32::min);
                    items.push((top, Item::Row(row)));
                }
                start = end;
            }
        }
        items.sort_by(|a, b| a.0.total_cmp(&b.0));
        let mut previous_y: Option<f32> = None;
        for (y, item) in items {
            if let Some(before) = previous_y {
                let gaps = ((y - before) / (writer.body_size * 1.9)).floor() as usize;
                for _ in 0..gaps.min(2) {
                    writer.out.text.push('\n');
                }
            }
            previous_y = Some(match item {
                Item::Line(line) => {
                    writer.line(&line);
                    y
                }
                Item::Row(row) => writer.row(&row),
            });
            writer.out.text.push('\n');
        }
        out.text.push('\x0c');
    }
    out
}

/// What a page's text is made of, in reading order.
enum Item {
    /// Glyphs on one baseline, left to right.
    Line(Vec<usize>),
    /// A table row: per column, the glyphs of the cell that starts there.
    Row(Vec<Vec<usize>>),
}

/// Whether a table's cell runs across all its columns (a title or note inside the borders).
fn spans_the_width(grid: &Grid, cell: usize) -> bool {
    let columns = grid.columns();
    cell % columns == 0 && grid.cell_of(cell - cell % columns + columns - 1) == cell
}

/// The size most of a page's text is set in.
fn body_size(page: &Page) -> f32 {
    let mut sizes: Vec<f32> = page.glyphs.iter().filter(|g| !g.text.trim().is_empty()).map(|g| g.size).collect();
    sizes.sort_by(f32::total_cmp);
    sizes.get(sizes.len() / 2).copied().unwrap_or(10.0).max(1.0)
}

/// Writes one page's glyphs into the rendered text.
struct Writer<'w> {
    out: &'w mut Rendered,
    page: usize,
    glyphs: &'w [Glyph],
    body_size: f32,
}

impl Writer<'_> {
    /// Glyphs grouped into lines (baselines within a third of the body size), top to bottom,
    /// each line left to right.
    fn lines(&self, mut glyphs: Vec<usize>) -> Vec<Vec<usize>> {
        glyphs.sort_by(|&a, &b| self.glyphs[a].y.total_cmp(&self.glyphs[b].y));
        let mut lines: Vec<Vec<usize>> = Vec::new();
        let mut baseline = f32::NEG_INFINITY;
        for i in glyphs {
            let y = self.glyphs[i].y;
            match lines.last_mut() {
                Some(line) if y - baseline <= self.body_size / 3.0 => line.push(i),
                _ => {
                    lines.push(vec![i]);
                    baseline = y;
                }
            }
        }
        for line in &mut lines {
            line.sort_by(|&a, &b| self.glyphs[a].x.total_cmp(&self.glyphs[b].x));
        }
        lines
    }

    /// A band of a ruled table as its rows: itself, or, when two baselines or more each hold a
    /// figure in one cell and text in another, and one column has a figure on two of them (a
    /// table ruled between columns but not between its rows), one row per baseline.
    /// A header's labels wrapped over two lines hold no figures and stay one row; so does a row
    /// whose cells wrap (`达标完成` / `率` beside `100` / `%`, then `10  10` on the second line).
    fn unruled_rows(&self, row: Vec<Vec<usize>>) -> Vec<Vec<Vec<usize>>> {
        let lines = self.lines(row.iter().flatten().copied().collect());
        let is_figure = |line: &Vec<usize>| {
            let text: String = line.iter().map(|&g| self.glyphs[g].text.as_str()).collect();
            text.bytes().any(|b| b.is_ascii_digit()) && text.bytes().all(|b| b.is_ascii_digit() || b".,%-".contains(&b))
        };
        // Rows on a baseline: a figure in one cell, and text in another (a figure wrapped under
        // its label in one cell is no row).
        let in_cells = |line: &Vec<usize>| -> Vec<Vec<usize>> {
            row.iter().map(|cell| line.iter().copied().filter(|g| cell.contains(g)).collect()).collect()
        };
        let figure_lines: Vec<Vec<Vec<usize>>> = lines
            .iter()
            .map(in_cells)
            .filter(|cells| cells.iter().any(is_figure) && cells.iter().filter(|c| !c.is_empty()).count() >= 2)
            .collect();
        let figures_in_one_column =
            (0..row.len()).any(|column| figure_lines.iter().filter(|cells| is_figure(&cells[column])).count() >= 2);
        if figure_lines.len() < 2 || !figures_in_one_column {
            return vec![row];
        }
        lines
            .iter()
            .map(|line| row.iter().map(|cell| cell.iter().copied().filter(|g| line.contains(g)).collect()).collect())
            .collect()
    }

    fn glyph(&mut self, i: usize) {
        let glyph = &self.glyphs[i];
        self.out.places.glyphs.push(PlacedGlyph { byte: self.out.text.len(), page: self.page, bounds: glyph.bounds() });
        self.out.text.push_str(&glyph.text);
    }

    /// A line of running text: each glyph at its x, in display columns of half the body size.
    fn line(&mut self, line: &[usize]) {
        let (body_size, unit) = (self.body_size, self.body_size / 2.0);
        let mut column = 0usize;
        let mut last_right: Option<f32> = None;
        let mut previous: Option<&str> = None;
        for &i in line {
            let glyph = &self.glyphs[i];
            let wanted = (glyph.x / unit).round().max(0.0) as usize;
            let gap = last_right.map_or(f32::INFINITY, |right| glyph.x - right);
            // A figure and a word set half an em apart or more are two cells (tight tables set
            // them that close); words of one cell and letter-spaced text stay one field.
            let figure_meets_word = previous.is_some_and(|p: &str| {
                p.ends_with(|c: char| c.is_ascii_digit() || c == '%')
                    != glyph.text.starts_with(|c: char| c.is_ascii_digit())
            });
            let spaces = if last_right.is_none() {
                wanted
            } else if gap < body_size * 0.15 {
                0
            } else if gap < body_size * 0.8 && !(figure_meets_word && gap >= body_size * 0.45) {
                1
            } else {
                wanted.saturating_sub(column).max(2)
            };
            for _ in 0..spaces {
                self.out.text.push(' ');
            }
            column += spaces;
            self.glyph(i);
            previous = Some(&glyph.text);
            column += glyph.text.chars().map(|c| if is_wide(c) { 2 } else { 1 }).sum::<usize>();
            last_right = Some(glyph.x + glyph.width);
        }
    }

    /// A table row: its cells' texts separated by tabs. Returns the row's last baseline.
    fn row(&mut self, row: &[Vec<usize>]) -> f32 {
        let mut bottom = f32::NEG_INFINITY;
        for (column, cell) in row.iter().enumerate() {
            if column > 0 {
                self.out.text.push('\t');
            }
            let lines = self.lines(cell.clone());
            let mut last: Option<&Glyph> = None;
            for line in &lines {
                let mut left: Option<&Glyph> = None;
                for &i in line {
                    let glyph = &self.glyphs[i];
                    // Between glyphs of a line, a space where they stand apart; between lines, a
                    // space between Latin words. None next to CJK (letter-spacing, wrapping), nor
                    // inside brackets and before punctuation (`96.81%`, not `96.81 %`).
                    let cjk_meets = last.is_some_and(|l| l.text.ends_with(is_wide) || glyph.text.starts_with(is_wide));
                    let apart = match left {
                        Some(l) => glyph.x - (l.x + l.width) >= 0.15 * glyph.size,
                        None => last.is_some(),
                    };
                    let punctuation = last.is_some_and(|l| l.text.ends_with(['(', '（', '“']))
                        || glyph.text.starts_with(['%', ')', '）', ',', '.', '，', '。', '、', '：', ':', '；', '”']);
                    if apart && !cjk_meets && !punctuation {
                        self.out.text.push(' ');
                    }
                    self.glyph(i);
                    (left, last) = (Some(glyph), Some(glyph));
                    bottom = bottom.max(glyph.y);
                }
            }
        }
        bottom
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::positioned::Ruling;

    /// A glyph set in 10 pt at `x`, `y`: 5 wide if ASCII, else 10.
    fn glyph(text: &str, x: f32, y: f32) -> Glyph {
        Glyph { text: text.into(), x, y, width: if text.is_ascii() { 5.0 } else { 10.0 }, size: 10.0 }
    }

    /// A 600 × 800 page of `glyphs` and `rulings`.
    fn page(glyphs: Vec<Glyph>, rulings: Vec<Ruling>) -> Page {
        Page { width: 600.0, height: 800.0, glyphs, rulings }
    }

    #[test]
    fn rendered_glyphs_are_placed_by_x_and_located_back() {
        let glyphs = ["合", "计", "1", ".", "5"].into_iter().zip([0.0, 10.0, 100.0, 105.0, 110.0]);
        let page = page(glyphs.map(|(text, x)| glyph(text, x, 20.0)).collect(), Vec::new());
        let rendered = render(&[page.clone(), page]);
        let lines: Vec<&str> = rendered.text.split('\n').collect();
        assert_eq!(lines[0].trim_end(), format!("合计{}1.5", " ".repeat(16)));
        let at = crate::ingest::find(&rendered.text, "1.5").unwrap();
        assert_eq!(rendered.places.locate(at, at + 3), Some(PagePlace { page: 1, bbox: [100, 12, 115, 22] }));
        let second = crate::ingest::rfind(&rendered.text, "1.5").unwrap();
        assert_eq!(rendered.places.locate(second, second + 3).map(|p| p.page), Some(2));
    }

    #[test]
    fn a_ruled_table_is_written_row_by_row_with_its_cells_lines_joined() {
        let across = |y: f32| Ruling { x0: 0.0, y0: y, x1: 200.0, y1: y };
        let down = |x: f32, y0: f32| Ruling { x0: x, y0, x1: x, y1: 90.0 };
        let mut glyphs = vec![glyph("收", 80.0, 14.0), glyph("入", 90.0, 14.0)];
        // The label wraps in its cell: 行政 / 运行.
        glyphs.extend([
            glyph("行", 5.0, 44.0),
            glyph("政", 15.0, 44.0),
            glyph("运", 5.0, 56.0),
            glyph("行", 15.0, 56.0),
        ]);
        glyphs.extend([
            glyph("9", 105.0, 50.0),
            glyph("6", 110.0, 50.0),
            glyph(".", 115.0, 50.0),
            glyph("8", 120.0, 50.0),
            glyph("%", 128.0, 50.0),
        ]);
        glyphs.extend([glyph("1", 160.0, 80.0), glyph("注", 0.0, 120.0)]);
        let page = page(
            // A title row over all three columns, then two rows of three cells.
            glyphs,
            vec![
                across(0.0),
                across(30.0),
                across(60.0),
                across(90.0),
                down(0.0, 0.0),
                down(100.0, 30.0),
                down(150.0, 30.0),
                down(200.0, 0.0),
            ],
        );
        let rendered = render(&[page]);
        let lines: Vec<&str> = rendered.text.lines().filter(|l| !l.trim().is_empty()).collect();
        assert_eq!(lines, [format!("{}收入", " ".repeat(16)).as_str(), "行政运行\t96.8%\t", "\t\t1", "注"]);
        assert!(rendered.text.ends_with("注\n\x0c"), "every page ends with a form feed");
        let at = crate::ingest::find(&rendered.text, "运").unwrap();
        assert_eq!(rendered.places.locate(at, at + 3).map(|p| p.bbox), Some([5, 48, 15, 58]));
    }

    #[test]
    fn a_table_ruled_between_columns_only_has_a_row_per_baseline_of_figures() {
        let across = |y: f32| Ruling { x0: 0.0, y0: y, x1: 200.0, y1: y };
        let down = |x: f32| Ruling { x0: x, y0: 0.0, x1: x, y1: 80.0 };
        let mut glyphs = Vec::new();
        // A header wrapped over two lines in two cells (no figures: one row), then three rows of
        // a body with no rules between them.
        glyphs.extend([
            glyph("科", 5.0, 12.0),
            glyph("目", 5.0, 24.0),
            glyph("金", 105.0, 12.0),
            glyph("额", 105.0, 24.0),
        ]);
        for (i, (code, name, amount)) in
            [("201", "一", "1.5"), ("202", "二", "2.5"), ("203", "三", "4")].iter().enumerate()
        {
            let y = 45.0 + 12.0 * i as f32;
            glyphs.push(glyph(code, 5.0, y));
            glyphs.push(glyph(name, 50.0, y));
            glyphs.push(glyph(amount, 105.0, y));
        }
        let page = page(glyphs, vec![across(0.0), across(30.0), across(80.0), down(0.0), down(100.0), down(200.0)]);
        let rendered = render(&[page]);
        let lines: Vec<&str> = rendered.text.lines().filter(|l| !l.trim().is_empty()).collect();
        assert_eq!(lines, ["科目\t金额", "201一\t1.5", "202二\t2.5", "203三\t4"]);
    }

    #[test]
    fn a_ruled_row_whose_cells_wrap_stays_one_row() {
        let across = |y: f32| Ruling { x0: 0.0, y0: y, x1: 200.0, y1: y };
        let down = |x: f32| Ruling { x0: x, y0: 0.0, x1: x, y1: 30.0 };
        // A 绩效 indicator row as a word processor prints it: 达标完成 / 率 and 100 / % wrap in
        // their cells, the 分值 sits on the second line. No column has figures on both lines.
        let glyphs = vec![
            glyph("达", 5.0, 12.0),
            glyph("标", 15.0, 12.0),
            glyph("100", 105.0, 12.0),
            glyph("率", 5.0, 24.0),
            glyph("%", 105.0, 24.0),
            glyph("10", 160.0, 24.0),
        ];
        let page = page(glyphs, vec![across(0.0), across(30.0), down(0.0), down(100.0), down(150.0), down(200.0)]);
        let rendered = render(&[page]);
        let lines: Vec<&str> = rendered.text.lines().filter(|l| !l.trim().is_empty()).collect();
        assert_eq!(lines, ["达标率\t100%\t10"]);
    }
}
