//! `hedui`: a thin shell over `hedui-core`. It reads files and prints what the core reports.
//!
//! A batch is checked document by document on every core ([`std::thread::scope`]): each file is
//! read, checked by every rule but the comparisons across documents, and dropped, keeping its
//! findings and the few facts its companions are compared with ([`Companion`]); then each
//! is compared with its companions and reported, in input order.
//!
//! PDFs are read by `hedui-pdf`, workbooks, Word documents, CSV and GBK text by `hedui-office`.
//! With `--together`, the files given are the parts of one document (a workbook's tables and a
//! Word file's narrative), read as one (narrative first) and checked as one.

use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};

use clap::{Parser, Subcommand, ValueEnum};
use hedui_core::check::{CheckOptions, Companion};
use hedui_core::finding::Severity;
use hedui_core::layout::{GlyphPlaces, Rendered};
use hedui_core::pipeline::{self, Pending};
use hedui_core::positioned::SourcePlaces;
use hedui_core::rules;
use hedui_core::CheckReport;
use serde::Serialize;

#[derive(Parser)]
#[command(name = "hedui", version, about = "核对 — checks Chinese public-sector budget disclosures")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check documents: every total, cross-table figure and 绩效 score (exit code: 0 clean,
    /// 1 a finding at least as severe as --fail-on, 2 usage error, 3 a file could not be read).
    Check {
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// Exit with code 1 when a finding at least this severe is reported.
        #[arg(long, value_enum, default_value_t = FailOn::Error)]
        fail_on: FailOn,
        /// Report each broken relation as its own finding, without the diagnosis of which figure
        /// is wrong (no merged findings, no fixes), and leave out the review rules: what the embed
        /// package reports, and the web app before its diagnosis module answers.
        #[arg(long)]
        no_diagnosis: bool,
        /// Write the text with every `safe` fix applied to --fix-output (one file checked; never
        /// the input itself). A PDF's fixes apply to its text as read.
        #[arg(long, requires = "fix_output", conflicts_with = "no_diagnosis")]
        fix: bool,
        /// Where --fix writes the corrected text.
        #[arg(long, value_name = "PATH", requires = "fix")]
        fix_output: Option<PathBuf>,
        /// Print a unified diff of what --fix would change instead of the report.
        #[arg(long, conflicts_with_all = ["no_diagnosis", "fix"])]
        diff: bool,
        /// The files are the parts of one document (say a workbook's tables and a Word file's
        /// narrative), checked as one: Word documents and texts first, in the order given, then
        /// workbooks.
        #[arg(long)]
        together: bool,
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
    /// Print the rule catalogue.
    Rules {
        #[arg(long, value_enum, default_value_t = CatalogueFormat::Text)]
        format: CatalogueFormat,
    },
    /// Print what was read from each document (tables, sections, cells, coverage).
    Parse {
        #[arg(long, value_enum, default_value_t = Format::Json)]
        format: Format,
        /// The files are the parts of one document, read as `check --together` reads them.
        #[arg(long)]
        together: bool,
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Json,
    Text,
}

#[derive(Clone, Copy, ValueEnum)]
enum CatalogueFormat {
    Text,
    Markdown,
    Json,
}

#[derive(Clone, Copy, PartialEq, ValueEnum)]
enum FailOn {
    Error,
    Warning,
    Never,
}

// The batch allocates and frees many small strings on every core: mimalloc's per-thread heaps
// take about a quarter less time for it than the system allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// `hedui check --format json`: core's report, and the files given but not checked when there
/// are any (docs/report-schema.md: `unchecked` is the CLI's).
#[derive(Serialize)]
struct BatchReport {
    #[serde(flatten)]
    report: CheckReport,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    unchecked: Vec<Unchecked>,
}

/// A file given but not checked, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Unchecked {
    pub source: String,
    /// The file given before with the same bytes, checked in its place; `None` for a file
    /// that could not be read.
    pub same_as: Option<String>,
    pub message: String,
    pub message_en: String,
}

impl Unchecked {
    /// A file that could not be read, for the reason given in both languages.
    pub fn unreadable(source: &str, message: &str, message_en: &str) -> Self {
        Unchecked {
            source: source.to_string(),
            same_as: None,
            message: message.to_string(),
            message_en: message_en.to_string(),
        }
    }

    /// A file with the same bytes as `first`, which was checked.
    pub fn duplicate(source: &str, first: &str) -> Self {
        Unchecked {
            source: source.to_string(),
            same_as: Some(first.to_string()),
            message: format!("与 {first} 内容相同，只核对一次"),
            message_en: format!("same content as {first}: checked once"),
        }
    }

    /// The line the text report gives it: `file: message (message_en)`.
    pub fn to_text(&self) -> String {
        format!("{}: {} ({})\n", self.source, self.message, self.message_en)
    }
}

/// A file could not be read (the others are still checked and reported).
const UNREADABLE: u8 = 3;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Check { format, fail_on, no_diagnosis, fix: _, fix_output, diff, together, paths } => {
            let threshold = match fail_on {
                FailOn::Error => Some(Severity::Error),
                FailOn::Warning => Some(Severity::Warning),
                FailOn::Never => None,
            };
            let options = CheckOptions { no_diagnosis, ..CheckOptions::default() };
            let fixes = match (fix_output, diff) {
                (Some(output), _) => match fix_target(&paths, output) {
                    Ok(output) => Fixes::Write(output),
                    Err(message) => {
                        eprintln!("hedui: {message}");
                        return ExitCode::from(2);
                    }
                },
                (None, true) => Fixes::Diff,
                (None, false) => Fixes::None,
            };
            check_batch(&documents(paths, together), format, threshold, &options, &fixes)
        }
        Command::Rules { format } => {
            match format {
                CatalogueFormat::Text => emit(&rules::catalogue_text()),
                CatalogueFormat::Markdown => emit(&rules::catalogue_markdown()),
                CatalogueFormat::Json => emit(&(rules::catalogue_json() + "\n")),
            }
            ExitCode::SUCCESS
        }
        Command::Parse { format, together, paths } => {
            let mut failed = false;
            for group in &documents(paths, together) {
                let source = group.source();
                match read_document(group) {
                    Ok(document) => {
                        let report = hedui_core::parse(&source, &document.text);
                        match format {
                            Format::Json => emit(&(report.to_json() + "\n")),
                            Format::Text => emit(&report.to_text()),
                        }
                    }
                    Err(message) => {
                        eprintln!("hedui: {source}: {}", message.both());
                        failed = true;
                    }
                }
            }
            if failed {
                ExitCode::from(UNREADABLE)
            } else {
                ExitCode::SUCCESS
            }
        }
    }
}

/// One file of a batch after its first step.
enum Read {
    /// Checked but for the comparisons with its companions.
    Checked {
        pending: Box<Pending>,
        companion: Companion,
        places: Places,
        bytes: Fingerprint,
        /// The text checked, kept for `--fix` and `--diff`.
        text: Option<String>,
    },
    Unreadable(Message),
}

/// What is reported for one file.
enum File {
    /// Checked but for the comparisons with `companions[at]`'s companions.
    Checked {
        pending: Box<Pending>,
        places: Places,
        at: usize,
        text: Option<String>,
    },
    /// The same bytes as the file at this index, checked in its place.
    Duplicate(usize),
    Unreadable(Message),
}

/// Tells files with the same bytes apart from the others without keeping the bytes.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
struct Fingerprint {
    hash: u64,
    len: usize,
}

/// What `hedui check` does with the `safe` fixes.
enum Fixes {
    None,
    /// `--fix --fix-output PATH`: the corrected text is written there.
    Write(PathBuf),
    /// `--diff`: a unified diff of what `--fix` would change, instead of the report.
    Diff,
}

/// Where `--fix` may write: one file checked, and never over it.
fn fix_target(paths: &[PathBuf], output: PathBuf) -> Result<PathBuf, String> {
    let [input] = paths else {
        return Err("--fix corrects one file at a time（--fix 一次只修改一个文件）".to_string());
    };
    // The output may not exist yet: compare where it would be.
    let resolved = |path: &Path| -> Option<PathBuf> {
        std::fs::canonicalize(path).ok().or_else(|| {
            let parent = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
            Some(std::fs::canonicalize(parent).ok()?.join(path.file_name()?))
        })
    };
    match (resolved(input), resolved(&output)) {
        (Some(a), Some(b)) if a == b => Err(format!(
            "--fix-output {} is the input: the input is never overwritten（不会覆盖输入文件）",
            output.display()
        )),
        (_, None) => Err(format!("--fix-output {}: no such directory（目录不存在）", output.display())),
        _ => Ok(output),
    }
}

/// Checks `paths` (each a document of one file or more) together and prints the report; the
/// exit code says how it went.
fn check_batch(
    paths: &[Parts],
    format: Format,
    threshold: Option<Severity>,
    options: &CheckOptions,
    fixes: &Fixes,
) -> ExitCode {
    let keep_text = !matches!(fixes, Fixes::None);
    let read = in_parallel(paths, |path| read_and_check(path, options, keep_text));
    // The first of files with the same bytes is checked; the others say so.
    let mut first_with: HashMap<Fingerprint, usize> = HashMap::new();
    let mut same_as: Vec<Option<usize>> = vec![None; read.len()];
    for (index, file) in read.iter().enumerate() {
        let Read::Checked { bytes, .. } = file else { continue };
        match first_with.get(bytes) {
            Some(&first) if paths[first].same_bytes(&paths[index]) => same_as[index] = Some(first),
            Some(_) => {}
            None => {
                first_with.insert(*bytes, index);
            }
        }
    }
    // What is reported for each file, and the companions of those checked, paired.
    let mut companions = Vec::new();
    let files: Vec<File> = read
        .into_iter()
        .zip(&same_as)
        .map(|(file, duplicate)| match (file, duplicate) {
            (Read::Unreadable(message), _) => File::Unreadable(message),
            (Read::Checked { .. }, Some(first)) => File::Duplicate(*first),
            (Read::Checked { pending, companion, places, text, .. }, None) => {
                companions.push(companion);
                File::Checked { pending, places, at: companions.len() - 1, text }
            }
        })
        .collect();
    let paired = pair(&companions);

    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let mut report = BatchReport { report: CheckReport::new(Vec::new()), unchecked: Vec::new() };
    let (mut worst, mut any_unreadable) = (None::<Severity>, false);
    for (file, path) in files.into_iter().zip(paths) {
        let source = path.source();
        let (pending, places, at, text) = match file {
            File::Checked { pending, places, at, text } => (pending, places, at, text),
            File::Duplicate(first) => {
                let first = paths[first].source();
                report_unchecked(&mut out, &mut report, format, Unchecked::duplicate(&source, &first));
                continue;
            }
            File::Unreadable(message) => {
                eprintln!("hedui: {source}: {}", message.both());
                any_unreadable = true;
                report_unchecked(
                    &mut out,
                    &mut report,
                    format,
                    Unchecked::unreadable(&source, &message.zh, &message.en),
                );
                continue;
            }
        };
        let others: Vec<&Companion> = paired[at].iter().map(|&other| &companions[other]).collect();
        let mut document = pipeline::finish(*pending, &companions[at], &others, options);
        match &places {
            Places::Pages(places) => document.place_on_pages(places),
            Places::Sources(places) => document.place_in_sources(places),
            Places::None => {}
        }
        worst = document.findings.iter().map(|f| f.severity).chain(worst).min();
        if let Some(text) = &text {
            let (fixed, applied) =
                hedui_core::fixes::apply_fixes(text, hedui_core::fixes::safe_fixes(&document.findings));
            match fixes {
                Fixes::Diff => {
                    let diff = similar::TextDiff::from_lines(text.as_str(), fixed.as_str());
                    drop(write!(out, "{}", diff.unified_diff().header(&source, &source)));
                    continue;
                }
                Fixes::Write(output) => match std::fs::write(output, &fixed) {
                    Ok(()) => eprintln!(
                        "hedui: {}: {applied} 处安全修改已写入 {} ({applied} safe fixes written)",
                        source,
                        output.display()
                    ),
                    Err(e) => {
                        eprintln!("hedui: {}: 无法写入 (cannot write): {e}", output.display());
                        any_unreadable = true;
                    }
                },
                Fixes::None => {}
            }
        }
        match format {
            Format::Text => drop(out.write_all(document.to_text().as_bytes())),
            Format::Json => report.report.documents.push(document),
        }
    }
    if let Format::Json = format {
        drop(
            serde_json::to_writer_pretty(&mut out, &report).map_err(std::io::Error::from).and_then(|()| writeln!(out)),
        );
    }
    drop(out.flush());
    if any_unreadable {
        ExitCode::from(UNREADABLE)
    } else if threshold.is_some_and(|t| worst.is_some_and(|w| w <= t)) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// Writes `text` to standard output. A reader that stops early (`hedui rules | head`) closes
/// the pipe: what it did not read is not an error, so write errors are left unreported, as the
/// check's output leaves them.
fn emit(text: &str) {
    let mut out = std::io::stdout().lock();
    drop(out.write_all(text.as_bytes()).and_then(|()| out.flush()));
}

/// Each companion's companions, as indices ([`hedui_core::check::pair`]), grouped by department first: a
/// batch of thousands pairs in linear time, not by comparing every two.
fn pair(companions: &[Companion]) -> Vec<Vec<usize>> {
    let mut departments: HashMap<&str, Vec<usize>> = HashMap::new();
    for (index, companion) in companions.iter().enumerate() {
        if let Some(department) = companion.department() {
            departments.entry(department).or_default().push(index);
        }
    }
    let mut paired = vec![Vec::new(); companions.len()];
    for group in departments.values() {
        for &a in group {
            paired[a] = group.iter().copied().filter(|&b| b != a && companions[a].pairs_with(&companions[b])).collect();
        }
    }
    paired
}

/// A file not checked is printed at once as text, or kept for the JSON report.
fn report_unchecked(out: &mut impl Write, report: &mut BatchReport, format: Format, unchecked: Unchecked) {
    match format {
        Format::Text => drop(out.write_all(unchecked.to_text().as_bytes())),
        Format::Json => report.unchecked.push(unchecked),
    }
}

/// Runs `work` on each of `items` on every core, returning the results in input order.
fn in_parallel<T: Sync, R: Send>(items: &[T], work: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get()).min(items.len()).max(1);
    let next = AtomicUsize::new(0);
    let mut done: Vec<(usize, R)> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..workers)
            .map(|_| {
                scope.spawn(|| {
                    let mut done = Vec::new();
                    loop {
                        let index = next.fetch_add(1, Ordering::Relaxed);
                        let Some(item) = items.get(index) else { break done };
                        done.push((index, work(item)));
                    }
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|handle| handle.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)))
            .collect()
    });
    done.sort_unstable_by_key(|(index, _)| *index);
    done.into_iter().map(|(_, result)| result).collect()
}

/// Reads a document and checks it but for the comparisons with its companions.
fn read_and_check(parts: &Parts, options: &CheckOptions, keep_text: bool) -> Read {
    let mut files = Vec::new();
    for path in &parts.0 {
        match std::fs::read(path) {
            Ok(bytes) => files.push(bytes),
            Err(e) => return Read::Unreadable(Message::cannot_read(&e)),
        }
    }
    let mut hasher = DefaultHasher::new();
    files.hash(&mut hasher);
    let fingerprint = Fingerprint { hash: hasher.finish(), len: files.iter().map(Vec::len).sum() };
    // A panic is a bug: it loses this file's report, never the others'.
    let checked = std::panic::catch_unwind(std::panic::AssertUnwindSafe(move || {
        parts.0.iter().for_each(|path| panic_for_tests(path));
        let document = document_of(parts, &files)?;
        drop(files);
        let parsed = hedui_core::parse(&parts.source(), &document.text);
        document.has_tables_if_a_workbook(&parsed)?;
        let (pending, companion) = pipeline::begin(&parsed, options);
        let text = keep_text.then_some(document.text);
        Ok(Read::Checked { pending: Box::new(pending), companion, places: document.places, bytes: fingerprint, text })
    }));
    match checked {
        Ok(Ok(read)) => read,
        Ok(Err(message)) => Read::Unreadable(message),
        Err(panic) => Read::Unreadable(Message::internal_error(panic.as_ref())),
    }
}

/// Debug builds only: a file named in `HEDUI_TEST_PANIC` panics while being checked, so that
/// the CLI tests can show that a panicking file loses only its own report.
fn panic_for_tests(path: &Path) {
    if cfg!(debug_assertions)
        && std::env::var_os("HEDUI_TEST_PANIC").is_some_and(|name| path.file_name() == Some(name.as_os_str()))
    {
        panic!("HEDUI_TEST_PANIC names {}", path.display());
    }
}

/// The files of one document: one file, or (`--together`) several.
struct Parts(Vec<PathBuf>);

impl Parts {
    /// How the report names the document: its file, or its files joined by ` + `.
    fn source(&self) -> String {
        self.0.iter().map(|path| path.display().to_string()).collect::<Vec<_>>().join(" + ")
    }

    /// Whether two documents have the same bytes (their fingerprints matched).
    fn same_bytes(&self, other: &Parts) -> bool {
        let read = |parts: &Parts| parts.0.iter().map(std::fs::read).collect::<Result<Vec<_>, _>>();
        matches!((read(self), read(other)), (Ok(a), Ok(b)) if a == b)
    }
}

/// The documents of a command line: each file its own, or all of them one (`--together`).
fn documents(paths: Vec<PathBuf>, together: bool) -> Vec<Parts> {
    if together {
        vec![Parts(paths)]
    } else {
        paths.into_iter().map(|path| Parts(vec![path])).collect()
    }
}

/// Why a file was not read, in both languages.
struct Message {
    zh: String,
    en: String,
}

impl Message {
    fn import(error: &hedui_office::ImportError) -> Self {
        Message { zh: error.zh(), en: error.en() }
    }

    fn cannot_read(error: &std::io::Error) -> Self {
        Message { zh: format!("无法读取文件：{error}"), en: format!("cannot read file: {error}") }
    }

    /// A panic while checking the file (a bug in hedui), with the panic's message.
    fn internal_error(panic: &(dyn std::any::Any + Send)) -> Self {
        let detail = panic
            .downcast_ref::<String>()
            .map(String::as_str)
            .or_else(|| panic.downcast_ref::<&str>().copied())
            .unwrap_or("?");
        Message {
            zh: format!("hedui 内部错误，未能核对此文件（请报告此问题）：{detail}"),
            en: format!("internal error in hedui, the file was not checked (please report it): {detail}"),
        }
    }

    /// `zh (en)`.
    fn both(&self) -> String {
        format!("{} ({})", self.zh, self.en)
    }
}

/// Where each byte of a document's text came from.
enum Places {
    /// A PDF's pages.
    Pages(GlyphPlaces),
    /// Office files' cells and paragraphs, or the lines of the files of a document read together.
    Sources(SourcePlaces),
    /// The text is the file's.
    None,
}

/// A document as read: its text, where each byte of it came from, and whether it is a
/// workbook alone (which must hold a disclosure table).
struct Document {
    text: String,
    places: Places,
    workbook: bool,
}

impl Document {
    /// A workbook whose sheets hold no disclosure table is refused.
    fn has_tables_if_a_workbook(&self, parsed: &hedui_core::ParseReport) -> Result<(), Message> {
        if self.workbook && parsed.tables.is_empty() {
            return Err(Message::import(&hedui_office::ImportError::NoDisclosureTables));
        }
        Ok(())
    }
}

/// Reads a document (see [`document_of`]).
fn read_document(parts: &Parts) -> Result<Document, Message> {
    let files = parts
        .0
        .iter()
        .map(|path| std::fs::read(path).map_err(|e| Message::cannot_read(&e)))
        .collect::<Result<Vec<_>, _>>()?;
    let document = document_of(parts, &files)?;
    let parsed = hedui_core::parse(&parts.source(), &document.text);
    document.has_tables_if_a_workbook(&parsed)?;
    Ok(document)
}

/// A document from its files' bytes: one file as [`file_of`] reads it, or several read as one
/// by [`hedui_office::combine`] (a PDF's pages are not kept, there).
fn document_of(parts: &Parts, files: &[Vec<u8>]) -> Result<Document, Message> {
    let [path] = parts.0.as_slice() else {
        let mut read = Vec::new();
        for (path, bytes) in parts.0.iter().zip(files) {
            read.push(match file_of(path, bytes)? {
                FileRead::Imported(imported) => imported,
                FileRead::Document(document) => {
                    hedui_office::Imported::of_text(&path.display().to_string(), document.text)
                }
            });
        }
        let combined = hedui_office::combine(read);
        return Ok(Document { text: combined.text, places: Places::Sources(combined.places), workbook: false });
    };
    Ok(match file_of(path, files.first().map_or(&[], Vec::as_slice))? {
        FileRead::Document(document) => document,
        FileRead::Imported(imported) => {
            // A text's findings keep their `file:line`.
            let places =
                if imported.kind == hedui_office::Kind::Text { Places::None } else { Places::Sources(imported.places) };
            Document { text: imported.text, places, workbook: imported.kind == hedui_office::Kind::Workbook }
        }
    })
}

/// A file as read: by core or the PDF reader, or by `hedui-office`.
enum FileRead {
    Document(Document),
    Imported(hedui_office::Imported),
}

/// A document from a file's bytes: a PDF's text layer laid out by core; a workbook, Word
/// document, CSV file or text in a legacy encoding read by `hedui-office` (its notes, such as
/// hidden sheets skipped, on standard error); or a text file (UTF-8, or UTF-16); with a clear
/// message for anything else.
fn file_of(path: &Path, bytes: &[u8]) -> Result<FileRead, Message> {
    let name = path.display().to_string();
    if bytes.starts_with(b"%PDF-") || path.extension().is_some_and(|e| e.eq_ignore_ascii_case("pdf")) {
        let pages = hedui_pdf::read_pdf(bytes, &hedui_pdf::Limits::default())
            .map_err(|e| Message { zh: e.zh(), en: e.en() })?;
        let Rendered { text, places } = hedui_core::layout::render(&pages);
        return Ok(FileRead::Document(Document { text, places: Places::Pages(places), workbook: false }));
    }
    let imported = if hedui_office::handles(&name, bytes) {
        hedui_office::import(&name, bytes, &hedui_office::Limits::default())
    } else {
        match hedui_core::decode::decode(bytes) {
            Ok(text) => return Ok(FileRead::Document(Document { text, places: Places::None, workbook: false })),
            Err(hedui_core::decode::DecodeError::NotUtf8) => hedui_office::import_text(&name, bytes),
            Err(e) => return Err(Message { zh: e.zh().to_string(), en: e.en().to_string() }),
        }
    };
    let imported = imported.map_err(|e| Message::import(&e))?;
    for note in &imported.notes {
        eprintln!("hedui: {name}: {} ({})", note.zh, note.en);
    }
    Ok(FileRead::Imported(imported))
}

#[cfg(test)]
mod tests {
    use hedui_core::check;

    use super::*;

    #[test]
    fn pairing_by_department_finds_what_comparing_every_two_finds() {
        let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus");
        let mut paths: Vec<PathBuf> = std::fs::read_dir(corpus)
            .unwrap()
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .collect();
        paths.sort();
        // Twice over: copies pair with the other department's documents, never with themselves.
        paths.extend(paths.clone());
        let companions: Vec<Companion> = paths
            .iter()
            .map(|path| {
                let parsed = hedui_core::parse(&path.display().to_string(), &std::fs::read_to_string(path).unwrap());
                pipeline::begin(&parsed, &CheckOptions::default()).1
            })
            .collect();
        let every_two = check::pair(&companions);
        assert!(every_two.iter().any(|others| !others.is_empty()), "the corpus has companions (003 and 000)");
        assert_eq!(pair(&companions), every_two);
    }
}
