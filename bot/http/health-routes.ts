import type { Request, Response, Server } from 'restify';
import type { Logger } from '../logger.js';
import type { ReadinessCheck } from '../storage/readiness-check.js';
import { withoutUrlQueries } from '../storage/storage-errors.js';

/**
 * How long one `/readyz` result is reused. Probes and anonymous callers then
 * cost at most one storage query per period, whatever their rate.
 */
export const READINESS_CACHE_MS = 3_000;

interface Readiness {
  readonly ready: boolean;
  readonly checks: readonly { readonly name: string; readonly ok: boolean }[];
}

export interface HealthRoutesOptions {
  readonly checks: readonly ReadinessCheck[];
  readonly logger: Logger;
  readonly cacheMs?: number;
}

/**
 * `/healthz`: the process answers. `/readyz`: its dependencies (storage)
 * answer too. `/readyz` is anonymous, so it says only which check failed;
 * why goes to the log, without URL query strings (a SAS signature).
 */
export function registerHealthRoutes(server: Server, options: HealthRoutesOptions): void {
  const cacheMs = options.cacheMs ?? READINESS_CACHE_MS;
  let latest: { readonly at: number; readonly result: Promise<Readiness> } | undefined;

  const runChecks = async (): Promise<Readiness> => {
    const checks = await Promise.all(
      options.checks.map(async ({ name, check }) => {
        try {
          await check();
          return { name, ok: true };
        } catch (error) {
          const reason = withoutUrlQueries(error instanceof Error ? error.message : String(error));
          options.logger.warn({ check: name, reason }, 'readiness check failed');
          return { name, ok: false };
        }
      }),
    );
    return { ready: checks.every((check) => check.ok), checks };
  };

  server.get('/healthz', (_req: Request, res: Response, next: () => void) => {
    res.json(200, { status: 'ok' });
    next();
  });

  server.get('/readyz', async (_req: Request, res: Response) => {
    const now = Date.now();
    // Concurrent callers share one run (the promise is cached, not only its result).
    if (latest === undefined || now - latest.at >= cacheMs) latest = { at: now, result: runChecks() };
    const { ready, checks } = await latest.result;
    res.header('Cache-Control', 'no-store');
    res.json(ready ? 200 : 503, { status: ready ? 'ready' : 'not ready', checks });
  });
}
