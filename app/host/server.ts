import { randomBytes, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { toErrorInfo } from '../domain/errors.js';
import { fromWire, toWire } from '../domain/wire.js';
import { operations, type OperationName, type Result } from '../service/contract.js';
import type { GlossService } from '../service/service.js';
import { readStaticFile, rendererDirectory } from './staticFiles.js';

/** Browser mode: the renderer and the contract over HTTP, on 127.0.0.1 only. */
export interface HostOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  rendererDir?: string;
}

export interface RunningHost {
  /** The address to open, with the per-run secret token. */
  url: string;
  origin: string;
  token: string;
  close(): Promise<void>;
}

/** Uploads (a document to import) may be large; anything bigger is refused before parsing. */
const MAX_BODY_BYTES = 400 * 1024 * 1024;

/** What the page may load: only its own files, no inline script, no remote anything. */
export const CONTENT_SECURITY_POLICY =
  "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
};

function sameSecret(given: string | undefined, token: string): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function send(response: http.ServerResponse, status: number, type: string, body: string | Buffer): void {
  response.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type, 'Content-Length': Buffer.byteLength(body) });
  response.end(body);
}

function sendResult(response: http.ServerResponse, status: number, result: Result<unknown>): void {
  send(response, status, 'application/json; charset=utf-8', toWire(result));
}

function refuse(response: http.ServerResponse, status: number, message: string): void {
  sendResult(response, status, { ok: false, error: { code: 'invalid_input', message } });
}

async function readBody(request: http.IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function startHost(service: GlossService, options: HostOptions = {}): Promise<RunningHost> {
  const token = randomBytes(24).toString('hex');
  const root = options.rendererDir ?? rendererDirectory();
  let origin = '';
  const allowedHosts = new Set<string>();

  const server = http.createServer((request, response) => {
    void handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) sendResult(response, 500, { ok: false, error: toErrorInfo(error) });
    });
  });

  async function handle(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    // A page on another site can reach 127.0.0.1 through DNS rebinding: only our own host name.
    if (!allowedHosts.has(request.headers.host ?? '')) return refuse(response, 421, 'Wrong host.');
    const url = new URL(request.url ?? '/', origin);

    if (url.pathname === '/api/call') {
      if (request.method !== 'POST') return refuse(response, 405, 'Use POST.');
      if (request.headers.origin !== origin) return refuse(response, 403, 'Requests must come from the Gloss page itself.');
      if (!sameSecret(request.headers['x-gloss-token'] as string | undefined, token)) {
        return refuse(response, 401, 'This page has no valid Gloss token: open the address that `gloss serve` printed.');
      }
      const body = await readBody(request);
      if (body === undefined) return refuse(response, 413, `The request is larger than ${MAX_BODY_BYTES / 2 ** 20} MB.`);
      let call: { name?: unknown; input?: unknown };
      try {
        call = fromWire(body) as { name?: unknown; input?: unknown };
      } catch {
        return refuse(response, 400, 'The request is not valid JSON.');
      }
      if (typeof call.name !== 'string' || !Object.hasOwn(operations, call.name)) return refuse(response, 404, `Gloss has no operation "${String(call.name)}".`);
      const result = await service.call(call.name as OperationName, call.input as never);
      return sendResult(response, 200, result);
    }

    if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(response, 405, 'Use GET.');
    const file = readStaticFile(root, url.pathname);
    if (!file) return send(response, 404, 'text/plain; charset=utf-8', 'Not found');
    return send(response, 200, file.type, file.body);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  allowedHosts.add(`127.0.0.1:${port}`);
  allowedHosts.add(`localhost:${port}`);

  return {
    url: `${origin}/?token=${token}`,
    origin,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
