import { createHash } from 'node:crypto';
import type { Request, Response, Server } from 'restify';
import { localeFromTag, pick } from '../../src/domain/i18n/locale.js';
import type { Locale } from '../../src/domain/i18n/locale.js';
import { privacyPage, termsPage } from './legal-texts.js';
import type { LegalPage } from './legal-texts.js';
import { TEAMS_FRAME_ANCESTORS } from './tab-routes.js';

/**
 * `/privacy` and `/terms`: the pages the Teams manifest's `developer.privacyUrl`
 * and `termsOfUseUrl` name. A distributor with its own pages sets
 * `PRIVACY_URL` / `TERMS_URL`, and these routes redirect there, so the
 * manifest's links stay valid either way.
 */
export interface LegalPages {
  readonly distributorName: string;
  readonly privacyUrl?: string;
  readonly termsUrl?: string;
}

const STYLE =
  'body{font:16px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;max-width:44rem;margin:0 auto;padding:1.5rem;color:#242424;background:#fff}' +
  'h1{font-size:1.6rem}h2{font-size:1.15rem;margin-top:1.6rem}nav{font-size:.9rem}' +
  '@media (prefers-color-scheme:dark){body{color:#f0f0f0;background:#1f1f1f}a{color:#8ab4f8}}';
const STYLE_HASH = createHash('sha256').update(STYLE).digest('base64');

export function registerLegalRoutes(server: Server, pages: LegalPages): void {
  const headers = {
    // No script at all; the one style element is allowed by its hash.
    'Content-Security-Policy': `default-src 'none'; style-src 'sha256-${STYLE_HASH}'; frame-ancestors 'self' ${TEAMS_FRAME_ANCESTORS.join(' ')}`,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-cache',
    Vary: 'Accept-Language',
  };
  const route = (path: '/privacy' | '/terms', external: string | undefined, page: (distributor: string) => LegalPage): void => {
    server.get(path, (req: Request, res: Response, next: () => void) => {
      if (external !== undefined) {
        res.redirect(302, external, next);
        return;
      }
      const locale = legalPageLocale(req);
      const body = renderLegalPage(page(pages.distributorName), locale, path);
      res.writeHead(200, { ...headers, 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': Buffer.byteLength(body) });
      res.end(body);
      next();
    });
  };
  route('/privacy', pages.privacyUrl, privacyPage);
  route('/terms', pages.termsUrl, termsPage);
}

/** `?lang=ru|en` first (a link may pin the language), else the browser's Accept-Language. */
function legalPageLocale(req: Request): Locale {
  const lang = req.query?.['lang'];
  if (lang === 'ru' || lang === 'en') return lang;
  return localeFromTag(req.header('accept-language'));
}

function renderLegalPage(page: LegalPage, locale: Locale, path: string): string {
  const t = (text: { ru: string; en: string }): string => escapeHtml(pick(text, locale));
  const other: Locale = locale === 'ru' ? 'en' : 'ru';
  const sections = page.sections
    .map((section) => `<h2>${t(section.heading)}</h2>\n${section.paragraphs.map((paragraph) => `<p>${t(paragraph)}</p>`).join('\n')}`)
    .join('\n');
  return `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${t(page.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<nav><a href="${path}?lang=${other}" hreflang="${other}" lang="${other}">${other === 'ru' ? 'Русский' : 'English'}</a></nav>
<h1>${t(page.title)}</h1>
<p>${t(page.intro)}</p>
${sections}
</body>
</html>
`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
