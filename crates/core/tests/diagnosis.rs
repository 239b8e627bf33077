//! Mutation test of the diagnosis (#16): one figure of a 决算 table (a cell shown with 2
//! decimals) in the corpus documents 000, 002 and 004 is changed; when that breaks a relation,
//! the check must never fix another figure with certainty (no `safe` fix elsewhere); it must
//! name that figure with a `safe` fix restoring the original text when the document can tell,
//! and say it cannot tell (a `display` fix naming the figure) otherwise.
//!
//! Measured: 190 slips detected, 161 fixed (84.7%), 29 undecided, none missed, none blamed on
//! another figure. #16 asks for 95% fixed: the documents cannot give it. Every one of the 29 is
//! a figure whose relations another figure satisfies as well, nothing else in the document
//! stating either (run with `DIAG_DEBUG=1` to list them):
//! - 21 are 06表 款 items (30202 印刷费, 30305 生活补助, 31010 安置补助, …) in one sum only
//!   (302 = Σ 302xx, 303, 310, 399 likewise): any other item of the sum (any item when the slip
//!   lowered the figure, one at least as large when it raised it) would make it hold as well,
//!   the 类 being held by 公用经费合计 and the text (or, for 399 `0.00`, free within their
//!   rounding). The text names these items without figures; the 基础数据表's `水费、电费、差旅费`
//!   and `会议费、培训费` lines are not their sums in every document (000: 45.58 against 42.80;
//!   002: 25.71 against 24.92), so they prove nothing.
//! - 8 are `0.00` cells raised by a few hundredths: 01 经营收入 (002), 02 上级补助 / 附属单位上缴
//!   收入 of a 项 (5 in 002), 04 一般公共预算 / 国有资本经营 of a 类 (2 in 004). The row sum
//!   (or the 01 = 02 equality) breaks; the column sum, of 7 to 25 rounded figures, still holds
//!   within its rounding, and so would the row's total, its 财政拨款 figure (or 02 合计·经营收入)
//!   changed by the same amount, within the rounding of its own column.
//!
//! So 161 of the 190 are decidable from the documents, and all 161 are fixed. Nine of the 29
//! (the 8 and 39910 资本性赠与, by hand, not measured) would be told apart if a `0.00` of income
//! or spending stood for `[0, 0.005)`, no negative amount hidden among zeros: the rounding
//! rules (docs/domain.md §3) do not assume it, so neither does the diagnosis.
#![cfg(feature = "diagnosis")]

use std::cell::Cell;

use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use rust_decimal::Decimal;

use hedui_core::finding::{Applicability, Finding};
use hedui_core::fixes::Diagnosed;
use hedui_core::CheckOptions;

const DOCUMENTS: [&str; 3] = ["000_a60f2e9b14e82395.txt", "002_2a4a6f0d8c259386.txt", "004_2209d00c77695512.txt"];

struct Document {
    name: &'static str,
    text: String,
    /// Byte range of each 2-decimal cell of a 决算 table.
    cells: Vec<(usize, usize)>,
    broken: usize,
    /// Where the safe fixes of the unchanged document edit.
    fixed: Vec<usize>,
}

fn safe_edits(findings: &[Finding]) -> impl Iterator<Item = &hedui_core::finding::Edit> {
    hedui_core::fixes::safe_fixes(findings).flat_map(|fix| &fix.edits)
}

fn load(name: &'static str) -> Document {
    let text =
        std::fs::read_to_string(format!("{}/../../../shared/corpus/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap();
    let parsed = hedui_core::parse(name, &text);
    let two_decimals = |s: &str| {
        s.split_once('.').is_some_and(|(whole, fraction)| {
            !whole.is_empty()
                && whole.bytes().all(|b| b.is_ascii_digit())
                && fraction.len() == 2
                && fraction.bytes().all(|b| b.is_ascii_digit())
        })
    };
    let mut cells: Vec<(usize, usize)> = parsed
        .tables
        .iter()
        .filter(|t| t.form.is_final_accounts())
        .flat_map(|t| &t.cells)
        .map(|c| (c.value.at.byte_start, c.value.at.byte_end))
        .filter(|&(start, end)| text.get(start..end).is_some_and(two_decimals))
        .collect();
    cells.sort_unstable();
    cells.dedup();
    let report = hedui_core::check(&[(name, &text)]);
    let document = &report.documents[0];
    let fixed = safe_edits(&document.findings).map(|e| e.byte_start).collect();
    Document { name, broken: document.stats.total.broken, text, cells, fixed }
}

/// Whether the finding points at the figure at byte `start`, or names it among its relation's figures.
fn names(finding: &Finding, start: usize) -> bool {
    std::iter::once(&finding.location).chain(&finding.related).any(|l| l.byte_start == start)
}

/// The report of `documents` checked with the diagnosis, after asserting that the web app's way
/// to it gives the same: checked without the diagnosis, then changed as its diagnosis module
/// says ([`Diagnosed::between`], sent as postcard, [`Diagnosed::apply`]).
fn diagnosed(documents: &[(&str, &str)]) -> hedui_core::CheckReport {
    let report = hedui_core::check(documents);
    let plain = hedui_core::check_with(documents, &CheckOptions { no_diagnosis: true, ..CheckOptions::default() });
    for (mut plain, diagnosed) in plain.documents.into_iter().zip(&report.documents) {
        let change = Diagnosed::between(&plain, diagnosed)
            .unwrap_or_else(|| panic!("{}: no change from the plain report", plain.source));
        let sent: Diagnosed = postcard::from_bytes(&postcard::to_allocvec(&change).unwrap()).unwrap();
        assert_eq!(sent, change);
        sent.apply(&mut plain);
        assert_eq!(
            serde_json::to_string_pretty(&plain).unwrap(),
            serde_json::to_string_pretty(diagnosed).unwrap(),
            "{}",
            plain.source
        );
    }
    report
}

fn apply(text: &str, edit: &hedui_core::finding::Edit) -> String {
    [&text[..edit.byte_start], &edit.content, &text[edit.byte_end..]].concat()
}

#[test]
fn a_single_slip_is_found_and_fixed() {
    let documents: Vec<Document> = DOCUMENTS.into_iter().map(load).collect();
    for d in &documents {
        assert!(d.cells.len() > 100, "{}: {} cells", d.name, d.cells.len());
    }
    let (detected, fixed, undecided) = (Cell::new(0u32), Cell::new(0u32), Cell::new(0u32));
    let mut runner = TestRunner::new_with_rng(
        Config { cases: 200, failure_persistence: None, ..Config::default() },
        proptest::test_runner::TestRng::deterministic_rng(proptest::test_runner::RngAlgorithm::ChaCha),
    );
    let slip = (0..documents.len(), any::<prop::sample::Index>(), 1i64..=9, 0u32..=4, any::<bool>());
    runner
        .run(&slip, |(which, cell, digit, power, down)| {
            let d = &documents[which];
            let (start, end) = d.cells[cell.index(d.cells.len())];
            let original: Decimal = d.text[start..end].parse().unwrap();
            let delta = Decimal::new(digit * 10i64.pow(power), 2);
            let slipped = if down && original >= delta { original - delta } else { original + delta };
            let new = format!("{slipped:.2}");
            let text = [&d.text[..start], &new, &d.text[end..]].concat();
            let report = diagnosed(&[(d.name, &text)]);
            let document = &report.documents[0];
            if document.stats.total.broken <= d.broken {
                return Ok(()); // the figure is in no relation that could break
            }
            detected.set(detected.get() + 1);
            let ours = |e: &&hedui_core::finding::Edit| e.byte_start == start;
            if safe_edits(&document.findings).filter(ours).any(|e| apply(&text, e) == d.text) {
                fixed.set(fixed.get() + 1);
            } else if document.findings.iter().any(|f| {
                f.fix.as_ref().is_some_and(|fix| fix.applicability == Applicability::Display) && names(f, start)
            }) {
                undecided.set(undecided.get() + 1);
                if std::env::var("DIAG_DEBUG").is_ok() {
                    let cell = document
                        .findings
                        .iter()
                        .flat_map(|f| std::iter::once(&f.location).chain(&f.related))
                        .find(|l| l.byte_start == start);
                    eprintln!(
                        "UNDECIDED {} {original}->{new} @{start}: {:?}",
                        d.name,
                        cell.map(|l| (l.table, &l.row, &l.column))
                    );
                }
            } else if std::env::var("DIAG_DEBUG").is_ok() {
                eprintln!(
                    "MISSED {} {original}->{new} @{start}: {:?}",
                    d.name,
                    document
                        .findings
                        .iter()
                        .filter(|f| names(f, start))
                        .map(|f| (&f.message, f.fix.as_ref().map(|x| &x.message)))
                        .collect::<Vec<_>>()
                );
            }
            // The unchanged document's own fixes, their places moved by the slip's length.
            let before: Vec<usize> =
                d.fixed.iter().map(|&at| if at > start { at + new.len() - (end - start) } else { at }).collect();
            let blamed: Vec<&str> = document
                .findings
                .iter()
                .filter(|f| {
                    f.fix.as_ref().is_some_and(|fix| {
                        fix.applicability == Applicability::Safe
                            && fix.edits.iter().any(|e| e.byte_start != start && !before.contains(&e.byte_start))
                    })
                })
                .map(|f| f.message.as_str())
                .collect();
            prop_assert!(
                blamed.is_empty(),
                "{}: {} → {new} at byte {start}: another figure fixed: {blamed:#?}",
                d.name,
                original
            );
            Ok(())
        })
        .unwrap();
    let (detected, fixed, undecided) = (detected.get(), fixed.get(), undecided.get());
    eprintln!(
        "slips detected {detected}: fixed {fixed}, undecided {undecided}, missed {}",
        detected - fixed - undecided
    );
    assert!(detected >= 100, "too few slips broke a relation: {detected}");
    assert!(f64::from(fixed) >= 0.84 * f64::from(detected), "fixed {fixed} of {detected} slips");
    assert_eq!(fixed + undecided, detected, "slips neither fixed nor said to be undecided");
}

/// A table figure whose text counts otherwise: 002's 09表 公务用车购置及运行费小计·预算数
/// `85.75` differs from the text's `预算为83万元` in the document as published. Slipped to
/// `185.75`, it no longer adds up with 合计 = 出国 + 小计 + 接待, whose other figures other
/// relations hold: it is put back to `85.75` (the text still differs, as before).
#[test]
fn a_table_slip_is_fixed_where_the_text_counts_otherwise() {
    let d = load(DOCUMENTS[1]);
    let start = d.text.find("136.85\t49.98\t85.75").unwrap() + "136.85\t49.98\t".len();
    let end = start + "85.75".len();
    let text = [&d.text[..start], "185.75", &d.text[end..]].concat();
    let report = hedui_core::check(&[(d.name, &text)]);
    let fixes: Vec<_> = safe_edits(&report.documents[0].findings).filter(|e| e.byte_start == start).collect();
    assert!(fixes.iter().any(|e| apply(&text, e) == d.text), "{fixes:?}");
}

/// A 06表 item the text states: 004's 30216 培训费 `0.13` is in one sum of the table only
/// (302 = Σ 302xx, with many other items that could be off), but the text says `开支培训费0.13万元`
/// (N007): slipped to `6.13`, it is the one figure in both broken relations, put back to `0.13`.
#[test]
fn a_table_item_the_text_states_is_fixed() {
    let d = load(DOCUMENTS[2]);
    let start = d.text.find("30216\t培训费\t0.13").unwrap() + "30216\t培训费\t".len();
    let end = start + "0.13".len();
    let text = [&d.text[..start], "6.13", &d.text[end..]].concat();
    let report = hedui_core::check(&[(d.name, &text)]);
    let fixes: Vec<_> = safe_edits(&report.documents[0].findings).filter(|e| e.byte_start == start).collect();
    assert!(fixes.iter().any(|e| apply(&text, e) == d.text), "{fixes:?}");
}

/// The web app's diagnosis (checked without it, then changed as its module says) is the CLI's on
/// every corpus document, alone and checked together with the others.
#[test]
fn the_web_apps_diagnosis_is_the_clis() {
    let corpus = format!("{}/../../../shared/corpus", env!("CARGO_MANIFEST_DIR"));
    let mut names: Vec<String> = std::fs::read_dir(&corpus)
        .unwrap()
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.ends_with(".txt"))
        .collect();
    names.sort();
    let texts: Vec<(String, String)> =
        names.iter().map(|n| (n.clone(), std::fs::read_to_string(format!("{corpus}/{n}")).unwrap())).collect();
    assert_eq!(texts.len(), 5);
    let documents: Vec<(&str, &str)> = texts.iter().map(|(n, t)| (n.as_str(), t.as_str())).collect();
    let causes = |report: &hedui_core::CheckReport| {
        report.documents.iter().flat_map(|d| &d.findings).filter(|f| f.is_cause()).count()
    };
    let mut alone = 0;
    for document in &documents {
        alone += causes(&diagnosed(std::slice::from_ref(document)));
    }
    let together = diagnosed(&documents);
    assert!(alone > 0 && causes(&together) > 0, "no cause found: the comparison proves nothing");
    // The review rules' findings are sent as added findings (003 and 004's section numbering,
    // 002's function names).
    let review = |rule: &str| hedui_core::rules::all().iter().any(|r| r.info().code == rule && r.info().review);
    let added = together.documents.iter().flat_map(|d| &d.findings).filter(|f| review(f.rule)).count();
    assert!(added >= 5, "{added} review findings: the added findings are not compared");
    assert!(together.documents.iter().any(|d| !d.compared_with.is_empty()), "no documents compared");
}
