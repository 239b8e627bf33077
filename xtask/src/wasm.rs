//! What the wasm packages built beside the app (the embed package, the readers in workers) share:
//! cargo for wasm32, wasm-bindgen's `--target web` glue, and wasm-opt.

use std::env;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::{root, run, Result};

/// wasm-opt's passes, as in index.html: the module optimised (`-Oz`), its control flow rebuilt
/// from flat code and optimised again (`--flatten --rereloop -Oz`: about 0.5% smaller), passes
/// repeated while they shrink it (`--converge`: about 1%), then `-Os` passes the same way
/// (`-Os --converge`: about 0.8% more off the app, as `-Os` merges and folds what `-Oz` left).
const WASM_OPT_PASSES: [&str; 7] = ["-Oz", "--flatten", "--rereloop", "-Oz", "--converge", "-Os", "--converge"];
/// wasm-opt's flags for what current rustc emits (as in index.html). `--low-memory-unused` lets
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

/// Builds the cdylib `package` for wasm32 and writes its `--target web` module into `out`
/// (`<lib>.js` and `<lib>_bg.wasm`). `release` builds with the release profile and shrinks the
/// module with `wasm-opt -Oz`; otherwise the debug build is used as it is (Trunk's dev server).
pub fn build_module(package: &str, out: &Path, release: bool) -> Result {
    let profile = if release { "release" } else { "debug" };
    let mut cargo = Command::new("cargo");
    cargo.args(["build", "--locked", "--target", "wasm32-unknown-unknown", "-p", package]);
    if release {
        cargo.arg("--release");
    }
    run(&mut cargo)?;
    fs::create_dir_all(out).map_err(|e| format!("{}: {e}", out.display()))?;
    let lib = package.replace('-', "_");
    let wasm = target_dir().join("wasm32-unknown-unknown").join(profile).join(format!("{lib}.wasm"));
    run(Command::new("wasm-bindgen").args(["--target", "web", "--no-typescript", "--out-dir"]).arg(out).arg(&wasm))?;
    if release {
        let module = out.join(format!("{lib}_bg.wasm"));
        run(Command::new("wasm-opt").args(WASM_OPT_PASSES).args(WASM_OPT_FLAGS).arg(&module).arg("-o").arg(&module))?;
    }
    Ok(())
}

/// Cargo's target directory (`CARGO_TARGET_DIR`, else `target/` in the workspace).
fn target_dir() -> PathBuf {
    env::var_os("CARGO_TARGET_DIR").map(|dir| root().join(dir)).unwrap_or_else(|| root().join("target"))
}

pub fn copy(from: &Path, to: &Path) -> Result {
    fs::copy(from, to).map(drop).map_err(|e| format!("copying {} to {}: {e}", from.display(), to.display()))
}
