//! Document facts: kind(s), report year, department and unit.

use serde::Serialize;

use super::RecognisedTable;
use crate::ingest::{contains, find, trim_start_literal, Block};
use crate::labels::{is_dropped, norm};
use crate::model::Unit;

/// What kind of disclosure a document is; a 决算 with its 自评报告 annex has two kinds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DocumentKind {
    /// 部门决算.
    FinalAccounts,
    /// 部门预算 (预算说明).
    Budget,
    /// 绩效自评报告 / 绩效自评表.
    PerformanceSelfEvaluation,
}

impl DocumentKind {
    pub fn zh(self) -> &'static str {
        match self {
            DocumentKind::FinalAccounts => "部门决算",
            DocumentKind::Budget => "部门预算",
            DocumentKind::PerformanceSelfEvaluation => "绩效自评",
        }
    }

    pub fn en(self) -> &'static str {
        match self {
            DocumentKind::FinalAccounts => "final accounts",
            DocumentKind::Budget => "budget",
            DocumentKind::PerformanceSelfEvaluation => "performance self-evaluation",
        }
    }
}

/// Facts about the whole document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DocumentInfo {
    pub kinds: Vec<DocumentKind>,
    pub year: Option<u16>,
    pub year_line: Option<usize>,
    pub department: Option<String>,
    pub department_line: Option<usize>,
    /// Lines reading `部门：` with nothing after it.
    pub blank_department_lines: Vec<usize>,
    /// The unit most tables state.
    pub unit: Option<Unit>,
}

const TITLE_LINES: usize = 12;
const TITLE_MAX_CHARS: usize = 30;
/// Cover lines that name the department or unit a budget is of (normalised: `：` is `:`).
const COVER_LABELS: [&str; 3] = ["预算主管部门:", "主管部门:", "预算单位:"];

fn texts(blocks: &[Block]) -> impl Iterator<Item = (&str, usize)> {
    blocks.iter().filter_map(|b| match b {
        Block::Heading { text, span, .. } | Block::Paragraph { text, span, .. } => {
            Some((text.as_str(), span.line_start))
        }
        Block::Table { .. } => None,
    })
}

/// Whether a title line names an organisation (`株洲市人民政府驻北京联络处`).
fn organisation(text: &str) -> Option<String> {
    let t = trim_start_literal(&norm(text), "第一部分").trim_start_matches(':').to_string();
    let suffixes =
        ["处", "室", "局", "委", "委员会", "院", "中心", "馆", "所", "站", "队", "厅", "部", "办", "会", "府"];
    let banned = ["年", "决算", "预算", "报告", "目录", "部分", "概况", "说明", "表"];
    let ok = !t.is_empty()
        && t.chars().count() <= 40
        && suffixes.iter().any(|s| t.ends_with(s))
        && !banned.iter().any(|b| contains(&t, b));
    ok.then_some(t)
}

/// Years written `20xx年`, with spacing allowed before `年`, as the pattern `(20\d{2})\s*年` finds
/// them: byte ranges, the year being the first four bytes.
pub fn years(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let bytes = text.as_bytes();
    let mut from = 0;
    std::iter::from_fn(move || {
        while let Some(start) = find(&text[from..], "20").map(|at| from + at) {
            from = start + 1;
            if !bytes.get(start + 2..start + 4).is_some_and(|d| d.iter().all(u8::is_ascii_digit)) {
                continue;
            }
            let spacing = text[start + 4..].len()
                - text[start + 4..].trim_start_matches(|c: char| c.is_ascii_whitespace() || c == '\x0b').len();
            let after = start + 4 + spacing;
            if text[after..].starts_with('年') {
                from = after + '年'.len_utf8();
                return Some((start, from));
            }
        }
        None
    })
}

/// Reads the document facts from the title lines, `部门：` lines and recognised tables.
pub fn document_info(blocks: &[Block], tables: &[RecognisedTable]) -> DocumentInfo {
    let head: Vec<(&str, usize)> = texts(blocks).take(TITLE_LINES).collect();
    // Title lines are short; longer lines in the head are already running text.
    let head_text: String =
        head.iter().map(|(t, _)| norm(t)).filter(|t| t.chars().count() <= TITLE_MAX_CHARS).collect();

    let (year, year_line) = head
        .iter()
        .find_map(|(t, line)| {
            let t = norm(t);
            let year = years(&t).next().and_then(|(start, _)| t[start..start + 4].parse().ok());
            year.map(|y| (Some(y), Some(*line)))
        })
        .unwrap_or((None, None));

    let mut kinds = Vec::new();
    if contains(&head_text, "决算") || tables.iter().any(|t| t.form.is_final_accounts()) {
        kinds.push(DocumentKind::FinalAccounts);
    }
    let budget_title = contains(&head_text, "预算说明")
        || (contains(&head_text, "部门预算") || contains(&head_text, "单位预算")) && !contains(&head_text, "决算");
    if budget_title || tables.iter().any(|t| t.form.is_budget()) {
        kinds.push(DocumentKind::Budget);
    }
    if contains(&head_text, "绩效自评") || tables.iter().any(|t| t.form.is_performance()) {
        kinds.push(DocumentKind::PerformanceSelfEvaluation);
    }

    let mut blank_department_lines = Vec::new();
    let mut stated = None;
    // Only texts that lead with 部 (after what `norm` drops) can read `部门：`: the others are
    // passed over without normalising them.
    for (text, line) in texts(blocks).filter(|(text, _)| text.trim_start_matches(is_dropped).starts_with('部')) {
        let t = norm(text);
        let Some(rest) = t.strip_prefix("部门:") else { continue };
        if rest.is_empty() {
            blank_department_lines.push(line);
        } else if stated.is_none() && !contains(rest, "公开") {
            stated = Some((rest.to_string(), line));
        }
    }
    // A budget's cover names its department on a line of its own: `预算主管部门：…`, `预算单位：…`.
    let from_cover = || {
        head.iter().find_map(|(t, line)| {
            let t = norm(t);
            COVER_LABELS
                .iter()
                .find_map(|label| t.strip_prefix(label))
                .filter(|rest| !rest.is_empty())
                .map(|rest| (rest.to_string(), *line))
        })
    };
    let from_title = || head.iter().find_map(|(t, line)| organisation(t).map(|o| (o, *line)));
    let (department, department_line) =
        stated.or_else(from_cover).or_else(from_title).map_or((None, None), |(d, l)| (Some(d), Some(l)));

    let units: Vec<Unit> = tables.iter().filter_map(|t| t.unit).collect();
    let unit = [Unit::TenThousandYuan, Unit::Yuan]
        .into_iter()
        .max_by_key(|u| units.iter().filter(|x| *x == u).count())
        .filter(|_| !units.is_empty());

    DocumentInfo { kinds, year, year_line, department, department_line, blank_department_lines, unit }
}
