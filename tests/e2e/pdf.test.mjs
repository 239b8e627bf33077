// PDFs as published: read in a Web Worker with per-page progress, checked as the CLI checks them,
// each finding on its page and boxed in the page view; bad PDFs and a crashed reader get a clear
// message and leave the app usable.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { env, appSession, serveDist, screenshot, readCorpus, cliCheck, paste, checkedFindings, reportFindings, dropFiles, cliCheckPdf, pdfPath } from './harness.mjs';

const PDF = 'sh-2024-final-social-work-dept.pdf';
const session = appSession();
let scratch;

before(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'hedui-pdf-'));
});

after(async () => {
  await rm(scratch, { recursive: true });
});

/** Opens the app; records page errors, requests and every text the PDF progress indicator shows. */
async function openApp(url = session.server.url) {
  const context = await session.browser.newContext({ viewport: { width: 1366, height: 768 }, acceptDownloads: true });
  await context.addInitScript(() => {
    window.progressSeen = [];
    new MutationObserver(() => {
      const progress = document.querySelector('[data-testid=pdf-progress] p');
      if (progress && window.progressSeen.at(-1) !== progress.textContent) window.progressSeen.push(progress.textContent);
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  // The page's requests and its workers' (the service worker's precaching is the context's).
  const requests = [];
  page.on('request', (request) => requests.push(request.url()));
  await page.goto(url);
  await page.getByTestId('input').waitFor();
  return { context, page, errors, requests };
}

/** The rendered findings as `line rule stated expected page`, sorted. */
function shownFindings(page) {
  return page.getByTestId('finding').evaluateAll((items) => items.map((item) => [
    item.dataset.line, item.dataset.rule, item.querySelector('.stated')?.textContent ?? '-',
    item.querySelector('.expected')?.textContent ?? '-', item.querySelector('[data-testid=finding-page]')?.textContent ?? 'no page',
  ].join(' ')).sort());
}

/** The CLI's findings in the form of `shownFindings`. */
function cliFindings(report) {
  return report.findings.map((f) => [f.location.line, f.rule, f.stated ?? '-', f.expected ?? '-', `第 ${f.location.page} 页`].join(' ')).sort();
}

test('a PDF dropped shows its progress page by page, then the CLI\'s findings, each on its page, boxed in the page view', async () => {
  const expected = cliCheckPdf(pdfPath(PDF));
  assert.ok(expected.findings.length > 0 && expected.findings.every((f) => f.location.page > 0), 'the CLI places every finding on a page');
  const { context, page, errors, requests } = await openApp();
  assert.deepEqual(requests.filter((url) => url.includes('/pdf/')), [], 'the PDF reader is not loaded before a PDF is opened');

  await dropFiles(page, [{ name: PDF, bytes: await readFile(pdfPath(PDF)) }]);
  assert.deepEqual(await checkedFindings(page, expected), reportFindings(expected));
  assert.deepEqual(await shownFindings(page), cliFindings(expected));
  assert.equal(await page.getByTestId('finding-page').count(), expected.findings.length, 'every finding says its page');
  assert.equal(await page.getByTestId('department').textContent(), expected.department);
  const progress = await page.evaluate(() => window.progressSeen);
  assert.ok(progress.length > 0, 'the progress indicator was shown');
  for (const text of progress) assert.match(text, /^正在读取(文件…| PDF：第 ([1-9]|1[0-9]|2[0-4]) \/ 24 页)$/);
  assert.equal(await page.getByTestId('pdf-progress').count(), 0, 'the progress indicator is gone once the PDF is read');
  assert.ok(requests.some((url) => url.endsWith('/pdf/hedui_pdf_worker_bg.wasm')), 'the PDF reader was loaded for it');

  // The editor holds the layout text the lines refer to.
  await page.getByTestId('pane-source').click();
  const lines = (await page.getByTestId('input').inputValue()).split('\n');
  for (const finding of expected.findings) {
    assert.ok(lines[finding.location.line - 1].includes(finding.location.excerpt), `line ${finding.location.line} holds ${finding.location.excerpt}`);
  }

  // Clicking a finding shows its page, the box around its figure scrolled into view.
  const target = expected.findings.at(-1);
  await page.locator(`[data-testid=finding][data-line="${target.location.line}"][data-rule="${target.rule}"]`).click();
  const box = page.getByTestId('page-box');
  await box.waitFor();
  assert.equal(await page.getByTestId('page-view').locator('.page-sheet').count(), 24);
  assert.equal(await box.evaluate((rect) => rect.closest('.page-sheet').dataset.page), String(target.location.page));
  const [left, top, right, bottom] = target.location.bbox;
  assert.deepEqual(await box.evaluate((rect) => ['x', 'y', 'width', 'height'].map((name) => Number(rect.getAttribute(name)))),
    [(left - 2) * 10, (top - 2) * 10, (right - left + 4) * 10, (bottom - top + 4) * 10], 'the box is the CLI\'s bbox (in tenths of a point, with a margin)');
  const inView = await box.evaluate((rect) => {
    const r = rect.getBoundingClientRect();
    const pane = rect.closest('.pane-body').getBoundingClientRect();
    return r.height > 0 && r.top >= pane.top && r.bottom <= pane.bottom;
  });
  assert.ok(inView, 'the box is scrolled into view');
  const sheet = page.getByTestId('page-view').locator(`.page-sheet[data-page="${target.location.page}"]`);
  // The boxed text is the finding's excerpt (its `stated` figure may be absent, as for N005).
  assert.ok((await sheet.locator('text').allTextContents()).join('').includes(target.location.excerpt), 'the page shows the boxed figure');
  await screenshot(page, 'pdf-page-view');

  // The document view of the same text marks the cell too.
  await page.getByTestId('pane-document').click();
  await page.getByTestId('highlight').waitFor();
  assert.equal((await page.getByTestId('highlight').textContent()).trim(), target.location.excerpt);

  // The JSON export is the CLI's report, pages and boxes included.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-json').click()]);
  const exported = JSON.parse(await readFile(await download.path(), 'utf8')).documents[0];
  assert.deepEqual({ ...exported, source: PDF }, { ...expected, source: PDF });
  // The CSV export gives each finding's line and page.
  const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
  const rows = (await readFile(await csvDownload.path(), 'utf8')).slice(1).trimEnd().split('\r\n').slice(1);
  assert.equal(rows.length, expected.findings.length);
  for (const finding of expected.findings) {
    assert.ok(rows.some((row) => row.includes(`,${finding.rule},`) && row.includes(`,${finding.location.line},${finding.location.page},`)), `${finding.rule} on line ${finding.location.line}, page ${finding.location.page}`);
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('a PDF dropped with text files opens beside them, in the order dropped', async () => {
  const text = await readCorpus('003_1cc174f46883e4ef.txt');
  const [textReport, pdfReport] = [await cliCheck(text, '003.txt'), cliCheckPdf(pdfPath(PDF))];
  const { context, page, errors } = await openApp();
  await dropFiles(page, [{ name: '003.txt', bytes: Buffer.from(text) }, { name: PDF, bytes: await readFile(pdfPath(PDF)) }]);
  await page.getByTestId('document-tab').nth(1).waitFor();
  assert.deepEqual(await page.getByTestId('document-tab').locator('.document-name').evaluateAll((tabs) => tabs.map((t) => t.firstChild.textContent)), ['003.txt', PDF]);
  assert.deepEqual(await checkedFindings(page, textReport), reportFindings(textReport));
  await page.getByTestId('document-tab').nth(1).locator('.document-name').click();
  assert.deepEqual(await checkedFindings(page, pdfReport), reportFindings(pdfReport));
  assert.equal(await page.getByTestId('finding-page').count(), pdfReport.findings.length);
  assert.deepEqual(errors, []);
  await context.close();
});

/** A PDF file of `objects` (object 1: the catalog) with its cross-reference table, as in crates/pdf's tests. */
function buildPdf(objects, trailer = '') {
  let out = '%PDF-1.7\n';
  const offsets = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) out += `${String(offset).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${trailer} >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/** One page drawing `content` (no text: a scan's page has only images and paths). */
function pdfOfPages(count, content = '') {
  const kids = Array.from({ length: count }, (_, i) => `${3 + i} 0 R`).join(' ');
  const pages = Array.from({ length: count }, () => `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 600 800] /Contents ${3 + count} 0 R >>`);
  return buildPdf(['<< /Type /Catalog /Pages 2 0 R >>', `<< /Type /Pages /Kids [${kids}] /Count ${count} >>`, ...pages,
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`]);
}

function encryptedPdf() {
  const encrypt = '/Encrypt << /Filter /Standard /V 1 /R 2 /Length 40 /P -44 '
    + '/O <8f0b2b1f6f1c1d6c3c1e7a4f9b6b8e3a1b2c3d4e5f60718293a4b5c6d7e8f901> '
    + '/U <0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9> >> '
    + '/ID [<00112233445566778899aabbccddeeff> <00112233445566778899aabbccddeeff>]';
  return buildPdf(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 10 10] >>'], encrypt);
}

test('bad PDFs get the reader\'s reason in their tab; what was open stays, and a pasted document is checked afterwards', async () => {
  const whole = await readFile(pdfPath(PDF));
  const bad = [
    { name: 'cut.pdf', bytes: whole.subarray(0, whole.length / 2), zh: 'PDF 文件已损坏或不完整', en: 'the PDF file is damaged or incomplete: truncated: no end-of-file marker' },
    { name: 'notes.pdf', bytes: Buffer.from('这是一份说明，不是 PDF。'), zh: '这不是 PDF 文件', en: 'this is not a PDF file' },
    { name: 'scan.pdf', bytes: pdfOfPages(2, 'q 0 0 1 rg 0 0 100 100 re f Q'), zh: '此 PDF 为扫描件，没有可提取的文字', en: 'this PDF is a scan: it has no text to extract' },
    { name: 'locked.pdf', bytes: encryptedPdf(), zh: '此 PDF 已加密，请先去除密码保护再核对', en: 'this PDF is encrypted: remove its password protection, then check it' },
    { name: 'long.pdf', bytes: pdfOfPages(501), zh: 'PDF 页数过多（501 页），最多可核对 500 页', en: 'the PDF has too many pages (501); at most 500 can be checked' },
    { name: 'huge.pdf', size: 51 << 20, zh: 'PDF 文件过大（51.0 MB），最多可核对 50.0 MB', en: 'the PDF is too large (51.0 MB); at most 50.0 MB can be checked' },
  ];
  // Each is refused by the CLI too (exit code 3: a file could not be read).
  for (const file of bad.filter((f) => f.bytes)) {
    await writeFile(join(scratch, file.name), file.bytes);
    assert.throws(() => execFileSync(env.cli, ['check', join(scratch, file.name)], { stdio: 'pipe' }), (error) => error.status === 3 && error.stderr.toString().includes(file.zh), file.name);
  }

  const text = await readCorpus('000_a60f2e9b14e82395.txt');
  const pasted = await cliCheck(text);
  const { context, page, errors } = await openApp();
  await paste(page, text);
  await checkedFindings(page, pasted);
  await dropFiles(page, bad);
  const tabs = page.getByTestId('document-tab');
  await tabs.nth(bad.length).waitFor();
  for (const [index, file] of bad.entries()) {
    await tabs.nth(index + 1).locator('.document-name').click();
    const message = page.getByTestId('pdf-error');
    await message.waitFor();
    assert.equal(await message.textContent(), `${file.name}：无法读取，${file.zh}`);
    assert.equal(await page.getByTestId('finding').count(), 0);
  }
  await screenshot(page, 'pdf-bad');
  await page.getByTestId('language').click();
  await page.getByTestId('pdf-error').filter({ hasText: `huge.pdf: cannot read it, ${bad.at(-1).en}` }).waitFor();
  for (const [index, file] of bad.entries()) {
    await tabs.nth(index + 1).locator('.document-name').click();
    assert.equal(await page.getByTestId('pdf-error').textContent(), `${file.name}: cannot read it, ${file.en}`);
  }
  await page.getByTestId('language').click();

  // What was open stays, with its findings; the failed tabs close, and checking goes on.
  await tabs.nth(0).locator('.document-name').click();
  assert.deepEqual(await checkedFindings(page, pasted), reportFindings(pasted));
  for (let left = bad.length; left > 0; left -= 1) await tabs.nth(1).locator('.close').click();
  assert.equal(await tabs.count(), 0, 'one document left: no tabs');
  const other = await readCorpus('001_1a1813143cd16474.txt');
  const otherReport = await cliCheck(other);
  await paste(page, other);
  assert.deepEqual(await checkedFindings(page, otherReport), reportFindings(otherReport));
  assert.deepEqual(errors, []);
  await context.close();
});

test('a PDF reader that fails to load is reported in the PDF\'s tab, and the app goes on checking', async () => {
  // A deployment whose PDF module is damaged: the worker cannot start it.
  const root = await mkdtemp(join(tmpdir(), 'hedui-broken-'));
  await cp(env.dist, root, { recursive: true });
  await writeFile(join(root, 'pdf/hedui_pdf_worker_bg.wasm'), 'not a wasm module');
  const server = await serveDist(root);
  const { context, page, errors } = await openApp(server.url);
  await dropFiles(page, [{ name: PDF, bytes: await readFile(pdfPath(PDF)) }]);
  const message = page.getByTestId('pdf-error');
  await message.waitFor();
  assert.match(await message.textContent(), new RegExp(`^${PDF.replaceAll('.', '\\.')}：无法读取，文件读取模块出错（.+），其他文档不受影响$`));
  await screenshot(page, 'pdf-reader-failed');
  await page.getByTestId('clear').click();
  const text = await readCorpus('003_1cc174f46883e4ef.txt');
  const expected = await cliCheck(text);
  await paste(page, text);
  assert.deepEqual(await checkedFindings(page, expected), reportFindings(expected));
  assert.deepEqual(errors, []);
  await context.close();
  await server.close();
  await rm(root, { recursive: true });
});
