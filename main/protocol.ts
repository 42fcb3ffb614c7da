/** The `gloss://app/` scheme: registered before `ready`, served from dist/renderer after it. */
import { protocol, type Session } from 'electron';
import { APP_SCHEME, respondToAppRequest } from './appUrl.js';

/** Must run before the app is ready (at module top level in main.ts). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      // standard: a real origin, relative URLs and storage work as on https; secure: a secure
      // context. Deliberately not corsEnabled (it would let other origins read our files) and
      // not bypassCSP.
      privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
    },
  ]);
}

export function serveApp(session: Session, rendererDir: string): void {
  session.protocol.handle(APP_SCHEME, (request) => {
    const response = respondToAppRequest(request.url, request.method, rendererDir);
    return new Response(typeof response.body === 'string' ? response.body : new Uint8Array(response.body), {
      status: response.status,
      headers: response.headers,
    });
  });
}
