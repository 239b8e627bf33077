//! The embed package (crates/wasm + web/embed) built into the staged app, and its size budget.
//!
//! `dist/embed/` is an npm-style folder: `package.json`, `hedui.js` (the API: wasm-bindgen's
//! `--target web` glue `hedui_wasm.js` behind a thin wrapper), `hedui_wasm_bg.wasm`,
//! `hedui-checker.js` (the `<hedui-checker>` element), the `.d.ts` files and a README.
//! `dist/embed-example.html` (+ `dist/embed-example/`) is a mock 财政 portal page that uses it.

use std::env;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::{gzip_size, root, run, step, write, Result};

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

/// wasm-opt's flags for what current rustc emits (as in index.html), after `-Oz --converge`
/// (passes repeated while they shrink the module: about 1% smaller). `--low-memory-unused` lets
/// it fold constants into load and store offsets (about 1.6 KB gzip): that changes behaviour
/// only for an address computation that wraps below 1 KB, which Rust code never makes.
const WASM_OPT_FLAGS: [&str; 9] = [
    "--low-memory-unused",
    "--enable-bulk-memory",
    "--enable-nontrapping-float-to-int",
    "--enable-sign-ext",
    "--enable-mutable-globals",
    "--enable-reference-types",
    "--enable-multivalue",
    "--strip-debug",
    "--strip-producers",
];

/// Builds the embed package into `staging/embed/` and the example page next to the app.
/// `release` builds the wasm with the release profile and shrinks it with `wasm-opt -Oz`;
/// otherwise the debug build is copied as it is (Trunk's dev server).
pub fn build_into(staging: &Path, release: bool) -> Result {
    let profile = if release { "release" } else { "debug" };
    step(&format!("embed package: hedui-wasm ({profile}) into {}", staging.join("embed").display()));
    let mut cargo = Command::new("cargo");
    cargo.args(["build", "--locked", "--target", "wasm32-unknown-unknown", "-p", "hedui-wasm"]);
    if release {
        cargo.arg("--release");
    }
    run(&mut cargo)?;
    let package = staging.join("embed");
    fs::create_dir_all(&package).map_err(|e| format!("{}: {e}", package.display()))?;
    let wasm = target_dir().join("wasm32-unknown-unknown").join(profile).join("hedui_wasm.wasm");
    run(Command::new("wasm-bindgen").args(["--target", "web", "--no-typescript", "--out-dir"]).arg(&package).arg(&wasm))?;
    if release {
        let module = package.join("hedui_wasm_bg.wasm");
        run(Command::new("wasm-opt").args(["-Oz", "--converge"]).args(WASM_OPT_FLAGS).arg(&module).arg("-o").arg(&module))?;
    }
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
    let entries = fs::read_dir(&package).map_err(|e| format!("{}: {e} (build it with `trunk build --release`)", package.display()))?;
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
    let listing = format!("embed package (dist/embed/ js + wasm), gzip -9:\n{}\n  {total:>9} B  total (budget {EMBED_BUDGET_BYTES} B)", lines.join("\n"));
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

/// Cargo's target directory (`CARGO_TARGET_DIR`, else `target/` in the workspace).
fn target_dir() -> PathBuf {
    env::var_os("CARGO_TARGET_DIR").map(|dir| root().join(dir)).unwrap_or_else(|| root().join("target"))
}

fn copy(from: &Path, to: &Path) -> Result {
    fs::copy(from, to).map(drop).map_err(|e| format!("copying {} to {}: {e}", from.display(), to.display()))
}
