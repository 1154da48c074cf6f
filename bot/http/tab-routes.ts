import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import restify from 'restify';
import type { Request, Response, Server } from 'restify';
import { BOARD_CONFIG_PATH, BOARD_PATH } from '../../src/domain/board/board-pages.js';

/**
 * Hosts allowed to frame the tab: the frame-ancestor table of "Tab
 * requirements" (https://learn.microsoft.com/microsoftteams/platform/tabs/how-to/tab-requirements):
 * all hosts are moving to *.cloud.microsoft; the Teams, Microsoft 365 and
 * Outlook origins stay for backward compatibility, as the page asks.
 */
export const TEAMS_FRAME_ANCESTORS: readonly string[] = [
  'https://*.cloud.microsoft',
  'https://teams.microsoft.com',
  'https://*.teams.microsoft.com',
  'https://*.microsoft365.com',
  'https://*.office.com',
  'https://outlook.office.com',
  'https://outlook.office365.com',
  'https://outlook-sdf.office.com',
  'https://outlook-sdf.office365.com',
];

/**
 * teams-js 2 fetches the list of valid host origins from Microsoft's CDN
 * (`validOriginsCdnEndpoint` in microsoft/microsoft-teams-library-js,
 * src/internal/validOrigins.ts; the URL is in the installed package).
 */
const TEAMS_JS_VALID_ORIGINS = 'https://res.cdn.office.net/teams-js/validDomains/json/validDomains.json';

/**
 * The tab's Content-Security-Policy: scripts and everything else only from
 * this server. Styles also inline: Fluent UI (Griffel) inserts its rules at
 * run time, and index.html has a small inline style.
 */
export function tabContentSecurityPolicy(extraFrameAncestors: readonly string[]): string {
  return [
    "default-src 'self'",
    `connect-src 'self' ${TEAMS_JS_VALID_ORIGINS}`,
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "object-src 'none'",
    "base-uri 'self'",
    `frame-ancestors 'self' ${[...TEAMS_FRAME_ANCESTORS, ...extraFrameAncestors].join(' ')}`,
  ].join('; ');
}

export interface TabHosting {
  /** The Vite build output (`dist/tab`). */
  readonly directory: string;
  /** Extra origins that may frame the tab, beyond Teams (e.g. the local Playground). */
  readonly frameAncestors: readonly string[];
}

/**
 * Serves the built tab at `/` with headers that let only Teams (and us) frame
 * it, and the distributor's board, built apart into `board/` (vite.config.ts),
 * at `/board` and `/board/config` with the same headers.
 */
export function registerTabRoutes(server: Server, tab: TabHosting): void {
  const securityHeaders = {
    'Content-Security-Policy': tabContentSecurityPolicy(tab.frameAncestors),
    'Referrer-Policy': 'strict-origin-when-cross-origin',
  };

  if (!existsSync(join(tab.directory, 'index.html'))) {
    server.get('/*', (_req: Request, res: Response, next: () => void) => {
      res.header('Content-Type', 'text/plain; charset=utf-8');
      res.send(503, `The tab is not built. Run "npm run build:tab" (npm start does it for you).\n`);
      next();
    });
    return;
  }

  const serveFiles = restify.plugins.serveStaticFiles(tab.directory, {
    // Vite fingerprints everything under assets/, so it may be cached for good;
    // index.html must always be revalidated to pick up a new build.
    setHeaders: (res: { setHeader(name: string, value: string): void }, path: string) => {
      for (const [name, value] of Object.entries(securityHeaders)) res.setHeader(name, value);
      res.setHeader('Cache-Control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  const serveBoard = async (_req: Request, res: Response): Promise<void> => {
    const html = await readFile(join(tab.directory, 'board', 'index.html'));
    res.writeHead(200, { ...securityHeaders, 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-cache' });
    res.end(html);
  };
  for (const path of [BOARD_PATH, `${BOARD_PATH}/`, BOARD_CONFIG_PATH]) server.get(path, serveBoard);
  server.get('/*', serveFiles);
}
