import restify from 'restify';
import type { Request, Response, Server } from 'restify';
import type { Logger } from '../logger.js';
import { apiError } from './api-error.js';
import { registerHealthRoutes } from './health-routes.js';
import type { ReadinessCheck } from '../readiness-check.js';
import { registerTabRoutes } from './tab-routes.js';

/** `POST /api/messages` and anything else larger than this is refused with 413 (DESIGN section 5). */
export const MAX_BODY_BYTES = 32 * 1024;

export interface HttpServerDependencies {
  readonly logger: Logger;
  readonly readiness: readonly ReadinessCheck[];
  /** The Bot Framework endpoint; the only code that knows botbuilder sits behind it. */
  readonly handleBotActivity: (req: Request, res: Response) => Promise<void>;
  /** The body of `GET /api/config`, computed per request (it contains today's date). */
  readonly publicConfig: () => unknown;
  /** Registers further `/api/*` routes (orders, tenant) on the same server. */
  readonly registerApiRoutes?: (server: Server) => void;
  readonly tab: { readonly directory: string; readonly frameAncestors: readonly string[] };
}

export function createHttpServer(deps: HttpServerDependencies): Server {
  const server = restify.createServer({ name: 'csp-onboarding', handleUncaughtExceptions: false });

  server.use(restify.plugins.queryParser({ mapParams: false }));
  server.use(
    restify.plugins.bodyParser({
      maxBodySize: MAX_BODY_BYTES,
      mapParams: false,
      mapFiles: false,
      rejectUnknown: true,
    }),
  );

  // restify's own errors (malformed JSON, body too large, unknown route,
  // wrong media type) keep their status but speak the API's error shape.
  server.on('restifyError', (req: Request, res: Response, err: RestifyLikeError, callback: () => void) => {
    const status = err.statusCode ?? 500;
    if (status >= 500) deps.logger.error({ err, url: req.url }, 'request failed');
    err.toJSON = () => apiError(errorCode(status, err), status >= 500 ? 'Internal error' : err.message);
    callback();
  });

  registerHealthRoutes(server, deps.readiness);

  server.get('/api/config', (_req: Request, res: Response, next: () => void) => {
    res.header('Cache-Control', 'no-cache');
    res.json(200, deps.publicConfig());
    next();
  });

  server.post('/api/messages', async (req: Request, res: Response) => {
    await deps.handleBotActivity(req, res);
  });

  deps.registerApiRoutes?.(server);
  registerTabRoutes(server, deps.tab);
  return server;
}

interface RestifyLikeError extends Error {
  statusCode?: number;
  toJSON?: () => unknown;
}

function errorCode(status: number, err: Error): string {
  if (status === 413) return 'payload_too_large';
  if (status === 415) return 'unsupported_media_type';
  if (status === 404) return 'not_found';
  if (status === 405) return 'method_not_allowed';
  if (status === 400) return err.name === 'InvalidContentError' ? 'malformed_json' : 'bad_request';
  return status >= 500 ? 'internal_error' : 'request_error';
}
