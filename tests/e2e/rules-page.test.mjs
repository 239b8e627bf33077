// Each finding's rule code links to its explanation (issue #20, item 4): rules.html, shipped
// beside the app and precached with it, renders the CLI's catalogue (what, why, an example,
// the source), which the app itself leaves out for its size budget.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { env, appSession, openApp, readCorpus, cliCheck, paste, checkedFindings, reportFindings } from './harness.mjs';

const DOC = '000_a60f2e9b14e82395.txt';
const session = appSession();

test('a finding\'s rule code opens that rule\'s explanation, the CLI catalogue\'s', async () => {
  const text = await readCorpus(DOC);
  const expected = await cliCheck(text, DOC);
  const { context, page, errors } = await openApp(session);
  await paste(page, text);
  assert.deepEqual(await checkedFindings(page, expected), reportFindings(expected));

  const first = page.getByTestId('finding').first();
  const rule = await first.getAttribute('data-rule');
  const link = first.getByTestId('rule-link');
  assert.equal(await link.getAttribute('href'), `rules.html#${rule.toLowerCase()}`);
  assert.equal(await link.getAttribute('target'), '_blank');
  const [opened] = await Promise.all([context.waitForEvent('page'), link.click()]);
  await opened.waitForLoadState();
  assert.equal(new URL(opened.url()).hash, `#${rule.toLowerCase()}`);
  // Clicking the code opens the page and does not select the finding.
  assert.equal(await first.getAttribute('aria-current'), null);

  const catalogue = JSON.parse(execFileSync(env.cli, ['rules', '--format', 'json'], { encoding: 'utf8' }));
  for (const info of catalogue) {
    const section = opened.locator(`h2#${info.code.toLowerCase()}`);
    assert.equal(await section.textContent(), info.code);
  }
  const info = catalogue.find((i) => i.code === rule);
  const explained = await opened.locator(`h2#${rule.toLowerCase()} + p`).textContent();
  assert.ok(explained.includes(info.title_zh) && explained.includes(info.title_en), explained);
  assert.deepEqual(errors, []);
  await context.close();
});
