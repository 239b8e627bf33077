// Accessibility: axe-core (npm, run in the page) finds no serious or critical violation in the
// app's main states and on the embed example page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { appSession, readCorpus, cliCheck, paste, checkedFindings } from './harness.mjs';

const session = appSession();
const AXE = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const DOC = '000_a60f2e9b14e82395.txt';
const OTHER = '003_1cc174f46883e4ef.txt';

/** axe-core's serious and critical violations on the page as it stands, one line each. */
async function violations(page) {
  const found = await page.evaluate(async (source) => {
    if (!window.axe) (0, eval)(source);
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.impact} ${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  }, AXE);
  return found;
}

/** A page in a context whose CSP lets axe-core's script run (the app's own CSP allows no eval). */
async function open(url, viewport = { width: 1366, height: 768 }) {
  const context = await session.browser.newContext({ viewport, bypassCSP: true });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(url);
  return { context, page, errors };
}

test('the app has no serious or critical axe violation: empty, checked, document view, English, two documents, phone', async () => {
  const { context, page, errors } = await open(session.server.url);
  await page.getByTestId('input').waitFor();
  const states = {};
  states.empty = await violations(page);

  const text = await readCorpus(DOC);
  await paste(page, text);
  await checkedFindings(page, await cliCheck(text, DOC));
  states.checked = await violations(page);

  await page.getByTestId('pane-document').click();
  await page.getByTestId('doc-view').waitFor();
  states.document = await violations(page);

  await page.getByTestId('language').click();
  await page.locator('html[lang=en]').waitFor();
  states.english = await violations(page);
  await page.getByTestId('language').click();
  await page.locator('html[lang=zh-CN]').waitFor();

  await page.getByTestId('file-input').setInputFiles({ name: OTHER, mimeType: 'text/plain', buffer: Buffer.from(await readCorpus(OTHER)) });
  await page.getByTestId('document-tab').nth(1).waitFor();
  await page.getByTestId('findings-heading').waitFor();
  states.twoDocuments = await violations(page);

  await page.setViewportSize({ width: 390, height: 844 });
  states.phone = await violations(page);

  assert.deepEqual(states, { empty: [], checked: [], document: [], english: [], twoDocuments: [], phone: [] });
  assert.deepEqual(errors, []);
  await context.close();
});

test('the embed example page has no serious or critical axe violation, before and after a check', async () => {
  const { context, page, errors } = await open(`${session.server.url}embed-example.html`, { width: 1280, height: 900 });
  await page.getByTestId('portal-check-sample').and(page.locator(':enabled')).waitFor();
  const before = await violations(page);
  await page.getByTestId('portal-check-sample').click();
  await page.getByTestId('portal-counts').waitFor();
  const after = await violations(page);
  assert.deepEqual({ before, after }, { before: [], after: [] });
  assert.deepEqual(errors, []);
  await context.close();
});
