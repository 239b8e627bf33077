//! Project automation. Two commands, both idempotent and both installing what is missing:
//!
//! - `cargo xtask serve [--debug]`: builds the web app (release, as shipped; `--debug` for a
//!   faster build of a slower app) and serves it on http://127.0.0.1:8080.
//! - `cargo xtask test`: checks formatting and lints, runs every test (native, wasm in headless
//!   Chromium, browser end-to-end against the release build) and the size budgets.
//!
//! `cargo xtask fixtures` makes the CLI tests' office fixtures (`fixtures.rs`; `test` does too).
//!
//! And two that measure: `cargo xtask scale` (the CLI on large documents and batches,
//! `scale.rs`) and `cargo xtask fuzz [SECONDS]` (each fuzz target of `fuzz/`, `fuzz.rs`).
//!
//! `cargo xtask post-build` is Trunk's post_build hook (Trunk.toml), not a command for people.

use std::env;
use std::ffi::OsString;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

mod docs;
mod embed;
mod fixtures;
mod fuzz;
mod imports;
mod minify;
mod pwa;
mod scale;
mod wasm;
mod workers;

/// Trunk's version: 0.22 needs a newer rustc than this project's toolchain.
const TRUNK_VERSION: &str = "0.21.14";
/// The app's page (its html, js, wasm and css, each gzip -9) must stay within this.
const APP_BUDGET_BYTES: u64 = 300 * 1024;
const CHROMIUM: &str = "/usr/bin/chromium";
const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
/// A CJK font, so that screenshots of the Chinese UI can be reviewed.
const CJK_FONT: &str = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";
/// poppler-utils' pdftotext: the reference the tests compare PDF reading with.
const PDFTOTEXT: &str = "/usr/bin/pdftotext";
/// LibreOffice Writer: the tests print corpus documents to PDF with it, as an office suite would.
const SOFFICE: &str = "/usr/bin/soffice";

type Result<T = ()> = std::result::Result<T, String>;

fn main() -> ExitCode {
    let task = env::args().nth(1).unwrap_or_default();
    let outcome = match task.as_str() {
        "serve" => serve(env::args().nth(2).as_deref()),
        "test" => test(),
        "dist" => dist(),
        "post-build" => post_build(),
        "scale" => scale::scale(),
        "fuzz" => fuzz::fuzz(env::args().nth(2).as_deref()),
        "fixtures" => fixtures::office(),
        _ => Err("usage: cargo xtask <serve [--debug]|test|dist|scale|fuzz [SECONDS]|fixtures>
  serve  install what is missing, build (release; --debug: debug) and serve on http://127.0.0.1:8080
  test   install what is missing and run every test
  dist   release build into dist/ and check the size budget
  scale  the CLI on 1, 10 and 50 MB documents and 1,000 documents: target/bench/scale.json
  fuzz   run each fuzz target for SECONDS (default 60; nightly and cargo-fuzz)
  fixtures  make the office fixtures of the CLI tests (target/office-fixtures), when out of date"
            .into()),
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("xtask: {message}");
            ExitCode::FAILURE
        }
    }
}

fn serve(flag: Option<&str>) -> Result {
    let args = serve_args(flag)?;
    ensure_build_tools()?;
    step(&format!("{} on http://127.0.0.1:8080", args.join(" ")));
    run(Command::new(args[0]).args(&args[1..]))
}

/// The release build by default, as users get it; the debug build (5 MB of wasm, slower
/// checks) only when asked for.
fn serve_args(flag: Option<&str>) -> Result<Vec<&'static str>> {
    match flag {
        None => Ok(vec!["trunk", "serve", "--release"]),
        Some("--debug") => Ok(vec!["trunk", "serve"]),
        Some(other) => Err(format!("serve takes --debug or nothing, not {other}")),
    }
}

fn dist() -> Result {
    ensure_build_tools()?;
    build_dist()?;
    check_app_budget()?;
    embed::check_budget(&root().join("dist"))
}

fn test() -> Result {
    ensure_build_tools()?;
    ensure_test_tools()?;
    step("formatting (cargo fmt --check) and lints (cargo clippy, warnings are errors)");
    run(Command::new("cargo").args(["fmt", "--all", "--check"]))?;
    run(Command::new("cargo").args(["clippy", "--locked", "--workspace", "--all-targets", "--", "-D", "warnings"]))?;
    fixtures::office()?;
    step("native tests");
    run(Command::new("cargo").args(["test", "--locked"]))?;
    step("wasm tests in headless Chromium");
    run(Command::new("cargo")
        .args(["test", "--locked", "--target", "wasm32-unknown-unknown", "-p", "hedui-wasm", "-p", "hedui-web"])
        .env("CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER", "wasm-bindgen-test-runner")
        .env("CHROMEDRIVER", CHROMEDRIVER)
        .env("WASM_BINDGEN_TEST_TIMEOUT", "120"))?;
    build_dist()?;
    check_app_budget()?;
    step("browser end-to-end tests");
    run(Command::new("cargo").args(["build", "--locked", "--quiet", "-p", "hedui-cli"]))?;
    let cli = root().join("target/debug/hedui");
    run(Command::new("node")
        .args(["--test", "--test-concurrency=1"])
        .arg(root().join("tests/e2e"))
        .env("HEDUI_DIST", root().join("dist"))
        .env("HEDUI_CLI", cli)
        .env("HEDUI_CORPUS", root().join("../shared/corpus"))
        .env("CHROMIUM", CHROMIUM))?;
    // Last, so that an embed package over its budget does not hide the other results.
    embed::check_budget(&root().join("dist"))?;
    fuzz::smoke()
}

fn build_dist() -> Result {
    step("release build of the web app (trunk build --release)");
    run(Command::new("trunk").args(["build", "--release"]))
}

/// Trunk's post_build hook: adds the embed package, the modules run in workers (the PDF and
/// office readers, the diagnosis) and the service worker to the staged build.
fn post_build() -> Result {
    prepend_path(&home().join(".cargo/bin"));
    prepend_path(&root().join("node_modules/.bin"));
    let staging = env::var_os("TRUNK_STAGING_DIR")
        .map(PathBuf::from)
        .ok_or("post-build is Trunk's hook (Trunk.toml): TRUNK_STAGING_DIR is not set")?;
    let release = env::var("TRUNK_PROFILE").is_ok_and(|profile| profile == "release");
    embed::build_into(&staging, release)?;
    for worker in &workers::WORKERS {
        worker.build_into(&staging, release)?;
    }
    if release {
        imports::shorten_app(&staging)?;
        minify::scripts(&staging)?;
    }
    docs::write_rules_page(&staging)?;
    pwa::finish(&staging)
}

/// The page that shows portals how to embed the checker: shipped beside the app, never loaded by it.
const EMBED_EXAMPLE: &str = "embed-example.html";

/// Sums gzip -9 sizes of the files the app's page loads and fails above the budget; prints the
/// workers' sizes apart (the page fetches the PDF reader only when a PDF is opened, the office
/// reader when a workbook, Word document or GBK text is, the diagnosis once a document is
/// checked), the embed example's and the rules
/// page's (pages of their own).
fn check_app_budget() -> Result {
    let dist = root().join("dist");
    let mut total = 0;
    let mut lines = Vec::new();
    for entry in fs::read_dir(&dist).map_err(|e| format!("{}: {e}", dist.display()))? {
        let path = entry.map_err(|e| e.to_string())?.path();
        let shipped = matches!(path.extension().and_then(|e| e.to_str()), Some("html" | "js" | "wasm" | "css"));
        if !shipped || path.file_name().is_some_and(|name| name == EMBED_EXAMPLE || name == docs::RULES_PAGE) {
            continue;
        }
        let size = gzip_size(&path)?;
        total += size;
        lines.push(format!("  {:>9} B  {}", size, path.file_name().unwrap().to_string_lossy()));
    }
    lines.sort();
    println!("shipped app, gzip -9:\n{}\n  {:>9} B  total (budget {} B)", lines.join("\n"), total, APP_BUDGET_BYTES);
    for worker in &workers::WORKERS {
        println!("{} module: {} B (lazy, not in the app budget)", worker.name, worker.size(&dist)?);
    }
    println!("{EMBED_EXAMPLE}: {} B (a page of its own, not in the app budget)", gzip_size(&dist.join(EMBED_EXAMPLE))?);
    println!(
        "{}: {} B (opened from a finding's rule code, not in the app budget)",
        docs::RULES_PAGE,
        gzip_size(&dist.join(docs::RULES_PAGE))?
    );
    if total > APP_BUDGET_BYTES {
        return Err(format!("size budget exceeded: {total} B > {APP_BUDGET_BYTES} B"));
    }
    Ok(())
}

/// Writes `contents` to `path`, naming the file in the error.
fn write(path: &Path, contents: &str) -> Result {
    fs::write(path, contents).map_err(|e| format!("{}: {e}", path.display()))
}

fn gzip_size(path: &Path) -> Result<u64> {
    let bytes = fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(&bytes).map_err(|e| e.to_string())?;
    Ok(encoder.finish().map_err(|e| e.to_string())?.len() as u64)
}

/// The wasm32 target, Trunk, wasm-bindgen-cli at the Cargo.lock version, wasm-opt (npm binaryen),
/// and the crates fetched, so Trunk can build offline.
fn ensure_build_tools() -> Result {
    prepend_path(&home().join(".cargo/bin"));
    prepend_path(&root().join("node_modules/.bin"));
    let targets = output(Command::new("rustup").args(["target", "list", "--installed"]))?;
    if !targets.lines().any(|t| t.trim() == "wasm32-unknown-unknown") {
        step("installing the wasm32-unknown-unknown target");
        run(Command::new("rustup").args(["target", "add", "wasm32-unknown-unknown"]))?;
    }
    if !version_is("trunk", &format!("trunk {TRUNK_VERSION}")) {
        step(&format!("installing trunk {TRUNK_VERSION} (takes several minutes, once)"));
        run(Command::new("cargo")
            .args(["install", "--locked", "trunk", "--version", TRUNK_VERSION])
            .env("CARGO_PROFILE_RELEASE_LTO", "false")
            .env("CARGO_PROFILE_RELEASE_CODEGEN_UNITS", "16"))?;
    }
    let bindgen = locked_version("wasm-bindgen")?;
    if !version_is("wasm-bindgen", &format!("wasm-bindgen {bindgen}")) {
        step(&format!("installing wasm-bindgen-cli {bindgen} (a few minutes, once)"));
        run(Command::new("cargo").args(["install", "wasm-bindgen-cli", "--version", &bindgen]))?;
    }
    ensure_node_packages()?;
    step("cargo fetch (Trunk builds offline)");
    run(Command::new("cargo").args(["fetch", "--locked"]))
}

/// rustfmt and clippy (rustup components); Chromium, ChromeDriver, a CJK font, poppler-utils and
/// LibreOffice Writer from apt, for the wasm, end-to-end and PDF-reading tests.
fn ensure_test_tools() -> Result {
    let components = output(Command::new("rustup").args(["component", "list", "--installed"]))?;
    for component in ["rustfmt", "clippy"] {
        if !components.lines().any(|c| c.starts_with(component)) {
            step(&format!("installing the {component} component"));
            run(Command::new("rustup").args(["component", "add", component]))?;
        }
    }
    let missing = [CHROMIUM, CHROMEDRIVER, CJK_FONT, PDFTOTEXT, SOFFICE].iter().any(|path| !Path::new(path).exists());
    if missing {
        step("installing chromium, chromium-driver, fonts-noto-cjk, poppler-utils and libreoffice-writer from apt");
        apt_install(&["chromium", "chromium-driver", "fonts-noto-cjk", "poppler-utils", "libreoffice-writer"])?;
    }
    Ok(())
}

/// binaryen (wasm-opt), terser, playwright-core and axe-core from npm, into ./node_modules.
fn ensure_node_packages() -> Result {
    if !version_is("node", "v") {
        step("installing nodejs and npm from apt");
        apt_install(&["nodejs", "npm"])?;
    }
    let installed = [
        "node_modules/.bin/wasm-opt",
        "node_modules/.bin/terser",
        "node_modules/playwright-core/package.json",
        "node_modules/axe-core/axe.min.js",
    ]
    .iter()
    .all(|p| root().join(p).exists());
    if !installed {
        step("installing npm packages (binaryen, terser, playwright-core, axe-core)");
        run(Command::new("npm").args(["ci", "--no-audit", "--no-fund"]).current_dir(root()))?;
    }
    Ok(())
}

fn apt_install(packages: &[&str]) -> Result {
    let sudo = output(Command::new("id").arg("-u"))?.trim() != "0";
    let apt = |args: &[&str]| {
        let mut command = if sudo { Command::new("sudo") } else { Command::new("apt-get") };
        if sudo {
            command.arg("apt-get");
        }
        command.args(args).env("DEBIAN_FRONTEND", "noninteractive");
        run(&mut command)
    };
    apt(&["update", "-qq"])?;
    let mut args = vec!["install", "-y", "-qq", "--no-install-recommends"];
    args.extend_from_slice(packages);
    apt(&args)
}

/// The version Cargo.lock pins for `package`.
fn locked_version(package: &str) -> Result<String> {
    let lock = fs::read_to_string(root().join("Cargo.lock")).map_err(|e| format!("Cargo.lock: {e}"))?;
    let marker = format!("name = \"{package}\"\nversion = \"");
    let start = lock.find(&marker).ok_or(format!("{package} is not in Cargo.lock"))? + marker.len();
    Ok(lock[start..].split('"').next().unwrap_or_default().to_string())
}

/// Whether `tool --version` runs and starts with `prefix`.
fn version_is(tool: &str, prefix: &str) -> bool {
    output(Command::new(tool).arg("--version")).is_ok_and(|v| v.trim().starts_with(prefix))
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap().to_path_buf()
}

fn home() -> PathBuf {
    env::var_os("HOME").map(PathBuf::from).unwrap_or_else(|| PathBuf::from("/root"))
}

fn prepend_path(dir: &Path) {
    let mut paths: Vec<PathBuf> = env::split_paths(&env::var_os("PATH").unwrap_or_default()).collect();
    if !paths.iter().any(|p| p == dir) {
        paths.insert(0, dir.to_path_buf());
        let joined: OsString = env::join_paths(paths).expect("PATH entries are valid");
        env::set_var("PATH", joined);
    }
}

fn step(what: &str) {
    println!("\n==> {what}");
}

fn run(command: &mut Command) -> Result {
    let status = command.current_dir(root()).status().map_err(|e| format!("{command:?}: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{command:?} failed: {status}"))
    }
}

fn output(command: &mut Command) -> Result<String> {
    let out = command.output().map_err(|e| format!("{command:?}: {e}"))?;
    if !out.status.success() {
        return Err(format!("{command:?} failed: {}", out.status));
    }
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

#[cfg(test)]
mod tests {
    use super::serve_args;

    #[test]
    fn serve_builds_the_release_app_unless_asked_for_debug() {
        assert_eq!(serve_args(None).unwrap(), ["trunk", "serve", "--release"]);
        assert_eq!(serve_args(Some("--debug")).unwrap(), ["trunk", "serve"]);
        assert!(serve_args(Some("--relase")).is_err());
    }
}
