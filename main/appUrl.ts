/**
 * The renderer's address in Electron: `gloss://app/…`, a privileged custom scheme served from
 * dist/renderer only. Pure functions, so the path rules are tested without Electron.
 *
 * Why not file://: a file:// page's origin is opaque ("null"), so Vite's module scripts fail
 * their CORS check; a file:// response cannot carry our Content-Security-Policy header; and
 * file:// reaches the whole disk, where this scheme reaches one folder. Electron's security
 * checklist recommends a custom protocol for the same reasons.
 */
import { CONTENT_SECURITY_POLICY } from '../app/host/server.js';
import { readStaticFile } from '../app/host/staticFiles.js';

export const APP_SCHEME = 'gloss';
export const APP_HOST = 'app';
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/** Headers on every response of the app scheme, found or not. */
export const APP_RESPONSE_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
};

function parse(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

/** True only for `gloss://app/…` exactly: no other host, port or credentials. */
export function isAppUrl(url: string): boolean {
  const parsed = parse(url);
  return (
    parsed !== undefined &&
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.hostname === APP_HOST &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === ''
  );
}

/** A link that may be handed to the system browser: http or https, nothing else. */
export function isExternalWebUrl(url: string): boolean {
  const parsed = parse(url);
  return parsed !== undefined && (parsed.protocol === 'https:' || parsed.protocol === 'http:') && parsed.hostname !== '';
}

export interface AppResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer | string;
}

function plain(status: number, text: string): AppResponse {
  return { status, headers: { ...APP_RESPONSE_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' }, body: text };
}

/** The response to one request of the app scheme: a file under `rendererDir`, or an error. */
export function respondToAppRequest(url: string, method: string, rendererDir: string): AppResponse {
  if (method !== 'GET' && method !== 'HEAD') return plain(405, 'Method not allowed');
  if (!isAppUrl(url)) return plain(404, 'Not found');
  const file = readStaticFile(rendererDir, parse(url)!.pathname);
  if (!file) return plain(404, 'Not found');
  return { status: 200, headers: { ...APP_RESPONSE_HEADERS, 'Content-Type': file.type }, body: method === 'HEAD' ? '' : file.body };
}
