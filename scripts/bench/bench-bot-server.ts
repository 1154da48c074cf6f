import { CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import type { ActivityHandler } from 'botbuilder';
import restify from 'restify';
import type { Server } from 'restify';
import { botRequest } from '../../bot/bot-framework/bot-request.js';

/**
 * The HTTP side shared by the bench's comparison handlers (bare-bot.ts,
 * minimal-durable-handler.ts): restify with the JSON body parser, `bot` on
 * `/api/messages` through an anonymous CloudAdapter, `/readyz`, the routes
 * `addRoutes` adds; listens on loopback `port` and stops on SIGTERM.
 */
export function serveBenchBot(port: number, bot: ActivityHandler, addRoutes: (server: Server) => void): void {
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
  const server = restify.createServer();
  server.use(restify.plugins.jsonBodyParser({ mapParams: false }));
  server.post('/api/messages', async (req, res) => {
    await adapter.process(botRequest(req), res, (context) => bot.run(context));
  });
  addRoutes(server);
  server.get('/readyz', async (_req, res) => {
    res.send(200, { status: 'ready' });
  });
  server.listen(port, '127.0.0.1');
  process.once('SIGTERM', () => server.close(() => process.exit(0)));
}
