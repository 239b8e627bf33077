//! The real PDFs of `shared/corpus/pdf`: their text as poppler's `pdftotext -raw` reads it, page
//! by page; their page counts as `pdfinfo` gives them; and the places of a few glyphs.

use std::path::{Path, PathBuf};
use std::process::Command;

use hedui_core::positioned::{Glyph, Page};
use hedui_pdf::{read_pdf, Limits, PdfError};
use similar::{capture_diff_slices, Algorithm, DiffOp};

const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/corpus/pdf");

/// Share of non-white-space characters that must match poppler's, per document.
const MIN_RATIO: f64 = 0.995;

fn corpus_files() -> Vec<PathBuf> {
    let dir = Path::new(CORPUS);
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.expect("directory entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "pdf"))
        .collect();
    files.sort();
    assert!(files.len() >= 5, "expected the corpus PDFs in {}", dir.display());
    files
}

fn read(path: &Path) -> Vec<Page> {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    read_pdf(&bytes, &Limits::default()).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Runs a poppler tool; a missing tool fails the test with what to install.
fn poppler(tool: &str, options: &[&str], path: &Path, after: &[&str]) -> String {
    let output = Command::new(tool)
        .args(options)
        .arg(path)
        .args(after)
        .output()
        .unwrap_or_else(|e| panic!("`{tool}` could not be run ({e}): the PDF tests compare against poppler; install it with `apt-get install poppler-utils`"));
    assert!(output.status.success(), "{tool} {}: {}", path.display(), String::from_utf8_lossy(&output.stderr));
    String::from_utf8(output.stdout).expect("poppler writes UTF-8")
}

fn pdfinfo_pages(path: &Path) -> usize {
    let info = poppler("pdfinfo", &[], path, &[]);
    info.lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .expect("pdfinfo prints Pages:")
}

fn solid(text: &str) -> Vec<char> {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Characters in the longest common subsequence of `a` and `b` (Myers' diff).
fn matching(a: &[char], b: &[char]) -> usize {
    capture_diff_slices(Algorithm::Myers, a, b)
        .iter()
        .map(|op| if let DiffOp::Equal { len, .. } = op { *len } else { 0 })
        .sum()
}

/// Reads `path` and compares it with `pdftotext -raw` page by page: the share of non-white-space
/// characters that match, printed with the pages that differ.
fn fidelity(path: &Path) -> f64 {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let pages = read(path);
    assert_eq!(pages.len(), pdfinfo_pages(path), "{name}: page count against pdfinfo");
    let poppler_text = poppler("pdftotext", &["-raw", "-enc", "UTF-8"], path, &["-"]);
    // pdftotext ends every page with a form feed.
    let poppler_pages: Vec<&str> = poppler_text.split('\x0c').collect();
    let (mut matched, mut total, mut ours_total, mut theirs_total) = (0, 0, 0, 0);
    for (i, page) in pages.iter().enumerate() {
        let ours = solid(&page.glyphs.iter().map(|g| g.text.as_str()).collect::<String>());
        let theirs = solid(poppler_pages.get(i).copied().unwrap_or_default());
        let m = matching(&ours, &theirs);
        if m < ours.len().max(theirs.len()) {
            let (ours, theirs): (String, String) = (ours.iter().collect(), theirs.iter().collect());
            let diff = similar::TextDiff::from_chars(&ours, &theirs);
            let changes: Vec<String> = diff
                .ops()
                .iter()
                .filter(|op| !matches!(op, DiffOp::Equal { .. }))
                .take(5)
                .map(|op| format!("{op:?}"))
                .collect();
            println!(
                "  {name} page {}: {m} of {} / {} characters match; {}",
                i + 1,
                ours.chars().count(),
                theirs.chars().count(),
                changes.join(" ")
            );
        }
        matched += 2 * m;
        total += ours.len() + theirs.len();
        ours_total += ours.len();
        theirs_total += theirs.len();
    }
    let ratio = if total == 0 { 1.0 } else { matched as f64 / total as f64 };
    println!(
        "{name}: {} pages, {ours_total} characters (pdftotext {theirs_total}), match {:.4}%",
        pages.len(),
        ratio * 100.0
    );
    ratio
}

#[test]
fn text_matches_pdftotext_and_page_counts_match_pdfinfo() {
    let failures: Vec<String> = corpus_files()
        .iter()
        .map(|path| (path, fidelity(path)))
        .filter(|(_, ratio)| *ratio < MIN_RATIO)
        .map(|(path, ratio)| format!("{}: {:.4}%", path.display(), ratio * 100.0))
        .collect();
    assert!(
        failures.is_empty(),
        "text differs from pdftotext -raw on more than {:.1}%: {failures:?}",
        (1.0 - MIN_RATIO) * 100.0
    );
}

/// The glyphs of the first run of `text` on `page`, in content order.
fn find<'p>(page: &'p Page, text: &str) -> &'p [Glyph] {
    let wanted: Vec<&str> = text.split("").filter(|s| !s.is_empty()).collect();
    page.glyphs
        .windows(wanted.len())
        .find(|w| w.iter().zip(&wanted).all(|(g, t)| g.text == *t))
        .unwrap_or_else(|| panic!("{text:?} is not on the page"))
}

fn assert_one_line(glyphs: &[Glyph]) {
    let y = glyphs[0].y;
    for pair in glyphs.windows(2) {
        assert!((pair[1].y - y).abs() < 0.5, "baselines differ: {glyphs:?}");
        assert!(pair[1].x > pair[0].x, "x does not increase: {glyphs:?}");
        // Each glyph starts where the one before ends (these lines are set solid).
        assert!((pair[0].x + pair[0].width - pair[1].x).abs() < 1.0, "gap between glyphs: {glyphs:?}");
    }
}

fn right_edge(glyphs: &[Glyph]) -> f32 {
    glyphs.last().map_or(0.0, |g| g.x + g.width)
}

#[test]
fn glyphs_are_placed_on_the_page() {
    let pages = read(&Path::new(CORPUS).join("sh-2024-final-social-work-dept.pdf"));
    let cover = &pages[0];
    assert_eq!((cover.width, cover.height), (595.3, 841.9));
    let title = find(cover, "中共上海市普陀区委");
    assert_one_line(title);
    // 36 pt type, 302 pt from the top, centred.
    assert!(title.iter().all(|g| (g.size - 36.0).abs() < 0.1), "{title:?}");
    assert!((title[0].y - 302.09).abs() < 0.1, "{title:?}");
    let middle = (title[0].x + right_edge(title)) / 2.0;
    assert!((middle - cover.width / 2.0).abs() < 20.0, "title centred at {middle}");

    // 收入支出决算总表: WPS 文字 centres the 决算数 of 支出 in their cells.
    let table = &pages[4];
    assert_one_line(find(table, "收入支出决算总表"));
    let column: Vec<&[Glyph]> = ["264.87", "10.82", "2.71", "29.42"].iter().map(|n| find(table, n)).collect();
    let middle = |glyphs: &[Glyph]| (glyphs[0].x + right_edge(glyphs)) / 2.0;
    for number in &column {
        assert_one_line(number);
        assert!((middle(number) - middle(column[0])).abs() < 0.5, "not centred: {number:?}");
    }
    // Rows go down the page.
    assert!(column.windows(2).all(|w| w[1][0].y > w[0][0].y));
}

#[test]
fn table_numbers_are_right_aligned() {
    // 部门支出预算总表 made by WPS: the 合计 column right-aligned.
    let pages = read(&Path::new(CORPUS).join("sh-2024-budget-wanli-subdistrict.pdf"));
    let table = &pages[13];
    let column: Vec<&[Glyph]> =
        ["119,385,303", "94,450,003", "16,603,248", "6,043,390"].iter().map(|n| find(table, n)).collect();
    for number in &column {
        assert_one_line(number);
        assert!((right_edge(number) - right_edge(column[0])).abs() < 0.5, "not right-aligned: {number:?}");
    }
    assert!(column[0][0].x + 10.0 < column[3][0].x, "a longer number starts further left");
    assert!(column.windows(2).all(|w| w[1][0].y > w[0][0].y));
}

#[test]
fn landscape_pages_keep_their_size() {
    let pages = read(&Path::new(CORPUS).join("sh-2024-unit-budget-welfare-home.pdf"));
    for page in &pages {
        assert_eq!((page.width, page.height), (841.85, 595.25));
        for g in &page.glyphs {
            assert!(
                (0.0..=page.width).contains(&g.x) && (0.0..=page.height + 1.0).contains(&g.y),
                "{g:?} is off the page"
            );
        }
    }
}

#[test]
fn a_truncated_file_is_corrupt() {
    let bytes = std::fs::read(Path::new(CORPUS).join("sh-2024-final-template.pdf")).expect("corpus file");
    let half = &bytes[..bytes.len() / 2];
    assert!(matches!(read_pdf(half, &Limits::default()), Err(PdfError::Corrupt(_))));
}

/// `tests/fixtures/chromium.pdf`: `chromium.html` printed by headless Chromium (Skia, Noto Sans
/// CJK as Type3 fonts whose ToUnicode maps give Kangxi radicals for 入, 支, 一 …).
#[test]
fn reads_a_chromium_pdf() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/chromium.pdf");
    assert!(fidelity(&path) >= MIN_RATIO);
    let pages = read(&path);
    let page = &pages[0];
    let title = find(page, "收入支出决算总表");
    assert_one_line(title);
    assert!(title.iter().all(|g| (g.size - 18.0).abs() < 0.01));
    let middle = (title[0].x + right_edge(title)) / 2.0;
    assert!((middle - page.width / 2.0).abs() < 1.0, "title centred at {middle}");
    let column: Vec<&[Glyph]> = ["264.87", "2.71", "29.42"].iter().map(|n| find(page, n)).collect();
    for number in &column {
        assert_one_line(number);
        assert!((right_edge(number) - right_edge(column[0])).abs() < 0.5, "not right-aligned: {number:?}");
    }
}

#[test]
fn opens_a_pdf_with_an_owner_password_only() {
    let pages = read(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/owner-password.pdf"));
    let text: String = pages[0].glyphs.iter().map(|g| g.text.as_str()).collect();
    assert_eq!(text, "Owner password only");
}
