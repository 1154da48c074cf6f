import { ConfigurationError } from '../../src/domain/configuration-error.js';

/**
 * A Workflows webhook URL carries its credential in the query (`sig=…`):
 * whoever has the URL can post into the distributor's channel. So it is
 * checked once at start and only ever shown redacted.
 */

export const WEBHOOK_URL_VARIABLE = 'DELIVERY_WEBHOOK_URL';

/** Query parameters of Workflows / Logic Apps trigger URLs that are not secret and help tell URLs apart. */
const PUBLIC_PARAMETERS = new Set(['api-version', 'sp', 'sv']);

/** Plain http is allowed only to this machine (tests, the local demo). */
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Parses and checks the configured URL; the error message never contains the URL's query. */
export function parseWebhookUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new ConfigurationError('is not a valid absolute URL', WEBHOOK_URL_VARIABLE);
  }
  if (url.username !== '' || url.password !== '') {
    throw new ConfigurationError('must not contain a user name or password', WEBHOOK_URL_VARIABLE);
  }
  const loopback = LOOPBACK_HOSTS.has(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    throw new ConfigurationError(
      `must use https (plain http only for 127.0.0.1 or localhost), got ${redactWebhookUrl(url.href)}`,
      WEBHOOK_URL_VARIABLE,
    );
  }
  return url;
}

/**
 * The URL with every query value except the known public ones replaced, and
 * any user info dropped: safe for logs and error messages.
 */
export function redactWebhookUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return '[invalid URL]';
  }
  const query = [...url.searchParams]
    .map(([key, value]) => {
      const shown = PUBLIC_PARAMETERS.has(key.toLowerCase()) ? value : 'REDACTED';
      return `${encodeURIComponent(key)}=${encodeURIComponent(shown)}`;
    })
    .join('&');
  return `${url.protocol}//${url.host}${url.pathname}${query === '' ? '' : `?${query}`}`;
}

/** Removes anything that looks like a signature from text a remote server sent back (it may echo the request). */
export function redactSignatures(text: string): string {
  return text.replace(/([?&]?(?:sig|signature|code)=)[^&\s"'<>]+/gi, '$1REDACTED');
}
