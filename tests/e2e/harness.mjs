// Shared by the browser end-to-end tests: a static server for dist/ and a headless Chromium.
import { createServer, request as httpRequest } from 'node:http';
import { execFileSync } from 'node:child_process';
import { readFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

export const env = {
  dist: required('HEDUI_DIST'),
  cli: required('HEDUI_CLI'),
  corpus: required('HEDUI_CORPUS'),
  chromium: process.env.CHROMIUM || '/usr/bin/chromium',
  screenshots: new URL('./screenshots/', import.meta.url).pathname,
};

function required(name) {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the tests through \`cargo xtask test\``);
  return value;
}

/**
 * Serves `root` on a free loopback port, under the path `folder` (`/`, or a portal's
 * `/tools/hedui/`: anything outside it is 404 and listed in `outside`); resolves to
 * { url, outside, close }.
 */
export async function serveDist(root = env.dist, folder = '/') {
  const outside = [];
  const server = createServer(async (request, response) => {
    const full = decodeURIComponent(new URL(request.url, 'http://x').pathname);
    if (!full.startsWith(folder)) {
      outside.push(full);
      response.writeHead(404).end('not found');
      return;
    }
    const path = full.slice(folder.length - 1);
    const file = normalize(join(root, path.endsWith('/') ? path + 'index.html' : path));
    if (!file.startsWith(normalize(root))) {
      response.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      response.writeHead(200, { 'content-type': MIME[extname(file)] || 'application/octet-stream' });
      response.end(body);
    } catch {
      response.writeHead(404).end('not found');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}${folder}`, outside, close: () => new Promise((r) => server.close(r)) };
}

/** Headless Chromium with the flags this machine's closed network needs. */
export async function launchBrowser() {
  return chromium.launch({
    executablePath: env.chromium,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

/** Saves a full-page screenshot under tests/e2e/screenshots/ (not committed). */
export async function screenshot(page, name) {
  await mkdir(env.screenshots, { recursive: true });
  await page.screenshot({ path: join(env.screenshots, `${name}.png`), fullPage: true });
}

export async function readCorpus(name) {
  return readFile(join(env.corpus, name), 'utf8');
}

/**
 * Serves dist/ and starts Chromium before a test file's tests, and stops both after them.
 * The returned object's `server` and `browser` are set once the tests run.
 */
export function appSession() {
  const session = { server: null, browser: null };
  before(async () => {
    session.server = await serveDist();
    session.browser = await launchBrowser();
  });
  after(async () => {
    await session.browser?.close();
    await session.server?.close();
  });
  return session;
}

/**
 * Opens the app of `session` (an `appSession`) in a new 1366×768 context (`options` added to
 * the context's), recording page errors and requests; resolves once the editor is there.
 */
export async function openApp(session, options = {}) {
  const context = await session.browser.newContext({ viewport: { width: 1366, height: 768 }, ...options });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const requests = [];
  page.on('request', (request) => requests.push(request.url()));
  await page.goto(session.server.url);
  await page.getByTestId('input').waitFor();
  return { context, page, errors, requests };
}

/**
 * Forwards every request to `target` (a `serveDist` URL) from another loopback port, which is
 * another origin, and records each request's path in `requests`; resolves to { url, requests, close }.
 */
export async function recordingProxy(target) {
  const requests = [];
  const server = createServer((request, response) => {
    requests.push(request.url);
    const upstream = httpRequest(new URL(request.url, target), { method: request.method }, (reply) => {
      response.writeHead(reply.statusCode, reply.headers);
      reply.pipe(response);
    });
    upstream.on('error', () => response.writeHead(502).end());
    request.pipe(upstream);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}/`, requests, close: () => new Promise((r) => server.close(r)) };
}

/**
 * The CLI's check report of `text`, saved as `name` in a scratch directory, with the diagnosis
 * (the app's comes from its diagnosis module: `checkedFindings` waits for it).
 */
export async function cliCheck(text, name = 'doc.txt') {
  const dir = await mkdtemp(join(tmpdir(), 'hedui-e2e-'));
  await writeFile(join(dir, name), text);
  const report = JSON.parse(execFileSync(env.cli, ['check', '--format', 'json', '--fail-on', 'never', join(dir, name)], { encoding: 'utf8' }));
  await rm(dir, { recursive: true });
  return report.documents[0];
}

/** Pastes `text` into the app's input. */
export async function paste(page, text) {
  await page.getByTestId('pane-source').click();
  await page.getByTestId('input').fill(text);
}

/**
 * Waits until the app shows `report`'s relation counts (Chinese UI) and its diagnosis is in;
 * resolves to the findings as `line rule severity`, sorted.
 */
export async function checkedFindings(page, report) {
  const checked = `已核对 ${report.stats.checked} 项关系，${report.stats.broken} 项不一致`;
  await page.getByTestId('checked').filter({ hasText: checked }).waitFor({ timeout: 10_000 });
  await page.locator('.results[data-diagnosed=true]').waitFor({ timeout: 10_000 });
  const findings = await page.getByTestId('finding').evaluateAll((items) => items.map((item) => `${item.dataset.line} ${item.dataset.rule} ${item.dataset.severity}`));
  return findings.sort();
}

/** `report`'s findings as `line rule severity`, sorted, to compare with `checkedFindings`. */
export function reportFindings(report) {
  return report.findings.map((f) => `${f.location.line} ${f.rule} ${f.severity}`).sort();
}

/**
 * Headless Chromium (the flags of `launchBrowser`) with a profile in `userDataDir`, as one
 * context: Chromium offers to install an app only outside incognito, which new contexts are.
 */
export async function launchPersistentContext(userDataDir, options = {}) {
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: env.chromium,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    ...options,
  });
}

/** The path of the shared PDF `name` (the PDF corpus is the text corpus's `pdf/` folder). */
export function pdfPath(name) {
  return join(env.corpus, 'pdf', name);
}

/** The CLI's check report of the file at `path` (a PDF as published, say). */
export function cliCheckPdf(path) {
  return JSON.parse(execFileSync(env.cli, ['check', '--format', 'json', '--fail-on', 'never', path], { encoding: 'utf8' })).documents[0];
}

/**
 * Drops `files` on the app's input, as a user drags them from the desktop: each `{name, bytes}`
 * (a Buffer), or `{name, size}` for a file of `size` zero bytes made in the page.
 */
export async function dropFiles(page, files) {
  const payload = files.map(({ name, bytes, size }) => ({ name, base64: bytes?.toString('base64'), size }));
  await page.evaluate((files) => {
    const transfer = new DataTransfer();
    for (const { name, base64, size } of files) {
      const bytes = base64 === undefined ? new Uint8Array(size) : Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      transfer.items.add(new File([bytes], name, { type: name.endsWith('.pdf') ? 'application/pdf' : 'text/plain' }));
    }
    const target = document.querySelector('[data-testid=input]');
    target.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    target.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
  }, payload);
}
