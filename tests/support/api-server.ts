import type { AddressInfo } from 'node:net';
import type { Server } from 'restify';
import { createHttpServer } from '../../bot/http/create-http-server.js';
import type { Logger } from '../../bot/logger.js';

/** The HTTP server with only the `/api/*` routes a test registers, on a free loopback port. */
export interface ApiServer {
  /** e.g. `http://127.0.0.1:41234`. */
  readonly url: string;
  close(): Promise<void>;
}

export async function startApiServer(logger: Logger, registerApiRoutes: (api: Server) => void): Promise<ApiServer> {
  const server = createHttpServer({
    logger,
    demo: false,
    readiness: [],
    handleBotActivity: () => Promise.resolve(),
    publicConfig: () => ({}),
    registerApiRoutes,
    tab: { directory: '/nonexistent-tab-build', frameAncestors: [] },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => {
      server.server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
