//! The relations a check evaluated, as a graph over the figures they name: each sum, equality,
//! `≤` and ratio with its figures and outcome, recorded by `check::Checker` as the rules run
//! and read by the diagnosis after them (feature `diagnosis`).

use rust_decimal::Decimal;

use crate::amount::{parse_number, Number};
use crate::finding::{Edit, FindingLocation, Term};
use crate::rounding::Outcome;
use crate::sorted_map::SortedMap;

/// What a relation says of its figures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// `first = Σ ± rest`.
    Sum,
    /// `first ≤ second`.
    AtMost,
    /// `first% = 100 · second / third`.
    Ratio,
}

/// A figure of the document, as the relations that name it see it.
#[derive(Debug, Clone)]
pub(crate) struct Figure {
    pub(crate) label: String,
    pub(crate) value: Decimal,
    /// The relations it is in.
    pub(crate) relations: Vec<usize>,
    pub(crate) location: FindingLocation,
    /// Where the number stands in its text and how it is written, when it is the figure as
    /// written (not converted to another unit, not derived): only such a figure can be fixed.
    pub(crate) written: Option<Written>,
    /// Right by a requirement that held (a 总分·分值 of 100): never the one to change.
    pub(crate) pinned: bool,
}

#[derive(Debug, Clone)]
pub(crate) struct Written {
    /// The number's bytes in the input (its unit left out).
    pub(crate) byte_start: usize,
    pub(crate) byte_end: usize,
    /// The number as written (`5,487.18`, `(26.42)`).
    pub(crate) text: String,
    /// What follows it in the cell or figure (`万元`, `%`).
    pub(crate) after: String,
    /// Whether it is exact (a count, a 分值, a score): not a rounding, so a total of `100` may
    /// be the figure that is right.
    pub(crate) exact: bool,
}

/// One evaluated relation: its figures (index, number as the relation read it, added or
/// subtracted), its outcome, and the finding it made when it did not hold.
#[derive(Debug, Clone)]
pub(crate) struct Relation {
    pub(crate) kind: Kind,
    pub(crate) terms: Vec<(usize, Number, bool)>,
    pub(crate) outcome: Outcome,
    pub(crate) finding: Option<usize>,
    /// Whether a figure it asks to change is a slip: not when its figures fit another reading
    /// (a split that adds up to the 全年执行数 rather than the 全年预算数 it is compared with).
    pub(crate) decides: bool,
    /// The words that state it, rewritten so that it holds (`决算数小于年初预算数` →
    /// `决算数大于年初预算数`): the fix when no figure explains it.
    pub(crate) reword: Option<Edit>,
}

/// Every relation among figures a check evaluated.
#[derive(Debug, Clone, Default)]
pub struct Graph {
    pub(crate) figures: Vec<Figure>,
    /// Figures by byte range and value (a 元 figure compared in 万元 is another figure).
    index: SortedMap<(usize, usize, Decimal), usize>,
    pub(crate) relations: Vec<Relation>,
}

impl Graph {
    /// Records a relation over `terms` with its `outcome`; `finding` is the index the finding
    /// of a relation that did not hold has.
    pub fn add<'t, 'a: 't>(
        &mut self,
        kind: Kind,
        terms: impl Iterator<Item = (&'t Term<'a>, bool)>,
        outcome: Outcome,
        finding: usize,
    ) {
        let terms: Vec<(usize, Number, bool)> =
            terms.map(|(term, add)| (self.figure(term), term.amount.number, add)).collect();
        for &(figure, _, _) in &terms {
            if let Some(figure) = self.figures.get_mut(figure) {
                if figure.relations.last() != Some(&self.relations.len()) {
                    figure.relations.push(self.relations.len());
                }
            }
        }
        self.relations.push(Relation {
            kind,
            terms,
            outcome,
            finding: (outcome != Outcome::Held).then_some(finding),
            decides: true,
            reword: None,
        });
    }

    /// The relation recorded last is stated in words at `edit`'s bytes, which `edit` rewrites so
    /// that it holds: when no figure explains it, the words are wrong (a safe fix); when one
    /// does, either may be, and the finding cannot tell.
    pub fn reword(&mut self, edit: Edit) {
        if let Some(relation) = self.relations.last_mut() {
            relation.reword = Some(edit);
        }
    }

    /// The relation recorded last has figures that fit another reading: the figure it asks to
    /// change is named, not fixed ("cannot tell").
    pub fn undecided(&mut self) {
        if let Some(relation) = self.relations.last_mut() {
            relation.decides = false;
        }
    }

    /// The relation recorded last is left out: its figures may be of another scope, so it
    /// neither explains a figure nor holds one back.
    pub fn aside(&mut self) {
        let Some(relation) = self.relations.pop() else { return };
        let index = self.relations.len();
        for (figure, _, _) in relation.terms {
            if let Some(figure) = self.figures.get_mut(figure) {
                figure.relations.retain(|&i| i != index);
            }
        }
    }

    /// `term`'s figure is right by a requirement that held (a 总分·分值 of 100).
    pub fn pin(&mut self, term: &Term) {
        let figure = self.figure(term);
        if let Some(figure) = self.figures.get_mut(figure) {
            figure.pinned = true;
        }
    }

    fn figure(&mut self, term: &Term) -> usize {
        let at = &term.amount.at;
        let key = (at.byte_start, at.byte_end, term.amount.number.value);
        if let Some(&index) = self.index.get(&key) {
            return index;
        }
        let index = self.figures.len();
        let written = written(&term.amount.raw, &term.amount.number, at.byte_start, at.byte_end);
        self.figures.push(Figure {
            label: term.label.clone(),
            value: term.amount.number.value,
            relations: Vec::new(),
            location: term.location(),
            written,
            pinned: false,
        });
        self.index.insert(key, index);
        index
    }
}

/// The number in `raw` (a cell's text, or a figure with its unit) when it reads as `number`
/// and `raw` is exactly the text at `start..end`.
fn written(raw: &str, number: &Number, start: usize, end: usize) -> Option<Written> {
    if end.checked_sub(start)? != raw.len() {
        return None;
    }
    let first = raw.find(|c: char| c.is_ascii_digit() || "-−—△(（".contains(c))?;
    let last = raw.rfind(|c: char| c.is_ascii_digit() || ")）".contains(c))?;
    let text = raw.get(first..=last)?;
    let read = parse_number(text)?;
    let same = read.value == number.value
        && read.decimals == number.decimals
        && text.contains(|c: char| c.is_ascii_digit())
        && !text.contains(' ');
    same.then(|| Written {
        byte_start: start + first,
        byte_end: start + last + 1,
        text: text.to_string(),
        after: raw[last + 1..].to_string(),
        exact: number.exact,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_figure_is_written_where_its_number_stands() {
        let n = parse_number("280.72").unwrap();
        let w = written("280.72万元", &n, 10, 10 + "280.72万元".len()).unwrap();
        assert_eq!((w.byte_start, w.byte_end, w.text.as_str()), (10, 16, "280.72"));
        assert!(written("280.72", &n, 10, 20).is_none());
    }
}
