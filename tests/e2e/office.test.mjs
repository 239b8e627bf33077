// Files as accountants have them (issue #17): a workbook and a Word document dropped together are
// read by the office worker (fetched only then) as one document and checked as the CLI checks
// them with `--together`, each finding naming its file and cell or paragraph; GBK text is read
// too; a bad file gets its message. The fixtures are made by `cargo xtask fixtures`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { env, appSession, openApp as openAppOf, screenshot, checkedFindings, reportFindings, dropFiles } from './harness.mjs';

const FIXTURES = new URL('../../target/office-fixtures/', import.meta.url).pathname;
const session = appSession();

/** The CLI's report of the fixtures `args` name (`--together` first: as one document), as the app names them. */
function cliDocument(...args) {
  const report = JSON.parse(execFileSync(env.cli, ['check', '--format', 'json', '--fail-on', 'never', ...args], { cwd: FIXTURES, encoding: 'utf8' }));
  return report.documents[0];
}

const openApp = () => openAppOf(session, { acceptDownloads: true });

async function fixtures(names) {
  return Promise.all(names.map(async (name) => ({ name, bytes: await readFile(join(FIXTURES, name)) })));
}

test('a workbook and a Word document dropped together are one document with the CLI\'s findings, each naming its file and cell', async () => {
  const names = ['000.xlsx', '000-说明.docx'];
  const expected = cliDocument('--together', ...names);
  assert.ok(expected.findings.length > 0);
  const { context, page, errors, requests } = await openApp();
  assert.deepEqual(requests.filter((url) => url.includes('/office/')), [], 'the office reader is not loaded before such a file is opened');

  await dropFiles(page, await fixtures(names));
  assert.deepEqual(await checkedFindings(page, expected), reportFindings(expected));
  assert.ok(requests.some((url) => url.endsWith('/office/hedui_office_worker_bg.wasm')), 'the office reader was loaded for them');
  assert.equal(await page.getByTestId('department').textContent(), expected.department);
  const origins = await page.getByTestId('finding-origin').allTextContents();
  assert.deepEqual(origins.sort(), expected.findings.map((f) => `${f.location.origin.file} ${f.location.origin.place}`).sort());
  assert.ok(origins.some((origin) => /^000\.xlsx .+![A-Z]+\d+$/.test(origin)) && origins.some((origin) => /^000-说明\.docx 第\d+段$/.test(origin)), origins.join(', '));
  assert.ok((await page.locator('body').textContent()).includes('000.xlsx + 000-说明.docx'), 'the document is named after both files');
  // The exported report is the CLI's, each finding in its file and cell or paragraph.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-json').click()]);
  const exported = JSON.parse(await readFile(await download.path(), 'utf8')).documents[0];
  assert.deepEqual({ ...exported, source: 'x' }, { ...expected, source: 'x' });
  await screenshot(page, 'office-together');
  assert.deepEqual(errors, []);
  await context.close();
});

test('GBK text is read as the CLI reads it; a bad workbook says why', async () => {
  const { context, page, errors } = await openApp();
  const expected = cliDocument('002-gbk.txt');
  await dropFiles(page, await fixtures(['002-gbk.txt']));
  assert.deepEqual(await checkedFindings(page, expected), reportFindings(expected));
  assert.equal(await page.getByTestId('reader-notes').textContent(), '按 GBK 编码读取', 'the app says how it read the file, as the CLI does');

  await dropFiles(page, await fixtures(['bad/encrypted.xlsx']));
  const message = page.getByTestId('pdf-error');
  await message.waitFor();
  assert.match(await message.textContent(), /文件设有密码（已加密），无法读取/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('what the reader skipped (a hidden sheet, a hidden row) is said beside the findings', async () => {
  const { context, page, errors } = await openApp();
  const expected = cliDocument('002.xlsx');
  await dropFiles(page, await fixtures(['002.xlsx']));
  assert.deepEqual(await checkedFindings(page, expected), reportFindings(expected));
  const notes = await page.getByTestId('reader-notes').locator('li').allTextContents();
  assert.deepEqual(notes.sort(), ['工作表“收入支出决算总表”中已跳过 1 个隐藏行', '已跳过隐藏工作表“草稿”'].sort());
  assert.deepEqual(errors, []);
  await context.close();
});
