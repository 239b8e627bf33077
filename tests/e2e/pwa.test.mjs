// The app as an installed, offline app: installable, works without the network once loaded, and
// takes a new version only when the user clicks the banner.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { env, serveDist, launchBrowser, launchPersistentContext, screenshot, readCorpus, cliCheck, paste, checkedFindings, reportFindings, dropFiles, cliCheckPdf, pdfPath } from './harness.mjs';

const DOC = '000_a60f2e9b14e82395.txt';
const EXAMPLE = '002_2a4a6f0d8c259386.txt';
const PDF = 'sh-2024-final-social-work-dept.pdf';
let browser;

before(async () => {
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
});

/** Opens `url` in `context` (a new one by default) and waits until the service worker controls the page. */
async function openControlled(url, context = null) {
  context ??= await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(url);
  await page.getByTestId('input').waitFor();
  await page.waitForFunction(() => navigator.serviceWorker.controller?.state === 'activated', null, { timeout: 20_000 });
  return { context, page, errors };
}

/** The cache names the page sees: one per installed version. */
const cacheNames = (page) => page.evaluate(() => caches.keys());

/** The app loaded once online, then reloaded with the network cut and the server gone. */
async function reopenOffline() {
  const server = await serveDist();
  const opened = await openControlled(server.url);
  await opened.context.setOffline(true);
  await server.close();
  const response = await opened.page.reload();
  assert.ok(response.fromServiceWorker(), 'the page comes from the service worker');
  await opened.page.getByTestId('input').waitFor();
  return opened;
}

test('installable: the manifest is served and Chromium reports no installability errors', async () => {
  const server = await serveDist();
  const profile = await mkdtemp(join(tmpdir(), 'hedui-profile-'));
  const { context, page, errors } = await openControlled(server.url, await launchPersistentContext(profile));
  const cdp = await context.newCDPSession(page);
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  assert.deepEqual(installabilityErrors, []);

  const manifest = await cdp.send('Page.getAppManifest');
  assert.equal(manifest.url, `${server.url}manifest.webmanifest`);
  assert.deepEqual(manifest.errors, []);
  const data = JSON.parse(manifest.data);
  assert.equal(data.name, '核对 hedui — 预决算公开核对');
  assert.equal(data.short_name, '核对');
  assert.equal(data.display, 'standalone');
  assert.equal(new URL(data.start_url, manifest.url).href, server.url);
  const served = await page.request.get(manifest.url);
  assert.equal(served.headers()['content-type'], 'application/manifest+json');
  for (const icon of data.icons) {
    const response = await page.request.get(new URL(icon.src, manifest.url).href);
    assert.equal(response.status(), 200, icon.src);
    assert.equal(response.headers()['content-type'], icon.type, icon.src);
  }
  assert.deepEqual(errors, []);
  await context.close();
  await server.close();
  await rm(profile, { recursive: true });
});

test('offline: once loaded, the app starts, checks a pasted document and opens an example without the network', async () => {
  const { context, page, errors } = await reopenOffline();
  const text = await readCorpus(DOC);
  const expected = await cliCheck(text);
  await paste(page, text);
  assert.deepEqual(await checkedFindings(page, expected), reportFindings(expected));
  assert.equal(await page.getByTestId('department').textContent(), expected.department);

  const example = await cliCheck(await readCorpus(EXAMPLE), EXAMPLE);
  await page.locator(`[data-testid="example"][data-file="${EXAMPLE}"]`).click();
  assert.deepEqual(await checkedFindings(page, example), reportFindings(example));
  await screenshot(page, 'pwa-offline-example');
  assert.deepEqual(errors, []);
  await context.close();
});

test('offline: a PDF dropped after the first visit is read and checked without the network', async () => {
  const { context, page, errors } = await reopenOffline();
  // The PDF reader was never loaded online: it comes from the precache.
  const expected = cliCheckPdf(pdfPath(PDF));
  await dropFiles(page, [{ name: PDF, bytes: await readFile(pdfPath(PDF)) }]);
  assert.deepEqual(await checkedFindings(page, expected), reportFindings(expected));
  assert.equal(await page.getByTestId('finding-page').count(), expected.findings.length);
  assert.deepEqual(errors, []);
  await context.close();
});

test('update: a new deployment shows the banner; clicking it lets the new version take over', async (t) => {
  const root = await mkdtemp(join(tmpdir(), 'hedui-deploy-'));
  await cp(env.dist, root, { recursive: true });
  const server = await serveDist(root);
  const { context, page, errors } = await openControlled(server.url);
  // Closed even when an assertion fails: an open server or browser would keep the run from ending.
  t.after(async () => {
    await context.close();
    await server.close();
    await rm(root, { recursive: true });
  });
  // Which page is loaded: its theme colour (the app sets the title itself, in its language).
  const themeColour = () => page.evaluate(() => document.querySelector('meta[name=theme-color]').content);
  const oldColour = await themeColour();
  const [oldCache] = await cacheNames(page);
  assert.match(oldCache, /^hedui-[0-9a-f]{16}$/);

  // Deploy a new version: a changed page, and the service worker a build writes for it.
  const newColour = '#123456';
  const index = await readFile(join(root, 'index.html'), 'utf8');
  // The release page is minified: its attribute values may be unquoted.
  const colourAttribute = new RegExp(`content="?${oldColour}"?(?=[ >])`);
  assert.match(index, colourAttribute);
  await writeFile(join(root, 'index.html'), index.replace(colourAttribute, `content="${newColour}"`));
  const sw = await readFile(join(root, 'sw.js'), 'utf8');
  const newVersion = 'feedfacefeedface';
  assert.match(sw, /^const VERSION = "[0-9a-f]{16}";$/m);
  await writeFile(join(root, 'sw.js'), sw.replace(/^const VERSION = "[0-9a-f]{16}";$/m, `const VERSION = "${newVersion}";`));

  await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
  const banner = page.getByTestId('update-available');
  await banner.waitFor({ timeout: 20_000 });
  assert.equal(await banner.textContent(), '有新版本，刷新');
  assert.equal(await themeColour(), oldColour, 'the new version waits for the user');
  assert.deepEqual((await cacheNames(page)).sort(), [oldCache, `hedui-${newVersion}`].sort());
  await screenshot(page, 'pwa-update-banner');
  await page.getByTestId('language').click();
  await page.getByTestId('update-available').filter({ hasText: 'New version available — reload' }).waitFor();
  await screenshot(page, 'pwa-update-banner-en');

  await Promise.all([page.waitForEvent('load'), banner.click()]);
  assert.equal(await themeColour(), newColour);
  assert.deepEqual(await cacheNames(page), [`hedui-${newVersion}`], 'the old version\'s cache is gone');
  assert.ok(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).waiting === null), 'no version is left waiting');
  await page.getByTestId('input').waitFor();
  assert.equal(await page.getByTestId('update-available').count(), 0);
  assert.deepEqual(errors, []);
});
