// <hedui-checker>: paste or open a document, see what does not add up. Plain JS, no framework.
// Attributes: lang="zh|en" (default zh), categories="table_arithmetic cross_table …" (default all).
// Styling: --hedui-accent, --hedui-font, --hedui-bg, --hedui-fg, --hedui-muted, --hedui-border,
// --hedui-radius, --hedui-error, --hedui-warning, --hedui-notice, --hedui-input-height.
// Event: `hedui-report` (detail: the report of check()) after each check.
import { init, check, decode } from './hedui.js';

const TEXTS = {
  zh: {
    placeholder: '在此粘贴部门决算、部门预算或绩效自评报告全文（含表格），或拖入 .txt 文件',
    open: '打开文件…',
    idle: '粘贴文档后自动核对；全部在本机浏览器中完成，内容不会上传。',
    loading: '正在加载核对组件…',
    loadFailed: '核对组件加载失败：',
    severity: { error: '错误', warning: '警告', notice: '提示' },
    line: (line) => `第 ${line} 行`,
    finding: (finding) => finding.message,
  },
  en: {
    placeholder: 'Paste a 部门决算, 部门预算 or 绩效自评 report here (with its tables), or drop a .txt file',
    open: 'Open file…',
    idle: 'Checks as you paste; everything runs in this browser, nothing is uploaded.',
    loading: 'Loading the checker…',
    loadFailed: 'The checker could not load: ',
    severity: { error: 'error', warning: 'warning', notice: 'notice' },
    line: (line) => `line ${line}`,
    finding: (finding) => finding.message_en,
  },
};

/** Typing pauses this long (ms) before a check. */
const DEBOUNCE_MS = 250;

const CSS = `
:host { display: block; font-family: var(--hedui-font, system-ui, "PingFang SC", "Microsoft YaHei", sans-serif);
  color: var(--hedui-fg, #1f2328); background: var(--hedui-bg, #fff); border: 1px solid var(--hedui-border, #d0d7de);
  border-radius: var(--hedui-radius, 6px); padding: 12px; }
:host([hidden]) { display: none; }
textarea { box-sizing: border-box; width: 100%; height: var(--hedui-input-height, 12em); resize: vertical; font: 13px/1.5 ui-monospace, monospace;
  color: inherit; background: inherit; border: 1px solid var(--hedui-border, #d0d7de); border-radius: var(--hedui-radius, 6px); padding: 8px; }
textarea:focus { outline: 2px solid var(--hedui-accent, #b8322a); outline-offset: -1px; }
.bar { display: flex; gap: 12px; align-items: center; margin: 8px 0; flex-wrap: wrap; }
label.open { cursor: pointer; color: #fff; background: var(--hedui-accent, #b8322a); border-radius: var(--hedui-radius, 6px); padding: 4px 12px; font-size: 14px; }
label.open:focus-within { outline: 2px solid var(--hedui-fg, #1f2328); }
label.open input { position: absolute; opacity: 0; width: 1px; height: 1px; }
.status { color: var(--hedui-muted, #59636e); font-size: 13px; }
.error { color: var(--hedui-error, #c62828); margin: 8px 0; font-size: 14px; }
.score { margin: 8px 0; font-weight: 600; border-left: 4px solid var(--hedui-accent, #b8322a); padding-left: 8px; }
.score:empty { display: none; }
.coverage { margin: 8px 0; font-size: 14px; font-weight: 600; color: var(--hedui-warning, #b26a00); }
.coverage:empty { display: none; }
ol { list-style: none; margin: 0; padding: 0; max-height: var(--hedui-findings-height, 24em); overflow: auto; }
li { display: grid; grid-template-columns: auto auto 1fr auto; gap: 8px; align-items: baseline; padding: 6px 0;
  border-top: 1px solid var(--hedui-border, #d0d7de); font-size: 14px; }
.sev { font-size: 12px; font-weight: 600; border-radius: 3px; padding: 0 6px; color: #fff; }
[data-severity=error] .sev { background: var(--hedui-error, #c62828); }
[data-severity=warning] .sev { background: var(--hedui-warning, #b26a00); }
[data-severity=notice] .sev { background: var(--hedui-notice, #1565c0); }
.rule { font: 12px ui-monospace, monospace; color: var(--hedui-muted, #59636e); }
.line { font-size: 12px; color: var(--hedui-muted, #59636e); white-space: nowrap; }
button.message { font: inherit; color: inherit; text-align: start; background: none; border: 0; padding: 0; cursor: pointer; }
.derivation { grid-column: 3 / -1; margin: 0; font: 12px ui-monospace, monospace; color: var(--hedui-muted, #59636e); }
`;

let sheet;

/** The element's shared stylesheet: constructed, so a strict style-src CSP allows it. */
function styles() {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
  }
  return sheet;
}

function element(tag, attributes = {}, text = '') {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.textContent = text;
  return node;
}

/** `<hedui-checker>`: a paste area, a score line and the findings of the pasted document. */
export class HeduiChecker extends HTMLElement {
  static observedAttributes = ['lang', 'categories'];

  #input;
  #file;
  #openText;
  #status;
  #error;
  #score;
  #coverage;
  #list;
  #ready = false;
  #timer = 0;
  #report = null;
  #problem = '';

  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = [styles()];
    this.#input = element('textarea', { 'data-testid': 'hedui-input', part: 'input', spellcheck: 'false' });
    this.#file = element('input', { type: 'file', accept: '.txt,.md,.csv,.tsv,text/plain', 'data-testid': 'hedui-file' });
    const openLabel = element('label', { class: 'open', part: 'open' });
    this.#openText = element('span');
    openLabel.append(this.#openText, this.#file);
    this.#status = element('span', { class: 'status', 'data-testid': 'hedui-status', role: 'status' });
    this.#error = element('p', { class: 'error', 'data-testid': 'hedui-error', role: 'alert', hidden: '' });
    this.#coverage = element('p', { class: 'coverage', 'data-testid': 'hedui-coverage', part: 'coverage' });
    this.#score = element('p', { class: 'score', 'data-testid': 'hedui-score', part: 'score' });
    this.#list = element('ol', { 'data-testid': 'hedui-findings', part: 'findings' });
    const bar = element('div', { class: 'bar' });
    bar.append(openLabel, this.#status);
    root.append(this.#input, bar, this.#error, this.#coverage, this.#score, this.#list);

    this.#input.addEventListener('input', () => this.#schedule());
    this.#input.addEventListener('dragover', (event) => event.preventDefault());
    this.#input.addEventListener('drop', (event) => {
      const [file] = event.dataTransfer?.files ?? [];
      if (!file) return;
      event.preventDefault();
      this.#open(file);
    });
    this.#file.addEventListener('change', () => {
      const [file] = this.#file.files;
      this.#file.value = '';
      if (file) this.#open(file);
    });
  }

  connectedCallback() {
    this.#render();
    init().then(() => {
      this.#ready = true;
      this.#run();
    }, (error) => this.#fail(this.#texts.loadFailed + error.message));
  }

  disconnectedCallback() {
    clearTimeout(this.#timer);
  }

  attributeChangedCallback() {
    this.#render();
    if (this.#ready) this.#run();
  }

  /** The text in the paste area; setting it checks it at once. */
  get value() {
    return this.#input.value;
  }

  set value(text) {
    this.#input.value = text;
    if (this.#ready) this.#run();
  }

  /** The last report, or null. */
  get report() {
    return this.#report;
  }

  get #language() {
    return this.getAttribute('lang') === 'en' ? 'en' : 'zh';
  }

  get #texts() {
    return TEXTS[this.#language];
  }

  #options() {
    const options = { language: this.#language };
    const categories = this.getAttribute('categories');
    if (categories !== null) options.categories = categories.split(/[\s,]+/).filter(Boolean);
    return options;
  }

  #schedule() {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.#ready && this.#run(), DEBOUNCE_MS);
  }

  /** Reads a file through core's decoder; a file that is not text leaves the paste area as it was. */
  async #open(file) {
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      await init();
      this.#ready = true;
      this.#input.value = decode(bytes, { language: this.#language, source: file.name });
    } catch (error) {
      this.#fail(error.message);
      return;
    }
    this.#run();
  }

  #run() {
    clearTimeout(this.#timer);
    const text = this.#input.value;
    this.#problem = '';
    if (!text.trim()) {
      this.#report = null;
      this.#render();
      return;
    }
    try {
      this.#report = check(text, this.#options());
    } catch (error) {
      this.#fail(error.message);
      return;
    }
    this.#render();
    this.dispatchEvent(new CustomEvent('hedui-report', { detail: this.#report, bubbles: true, composed: true }));
  }

  /** Selects the text at a finding's location (UTF-8 byte offsets into the checked text); taking the focus scrolls to it. */
  #select({ byte_start: start, byte_end: end }) {
    const bytes = new TextEncoder().encode(this.#input.value);
    const at = (offset) => new TextDecoder().decode(bytes.subarray(0, offset)).length;
    this.#input.setSelectionRange(at(start), at(end));
    this.#input.blur();
    this.#input.focus();
  }

  #fail(message) {
    this.#problem = message;
    this.#report = null;
    this.#render();
  }

  #render() {
    const texts = this.#texts;
    this.#input.placeholder = texts.placeholder;
    this.#openText.textContent = texts.open;
    this.#error.textContent = this.#problem;
    this.#error.hidden = !this.#problem;
    const checked = this.#report?.documents[0];
    // The score and counts in words are the report's own (core writes them once for every face).
    const summary = checked?.summary[this.#language];
    this.#status.textContent = summary ? summary.checked : this.#ready || this.#problem ? texts.idle : texts.loading;
    // A 决算 whose tables were not all recognised says so first: its findings cover only those read.
    this.#coverage.textContent = summary?.tables ?? '';
    this.#score.textContent = summary ? summary.score : '';
    this.#list.replaceChildren(...(checked?.findings ?? []).map((finding) => {
      const item = element('li', { 'data-testid': 'hedui-finding', 'data-rule': finding.rule, 'data-severity': finding.severity, 'data-line': finding.location.line, part: 'finding' });
      // The message is a button: it selects what the finding points at in the paste area and
      // shows how the figures were compared.
      const message = element('button', { type: 'button', class: 'message', 'aria-expanded': 'false' }, texts.finding(finding));
      const derivation = element('p', { class: 'derivation', 'data-testid': 'hedui-derivation', hidden: '' }, finding.derivation);
      message.addEventListener('click', () => {
        derivation.hidden = false;
        message.setAttribute('aria-expanded', 'true');
        this.#select(finding.location);
      });
      item.append(
        element('span', { class: 'sev' }, texts.severity[finding.severity]),
        element('span', { class: 'rule' }, finding.rule),
        message,
        element('span', { class: 'line' }, texts.line(finding.location.line)),
        derivation,
      );
      return item;
    }));
    // No finding: `未发现问题。`, or that nothing could be checked (the report's words too).
    if (checked && checked.findings.length === 0) this.#list.append(element('li', { class: 'none' }, summary.findings));
  }
}

if (!customElements.get('hedui-checker')) customElements.define('hedui-checker', HeduiChecker);
