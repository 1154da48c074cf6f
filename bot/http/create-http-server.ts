import restify from 'restify';
import type { Next, Request, RequestHandler, Response, Server } from 'restify';
import type { Logger } from '../logger.js';
import { apiError } from './api-error.js';
import { registerAuthWindowRoutes } from './auth-window-routes.js';
import { registerHealthRoutes } from './health-routes.js';
import { registerLegalRoutes } from './legal-routes.js';
import type { LegalPages } from './legal-routes.js';
import type { ReadinessCheck } from '../storage/readiness-check.js';
import { registerTabRoutes } from './tab-routes.js';

/** Bodies of `/api/*` requests (orders) larger than this are refused with 413 (README, 'HTTP contract'). */
export const MAX_BODY_BYTES = 32 * 1024;

/**
 * Activities from Teams are larger than API bodies: a user's message may
 * hold about 28 KB of text, which arrives twice (plain text and an HTML
 * attachment) next to entities and channel data.
 */
export const MAX_BOT_ACTIVITY_BYTES = 256 * 1024;

export const BOT_ENDPOINT = '/api/messages';

/**
 * How long a client may take to send its headers, and its whole request
 * (headers and body), before Node answers 408 and closes the connection:
 * bounds what a slow or idle client holds before anyone checks who it is.
 */
export const HEADERS_TIMEOUT_MS = 10_000;
export const REQUEST_TIMEOUT_MS = 30_000;

/** HSTS outside demo mode: a year, subdomains included (the server is reached over https only). */
const STRICT_TRANSPORT_SECURITY = 'max-age=31536000; includeSubDomains';

export interface HttpServerDependencies {
  readonly logger: Logger;
  readonly readiness: readonly ReadinessCheck[];
  /** `/readyz` reuses a result this long (default `READINESS_CACHE_MS`). */
  readonly readinessCacheMs?: number;
  /**
   * Demo mode: anonymous, so only requests addressed to this loopback server
   * (`Host` a loopback name or address with the listening port) are answered,
   * others get 421 (stops DNS rebinding); no HSTS (plain http on a laptop).
   */
  readonly demo: boolean;
  /** Header and whole-request timeouts; tests shorten them. */
  readonly timeouts?: { readonly headersMs: number; readonly requestMs: number };
  /** The Bot Framework endpoint; the only code that knows botbuilder sits behind it. */
  readonly handleBotActivity: (req: Request, res: Response) => Promise<void>;
  /** The body of `GET /api/config`, computed per request (it contains today's date). */
  readonly publicConfig: () => unknown;
  /** Registers further `/api/*` routes (orders, tenant) on the same server. */
  readonly registerApiRoutes?: (server: Server) => void;
  readonly tab: { readonly directory: string; readonly frameAncestors: readonly string[] };
  /** `/privacy` and `/terms` (the manifest links to them); left out by tests of other routes. */
  readonly legal?: LegalPages;
}

export function createHttpServer(deps: HttpServerDependencies): Server {
  const server = restify.createServer({ name: 'csp-onboarding', handleUncaughtExceptions: false });
  // Node's own limits apply before any route or authentication runs.
  server.server.headersTimeout = deps.timeouts?.headersMs ?? HEADERS_TIMEOUT_MS;
  server.server.requestTimeout = deps.timeouts?.requestMs ?? REQUEST_TIMEOUT_MS;
  // Node checks those timeouts on this interval (default 30 s), read when the server starts listening;
  // the option exists since Node 18.12 but is missing from @types/node 20.
  (server.server as { connectionsCheckingInterval?: number }).connectionsCheckingInterval = Math.min(1_000, server.server.headersTimeout / 2);

  // First, so every answer (404s and other errors included) carries them.
  server.pre(securityHeaders(deps.demo));
  if (deps.demo) server.pre(onlyLoopbackHost);
  server.use(restify.plugins.queryParser({ mapParams: false }));
  // JSON only: restify's general bodyParser also takes multipart uploads,
  // which it writes to the temp folder with no size limit, before any route
  // could check who is calling.
  server.use(acceptOnlyJsonBodies);
  server.use(readBodyWithinLimit());
  server.use(restify.plugins.jsonBodyParser({ bodyReader: true, mapParams: false }));

  // Every error answer speaks the API's error shape. restify's own errors
  // (malformed JSON, body too large, unknown route) keep their status; any
  // other error is a bug whose message stays in the log, not in the answer.
  server.on('restifyError', (req: Request, res: Response, err: RestifyLikeError, callback: () => void) => {
    const known = typeof err.statusCode === 'number';
    const status = known ? (err.statusCode as number) : 500;
    if (status >= 500) deps.logger.error({ err, url: req.url }, 'request failed');
    const body = apiError(errorCode(status, err), status >= 500 ? 'Internal error' : err.message);
    if (known) {
      err.toJSON = () => body;
    } else if (!res.headersSent) {
      res.json(500, body);
    }
    callback();
  });

  registerHealthRoutes(server, {
    checks: deps.readiness,
    logger: deps.logger,
    ...(deps.readinessCacheMs === undefined ? {} : { cacheMs: deps.readinessCacheMs }),
  });

  server.get('/api/config', (_req: Request, res: Response, next: () => void) => {
    res.header('Cache-Control', 'no-cache');
    res.json(200, deps.publicConfig());
    next();
  });

  server.post(BOT_ENDPOINT, async (req: Request, res: Response) => {
    // botbuilder throws on a body without an activity type, which would be a 500.
    if (!isActivityLike(req.body)) {
      res.json(400, apiError('invalid_activity', 'The body must be a Bot Framework activity: a JSON object with a "type"'));
      return;
    }
    await deps.handleBotActivity(req, res);
  });

  deps.registerApiRoutes?.(server);
  if (deps.legal) registerLegalRoutes(server, deps.legal);
  registerAuthWindowRoutes(server, deps.tab.directory);
  registerTabRoutes(server, deps.tab);
  return server;
}

function securityHeaders(demo: boolean): RequestHandler {
  return (_req, res, next) => {
    res.header('X-Content-Type-Options', 'nosniff');
    if (!demo) res.header('Strict-Transport-Security', STRICT_TRANSPORT_SECURITY);
    next();
  };
}

/**
 * Demo mode answers only requests addressed to itself: a web page that
 * rebinds its own host name to 127.0.0.1 still sends its name as `Host`.
 */
const onlyLoopbackHost: RequestHandler = (req, res, next) => {
  if (isLoopbackHost(req.header('host', ''), req.socket.localPort)) return next();
  res.json(421, apiError('misdirected_request', 'Demo mode answers only requests to a loopback address (127.0.0.1, localhost or [::1]) with its own port'));
  return next(false);
};

export function isLoopbackHost(hostHeader: string, listeningPort: number | undefined): boolean {
  const match = /^(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(hostHeader.trim().toLowerCase());
  if (!match?.[1]) return false;
  const name = match[1].replace(/^\[|\]$/g, '');
  const port = match[2] === undefined ? 80 : Number(match[2]);
  const loopback = name === 'localhost' || name === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(name);
  return loopback && port === listeningPort;
}

/** 415 before a byte is read for bodies that are not plain (uncompressed) JSON. */
const acceptOnlyJsonBodies: RequestHandler = (req, _res, next) => {
  const hasBody = req.getContentLength() > 0 || req.isChunked();
  if (!hasBody) return next();
  const type = req.getContentType().trim();
  if (type !== 'application/json' && !/^application\/[\w.-]+\+json$/.test(type)) {
    return next(httpError(415, 'UnsupportedMediaTypeError', `Send JSON (Content-Type: application/json), not ${type}`));
  }
  // A compressed body could inflate far beyond the size limit, which counts bytes on the wire.
  const encoding = req.header('content-encoding', 'identity').trim().toLowerCase();
  if (encoding !== 'identity') {
    return next(httpError(415, 'UnsupportedMediaTypeError', `Content-Encoding ${encoding} is not accepted; send the body uncompressed`));
  }
  return next();
};

/** Reads the body up to the route's limit; an announced oversize body is refused before it is read. */
function readBodyWithinLimit(): RequestHandler {
  const readApiBody = restify.plugins.bodyReader({ maxBodySize: MAX_BODY_BYTES });
  const readBotActivity = restify.plugins.bodyReader({ maxBodySize: MAX_BOT_ACTIVITY_BYTES });
  return (req: Request, res: Response, next: Next) => {
    const isBotActivity = req.getPath() === BOT_ENDPOINT;
    const limit = isBotActivity ? MAX_BOT_ACTIVITY_BYTES : MAX_BODY_BYTES;
    if (req.getContentLength() > limit) {
      return next(httpError(413, 'PayloadTooLargeError', `Request body size exceeds ${limit}`));
    }
    return (isBotActivity ? readBotActivity : readApiBody)(req, res, next);
  };
}

interface RestifyLikeError extends Error {
  statusCode?: number;
  toJSON?: () => unknown;
}

function httpError(statusCode: number, name: string, message: string): RestifyLikeError {
  return Object.assign(new Error(message), { name, statusCode });
}

function isActivityLike(body: unknown): boolean {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return false;
  const type = (body as { type?: unknown }).type;
  return typeof type === 'string' && type !== '';
}

function errorCode(status: number, err: Error): string {
  if (status === 413) return 'payload_too_large';
  if (status === 408) return 'request_timeout';
  if (status === 415) return 'unsupported_media_type';
  if (status === 404) return 'not_found';
  if (status === 403) return 'forbidden';
  if (status === 405) return 'method_not_allowed';
  if (status === 400) return err.name === 'InvalidContentError' ? 'malformed_json' : 'bad_request';
  return status >= 500 ? 'internal_error' : 'request_error';
}
