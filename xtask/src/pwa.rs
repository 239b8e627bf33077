//! The offline app: service worker precache list and Content-Security-Policy for the staged build.

use std::fs;
use std::path::Path;

use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine;
use sha2::{Digest, Sha256};

use crate::{write, Result};

/// The service worker; web/sw.js, copied by Trunk, with the build's constants put in front.
pub const SERVICE_WORKER: &str = "sw.js";
/// The embed package is for other sites, not the app: it is not precached.
const EMBED_DIR: &str = "embed";

/// Writes the service worker for the staged files and fills in the page's CSP.
///
/// The CSP comes first: it changes index.html, which the service worker precaches.
pub fn finish(staging: &Path) -> Result {
    let index_path = staging.join("index.html");
    let index = read(&index_path)?;
    write(&index_path, &allow_inline_scripts(&index)?)?;

    let files = precached_files(staging)?;
    let sw_path = staging.join(SERVICE_WORKER);
    let sw = read(&sw_path)?;
    write(&sw_path, &format!("{}{sw}", sw_constants(staging, &files)?))
}

/// Adds the `'sha256-…'` source of every inline `<script>` in `html` (Trunk's loader) to the
/// `script-src` directive of its Content-Security-Policy meta tag (attributes in any order,
/// quoted or not, as a minified page writes them).
fn allow_inline_scripts(html: &str) -> Result<String> {
    let (content_start, policy) = policy(html).ok_or("index.html has no Content-Security-Policy meta tag")?;
    let directive_start = policy.find("script-src ").ok_or("the Content-Security-Policy has no script-src")?;
    let directive_end = policy[directive_start..].find(';').map_or(policy.len(), |end| directive_start + end);

    let hashes: String = inline_scripts(html)?
        .iter()
        .map(|script| format!(" 'sha256-{}'", BASE64.encode(Sha256::digest(script))))
        .collect();
    if hashes.is_empty() {
        return Err("index.html has no inline script: Trunk's loader is missing".into());
    }
    let at = content_start + directive_end;
    Ok(format!("{}{hashes}{}", &html[..at], &html[at..]))
}

/// The Content-Security-Policy meta tag's `content`, quoted, and where it starts in `html`.
fn policy(html: &str) -> Option<(usize, &str)> {
    let mut from = 0;
    while let Some(found) = html[from..].find("<meta") {
        let start = from + found;
        let end = start + html[start..].find('>')?;
        let tag = &html[start..end];
        let is_policy = ["http-equiv=\"Content-Security-Policy\"", "http-equiv=Content-Security-Policy"]
            .iter()
            .any(|attribute| tag.contains(attribute));
        if let (true, Some(content)) = (is_policy, tag.find("content=\"")) {
            let content_start = start + content + "content=\"".len();
            let content_len = html[content_start..end].find('"')?;
            return Some((content_start, &html[content_start..content_start + content_len]));
        }
        from = end;
    }
    None
}

/// The text of every `<script>` element without a `src` attribute, exactly as the browser hashes it.
fn inline_scripts(html: &str) -> Result<Vec<&str>> {
    let mut scripts = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find("<script") {
        let tag_end = start + rest[start..].find('>').ok_or("unterminated <script> tag")?;
        let body_end = tag_end + rest[tag_end..].find("</script>").ok_or("unterminated <script> element")?;
        if !rest[start..tag_end].contains(" src=") {
            scripts.push(&rest[tag_end + 1..body_end]);
        }
        rest = &rest[body_end..];
    }
    Ok(scripts)
}

/// Every staged file the app may load, as a path relative to the service worker, sorted; the
/// site root `./` stands for index.html too, as the page is opened by either address.
fn precached_files(staging: &Path) -> Result<Vec<String>> {
    let mut files = vec!["./".to_string()];
    collect(staging, "", &mut files)?;
    files[1..].sort();
    Ok(files)
}

fn collect(dir: &Path, prefix: &str, files: &mut Vec<String>) -> Result {
    for entry in fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))? {
        let entry = entry.map_err(|e| e.to_string())?;
        let name = entry.file_name().into_string().map_err(|name| format!("file name is not UTF-8: {name:?}"))?;
        let path = format!("{prefix}{name}");
        if entry.path().is_dir() {
            if path != EMBED_DIR {
                collect(&entry.path(), &format!("{path}/"), files)?;
            }
        } else if path != SERVICE_WORKER {
            files.push(path);
        }
    }
    Ok(())
}

/// `VERSION` (the first 16 hex digits of a SHA-256 over every precached path and its bytes) and
/// `FILES`, as JavaScript: any change to a shipped file makes a new service worker.
fn sw_constants(staging: &Path, files: &[String]) -> Result<String> {
    let mut hasher = Sha256::new();
    for file in files.iter().filter(|file| *file != "./") {
        hasher.update(file.as_bytes());
        hasher.update([0]);
        hasher.update(fs::read(staging.join(file)).map_err(|e| format!("{file}: {e}"))?);
        hasher.update([0]);
    }
    let version: String = hasher.finalize()[..8].iter().map(|byte| format!("{byte:02x}")).collect();
    let list: Vec<String> = files.iter().map(|file| format!("{file:?}")).collect();
    Ok(format!("const VERSION = \"{version}\";\nconst FILES = [{}];\n", list.join(", ")))
}

fn read(path: &Path) -> Result<String> {
    fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "<head><meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src 'self'; style-src 'self'\">\
        <script src=\"/pwa.js\" type=\"module\"></script>\n<script type=\"module\">\nimport init from '/app.js';\n</script></head>";

    #[test]
    fn the_inline_loader_is_allowed_by_its_hash() {
        let page = allow_inline_scripts(PAGE).unwrap();
        // printf "\nimport init from '/app.js';\n" | openssl dgst -sha256 -binary | base64
        let expected = "script-src 'self' 'sha256-DMGlWxzfNmII634DO34waQ0zG9JnfoNpCGqxdUPiZlU='; style-src";
        assert!(page.contains(expected), "{page}");
        assert_eq!(page.replace(" 'sha256-DMGlWxzfNmII634DO34waQ0zG9JnfoNpCGqxdUPiZlU='", ""), PAGE);
    }

    #[test]
    fn a_minified_page_has_its_policy_found() {
        let minified = "<meta charset=utf-8><meta content=\"default-src 'none'; script-src 'self'\" http-equiv=Content-Security-Policy><script type=module>x</script>";
        let page = allow_inline_scripts(minified).unwrap();
        assert!(page.contains("script-src 'self' 'sha256-LXEWQrcmsEQBYnyp+6wy9chTD7GQPMTbAiWHF5IaSIE='\""), "{page}");
    }

    #[test]
    fn a_page_without_policy_or_loader_fails_the_build() {
        assert!(allow_inline_scripts("<head><script type=\"module\">x</script></head>").is_err());
        assert!(allow_inline_scripts(
            "<head><meta http-equiv=\"Content-Security-Policy\" content=\"script-src 'self'\"></head>"
        )
        .is_err());
    }

    #[test]
    fn precaches_the_app_and_its_pdf_reader_but_not_itself_or_the_embed_package() {
        let staging = std::env::temp_dir().join(format!("hedui-pwa-test-{}", std::process::id()));
        for file in
            ["index.html", "app-1.js", "sw.js", "icons/icon.svg", "examples/a.txt", "embed/hedui.js", "pdf/worker.js"]
        {
            fs::create_dir_all(staging.join(file).parent().unwrap()).unwrap();
            fs::write(staging.join(file), file).unwrap();
        }
        let files = precached_files(&staging).unwrap();
        assert_eq!(files, ["./", "app-1.js", "examples/a.txt", "icons/icon.svg", "index.html", "pdf/worker.js"]);

        let before = sw_constants(&staging, &files).unwrap();
        assert!(before.ends_with("const FILES = [\"./\", \"app-1.js\", \"examples/a.txt\", \"icons/icon.svg\", \"index.html\", \"pdf/worker.js\"];\n"), "{before}");
        fs::write(staging.join("examples/a.txt"), "changed").unwrap();
        assert_ne!(sw_constants(&staging, &files).unwrap(), before, "a changed file is a new version");
        fs::write(staging.join("embed/hedui.js"), "changed").unwrap();
        fs::write(staging.join("examples/a.txt"), "examples/a.txt").unwrap();
        assert_eq!(sw_constants(&staging, &files).unwrap(), before, "the embed package is not part of the version");
        fs::remove_dir_all(&staging).unwrap();
    }
}
