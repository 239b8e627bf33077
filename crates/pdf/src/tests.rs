//! Whole documents built here, byte by byte: what each text operator and font kind gives, and
//! what bad input gives (never a panic).

use hedui_core::positioned::{Glyph, Page};

use crate::text::Budget;
use crate::{read, read_pdf, read_pdf_with, Limits, PdfError, MAX_CONTENT_BYTES, MAX_GLYPHS};

/// A PDF of `objects` (object 1 first: the catalog), with its cross-reference table.
fn build(objects: &[Vec<u8>], trailer: &str) -> Vec<u8> {
    let mut out = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n".to_vec();
    let mut offsets = Vec::new();
    for (i, body) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend(format!("{} 0 obj\n", i + 1).as_bytes());
        out.extend(body);
        out.extend(b"\nendobj\n");
    }
    let xref = out.len();
    out.extend(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes());
    for offset in offsets {
        out.extend(format!("{offset:010} 00000 n \n").as_bytes());
    }
    out.extend(
        format!("trailer\n<< /Size {} /Root 1 0 R {trailer} >>\nstartxref\n{xref}\n%%EOF\n", objects.len() + 1)
            .as_bytes(),
    );
    out
}

fn obj(text: &str) -> Vec<u8> {
    text.as_bytes().to_vec()
}

fn stream(dict: &str, data: &[u8]) -> Vec<u8> {
    [format!("<< /Length {} {dict} >>\nstream\n", data.len()).as_bytes(), data, b"\nendstream"].concat()
}

const TO_UNICODE: &[u8] = b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap
1 begincodespacerange <0000> <FFFF> endcodespacerange
4 beginbfchar <0001> <4E2D> <0002> <6587> <0010> <0031> <0011> <0032> endbfchar
1 beginbfrange <0014> <0016> [<0041> <D83DDE00> <00660069>] endbfrange
endcmap CMapName currentdict /CMap defineresource pop end end";

/// Pages with `contents`, sharing inherited resources and a 600 × 800 media box: /F1 Helvetica
/// (WinAnsi; widths 500, space 250, W 900), /F2 a Type0 Identity-H font with ToUnicode and /W,
/// /F3 a Type1 font with /Differences, /Fm a form drawing "F" that draws itself, /A1 the first of
/// twenty nested forms. `page` is added to each page's dictionary.
fn doc_with(contents: &[&[u8]], page: &str) -> Vec<u8> {
    let widths: Vec<String> = (32..=126)
        .map(|c| match c {
            32 => "250".to_string(),
            87 => "900".to_string(),
            _ => "500".to_string(),
        })
        .collect();
    let first_page = 31;
    let kids: Vec<String> = (0..contents.len()).map(|i| format!("{} 0 R", first_page + 2 * i)).collect();
    let mut objects = vec![
        obj("<< /Type /Catalog /Pages 2 0 R >>"),
        obj(&format!(
            "<< /Type /Pages /Kids [{}] /Count {} /MediaBox [0 0 600 800] /Resources << /Font << /F1 3 0 R /F2 4 0 R /F3 7 0 R >> /XObject << /Fm 8 0 R /A1 11 0 R >> >> >>",
            kids.join(" "),
            contents.len()
        )),
        obj(&format!("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /FirstChar 32 /LastChar 126 /Widths [{}] /Encoding /WinAnsiEncoding >>", widths.join(" "))),
        obj("<< /Type /Font /Subtype /Type0 /BaseFont /Song /Encoding /Identity-H /DescendantFonts [5 0 R] /ToUnicode 6 0 R >>"),
        obj("<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Song /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 1000 /W [16 [500 500] 20 30 600] >>"),
        stream("", TO_UNICODE),
        obj("<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman /FirstChar 65 /LastChar 66 /Widths [700 800] /Encoding << /Type /Encoding /BaseEncoding /WinAnsiEncoding /Differences [65 /uni4E2D /f_i 200 /eacute /g77] >> >>"),
        stream(
            "/Type /XObject /Subtype /Form /BBox [0 0 100 100] /Matrix [2 0 0 2 100 100] /Resources << /Font << /G 3 0 R >> /XObject << /Self 8 0 R >> >>",
            b"q BT /G 10 Tf (F) Tj ET Q /Self Do",
        ),
        obj("null"),
        obj("null"),
    ];
    // Objects 11–30: forms A1 … A20, each showing "n" and drawing the next.
    for i in 1..=20 {
        let next = if i < 20 { format!("/XObject << /Next {} 0 R >>", 11 + i) } else { String::new() };
        objects.push(stream(
            &format!("/Subtype /Form /BBox [0 0 600 800] /Resources << /Font << /F1 3 0 R >> {next} >>"),
            b"BT /F1 10 Tf 0 0 Td (n) Tj ET /Next Do",
        ));
    }
    for (i, content) in contents.iter().enumerate() {
        objects.push(obj(&format!("<< /Type /Page /Parent 2 0 R /Contents {} 0 R {page} >>", first_page + 2 * i + 1)));
        objects.push(stream("", content));
    }
    build(&objects, "")
}

fn doc(content: &[u8]) -> Vec<u8> {
    doc_with(&[content], "")
}

fn page(content: &[u8]) -> Page {
    let mut pages = read_pdf(&doc(content), &Limits::default()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(pages.len(), 1);
    pages.remove(0)
}

fn texts(glyphs: &[Glyph]) -> Vec<&str> {
    glyphs.iter().map(|g| g.text.as_str()).collect()
}

fn near(a: f32, b: f32) -> bool {
    (a - b).abs() < 1e-3
}

fn at(glyph: &Glyph, x: f32, y: f32, width: f32, size: f32) {
    assert!(
        near(glyph.x, x) && near(glyph.y, y) && near(glyph.width, width) && near(glyph.size, size),
        "{glyph:?}: expected x {x}, y {y}, width {width}, size {size}"
    );
}

#[test]
fn places_glyphs_of_a_simple_font() {
    let page = page(b"BT /F1 10 Tf 1 0 0 1 50 700 Tm (Hi W) Tj ET");
    assert_eq!((page.width, page.height), (600.0, 800.0), "media box inherited from the page tree");
    assert_eq!(texts(&page.glyphs), ["H", "i", " ", "W"]);
    at(&page.glyphs[0], 50.0, 100.0, 5.0, 10.0);
    at(&page.glyphs[1], 55.0, 100.0, 5.0, 10.0);
    at(&page.glyphs[2], 60.0, 100.0, 2.5, 10.0);
    at(&page.glyphs[3], 62.5, 100.0, 9.0, 10.0);
}

#[test]
fn applies_spacing_scaling_and_rise() {
    // Tc 2, Tw 3 (on the space only), Tz 50: advances (5 + 2) / 2 and (2.5 + 2 + 3) / 2.
    let page = page(b"BT /F1 10 Tf 2 Tc 3 Tw 50 Tz 5 Ts 50 600 Td (a b) Tj ET");
    at(&page.glyphs[0], 50.0, 195.0, 3.5, 10.0);
    at(&page.glyphs[1], 53.5, 195.0, 3.75, 10.0);
    at(&page.glyphs[2], 57.25, 195.0, 3.5, 10.0);
}

#[test]
fn moves_by_tj_kerning_and_line_operators() {
    let page = page(b"BT /F1 10 Tf 50 500 Td [(A) -1000 (B) 500 (C)] TJ 12 TL 0 -100 Td (x) Tj T* (y) Tj (z) ' 1 0 (w) \" 10 -12 TD (v) Tj T* (u) Tj ET");
    assert_eq!(texts(&page.glyphs), ["A", "B", "C", "x", "y", "z", "w", "v", "u"]);
    at(&page.glyphs[1], 65.0, 300.0, 5.0, 10.0);
    at(&page.glyphs[2], 65.0, 300.0, 5.0, 10.0);
    at(&page.glyphs[3], 50.0, 400.0, 5.0, 10.0);
    at(&page.glyphs[4], 50.0, 412.0, 5.0, 10.0);
    at(&page.glyphs[5], 50.0, 424.0, 5.0, 10.0);
    at(&page.glyphs[6], 50.0, 436.0, 5.0, 10.0);
    // TD sets the leading to 12 as well.
    at(&page.glyphs[7], 60.0, 448.0, 5.0, 10.0);
    at(&page.glyphs[8], 60.0, 460.0, 5.0, 10.0);
}

#[test]
fn applies_the_ctm_and_restores_it() {
    let page = page(b"q 2 0 0 2 0 0 cm BT /F1 10 Tf 10 100 Td (c) Tj ET Q BT /F1 10 Tf 10 100 Td (d) Tj ET");
    at(&page.glyphs[0], 20.0, 600.0, 10.0, 20.0);
    at(&page.glyphs[1], 10.0, 700.0, 5.0, 10.0);
    // The corpus's writers flip y in the CTM and back in the text matrix.
    let page = self::page(b"q 1 0 0 -1 0 800 cm BT /F1 720 Tf 0.05 0 0 -0.05 135 302 Tm (e) Tj ET Q");
    at(&page.glyphs[0], 135.0, 302.0, 18.0, 36.0);
}

#[test]
fn reads_a_type0_font_with_to_unicode_and_widths() {
    let page = page(b"BT /F2 20 Tf 100 300 Td <000100020010> Tj <001400150016 0099> Tj ET");
    assert_eq!(texts(&page.glyphs), ["中", "文", "1", "A", "😀", "fi", "\u{fffd}"]);
    at(&page.glyphs[0], 100.0, 500.0, 20.0, 20.0);
    at(&page.glyphs[1], 120.0, 500.0, 20.0, 20.0);
    at(&page.glyphs[2], 140.0, 500.0, 10.0, 20.0);
    at(&page.glyphs[3], 150.0, 500.0, 12.0, 20.0);
    at(&page.glyphs[6], 186.0, 500.0, 20.0, 20.0);
}

#[test]
fn reads_a_simple_font_with_differences() {
    let page = page(b"BT /F3 10 Tf 0 0 Td (ABC\\310\\311) Tj ET");
    assert_eq!(texts(&page.glyphs), ["中", "fi", "C", "é", "\u{fffd}"]);
    assert_eq!(page.glyphs.iter().map(|g| g.width).collect::<Vec<_>>(), [7.0, 8.0, 0.0, 0.0, 0.0]);
}

#[test]
fn draws_forms_with_their_matrix_and_resources() {
    // /Fm draws "F" at its origin, scaled by 2 and moved to (100, 100); it also draws itself,
    // which is skipped.
    let page = page(b"q 1 0 0 1 10 0 cm /Fm Do Q BT /F1 10 Tf (after) Tj ET");
    assert_eq!(texts(&page.glyphs), ["F", "a", "f", "t", "e", "r"]);
    at(&page.glyphs[0], 110.0, 700.0, 10.0, 20.0);
    at(&page.glyphs[1], 0.0, 800.0, 5.0, 10.0);
}

#[test]
fn caps_the_nesting_of_forms() {
    let page = page(b"/A1 Do BT /F1 10 Tf (z) Tj ET");
    assert_eq!(page.glyphs.iter().filter(|g| g.text == "n").count(), 12);
    assert_eq!(page.glyphs.last().map(|g| g.text.as_str()), Some("z"));
}

#[test]
fn rotates_the_page() {
    let pages = read_pdf(&doc_with(&[b"BT /F1 10 Tf 0 1 -1 0 550 100 Tm (R) Tj ET"], "/Rotate 90"), &Limits::default())
        .unwrap_or_else(|e| panic!("{e}"));
    let page = &pages[0];
    assert_eq!((page.width, page.height), (800.0, 600.0));
    // Upright once the page is turned: (550, 100) from the bottom left is 100 from the left and
    // 550 from the top.
    at(&page.glyphs[0], 100.0, 550.0, 5.0, 10.0);
}

#[test]
fn keeps_invisible_text_and_drops_text_off_the_page() {
    let page = page(b"BT /F1 10 Tf 3 Tr 50 50 Td (ocr) Tj ET BT /F1 10 Tf -500 50 Td (gone) Tj 0 5000 Td (gone) Tj ET");
    assert_eq!(texts(&page.glyphs), ["o", "c", "r"]);
}

#[test]
fn skips_what_it_cannot_read() {
    let content = b"BT /F1 10 Tf 50 700 Td ) ] }{ 1.2.3 (ok) Tj <<>> foo 1 2 3 4 5 6 7 8 9 Tj [ (x) Tj /Nope 12 Tf (lost) Tj /F1 Tf (lost) Tj
        /F1 10 Tf 1 0 0 cm 0 0 0 0 0 Tm /Missing Do BI /W 1 ID \xff\x00 EI (!) Tj ET";
    let page = page(content);
    assert_eq!(texts(&page.glyphs), ["o", "k", "!"]);
    let glyph = &page.glyphs[2];
    assert!([glyph.x, glyph.y, glyph.width, glyph.size].iter().all(|v| v.is_finite()));
}

#[test]
fn reads_every_page() {
    let pages =
        read_pdf(&doc_with(&[b"BT /F1 10 Tf (1) Tj ET", b"", b"BT /F1 10 Tf (3) Tj ET"], ""), &Limits::default())
            .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(pages.iter().map(|p| texts(&p.glyphs).concat()).collect::<Vec<_>>(), ["1", "", "3"]);
}

#[test]
fn reports_progress_page_by_page() {
    let three = doc_with(&[b"BT /F1 10 Tf (1) Tj ET", b"", b"BT /F1 10 Tf (3) Tj ET"], "");
    let mut reported = Vec::new();
    let pages = read_pdf_with(&three, &Limits::default(), &mut |done, total| reported.push((done, total)));
    assert_eq!(pages.map(|p| p.len()), Ok(3));
    assert_eq!(reported, [(1, 3), (2, 3), (3, 3)]);
    reported.clear();
    assert_eq!(
        read_pdf_with(b"hello", &Limits::default(), &mut |done, total| reported.push((done, total))),
        Err(PdfError::NotPdf)
    );
    assert_eq!(reported, [], "nothing is reported for what is not read");
}

#[test]
fn refuses_what_is_not_a_pdf() {
    assert_eq!(read_pdf(b"hello", &Limits::default()), Err(PdfError::NotPdf));
    assert_eq!(read_pdf(b"", &Limits::default()), Err(PdfError::NotPdf));
    assert_eq!(read_pdf(&[0xff; 4000], &Limits::default()), Err(PdfError::NotPdf));
}

#[test]
fn refuses_a_truncated_or_broken_pdf() {
    let whole = doc(b"BT /F1 10 Tf (x) Tj ET");
    assert!(matches!(read_pdf(&whole[..whole.len() / 2], &Limits::default()), Err(PdfError::Corrupt(_))));
    assert!(matches!(read_pdf(b"%PDF-1.7\nstartxref\n0\n%%EOF", &Limits::default()), Err(PdfError::Corrupt(_))));
}

#[test]
fn refuses_an_encrypted_pdf() {
    let encrypt = "/Encrypt << /Filter /Standard /V 1 /R 2 /Length 40 /P -44 \
        /O <8f0b2b1f6f1c1d6c3c1e7a4f9b6b8e3a1b2c3d4e5f60718293a4b5c6d7e8f901> \
        /U <0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9> >> \
        /ID [<00112233445566778899aabbccddeeff> <00112233445566778899aabbccddeeff>]";
    let objects = [
        obj("<< /Type /Catalog /Pages 2 0 R >>"),
        obj("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
        obj("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 10 10] >>"),
    ];
    assert_eq!(read_pdf(&build(&objects, encrypt), &Limits::default()), Err(PdfError::Encrypted));
}

#[test]
fn a_pdf_without_text_is_a_scan() {
    assert_eq!(read_pdf(&doc(b"q 0 0 1 rg 0 0 100 100 re f Q"), &Limits::default()), Err(PdfError::NoText));
    assert_eq!(read_pdf(&doc(b"BT /F1 10 Tf (  ) Tj ET"), &Limits::default()), Err(PdfError::NoText));
}

#[test]
fn enforces_the_limits() {
    let three = doc_with(&[b"BT /F1 10 Tf (1) Tj ET", b"", b""], "");
    assert_eq!(
        read_pdf(&three, &Limits { max_pages: 2, ..Limits::default() }),
        Err(PdfError::TooManyPages { pages: 3, max: 2 })
    );
    assert_eq!(
        read_pdf(&three, &Limits { max_bytes: 1000, ..Limits::default() }),
        Err(PdfError::TooLarge { bytes: three.len(), max: 1000 })
    );
    assert!(read_pdf(&three, &Limits { max_pages: 3, max_bytes: three.len() }).is_ok());
}

#[test]
fn caps_glyphs_and_content() {
    let bytes = doc(b"BT /F1 10 Tf (0123456789) Tj ET");
    let budget = |glyphs, content_bytes| Budget { glyphs, content_bytes };
    assert!(read(&bytes, &Limits::default(), budget(10, MAX_CONTENT_BYTES), &mut |_, _| {}).is_ok());
    assert_eq!(
        read(&bytes, &Limits::default(), budget(9, MAX_CONTENT_BYTES), &mut |_, _| {}),
        Err(PdfError::Corrupt("too much text".to_string()))
    );
    // A form drawn again and again counts each time.
    let bytes = doc(&b"/Fm Do ".repeat(1000));
    assert!(read(&bytes, &Limits::default(), budget(MAX_GLYPHS, MAX_CONTENT_BYTES), &mut |_, _| {}).is_ok());
    assert_eq!(
        read(&bytes, &Limits::default(), budget(MAX_GLYPHS, 20_000), &mut |_, _| {}),
        Err(PdfError::Corrupt("too much content".to_string()))
    );
}

/// One page showing its Flate-compressed `content` with /F1 (Helvetica).
fn flate_doc(content: &[u8]) -> Vec<u8> {
    build(
        &[
            obj("<< /Type /Catalog /Pages 2 0 R >>"),
            obj("<< /Type /Pages /Kids [3 0 R] /Count 1 /MediaBox [0 0 600 800] >>"),
            obj("<< /Type /Page /Parent 2 0 R /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>"),
            stream("/Filter /FlateDecode", &miniz_oxide::deflate::compress_to_vec_zlib(content, 6)),
            obj("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"),
        ],
        "",
    )
}

#[test]
fn inflates_content_within_the_budget_and_refuses_a_zip_bomb_while_inflating() {
    // 8 MB of spaces after the text: about 8 KB compressed.
    let bytes = flate_doc(&[b"BT /F1 10 Tf (Hi) Tj ET".as_slice(), &vec![b' '; 8 << 20]].concat());
    assert!(bytes.len() < 64 << 10);
    let budget = |content_bytes| Budget { glyphs: MAX_GLYPHS, content_bytes };
    let pages =
        read(&bytes, &Limits::default(), budget(MAX_CONTENT_BYTES), &mut |_, _| {}).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(texts(&pages[0].glyphs), ["H", "i"]);
    // Inflating stops at the budget (miniz_oxide's limit): the 8 MB are never held.
    assert_eq!(
        read(&bytes, &Limits::default(), budget(1 << 20), &mut |_, _| {}),
        Err(PdfError::Corrupt("too much content".to_string()))
    );
}

#[test]
fn messages_say_what_went_wrong() {
    assert_eq!(PdfError::NoText.zh(), "此 PDF 为扫描件，没有可提取的文字");
    assert_eq!(PdfError::Encrypted.zh(), "此 PDF 已加密，请先去除密码保护再核对");
    assert_eq!(PdfError::Corrupt("x".to_string()).zh(), "PDF 文件已损坏或不完整");
    let error = PdfError::TooLarge { bytes: 60 * 1024 * 1024, max: 50 * 1024 * 1024 };
    assert_eq!(
        error.to_string(),
        "PDF 文件过大（60.0 MB），最多可核对 50.0 MB (the PDF is too large (60.0 MB); at most 50.0 MB can be checked)"
    );
    assert_eq!(PdfError::TooManyPages { pages: 600, max: 500 }.zh(), "PDF 页数过多（600 页），最多可核对 500 页");
    assert!(PdfError::Corrupt("no pages".to_string()).en().ends_with("no pages"));
    let boxed: Box<dyn std::error::Error> = Box::new(PdfError::NotPdf);
    assert_eq!(boxed.to_string(), "这不是 PDF 文件 (this is not a PDF file)");
}

/// A small deterministic generator (xorshift).
struct Random(u64);

impl Random {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n.max(1) as u64) as usize
    }
}

/// Damaged copies of `bytes`: bytes changed, ranges cut out or repeated. None may panic.
fn mutate_and_read(bytes: &[u8], rounds: usize) {
    let mut random = Random(0x9e37_79b9_7f4a_7c15);
    for _ in 0..rounds {
        let mut damaged = bytes.to_vec();
        for _ in 0..1 + random.below(8) {
            let at = random.below(damaged.len());
            match random.below(3) {
                0 => damaged[at] = random.below(256) as u8,
                1 => {
                    let end = (at + random.below(64)).min(damaged.len());
                    damaged.drain(at..end);
                }
                _ => {
                    let end = (at + random.below(64)).min(damaged.len());
                    let copy = damaged[at..end].to_vec();
                    damaged.splice(at..at, copy);
                }
            }
        }
        let _ = read_pdf(&damaged, &Limits::default());
    }
}

#[test]
fn damaged_files_do_not_panic() {
    mutate_and_read(
        &doc(b"BT /F1 10 Tf 50 700 Td (Hi) Tj /F2 12 Tf <00010002> Tj /F3 9 Tf (AB) Tj ET /Fm Do /A1 Do"),
        300,
    );
    let corpus = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/corpus/pdf/sh-2024-final-social-work-dept.pdf");
    let bytes = std::fs::read(corpus).unwrap_or_else(|e| panic!("{corpus}: {e}"));
    mutate_and_read(&bytes, 40);
}

#[test]
fn table_borders_are_read_as_rulings() {
    // A stroked line, a stroked rectangle (four edges), a thin filled rectangle (a line along its
    // middle), under a `cm` that moves everything 10 right; then what is not a border: a white
    // line, a curve, a clip path, a large filled box.
    let page = page(
        b"q 1 0 0 1 10 0 cm 0 G 0.5 w 50 700 m 150 700 l S 50 600 100 50 re S 0 g 200 500 80 1 re f Q \
        1 G 0 300 m 100 300 l S 0 G 0 200 m 50 250 50 250 100 200 c S 0 0 600 800 re W n 0 g 300 300 100 100 re f \
        BT /F1 10 Tf 1 0 0 1 50 50 Tm (x) Tj ET",
    );
    let rulings: Vec<[f32; 4]> = page.rulings.iter().map(|r| [r.x0, r.y0, r.x1, r.y1]).collect();
    assert_eq!(
        rulings,
        [
            [60.0, 100.0, 160.0, 100.0],
            [60.0, 200.0, 160.0, 200.0],
            [160.0, 150.0, 160.0, 200.0],
            [60.0, 150.0, 160.0, 150.0],
            [60.0, 150.0, 60.0, 200.0],
            [210.0, 299.5, 290.0, 299.5]
        ]
    );
    assert!(page.rulings.iter().take(2).all(|r| r.is_horizontal()) && !page.rulings[2].is_horizontal());
}
