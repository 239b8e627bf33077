//! Running text in layout text: page numbers and running headers and footers dropped, wrapped
//! lines joined into paragraphs with the stretches of input they come from.

use super::*;
use crate::ingest::Stretch;
use crate::sorted_map::SortedMap;

/// Blanks the lines that are not the document's text but the page's: a page number (`3`,
/// `- 3 -`, `第 3 页`, `3 / 24`) as a page's first or last line, and a running header or footer
/// (the same first or last line, digits aside, on at least half the pages and three or more).
pub(super) fn drop_page_furniture(lines: &mut [Line]) {
    let pages = lines.last().map_or(0, |l| l.page);
    if pages < 2 {
        return;
    }
    // Each page's first and last non-blank line, in one pass.
    let mut ends: Vec<usize> = Vec::new();
    let mut last: Option<usize> = None;
    for (index, line) in lines.iter().enumerate().filter(|(_, l)| !l.fields.is_empty()) {
        if last.is_none_or(|previous| lines[previous].page != line.page) {
            ends.extend(last);
            ends.push(index);
        }
        last = Some(index);
    }
    ends.extend(last);
    // How many pages start or end with each line shape (digits aside).
    let shape = |line: &Line| -> String {
        line.text.chars().filter(|c| !c.is_whitespace()).map(|c| if c.is_ascii_digit() { '#' } else { c }).collect()
    };
    // Each shape's pages, in order (the ends are in page order), each once.
    let mut pages_of: SortedMap<String, Vec<usize>> = SortedMap::new();
    for &index in &ends {
        let pages = pages_of.entry_or_default(shape(&lines[index]));
        if pages.last() != Some(&lines[index].page) {
            pages.push(lines[index].page);
        }
    }
    let repeated = |index: usize| pages_of.get(&shape(&lines[index])).map_or(0, |on| on.len());
    let furniture: Vec<usize> = ends
        .iter()
        .copied()
        .filter(|&i| is_page_number(lines[i].text) || (repeated(i) >= 3 && repeated(i) * 2 >= pages))
        .collect();
    for index in furniture {
        lines[index].text = "";
        lines[index].fields.clear();
    }
}

/// Blanks the running text a page repeats from the end of the page before: a spreadsheet
/// cell that crosses a page break is printed whole on both pages, so its lines end one page
/// and open the next. The repeat is the longest run of lines (without tabs: not ruled table
/// rows; twelve at most, a cell's share of a page) that both pages share there, when it holds
/// some text (eight characters or more).
pub(super) fn drop_repeats_across_pages(lines: &mut [Line]) {
    const MOST: usize = 12;
    let text_line = |line: &Line| !line.fields.is_empty();
    let mut index = 0;
    while index < lines.len() {
        let page = lines[index].page;
        let next = index + lines[index..].iter().take_while(|l| l.page == page).count();
        // The page before's text lines, last first, and this page's, first first.
        let before: Vec<usize> = (0..index)
            .rev()
            .take_while(|&i| lines[i].page + 1 == page)
            .filter(|&i| text_line(&lines[i]))
            .take(MOST)
            .collect();
        let after: Vec<usize> = (index..next).filter(|&i| text_line(&lines[i])).take(MOST).collect();
        let longest = (1..=before.len().min(after.len()))
            .rev()
            .find(|&run| {
                (0..run).all(|k| {
                    let (a, b) = (&lines[before[run - 1 - k]], &lines[after[k]]);
                    !a.text.contains('\t') && a.text.trim() == b.text.trim()
                })
            })
            .filter(|&run| after[..run].iter().map(|&i| lines[i].text.trim().chars().count()).sum::<usize>() >= 8);
        for &i in after.iter().take(longest.unwrap_or(0)) {
            lines[i].text = "";
            lines[i].fields.clear();
        }
        index = next;
    }
}

/// `3`, `- 3 -`, `—3—`, `第 3 页`, `第3页，共24页`, `3 / 24` (three digits at most: `2024` is a year).
fn is_page_number(text: &str) -> bool {
    let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let inner = compact.trim_matches(['-', '—', '–']);
    let digits = |s: &str| !s.is_empty() && s.len() <= 3 && s.bytes().all(|b| b.is_ascii_digit());
    let numbered_page = |s: &str| s.strip_prefix('第').and_then(|s| s.strip_suffix('页')).is_some_and(digits);
    digits(inner)
        || numbered_page(&compact)
        || compact.split_once(['，', ',']).is_some_and(|(page, of)| {
            numbered_page(page) && of.strip_prefix('共').and_then(|s| s.strip_suffix('页')).is_some_and(digits)
        })
        || compact.split_once('/').is_some_and(|(page, of)| digits(page) && digits(of))
}

/// Where a line of running text ends, in display columns, counting the single spaces in it as
/// half a column: the spaces around Latin words and figures in CJK text take about that room on
/// the page, so lines with many of them would seem to run further than they do.
fn reach(line: &Line) -> Option<usize> {
    let last = line.fields.last()?;
    let spaces: usize = line.fields.iter().map(|f| f.text.bytes().filter(|&b| b == b' ').count()).sum();
    Some(last.display.1.saturating_sub(spaces / 2))
}

/// The right margin of running text: the widest lines' [`reach`].
fn right_margin(lines: &[&Line]) -> usize {
    let mut widths: Vec<usize> = lines.iter().filter_map(|l| reach(l)).collect();
    crate::sorting::sort_by_key(&mut widths, |w| *w);
    widths.get(widths.len() * 9 / 10).copied().unwrap_or(0)
}

/// The left margin of running text: the column most lines start at (the page's margin in
/// rendered PDF text, none in `pdftotext` text).
fn left_margin(lines: &[&Line]) -> usize {
    let mut starts: Vec<usize> = lines.iter().filter_map(|l| l.fields.first().map(|f| f.display.0)).collect();
    crate::sorting::sort_by_key(&mut starts, |s| *s);
    let mut best = (0, 0);
    for run in starts.chunk_by(|a, b| a == b) {
        if run.len() > best.1 {
            best = (run[0], run.len());
        }
    }
    best.0
}

/// Joins running lines into paragraphs: a line continues the one before when that one ran to
/// the right margin and this one is not indented nor numbered; a line of punctuation only always continues.
pub(super) fn paragraphs(lines: &[&Line], out: &mut Vec<Block>) {
    let margin = right_margin(lines);
    let left = left_margin(lines);
    let mut current: Option<(String, Vec<Stretch>, Span)> = None;
    let flush = |current: &mut Option<(String, Vec<Stretch>, Span)>, out: &mut Vec<Block>| {
        if let Some((text, stretches, span)) = current.take() {
            out.push(Block::Paragraph {
                text,
                span,
                stretches: if stretches.len() > 1 { stretches } else { Vec::new() },
            });
        }
    };
    let mut previous: Option<&Line> = None;
    for line in lines {
        let trimmed = line.text.trim();
        if trimmed.is_empty() {
            continue;
        }
        let indent = line.fields.first().map_or(0, |f| f.display.0.saturating_sub(left));
        let punctuation_only =
            trimmed.chars().all(|c| matches!(c, '。' | '，' | '；' | '、' | '：' | '）' | ')' | '.' | '”'));
        // A numbered line (`15、`, `（二）`, `1.`) opens a paragraph of its own.
        let numbered = crate::labels::numbering(trimmed).is_some();
        // So does a table's title after a finished sentence and a blank line: the next table on
        // the page after an empty table's note (`注：…故本表为空表。`).
        let title_after_sentence = line.fields.len() <= 1
            && previous.is_some_and(|p| p.text.trim_end().ends_with('。') && line.number > p.number + 1)
            && form_of_title(trimmed).is_some();
        let continues = current.is_some()
            && !title_after_sentence
            && (punctuation_only
                || !numbered
                    && previous.is_some_and(|p| {
                        let full = reach(p).is_some_and(|end| end + 4 >= margin);
                        full && indent < 2 && line.fields.len() <= 1 && p.fields.len() <= 1
                    }));
        if !continues {
            flush(&mut current, out);
        }
        let leading = line.text.len() - line.text.trim_start().len();
        let byte_start = line.start + leading;
        let (text, stretches, span) = current.get_or_insert_with(|| {
            (
                String::new(),
                Vec::new(),
                Span { line_start: line.number, line_end: line.number, byte_start, byte_end: byte_start },
            )
        });
        reflow_into(line.number, byte_start, trimmed, text, stretches);
        *span = span.join(line_span(line));
        previous = Some(line);
    }
    flush(&mut current, out);
}

/// Appends a trimmed line, found at input byte `byte_start`, to a paragraph's text, dropping single
/// spaces next to CJK characters (letter-spacing, and the gaps PDF text puts around Latin
/// runs), and records where each verbatim stretch of the text comes from. A wider gap inside the
/// line parts two fields (`干部人事工作平稳有序      平稳有序`): it stays as it stands.
fn reflow_into(line_number: usize, byte_start: usize, line: &str, text: &mut String, stretches: &mut Vec<Stretch>) {
    let mut chars = line.char_indices().peekable();
    let mut previous: Option<char> = text.chars().last();
    let mut open = false;
    while let Some((at, c)) = chars.next() {
        let next = chars.peek().map(|&(_, n)| n);
        let in_gap = next == Some(' ') || previous == Some(' ');
        let drop = c == ' ' && !in_gap && (previous.is_some_and(is_wide) || next.is_some_and(is_wide));
        if drop {
            open = false;
            continue;
        }
        if !open {
            stretches.push(Stretch { text_at: text.len(), source_at: byte_start + at, line: line_number });
            open = true;
        }
        text.push(c);
        previous = Some(c);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::{Block, Stretch};
    use crate::layout::{blocks, is_layout_text};

    #[test]
    fn a_wide_gap_between_two_fields_of_running_text_stays() {
        // Two cells of a table pdftotext sets as a line of running text: the gap parts them, so
        // that no word is read as repeated across it.
        let text = "   一、绩效目标\n\n   干部人事工作平稳有序                                平稳有序\n";
        let paragraphs: Vec<String> = blocks(text)
            .into_iter()
            .filter_map(|b| if let Block::Paragraph { text, .. } = b { Some(text) } else { None })
            .collect();
        assert_eq!(
            paragraphs.last().map(String::as_str),
            Some("干部人事工作平稳有序                                平稳有序")
        );
    }

    #[test]
    fn running_text_is_reflowed_with_its_stretches() {
        let text = "   一、收入支出决算总体情况说明\n\n   本单位 2024 年度收入支出决算总计 307.82\n\n万元。与 2023 年度相比，收 入 支 出 总计增加\n\n307.82 万元。\n          科目编码   项目   金额   金额\n          201   一般   1.00   1.00\n          202   外交   1.00   1.00\n          203   国防   1.00   1.00\n          204   公安   1.00   1.00\n          205   教育   1.00   1.00\n";
        assert!(is_layout_text(text));
        let blocks = blocks(text);
        let paragraphs: Vec<(&str, &[Stretch])> = blocks
            .iter()
            .filter_map(|b| match b {
                Block::Paragraph { text, stretches, .. } => Some((text.as_str(), stretches.as_slice())),
                _ => None,
            })
            .collect();
        assert_eq!(paragraphs[0].0, "一、收入支出决算总体情况说明");
        assert_eq!(
            paragraphs[1].0,
            "本单位2024年度收入支出决算总计307.82万元。与2023年度相比，收入支出总计增加307.82万元。"
        );
        // Every byte of the reflowed text is the input's byte its stretch says.
        let (reflowed, stretches) = paragraphs[1];
        for (at, c) in reflowed.char_indices() {
            let source = crate::ingest::source_byte(stretches, at);
            assert!(text[source..].starts_with(c), "{c} at {at}");
        }
    }

    #[test]
    fn a_table_title_after_an_empty_table_s_note_is_a_paragraph_of_its_own() {
        // Two empty ruled tables on one page (as a workbook's sheets read after a paged narrative):
        // the second title is not read as the end of the first table's note.
        let table = |title: &str| {
            format!("{title}\n\n编制部门：某某局\t\t单位：元\n功能分类科目编码\t科目名称\t合计\n合计\n注：本部门2024年无此项预算，故本表为空表。\n\n\n")
        };
        let text = format!(
            "\x0c{}{}",
            table("2024年部门政府性基金预算支出功能分类预算表"),
            table("2024年部门国有资本经营预算支出功能分类预算表")
        );
        assert!(is_layout_text(&text));
        let paragraphs: Vec<String> = blocks(&text)
            .into_iter()
            .filter_map(|b| if let Block::Paragraph { text, .. } = b { Some(text) } else { None })
            .collect();
        assert!(paragraphs.iter().any(|t| t == "2024年部门国有资本经营预算支出功能分类预算表"), "{paragraphs:?}");
        assert_eq!(paragraphs.iter().filter(|t| t.starts_with('注')).count(), 2, "{paragraphs:?}");
    }

    #[test]
    fn text_a_page_repeats_from_the_page_before_is_read_once() {
        let text = "   2024年部门预算编制说明\n   财政拨款收入950.12万元，比2023年预算增加0.46万元，主要原因是机关事业单位退休\n人员活动费增加。\n\x0c人员活动费增加。\n   支出预算1,212.12万元。\n收入总计\t12,121,164\t支出总计\t12,121,164\n";
        assert!(is_layout_text(text));
        let paragraphs: Vec<String> = blocks(text)
            .iter()
            .filter_map(|b| match b {
                Block::Paragraph { text, .. } => Some(text.clone()),
                _ => None,
            })
            .collect();
        assert_eq!(paragraphs.iter().filter(|t| t.contains("人员活动费增加")).count(), 1, "{paragraphs:?}");
        assert!(paragraphs.iter().any(|t| t.contains("支出预算1,212.12万元")), "{paragraphs:?}");
    }

    #[test]
    fn page_numbers_and_running_headers_are_not_text() {
        for number in ["3", "- 3 -", "— 12 —", "第 3 页", "第3页，共24页", "3 / 24"] {
            assert!(is_page_number(number), "{number}");
        }
        for text in ["2024", "一、收入", "3.5", "第三部分"] {
            assert!(!is_page_number(text), "{text}");
        }
        let page = |n: usize| {
            format!("某某局 2024 年度部门决算\n   本单位收入合计 307.82 万元，支出合计 307.82 万元，其中基本支出 105.58\n万元。\n{}  科目编码   项目   金额   金额\n          201   一般   1.00   1.00\n          202   外交   1.00   1.00\n- {n} -\n", "")
        };
        let text = (1..=4).map(page).collect::<Vec<_>>().join("\x0c");
        assert!(is_layout_text(&text));
        let kept: Vec<String> = blocks(&text)
            .iter()
            .filter_map(|b| match b {
                Block::Paragraph { text, .. } => Some(text.clone()),
                _ => None,
            })
            .collect();
        assert!(kept.iter().all(|t| !t.contains("某某局") && !t.starts_with('-')), "{kept:?}");
        assert!(kept.iter().any(|t| t.contains("307.82万元")), "{kept:?}");
    }
}
