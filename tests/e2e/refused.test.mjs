// Files that could not be opened, and texts with nothing to check: the results pane says what
// happened, never that no problem was found; and the page's title follows the language.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appSession, cliCheck, dropFiles, paste, screenshot } from './harness.mjs';

const session = appSession();

async function openApp() {
  const page = await session.browser.newPage({ viewport: { width: 1366, height: 768 } });
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(session.server.url);
  await page.getByTestId('input').waitFor();
  return { page, errors };
}

const resultsPane = (page) => page.locator('#findings');

test('refused files: the results pane says why they were not checked, not that nothing was found', async () => {
  const { page, errors } = await openApp();
  assert.doesNotMatch(await resultsPane(page).textContent(), /未发现问题/, 'nothing checked yet');
  await dropFiles(page, [
    { name: '决算.pages', bytes: Buffer.from('PK\u0003\u0004 not a text') },
    { name: '扫描件.txt', bytes: Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0x01, 0x02, 0xff, 0x00, 0x00]) },
  ]);
  const problems = page.getByTestId('results-problems');
  await problems.waitFor();
  const said = await problems.textContent();
  assert.match(said, /没有可核对的文档/);
  assert.match(said, /决算\.pages：暂不支持该格式/);
  assert.match(said, /扫描件\.txt：无法读取/);
  assert.doesNotMatch(await resultsPane(page).textContent(), /未发现问题/);
  assert.equal(await page.getByTestId('file-problems').count(), 0, 'said once, in the results pane');
  await screenshot(page, 'refused-files');

  await page.getByTestId('language').click();
  await problems.filter({ hasText: 'No document to check' }).waitFor();
  assert.doesNotMatch(await resultsPane(page).textContent(), /No problems found/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a text in which nothing could be checked says so instead of "no problems found"', async () => {
  const text = '关于做好本单位年度工作的通知\n\n请各科室认真落实。\n';
  const report = await cliCheck(text);
  assert.equal(report.stats.checked, 0);
  assert.equal(report.findings.length, 0);
  const { page, errors } = await openApp();
  await paste(page, text);
  const nothing = page.getByTestId('nothing-checked');
  await nothing.waitFor();
  assert.match(await nothing.textContent(), /未能核对/);
  assert.doesNotMatch(await resultsPane(page).textContent(), /未发现问题/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the page title follows the language', async () => {
  const { page, errors } = await openApp();
  assert.equal(await page.title(), '核对 hedui — 预决算公开核对');
  await page.getByTestId('language').click();
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  assert.equal(await page.title(), 'hedui — checks budget disclosures');
  await page.getByTestId('language').click();
  await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
  assert.equal(await page.title(), '核对 hedui — 预决算公开核对');
  assert.deepEqual(errors, []);
  await page.close();
});

test('dragging files over the page shows where they go; leaving or dropping takes it away', async () => {
  const { page, errors } = await openApp();
  const drag = (type) => page.evaluate((type) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File(['关于'], 'a.txt', { type: 'text/plain' }));
    const target = document.querySelector('[data-testid=input]');
    target.dispatchEvent(new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true, relatedTarget: null }));
  }, type);
  const overlay = page.getByTestId('drop-overlay');
  assert.equal(await overlay.count(), 0);
  await drag('dragover');
  await overlay.waitFor();
  assert.equal(await overlay.textContent(), '松开即可打开文件');
  await screenshot(page, 'drop-feedback');
  await drag('dragleave');
  await overlay.waitFor({ state: 'detached' });
  await drag('dragover');
  await overlay.waitFor();
  await drag('drop');
  await overlay.waitFor({ state: 'detached' });
  await page.waitForFunction(() => document.querySelector('[data-testid=input]').value === '关于');
  assert.deepEqual(errors, []);
  await page.close();
});
