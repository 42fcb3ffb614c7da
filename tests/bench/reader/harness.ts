/**
 * What the reader benchmark and checks share: bundle the page (renderer/reader/bench) with
 * Vite's JS API into a temporary folder, serve it on 127.0.0.1 from a tiny HTTP server (module
 * scripts do not load from file://), and open it in Debian's Chromium through playwright-core
 * (Playwright cannot download its own browsers here).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { repoRoot } from '../../support/paths.js';

export const CHROMIUM = process.env['GLOSS_CHROMIUM'] ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json',
};

export interface Harness {
  browser: Browser;
  url: string;
  /** A fresh page (own context) with the bench page loaded and ready. */
  open(viewport?: { width: number; height: number }): Promise<Page>;
  close(): Promise<void>;
}

async function buildPage(outDir: string): Promise<void> {
  const { build } = await import('vite');
  await build({
    configFile: false,
    root: join(repoRoot, 'renderer', 'reader', 'bench'),
    base: './',
    logLevel: 'warn',
    esbuild: { jsx: 'automatic' },
    // GLOSS_BENCH_MINIFY=0 keeps function names readable in CPU profiles.
    build: { outDir, emptyOutDir: true, target: 'es2022', sourcemap: false, minify: process.env['GLOSS_BENCH_MINIFY'] !== '0', reportCompressedSize: false },
  });
}

function serve(dir: string): Promise<Server> {
  const server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname)).replace(/^([/\\])+/, '');
    const file = join(dir, path === '' ? 'index.html' : path);
    if (!file.startsWith(dir + sep)) {
      response.writeHead(403).end();
      return;
    }
    try {
      const body = readFileSync(file);
      response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

export async function startHarness(): Promise<Harness> {
  const dir = mkdtempSync(join(tmpdir(), 'gloss-reader-page-'));
  await buildPage(dir);
  const server = await serve(dir);
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/index.html`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  return {
    browser,
    url,
    async open(viewport = { width: 1280, height: 900 }) {
      const context = await browser.newContext({ viewport, deviceScaleFactor: 1 });
      const page = await context.newPage();
      page.on('pageerror', (error) => process.stderr.write(`page error: ${error.message}\n`));
      await page.goto(url);
      await page.waitForFunction(() => 'readerPage' in globalThis);
      return page;
    },
    async close() {
      await browser.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
