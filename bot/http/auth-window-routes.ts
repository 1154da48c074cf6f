import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Request, Response, Server } from 'restify';
import { AUTH_END_PATH, AUTH_START_PATH, checkAuthEndQuery, parseAuthStartQuery } from '../../src/domain/auth/auth-window.js';
import type { ParsedQuery } from '../../src/domain/auth/auth-window.js';
import { TEAMS_FRAME_ANCESTORS } from './tab-routes.js';

/**
 * `GET /auth/start` and `GET /auth/end`: the pages of the Teams
 * authentication window (src/domain/auth/auth-window.ts says how the flow
 * goes), built by Vite into the tab's folder as `auth/start.html` and
 * `auth/end.html`. Their parameters are checked here as on the page, so a
 * crafted link gets a 400 instead of a page.
 */

/** Where the pages may connect: this server (`/api/config`), Entra (MSAL's metadata and token requests), teams-js's list of valid origins. */
const CONNECT_SOURCES = ["'self'", 'https://login.microsoftonline.com', 'https://res.cdn.office.net'];

export const AUTH_WINDOW_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy':
    `default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src ${CONNECT_SOURCES.join(' ')}; ` +
    `base-uri 'none'; form-action 'none'; frame-ancestors 'self' ${TEAMS_FRAME_ANCESTORS.join(' ')}`,
  'X-Content-Type-Options': 'nosniff',
  // The code comes back in the fragment, which is never sent as a referrer; no-referrer hides the rest too.
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
};

export function registerAuthWindowRoutes(server: Server, tabDirectory: string): void {
  const page = (path: string, file: string, check: (query: URLSearchParams) => ParsedQuery<unknown>): void => {
    server.get(path, async (req: Request, res: Response) => {
      const checked = check(new URL(req.url ?? '/', 'http://localhost').searchParams);
      if (!checked.ok) {
        sendText(res, 400, `Invalid sign-in link: ${checked.problem}\n`);
        return;
      }
      let html: Buffer;
      try {
        html = await readFile(join(tabDirectory, 'auth', file));
      } catch {
        sendText(res, 503, `The sign-in pages are not built. Run "npm run build:tab".\n`);
        return;
      }
      res.writeHead(200, { ...AUTH_WINDOW_HEADERS, 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': html.length });
      res.end(html);
    });
  };
  page(AUTH_START_PATH, 'start.html', parseAuthStartQuery);
  page(AUTH_END_PATH, 'end.html', checkAuthEndQuery);
}

function sendText(res: Response, status: number, text: string): void {
  res.writeHead(status, { ...AUTH_WINDOW_HEADERS, 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}
