// Types of the hedui JS API. The report is docs/report-schema.md (schema_version 0.14.0).

/** What the WebAssembly module can be loaded from (default: hedui_wasm_bg.wasm next to hedui.js). */
export type ModuleSource = string | URL | Request | Response | BufferSource | WebAssembly.Module;

/** Loads the WebAssembly module; call (and await) once before anything else. */
export default function init(moduleOrPath?: ModuleSource | Promise<ModuleSource>): Promise<void>;
export { init };

/** Language of what the API writes itself: rule titles in `rules()` and error messages. */
export type Language = 'zh' | 'en';

/** Rule categories; `categories` selects which of them run. */
export type Category = 'table_arithmetic' | 'cross_table' | 'performance' | 'completeness' | 'form' | 'narrative';

export type Severity = 'error' | 'warning' | 'notice';

/** A file's bytes: UTF-8 (with or without a BOM) or UTF-16 LE/BE with a BOM. */
export type Bytes = Uint8Array | ArrayBuffer;

/** One of several documents checked together. `source` defaults to `input-1`, `input-2`, … */
export type DocumentInput = { source?: string; text: string; bytes?: never } | { source?: string; bytes: Bytes; text?: never };

/** A document's text or bytes, or several documents. */
export type Input = string | Bytes | DocumentInput[];

export interface Options {
  /** Default `'zh'`. The report always carries both `message` (zh) and `message_en`. */
  language?: Language;
  /** Only the rules of these categories run (default: all). Unknown names throw. */
  categories?: Category[];
  /** The document's name in the report (default `"input"`); for a single string or bytes input. */
  source?: string;
}

/**
 * Checks one document, or several together: the same report as `hedui check --format json`.
 * Throws an `Error` (message in `options.language`) for bad input, binary or non-UTF-8 bytes
 * and unknown options or categories.
 */
export function check(input: Input, options?: Options): CheckReport;

/** The rule catalogue in code order (only `options.categories`, when given). */
export function rules(options?: Pick<Options, 'language' | 'categories'>): RuleInfo[];

/** Decodes a file's bytes as `check()` does; throws for binary data and other encodings (GB18030: save as UTF-8). */
export function decode(bytes: Bytes, options?: Pick<Options, 'language' | 'source'>): string;

export interface RuleInfo {
  /** Stable code, e.g. `"T001"`. */
  code: string;
  /** Stable kebab-case name. */
  name: string;
  /** `title_zh` or `title_en`, as `options.language` asks. */
  title: string;
  title_zh: string;
  title_en: string;
  category: Category;
  /** Default severity of its findings (a rounding slip is always `notice`). */
  severity: Severity;
}

export interface CheckReport {
  schema_version: string;
  /** One per input document, in input order. */
  documents: DocumentReport[];
}

export type DocumentKind = 'final_accounts' | 'budget' | 'performance_self_evaluation';

export type Form =
  | 'income_expenditure_summary' | 'income' | 'expenditure' | 'fiscal_grant_summary'
  | 'general_budget_expenditure' | 'general_budget_basic_expenditure' | 'government_fund'
  | 'state_capital' | 'three_public_expenses' | 'performance_basic_data'
  | 'overall_performance' | 'project_performance'
  | 'budget_summary' | 'budget_income' | 'budget_expenditure' | 'budget_fiscal_grant_summary'
  | 'budget_general' | 'budget_government_fund' | 'budget_state_capital'
  | 'budget_basic_economic' | 'budget_three_public' | 'budget_project_goals';

export interface DocumentReport {
  /** `options.source` / the document's `source`; `"input"` by default. */
  source: string;
  kind: DocumentKind[];
  year: number | null;
  department: string | null;
  /** The `source` of each document checked with it that the rules comparing documents (Y) compared it with. */
  compared_with: string[];
  /** Recognised tables: form key, standard Chinese name, first line of the table body. */
  tables: { form: Form; form_name: string; line: number }[];
  stats: Stats;
  score: Score;
  /** The score and counts in words, in Chinese and English, as the web app and `<hedui-checker>` show them. */
  summary: { zh: SummaryLines; en: SummaryLines };
  /** Every relation that did not hold, ordered by line, then rule. */
  findings: Finding[];
}

/** A document's summary in one language. */
export interface SummaryLines {
  /** `质量评分 84.7（良）`, or why there is none (`质量评分：表格未识别，不评分`). */
  score: string;
  /** `已核对 450 项关系，23 项不一致，4 项尾数误差；另查规范性 921 项，30 项不符`. */
  checked: string;
  /** Which of a 决算's tables were not read; null when all were. */
  tables: string | null;
  /** `发现 8 个问题：错误 4，警告 1，提示 3`, `未发现问题。`, or that nothing could be checked. */
  findings: string;
}

/** `checked = held + rounding + broken`. */
export interface Counts {
  checked: number;
  held: number;
  rounding: number;
  broken: number;
}

/** Relations among figures (every category but `form`); the 规范性 checks are in `lint`. */
export interface Stats extends Counts {
  /** The 规范性 checks (category `form`), counted apart from the relations among figures. */
  lint: Counts;
  /** The nine 决算 tables and which were recognised; null when the document's kinds require none. */
  table_coverage: TableCoverage | null;
  /** Every category, `form` included. */
  by_category: Partial<Record<Category, Counts>>;
  by_rule: Record<string, Counts>;
  by_severity: Partial<Record<Severity, number>>;
  /** Figures stated in the narrative: found, bound to a table cell, checked by a rule. */
  claims: { found: number; bound: number; checked: number };
}

export interface TableCoverage {
  expected: number;
  recognised: number;
  /** The forms not recognised, in the order of the nine. */
  missing: { form: Form; form_name: string }[];
}

export type Grade = 'excellent' | 'good' | 'fair' | 'poor';

export interface Score {
  /** 0–100, one decimal; null when no category could be assessed, or when the document is a 部门决算 none of whose tables was recognised. */
  value: number | null;
  grade: Grade | null;
  /** Share (0–100) of the applicable categories' weight that was assessed. */
  coverage: number;
  grade_capped_by_coverage: boolean;
  categories: CategoryScore[];
}

export interface CategoryScore {
  category: Category;
  weight: number;
  applicable: boolean;
  assessed: boolean;
  counts: Counts;
  score: number | null;
  deductions: { rule: string; line: number; severity: Severity; points: number }[];
}

export interface Finding {
  rule: string;
  severity: Severity;
  category: Category;
  outcome: 'rounding' | 'broken';
  /** Chinese message naming both sides. */
  message: string;
  /** The same in English. */
  message_en: string;
  /** The figure as written in the document. */
  stated: string | null;
  /** What the other figures imply (`≤ 9.71`, `60.05%`). */
  expected: string | null;
  derivation: string;
  location: Location;
  /** The other figures of the relation, in the same document. */
  related: Location[];
  /** Figures of the relation in a companion document checked together (rules Y001–Y003). */
  related_documents: (Location & { source: string })[];
  /**
   * The correction, when the figures say what it is (report-schema.md, Diagnosis). The CLI's:
   * this package leaves the diagnosis out for its size, so its findings never carry one.
   */
  fix?: Fix;
  /**
   * For a finding of one cause (one wrong figure breaking several relations): the findings of
   * the relations it explains, as they would stand alone. The CLI's, like `fix`.
   */
  explains?: Finding[];
}

export interface Fix {
  /** `应改为 280.72`, or why no figure can be chosen (`无法判断哪个数字有误：…`). */
  message: string;
  message_en: string;
  /** `safe`: the only correction the figures allow (`hedui check --fix` applies it); `unsafe`: to be confirmed; `display`: shown only. */
  applicability: 'safe' | 'unsafe' | 'display';
  /** Replace the bytes `byte_start..byte_end` of the checked text (UTF-8) by `content`; empty for `display`. */
  edits: { byte_start: number; byte_end: number; content: string }[];
}

export interface Location {
  /** 1-based line of the input text. */
  line: number;
  table: string | null;
  row: string | null;
  column: string | null;
  /** Verbatim text of the cell (or sentence). */
  excerpt: string;
  /** Byte range in the input (UTF-8). */
  byte_start: number;
  byte_end: number;
}

/** `detail` of the `hedui-report` event that `<hedui-checker>` dispatches after each check. */
export type HeduiReportEvent = CustomEvent<CheckReport>;

declare global {
  interface HTMLElementEventMap {
    'hedui-report': HeduiReportEvent;
  }
}
