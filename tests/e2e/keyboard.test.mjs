// The findings by keyboard and screen reader: Enter/Space locate a finding, a skip link reaches the
// list, dismissing keeps the focus in the list, and the live region says what the check found.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appSession, checkedFindings, cliCheck, paste, readCorpus, reportFindings, screenshot } from './harness.mjs';

const DOC = '000_a60f2e9b14e82395.txt';
const session = appSession();

/** The app with 000 pasted, its 03表 合计 基本支出 damaged (211.60 → 211.90), checked; and the CLI's report of it. */
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
  return { page, errors, report };
}

const focused = (page) => page.evaluate(() => {
  const element = document.activeElement;
  return { testid: element?.dataset.testid, index: element?.dataset.index, id: element?.id, inFindings: !!element?.closest('#findings') };
});

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

test('a skip link is the first tab stop and leads to the findings', async () => {
  const { page, errors } = await openChecked();
  await page.reload();
  await page.getByTestId('finding').first().waitFor();
  await page.keyboard.press('Tab');
  assert.equal((await focused(page)).testid, 'skip-to-findings');
  assert.ok(await page.getByTestId('skip-to-findings').isVisible(), 'the focused skip link is visible');
  await screenshot(page, 'keyboard-skip-link');
  const address = await page.evaluate(() => [location.hash, history.length]);
  assert.match(address[0], /^#doc=\d+$/);
  await page.keyboard.press('Enter');
  assert.equal((await focused(page)).id, 'findings');
  assert.deepEqual(await page.evaluate(() => [location.hash, history.length]), address, 'the address still names the document: no #findings, no history entry');
  await page.keyboard.press('Tab');
  assert.ok((await focused(page)).inFindings, 'the next tab stop is in the findings');
  assert.deepEqual(errors, []);
  await page.close();
});

test('dismissing moves the focus to the reason field, then back to the list', async () => {
  const { page, errors } = await openChecked();
  const findings = page.getByTestId('finding');
  const [first, second] = await findings.evaluateAll((items) => items.slice(0, 2).map((item) => item.dataset.index));

  // Cancelled: the focus returns to the finding.
  await findings.nth(0).getByTestId('dismiss').focus();
  await page.keyboard.press('Enter');
  assert.equal((await focused(page)).testid, 'dismiss-reason');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  assert.deepEqual([(await focused(page)).testid, (await focused(page)).index], ['finding', first]);

  // Confirmed: the focus goes to the finding that took its place (the next in its group).
  await findings.nth(0).getByTestId('dismiss').focus();
  await page.keyboard.press('Enter');
  assert.equal((await focused(page)).testid, 'dismiss-reason');
  await page.keyboard.type('经核实，原表如此');
  await page.keyboard.press('Enter');
  await page.getByTestId('dismissed-finding').waitFor();
  assert.deepEqual([(await focused(page)).testid, (await focused(page)).index], ['finding', second]);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the live region announces how many findings are open and of which severity, in Chinese and English', async () => {
  const { page, errors, report } = await openChecked();
  const count = (severity) => report.findings.filter((f) => f.severity === severity).length;
  const [errorCount, warnings, notices] = ['error', 'warning', 'notice'].map(count);
  assert.ok(errorCount > 1 && warnings > 0 && notices > 0);
  const live = page.getByTestId('announcement');
  assert.equal(await live.getAttribute('role'), 'status');
  assert.equal(await live.textContent(), `发现 ${report.findings.length} 个问题：错误 ${errorCount}，警告 ${warnings}，提示 ${notices}`);

  await page.locator('[data-testid=finding][data-severity=error]').first().getByTestId('dismiss').click();
  await page.getByTestId('dismiss-confirm').click();
  await page.getByTestId('dismissed-finding').waitFor();
  assert.equal(await live.textContent(), `发现 ${report.findings.length - 1} 个问题：错误 ${errorCount - 1}，警告 ${warnings}，提示 ${notices}`);

  await page.getByTestId('language').click();
  await live.filter({ hasText: 'found' }).waitFor();
  assert.equal(await live.textContent(), `Problems found: ${report.findings.length - 1} (errors ${errorCount - 1}, warnings ${warnings}, notices ${notices})`);
  // In English, the Chinese in a finding (table names, labels) is marked as Chinese, its text unchanged.
  const message = page.getByTestId('finding').first().locator('.message');
  const shown = await message.textContent();
  assert.ok(report.findings.some((f) => f.message_en === shown), `the message reads as the report's: ${shown}`);
  const chinese = await message.locator('span[lang=zh-CN]').allTextContents();
  assert.ok(chinese.length > 0 && chinese.every((run) => /[\u4e00-\u9fff]/.test(run)), `Chinese runs: ${chinese}`);
  assert.deepEqual(errors, []);
  await page.close();
});

test('原文 and 文档视图 are a tablist: one tab stop, ←/→ switch and show each tab\'s labelled panel', async () => {
  const { page, errors } = await openChecked();
  const tabs = page.getByRole('tablist').getByRole('tab');
  assert.equal(await tabs.count(), 2);
  const source = page.getByTestId('pane-source');
  const documentTab = page.getByTestId('pane-document');
  assert.deepEqual([await source.getAttribute('tabindex'), await documentTab.getAttribute('tabindex')], ['0', '-1'], 'only the selected tab is a tab stop');
  const panelOf = async (tab) => {
    const panel = page.locator(`#${await tab.getAttribute('aria-controls')}`);
    assert.equal(await panel.getAttribute('role'), 'tabpanel');
    assert.equal(await panel.getAttribute('aria-labelledby'), await tab.getAttribute('id'));
    assert.ok(await panel.isVisible());
    return panel;
  };
  assert.equal(await (await panelOf(source)).getByTestId('input').count(), 1);

  await source.focus();
  await page.keyboard.press('ArrowRight');
  assert.equal(await documentTab.getAttribute('aria-selected'), 'true');
  assert.equal((await focused(page)).testid, 'pane-document');
  assert.equal(await (await panelOf(documentTab)).getByTestId('doc-view').count(), 1);
  assert.ok(!(await page.getByTestId('input').isVisible()));

  await page.keyboard.press('ArrowLeft');
  assert.equal(await source.getAttribute('aria-selected'), 'true');
  assert.equal((await focused(page)).testid, 'pane-source');
  assert.ok(await page.getByTestId('input').isVisible());
  assert.deepEqual(errors, []);
  await page.close();
});
