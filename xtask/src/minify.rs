//! Release builds ship minified JavaScript: wasm-bindgen's glue, the service worker and the
//! scripts of the readers in workers and the embed package (terser, from npm). The page's
//! subresource-integrity hashes follow the files they name.

use std::fs;
use std::path::Path;
use std::process::Command;

use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine;
use sha2::{Digest, Sha384};

use crate::{root, run, write, Result};

/// Folders whose scripts are read by people rather than only run: the portal example and the
/// examples.
const READABLE_DIRS: [&str; 2] = ["embed-example", "examples"];

/// Minifies every script in `staging` (but the readable ones) in place and updates the
/// `sha384-…` integrity of each in index.html.
pub fn scripts(staging: &Path) -> Result {
    let index_path = staging.join("index.html");
    let mut index = fs::read_to_string(&index_path).map_err(|e| format!("{}: {e}", index_path.display()))?;
    let terser = root().join("node_modules/.bin/terser");
    for script in scripts_in(staging)? {
        let before = fs::read(&script).map_err(|e| format!("{}: {e}", script.display()))?;
        let mut command = Command::new(&terser);
        command.arg(&script).args(["--compress", "--mangle", "--output"]).arg(&script);
        // The service worker is the one classic script; the rest are ES modules.
        if !script.ends_with(crate::pwa::SERVICE_WORKER) {
            command.arg("--module");
        }
        run(&mut command)?;
        let after = fs::read(&script).map_err(|e| format!("{}: {e}", script.display()))?;
        index = index.replace(&integrity(&before), &integrity(&after));
    }
    write(&index_path, &index)
}

/// A file's subresource-integrity value, as Trunk writes it in index.html.
pub fn integrity(bytes: &[u8]) -> String {
    format!("sha384-{}", BASE64.encode(Sha384::digest(bytes)))
}

fn scripts_in(dir: &Path) -> Result<Vec<std::path::PathBuf>> {
    let mut found = Vec::new();
    for entry in fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))? {
        let path = entry.map_err(|e| e.to_string())?.path();
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        if path.is_dir() && !READABLE_DIRS.contains(&name.as_ref()) {
            found.extend(scripts_in(&path)?);
        } else if name.ends_with(".js") {
            found.push(path);
        }
    }
    Ok(found)
}
