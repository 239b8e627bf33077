// The findings by keyboard: Enter/Space on a focused finding locate it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appSession, checkedFindings, cliCheck, paste, readCorpus, reportFindings } from './harness.mjs';

const DOC = '000_a60f2e9b14e82395.txt';
const session = appSession();

/** The app with 000 pasted, its 03表 合计 基本支出 damaged (211.60 → 211.90), checked. */
async function openChecked() {
  const text = (await readCorpus(DOC)).replace('合计\t\t280.72\t211.60\t69.12', '合计\t\t280.72\t211.90\t69.12');
  const report = await cliCheck(text);
  const page = await session.browser.newPage({ viewport: { width: 1366, height: 768 } });
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(session.server.url);
  await page.getByTestId('input').waitFor();
  await paste(page, text);
  assert.deepEqual(await checkedFindings(page, report), reportFindings(report));
  return { page, errors };
}

const focused = (page) => page.evaluate(() => ({ index: document.activeElement?.dataset.index }));

const highlightedLine = (page) => page.getByTestId('highlight').evaluate((element) => element.closest('[data-line]')?.dataset.line ?? element.id);

test('Enter and Space on a focused finding move the document highlight to it, and the focus stays in the list', async () => {
  const { page, errors } = await openChecked();
  const findings = page.getByTestId('finding');
  const lines = await findings.evaluateAll((items) => items.map((item) => item.dataset.line));
  const other = lines.findIndex((line) => line !== lines[0]);
  assert.ok(other > 0);

  await findings.nth(0).focus();
  await page.keyboard.press('Enter');
  await page.getByTestId('highlight').waitFor();
  assert.equal(await highlightedLine(page), lines[0]);
  assert.equal((await focused(page)).index, await findings.nth(0).getAttribute('data-index'));

  await findings.nth(other).focus();
  await page.keyboard.press(' ');
  await page.waitForFunction((line) => document.querySelector('[data-testid=highlight]')?.closest('[data-line]')?.dataset.line === line, lines[other]);
  assert.equal((await focused(page)).index, await findings.nth(other).getAttribute('data-index'));
  assert.deepEqual(errors, []);
  await page.close();
});
