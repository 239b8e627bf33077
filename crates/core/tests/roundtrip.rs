//! Property: a well-formed 收入决算表, rendered to text with random damage (thousands
//! separators, OCR spacing, full-width digits, bold tags, nothing markers, split or merged
//! codes, rows spread one cell per line, page breaks with repeated headers), parses back
//! to the same values.

use hedui_core::model::TableModel;
use hedui_core::recognise::Form;
use proptest::prelude::*;

const COLUMNS: [&str; 3] = ["本年收入合计", "财政拨款收入", "其他收入"];
const NAMES: [&str; 4] = ["一般公共服务支出", "行政运行", "其他政府办公厅（室）及相关机构事务支出", "住房公积金"];

/// A displayed number: integer `units` with `decimals` digits after the point.
#[derive(Debug, Clone, Copy)]
struct Shown {
    units: u64,
    decimals: u32,
}

impl Shown {
    fn plain(self) -> String {
        let scale = 10u64.pow(self.decimals);
        let (int, frac) = (self.units / scale, self.units % scale);
        if self.decimals == 0 {
            int.to_string()
        } else {
            format!("{int}.{frac:0width$}", width = self.decimals as usize)
        }
    }
}

#[derive(Debug, Clone, Copy)]
enum NumberDamage {
    Plain,
    Thousands,
    OcrSpaces,
    FullWidth,
    Bold,
}

#[derive(Debug, Clone, Copy)]
enum CodeLayout {
    Separate,
    SplitBySpaces,
    MergedWithName,
}

#[derive(Debug, Clone)]
struct Line {
    code: String,
    name: &'static str,
    values: [Option<(Shown, NumberDamage)>; 3],
    nothing: [usize; 3],
    layout: CodeLayout,
    page_break_before: bool,
    one_cell_per_line: bool,
}

fn thousands(int: &str, separator: &str) -> String {
    let digits: Vec<char> = int.chars().collect();
    let mut out = String::new();
    for (i, c) in digits.iter().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push_str(separator);
        }
        out.push(*c);
    }
    out
}

fn render_number(shown: Shown, damage: NumberDamage) -> String {
    let plain = shown.plain();
    let (int, frac) = match plain.split_once('.') {
        Some((i, f)) => (i.to_string(), Some(f.to_string())),
        None => (plain.clone(), None),
    };
    match damage {
        NumberDamage::Plain => plain,
        NumberDamage::Thousands => thousands(&int, ",") + &frac.map(|f| format!(".{f}")).unwrap_or_default(),
        NumberDamage::OcrSpaces => thousands(&int, ", ") + &frac.map(|f| format!(". {f}")).unwrap_or_default(),
        NumberDamage::FullWidth => plain
            .chars()
            .map(|c| match c {
                '0'..='9' => char::from_u32(c as u32 - '0' as u32 + '０' as u32).unwrap_or(c),
                '.' => '．',
                _ => c,
            })
            .collect(),
        NumberDamage::Bold => format!("<b>{plain}</b>"),
    }
}

fn render_code(code: &str, layout: CodeLayout) -> String {
    match layout {
        CodeLayout::SplitBySpaces if code.len() > 3 => {
            let mut out = code[..3].to_string();
            for chunk in code.as_bytes()[3..].chunks(2) {
                out.push(' ');
                out.push_str(std::str::from_utf8(chunk).expect("ascii"));
            }
            out
        }
        _ => code.to_string(),
    }
}

const HEADER: &str = "项目\t\t本年收入合计\t财政拨款收入\t其他收入\n科目代码\t科目名称\t\t\t\n";
const NOTHING: [&str; 4] = ["", "-", "—", "——"];

fn render(lines: &[Line]) -> String {
    let mut text = format!("收入决算表\n\n公开02表\n单位：万元\n\n{HEADER}栏次\t\t1\t2\t3\n");
    for line in lines {
        if line.page_break_before {
            text.push_str(&format!("\n- 2 -\n\n{HEADER}"));
        }
        let code = render_code(&line.code, line.layout);
        let mut cells = match line.layout {
            CodeLayout::MergedWithName => vec![format!("{code} {}", line.name)],
            _ => vec![code, line.name.to_string()],
        };
        for (value, nothing) in line.values.iter().zip(line.nothing) {
            cells.push(match value {
                Some((shown, damage)) => render_number(*shown, *damage),
                None => NOTHING[nothing].to_string(),
            });
        }
        if line.one_cell_per_line {
            text.push('\n');
            for cell in &cells {
                text.push_str(&format!("\t{cell}\n"));
            }
            text.push('\n');
        } else {
            text.push_str(&cells.join("\t"));
            text.push('\n');
        }
    }
    text
}

fn code() -> impl Strategy<Value = String> {
    (201u32..=234, 1u32..=99, 1u32..=99, 0usize..3).prop_map(|(class, section, item, level)| match level {
        0 => format!("{class}"),
        1 => format!("{class}{section:02}"),
        _ => format!("{class}{section:02}{item:02}"),
    })
}

fn shown() -> impl Strategy<Value = Shown> {
    (0u64..10_000_000_000, 0u32..=2).prop_map(|(units, decimals)| Shown { units, decimals })
}

fn damage() -> impl Strategy<Value = NumberDamage> {
    prop_oneof![
        Just(NumberDamage::Plain),
        Just(NumberDamage::Thousands),
        Just(NumberDamage::OcrSpaces),
        Just(NumberDamage::FullWidth),
        Just(NumberDamage::Bold),
    ]
}

fn line() -> impl Strategy<Value = Line> {
    (
        code(),
        prop::sample::select(NAMES.to_vec()),
        [
            prop::option::weighted(0.8, (shown(), damage())),
            prop::option::weighted(0.8, (shown(), damage())),
            prop::option::weighted(0.8, (shown(), damage())),
        ],
        [0usize..4, 0usize..4, 0usize..4],
        prop_oneof![Just(CodeLayout::Separate), Just(CodeLayout::SplitBySpaces), Just(CodeLayout::MergedWithName)],
        prop::bool::weighted(0.15),
        prop::bool::weighted(0.2),
    )
        .prop_map(|(code, name, values, nothing, layout, page_break_before, one_cell_per_line)| Line {
            code,
            name,
            values,
            nothing,
            layout,
            page_break_before,
            one_cell_per_line,
        })
}

fn unique_lines() -> impl Strategy<Value = Vec<Line>> {
    prop::collection::vec(line(), 1..12).prop_map(|mut lines| {
        let mut seen = std::collections::HashSet::new();
        lines.retain(|l| seen.insert(l.code.clone()));
        lines
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn damaged_tables_parse_back_to_the_same_values(lines in unique_lines()) {
        let text = render(&lines);
        let report = hedui_core::parse("generated", &text);
        prop_assert_eq!(report.stats.tables, 1, "{}", text);
        let table = report.tables.iter().find(|t| t.form == Form::Income).expect("收入决算表 recognised");
        let TableModel::Classified(model) = &table.model else { panic!("classified model") };
        prop_assert_eq!(model.rows.len(), lines.len(), "{}", text);
        for (line, row) in lines.iter().zip(&model.rows) {
            prop_assert_eq!(&row.key, &line.code);
            prop_assert_eq!(row.label.as_str(), hedui_core::labels::norm(line.name));
            for (column, value) in COLUMNS.iter().zip(&line.values) {
                let parsed = row.values.get(*column).map(|a| (a.number.value.to_string(), a.number.decimals));
                let expected = value.map(|(shown, _)| (shown.plain(), shown.decimals));
                prop_assert_eq!(parsed, expected, "{} {}\n{}", line.code, column, text);
            }
        }
        prop_assert!(report.coverage.unplaced_cells.is_empty(), "{:?}", report.coverage.unplaced_cells);
    }
}
