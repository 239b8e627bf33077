//! `cargo xtask fuzz [SECONDS]`: runs each cargo-fuzz target of `fuzz/` for SECONDS (default
//! 60), one after another, seeded with the shared corpus (its texts, and its PDFs for the PDF
//! target) and the domain dictionary `fuzz/hedui.dict`. Needs the nightly toolchain and
//! cargo-fuzz (installed when missing). New inputs go to `fuzz/corpus/TARGET/`, crashes to
//! `fuzz/artifacts/TARGET/` (both ignored by git); a crash fails the run. `cargo xtask test`
//! ends with a short run of each target ([`smoke`]).

use std::process::Command;

use crate::{root, run, step, Result};

/// The targets (`fuzz/fuzz_targets/`) and the shared corpus folders that seed them.
const TARGETS: [(&str, &str); 6] = [
    ("decode", "../shared/corpus"),
    ("parse", "../shared/corpus"),
    ("check", "../shared/corpus"),
    ("check_several", "../shared/corpus"),
    ("pdf", "../shared/corpus/pdf"),
    ("office", "../shared/corpus/xlsx"),
];

pub fn fuzz(seconds: Option<&str>) -> Result {
    let seconds: u32 = seconds.unwrap_or("60").parse().map_err(|e| format!("SECONDS: {e}"))?;
    if !has_nightly() {
        return Err("fuzzing needs the nightly toolchain (`rustup toolchain list`), which this machine lacks".into());
    }
    run_targets(seconds)
}

/// The short run of `cargo xtask test`: each target for [`SMOKE_SECONDS`]; skipped, saying so,
/// on a machine without the nightly toolchain (it cannot be installed from the registries).
pub fn smoke() -> Result {
    if !has_nightly() {
        step("fuzzing SKIPPED: no nightly toolchain on this machine (`rustup toolchain list`)");
        return Ok(());
    }
    run_targets(SMOKE_SECONDS)
}

/// Seconds per target in `cargo xtask test`.
const SMOKE_SECONDS: u32 = 60;

fn has_nightly() -> bool {
    Command::new("rustup").args(["run", "nightly", "rustc", "--version"]).output().is_ok_and(|out| out.status.success())
}

fn run_targets(seconds: u32) -> Result {
    if !Command::new("cargo").args(["+nightly", "fuzz", "--version"]).output().is_ok_and(|out| out.status.success()) {
        step("cargo-fuzz (cargo install cargo-fuzz)");
        run(Command::new("cargo").args(["install", "--locked", "cargo-fuzz"]))?;
    }
    let fuzz = root().join("fuzz");
    for (target, seeds) in TARGETS {
        step(&format!("fuzz target {target} for {seconds} s"));
        let corpus = fuzz.join("corpus").join(target);
        std::fs::create_dir_all(&corpus).map_err(|e| format!("{}: {e}", corpus.display()))?;
        run(Command::new("cargo")
            .current_dir(&fuzz)
            .args(["+nightly", "fuzz", "run", target])
            .arg(&corpus)
            .arg(root().join(seeds))
            .arg("--")
            .arg(format!("-max_total_time={seconds}"))
            .arg(format!("-dict={}", fuzz.join("hedui.dict").display()))
            .arg("-max_len=262144"))?;
    }
    Ok(())
}
