//! Corpus documents as an office suite prints them: each text document made an HTML document
//! with real tables (bordered, as Word, WPS and LibreOffice tables are by default) and printed to
//! PDF by LibreOffice Writer (`soffice`, apt `libreoffice-writer`, which `cargo xtask test`
//! installs), then checked from the PDF: issue #13 asks for the findings of the text.

use std::path::{Path, PathBuf};
use std::process::Command;

use hedui_core::ingest::{blocks, Block};

fn corpus(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus").join(name)
}

/// An HTML document of a corpus text, block by block as hedui reads it: headings, paragraphs,
/// and tables (tab rows and one-cell-per-line rows alike) with a border around every cell.
fn as_html(text: &str) -> String {
    let escape = |s: &str| s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;");
    let mut html =
        String::from("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><style>body{font-family:\"Noto Sans CJK SC\";font-size:10pt}td{font-size:8pt}</style></head><body>\n");
    for block in blocks(text) {
        match block {
            Block::Heading { text, depth, .. } => {
                html.push_str(&format!("<h{0}>{1}</h{0}>\n", depth.min(6), escape(&text)))
            }
            Block::Paragraph { text, .. } => html.push_str(&format!("<p>{}</p>\n", escape(&text))),
            Block::Table { rows, .. } => {
                html.push_str("<table border=\"1\" cellspacing=\"0\" cellpadding=\"2\">\n");
                for row in rows {
                    let cells: String =
                        row.cells.iter().map(|cell| format!("<td>{}</td>", escape(&cell.text))).collect();
                    html.push_str(&format!("<tr>{cells}</tr>\n"));
                }
                html.push_str("</table>\n");
            }
        }
    }
    html + "</body></html>\n"
}

/// Prints the named corpus documents with LibreOffice; the PDFs, in the same order.
fn printed(names: &[&str], dir: &Path) -> Vec<PathBuf> {
    std::fs::create_dir_all(dir).unwrap();
    let sources: Vec<PathBuf> = names
        .iter()
        .map(|name| {
            let html = dir.join(format!("{name}.html"));
            std::fs::write(&html, as_html(&std::fs::read_to_string(corpus(name)).unwrap())).unwrap();
            html
        })
        .collect();
    // A profile of its own, so that the run does not meet another soffice's.
    let profile = format!("-env:UserInstallation=file://{}", dir.join("profile").display());
    let status = Command::new("soffice")
        .args(["--headless", &profile, "--convert-to", "pdf:writer_web_pdf_Export", "--outdir"])
        .arg(dir)
        .args(&sources)
        .status()
        .expect("soffice (apt libreoffice-writer) must be installed: cargo xtask test installs it");
    assert!(status.success(), "soffice failed");
    sources.iter().map(|html| html.with_extension("pdf")).collect()
}

fn hedui(args: &[&str], path: &Path) -> serde_json::Value {
    let out = Command::new(env!("CARGO_BIN_EXE_hedui")).args(args).arg(path).output().unwrap();
    assert!(matches!(out.status.code(), Some(0 | 1)), "{}: {}", path.display(), String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

/// The findings of a report's relations as `(rule, stated, expected)`, whitespace aside (a PDF's
/// text has spaces between CJK and figures where the corpus text has none), sorted. A finding of
/// one cause counts as the relations it `explains`: where a figure of the PDF's text is not
/// written as one (`20 万元`), no fix is offered, so its relations are not merged.
fn findings(report: &serde_json::Value) -> Vec<(String, String, String)> {
    let compact =
        |value: &serde_json::Value| value.to_string().chars().filter(|c| !c.is_whitespace()).collect::<String>();
    let relations = |f: &serde_json::Value| f["explains"].as_array().cloned().unwrap_or_else(|| vec![f.clone()]);
    let mut out: Vec<(String, String, String)> = report["documents"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(relations)
        .map(|f| (f["rule"].to_string(), compact(&f["stated"]), compact(&f["expected"])))
        .collect();
    out.sort();
    out
}

#[test]
fn libreoffice_printed_corpus_documents_give_the_findings_of_their_text() {
    let names = [
        "000_a60f2e9b14e82395.txt",
        "001_1a1813143cd16474.txt",
        "002_2a4a6f0d8c259386.txt",
        "003_1cc174f46883e4ef.txt",
        "004_2209d00c77695512.txt",
    ];
    let dir = std::env::temp_dir().join(format!("hedui-libreoffice-{}", std::process::id()));
    let pdfs = printed(&names, &dir);
    let check = ["check", "--format", "json", "--fail-on", "never"];
    for (name, pdf) in names.iter().zip(&pdfs) {
        let (from_pdf, from_text) = (hedui(&check, pdf), hedui(&check, &corpus(name)));
        assert_eq!(findings(&from_pdf), findings(&from_text), "{name}");
        assert_eq!(
            from_pdf["documents"][0]["stats"]["table_coverage"], from_text["documents"][0]["stats"]["table_coverage"],
            "{name}"
        );
    }
    std::fs::remove_dir_all(&dir).unwrap();
}
