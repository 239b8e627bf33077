//! The rule catalogue as a page shipped beside the app (`rules.html`): each finding's rule
//! code links to its explanation there (what, why, an example, the source), which the app
//! itself leaves out to stay within its size budget. Rendered from core's catalogue, the same
//! text as docs/rules.md; precached with the rest for offline use.

use std::path::Path;

use pulldown_cmark::{html, CowStr, Event, HeadingLevel, Options, Parser, Tag};

use crate::{write, Result};

/// The page's file name in the app's folder (the web app's links name it too).
pub const RULES_PAGE: &str = "rules.html";

/// Writes `rules.html` into the staged app.
pub fn write_rules_page(staging: &Path) -> Result {
    write(&staging.join(RULES_PAGE), &rules_page(&hedui_core::rules::catalogue_markdown()))
}

/// The catalogue's markdown as a page; each rule's heading (`## L010`) has the id the
/// catalogue's own links use (`#l010`).
fn rules_page(markdown: &str) -> String {
    let mut events: Vec<Event> = Parser::new_ext(markdown, Options::ENABLE_TABLES).collect();
    for at in 0..events.len().saturating_sub(1) {
        let code = match &events[at + 1] {
            Event::Text(text) => text.to_lowercase(),
            _ => continue,
        };
        if let Event::Start(Tag::Heading { level: HeadingLevel::H2, id, .. }) = &mut events[at] {
            *id = Some(CowStr::from(code));
        }
    }
    let mut body = String::new();
    html::push_html(&mut body, events.into_iter());
    format!(
        "<!doctype html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>hedui 核对规则 · rules</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main>\n{body}</main>\n</body>\n</html>\n"
    )
}

const STYLE: &str = "body{margin:0;font:16px/1.6 system-ui,'Noto Sans CJK SC',sans-serif;color:#1b2430;background:#fff}main{max-width:52rem;margin:0 auto;padding:1rem 1.2rem 4rem}table{border-collapse:collapse;font-size:.9rem}td,th{border:1px solid #d0d7de;padding:.2rem .5rem;text-align:left}h2{margin-top:2.5rem;padding-top:.5rem;border-top:1px solid #d0d7de}h2:target{background:#fff4c2}code{background:#f2f4f7;padding:0 .2em;border-radius:3px}a{color:#0b5cad}";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_rule_has_a_section_its_code_links_to() {
        let page = rules_page(&hedui_core::rules::catalogue_markdown());
        for rule in hedui_core::rules::all() {
            let id = rule.info().code.to_lowercase();
            assert!(page.contains(&format!("<h2 id=\"{id}\">")), "{id}");
            assert!(page.contains(&format!("href=\"#{id}\"")), "{id}");
        }
        assert!(page.contains("截至日期与报告年度不符"));
        // The budget tables' rules, which the CLI lists too.
        assert!(page.contains("<h2 id=\"x017\">"));
    }
}
