//! Every UI string, in Chinese (the default) and English. Rule messages come from core
//! (`message` / `message_en`); severity, category and grade names from their `zh()` / `en()`.

use hedui_core::finding::{Category, Severity};
use hedui_core::recognise::meta::DocumentKind;
use hedui_core::score::Grade;

/// The UI language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    Zh,
    En,
}

impl Lang {
    pub fn texts(self) -> &'static Texts {
        match self {
            Lang::Zh => &ZH,
            Lang::En => &EN,
        }
    }

    /// The `lang` attribute value.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        }
    }

    pub fn other(self) -> Lang {
        match self {
            Lang::Zh => Lang::En,
            Lang::En => Lang::Zh,
        }
    }

    pub fn pick<'a>(self, zh: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }

    pub fn severity(self, severity: Severity) -> &'static str {
        self.pick(severity.zh(), severity.en())
    }

    pub fn category(self, category: Category) -> &'static str {
        self.pick(category.zh(), category.en())
    }

    pub fn grade(self, grade: Grade) -> &'static str {
        self.pick(grade.zh(), grade.en())
    }

    pub fn kind(self, kind: DocumentKind) -> &'static str {
        self.pick(kind.zh(), kind.en())
    }
}

/// The strings of one language; formatted ones are functions.
pub struct Texts {
    /// The page's `<title>`.
    pub page_title: &'static str,
    pub title: &'static str,
    pub tagline: &'static str,
    pub switch_language: &'static str,
    pub input_label: &'static str,
    pub placeholder: &'static str,
    pub open_files: &'static str,
    pub drop_hint: &'static str,
    /// Over the page while files are dragged onto it.
    pub drop_here: &'static str,
    pub examples: &'static str,
    pub example_failed: &'static str,
    pub clear: &'static str,
    pub unsupported: fn(&str) -> String,
    /// A file that could not be read, and why (core's decoder says why, in this language).
    pub unreadable: fn(&str, &str) -> String,
    pub pane_source: &'static str,
    pub pane_document: &'static str,
    /// The page view of a PDF: its pages as published.
    pub pane_pages: &'static str,
    /// Where a PDF's finding is: `第 3 页`.
    pub page: fn(usize) -> String,
    /// A PDF being read: pages read, of how many (0 before the reader has started).
    pub pdf_progress: fn(usize, usize) -> String,
    /// The PDF reader itself failed (its module did not load, or stopped), with the browser's detail.
    pub pdf_crashed: fn(&str) -> String,
    pub documents: &'static str,
    pub close_document: &'static str,
    pub pasted_document: &'static str,
    pub tables_found: fn(usize) -> String,
    pub kind: &'static str,
    pub department: &'static str,
    pub year: &'static str,
    /// The documents of the same department a document was checked together with.
    pub compared_with: &'static str,
    pub unknown: &'static str,
    pub score: &'static str,
    pub coverage: fn(u32) -> String,
    pub not_assessed: &'static str,
    pub findings: &'static str,
    /// Above the reasons the files were not opened, when no document has a text.
    pub nothing_opened: &'static str,
    pub no_match: &'static str,
    pub filter_severity: &'static str,
    pub filter_category: &'static str,
    pub all_categories: &'static str,
    pub search: &'static str,
    pub stated: &'static str,
    pub expected: &'static str,
    pub derivation: &'static str,
    pub related: &'static str,
    pub in_other_document: &'static str,
    pub line: fn(usize) -> String,
    pub dismiss: &'static str,
    pub suggestion: &'static str,
    pub apply_fix: &'static str,
    pub apply_unsure_fix: &'static str,
    pub apply_all_fixes: fn(usize) -> String,
    pub undo_fix: &'static str,
    pub download_text: &'static str,
    pub export_failed: &'static str,
    pub dismiss_reason: &'static str,
    pub reason: &'static str,
    pub confirm: &'static str,
    pub cancel: &'static str,
    pub restore: &'static str,
    pub dismissed: fn(usize) -> String,
    pub export_json: &'static str,
    pub export_csv: &'static str,
    pub print: &'static str,
    pub empty: &'static str,
    pub empty_document: &'static str,
    pub unrecognised_table: &'static str,
    pub crashed_notice: &'static str,
    pub resume: &'static str,
    pub keyboard_hint: &'static str,
    /// The editor's buttons to the previous and next marked finding (Shift+F8, F8).
    pub previous_finding: &'static str,
    pub next_finding: &'static str,
    pub skip_to_findings: &'static str,
    pub csv_header: [&'static str; 16],
    /// The overview of several open documents: its caption and column headers (file, unit,
    /// kind, year, tables read, errors, warnings, score, checked together with).
    pub overview: &'static str,
    pub overview_header: [&'static str; 9],
}

pub const ZH: Texts = Texts {
    page_title: "核对 hedui — 预决算公开核对",
    title: "核对 hedui",
    tagline: "部门决算、部门预算、绩效自评报告核对 · 全部在本机浏览器中完成，不上传任何内容",
    switch_language: "English",
    input_label: "粘贴文档内容",
    placeholder: "在此粘贴部门决算、预算或绩效自评报告的文本，或将文件拖放到页面上……",
    open_files: "打开文件",
    drop_hint: "可拖放多个文件（.txt .md .csv .tsv .pdf .xlsx .xls .docx）",
    drop_here: "松开即可打开文件",
    examples: "示例文档：",
    example_failed: "无法载入示例文档",
    clear: "清除",
    unsupported: |name| format!("{name}：暂不支持该格式（目前支持 .txt .md .csv .tsv .pdf .xlsx .xls .docx）"),
    unreadable: |name, why| format!("{name}：无法读取，{why}"),
    pane_source: "原文",
    pane_document: "文档视图",
    pane_pages: "版面",
    page: |n| format!("第 {n} 页"),
    pdf_progress: |page, pages| {
        if pages == 0 {
            "正在读取文件…".to_string()
        } else {
            format!("正在读取 PDF：第 {page} / {pages} 页")
        }
    },
    pdf_crashed: |detail| format!("文件读取模块出错（{detail}），其他文档不受影响"),
    documents: "文档",
    close_document: "关闭文档",
    pasted_document: "粘贴的文档",
    tables_found: |n| format!("识别到 {n} 个表格"),
    kind: "类型",
    department: "部门",
    year: "年度",
    compared_with: "一并核对",
    unknown: "未识别",
    score: "质量评分",
    coverage: |c| format!("覆盖 {c}%"),
    not_assessed: "未评",
    findings: "发现的问题",
    nothing_opened: "没有可核对的文档：",
    no_match: "没有符合筛选条件的问题。",
    filter_severity: "严重程度",
    filter_category: "类别",
    all_categories: "全部类别",
    search: "搜索问题",
    stated: "所列数值",
    expected: "应为",
    derivation: "推算",
    related: "相关数值",
    in_other_document: "另一文件",
    line: |n| format!("第 {n} 行"),
    dismiss: "已确认无误",
    suggestion: "建议",
    apply_fix: "应用",
    apply_unsure_fix: "核实后应用",
    apply_all_fixes: |n| format!("应用全部安全修改（{n}）"),
    undo_fix: "撤销修改",
    download_text: "下载改正后的文本",
    export_failed: "无法导出 JSON：核对模块未能加载（请联网后重试）。",
    dismiss_reason: "理由（可选）",
    reason: "理由",
    confirm: "确认",
    cancel: "取消",
    restore: "恢复",
    dismissed: |n| format!("已确认无误（{n}）"),
    export_json: "导出 JSON",
    export_csv: "导出 CSV",
    print: "打印报告",
    empty: "粘贴文档内容或打开文件后，核对结果会显示在这里。",
    empty_document: "还没有内容。粘贴或打开文档后，这里按原样显示识别出的表格和章节。",
    unrecognised_table: "未识别的表格",
    crashed_notice: "上次核对时程序出错。你的输入已恢复，自动核对已暂停。",
    resume: "继续核对",
    keyboard_hint: "↑↓ 在问题间移动，回车定位到文档中的位置",
    previous_finding: "上一个问题",
    next_finding: "下一个问题",
    skip_to_findings: "跳到核对结果",
    csv_header: [
        "文件",
        "规则",
        "严重程度",
        "类别",
        "行",
        "页",
        "表",
        "行项目",
        "列",
        "所列数值",
        "应为",
        "问题",
        "Message",
        "推算",
        "已确认无误",
        "理由",
    ],
    overview: "打开的文档一览",
    overview_header: ["文件", "单位", "类型", "年度", "表格", "错误", "警告", "得分", "一并核对"],
};

pub const EN: Texts = Texts {
    page_title: "hedui — checks budget disclosures",
    title: "hedui 核对",
    tagline: "Checks Chinese budget disclosures (决算, 预算, 绩效自评) · everything runs in this browser; nothing is uploaded",
    switch_language: "中文",
    input_label: "Paste a document",
    placeholder: "Paste the text of a 部门决算, 预算 or 绩效自评报告 here, or drop files onto the page…",
    open_files: "Open files",
    drop_hint: "Drop one or more files (.txt .md .csv .tsv .pdf .xlsx .xls .docx)",
    drop_here: "Drop to open the files",
    examples: "Examples:",
    example_failed: "Could not load the example document",
    clear: "Clear",
    unsupported: |name| format!("{name}: this format is not supported yet (supported: .txt .md .csv .tsv .pdf .xlsx .xls .docx)"),
    unreadable: |name, why| format!("{name}: cannot read it, {why}"),
    pane_source: "Source",
    pane_document: "Document",
    pane_pages: "Pages",
    page: |n| format!("page {n}"),
    pdf_progress: |page, pages| if pages == 0 { "Reading the file…".to_string() } else { format!("Reading the PDF: page {page} of {pages}") },
    pdf_crashed: |detail| format!("the file reader failed ({detail}); other documents are not affected"),
    documents: "Documents",
    close_document: "Close document",
    pasted_document: "Pasted document",
    tables_found: |n| format!("{n} tables recognised"),
    kind: "Kind",
    department: "Department",
    year: "Year",
    compared_with: "Compared with",
    unknown: "not recognised",
    score: "Quality score",
    coverage: |c| format!("coverage {c}%"),
    not_assessed: "not assessed",
    findings: "Findings",
    nothing_opened: "No document to check:",
    no_match: "No findings match the filters.",
    filter_severity: "Severity",
    filter_category: "Category",
    all_categories: "All categories",
    search: "Search findings",
    stated: "Stated",
    expected: "Expected",
    derivation: "Derivation",
    related: "Related figures",
    in_other_document: "Other document",
    line: |n| format!("line {n}"),
    dismiss: "Confirmed correct",
    suggestion: "Suggestion",
    apply_fix: "Apply",
    apply_unsure_fix: "Check, then apply",
    apply_all_fixes: |n| format!("Apply all safe fixes ({n})"),
    undo_fix: "Undo fix",
    download_text: "Download the corrected text",
    export_failed: "The JSON report could not be exported: the checking module did not load (connect and try again).",
    dismiss_reason: "Reason (optional)",
    reason: "Reason",
    confirm: "Confirm",
    cancel: "Cancel",
    restore: "Restore",
    dismissed: |n| format!("Confirmed correct ({n})"),
    export_json: "Export JSON",
    export_csv: "Export CSV",
    print: "Print report",
    empty: "Paste a document or open files to see the results here.",
    empty_document: "Nothing yet. Once a document is pasted or opened, its tables and sections appear here.",
    unrecognised_table: "Unrecognised table",
    crashed_notice: "hedui failed while checking last time. Your input was restored; automatic checking is paused.",
    resume: "Resume checking",
    keyboard_hint: "↑↓ move between findings, Enter shows the place in the document",
    previous_finding: "Previous finding",
    next_finding: "Next finding",
    skip_to_findings: "Skip to the findings",
    csv_header: [
        "source",
        "rule",
        "severity",
        "category",
        "line",
        "page",
        "table",
        "row",
        "column",
        "stated",
        "expected",
        "message_zh",
        "message_en",
        "derivation",
        "dismissed",
        "reason",
    ],
    overview: "Open documents at a glance",
    overview_header: ["File", "Unit", "Kind", "Year", "Tables", "Errors", "Warnings", "Score", "Checked with"],
};
