import type { Request, Response, Server } from 'restify';
import type { ReadinessCheck } from '../storage/readiness-check.js';

/** `/healthz`: the process answers. `/readyz`: its dependencies (storage) answer too. */
export function registerHealthRoutes(server: Server, checks: readonly ReadinessCheck[]): void {
  server.get('/healthz', (_req: Request, res: Response, next: () => void) => {
    res.json(200, { status: 'ok' });
    next();
  });

  server.get('/readyz', async (_req: Request, res: Response) => {
    const results = await Promise.all(
      checks.map(async ({ name, check }) => {
        try {
          await check();
          return { name, ok: true };
        } catch (error) {
          return { name, ok: false, error: error instanceof Error ? error.message : String(error) };
        }
      }),
    );
    const ready = results.every((result) => result.ok);
    res.json(ready ? 200 : 503, { status: ready ? 'ready' : 'not ready', checks: results });
  });
}
