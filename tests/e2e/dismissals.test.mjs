// Dismissals ("已确认无误") belong to the finding, not to the exact text: they hold while the
// document is edited elsewhere, lapse when the finding's own figure changes, and the counts follow them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appSession, checkedFindings, cliCheck, paste, readCorpus, reportFindings, screenshot } from './harness.mjs';

const DOC = '000_a60f2e9b14e82395.txt';
/** 03 支出决算表's 合计 row: 基本支出 211.60 → 211.90 breaks its row sum and 01↔03. */
const DAMAGED_LINE = 129;
const session = appSession();

/** 000 with the damaged total, `figure` in place of 211.60; `edit` true adds a line to its table of contents. */
async function variant(figure, edit = false) {
  const lines = (await readCorpus(DOC)).split('\n');
  assert.match(lines[DAMAGED_LINE - 1], /^合计\t\t280\.72\t211\.60\t69\.12/);
  lines[DAMAGED_LINE - 1] = lines[DAMAGED_LINE - 1].replace('211.60', figure);
  if (edit) {
    const toc = lines.indexOf('- 一、部门职责');
    assert.ok(toc > 0 && toc < DAMAGED_LINE - 1);
    lines.splice(toc, 1, '- 一、部门主要职责', '- 附：编制说明');
  }
  return lines.join('\n');
}

async function count(page, severity) {
  return Number((await page.getByTestId(`count-${severity}`).locator('strong').textContent()).trim());
}

test('a dismissal stays through an edit elsewhere, the counts leave it out, and it lapses when its figure changes', async () => {
  const damaged = await variant('211.90');
  const report = await cliCheck(damaged);
  const page = await session.browser.newPage({ viewport: { width: 1366, height: 768 } });
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(session.server.url);
  await page.getByTestId('input').waitFor();
  await paste(page, damaged);
  assert.deepEqual(await checkedFindings(page, report), reportFindings(report));

  // The slip's finding: 03表 合计·基本支出 211.90 should be 211.60 (the one cause of its row,
  // column and text relations).
  const first = page.locator(`[data-testid=finding][data-line="${DAMAGED_LINE}"]`);
  const [rule, line, severity] = await Promise.all(['data-rule', 'data-line', 'data-severity'].map((a) => first.getAttribute(a)));
  assert.equal(line, String(DAMAGED_LINE));
  const before = await count(page, severity);
  await first.getByTestId('dismiss').click();
  await first.getByTestId('dismiss-reason').fill('经核实，原表如此');
  await first.getByTestId('dismiss-confirm').click();
  const dismissed = page.getByTestId('dismissed-finding');
  await dismissed.waitFor();
  assert.equal(await count(page, severity), before - 1, 'the severity chip counts the findings still open');

  // A line added above: every line number and byte offset after it moves.
  const edited = await variant('211.90', true);
  const editedReport = await cliCheck(edited);
  await paste(page, edited);
  await page.locator(`[data-testid=dismissed-finding][data-line="${DAMAGED_LINE + 1}"]`).waitFor({ timeout: 10_000 });
  assert.deepEqual(await checkedFindings(page, editedReport), reportFindings(editedReport).filter((f) => f !== `${DAMAGED_LINE + 1} ${rule} ${severity}`));
  assert.equal(await dismissed.count(), 1, 'the dismissal holds after the edit');
  assert.equal(await dismissed.getAttribute('data-rule'), rule);
  assert.match(await dismissed.textContent(), /经核实，原表如此/);
  assert.equal(await count(page, severity), before - 1);
  await screenshot(page, 'dismissal-after-edit');

  // The dismissed figure itself changes: the finding is another one, open again.
  const refigured = await variant('211.80', true);
  const refiguredReport = await cliCheck(refigured);
  await paste(page, refigured);
  await page.waitForFunction(() => !document.querySelector('[data-testid=dismissed-finding]'), null, { timeout: 10_000 });
  assert.deepEqual(await checkedFindings(page, refiguredReport), reportFindings(refiguredReport));
  assert.equal(await dismissed.count(), 0);
  assert.equal(await count(page, severity), before);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a document\'s tab counts its findings still open', async () => {
  const page = await session.browser.newPage({ viewport: { width: 1366, height: 768 } });
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(session.server.url);
  await page.getByTestId('input').waitFor();
  const files = ['000_a60f2e9b14e82395.txt', '001_1a1813143cd16474.txt'];
  for (const file of files) {
    await page.locator(`[data-testid=example][data-file="${file}"]`).click();
    await page.getByTestId('finding').first().waitFor();
  }
  const tabs = page.getByTestId('document-tab');
  // A tab's count is final once its document's diagnosis is in (it adds the review rules'
  // findings): show each document and wait for it.
  for (const [index, file] of files.entries()) {
    await tabs.nth(index).locator('.document-name').click();
    await page.locator('.document-tab.current', { hasText: file }).waitFor();
    await page.locator('.results[data-diagnosed=true]').waitFor({ timeout: 10_000 });
  }
  const counts = () => tabs.locator('.count').evaluateAll((spans) => spans.map((span) => Number(span.textContent)));
  const [other, shown] = await counts();
  assert.equal(shown, await page.getByTestId('finding').count());
  await page.getByTestId('finding').first().getByTestId('dismiss').click();
  await page.getByTestId('dismiss-confirm').click();
  await page.getByTestId('dismissed-finding').waitFor();
  assert.deepEqual(await counts(), [other, shown - 1]);
  assert.deepEqual(errors, []);
  await page.close();
});
