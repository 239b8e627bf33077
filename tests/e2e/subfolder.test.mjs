// Served from a folder of a portal (`/tools/hedui/`), not from a site's root: the app, its PDF
// reader, its service worker and the embed example request nothing outside that folder.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { env, serveDist, launchBrowser, readCorpus, cliCheck, cliCheckPdf, paste, checkedFindings, reportFindings, dropFiles, pdfPath } from './harness.mjs';

const FOLDER = '/tools/hedui/';
const DOC = '000_a60f2e9b14e82395.txt';
const PDF = 'sh-2024-unit-budget-welfare-home.pdf';
let server;
let browser;

before(async () => {
  server = await serveDist(env.dist, FOLDER);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test('the app in a portal folder checks a pasted document, a PDF and an example, and its service worker controls it there', async () => {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(server.url);
  await page.getByTestId('input').waitFor();

  const text = await readCorpus(DOC);
  const expected = await cliCheck(text, DOC);
  await paste(page, text);
  assert.deepEqual(await checkedFindings(page, expected), reportFindings(expected));

  const pdfReport = cliCheckPdf(pdfPath(PDF));
  await dropFiles(page, [{ name: PDF, bytes: await readFile(pdfPath(PDF)) }]);
  assert.deepEqual(await checkedFindings(page, pdfReport), reportFindings(pdfReport));

  // The service worker is registered for the folder, and controls the page after a reload.
  const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
  assert.equal(scope, server.url);
  await page.reload();
  await page.waitForFunction(() => navigator.serviceWorker.controller?.state === 'activated', null, { timeout: 20_000 });
  await page.getByTestId('input').waitFor();

  // An example document is fetched from the folder's examples/.
  const tabs = await page.getByTestId('document-tab').count();
  await page.getByTestId('example').first().click();
  await page.getByTestId('document-tab').nth(tabs).waitFor();
  await page.getByTestId('findings-heading').waitFor();
  assert.deepEqual(server.outside, [], 'every request stays in the folder');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the embed example in a portal folder loads its package from that folder and checks the sample', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${server.url}embed-example.html`);
  await page.getByTestId('portal-check-sample').and(page.locator(':enabled')).waitFor();
  await page.getByTestId('portal-check-sample').click();
  await page.getByTestId('portal-counts').waitFor();
  assert.ok(Number(await page.getByTestId('portal-checked').textContent()) > 0, 'the sample was checked');
  assert.deepEqual(server.outside, [], 'every request stays in the folder');
  assert.deepEqual(errors, []);
  await context.close();
});
