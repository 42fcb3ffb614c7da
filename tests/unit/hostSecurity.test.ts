/**
 * Browser mode's host and Electron's gloss:// scheme refuse what they must: calls without the
 * token, from another origin or through another host name; any address but 127.0.0.1; and
 * static paths that climb out of the renderer folder, however they are encoded.
 */
import http from 'node:http';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../app/host/server.js';
import { openSession, type Session } from '../../app/host/session.js';
import { respondToAppRequest } from '../../main/appUrl.js';
import { tempDir } from '../support/paths.js';

const SECRET = 'SECRET: this file sits beside the renderer folder and must never be served';

let dir: string;
let rendererDir: string;
let session: Session;
let port: number;

beforeAll(async () => {
  dir = tempDir('gloss-host-security-');
  rendererDir = path.join(dir, 'renderer');
  mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Gloss</title><main data-testid="app"></main>');
  writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'export {};');
  // The names an attacker would try: the repository's package.json beside dist/renderer.
  writeFileSync(path.join(dir, 'package.json'), SECRET);
  writeFileSync(path.join(dir, 'secret.txt'), SECRET);
  session = await openSession(path.join(dir, 'Security.gloss'), { rendererDir });
  port = Number(new URL(session.host.origin).port);
});

afterAll(async () => {
  await session?.close();
  rmSync(dir, { recursive: true, force: true });
});

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A raw request: the path is sent exactly as given, and Host/Origin are whatever we say. */
function send(options: { method?: string; path: string; headers?: Record<string, string>; body?: string; host?: string }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      { host: options.host ?? '127.0.0.1', port, method: options.method ?? 'GET', path: options.path, headers: { Host: `127.0.0.1:${port}`, ...options.headers } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    request.on('error', reject);
    request.end(options.body);
  });
}

function call(headers: Record<string, string>, body = JSON.stringify({ name: 'project.info', input: {} })): Promise<Reply> {
  return send({ method: 'POST', path: '/api/call', headers: { 'Content-Type': 'application/json', ...headers }, body });
}

const good = (): Record<string, string> => ({ Origin: session.host.origin, 'X-Gloss-Token': session.host.token });

describe('browser-mode host: the contract door', () => {
  it('answers a call with the token, from its own origin and host', async () => {
    const reply = await call(good());
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: true, value: { name: 'Security' } });
  });

  it('refuses a call without the token, or with a wrong one', async () => {
    const withoutToken = { Origin: session.host.origin };
    for (const headers of [withoutToken, { ...withoutToken, 'X-Gloss-Token': '' }, { ...withoutToken, 'X-Gloss-Token': 'x'.repeat(48) }, { ...withoutToken, 'X-Gloss-Token': `${session.host.token}0` }]) {
      const reply = await call(headers);
      expect(reply.status).toBe(401);
      expect(JSON.parse(reply.body)).toMatchObject({ ok: false });
      expect(reply.body).not.toContain('"name":"Security"');
    }
  });

  it('refuses a call from another origin, or with none', async () => {
    const withoutOrigin = { 'X-Gloss-Token': session.host.token };
    for (const origin of [undefined, 'http://evil.example', 'null', `http://localhost.evil.example:${port}`, `https://127.0.0.1:${port}`, `http://127.0.0.1:${port + 1}`]) {
      const reply = await call(origin === undefined ? withoutOrigin : { ...withoutOrigin, Origin: origin });
      expect(reply.status, `Origin ${origin}`).toBe(403);
    }
  });

  it('refuses requests through another host name (DNS rebinding), for calls and static files alike', async () => {
    for (const host of ['evil.example', `evil.example:${port}`, `127.0.0.1:${port + 1}`, `127.0.0.1.evil.example:${port}`]) {
      expect((await call({ ...good(), Host: host })).status, `Host ${host}`).toBe(421);
      expect((await send({ path: '/index.html', headers: { Host: host } })).status, `Host ${host}`).toBe(421);
    }
  });

  it('refuses a request with no Host header at all', async () => {
    // Node's client always sends Host, so speak HTTP/1.0 on a raw socket.
    const reply = await new Promise<string>((resolve, reject) => {
      const socket = net.connect({ host: '127.0.0.1', port }, () => socket.end('GET /index.html HTTP/1.0\r\n\r\n'));
      let text = '';
      socket.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
      socket.on('end', () => resolve(text));
      socket.on('error', reject);
    });
    expect(reply).toMatch(/^HTTP\/1\.[01] 421 /);
  });

  it('refuses unknown operations and other methods', async () => {
    expect((await call(good(), JSON.stringify({ name: 'constructor', input: {} }))).status).toBe(404);
    expect((await call(good(), JSON.stringify({ name: 'toString', input: {} }))).status).toBe(404);
    expect((await send({ path: '/api/call', headers: good() })).status).toBe(405);
    expect((await send({ method: 'PUT', path: '/index.html' })).status).toBe(405);
  });

  it('validates input with the contract before running anything', async () => {
    const reply = await call(good(), JSON.stringify({ name: 'project.rename', input: { name: '' } }));
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(JSON.parse((await call(good())).body).value.name).toBe('Security');
  });
});

describe('browser-mode host: where it listens', () => {
  it('binds 127.0.0.1 only', async () => {
    expect(new URL(session.host.url).hostname).toBe('127.0.0.1');
    const others = Object.values(os.networkInterfaces())
      .flat()
      .filter((address): address is os.NetworkInterfaceInfo => !!address && !address.internal)
      .map((address) => address.address);
    for (const address of [...others, '::1']) {
      const reached = await new Promise<boolean>((resolve) => {
        const socket = net.connect({ host: address, port, timeout: 2000 });
        socket.once('connect', () => {
          socket.destroy();
          resolve(true);
        });
        socket.once('error', () => resolve(false));
        socket.once('timeout', () => {
          socket.destroy();
          resolve(false);
        });
      });
      expect(reached, `reachable on ${address}`).toBe(false);
    }
  });
});

/** Paths that try to climb out of the renderer folder, raw and encoded. */
const ESCAPES = [
  '/../package.json',
  '/../secret.txt',
  '/%2e%2e/package.json',
  '/%2E%2E/package.json',
  '/..%2fpackage.json',
  '/..%2Fpackage.json',
  '/%2e%2e%2fpackage.json',
  '/.%2e/package.json',
  '/assets/..%2f..%2fpackage.json',
  '/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
  '/..%5cpackage.json',
  '/..\\package.json',
  '/%252e%252e%252fpackage.json',
  '//..%2fpackage.json',
  '/%2fetc%2fpasswd',
  '/..%00/package.json',
  '/%c0%ae%c0%ae/package.json',
];

describe('browser-mode host: static files', () => {
  it('serves the renderer with its security headers', async () => {
    const reply = await send({ path: '/' });
    expect(reply.status).toBe(200);
    expect(reply.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(reply.headers['x-content-type-options']).toBe('nosniff');
    expect((await send({ path: '/assets/app.js' })).status).toBe(200);
  });

  it.each(ESCAPES)('does not serve %s', async (escape) => {
    const reply = await send({ path: escape });
    expect(reply.body).not.toContain('SECRET');
    expect(reply.status).not.toBe(200);
  });

  it('does not serve an absolute path outside the folder', async () => {
    const reply = await send({ path: `/${encodeURIComponent(path.join(dir, 'secret.txt'))}` });
    expect(reply.body).not.toContain('SECRET');
  });
});

describe("Electron's gloss://app scheme", () => {
  it('serves the renderer with the same Content-Security-Policy', () => {
    const response = respondToAppRequest('gloss://app/index.html', 'GET', rendererDir);
    expect(response.status).toBe(200);
    expect(response.headers['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers['Content-Type']).toMatch(/^text\/html/);
  });

  it.each(ESCAPES)('does not serve gloss://app%s', (escape) => {
    const response = respondToAppRequest(`gloss://app${escape}`, 'GET', rendererDir);
    expect(String(response.body)).not.toContain('SECRET');
    expect(response.status).toBe(404);
    expect(response.headers['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
  });

  it('serves nothing for another host, a port, credentials or another method', () => {
    for (const url of ['gloss://evil/index.html', 'gloss://app:8080/index.html', 'gloss://user@app/index.html', 'gloss://app.evil/index.html', 'http://app/index.html']) {
      expect(respondToAppRequest(url, 'GET', rendererDir).status, url).toBe(404);
    }
    expect(respondToAppRequest('gloss://app/index.html', 'POST', rendererDir).status).toBe(405);
  });
});
