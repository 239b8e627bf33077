// The address names the document shown and the finding selected (`#doc=…&finding=…`, ids only: the
// text stays in the browser), so that a reload, the link opened in another tab, or the link entered
// over the page's address reopens them; a link to nothing open is ignored.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { env, appSession, cliCheck, openApp, readCorpus, screenshot } from './harness.mjs';

const DOC = '000_a60f2e9b14e82395.txt';
const OTHER = '001_1a1813143cd16474.txt';
const session = appSession();

/** Opens the examples `files` (the last one shown) and waits for each one's findings. */
async function openExamples(page, files) {
  for (const file of files) {
    await page.locator(`[data-testid=example][data-file="${file}"]`).click();
    await page.getByTestId('finding').first().waitFor();
  }
}

/** The document tab `name`. */
const documentTab = (page, name) => page.locator('[data-testid=document-tab] .document-name', { hasText: name });

/**
 * Waits until `finding` (a CLI report's) is selected in the diagnosed results and highlighted in
 * the document view, in view, then resolves to what the page shows: the current document, the selected
 * findings and the highlighted line.
 */
async function shown(page, finding) {
  await page.locator('.results[data-diagnosed=true]').waitFor({ timeout: 10_000 });
  await page.locator(`[data-testid=finding][aria-current=true][data-rule="${finding.rule}"][data-line="${finding.location.line}"]`).waitFor({ timeout: 10_000 });
  await page.getByTestId('highlight').waitFor();
  // In view in its pane: places laid out for the first time (a reload) must not push it out.
  await page.waitForFunction(() => {
    const place = document.querySelector('[data-testid=highlight]');
    const [own, pane] = [place.getBoundingClientRect(), place.closest('.pane-body').getBoundingClientRect()];
    return own.top >= pane.top && own.bottom <= pane.bottom;
  }, null, { timeout: 2_000 });
  return {
    document: await page.locator('.document-tab.current .document-name').evaluate((tab) => tab.firstChild.textContent),
    selected: await page.locator('[data-testid=finding][aria-current=true]').evaluateAll((items) => items.map((item) => `${item.dataset.index} ${item.dataset.line} ${item.dataset.rule}`)),
    highlighted: await page.getByTestId('highlight').evaluate((element) => element.closest('[data-line]').dataset.line),
  };
}

const hash = (page) => page.evaluate(() => location.hash);

/** The app with the example DOC open and diagnosed, and the address naming it. */
async function openDiagnosed() {
  const opened = await openApp(session);
  await openExamples(opened.page, [DOC]);
  await opened.page.locator('.results[data-diagnosed=true]').waitFor({ timeout: 10_000 });
  return { ...opened, documentLink: await hash(opened.page) };
}

test('a finding only the diagnosis adds: its link reopens it after a reload, in a new tab, and entered over another document', async () => {
  const reviewRules = JSON.parse(execFileSync(env.cli, ['rules', '--format', 'json'], { encoding: 'utf8' })).filter((rule) => rule.review).map((rule) => rule.code);
  const report = await cliCheck(await readCorpus(DOC), DOC);
  // A review rule's finding: the app's own check does not find it, its diagnosis module does.
  const target = report.findings.find((finding) => reviewRules.includes(finding.rule) && finding.location.table);
  assert.ok(target, `${DOC} should have a review rule's finding in a table`);

  const { context, page, errors } = await openApp(session);
  const entries = await page.evaluate(() => history.length);
  await openExamples(page, [DOC, OTHER]);
  await documentTab(page, DOC).click();
  await page.locator(`[data-testid=finding][data-rule="${target.rule}"][data-line="${target.location.line}"]`).click();
  const before = await shown(page, target);
  assert.deepEqual(before, { document: DOC, selected: [before.selected[0]], highlighted: String(target.location.line) });
  const link = await hash(page);
  assert.match(link, /^#doc=\d+&finding=\d+$/, 'the address holds ids, never the text');
  assert.equal(await page.evaluate(() => history.length), entries, 'opening and selecting add no history entry');

  await page.reload();
  assert.deepEqual(await shown(page, target), before, 'a reload reopens the document and the finding');
  assert.equal(await hash(page), link);
  await screenshot(page, 'url-state-reloaded');

  // Another document shown: the address follows it, with no finding.
  await documentTab(page, OTHER).click();
  await page.waitForFunction((link) => /^#doc=\d+$/.test(location.hash) && !link.startsWith(location.hash + '&'), link);

  // The link opened in another tab of the same browser, the other document saved as the one shown.
  const tab = await context.newPage();
  tab.on('pageerror', (error) => errors.push(error.message));
  await tab.goto(session.server.url + link);
  assert.deepEqual(await shown(tab, target), before, 'the link opens its document and finding in a new tab');
  assert.equal(await hash(tab), link);
  await tab.close();

  // The link entered over the page's address (only the hash changes), the other document shown.
  await documentTab(page, OTHER).click();
  await page.waitForFunction((link) => !link.startsWith(location.hash + '&'), link);
  await Promise.all([page.waitForEvent('load'), page.goto(session.server.url + link)]);
  assert.deepEqual(await shown(page, target), before, 'the link entered over the address reopens its document and finding');
  assert.equal(await hash(page), link);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a link to a document or finding not open is ignored: the saved document opens with nothing selected', async () => {
  const { context, page, errors, documentLink } = await openDiagnosed();
  const text = await page.getByTestId('input').inputValue();
  assert.match(documentLink, /^#doc=\d+$/, 'the address names the document shown, no finding selected');

  for (const link of ['#doc=1&finding=2', `${documentLink}&finding=1`, `${documentLink}&finding=x`, '#doc=x']) {
    const tab = await context.newPage();
    tab.on('pageerror', (error) => errors.push(error.message));
    await tab.goto(session.server.url + link);
    await tab.locator('.results[data-diagnosed=true]').waitFor({ timeout: 10_000 });
    await tab.waitForFunction((expected) => location.hash === expected, documentLink);
    assert.equal(await tab.locator('[data-testid=finding][aria-current=true]').count(), 0, `${link}: nothing selected`);
    assert.equal(await tab.getByTestId('input').inputValue(), text, `${link}: the saved document is shown`);
    await tab.close();
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('only a link entered reloads: not an in-page hash whose address the app has put back before its event', async () => {
  const { context, page, errors, documentLink } = await openDiagnosed();
  let loads = 0;
  page.on('load', () => loads++);
  // An in-page hash (`#findings`), then the app's address put back (as its next render does)
  // before the browser's hashchange event comes.
  await page.evaluate((link) => new Promise((resolve) => {
    addEventListener('hashchange', () => setTimeout(resolve, 200), { once: true });
    location.hash = '#findings';
    history.replaceState(null, '', link);
  }), documentLink);
  assert.equal(loads, 0, 'the page was not reloaded');
  assert.equal(await hash(page), documentLink);
  assert.deepEqual(errors, []);
  await context.close();
});
