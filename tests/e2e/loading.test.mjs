// The first paint: index.html shows what the app is and that it is loading before the wasm arrives.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appSession, screenshot } from './harness.mjs';

const session = appSession();

test('the page shows a loading shell until the app mounts, then the app replaces it', async () => {
  const page = await session.browser.newPage({ viewport: { width: 1366, height: 768 } });
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route(/_bg\.wasm$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(session.server.url, { waitUntil: 'domcontentloaded' });
  const shell = page.getByTestId('loading');
  await shell.waitFor();
  assert.match(await shell.locator('h1').textContent(), /核对 hedui/);
  assert.match(await shell.locator('.tagline').textContent(), /核对/);
  assert.equal(await shell.getByRole('status').textContent(), '正在加载…');
  assert.equal(await page.getByTestId('input').count(), 0, 'the app has not mounted while its wasm is held back');
  await screenshot(page, 'loading-shell');
  release();
  await page.getByTestId('input').waitFor();
  assert.equal(await shell.count(), 0, 'the app replaces the shell');
  assert.deepEqual(errors, []);
  await page.close();
});
