/**
 * Hardening that applies to every web contents Gloss creates: no navigation away from the app,
 * no new windows (http(s) links go to the system browser), no webviews, no permissions, no
 * downloads and no requests to the network or the disk.
 */
import { app, shell, type Session, type WebContents } from 'electron';
import { APP_SCHEME, isAppUrl, isExternalWebUrl } from './appUrl.js';

/** Schemes a page may load from: our app, inline data, and Chromium's own DevTools. */
const ALLOWED_REQUEST_SCHEMES = new Set([`${APP_SCHEME}:`, 'data:', 'blob:', 'devtools:']);

function allowedRequest(url: string): boolean {
  let protocol: string;
  try {
    protocol = new URL(url).protocol;
  } catch {
    return false;
  }
  if (protocol === `${APP_SCHEME}:`) return isAppUrl(url);
  return ALLOWED_REQUEST_SCHEMES.has(protocol);
}

export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  // Defence in depth behind the CSP: no remote content, and no file:// reads either.
  session.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !allowedRequest(details.url) }));
  session.on('will-download', (event) => event.preventDefault());
}

function openExternally(url: string): void {
  // Only after checking the scheme: shell.openExternal on file:, smb: or a custom handler
  // could run programs.
  if (isExternalWebUrl(url)) void shell.openExternal(url);
}

export function hardenContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-frame-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openExternally(url);
    return { action: 'deny' };
  });
}

/** Harden every web contents as it is created, including ones we did not create ourselves. */
export function hardenAllContents(): void {
  app.on('web-contents-created', (_event, contents) => hardenContents(contents));
}
