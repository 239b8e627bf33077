use super::{declare_rule, lookup, Check};
use crate::check::Checker;
use crate::finding::FindingLocation;
use crate::ingest::Span;
use crate::report::ParseReport;

declare_rule! {
    /// ## What
    /// Each section a document's 目录 lists (`十三、关于2023年度预算绩效情况的说明`) is in the body
    /// under that title. The 目录 runs from its `目录` line over its parts (`第二部分 …`) and
    /// numbered entries (`一、…`, dot leaders and page numbers aside) to the first other line
    /// or the first part again; the body is what follows. A title is found in the body without
    /// spaces, quotes, a leading `关于`, a closing `情况`/`说明`, or the `部门`/`单位` a body may
    /// replace by the unit's name, in its headings, paragraphs or table cells. Tables (`…决算表`)
    /// are left to C002 and the table coverage.
    /// Each entry is one relation.
    ///
    /// ## Why
    /// A reader goes from the 目录 to the section: one listed but missing, or retitled in the
    /// body, was dropped or renamed in one place only (a template section left out, a title
    /// updated in the body and not the 目录).
    ///
    /// ## Example
    /// `十三、关于2024年度预算绩效管理情况的说明` in the 目录, `十三、关于2024年度预算绩效情况的说明`
    /// in the body: warning. The same title in both: holds.
    ///
    /// ## Source
    /// 部门决算 / 部门预算公开 templates (目录); docs/domain.md §9.
    pub struct ContentsEntries {
        code: "L013",
        name: "contents-entries",
        title_zh: "目录所列章节在正文中未见",
        title_en: "Section listed in the contents not found in the body",
        category: Form,
        severity: Warning,
        review: true,
    }
}

const NUMERALS: &str = "一二三四五六七八九十";

/// Text without spaces, markup, bullets or quotes: as titles are compared.
fn compact(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace() && !"#*-“”\"‘’".contains(*c))
        .collect::<String>()
        .replace("<b>", "")
        .replace("</b>", "")
}

/// `第二部分 …`: a part of the document.
fn is_part(line: &str) -> bool {
    line.strip_prefix('第').is_some_and(|rest| {
        let numeral = rest.len() - rest.trim_start_matches(|c| NUMERALS.contains(c)).len();
        numeral > 0 && rest[numeral..].starts_with("部分")
    })
}

/// The title of a numbered entry (`十三、…`), its dot leaders and page number cut.
fn entry_title(line: &str) -> Option<&str> {
    let numeral = line.len() - line.trim_start_matches(|c| NUMERALS.contains(c)).len();
    let title = line[numeral..].strip_prefix('、').filter(|_| numeral > 0)?;
    let title = title.trim_end_matches(|c: char| c.is_ascii_digit() || ".…·．_—".contains(c));
    (!title.is_empty()).then_some(title)
}

/// What of a title must be in the body: without `关于`, a closing `的说明`/`情况说明`/`情况`.
fn core_of(title: &str) -> &str {
    let mut core = title.strip_prefix("关于").unwrap_or(title);
    for ending in ["说明", "的", "情况", "的"] {
        core = core.strip_suffix(ending).unwrap_or(core);
    }
    core
}

/// The 目录's numbered entries (title and where it stands) and the compact text of the body,
/// from the document's texts in order ([`lookup::block_texts`]).
fn contents(texts: &[(&str, Span, bool)]) -> Option<(Vec<(String, Span)>, String)> {
    let start = texts.iter().position(|&(text, _, cell)| !cell && compact(text) == "目录")?;
    let (mut entries, mut first_part, mut after_part) = (Vec::new(), None, false);
    let mut end = texts.len();
    for (index, &(text, span, cell)) in texts.iter().enumerate().skip(start + 1) {
        let line = compact(text);
        // A table ends the 目录.
        if cell {
            end = index;
            break;
        }
        if is_part(&line) {
            if first_part.as_ref() == Some(&line) {
                end = index;
                break;
            }
            first_part.get_or_insert(line);
            after_part = true;
            continue;
        }
        if let Some(title) = entry_title(&line) {
            entries.push((title.to_string(), span));
        } else if !(after_part && line.chars().count() <= 4) {
            // (A part's title wrapped onto a line of its own, `说明`, is still the 目录.)
            end = index;
            break;
        }
        after_part = false;
    }
    // The body's text, its tables' cells too (a heading set beside a column of text in a PDF
    // is read into a row).
    let body = texts[end..].iter().map(|(text, ..)| compact(text)).collect();
    Some((entries, body))
}

impl Check for ContentsEntries {
    fn check(&self, document: &ParseReport, checker: &mut Checker) {
        let Some((entries, body)) = contents(&lookup::block_texts(document)) else { return };
        for (title, span) in entries.iter().filter(|(title, _)| !title.ends_with('表')) {
            let core = core_of(title);
            // A body may name the unit where its 目录 says 部门 or 单位 (`…办事处（部门）主要职能`).
            let unnamed = core.strip_prefix("部门").or_else(|| core.strip_prefix("单位")).unwrap_or(core);
            checker.require(
                &Self::INFO,
                body.contains(core) || body.contains(unnamed),
                FindingLocation::span(*span, title.clone()),
                format!("{}：目录列有「{title}」，正文中没有这一标题（缺失或标题不同）", Self::INFO.title_zh),
                format!("{}: the contents list «{title}», which no heading of the body has", Self::INFO.title_en),
                format!("目录「{title}」∉ 正文"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_and_parts_are_read() {
        assert_eq!(entry_title("十三、关于2023年度预算绩效情况的说明"), Some("关于2023年度预算绩效情况的说明"));
        assert_eq!(entry_title("一、部门主要职能……………………3"), Some("部门主要职能"));
        assert_eq!(entry_title("1.2024年部门财务收支预算总表"), None);
        assert!(is_part("第二部分2023年度部门决算表") && !is_part("第一批"));
        assert_eq!(core_of("关于2023年度预算绩效情况的说明"), "2023年度预算绩效");
        assert_eq!(core_of("收入决算情况说明"), "收入决算");
        assert_eq!(compact("#### **第四部分 名词解释**"), "第四部分名词解释");
    }
}
