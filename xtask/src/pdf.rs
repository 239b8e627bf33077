//! The web app's PDF reader built into the staged app: `dist/pdf/` holds crates/pdf-worker's
//! module (`hedui_pdf_worker.js`, `hedui_pdf_worker_bg.wasm`) and the worker script
//! (`worker.js`, from web/pdf-worker.js). The page starts the worker only when a PDF is opened,
//! so the module is outside the app's size budget; its size is printed beside it. The service
//! worker precaches it with the rest of the app (pwa.rs), so PDFs open offline too.

use std::fs;
use std::path::Path;

use crate::wasm::{self, copy};
use crate::{gzip_size, root, step, Result};

/// The folder of the staged app the page loads the worker from (crates/web/src/pdf.rs).
const DIR: &str = "pdf";

/// Builds the PDF reader into `staging/pdf/` (`release`: see [`wasm::build_module`]).
pub fn build_into(staging: &Path, release: bool) -> Result {
    let out = staging.join(DIR);
    step(&format!("PDF reader: hedui-pdf-worker ({}) into {}", if release { "release" } else { "debug" }, out.display()));
    wasm::build_module("hedui-pdf-worker", &out, release)?;
    copy(&root().join("web/pdf-worker.js"), &out.join("worker.js"))
}

/// The JS and wasm of `dist/pdf/`, gzip -9 each, summed.
pub fn size(dist: &Path) -> Result<u64> {
    let dir = dist.join(DIR);
    let mut total = 0;
    for entry in fs::read_dir(&dir).map_err(|e| format!("{}: {e} (build it with `trunk build --release`)", dir.display()))? {
        let path = entry.map_err(|e| e.to_string())?.path();
        if matches!(path.extension().and_then(|e| e.to_str()), Some("js" | "wasm")) {
            total += gzip_size(&path)?;
        }
    }
    Ok(total)
}
