// Walking skeleton: paste a real document into the built app and see what the CLI sees.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { env, appSession, screenshot, readCorpus } from './harness.mjs';

const DOC = '000_a60f2e9b14e82395.txt';
const session = appSession();

test('pasting 000 shows the table count the CLI reports', async () => {
  const cliReport = JSON.parse(execFileSync(env.cli, ['parse', '--format', 'json', join(env.corpus, DOC)], { encoding: 'utf8' }));
  const expected = cliReport.stats.tables;
  assert.ok(expected > 9, `the CLI should see the nine tables and more, saw ${expected}`);

  const page = await session.browser.newPage({ viewport: { width: 1366, height: 768 } });
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(session.server.url);
  const input = page.getByTestId('input');
  await input.waitFor();
  await input.fill(await readCorpus(DOC));
  await page.getByTestId('summary').filter({ hasText: `识别到 ${expected} 个表格` }).waitFor({ timeout: 10_000 });
  await screenshot(page, 'skeleton-000');
  assert.deepEqual(errors, []);
  await page.close();
});
