//! Ruled tables: where a page draws a table's borders, its cells are the boxes the rulings
//! enclose. [`grids`] finds the tables of a page; a grid's boxes that no border separates (merged
//! cells, over columns or rows) are one cell.

use crate::positioned::Ruling;

/// How far apart (in points) two rulings may be and still meet, or be one line.
const TOLERANCE: f32 = 2.0;
/// Horizontal × vertical rulings compared on one page, at most: a page of hatching is no table.
const MAX_PAIRS: usize = 1 << 22;

/// One ruled table: the boundaries of its rows (bands) and columns, and its cells.
#[derive(Debug)]
pub(super) struct Grid {
    /// Band boundaries, top to bottom.
    ys: Vec<f32>,
    /// Column boundaries, left to right.
    xs: Vec<f32>,
    /// Per box (`band * columns + column`), the box that names its cell: the cell's first box.
    cells: Vec<usize>,
}

impl Grid {
    pub(super) fn columns(&self) -> usize {
        self.xs.len() - 1
    }

    /// The box a point is in, as `band * columns + column`, if it is inside the grid.
    pub(super) fn box_at(&self, x: f32, y: f32) -> Option<usize> {
        let inside = |bounds: &[f32], v: f32| {
            bounds.first().is_some_and(|&low| v >= low) && bounds.last().is_some_and(|&high| v <= high)
        };
        if !inside(&self.xs, x) || !inside(&self.ys, y) {
            return None;
        }
        let index =
            |bounds: &[f32], v: f32| bounds.partition_point(|&b| b <= v).saturating_sub(1).min(bounds.len() - 2);
        Some(index(&self.ys, y) * self.columns() + index(&self.xs, x))
    }

    /// The cell of a box: the first box of the cell (its top-left one).
    pub(super) fn cell_of(&self, box_index: usize) -> usize {
        self.cells[box_index]
    }
}

/// The ruled tables among a page's rulings: sets of horizontal and vertical rulings that meet,
/// enclosing two boxes or more.
pub(super) fn grids(rulings: &[Ruling]) -> Vec<Grid> {
    let (horizontal, vertical): (Vec<&Ruling>, Vec<&Ruling>) = rulings.iter().partition(|r| r.is_horizontal());
    if horizontal.len() < 2 || vertical.len() < 2 || horizontal.len() * vertical.len() > MAX_PAIRS {
        return Vec::new();
    }
    let meet = |h: &Ruling, v: &Ruling| {
        v.x0 >= h.x0 - TOLERANCE && v.x0 <= h.x1 + TOLERANCE && h.y0 >= v.y0 - TOLERANCE && h.y0 <= v.y1 + TOLERANCE
    };
    let mut sets = Sets::new(horizontal.len() + vertical.len());
    for (i, h) in horizontal.iter().enumerate() {
        for (j, v) in vertical.iter().enumerate() {
            if meet(h, v) {
                sets.join(i, horizontal.len() + j);
            }
        }
    }
    let mut members: Vec<(Vec<&Ruling>, Vec<&Ruling>)> = Vec::new();
    let mut slot_of_root = vec![usize::MAX; horizontal.len() + vertical.len()];
    for (index, ruling) in horizontal.iter().chain(&vertical).enumerate() {
        let root = sets.root(index);
        if slot_of_root[root] == usize::MAX {
            slot_of_root[root] = members.len();
            members.push((Vec::new(), Vec::new()));
        }
        let (hs, vs) = &mut members[slot_of_root[root]];
        if index < horizontal.len() { hs } else { vs }.push(ruling);
    }
    members.into_iter().filter_map(|(hs, vs)| grid(&hs, &vs)).collect()
}

/// The grid of one set of rulings that meet.
fn grid(horizontal: &[&Ruling], vertical: &[&Ruling]) -> Option<Grid> {
    let ys = clustered(horizontal.iter().map(|r| r.y0).collect());
    let xs = clustered(vertical.iter().map(|r| r.x0).collect());
    if ys.len() < 2 || xs.len() < 2 || (ys.len() - 1) * (xs.len() - 1) < 2 {
        return None;
    }
    let (bands, columns) = (ys.len() - 1, xs.len() - 1);
    // A border at column boundary `x` across band `b` / at band boundary `y` over column `c`.
    let vertical_border = |x: f32, b: usize| {
        let middle = (ys[b] + ys[b + 1]) / 2.0;
        vertical
            .iter()
            .any(|r| (r.x0 - x).abs() <= TOLERANCE && r.y0 - TOLERANCE <= middle && middle <= r.y1 + TOLERANCE)
    };
    let horizontal_border = |y: f32, c: usize| {
        let middle = (xs[c] + xs[c + 1]) / 2.0;
        horizontal
            .iter()
            .any(|r| (r.y0 - y).abs() <= TOLERANCE && r.x0 - TOLERANCE <= middle && middle <= r.x1 + TOLERANCE)
    };
    let mut sets = Sets::new(bands * columns);
    for b in 0..bands {
        for c in 0..columns {
            if c + 1 < columns && !vertical_border(xs[c + 1], b) {
                sets.join(b * columns + c, b * columns + c + 1);
            }
            if b + 1 < bands && !horizontal_border(ys[b + 1], c) {
                sets.join(b * columns + c, (b + 1) * columns + c);
            }
        }
    }
    // Each cell is named by its first box: the smallest index among its boxes.
    let mut first = vec![usize::MAX; bands * columns];
    for index in 0..bands * columns {
        let root = sets.root(index);
        first[root] = first[root].min(index);
    }
    let cells = (0..bands * columns).map(|index| first[sets.root(index)]).collect();
    Some(Grid { ys, xs, cells })
}

/// Values sorted, those within [`TOLERANCE`] of their neighbour taken as one (their mean).
fn clustered(mut values: Vec<f32>) -> Vec<f32> {
    values.sort_by(f32::total_cmp);
    let mut out: Vec<(f32, usize)> = Vec::new();
    for v in values {
        match out.last_mut() {
            Some((sum, n)) if v - *sum / *n as f32 <= TOLERANCE => {
                *sum += v;
                *n += 1;
            }
            _ => out.push((v, 1)),
        }
    }
    out.into_iter().map(|(sum, n)| sum / n as f32).collect()
}

/// Disjoint sets of indices (union–find).
struct Sets {
    parent: Vec<usize>,
}

impl Sets {
    fn new(n: usize) -> Sets {
        Sets { parent: (0..n).collect() }
    }

    fn root(&mut self, mut i: usize) -> usize {
        while self.parent[i] != i {
            self.parent[i] = self.parent[self.parent[i]];
            i = self.parent[i];
        }
        i
    }

    fn join(&mut self, a: usize, b: usize) {
        let (a, b) = (self.root(a), self.root(b));
        self.parent[a.max(b)] = a.min(b);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn across(y: f32, x0: f32, x1: f32) -> Ruling {
        Ruling { x0, y0: y, x1, y1: y }
    }

    fn down(x: f32, y0: f32, y1: f32) -> Ruling {
        Ruling { x0: x, y0, x1: x, y1 }
    }

    #[test]
    fn boxes_no_border_separates_are_one_cell() {
        // Three columns, three bands; the top band's first two boxes merged (a group header),
        // the third column's first two bands merged (a label over two header rows).
        let rulings = [
            across(0.0, 0.0, 300.0),
            across(20.0, 0.0, 200.0),
            across(40.0, 0.0, 300.0),
            across(60.0, 0.0, 300.0),
            down(0.0, 0.0, 60.0),
            down(100.0, 20.0, 60.0),
            down(200.0, 0.0, 60.0),
            down(300.0, 0.0, 60.0),
            // A rule elsewhere on the page, meeting nothing: no table.
            across(500.0, 0.0, 300.0),
        ];
        let grids = grids(&rulings);
        assert_eq!(grids.len(), 1);
        let grid = &grids[0];
        assert_eq!((grid.columns(), grid.box_at(299.0, 59.0)), (3, Some(8)));
        let cell = |x: f32, y: f32| grid.cell_of(grid.box_at(x, y).unwrap());
        assert_eq!(cell(150.0, 10.0), 0);
        assert_eq!(cell(250.0, 30.0), 2);
        assert_eq!(cell(150.0, 30.0), 4);
        assert_eq!(cell(50.0, 50.0), 6);
        assert_eq!(grid.box_at(50.0, 70.0), None);
    }

    #[test]
    fn a_framed_box_is_no_table() {
        let frame = [across(0.0, 0.0, 100.0), across(50.0, 0.0, 100.0), down(0.0, 0.0, 50.0), down(100.0, 0.0, 50.0)];
        assert!(grids(&frame).is_empty());
    }
}
