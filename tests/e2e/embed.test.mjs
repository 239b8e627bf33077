// The embed package in a mock 财政 portal: the JS API and <hedui-checker> agree with the CLI,
// under a strict CSP, with no request after the page's own files.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { env, appSession, screenshot, readCorpus } from './harness.mjs';

const PAGE = 'embed-example.html';
/** The sample the portal's button checks (dist/examples/). */
const SAMPLE = '001_1a1813143cd16474.txt';
const session = appSession();
let scratch;
let corpus;

before(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'hedui-embed-'));
  corpus = (await readdir(env.corpus)).filter((name) => name.endsWith('.txt')).sort();
  assert.equal(corpus.length, 5, 'the five corpus documents');
});

/**
 * The CLI's check report (`hedui check --format json --no-diagnosis`) for `bytes` saved as
 * `name`: the package leaves the diagnosis out for its size (docs/js-api.md).
 */
async function cliCheck(bytes, name) {
  const path = join(scratch, name);
  await writeFile(path, bytes);
  return JSON.parse(execFileSync(env.cli, ['check', '--format', 'json', '--fail-on', 'never', '--no-diagnosis', path], { encoding: 'utf8' }));
}

function utf16le(text) {
  return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
}

/** The report with each document's `source` set to `source`, to compare the element's ("input") with the CLI's (a path). */
function named(report, source) {
  return { ...report, documents: report.documents.map((document) => ({ ...document, source })) };
}

/**
 * Opens the portal page, recording CSP violations, page errors, requests and the `hedui-report`
 * events (in `window.heduiReports`); resolves once the element and the sample are ready.
 */
async function openPortal() {
  const context = await session.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  const requests = [];
  page.on('request', (request) => requests.push(request.url()));
  await page.addInitScript(() => {
    window.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => window.cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`));
    window.heduiReports = [];
    document.addEventListener('hedui-report', (event) => window.heduiReports.push(event.detail));
  });
  await page.goto(session.server.url + PAGE);
  await page.getByTestId('portal-check-sample').and(page.locator(':enabled')).waitFor();
  await page.getByTestId('hedui-status').filter({ hasText: '粘贴文档后自动核对' }).waitFor();
  await page.waitForLoadState('networkidle');
  return { context, page, errors, requests };
}

/** Waits for a `hedui-report` event whose first document has `expected`'s counts, and returns it. */
async function nextReport(page, expected) {
  const { checked, broken } = expected.documents[0].stats;
  const findings = expected.documents[0].findings.length;
  const handle = await page.waitForFunction(([checked, broken, findings]) => {
    const last = window.heduiReports.at(-1)?.documents[0];
    return last && last.stats.checked === checked && last.stats.broken === broken && last.findings.length === findings && window.heduiReports.at(-1);
  }, [checked, broken, findings], { timeout: 15_000 });
  return handle.jsonValue();
}

async function renderedFindings(page) {
  return page.getByTestId('hedui-finding').evaluateAll((items) => items.map((item) => `${item.dataset.line} ${item.dataset.rule} ${item.dataset.severity}`));
}

const keys = (report) => report.documents[0].findings.map((f) => `${f.location.line} ${f.rule} ${f.severity}`);


/** Rules over budget tables: the package leaves them out with the budget tables' reader, for its size (docs/js-api.md). */
const BUDGET_TABLE_RULES = ['N014', 'N015', 'T011', 'T012', 'T013', 'X009', 'X010', 'X011', 'X012', 'X013', 'X014', 'X015', 'X016', 'X017'];

/** The CLI's catalogue as the package has it: without the budget tables' rules. */
function embedCatalogue() {
  const catalogue = JSON.parse(execFileSync(env.cli, ['rules', '--format', 'json'], { encoding: 'utf8' }));
  assert.ok(BUDGET_TABLE_RULES.every((code) => catalogue.some((rule) => rule.code === code)), 'the CLI has every budget table rule');
  assert.ok(catalogue.some((rule) => rule.review), 'the CLI has the review rules');
  // The package leaves out the review rules (as `--no-diagnosis` does), and says nothing of them.
  return catalogue.filter((rule) => !BUDGET_TABLE_RULES.includes(rule.code) && !rule.review).map(({ review, ...rule }) => rule);
}

test('the portal checks each corpus document through the element and the API like the CLI, under its CSP, with no request after load', async () => {
  const { context, page, errors, requests } = await openPortal();
  const initial = [...requests];
  assert.ok(initial.every((url) => url.startsWith(session.server.url)), `only its own origin: ${initial}`);
  assert.ok(initial.some((url) => url.endsWith('/embed/hedui_wasm_bg.wasm')), 'the wasm module is loaded with the page');
  const input = page.getByTestId('hedui-input');

  for (const name of corpus) {
    const bytes = await readFile(join(env.corpus, name));
    const expected = await cliCheck(bytes, name);
    const text = bytes.toString('utf8');
    const before = await page.evaluate(() => window.heduiReports.length);
    if (name === '003_1cc174f46883e4ef.txt') {
      // Typed: the last line key by key, after the rest was pasted; the check waits for a pause.
      const cut = text.lastIndexOf('\n', text.length - 2) + 1;
      await input.fill(text.slice(0, cut));
      await input.pressSequentially(text.slice(cut), { delay: 5 });
    } else {
      await input.fill(text);
    }
    const report = await nextReport(page, expected);
    assert.deepEqual(named(report, name), named(expected, name), `${name}: the hedui-report event carries the CLI's report`);
    assert.equal(report.documents[0].source, 'input');
    assert.ok(await page.evaluate(() => window.heduiReports.length) > before);
    assert.deepEqual(await renderedFindings(page), keys(expected), `${name}: the findings listed`);
    const { score, stats } = expected.documents[0];
    const scoreLine = await page.getByTestId('hedui-score').textContent();
    const unscored = stats.table_coverage?.recognised === 0 ? '质量评分：表格未识别，不评分' : '质量评分：无可评项';
    assert.equal(scoreLine, score.value === null ? unscored : `质量评分 ${score.value.toFixed(1)}（${{ excellent: '优', good: '良', fair: '中', poor: '差' }[score.grade]}）`);
    // The relations among figures (with the 尾数误差 when any), then the 规范性 checks apart: the app's words.
    const rounding = stats.rounding ? `，${stats.rounding} 项尾数误差` : '';
    const lint = stats.lint.checked ? `；另查规范性 ${stats.lint.checked} 项，${stats.lint.rounding + stats.lint.broken} 项不符` : '';
    assert.equal(await page.getByTestId('hedui-status').textContent(), `已核对 ${stats.checked} 项关系，${stats.broken} 项不一致${rounding}${lint}`);
    assert.equal(await page.getByTestId('hedui-coverage').textContent(), '', `${name}: every table the document requires was read`);
    assert.equal(await input.inputValue(), text);

    const fromApi = await page.evaluate(async ([text, source]) => {
      const { check } = await import('./embed/hedui.js');
      return check(text, { source });
    }, [text, join(scratch, name)]);
    assert.deepEqual(fromApi, expected, `${name}: check() returns the CLI's report`);
  }
  await screenshot(page, 'embed-portal-element');

  // The portal's own use of the API: the bundled sample, checked from the bytes it fetched with the page.
  const sample = await cliCheck(await readFile(join(env.corpus, SAMPLE)), SAMPLE);
  assert.equal(await page.getByTestId('portal-counts').isVisible(), false, 'no counts before the click');
  await page.getByTestId('portal-check-sample').click();
  await page.getByTestId('portal-counts').waitFor();
  const { stats, score } = sample.documents[0];
  assert.equal(await page.getByTestId('portal-checked').textContent(), String(stats.checked));
  assert.equal(await page.getByTestId('portal-errors').textContent(), String(stats.by_severity.error ?? 0));
  assert.equal(await page.getByTestId('portal-warnings').textContent(), String(stats.by_severity.warning ?? 0));
  assert.equal(await page.getByTestId('portal-notices').textContent(), String(stats.by_severity.notice ?? 0));
  assert.equal(await page.getByTestId('portal-score').textContent(), score.value === null ? '无法评估' : score.value.toFixed(1));
  const catalogue = embedCatalogue();
  assert.equal(await page.getByTestId('portal-rules').textContent(), String(catalogue.length));
  const last = await page.evaluate(() => window.heduiReports.at(-1).documents[0].stats);
  assert.match(await page.getByTestId('portal-last-report').textContent(), new RegExp(`^最近一次核对：${last.checked} 项关系`));
  await screenshot(page, 'embed-portal-sample');

  assert.deepEqual(requests, initial, 'no request after the page and its files were loaded');
  assert.deepEqual(await page.evaluate(() => window.cspViolations), [], 'no CSP violation');
  assert.deepEqual(errors, []);
  await context.close();
});

test('rules() is the CLI catalogue but for the budget tables\' rules and the review rules; bad input and options throw clear errors in the chosen language', async () => {
  const { context, page, errors } = await openPortal();
  const catalogue = embedCatalogue();
  const result = await page.evaluate(async () => {
    const { check, rules, decode } = await import('./embed/hedui.js');
    const attempt = (f) => { try { f(); return 'no error'; } catch (error) { return `${error.constructor.name}: ${error.message}`; } };
    return {
      en: rules({ language: 'en' }),
      zh: rules(),
      narrative: rules({ categories: ['narrative'] }).map((rule) => rule.code),
      number: attempt(() => check(42)),
      numberEn: attempt(() => check(null, { language: 'en' })),
      category: attempt(() => check('合计', { categories: ['table_arithmetic', 'tables'], language: 'en' })),
      binary: attempt(() => check(new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x00, 0x01]), { source: 'a.pdf' })),
      document: attempt(() => check([{ source: 'a', text: 'x', bytes: new Uint8Array(1) }], { language: 'en' })),
      source: attempt(() => check([{ source: 7, text: 'x' }], { language: 'en' })),
      french: attempt(() => check('x', { language: 'fr' })),
      typo: attempt(() => check('x', { langage: 'en' })),
      rulesOption: attempt(() => rules({ language: 'en', source: 'a.txt' })),
      notAnObject: attempt(() => check('x', 'en')),
      categoriesString: attempt(() => rules({ categories: 'form' })),
      decodeText: attempt(() => decode('x', { language: 'en' })),
      unnamed: check([{ text: '合计' }, { source: 'b.txt', bytes: new TextEncoder().encode('合计').buffer }]).documents.map((d) => d.source),
    };
  });
  assert.deepEqual(result.en.map(({ title, ...rule }) => rule), catalogue.map(({ doc, ...rule }) => rule));
  assert.deepEqual(result.en.map((rule) => rule.title), catalogue.map((rule) => rule.title_en));
  assert.deepEqual(result.zh.map((rule) => rule.title), catalogue.map((rule) => rule.title_zh));
  assert.deepEqual(result.narrative, catalogue.filter((rule) => rule.category === 'narrative').map((rule) => rule.code));
  assert.equal(result.number, 'Error: 输入须为字符串、Uint8Array、ArrayBuffer，或 {source, text} / {source, bytes} 的数组');
  assert.equal(result.numberEn, 'Error: input must be a string, a Uint8Array, an ArrayBuffer, or an array of {source, text} / {source, bytes}');
  const categories = [...new Set(catalogue.map((rule) => rule.category))];
  assert.equal(result.category, `Error: unknown category: tables (known: ${categories.join(', ')})`);
  assert.equal(result.binary, 'Error: a.pdf：是二进制文件（如 PDF、Word、压缩包或图片），不是文本');
  assert.equal(result.document, 'Error: a: each document needs either text (a string) or bytes (a Uint8Array)');
  assert.equal(result.source, 'Error: source must be a string');
  assert.equal(result.french, "Error: language 须为 'zh' 或 'en' (language must be 'zh' or 'en')");
  assert.equal(result.typo, 'Error: 未知的选项：langage（可用：language、categories、source）');
  assert.equal(result.rulesOption, 'Error: unknown option: source (known: language, categories)');
  assert.equal(result.notAnObject, 'Error: options 须为对象 (options must be an object): { language, categories, source }');
  assert.equal(result.categoriesString, 'Error: categories 须为字符串数组');
  assert.equal(result.decodeText, 'Error: decode() takes a Uint8Array or an ArrayBuffer');
  assert.deepEqual(result.unnamed, ['input-1', 'b.txt'], 'unnamed documents are numbered; an ArrayBuffer is read');
  assert.deepEqual(errors, []);
  await context.close();
});

test('bad inputs get the CLI\'s result through the API; a module that stops is replaced and the next check works', async () => {
  const { context, page, errors } = await openPortal();
  const lf = await readCorpus('000_a60f2e9b14e82395.txt');
  const budget = await readCorpus('003_1cc174f46883e4ef.txt');
  const texts = {
    // The three inputs that panicked before checked arithmetic (issue #14).
    extreme: '预算5万元决算79228162514264337593543950335万元完成0%\n决算支出100万元，较上年增长79228162514264337593543950.335%\n',
    crOnly: lf.replace(/\n/g, '\r'),
    negatives: lf.replace('280.72', '(280.72)').replace('211.60', '—211.60').replace('69.12', '△69.12'),
  };
  const utf16WithoutBom = Buffer.from(budget, 'utf16le');
  const expected = {};
  for (const [name, text] of Object.entries(texts)) expected[name] = named(await cliCheck(text, `${name}.txt`), 'input');
  expected.utf16 = named(await cliCheck(utf16WithoutBom, 'utf16.txt'), 'input');
  const corpusReport = named(await cliCheck(lf, 'lf.txt'), 'input');

  const result = await page.evaluate(async ({ texts, utf16, lf }) => {
    const { check } = await import('./embed/hedui.js');
    const attempt = (f) => { try { f(); return 'no error'; } catch (error) { return `${error.constructor.name}: ${error.message}`; } };
    const reports = Object.fromEntries(Object.entries(texts).map(([name, text]) => [name, check(text)]));
    reports.utf16 = check(new Uint8Array(utf16));
    const pdf = attempt(() => check(new TextEncoder().encode('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n'), { source: 'a.txt' }));
    const xlsx = attempt(() => check(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 8, 0]), { source: 'b.xlsx', language: 'en' }));
    // The module runs out of memory: grown to its 4 GiB maximum behind its allocator's back,
    // it traps on the next large allocation.
    const exports = await (await import('./embed/hedui_wasm.js')).default();
    exports.memory.grow(65536 - exports.memory.buffer.byteLength / 65536);
    const stopped = attempt(() => check(lf.repeat(200)));
    const after = check(lf);
    return { reports, pdf, xlsx, stopped, after };
  }, { texts, utf16: [...utf16WithoutBom], lf });

  for (const name of Object.keys(expected)) assert.deepEqual(result.reports[name], expected[name], name);
  const facts = (report) => report.documents[0].findings.map((f) => `${f.rule} ${f.stated} ${f.expected}`).sort();
  assert.deepEqual(facts(result.reports.crOnly), facts(corpusReport), 'CR-only line endings read as lines');
  assert.ok(result.reports.extreme.documents[0].findings.some((f) => f.rule === 'L009'), 'figures beyond the checkable range are flagged');
  assert.ok(!result.reports.negatives.documents[0].findings.some((f) => f.rule === 'C001'), 'negatives are figures, not an empty table');
  assert.equal(result.pdf, 'Error: a.txt：是二进制文件（如 PDF、Word、压缩包或图片），不是文本');
  assert.equal(result.xlsx, 'Error: b.xlsx: an Excel or Word file, and this reads text only: open it in the hedui app or CLI, or save it as UTF-8 text or PDF');
  assert.match(result.stopped, /^Error: 核对中止（.+），核对模块已重新加载，可重试$/);
  assert.deepEqual(result.after, corpusReport, 'the next check, on a new instance, gives the report');
  assert.deepEqual(errors, []);
  await context.close();
});

test('lang="en" shows English, the CSS custom properties theme the element, and a finding clicked selects its text and shows its derivation', async () => {
  const { context, page, errors } = await openPortal();
  const score = page.getByTestId('hedui-score');
  const name = '000_a60f2e9b14e82395.txt';
  const text = await readCorpus(name);
  const expected = await cliCheck(Buffer.from(text), name);
  await page.getByTestId('hedui-input').fill(text);
  await nextReport(page, expected);
  // The portal's stylesheet sets --hedui-accent: #b3241c and its font.
  assert.equal(await score.evaluate((node) => getComputedStyle(node).borderLeftColor), 'rgb(179, 36, 28)');
  assert.match(await score.evaluate((node) => getComputedStyle(node).fontFamily), /^"PingFang SC"/);

  await page.locator('hedui-checker').evaluate((checker) => {
    checker.setAttribute('lang', 'en');
    checker.style.setProperty('--hedui-accent', 'rgb(0, 90, 60)');
    checker.style.setProperty('--hedui-font', 'Georgia, serif');
    checker.style.setProperty('--hedui-error', 'rgb(200, 0, 100)');
  });
  const { stats, score: value, findings } = expected.documents[0];
  await page.getByTestId('hedui-status').filter({ hasText: `${stats.checked} relations checked, ${stats.broken} inconsistent` }).waitFor();
  assert.equal(await score.textContent(), `Quality score ${value.value.toFixed(1)} (${value.grade})`);
  const first = page.getByTestId('hedui-finding').first();
  assert.equal(await first.locator('.message').textContent(), findings[0].message_en);
  assert.equal(await first.locator('.line').textContent(), `line ${findings[0].location.line}`);
  // A finding is a button: it selects the text it points at in the paste area and shows its derivation.
  assert.equal(await first.getByTestId('hedui-derivation').isVisible(), false);
  await first.locator('button.message').click();
  assert.equal(await first.getByTestId('hedui-derivation').textContent(), findings[0].derivation);
  assert.equal(await first.locator('button.message').getAttribute('aria-expanded'), 'true');
  const selected = await page.getByTestId('hedui-input').evaluate((input) => input.value.slice(input.selectionStart, input.selectionEnd));
  assert.equal(selected, findings[0].location.excerpt);
  assert.ok(await page.getByTestId('hedui-input').evaluate((input) => input.matches(':focus')), 'the paste area has the focus');
  const error = page.locator(`[data-testid=hedui-finding][data-severity=error] .sev`).first();
  assert.equal(await error.textContent(), 'error');
  assert.equal(await error.evaluate((node) => getComputedStyle(node).backgroundColor), 'rgb(200, 0, 100)');
  assert.equal(await score.evaluate((node) => getComputedStyle(node).borderLeftColor), 'rgb(0, 90, 60)');
  assert.match(await score.evaluate((node) => getComputedStyle(node).fontFamily), /^Georgia/);
  assert.match(await page.getByTestId('hedui-input').getAttribute('placeholder'), /^Paste a /);
  await screenshot(page, 'embed-portal-english');
  assert.deepEqual(await page.evaluate(() => window.cspViolations), []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the example page shows the two ways to embed as code, each copied by its button', async () => {
  const { context, page, errors } = await openPortal();
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  for (const [code, button, expected] of [
    ['portal-code-element', 'portal-copy-element', /<script type="module" src="\.\/embed\/hedui-checker\.js"><\/script>\n<hedui-checker lang="zh"><\/hedui-checker>/],
    ['portal-code-api', 'portal-copy-api', /^import init, \{ check \} from '\.\/embed\/hedui\.js';[\s\S]*check\(text/],
  ]) {
    const shown = await page.getByTestId(code).textContent();
    assert.match(shown, expected);
    await page.getByTestId(button).click();
    await page.getByTestId(button).filter({ hasText: '已复制' }).waitFor();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), shown);
  }
  assert.deepEqual(await page.evaluate(() => window.cspViolations), []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a 决算 whose tables were not read: the element says so above the score, and gives none', async () => {
  const { context, page, errors } = await openPortal();
  const name = 'final_accounts_narrative.txt';
  const bytes = await readFile(new URL(`../../crates/core/tests/fixtures/national/${name}`, import.meta.url));
  const expected = await cliCheck(bytes, name);
  const { stats, score } = expected.documents[0];
  assert.equal(stats.table_coverage.recognised, 0);
  assert.equal(score.value, null);
  await page.getByTestId('hedui-input').fill(bytes.toString('utf8'));
  await nextReport(page, expected);
  assert.equal(await page.getByTestId('hedui-coverage').textContent(), '识别到 0 / 9 张表：表内、表间勾稽未核对');
  assert.equal(await page.getByTestId('hedui-score').textContent(), '质量评分：表格未识别，不评分');
  assert.equal(await page.getByTestId('hedui-status').textContent(),
    `已核对 ${stats.checked} 项关系，${stats.broken} 项不一致；另查规范性 ${stats.lint.checked} 项，${stats.lint.rounding + stats.lint.broken} 项不符`);
  await screenshot(page, 'embed-tables-not-read');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a text with nothing to check: the element says so in the report\'s words, not 未发现问题', async () => {
  const { context, page, errors } = await openPortal();
  const text = '这是一段与预决算无关的文字，没有表格，也没有数字。\n';
  const expected = await cliCheck(Buffer.from(text), 'plain.txt');
  const { summary, findings, stats } = expected.documents[0];
  assert.deepEqual([findings.length, stats.checked], [0, 0]);
  assert.match(summary.zh.findings, /^未能核对：/);
  await page.getByTestId('hedui-input').fill(text);
  await nextReport(page, expected);
  assert.equal(await page.locator('hedui-checker li.none').textContent(), summary.zh.findings);
  assert.deepEqual(errors, []);
  await context.close();
});

test('files: UTF-16 and UTF-8 with a BOM read like the text; a binary file shows why and keeps what was typed', async () => {
  const { context, page, errors, requests } = await openPortal();
  const initial = requests.length;
  const file = page.getByTestId('hedui-file');
  const input = page.getByTestId('hedui-input');

  const utf16Name = '003_1cc174f46883e4ef.txt';
  const utf16Text = await readCorpus(utf16Name);
  const utf16Expected = await cliCheck(utf16le(utf16Text), `utf16-${utf16Name}`);
  assert.deepEqual(named(utf16Expected, 'x'), named(await cliCheck(Buffer.from(utf16Text), utf16Name), 'x'), 'the CLI reads UTF-16 like UTF-8');
  await file.setInputFiles({ name: utf16Name, mimeType: 'text/plain', buffer: utf16le(utf16Text) });
  assert.deepEqual(named(await nextReport(page, utf16Expected), 'x'), named(utf16Expected, 'x'));
  assert.equal(await input.inputValue(), utf16Text);

  const bomText = await readCorpus(SAMPLE);
  const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(bomText)]);
  const bomExpected = await cliCheck(withBom, `bom-${SAMPLE}`);
  await file.setInputFiles({ name: SAMPLE, mimeType: 'text/plain', buffer: withBom });
  assert.deepEqual(named(await nextReport(page, bomExpected), 'x'), named(bomExpected, 'x'));
  assert.equal(await input.inputValue(), bomText, 'the BOM is dropped');

  const typed = `${bomText}\n补充说明：本表无其他事项。`;
  await input.fill(typed);
  const reports = await page.evaluate(() => window.heduiReports.length);
  await file.setInputFiles({ name: 'scan.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7\n%\xe2\xe3\n1 0 obj\n\0\0\x01', 'latin1') });
  const message = page.getByTestId('hedui-error');
  await message.waitFor();
  assert.equal(await message.textContent(), 'scan.pdf：是二进制文件（如 PDF、Word、压缩包或图片），不是文本');
  assert.equal(await input.inputValue(), typed, 'the text typed is kept');
  assert.equal(await page.getByTestId('hedui-finding').count(), 0, 'no stale findings under the message');

  await page.locator('hedui-checker').evaluate((checker) => checker.setAttribute('lang', 'en'));
  await file.setInputFiles({ name: 'budget-gbk.txt', mimeType: 'text/plain', buffer: Buffer.from([0xba, 0xcf, 0xbc, 0xc6, 0x20, 0x31, 0x32]) });
  await message.filter({ hasText: 'budget-gbk.txt: not UTF-8 text; save GB18030/GBK and other encodings as UTF-8 first' }).waitFor();
  assert.equal(await input.inputValue(), typed);
  await screenshot(page, 'embed-portal-binary');
  // The typed text is checked again once the language changed; editing it clears the message.
  await input.press('End');
  await input.press('Enter');
  await message.waitFor({ state: 'hidden' });
  assert.ok(await page.evaluate(() => window.heduiReports.length) > reports);

  // Bytes through the API: UTF-16 BE with its BOM.
  const fromApi = await page.evaluate(async (text) => {
    const { check } = await import('./embed/hedui.js');
    const units = [0xfe, 0xff];
    for (let i = 0; i < text.length; i++) units.push(text.charCodeAt(i) >> 8, text.charCodeAt(i) & 0xff);
    return check(new Uint8Array(units), { source: 'be.txt' });
  }, utf16Text);
  assert.deepEqual(named(fromApi, 'x'), named(utf16Expected, 'x'));
  assert.equal(requests.length, initial, 'files are read in the page');
  assert.deepEqual(await page.evaluate(() => window.cspViolations), []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the package: package.json, types, and a clear error before init()', async () => {
  const manifest = JSON.parse(await readFile(join(env.dist, 'embed/package.json'), 'utf8'));
  const cargo = await readFile(new URL('../../Cargo.toml', import.meta.url), 'utf8');
  assert.equal(manifest.name, 'hedui');
  assert.equal(manifest.version, cargo.match(/\[workspace\.package\]\nversion = "([^"]+)"/)[1]);
  assert.equal(manifest.type, 'module');
  assert.deepEqual(manifest.exports['.'], { types: './hedui.d.ts', default: './hedui.js' });
  for (const file of manifest.files) await readFile(join(env.dist, 'embed', file));
  const types = await readFile(join(env.dist, 'embed/hedui.d.ts'), 'utf8');
  assert.match(types, /export function check\(input: Input, options\?: Options\): CheckReport;/);

  const context = await session.browser.newContext();
  const page = await context.newPage();
  await page.goto(session.server.url + 'embed/package.json');
  const result = await page.evaluate(async (text) => {
    const hedui = await import('./hedui.js');
    let before;
    try { hedui.check(text); } catch (error) { before = error.message; }
    await hedui.default();
    return { before, checked: hedui.check(text).documents[0].stats.checked };
  }, await readCorpus(SAMPLE));
  const expected = await cliCheck(Buffer.from(await readCorpus(SAMPLE)), SAMPLE);
  assert.equal(result.before, 'hedui 尚未加载：请先 await init()');
  assert.equal(result.checked, expected.documents[0].stats.checked);
  await context.close();
});
