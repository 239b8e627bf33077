//! `cargo run --release -p hedui-pdf --example extract -- FILE [--text] [--glyphs]`: pages,
//! glyphs and the time taken; with `--text`, each page's glyphs as lines (grouped by baseline,
//! sorted by x); with `--glyphs`, every glyph's text, x, y, width and size.

use std::time::Instant;

use hedui_core::positioned::Glyph;
use hedui_pdf::{read_pdf, Limits};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(path) = args.iter().find(|a| !a.starts_with("--")) else {
        eprintln!("usage: extract FILE [--text] [--glyphs]");
        std::process::exit(2);
    };
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(1);
        }
    };
    let start = Instant::now();
    let pages = match read_pdf(&bytes, &Limits::default()) {
        Ok(pages) => pages,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(1);
        }
    };
    let elapsed = start.elapsed();
    let glyphs: usize = pages.iter().map(|p| p.glyphs.len()).sum();
    println!("{path}: {} pages, {glyphs} glyphs, {:.1} ms", pages.len(), elapsed.as_secs_f64() * 1000.0);
    let (text, each) = (args.iter().any(|a| a == "--text"), args.iter().any(|a| a == "--glyphs"));
    for (i, page) in pages.iter().enumerate().filter(|_| text || each) {
        println!("--- page {} ({} x {} pt)", i + 1, page.width, page.height);
        if text {
            for line in lines(&page.glyphs) {
                println!("{line}");
            }
        }
        if each {
            for g in &page.glyphs {
                println!("{:?} x {:.2} y {:.2} width {:.2} size {:.2}", g.text, g.x, g.y, g.width, g.size);
            }
        }
    }
}

/// Glyphs grouped into lines by baseline (within a third of their size), top to bottom, each
/// line left to right.
fn lines(glyphs: &[Glyph]) -> Vec<String> {
    let mut sorted: Vec<&Glyph> = glyphs.iter().collect();
    sorted.sort_by(|a, b| a.y.total_cmp(&b.y));
    let mut lines: Vec<Vec<&Glyph>> = Vec::new();
    for glyph in sorted {
        match lines.last_mut() {
            Some(line) if line.first().is_some_and(|first| (glyph.y - first.y).abs() <= first.size.max(1.0) / 3.0) => {
                line.push(glyph)
            }
            _ => lines.push(vec![glyph]),
        }
    }
    lines
        .into_iter()
        .map(|mut line| {
            line.sort_by(|a, b| a.x.total_cmp(&b.x));
            let y = line.first().map_or(0.0, |g| g.y);
            let mut text = String::new();
            let mut end = f32::NEG_INFINITY;
            for glyph in line {
                if end.is_finite() && glyph.x - end > glyph.size * 0.3 {
                    text.push(' ');
                }
                text.push_str(&glyph.text);
                end = glyph.x + glyph.width;
            }
            format!("{y:7.1} {text}")
        })
        .collect()
}
