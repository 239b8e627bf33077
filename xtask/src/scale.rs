//! `cargo xtask scale`: how the CLI scales (issue #14). Single documents of 1, 10 and 50 MB
//! (the corpus texts repeated) and a batch of 1,000 corpus documents (each made distinct by a
//! line of its own, so none is skipped as a copy) are checked by the release CLI under GNU
//! time; the best of three runs is written to `target/bench/scale.json` with the goals: CPU time
//! per MB flat within 1.5× from 1 to 50 MB, the batch within 2 s wall and 200 MB peak memory.

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::{root, run, step, write, Result};

/// Sizes of the single documents, in MB.
const SIZES_MB: [usize; 3] = [1, 10, 50];
/// Documents in the batch.
const BATCH: usize = 1000;
/// Runs of each case; the best is kept (the machine is shared).
const RUNS: usize = 3;

/// What one run of the CLI took.
#[derive(Clone, Copy)]
struct Usage {
    wall: f64,
    cpu: f64,
    peak_mb: f64,
}

pub fn scale() -> Result {
    step("release build of the CLI");
    run(Command::new("cargo").args(["build", "--locked", "--release", "-p", "hedui-cli"]))?;
    let cli = root().join("target/release/hedui");
    let dir = root().join("target/bench/scale");
    fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let corpus = corpus_texts()?;

    let mut json = String::from("{\n  \"documents\": [\n");
    let mut per_mb = Vec::new();
    for (index, mb) in SIZES_MB.into_iter().enumerate() {
        let path = dir.join(format!("single-{mb}mb.txt"));
        write(&path, &repeated(&corpus, mb << 20))?;
        let usage = best_of(&cli, std::slice::from_ref(&path))?;
        let cpu_per_mb = usage.cpu / mb as f64;
        per_mb.push(cpu_per_mb);
        println!(
            "{mb:>3} MB document: {:.2} s wall, {:.2} CPU-s ({cpu_per_mb:.3} CPU-s/MB), {:.0} MB peak",
            usage.wall, usage.cpu, usage.peak_mb
        );
        let comma = if index + 1 < SIZES_MB.len() { "," } else { "" };
        let _ = writeln!(
            json,
            "    {{\"mb\": {mb}, \"wall_s\": {:.3}, \"cpu_s\": {:.3}, \"cpu_s_per_mb\": {cpu_per_mb:.4}, \"peak_rss_mb\": {:.1}}}{comma}",
            usage.wall, usage.cpu, usage.peak_mb
        );
    }
    let batch = batch_files(&dir.join("batch"), &corpus)?;
    let usage = best_of(&cli, &batch)?;
    println!("{BATCH} documents: {:.2} s wall, {:.2} CPU-s, {:.0} MB peak", usage.wall, usage.cpu, usage.peak_mb);

    let flatness = per_mb.last().copied().unwrap_or_default() / per_mb.first().copied().unwrap_or(f64::MAX);
    let goals = [
        ("cpu_per_mb_50_over_1", flatness, 1.5),
        ("batch_wall_s", usage.wall, 2.0),
        ("batch_peak_rss_mb", usage.peak_mb, 200.0),
    ];
    let _ = write!(
        json,
        "  ],\n  \"batch\": {{\"documents\": {BATCH}, \"wall_s\": {:.3}, \"cpu_s\": {:.3}, \"peak_rss_mb\": {:.1}}},\n  \"cores\": {},\n  \"goals\": [\n",
        usage.wall,
        usage.cpu,
        usage.peak_mb,
        std::thread::available_parallelism().map_or(1, |n| n.get())
    );
    for (index, (name, value, goal)) in goals.iter().enumerate() {
        let met = value <= goal;
        println!("goal {name}: {value:.2} (at most {goal}) {}", if met { "met" } else { "NOT met" });
        let comma = if index + 1 < goals.len() { "," } else { "" };
        let _ = writeln!(
            json,
            "    {{\"name\": \"{name}\", \"value\": {value:.3}, \"at_most\": {goal}, \"met\": {met}}}{comma}"
        );
    }
    json.push_str("  ]\n}\n");
    let out = root().join("target/bench/scale.json");
    write(&out, &json)?;
    println!("wrote {}", out.display());
    Ok(())
}

/// The corpus texts, in name order.
fn corpus_texts() -> Result<Vec<String>> {
    let dir = root().join("../shared/corpus");
    let mut paths: Vec<PathBuf> = fs::read_dir(&dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    paths.iter().map(|p| fs::read_to_string(p).map_err(|e| format!("{}: {e}", p.display()))).collect()
}

/// The corpus texts one after another, over and over, until `bytes` long.
fn repeated(corpus: &[String], bytes: usize) -> String {
    let mut text = String::with_capacity(bytes);
    for document in corpus.iter().cycle() {
        if text.len() >= bytes {
            break;
        }
        text.push_str(document);
        text.push('\n');
    }
    text
}

/// [`BATCH`] corpus documents in `dir`, each ending in a line of its own.
fn batch_files(dir: &Path, corpus: &[String]) -> Result<Vec<PathBuf>> {
    fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    (0..BATCH)
        .map(|index| {
            let path = dir.join(format!("{index:04}.txt"));
            let document = &corpus[index % corpus.len()];
            write(&path, &format!("{document}\n（副本 {index}）\n"))?;
            Ok(path)
        })
        .collect()
}

/// The least wall time of [`RUNS`] runs of `hedui check --format json` on `paths`, with that
/// run's CPU time and the most memory any run took.
fn best_of(cli: &Path, paths: &[PathBuf]) -> Result<Usage> {
    let mut best: Option<Usage> = None;
    for _ in 0..RUNS {
        let usage = timed(cli, paths)?;
        let peak_mb = best.map_or(usage.peak_mb, |b| b.peak_mb.max(usage.peak_mb));
        best = Some(match best {
            Some(b) if b.wall <= usage.wall => Usage { peak_mb, ..b },
            _ => Usage { peak_mb, ..usage },
        });
    }
    best.ok_or_else(|| "no run".to_string())
}

/// One run under GNU time (`/usr/bin/time -v`, apt `time`), its report on standard error.
fn timed(cli: &Path, paths: &[PathBuf]) -> Result<Usage> {
    let out = Command::new("/usr/bin/time")
        .arg("-v")
        .arg(cli)
        .args(["check", "--format", "json", "--fail-on", "never"])
        .args(paths)
        .stdout(std::process::Stdio::null())
        .output()
        .map_err(|e| format!("/usr/bin/time (apt install time): {e}"))?;
    let report = String::from_utf8_lossy(&out.stderr);
    if !out.status.success() {
        return Err(format!("hedui check failed: {report}"));
    }
    let field = |name: &str| {
        report
            .lines()
            .find_map(|line| line.trim().strip_prefix(name))
            .map(str::trim)
            .ok_or(format!("no «{name}» in GNU time's report"))
    };
    let seconds = |name: &str| field(name)?.parse::<f64>().map_err(|e| format!("{name}: {e}"));
    // `h:mm:ss` or `m:ss.ss`.
    let wall = field("Elapsed (wall clock) time (h:mm:ss or m:ss):")?
        .split(':')
        .try_fold(0.0, |sum, part| part.parse::<f64>().map(|v| sum * 60.0 + v))
        .map_err(|e| format!("wall time: {e}"))?;
    let cpu = seconds("User time (seconds):")? + seconds("System time (seconds):")?;
    let peak_mb = seconds("Maximum resident set size (kbytes):")? / 1024.0;
    Ok(Usage { wall, cpu, peak_mb })
}
