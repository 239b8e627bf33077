// Privacy, provable: once the app's own files are loaded, checking documents contacts nothing,
// and the page's Content-Security-Policy blocks any connection the app does not need.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { env, serveDist, recordingProxy, launchBrowser, readCorpus, cliCheck, paste, checkedFindings, reportFindings, dropFiles, cliCheckPdf, pdfPath } from './harness.mjs';

let dist, app, elsewhere, browser;

before(async () => {
  dist = await serveDist();
  app = await recordingProxy(dist.url);
  elsewhere = await recordingProxy(dist.url);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await elsewhere?.close();
  await app?.close();
  await dist?.close();
});

/**
 * A page of the app with every request it makes and every CSP violation recorded
 * (`securitypolicyviolation` events and the console's “Content Security Policy” messages).
 */
async function openRecorded() {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  await context.addInitScript(() => {
    window.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.cspViolations.push(`${event.effectiveDirective} ${event.blockedURI}`);
    });
  });
  const page = await context.newPage();
  const requests = [];
  context.on('request', (request) => requests.push(request.url()));
  const consoleViolations = [];
  // Errors include failed subresource-integrity checks of Trunk's `integrity` attributes.
  const errors = [];
  page.on('console', (message) => {
    if (message.text().includes('Content Security Policy')) consoleViolations.push(message.text());
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  const violations = async () => [...await page.evaluate(() => window.cspViolations), ...consoleViolations];
  return { context, page, requests, violations, errors };
}

test('the app loads within its CSP and integrity checks; after its own files, checking each corpus document requests nothing but its diagnosis module, once', async () => {
  const { context, page, requests, violations, errors } = await openRecorded();
  await page.goto(app.url);
  await page.getByTestId('input').waitFor();
  await page.waitForFunction(() => navigator.serviceWorker.controller?.state === 'activated', null, { timeout: 20_000 });
  await page.waitForLoadState('networkidle');

  // What reached the server up to here: the page, its files, the service worker and its precache.
  const sw = await readFile(join(env.dist, 'sw.js'), 'utf8');
  const precached = JSON.parse(sw.match(/^const FILES = (\[.*\]);$/m)[1]);
  const shipped = new Set(['/', '/sw.js', ...precached.map((file) => new URL(file, 'http://x/').pathname)]);
  assert.deepEqual(app.requests.filter((path) => !shipped.has(path)), [], 'only shipped files are requested');
  assert.ok(app.requests.some((path) => path.endsWith('.wasm')), 'the server log sees the app load');
  assert.deepEqual(requests.filter((url) => !url.startsWith(app.url)), [], 'the page contacts no other origin');
  assert.deepEqual(await violations(), []);

  const [serverBefore, pageBefore] = [app.requests.length, requests.length];
  const corpus = (await readdir(env.corpus)).filter((name) => name.endsWith('.txt')).sort();
  assert.equal(corpus.length, 5);
  for (const name of corpus) {
    const text = await readCorpus(name);
    const expected = await cliCheck(text, name);
    await paste(page, text);
    assert.deepEqual(await checkedFindings(page, expected), reportFindings(expected), name);
    await page.getByTestId('pane-document').click();
    await page.getByTestId('doc-view').waitFor();
    assert.ok(await page.getByTestId('doc-view').locator('table').count() >= expected.tables.length, `${name}: the document view shows its tables`);
  }
  assert.deepEqual(app.requests.slice(serverBefore), [], 'checking requests nothing from the server');
  // The diagnosis module: the app's own files, fetched once (from the service worker's cache).
  const diagnosis = ['diagnosis/worker.js', 'diagnosis/hedui_diagnosis_worker.js', 'diagnosis/hedui_diagnosis_worker_bg.wasm'].map((file) => `${app.url}${file}`);
  assert.deepEqual(requests.slice(pageBefore), diagnosis, 'checking requests nothing but the diagnosis module, once');

  // A PDF: its worker loads the PDF reader (from the service worker's cache) and nothing else.
  const pdf = 'sh-2024-final-social-work-dept.pdf';
  const expected = cliCheckPdf(pdfPath(pdf));
  await dropFiles(page, [{ name: pdf, bytes: await readFile(pdfPath(pdf)) }]);
  assert.deepEqual(await checkedFindings(page, expected), reportFindings(expected), pdf);
  const reader = ['pdf/worker.js', 'pdf/hedui_pdf_worker.js', 'pdf/hedui_pdf_worker_bg.wasm'].map((file) => `${app.url}${file}`);
  assert.deepEqual(requests.slice(pageBefore).filter((url) => !reader.includes(url) && !diagnosis.includes(url)), [], 'reading a PDF requests only the PDF reader');
  assert.deepEqual(app.requests.slice(serverBefore), [], 'the PDF reader comes from the cache: the server sees nothing');
  assert.deepEqual(await violations(), []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the CSP blocks a cross-origin fetch from the page before it leaves the browser', async () => {
  const { context, page, violations } = await openRecorded();
  await page.goto(app.url);
  await page.getByTestId('input').waitFor();
  const target = `${elsewhere.url}examples/000_a60f2e9b14e82395.txt`;
  // `no-cors`: without the CSP this fetch would succeed (with an opaque response).
  const outcome = await page.evaluate((url) => fetch(url, { mode: 'no-cors' }).then(() => 'fetched', (error) => error.name), target);
  assert.deepEqual(elsewhere.requests, [], 'the other origin received nothing');
  assert.equal(outcome, 'TypeError');
  await page.waitForFunction(() => window.cspViolations.length > 0, null, { timeout: 5_000 });
  const reported = await violations();
  assert.ok(reported.includes(`connect-src ${target}`), `a connect-src violation event: ${reported}`);
  assert.deepEqual(reported.filter((violation) => !violation.includes(target)), [], 'nothing else is blocked');
  await context.close();
});
