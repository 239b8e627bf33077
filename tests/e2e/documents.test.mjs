// Several documents open: exports are named for the set, not for whichever document is shown.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { env, appSession, openApp, screenshot } from './harness.mjs';

const session = appSession();

test('the exports of several documents are named for the set and the day, and hold every document', async () => {
  const context = await session.browser.newContext({ viewport: { width: 1366, height: 768 }, acceptDownloads: true });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(session.server.url);
  await page.getByTestId('input').waitFor();
  const files = ['000_a60f2e9b14e82395.txt', '001_1a1813143cd16474.txt'];
  for (const file of files) {
    await page.locator(`[data-testid=example][data-file="${file}"]`).click();
    await page.getByTestId('finding').first().waitFor();
  }
  await page.getByTestId('document-tab').nth(1).locator('.count').waitFor();
  const day = await page.evaluate(() => new Date().toISOString().slice(0, 10));

  const [json] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-json').click()]);
  assert.equal(json.suggestedFilename(), `hedui-2-documents-${day}.report.json`);
  const report = JSON.parse(await readFile(await json.path(), 'utf8'));
  assert.deepEqual(report.documents.map((d) => d.source), files);
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
  assert.equal(csv.suggestedFilename(), `hedui-2-documents-${day}.findings.csv`);

  await page.getByTestId('document-tab').nth(1).locator('.close').click();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=document-tab]').length === 0);
  const [single] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-json').click()]);
  assert.equal(single.suggestedFilename(), '000_a60f2e9b14e82395.report.json', 'one document\'s export is named after it');
  assert.deepEqual(errors, []);
  await context.close();
});

test('several documents: an overview lists each with the CLI\'s facts and the one it was checked with, and opens it', async () => {
  const files = ['003_1cc174f46883e4ef.txt', '000_a60f2e9b14e82395.txt'];
  const reports = JSON.parse(execFileSync(env.cli, ['check', '--format', 'json', '--fail-on', 'never', ...files.map((f) => join(env.corpus, f))], { encoding: 'utf8' })).documents;
  const { context, page, errors } = await openApp(session);
  assert.equal(await page.getByTestId('overview').count(), 0, 'one document needs no overview');
  for (const file of files) {
    await page.locator(`[data-testid=example][data-file="${file}"]`).click();
    await page.getByTestId('finding').first().waitFor();
  }
  await page.getByTestId('document-tab').nth(1).locator('.count').waitFor();
  // Each document's diagnosis is in: its errors counted as the CLI's.
  const errorCounts = reports.map((report) => String(report.stats.by_severity.error ?? 0));
  await page.waitForFunction((counts) => {
    const rows = [...document.querySelectorAll('[data-testid=overview-row]')];
    return rows.length === counts.length && rows.every((row, i) => row.querySelectorAll('td')[4]?.textContent === counts[i]);
  }, errorCounts, { timeout: 10_000 });
  const rows = page.getByTestId('overview-row');
  assert.equal(await rows.count(), 2);
  for (const [index, report] of reports.entries()) {
    const row = rows.nth(index);
    assert.equal(await row.locator('th').textContent(), files[index]);
    const cells = await row.locator('td').allTextContents();
    assert.equal(cells[0], report.department ?? '');
    assert.equal(cells[2], String(report.year));
    assert.equal(cells[4], String(report.stats.by_severity.error ?? 0));
    assert.equal(cells[5], String(report.stats.by_severity.warning ?? 0));
    assert.equal(cells[6], report.score.value == null ? '' : report.score.value.toFixed(1));
    assert.equal(cells[7], report.compared_with.map((source) => basename(source)).join('、'));
  }
  assert.equal(await rows.nth(1).getAttribute('aria-current'), 'page', 'the document shown is the last opened');
  await rows.nth(0).locator('button').click();
  assert.equal(await rows.nth(0).getAttribute('aria-current'), 'page');
  assert.equal(await page.getByTestId('compared-with').textContent(), files[1]);
  await screenshot(page, 'overview-pair');
  assert.deepEqual(errors, []);
  await context.close();
});
