// The fix-and-recheck loop (#16): the diagnosis module says which figure is wrong; 应用 puts it
// right in the text and the document is checked again; 撤销修改 (or Ctrl+Z) brings both back;
// 应用全部安全修改 gives the text `hedui check --fix` writes, which can be downloaded.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { env, appSession, openApp, serveDist, checkedFindings, cliCheck, paste, readCorpus, reportFindings, screenshot } from './harness.mjs';

const DOC = '000_a60f2e9b14e82395.txt';
/** 03 支出决算表's 合计 row: 基本支出 211.60 → 211.90 breaks its row sum, its column and the text. */
const DAMAGED_LINE = 129;
const session = appSession();

async function damaged000() {
  const original = await readCorpus(DOC);
  const lines = original.split('\n');
  assert.match(lines[DAMAGED_LINE - 1], /^合计\t\t280\.72\t211\.60\t69\.12/);
  lines[DAMAGED_LINE - 1] = lines[DAMAGED_LINE - 1].replace('211.60', '211.90');
  return { original, damaged: lines.join('\n') };
}

/** What `hedui check --fix` writes for `text`. */
async function cliFixed(text) {
  const dir = await mkdtemp(join(tmpdir(), 'hedui-fix-'));
  await writeFile(join(dir, 'doc.txt'), text);
  execFileSync(env.cli, ['check', '--fix', '--fix-output', join(dir, 'fixed.txt'), '--fail-on', 'never', join(dir, 'doc.txt')], { stdio: 'ignore' });
  const fixed = await readFile(join(dir, 'fixed.txt'), 'utf8');
  await rm(dir, { recursive: true });
  return fixed;
}

/** The finding of the slip: the cause at 211.90, its fix restoring 211.60. */
const slip = (page) => page.getByTestId('finding').filter({ has: page.getByTestId('fix').filter({ hasText: '应改为 211.60' }) });

test('one fix applied puts the figure right and re-checks; undo and Ctrl+Z bring both back', async () => {
  const { original, damaged } = await damaged000();
  const [damagedReport, originalReport] = [await cliCheck(damaged), await cliCheck(original)];
  const cause = damagedReport.findings.find((f) => f.fix?.message === '应改为 211.60');
  assert.ok(cause && cause.explains.length >= 2, 'the CLI finds one cause for the slip');
  const { context, page, errors } = await openApp(session, { acceptDownloads: true });
  await paste(page, damaged);
  assert.deepEqual(await checkedFindings(page, damagedReport), reportFindings(damagedReport));
  assert.equal(await slip(page).count(), 1, 'one finding for the slip, with its fix');
  await slip(page).scrollIntoViewIfNeeded();
  await screenshot(page, 'fix-suggested');
  // Selected, it shows the figure probably wrong in the document view, the figures of its
  // relations as related.
  await slip(page).locator('.message').click();
  const suspect = page.locator('[data-hl=suspect]');
  await suspect.waitFor();
  assert.equal((await suspect.textContent()).trim(), '211.90');
  assert.ok(await page.locator('[data-hl=related]').count() >= 2, 'the cells and sentences of its relations are related');
  await page.getByTestId('pane-source').click();
  await slip(page).getByTestId('apply-fix').click();
  assert.deepEqual(await checkedFindings(page, originalReport), reportFindings(originalReport));
  assert.equal(await page.getByTestId('input').inputValue(), original, 'the figure is put right, nothing else changed');
  assert.equal(await slip(page).count(), 0);

  await page.getByTestId('undo-fix').click();
  assert.deepEqual(await checkedFindings(page, damagedReport), reportFindings(damagedReport));
  assert.equal(await page.getByTestId('input').inputValue(), damaged);
  assert.equal(await slip(page).count(), 1);

  await slip(page).getByTestId('apply-fix').click();
  await checkedFindings(page, originalReport);
  await page.getByTestId('findings-heading').focus();
  await page.keyboard.press('Control+z');
  assert.deepEqual(await checkedFindings(page, damagedReport), reportFindings(damagedReport));
  assert.equal(await page.getByTestId('input').inputValue(), damaged, 'Ctrl+Z outside the text field undoes the fix');
  assert.deepEqual(errors, []);
  await context.close();
});

test('all safe fixes at once give the text `hedui check --fix` writes, and it downloads', async () => {
  const { damaged } = await damaged000();
  const report = await cliCheck(damaged);
  const fixed = await cliFixed(damaged);
  const safe = report.findings.filter((f) => f.fix?.applicability === 'safe' && f.fix.edits.length > 0).length;
  assert.ok(safe >= 2, `safe fixes: ${safe}`);
  const { context, page, errors } = await openApp(session, { acceptDownloads: true });
  await paste(page, damaged);
  await checkedFindings(page, report);
  const applyAll = page.getByTestId('apply-all-fixes');
  assert.equal(await applyAll.textContent(), `应用全部安全修改（${safe}）`);
  await applyAll.click();
  const fixedReport = await cliCheck(fixed);
  assert.deepEqual(await checkedFindings(page, fixedReport), reportFindings(fixedReport));
  assert.equal(await page.getByTestId('input').inputValue(), fixed);
  assert.ok(!fixedReport.findings.some((f) => f.fix?.applicability === 'safe'), 'no safe fix is left to apply');

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-text').click()]);
  assert.equal(download.suggestedFilename(), 'input.fixed.txt');
  assert.equal(await readFile(await download.path(), 'utf8'), fixed);
  assert.deepEqual(errors, []);
  await context.close();
});

test('without its diagnosis module the app keeps the plain findings, and the JSON export says why it cannot be made', async () => {
  const { damaged } = await damaged000();
  const dir = await mkdtemp(join(tmpdir(), 'hedui-fix-'));
  await writeFile(join(dir, 'doc.txt'), damaged);
  const plain = JSON.parse(execFileSync(env.cli, ['check', '--format', 'json', '--fail-on', 'never', '--no-diagnosis', join(dir, 'doc.txt')], { encoding: 'utf8' })).documents[0];
  await rm(dir, { recursive: true });
  // A deployment whose diagnosis module is damaged: the worker cannot start it.
  const root = await mkdtemp(join(tmpdir(), 'hedui-broken-'));
  await cp(env.dist, root, { recursive: true });
  await writeFile(join(root, 'diagnosis/hedui_diagnosis_worker_bg.wasm'), 'not a wasm module');
  const server = await serveDist(root);
  const context = await session.browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(server.url);
  await page.getByTestId('input').waitFor();
  await paste(page, damaged);
  await page.locator('.results[data-diagnosed=true]').waitFor({ timeout: 10_000 });
  const shown = await page.getByTestId('finding').evaluateAll((items) => items.map((item) => `${item.dataset.line} ${item.dataset.rule} ${item.dataset.severity}`));
  assert.deepEqual(shown.sort(), reportFindings(plain), 'each broken relation its own finding, as without the diagnosis');
  assert.equal(await page.getByTestId('fix').count(), 0);
  const [dialog] = await Promise.all([page.waitForEvent('dialog'), page.getByTestId('export-json').click()]);
  assert.match(dialog.message(), /无法导出 JSON/);
  await dialog.dismiss();
  assert.deepEqual(errors, []);
  await context.close();
  await server.close();
  await rm(root, { recursive: true });
});
