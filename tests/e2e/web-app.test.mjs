// The web app as accountants use it: paste, see findings in place, dismiss, export, switch language, drop files.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { env, appSession, openApp as openAppOf, screenshot, readCorpus } from './harness.mjs';

const DOC = '000_a60f2e9b14e82395.txt';
const SMALL_DOC = '001_1a1813143cd16474.txt';
/** In 03 支出决算表 the 合计 row's 基本支出 moves from 211.60 to 211.90: its row sum and 01↔03 break. */
const DAMAGED_LINE = 129;
const session = appSession();
let scratch;

before(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'hedui-web-'));
});

/** The CLI's check report for `text` (the reference the app must agree with, its diagnosis included). */
async function cliCheck(text, name = 'doc.txt') {
  const path = join(scratch, name);
  await writeFile(path, text);
  const report = JSON.parse(execFileSync(env.cli, ['check', '--format', 'json', '--fail-on', 'never', path], { encoding: 'utf8' }));
  return report.documents[0];
}

async function damaged000() {
  const lines = (await readCorpus(DOC)).split('\n');
  assert.match(lines[DAMAGED_LINE - 1], /^合计\t\t280\.72\t211\.60\t69\.12/);
  lines[DAMAGED_LINE - 1] = lines[DAMAGED_LINE - 1].replace('211.60', '211.90');
  return lines.join('\n');
}

const openApp = (options = {}) => openAppOf(session, { acceptDownloads: true, ...options });

async function paste(page, text) {
  await page.getByTestId('pane-source').click();
  await page.getByTestId('input').fill(text);
}

/** Waits until the results show `report`'s relation count and the diagnosis, then returns the rendered findings. */
async function waitForResults(page, report, lang = 'zh') {
  const checked = lang === 'zh'
    ? `已核对 ${report.stats.checked} 项关系，${report.stats.broken} 项不一致`
    : `${report.stats.checked} relations checked, ${report.stats.broken} inconsistent`;
  await page.getByTestId('checked').filter({ hasText: checked }).waitFor({ timeout: 10_000 });
  await page.locator('.results[data-diagnosed=true]').waitFor({ timeout: 10_000 });
  return page.getByTestId('finding').evaluateAll((items) => items.map((item) => ({
    rule: item.dataset.rule, severity: item.dataset.severity, line: Number(item.dataset.line),
  })));
}

/** Opens the app with the damaged 000 pasted and its results shown, and the CLI's report of it. */
async function openWithDamaged000() {
  const text = await damaged000();
  const expected = await cliCheck(text);
  const app = await openApp();
  await paste(app.page, text);
  await waitForResults(app.page, expected);
  return { ...app, text, expected };
}

const key = (f) => `${f.line} ${f.rule} ${f.severity}`;

test('pasting 000 shows what the CLI checked, its facts and its score', async () => {
  const text = await readCorpus(DOC);
  const expected = await cliCheck(text);
  const { context, page, errors, requests } = await openApp();
  await paste(page, text);
  const findings = await waitForResults(page, expected);
  assert.equal(findings.length, expected.findings.length);
  assert.equal(await page.getByTestId('department').textContent(), expected.department);
  assert.equal(await page.getByTestId('year').textContent(), String(expected.year));
  assert.equal(await page.getByTestId('kind').textContent(), '部门决算 + 绩效自评');
  if (expected.score.value === null) {
    assert.equal(await page.getByTestId('score').count(), 0, 'no score is shown when the report has none');
  } else {
    assert.match(await page.getByTestId('score').textContent(), new RegExp(expected.score.value.toFixed(1).replace('.', '\\.')));
  }
  for (const severity of ['error', 'warning', 'notice']) {
    const count = expected.stats.by_severity[severity] ?? 0;
    assert.match(await page.getByTestId(`count-${severity}`).textContent(), new RegExp(`${count}$`));
  }
  const { lint } = expected.stats;
  assert.ok(lint.checked > 0);
  assert.match(await page.getByTestId('checked').textContent(), new RegExp(`；另查规范性 ${lint.checked} 项，${lint.rounding + lint.broken} 项不符$`), 'the 规范性 checks are counted apart');
  assert.equal(await page.getByTestId('table-coverage').count(), 0, 'all nine tables were read: no coverage line');
  // Two table places that disagree: the other figure is labelled with its place, not 应为.
  const index = expected.findings.findIndex((f) => f.expected !== null && f.related.length === 1 && f.related[0].table !== null);
  assert.ok(index >= 0, '000 has a finding between two table places');
  const other = expected.findings[index].related[0];
  const labels = await page.locator(`[data-testid=finding][data-index="${index}"] .sides dt`).allTextContents();
  assert.deepEqual(labels, ['所列数值', [`第 ${other.line} 行`, other.table, other.row, other.column].filter(Boolean).join(' · ')]);
  await screenshot(page, 'web-000-pasted');
  await page.getByTestId('pane-document').click();
  await page.getByTestId('doc-view').locator('caption', { hasText: '收入支出决算总表' }).first().waitFor();
  assert.ok(await page.getByTestId('doc-view').locator('table').count() >= expected.tables.length);
  await screenshot(page, 'web-000-document');
  assert.deepEqual(errors, []);
  assert.deepEqual(requests.filter((url) => !url.startsWith(session.server.url)), [], 'no request leaves the page');
  await context.close();
});

test('a 决算 whose tables were not read says so first and shows no score', async () => {
  const text = await readFile(new URL('../../crates/core/tests/fixtures/national/final_accounts_narrative.txt', import.meta.url), 'utf8');
  const expected = await cliCheck(text);
  assert.equal(expected.stats.table_coverage.recognised, 0);
  assert.equal(expected.score.value, null);
  const { context, page, errors } = await openApp();
  await paste(page, text);
  await waitForResults(page, expected);
  const coverage = page.getByTestId('table-coverage');
  assert.equal(await coverage.textContent(), '识别到 0 / 9 张表：表内、表间勾稽未核对');
  assert.ok(await coverage.evaluate((node) => node === node.parentElement.firstElementChild), 'the coverage line comes first');
  assert.equal(await page.getByTestId('score').count(), 0);
  assert.equal(await page.getByTestId('score-withheld').textContent(), '质量评分：表格未识别，不评分');
  const { stats } = expected;
  assert.equal(await page.getByTestId('checked').textContent(),
    `已核对 ${stats.checked} 项关系，${stats.broken} 项不一致；另查规范性 ${stats.lint.checked} 项，${stats.lint.rounding + stats.lint.broken} 项不符`);
  await screenshot(page, 'web-tables-not-read');
  await page.getByTestId('language').click();
  await coverage.filter({ hasText: '0 of 9 tables recognised: table arithmetic and cross-table relations not checked' }).waitFor();
  assert.equal(await page.getByTestId('score-withheld').textContent(), 'Quality score: tables not recognised, not scored');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a damaged total: findings match the CLI, clicking one highlights its cell in view, and back', async () => {
  const text = await damaged000();
  const expected = await cliCheck(text);
  assert.ok(expected.findings.length >= 2, `the damage should break at least two relations, got ${expected.findings.length}`);
  const { context, page, errors } = await openApp();
  await paste(page, text);
  const findings = await waitForResults(page, expected);
  assert.deepEqual(findings.map(key).sort(), expected.findings.map((f) => key({ ...f, line: f.location.line })).sort());

  const target = expected.findings.find((f) => f.location.line === DAMAGED_LINE);
  assert.ok(target, 'a finding sits on the damaged line');
  await page.locator(`[data-testid=finding][data-line="${DAMAGED_LINE}"][data-rule="${target.rule}"]`).first().click();
  const highlight = page.getByTestId('highlight');
  await highlight.waitFor();
  assert.equal(await highlight.count(), 1);
  assert.equal((await highlight.textContent()).trim(), target.location.excerpt);
  assert.equal(await highlight.evaluate((cell) => cell.closest('[data-line]').dataset.line), String(DAMAGED_LINE));
  const inView = await highlight.evaluate((cell) => {
    const box = cell.getBoundingClientRect();
    const pane = cell.closest('.pane-body').getBoundingClientRect();
    return box.top >= pane.top && box.bottom <= pane.bottom && box.bottom <= window.innerHeight && box.top >= 0;
  });
  assert.ok(inView, 'the highlighted cell is scrolled into view');
  assert.ok(await page.locator('[data-hl=related]').count() >= 1, 'related cells are marked');
  assert.match(await highlight.getAttribute('title'), new RegExp(target.rule), 'hovering the cell names its findings');
  await screenshot(page, 'web-000-damaged-highlight');

  // From a cell to its findings: clicking a related cell selects a finding that points at it.
  const related = page.locator('[data-hl=related]').first();
  const relatedIndices = (await related.getAttribute('data-findings')).split(' ');
  await related.click();
  await page.locator('[data-testid=finding][aria-current=true]').waitFor();
  assert.ok(relatedIndices.includes(await page.locator('[data-testid=finding][aria-current=true]').getAttribute('data-index')));

  // Keyboard: ↓ moves to the next finding, Enter shows it in the document.
  await page.getByTestId('finding').first().focus();
  await page.keyboard.press('ArrowDown');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.index), await page.getByTestId('finding').nth(1).getAttribute('data-index'));
  await page.keyboard.press('Enter');
  assert.equal(await page.locator('[data-testid=finding][aria-current=true]').getAttribute('data-index'), await page.getByTestId('finding').nth(1).getAttribute('data-index'));
  await highlight.waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('a dismissal and the input survive a reload; 清除 forgets the input', async () => {
  const { context, page, errors, text, expected } = await openWithDamaged000();
  const first = page.getByTestId('finding').first();
  const rule = await first.getAttribute('data-rule');
  const line = await first.getAttribute('data-line');
  await first.getByTestId('dismiss').click();
  await first.getByTestId('dismiss-reason').fill('经核实，原表如此');
  await first.getByTestId('dismiss-confirm').click();
  await page.getByTestId('dismissed-finding').waitFor();
  assert.equal(await page.getByTestId('finding').count(), expected.findings.length - 1);
  await screenshot(page, 'web-dismissed');

  await page.reload();
  await waitForResults(page, expected);
  assert.equal(await page.getByTestId('input').inputValue(), text);
  assert.equal(await page.getByTestId('finding').count(), expected.findings.length - 1);
  const dismissed = page.getByTestId('dismissed-finding');
  assert.equal(await dismissed.count(), 1);
  assert.equal(await dismissed.getAttribute('data-rule'), rule);
  assert.equal(await dismissed.getAttribute('data-line'), line);
  assert.match(await dismissed.textContent(), /经核实，原表如此/);

  await dismissed.getByTestId('restore').click();
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid=finding]').length === n, expected.findings.length);

  await page.getByTestId('clear').click();
  assert.equal(await page.getByTestId('input').inputValue(), '');
  await page.reload();
  await page.getByTestId('input').waitFor();
  assert.equal(await page.getByTestId('input').inputValue(), '');
  assert.deepEqual(errors, []);
  await context.close();
});

test('typing is checked once it pauses: repairing the damaged cell by hand clears its findings', async () => {
  const damaged = await damaged000();
  const repaired = await readCorpus(DOC);
  const [before, after] = [await cliCheck(damaged), await cliCheck(repaired)];
  const { context, page, errors } = await openApp();
  await paste(page, damaged);
  await waitForResults(page, before);
  const at = damaged.split('\n').slice(0, DAMAGED_LINE - 1).join('\n').length + 1 + '合计\t\t280.72\t211.'.length;
  await page.getByTestId('input').evaluate((area, at) => area.setSelectionRange(at, at + 1), at);
  await page.keyboard.type('6');
  assert.equal(await page.getByTestId('input').inputValue(), repaired);
  const findings = await waitForResults(page, after);
  assert.equal(findings.length, after.findings.length);
  assert.ok(!findings.some((f) => f.line === DAMAGED_LINE), 'no finding is left on the repaired line');
  assert.deepEqual(errors, []);
  await context.close();
});

test('after a crash the input comes back unchecked until the user resumes', async () => {
  const text = await readCorpus(DOC);
  const expected = await cliCheck(text);
  const { context, page, errors } = await openApp();
  await paste(page, text);
  await waitForResults(page, expected);
  await page.evaluate(() => localStorage.setItem('hedui.crashed', '1'));
  // An input event that changes nothing (Chromium sends one per line after a programmatic
  // insert) is not an edit: nothing is checked again, so the crash mark stays.
  await page.getByTestId('input').dispatchEvent('input', { inputType: 'insertText' });
  await page.waitForTimeout(400);
  assert.equal(await page.evaluate(() => localStorage.getItem('hedui.crashed')), '1');
  await page.reload();
  await page.getByTestId('crashed-notice').waitFor();
  assert.equal(await page.getByTestId('input').inputValue(), text);
  assert.equal(await page.getByTestId('checked').count(), 0, 'nothing is checked before the user resumes');
  await screenshot(page, 'web-after-crash');
  await page.getByTestId('crashed-notice').getByRole('button', { name: '继续核对' }).click();
  await waitForResults(page, expected);
  assert.equal(await page.getByTestId('crashed-notice').count(), 0);
  assert.equal(await page.evaluate(() => localStorage.getItem('hedui.crashed')), null);
  assert.deepEqual(errors, []);
  await context.close();
});

test('exports the report as JSON (the CLI schema) and the findings as CSV with a BOM', async () => {
  const { context, page, errors, expected } = await openWithDamaged000();
  const first = page.getByTestId('finding').first();
  await first.getByTestId('dismiss').click();
  await first.getByTestId('dismiss-reason').fill('已与财务核对');
  await first.getByTestId('dismiss-confirm').click();
  await page.getByTestId('dismissed-finding').waitFor();

  const [jsonDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-json').click()]);
  const report = JSON.parse(await readFile(await jsonDownload.path(), 'utf8'));
  const cliReport = JSON.parse(execFileSync(env.cli, ['check', '--format', 'json', '--fail-on', 'never', join(scratch, 'doc.txt')], { encoding: 'utf8' }));
  assert.equal(report.schema_version, cliReport.schema_version);
  assert.equal(report.documents.length, 1);
  assert.equal(report.documents[0].source, 'input');
  assert.deepEqual({ ...report.documents[0], source: 'doc.txt' }, { ...cliReport.documents[0], source: 'doc.txt' });

  const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
  assert.match(csvDownload.suggestedFilename(), /\.csv$/);
  const csv = await readFile(await csvDownload.path(), 'utf8');
  assert.ok(csv.startsWith('\uFEFF'), 'the CSV starts with a byte-order mark for Excel');
  const rows = csv.slice(1).trimEnd().split('\r\n');
  assert.equal(rows[0], '文件,规则,严重程度,类别,行,页,表,行项目,列,所列数值,应为,问题,Message,推算,已确认无误,理由');
  assert.equal(rows.length, 1 + expected.findings.length);
  for (const finding of expected.findings) {
    assert.ok(rows.some((row) => row.startsWith(`input,${finding.rule},`) && row.includes(`,${finding.location.line},`) && row.includes(finding.message)),
      `a row for ${finding.rule} on line ${finding.location.line}`);
  }
  assert.equal(rows.filter((row) => row.endsWith(',是,已与财务核对')).length, 1, 'the dismissed finding is marked with its reason');

  await page.emulateMedia({ media: 'print' });
  await screenshot(page, 'web-print');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the English switch changes labels and messages, and is remembered', async () => {
  const { context, page, errors, expected } = await openWithDamaged000();
  await page.getByTestId('language').click();
  await waitForResults(page, expected, 'en');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  const message = expected.findings[0].message_en;
  assert.ok((await page.getByTestId('finding').allTextContents()).some((t) => t.includes(message)), 'rule messages in English');
  assert.equal(await page.getByTestId('export-csv').textContent(), 'Export CSV');
  await screenshot(page, 'web-english');
  await page.reload();
  await waitForResults(page, expected, 'en');
  await page.getByTestId('language').click();
  await waitForResults(page, expected, 'zh');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-CN');
  assert.deepEqual(errors, []);
  await context.close();
});

test('dropping two files opens both; an unsupported format gets a clear message', async () => {
  const files = [
    { name: DOC, text: await readCorpus(DOC) },
    { name: SMALL_DOC, text: await readCorpus(SMALL_DOC) },
  ];
  const reports = await Promise.all(files.map((f) => cliCheck(f.text, f.name)));
  const { context, page, errors } = await openApp();
  await page.evaluate((files) => {
    const transfer = new DataTransfer();
    for (const { name, text } of files) transfer.items.add(new File([text], name, { type: 'text/plain' }));
    transfer.items.add(new File(['PK'], '决算.pages', { type: 'application/vnd.apple.pages' }));
    transfer.items.add(new File([new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37, 0x0a, 0x00, 0xe2, 0xe3])], '扫描件.txt', { type: 'text/plain' }));
    const target = document.querySelector('[data-testid=input]');
    target.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    target.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
  }, files);
  await page.getByTestId('document-tab').nth(1).waitFor();
  assert.equal(await page.getByTestId('document-tab').count(), 2);
  assert.match(await page.getByTestId('file-problems').textContent(), /决算\.pages：暂不支持该格式（目前支持 \.txt \.md \.csv \.tsv \.pdf \.xlsx \.xls \.docx）/);
  assert.match(await page.getByTestId('file-problems').textContent(), /扫描件\.txt：无法读取，是二进制文件（如 PDF、Word、压缩包或图片），不是文本/);
  await waitForResults(page, reports[0]);
  assert.equal(await page.getByTestId('department').textContent(), reports[0].department);
  await screenshot(page, 'web-two-files');
  await page.getByTestId('document-tab').nth(1).locator('.document-name').click();
  await waitForResults(page, reports[1]);
  assert.equal(await page.getByTestId('department').textContent(), reports[1].department);
  assert.equal(await page.getByTestId('score').count(), reports[1].score.value === null ? 0 : 1);

  // Picking a file works the same way.
  await page.getByTestId('file-input').setInputFiles({ name: 'picked.md', mimeType: 'text/markdown', buffer: Buffer.from(files[0].text) });
  await page.getByTestId('document-tab').nth(2).waitFor();
  await waitForResults(page, reports[0]);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a budget and its prior-year accounts dropped together are checked against each other', async () => {
  const budget = { name: '003_1cc174f46883e4ef.txt', text: await readCorpus('003_1cc174f46883e4ef.txt') };
  const accounts = { name: '000_a60f2e9b14e82395.txt', text: await readCorpus('000_a60f2e9b14e82395.txt') };
  const paths = [];
  for (const file of [budget, accounts]) {
    paths.push(join(scratch, file.name));
    await writeFile(paths.at(-1), file.text);
  }
  const together = JSON.parse(execFileSync(env.cli, ['check', '--format', 'json', '--fail-on', 'never', ...paths], { encoding: 'utf8' })).documents;
  const crossDocument = together[0].findings.filter((f) => f.rule.startsWith('Y'));
  assert.deepEqual(crossDocument.map((f) => [f.rule, f.location.line]), [['Y003', 45]]);

  const { context, page, errors } = await openApp();
  await page.evaluate((files) => {
    const transfer = new DataTransfer();
    for (const { name, text } of files) transfer.items.add(new File([text], name, { type: 'text/plain' }));
    const target = document.querySelector('[data-testid=input]');
    target.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
  }, [budget, accounts]);
  await page.getByTestId('document-tab').nth(1).waitFor();
  await page.getByTestId('document-tab').nth(0).locator('.document-name').click();
  const shown = await waitForResults(page, together[0]);
  assert.deepEqual(shown.filter((f) => f.rule.startsWith('Y')), [{ rule: 'Y003', severity: 'warning', line: 45 }]);
  const elsewhere = page.locator('[data-testid=finding][data-rule=Y003] [data-testid=related-document]');
  assert.match(await elsewhere.first().textContent(), /000_a60f2e9b14e82395\.txt · 第 346 行 · 3辆/);
  // Two documents that disagree: the other's figure is labelled with its place, not 应为.
  const labels = await page.locator('[data-testid=finding][data-rule=Y003] .sides dt').allTextContents();
  assert.deepEqual(labels, ['所列数值', '000_a60f2e9b14e82395.txt · 第 346 行']);
  // Each says which document it was compared with, as the CLI's report does.
  assert.deepEqual(together.map((d) => d.compared_with.map((source) => basename(source))), [[accounts.name], [budget.name]]);
  assert.equal(await page.getByTestId('compared-with').textContent(), accounts.name);
  await page.getByTestId('document-tab').nth(1).locator('.document-name').click();
  await waitForResults(page, together[1]);
  assert.equal(await page.getByTestId('compared-with').textContent(), budget.name);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the largest document opened from a file fits a 1920 screen', async () => {
  const name = '002_2a4a6f0d8c259386.txt';
  const text = await readCorpus(name);
  const expected = await cliCheck(text, name);
  const { context, page, errors } = await openApp({ viewport: { width: 1920, height: 1080 } });
  await page.getByTestId('file-input').setInputFiles({ name, mimeType: 'text/plain', buffer: Buffer.from(text) });
  await waitForResults(page, expected);
  assert.equal(await page.getByTestId('department').textContent(), expected.department);
  await page.getByTestId('doc-view').locator('table').first().waitFor();
  await screenshot(page, 'web-002-1920');
  assert.deepEqual(errors, []);
  await context.close();
});

test('each example document loads with one click and shows what the CLI reports for it', async () => {
  const { context, page, errors, requests } = await openApp();
  assert.deepEqual(requests.filter((url) => url.includes('/examples/')), [], 'examples are not fetched until asked for');
  const buttons = page.getByTestId('example');
  assert.equal(await buttons.count(), 5);
  for (const name of ['002_2a4a6f0d8c259386.txt', '003_1cc174f46883e4ef.txt']) {
    const expected = await cliCheck(await readCorpus(name), name);
    await page.getByTestId('pane-source').click();
    await page.locator(`[data-testid="example"][data-file="${name}"]`).click();
    const findings = await waitForResults(page, expected);
    const cli = expected.findings.map((f) => ({ line: f.location.line, rule: f.rule, severity: f.severity }));
    assert.deepEqual(findings.map(key).sort(), cli.map(key).sort(), name);
  }
  await screenshot(page, 'web-example-002-003');
  assert.ok(requests.every((url) => url.startsWith(session.server.url)), 'only the app\'s own origin is contacted');
  assert.deepEqual(errors, []);
  await context.close();
});
