//! `cargo xtask fixtures`: the office fixtures of the CLI tests (issue #17), made by
//! `crates/cli/tests/office/make_fixtures.py` from the corpus into `target/office-fixtures/`
//! (not committed: LibreOffice and openpyxl write timestamps). The filled budget template takes
//! its figures from the PDF as the CLI reads it (`hedui parse`), so the CLI is built first. Made
//! again only when the script, the corpus texts, the template, the PDF or the CLI's reading of
//! these two changed (a stamp of them is kept beside them); installs what is missing:
//! LibreOffice Calc and Writer, pdftotext and python3-venv from apt, openpyxl, python-docx and
//! msoffcrypto-tool (pinned) from PyPI into a virtual environment under target/.

use std::fs;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::Path;
use std::process::Command;

use crate::{apt_install, output, root, run, step, Result};

/// The PyPI packages the script imports, pinned.
const PYTHON_PACKAGES: [&str; 3] = ["openpyxl==3.1.5", "python-docx==1.2.0", "msoffcrypto-tool==6.1.0"];
/// LibreOffice Calc's library: the script saves workbooks (formulas' values, .xls) with it.
const CALC: &str = "/usr/lib/libreoffice/program/libsclo.so";
/// The workbook template and the PDF whose tables fill it (the script's TEMPLATE and FILLED_FROM).
const FILLED_TEMPLATE: [&str; 2] =
    ["xlsx/sh-2026-department-budget-template.xlsx", "pdf/sh-2024-budget-wanli-subdistrict.pdf"];

pub fn office() -> Result {
    let out = root().join("target/office-fixtures");
    let script = root().join("crates/cli/tests/office/make_fixtures.py");
    let corpus = root().join("../shared/corpus");
    run(Command::new("cargo").args(["build", "--locked", "--quiet", "-p", "hedui-cli"]))?;
    let cli = root().join("target/debug/hedui");
    let readings = FILLED_TEMPLATE
        .iter()
        .map(|file| output(Command::new(&cli).args(["parse", "--format", "json"]).arg(corpus.join(file))))
        .collect::<Result<Vec<_>>>()?;
    let stamp = stamp(&script, &corpus, &readings)?;
    let stamp_file = out.join(".stamp");
    if fs::read_to_string(&stamp_file).is_ok_and(|s| s == stamp) {
        return Ok(());
    }
    if !Path::new(CALC).exists()
        || !Path::new(crate::SOFFICE).exists()
        || !Path::new(crate::PDFTOTEXT).exists()
        || output(Command::new("python3").args(["-c", "import venv, ensurepip"])).is_err()
    {
        step("installing libreoffice-calc, libreoffice-writer, poppler-utils and python3-venv from apt");
        apt_install(&["libreoffice-calc", "libreoffice-writer", "poppler-utils", "python3-venv"])?;
    }
    let venv = root().join("target/office-fixtures-venv");
    let python = venv.join("bin/python");
    if output(Command::new(&python).args(["-c", "import openpyxl, docx, msoffcrypto"])).is_err() {
        step("installing openpyxl, python-docx and msoffcrypto-tool from PyPI (target/office-fixtures-venv)");
        run(Command::new("python3").args(["-m", "venv"]).arg(&venv))?;
        run(Command::new(&python).args(["-m", "pip", "install", "--quiet"]).args(PYTHON_PACKAGES))?;
    }
    step("office fixtures (target/office-fixtures)");
    drop(fs::remove_dir_all(&out));
    run(Command::new(&python).arg(&script).arg(&corpus).arg(&out).arg(&cli))?;
    fs::write(&stamp_file, stamp).map_err(|e| format!("{}: {e}", stamp_file.display()))
}

/// A hash of the script, of the corpus texts it reads, of the template and the PDF that fills it,
/// and of the CLI's `readings` of these two.
fn stamp(script: &Path, corpus: &Path, readings: &[String]) -> Result<String> {
    let mut hasher = DefaultHasher::new();
    readings.hash(&mut hasher);
    for file in FILLED_TEMPLATE.map(|file| corpus.join(file)) {
        fs::read(&file).map_err(|e| format!("{}: {e}", file.display()))?.hash(&mut hasher);
    }
    fs::read(script).map_err(|e| format!("{}: {e}", script.display()))?.hash(&mut hasher);
    let mut texts: Vec<_> = fs::read_dir(corpus)
        .map_err(|e| format!("{}: {e}", corpus.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    texts.sort();
    for text in texts {
        fs::read(&text).map_err(|e| format!("{}: {e}", text.display()))?.hash(&mut hasher);
    }
    Ok(format!("{:016x}\n", hasher.finish()))
}
