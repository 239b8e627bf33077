// Shared by the browser end-to-end tests: a static server for dist/ and a headless Chromium.
import { createServer } from 'node:http';
import { readFile, mkdir } from 'node:fs/promises';
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

/** Serves `root` on a free loopback port; resolves to { url, close }. */
export async function serveDist(root = env.dist) {
  const server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url, 'http://x').pathname);
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
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((r) => server.close(r)) };
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
