//! `hedui`: a thin shell over `hedui-core`. It reads files and prints what the core reports.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

#[derive(Parser)]
#[command(name = "hedui", version, about = "核对 — checks Chinese public-sector budget disclosures")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
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

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Parse { format, paths } => {
            let mut failed = false;
            for path in &paths {
                match read_document(path) {
                    Ok(text) => {
                        let report = hedui_core::parse(&path.display().to_string(), &text);
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
            if failed { ExitCode::from(2) } else { ExitCode::SUCCESS }
        }
    }
}

/// Reads a document as UTF-8 text, with a clear message for anything else.
fn read_document(path: &Path) -> Result<String, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("无法读取文件 (cannot read file): {e}"))?;
    String::from_utf8(bytes).map_err(|_| "不是 UTF-8 文本 (not UTF-8 text)".to_string())
}
