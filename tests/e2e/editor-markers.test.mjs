// The findings marked in the source editor (issue #20, item 5): each finding's span underlined
// behind the text area, with a gutter mark on its line; F8 / Shift+F8 and the buttons step
// through them, selecting the span in the editor and the finding in the list; a click on a
// marker selects its finding; typing hides the markers until the new text's check arrives.
import { test } from 'node:test';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import { env, appSession, checkedFindings, openApp, cliCheck, paste, readCorpus, reportFindings, screenshot } from './harness.mjs';

const DOC = '000_a60f2e9b14e82395.txt';
const SEVERITY = { error: 0, warning: 1, notice: 2 };
const session = appSession();

/**
 * The markers `report`'s findings on `text` should give, in text order: each distinct span
 * (UTF-16 offsets, as the text area counts them), its text, its severity (the most severe
 * finding's) and its most severe findings as `line rule`.
 */
function expectedMarkers(text, report) {
  const bytes = Buffer.from(text);
  const unit = (byte) => bytes.subarray(0, byte).toString().length;
  const bySpan = new Map();
  for (const finding of report.findings) {
    const { byte_start: start, byte_end: end } = finding.location;
    if (end <= start) continue;
    const key = `${start} ${end}`;
    if (!bySpan.has(key)) bySpan.set(key, { from: unit(start), to: unit(end), findings: [] });
    bySpan.get(key).findings.push(finding);
  }
  return [...bySpan.values()].sort((a, b) => a.from - b.from).map(({ from, to, findings }) => {
    const worst = Math.min(...findings.map((f) => SEVERITY[f.severity]));
    const top = findings.filter((f) => SEVERITY[f.severity] === worst);
    return {
      from, to,
      excerpts: findings.map((f) => f.location.excerpt),
      severity: top[0].severity,
      findings: top.map((f) => `${f.location.line} ${f.rule}`),
    };
  });
}

/** The app (at `viewport`) with `text` pasted and checked; `report` is the CLI's check of it. */
async function openChecked(text, report, viewport = { width: 1366, height: 768 }) {
  const { context, page, errors } = await openApp(session, { viewport, ...(viewport.width < 600 ? { isMobile: true, hasTouch: true } : {}) });
  await paste(page, text);
  assert.deepEqual(await checkedFindings(page, report), reportFindings(report));
  return { context, page, errors };
}

const markers = (page) => page.locator('.editor-marks mark').evaluateAll((marks) => marks.map((mark) => ({ text: mark.textContent, className: mark.className })));

/** The text area's selection, and the finding selected in the list as `line rule`. */
const selection = (page) => page.evaluate(() => {
  const input = document.querySelector('[data-testid=input]');
  const selected = document.querySelector('[data-testid=finding][aria-current=true]');
  return {
    from: input.selectionStart,
    to: input.selectionEnd,
    focused: document.activeElement === input,
    finding: selected && `${selected.dataset.line} ${selected.dataset.rule}`,
  };
});

/** Whether marker `index` is within the editor's scrolling frame's visible part. */
const markerInView = (page, index) => page.evaluate((index) => {
  const mark = document.querySelectorAll('.editor-marks mark')[index].getBoundingClientRect();
  const frame = document.querySelector('.editor-frame').getBoundingClientRect();
  return mark.top >= frame.top && mark.bottom <= frame.bottom;
}, index);

async function assertAt(page, marker, what) {
  const now = await selection(page);
  assert.deepEqual([now.from, now.to, now.focused], [marker.from, marker.to, true], `${what}: the marker's span is selected in the editor`);
  assert.ok(marker.findings.includes(now.finding), `${what}: its finding (${marker.findings.join(', ')}) is selected in the list, not ${now.finding}`);
}

test('every finding with a span is marked in the editor, in its text, its severity\'s colour, and the text area keeps to its copy', async () => {
  const text = await readCorpus(DOC);
  const report = await cliCheck(text);
  const expected = expectedMarkers(text, report);
  const { context, page, errors } = await openChecked(text, report);
  const shown = await markers(page);
  assert.equal(shown.length, expected.length, 'a marker per finding span (findings on one span share it)');
  assert.ok(expected.length >= 20, `000 has findings with spans (${expected.length})`);
  shown.forEach((marker, i) => {
    for (const excerpt of expected[i].excerpts) assert.equal(marker.text, excerpt, `marker ${i}'s text is its finding's excerpt`);
    assert.equal(marker.className, `sev-${expected[i].severity}`);
  });
  const value = await page.getByTestId('input').inputValue();
  assert.deepEqual(expected.map((m) => value.slice(m.from, m.to)), shown.map((m) => m.text), 'each marker covers its text in the text area');

  // The text area does not scroll on its own: the frame scrolls it and its copy together.
  const layout = await page.evaluate(() => {
    const input = document.querySelector('[data-testid=input]');
    const marks = document.querySelector('.editor-marks');
    const frame = document.querySelector('.editor-frame');
    frame.scrollTop = frame.scrollHeight / 2;
    const [a, b] = [input.getBoundingClientRect(), marks.getBoundingClientRect()];
    return { overflow: input.scrollHeight - input.clientHeight, scrollTop: input.scrollTop, frameScrolled: frame.scrollTop > 0, same: [a.left, a.top, a.width, a.height].join() === [b.left, b.top, b.width, b.height].join() };
  });
  assert.deepEqual(layout, { overflow: 0, scrollTop: 0, frameScrolled: true, same: true });
  // Each marker's gutter mark stands in the gutter, on the marker's first line.
  const gutter = await page.evaluate(() => [...document.querySelectorAll('.editor-marks mark')].map((mark) => {
    const style = getComputedStyle(mark, '::before');
    const first = mark.getClientRects()[0];
    return style.position === 'absolute' && parseFloat(style.left) < parseFloat(getComputedStyle(mark.parentElement).paddingLeft) && first.height > 0;
  }));
  assert.ok(gutter.every(Boolean));
  for (const [width, height] of [[1366, 768], [1920, 1080]]) {
    await page.setViewportSize({ width, height });
    await page.evaluate(() => document.querySelectorAll('.editor-marks mark')[2].scrollIntoView({ block: 'start' }));
    await screenshot(page, `editor-markers-${width}-marked`);
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('F8, Shift+F8 and the buttons select the next and previous markers\' spans and their findings, round at the ends', async () => {
  const text = await readCorpus(DOC);
  const report = await cliCheck(text);
  const expected = expectedMarkers(text, report);
  const { context, page, errors } = await openChecked(text, report);
  const input = page.getByTestId('input');
  await input.evaluate((area) => {
    area.focus();
    area.setSelectionRange(0, 0);
  });
  await page.keyboard.press('F8');
  await assertAt(page, expected[0], 'F8 from the start');
  await page.keyboard.press('F8');
  await assertAt(page, expected[1], 'F8 again');
  await page.getByTestId('next-finding').click();
  await assertAt(page, expected[2], 'the next button');
  await page.keyboard.press('Shift+F8');
  await assertAt(page, expected[1], 'Shift+F8');
  await page.getByRole('button', { name: '上一个问题' }).click();
  await assertAt(page, expected[0], 'the previous button, by its name');
  await page.keyboard.press('Shift+F8');
  await assertAt(page, expected.at(-1), 'Shift+F8 from the first marker goes round to the last');
  assert.ok(await markerInView(page, expected.length - 1), 'the last marker is scrolled to');
  await page.keyboard.press('F8');
  await assertAt(page, expected[0], 'F8 from the last goes round to the first');
  assert.ok(await markerInView(page, 0), 'the first marker is scrolled to');
  assert.ok(await input.isVisible(), 'the editor stays shown');
  await screenshot(page, 'editor-markers-1366');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a click in a marker\'s text selects its finding and leaves the caret; a click on its gutter mark selects its span too', async () => {
  const text = await readCorpus(DOC);
  const report = await cliCheck(text);
  const expected = expectedMarkers(text, report);
  const { context, page, errors } = await openChecked(text, report);
  const target = 3;
  await page.evaluate((index) => document.querySelectorAll('.editor-marks mark')[index].scrollIntoView({ block: 'center' }), target);
  const box = await page.locator('.editor-marks mark').nth(target).boundingBox();
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  const clicked = await selection(page);
  assert.equal(clicked.from, clicked.to, 'the caret is where the user clicked');
  assert.ok(clicked.from >= expected[target].from && clicked.from <= expected[target].to);
  assert.ok(expected[target].findings.includes(clicked.finding), `the marker's finding is selected, not ${clicked.finding}`);

  const other = 5;
  await page.evaluate((index) => document.querySelectorAll('.editor-marks mark')[index].scrollIntoView({ block: 'center' }), other);
  const [mark, frame] = await Promise.all([page.locator('.editor-marks mark').nth(other).boundingBox(), page.locator('.editor-frame').boundingBox()]);
  await page.mouse.click(frame.x + 9, mark.y + 6);
  await assertAt(page, expected[other], 'a click on the gutter mark');
  assert.deepEqual(errors, []);
  await context.close();
});

test('typing hides the markers until the new text is checked, which marks its own spans', async () => {
  const text = await readCorpus(DOC);
  const report = await cliCheck(text);
  const { context, page, errors } = await openChecked(text, report);
  assert.equal((await markers(page)).length, expectedMarkers(text, report).length);

  // The doubled 单位 (L004) put right, as typed (checked once typing pauses).
  const doubled = text.indexOf('单位单位');
  assert.ok(doubled > 0);
  const edited = text.slice(0, doubled) + text.slice(doubled + 2);
  const hidden = await page.getByTestId('input').evaluate(async (area, at) => {
    area.focus();
    area.setSelectionRange(at + 2, at + 4);
    area.setRangeText('');
    area.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'deleteContentBackward' }));
    await new Promise(requestAnimationFrame);
    const steps = ['previous-finding', 'next-finding'].map((id) => document.querySelector(`[data-testid=${id}]`).disabled);
    return { markers: document.querySelectorAll('.editor-marks mark').length, steps };
  }, doubled);
  assert.deepEqual(hidden, { markers: 0, steps: [true, true] }, 'no marker is drawn over the edited text before its check, and none is stepped to');
  assert.equal(await page.getByTestId('input').inputValue(), edited);

  const editedReport = await cliCheck(edited);
  const expected = expectedMarkers(edited, editedReport);
  assert.equal(expected.length, expectedMarkers(text, report).length - 1, 'the edit leaves one span fewer');
  await page.waitForFunction((count) => document.querySelectorAll('.editor-marks mark').length === count, expected.length);
  assert.deepEqual(await checkedFindings(page, editedReport), reportFindings(editedReport));
  const shown = await markers(page);
  const value = await page.getByTestId('input').inputValue();
  assert.deepEqual(shown.map((m) => m.text), expected.map((m) => value.slice(m.from, m.to)), 'the new check\'s markers cover their spans of the new text');
  shown.forEach((marker, i) => assert.equal(marker.text, expected[i].excerpts[0]));
  assert.ok(await page.getByTestId('next-finding').isEnabled(), 'the new markers can be stepped to');
  assert.deepEqual(errors, []);
  await context.close();
});

test('on a 390×844 phone the editor shows its markers and the next-finding button brings each into view', async () => {
  const text = await readCorpus(DOC);
  const report = await cliCheck(text);
  const expected = expectedMarkers(text, report);
  const { context, page, errors } = await openChecked(text, report, { width: 390, height: 844 });
  assert.equal((await markers(page)).length, expected.length);
  await page.getByTestId('next-finding').click();
  await page.getByTestId('next-finding').click();
  await assertAt(page, expected[1], 'the next button, twice');
  const inViewport = await page.evaluate(() => {
    const mark = document.querySelectorAll('.editor-marks mark')[1].getBoundingClientRect();
    return mark.top >= 0 && mark.bottom <= innerHeight;
  });
  assert.ok(inViewport, 'the selected marker is on the screen');
  assert.ok(await markerInView(page, 1));
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 390, `nothing is wider than the screen (${width} px)`);
  await screenshot(page, 'editor-markers-phone');
  await page.screenshot({ path: join(env.screenshots, 'editor-markers-phone-screen.png') });
  assert.deepEqual(errors, []);
  await context.close();
});
