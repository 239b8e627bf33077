//! The web app's readers and its diagnosis run in Web Workers, built into the staged app: each
//! folder holds a crate's module (`<lib>.js`, `<lib>_bg.wasm`) and its worker script
//! (`worker.js`). The page starts a reader only when such a file is opened, the diagnosis when a
//! document has a broken relation, so the modules are outside the app's size budget; their sizes
//! are printed beside it. The service worker precaches them with the rest of
//! the app (pwa.rs), so those files open offline too.

use std::fs;
use std::path::Path;

use crate::wasm::{self, copy};
use crate::{gzip_size, root, step, Result};

/// A module run in a worker: what it does, the folder of the staged app the page loads it from,
/// its crate and its worker script.
pub struct Worker {
    pub name: &'static str,
    dir: &'static str,
    package: &'static str,
    script: &'static str,
}

/// The PDF reader and the reader of workbooks, Word documents and GBK text
/// (crates/web/src/pdf.rs), and the diagnosis (crates/web/src/diagnosis.rs).
pub const WORKERS: [Worker; 3] = [
    Worker { name: "pdf", dir: "pdf", package: "hedui-pdf-worker", script: "web/pdf-worker.js" },
    Worker { name: "office", dir: "office", package: "hedui-office-worker", script: "web/office-worker.js" },
    Worker {
        name: "diagnosis",
        dir: "diagnosis",
        package: "hedui-diagnosis-worker",
        script: "web/diagnosis-worker.js",
    },
];

impl Worker {
    /// Builds the module into `staging/<dir>/` (`release`: see [`wasm::build_module`]).
    pub fn build_into(&self, staging: &Path, release: bool) -> Result {
        let out = staging.join(self.dir);
        step(&format!(
            "{} module: {} ({}) into {}",
            self.name,
            self.package,
            if release { "release" } else { "debug" },
            out.display()
        ));
        wasm::build_module(self.package, &out, release)?;
        copy(&root().join(self.script), &out.join("worker.js"))
    }

    /// The JS and wasm of `dist/<dir>/`, gzip -9 each, summed.
    pub fn size(&self, dist: &Path) -> Result<u64> {
        let dir = dist.join(self.dir);
        let mut total = 0;
        for entry in
            fs::read_dir(&dir).map_err(|e| format!("{}: {e} (build it with `trunk build --release`)", dir.display()))?
        {
            let path = entry.map_err(|e| e.to_string())?.path();
            if matches!(path.extension().and_then(|e| e.to_str()), Some("js" | "wasm")) {
                total += gzip_size(&path)?;
            }
        }
        Ok(total)
    }
}
