//! The embed package (crates/wasm + web/embed) built into the staged app, and its size budget.
//!
//! `dist/embed/` is an npm-style folder: `package.json`, `hedui.js` (the API: wasm-bindgen's
//! `--target web` glue `hedui_wasm.js` behind a thin wrapper), `hedui_wasm_bg.wasm`,
//! `hedui-checker.js` (the `<hedui-checker>` element), the `.d.ts` files and a README.
//! `dist/embed-example.html` (+ `dist/embed-example/`) is a mock 财政 portal page that uses it.

use std::fs;
use std::path::Path;

use crate::wasm::{self, copy};
use crate::{gzip_size, root, step, write, Result};

/// JS + wasm of `dist/embed/` (gzip -9 each) must stay within this.
const EMBED_BUDGET_BYTES: u64 = 150 * 1024;

/// Copied from `web/embed/` into the package as they are.
const PACKAGE_SOURCES: [&str; 5] = ["hedui.js", "hedui-checker.js", "hedui.d.ts", "hedui-checker.d.ts", "README.md"];

/// The example page's files: `(source under web/, path in the staged app)`. Its script, style
/// and icon sit in a folder, outside both the app's and the package's size budgets.
const EXAMPLE_FILES: [(&str, &str); 4] = [
    ("embed-example.html", "embed-example.html"),
    ("embed/example.js", "embed-example/portal.js"),
    ("embed/example.css", "embed-example/portal.css"),
    ("embed/example-icon.svg", "embed-example/icon.svg"),
];

/// Builds the embed package into `staging/embed/` and the example page next to the app.
/// `release` builds the wasm with the release profile and shrinks it with `wasm-opt -Oz`;
/// otherwise the debug build is copied as it is (Trunk's dev server).
pub fn build_into(staging: &Path, release: bool) -> Result {
    let profile = if release { "release" } else { "debug" };
    step(&format!("embed package: hedui-wasm ({profile}) into {}", staging.join("embed").display()));
    let package = staging.join("embed");
    wasm::build_module("hedui-wasm", &package, release)?;
    let web = root().join("web");
    for name in PACKAGE_SOURCES {
        copy(&web.join("embed").join(name), &package.join(name))?;
    }
    write(&package.join("package.json"), &package_json())?;
    fs::create_dir_all(staging.join("embed-example")).map_err(|e| format!("{}: {e}", staging.display()))?;
    for (source, path) in EXAMPLE_FILES {
        copy(&web.join(source), &staging.join(path))?;
    }
    Ok(())
}

/// Fails when the JS and wasm files of `dist/embed/` (gzip -9 each) are above the budget.
pub fn check_budget(dist: &Path) -> Result {
    let package = dist.join("embed");
    let entries = fs::read_dir(&package)
        .map_err(|e| format!("{}: {e} (build it with `trunk build --release`)", package.display()))?;
    let mut sizes = Vec::new();
    for entry in entries {
        let path = entry.map_err(|e| e.to_string())?.path();
        if matches!(path.extension().and_then(|e| e.to_str()), Some("js" | "wasm")) {
            sizes.push((gzip_size(&path)?, path.file_name().unwrap_or_default().to_string_lossy().into_owned()));
        }
    }
    if !sizes.iter().any(|(_, name)| name.ends_with(".wasm")) {
        return Err(format!("{} holds no .wasm file: build it with `trunk build --release`", package.display()));
    }
    sizes.sort();
    let total: u64 = sizes.iter().map(|(size, _)| size).sum();
    let lines: Vec<String> = sizes.iter().map(|(size, name)| format!("  {size:>9} B  {name}")).collect();
    let listing = format!(
        "embed package (dist/embed/ js + wasm), gzip -9:\n{}\n  {total:>9} B  total (budget {EMBED_BUDGET_BYTES} B)",
        lines.join("\n")
    );
    if total > EMBED_BUDGET_BYTES {
        return Err(format!("embed size budget exceeded: {total} B > {EMBED_BUDGET_BYTES} B\n{listing}"));
    }
    println!("{listing}");
    Ok(())
}

/// The package's manifest: name `hedui`, the workspace version, an ES module with types.
fn package_json() -> String {
    format!(
        r#"{{
  "name": "hedui",
  "version": "{version}",
  "description": "Checks Chinese public-sector budget disclosures (部门决算, 部门预算, 绩效自评) in the browser: totals, cross-table figures, 绩效 scores, narrative vs tables.",
  "license": "MIT OR Apache-2.0",
  "type": "module",
  "main": "./hedui.js",
  "types": "./hedui.d.ts",
  "exports": {{
    ".": {{ "types": "./hedui.d.ts", "default": "./hedui.js" }},
    "./hedui-checker.js": {{ "types": "./hedui-checker.d.ts", "default": "./hedui-checker.js" }},
    "./hedui_wasm_bg.wasm": "./hedui_wasm_bg.wasm",
    "./package.json": "./package.json"
  }},
  "files": ["hedui.js", "hedui_wasm.js", "hedui_wasm_bg.wasm", "hedui-checker.js", "hedui.d.ts", "hedui-checker.d.ts", "README.md"],
  "sideEffects": ["./hedui-checker.js"]
}}
"#,
        version = env!("CARGO_PKG_VERSION")
    )
}
