// Several documents open: exports are named for the set, not for whichever document is shown.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { appSession } from './harness.mjs';

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
