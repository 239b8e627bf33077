//! What the CLI's test files share: running `hedui`, and the fixtures they give it.
#![allow(dead_code)] // Each test file uses some of these.

use std::path::PathBuf;
use std::process::{Command, Output};

/// A rule fixture of core (`core/tests/fixtures/rules/`).
pub fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../core/tests/fixtures/rules").join(name)
}

/// `hedui ARGS PATHS…`, run to its end.
pub fn hedui(args: &[&str], paths: &[PathBuf]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_hedui")).args(args).args(paths).output().unwrap()
}

/// A shared PDF (`../shared/corpus/pdf/`).
pub fn shared_pdf(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus/pdf").join(name)
}
