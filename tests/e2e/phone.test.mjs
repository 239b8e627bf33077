// On a phone (390×844): once a document is checked, its findings come first, within the first screen.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appSession, checkedFindings, cliCheck, paste, readCorpus, reportFindings, screenshot } from './harness.mjs';

const DOC = '000_a60f2e9b14e82395.txt';
const session = appSession();

test('on a 390×844 phone the first finding is on the first screen, above the document, and the controls are 44 px targets', async () => {
  const text = (await readCorpus(DOC)).replace('合计\t\t280.72\t211.60\t69.12', '合计\t\t280.72\t211.90\t69.12');
  const report = await cliCheck(text);
  const context = await session.browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(session.server.url);
  const input = page.getByTestId('input');
  await input.waitFor();
  assert.ok((await input.boundingBox()).y < 844, 'with nothing to check, the input is on the first screen');
  await paste(page, text);
  assert.deepEqual(await checkedFindings(page, report), reportFindings(report));
  await page.evaluate(() => window.scrollTo(0, 0));
  const first = await page.getByTestId('finding').first().boundingBox();
  assert.ok(first.y + 40 < 844, `the first finding starts within the first screen (at ${first.y} px)`);
  const source = await page.getByTestId('pane-source').boundingBox();
  assert.ok(source.y > first.y, 'the findings come before the document');
  const small = await page.locator('button, select, input[type=search], label.button').evaluateAll((controls) => controls
    .filter((control) => control.offsetParent !== null)
    .map((control) => [control.textContent.trim() || control.getAttribute('aria-label') || control.tagName, control.getBoundingClientRect().height])
    .filter(([, height]) => height < 44));
  assert.deepEqual(small, [], 'every control is at least 44 px tall');
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 390, `nothing is wider than the screen (${width} px)`);
  await screenshot(page, 'phone-findings-first');
  assert.deepEqual(errors, []);
  await context.close();
});
