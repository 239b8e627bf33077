//! Core's data flows one way: every module of `src/` has a rank, its stage, and may import
//! (`crate::…`, in `use` lines or inline) only modules of its own rank or a lower one. A module
//! that imports one of a later stage fails this test, naming the file, line and path. Unit test
//! modules (`#[cfg(test)] mod …`) and comments are not read: a test may run the whole check.

use std::fs;
use std::path::{Path, PathBuf};

/// Each module of `src/` (a file `x.rs` or a directory `x/`) with its rank: lower ranks come
/// first in the flow and never import higher ones.
const RANKS: &[(&str, u8)] = &[
    // Helpers that import nothing of core.
    ("sorting", 0),
    ("sorted_map", 0),
    ("positioned", 0),
    ("decode", 0),
    // Ingest: text → blocks. `ingest::blocks` hands layout text to the layout reader, which
    // reads with ingest's text helpers, figures (`amount`), labels and titles (`labels`,
    // `forms`); these and `model` read with ingest's helpers too, so they share its rank.
    ("ingest", 1),
    ("layout", 1),
    ("amount", 1),
    ("model", 1),
    ("labels", 1),
    ("forms", 1),
    ("rounding", 2),
    // Recognise: blocks → tables, sections, document facts; the parse report it makes.
    ("recognise", 3),
    ("report", 4),
    // What checks report of relations, and the relations they evaluated.
    ("finding", 5),
    ("relations", 5),
    ("claims", 6),
    // Check: the rules and the checker they report to.
    ("check", 7),
    ("rules", 7),
    ("diagnosis", 8),
    ("score", 9),
    ("check_report", 10),
    // A report checked without the diagnosis changed into one checked with it (the web app's
    // way to the diagnosis), and fixes applied to the text.
    ("fixes", 11),
    // The stages run in order.
    ("pipeline", 11),
];

/// The rank of what `lib.rs` defines (`parse`, `check`) and re-exports: above every module.
const CRATE_ROOT: u8 = u8::MAX;

fn rank(module: &str) -> Option<u8> {
    RANKS.iter().find(|(name, _)| *name == module).map(|&(_, rank)| rank)
}

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// Every `.rs` file under `dir`.
fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// `text` without unit test modules, comments, and the contents of string and char literals;
/// newlines are kept, so that positions still give line numbers.
fn code_only(text: &str) -> String {
    let mut kept = String::with_capacity(text.len());
    let lines: Vec<&str> = text.lines().collect();
    let mut test_module_end: Option<String> = None;
    for (index, line) in lines.iter().enumerate() {
        if let Some(end) = &test_module_end {
            if line == end {
                test_module_end = None;
            }
        } else if line.trim() == "#[cfg(test)]" {
            // A module after this attribute (and any others) is a test module, to the `}`
            // rustfmt closes it with at its indentation.
            let item = lines[index + 1..].iter().find(|next| !next.trim_start().starts_with("#["));
            if let Some(module) = item.filter(|item| item.trim_start().starts_with("mod ") && item.ends_with('{')) {
                test_module_end = Some(format!("{}}}", &module[..module.len() - module.trim_start().len()]));
            }
        } else {
            kept.push_str(line);
        }
        kept.push('\n');
    }
    let chars: Vec<char> = kept.chars().collect();
    let mut out = String::with_capacity(kept.len());
    let mut i = 0;
    while i < chars.len() {
        let rest = &chars[i..];
        let follows_ident = i > 0 && (chars[i - 1].is_alphanumeric() || chars[i - 1] == '_');
        // How many characters from here are left out (a comment, a literal), if any.
        let skip_to = if rest.starts_with(&['/', '/']) {
            rest.iter().position(|&c| c == '\n')
        } else if rest.starts_with(&['/', '*']) {
            (2..rest.len()).find(|&k| rest[k - 2..k] == ['*', '/'])
        } else if rest[0] == '"'
            || (rest[0] == 'r' && !follows_ident && rest[1..].iter().find(|&&c| c != '#') == Some(&'"'))
        {
            // A string, raw (`r"…"`, `r#"…"#`) or not.
            let raw = rest[0] == 'r';
            let hashes = if raw { rest[1..].iter().take_while(|&&c| c == '#').count() } else { 0 };
            let mut k = if raw { 2 + hashes } else { 1 };
            while k < rest.len() {
                if !raw && rest[k] == '\\' {
                    k += 2;
                    continue;
                }
                if rest[k] == '"' && rest[k + 1..].iter().take(hashes).filter(|&&c| c == '#').count() == hashes {
                    break;
                }
                k += 1;
            }
            Some(k + 1 + hashes)
        } else if rest[0] == '\'' && rest.get(1) == Some(&'\\') {
            // An escaped char literal (`'\''`, `'\u{3000}'`).
            rest[3..].iter().position(|&c| c == '\'').map(|p| p + 4)
        } else if rest[0] == '\'' && rest.get(2) == Some(&'\'') {
            Some(3)
        } else {
            None
        };
        match skip_to {
            Some(end) => {
                let end = end.min(rest.len());
                out.extend(rest[..end].iter().filter(|&&c| c == '\n'));
                i += end;
            }
            None => {
                out.push(rest[0]);
                i += 1;
            }
        }
    }
    out
}

/// The first segment of each path of a `{…}` group (`group` starts after its `{`):
/// `{a::b, c, d::{e, f}}` → `a`, `c`, `d`.
fn group_heads(group: &str) -> Vec<String> {
    let mut heads = Vec::new();
    let mut depth = 0;
    let mut item_start = 0;
    for (i, c) in group.char_indices() {
        match c {
            '{' => depth += 1,
            '}' if depth > 0 => depth -= 1,
            ',' | '}' if depth == 0 => {
                let head: String = group[item_start..i]
                    .trim_start()
                    .chars()
                    .take_while(|&c| c.is_alphanumeric() || c == '_')
                    .collect();
                if !head.is_empty() && head != "self" {
                    heads.push(head);
                }
                if c == '}' {
                    break;
                }
                item_start = i + 1;
            }
            _ => {}
        }
    }
    heads
}

/// The crate-level names `code` imports (the segment after `crate::`, or after as many
/// `super::` as lead out of the file's `depth` of modules), with the line each is on.
fn imports(code: &str, depth: usize) -> Vec<(usize, String)> {
    let mut found = Vec::new();
    let bytes = code.as_bytes();
    let is_ident = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
    let mut at = 0;
    while at < code.len() {
        let rest = &code[at..];
        let start_of_word = at == 0 || !is_ident(bytes[at - 1]);
        let after = if start_of_word && rest.starts_with("crate::") {
            Some(at + "crate::".len())
        } else if start_of_word && rest.starts_with("super::") {
            let supers = rest.split("super::").skip(1).take_while(|s| s.is_empty()).count() + 1;
            (supers >= depth).then(|| at + "super::".len() * supers)
        } else {
            None
        };
        let Some(after) = after else {
            at += rest.chars().next().map_or(1, char::len_utf8);
            continue;
        };
        let line = code[..at].matches('\n').count() + 1;
        let tail = &code[after..];
        if let Some(group) = tail.strip_prefix('{') {
            found.extend(group_heads(group).into_iter().map(|head| (line, head)));
        } else {
            let name: String = tail.chars().take_while(|&c| c.is_alphanumeric() || c == '_').collect();
            // `crate::check(…)` calls the crate root's `check`, not the module.
            let called = tail[name.len()..].starts_with('(');
            found.push((line, if called { format!("{name}()") } else { name }));
        }
        at = after;
    }
    found
}

/// The module a file of `src/` belongs to and how deep it is: `rules/t001_….rs` → (`rules`, 2),
/// `rules/mod.rs` and `layout.rs` → (`rules`, 1), (`layout`, 1); `lib.rs` → None.
fn module_of(relative: &Path) -> Option<(String, usize)> {
    let parts: Vec<String> = relative.iter().map(|p| p.to_string_lossy().trim_end_matches(".rs").to_string()).collect();
    match parts.as_slice() {
        [only] if only == "lib" => None,
        [module, .., last] if last == "mod" => Some((module.clone(), parts.len() - 1)),
        [module, ..] => Some((module.clone(), parts.len())),
        [] => None,
    }
}

/// Every import of a module of a higher rank, as a message naming the file and the import.
fn violations() -> Vec<String> {
    let src = src();
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    files.sort();
    let mut found = Vec::new();
    for file in files {
        let relative = file.strip_prefix(&src).unwrap();
        let Some((module, depth)) = module_of(relative) else { continue };
        let Some(own) = rank(&module) else {
            found.push(format!(
                "src/{}: module `{module}` has no rank: add it to RANKS in tests/layering.rs",
                relative.display()
            ));
            continue;
        };
        for (line, name) in imports(&code_only(&fs::read_to_string(&file).unwrap()), depth) {
            let (theirs, what) = match rank(&name) {
                Some(theirs) => (theirs, format!("module `{name}` (rank {theirs})")),
                None => (CRATE_ROOT, format!("`{name}` of the crate root (lib.rs, above every module)")),
            };
            if theirs > own {
                found.push(format!(
                    "src/{}:{line}: `{module}` (rank {own}) imports `crate::{name}`, {what}",
                    relative.display()
                ));
            }
        }
    }
    found
}

#[test]
fn no_module_imports_a_later_stage() {
    let found = violations();
    assert!(
        found.is_empty(),
        "core's data flows one way (tests/layering.rs RANKS); these imports go against it:\n{}",
        found.join("\n")
    );
}

#[test]
fn every_ranked_module_exists() {
    let src = src();
    for (module, _) in RANKS {
        assert!(
            src.join(format!("{module}.rs")).exists() || src.join(module).join("mod.rs").exists(),
            "RANKS names `{module}`, which src/ does not have"
        );
    }
}

#[test]
fn imports_are_read_in_use_lines_groups_and_inline_paths() {
    let code = code_only(
        "use crate::a::B;\nuse crate::{b, c::{D, E}, self};\nfn f() { crate::d::g(); crate::check(&[]); }\n// crate::comment\nconst S: &str = \"crate::string\";\n#[cfg(test)]\nmod tests {\n    use crate::test_only;\n}\nfn h() { super::super::e::f(); }\n",
    );
    let names: Vec<String> = imports(&code, 2).into_iter().map(|(line, name)| format!("{line}:{name}")).collect();
    assert_eq!(names, ["1:a", "2:b", "2:c", "3:d", "3:check()", "10:e"]);
    assert!(
        imports(&code_only("fn h() { super::e::f(); }"), 2).is_empty(),
        "one super:: in a nested file stays in its module"
    );
}
