//! `hedui`: a thin shell over `hedui-core`. It reads files and prints what the core reports.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use hedui_core::layout::{GlyphPlaces, Rendered};
use hedui_core::rules::{self, Severity};

#[derive(Parser)]
#[command(name = "hedui", version, about = "核对 — checks Chinese public-sector budget disclosures")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check documents: every total, cross-table figure and 绩效 score (exit code per --fail-on).
    Check {
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// Exit with code 1 when a finding at least this severe is reported.
        #[arg(long, value_enum, default_value_t = FailOn::Error)]
        fail_on: FailOn,
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
    /// Print the rule catalogue.
    Rules {
        #[arg(long, value_enum, default_value_t = CatalogueFormat::Text)]
        format: CatalogueFormat,
    },
    /// Print what was read from each document (tables, sections, cells, coverage).
    Parse {
        #[arg(long, value_enum, default_value_t = Format::Json)]
        format: Format,
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Json,
    Text,
}

#[derive(Clone, Copy, ValueEnum)]
enum CatalogueFormat {
    Text,
    Markdown,
    Json,
}

#[derive(Clone, Copy, PartialEq, ValueEnum)]
enum FailOn {
    Error,
    Warning,
    Never,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Check { format, fail_on, paths } => {
            let mut documents = Vec::new();
            let mut unreadable = false;
            for path in &paths {
                match read_document(path) {
                    Ok(document) => documents.push((path.display().to_string(), document)),
                    Err(message) => {
                        eprintln!("hedui: {}: {message}", path.display());
                        unreadable = true;
                    }
                }
            }
            let inputs: Vec<(&str, &str)> = documents.iter().map(|(s, d)| (s.as_str(), d.text.as_str())).collect();
            let mut report = hedui_core::check(&inputs);
            for ((_, document), checked) in documents.iter().zip(&mut report.documents) {
                if let Some(places) = &document.places {
                    checked.place_on_pages(places);
                }
            }
            match format {
                Format::Json => println!("{}", report.to_json()),
                Format::Text => print!("{}", report.to_text()),
            }
            let threshold = match fail_on {
                FailOn::Error => Some(Severity::Error),
                FailOn::Warning => Some(Severity::Warning),
                FailOn::Never => None,
            };
            if unreadable {
                ExitCode::from(2)
            } else if threshold.is_some_and(|t| report.worst().is_some_and(|w| w <= t)) {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            }
        }
        Command::Rules { format } => {
            match format {
                CatalogueFormat::Text => print!("{}", rules::catalogue_text()),
                CatalogueFormat::Markdown => print!("{}", rules::catalogue_markdown()),
                CatalogueFormat::Json => println!("{}", rules::catalogue_json()),
            }
            ExitCode::SUCCESS
        }
        Command::Parse { format, paths } => {
            let mut failed = false;
            for path in &paths {
                match read_document(path) {
                    Ok(document) => {
                        let report = hedui_core::parse(&path.display().to_string(), &document.text);
                        match format {
                            Format::Json => println!("{}", report.to_json()),
                            Format::Text => print!("{}", report.to_text()),
                        }
                    }
                    Err(message) => {
                        eprintln!("hedui: {}: {message}", path.display());
                        failed = true;
                    }
                }
            }
            if failed {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            }
        }
    }
}

/// A document as read: its text, and for a PDF where each byte of that text is on the pages.
struct Document {
    text: String,
    places: Option<GlyphPlaces>,
}

/// Reads a document: a PDF's text layer laid out by core, or a text file (UTF-8, or UTF-16
/// with a byte-order mark), with a clear message for anything else.
fn read_document(path: &Path) -> Result<Document, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("无法读取文件 (cannot read file): {e}"))?;
    if bytes.starts_with(b"%PDF-") || path.extension().is_some_and(|e| e.eq_ignore_ascii_case("pdf")) {
        let pages = hedui_pdf::read_pdf(&bytes, &hedui_pdf::Limits::default()).map_err(|e| e.to_string())?;
        let Rendered { text, places } = hedui_core::layout::render(&pages);
        return Ok(Document { text, places: Some(places) });
    }
    let text = hedui_core::decode::decode(&bytes).map_err(|e| e.to_string())?;
    Ok(Document { text, places: None })
}
