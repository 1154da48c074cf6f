import { TableClient } from '@azure/data-tables';
import { ActivityHandler, CardFactory, CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import type { AdaptiveCardInvokeResponse, AdaptiveCardInvokeValue, TurnContext } from 'botbuilder';
import { randomUUID } from 'node:crypto';
import restify from 'restify';
import { botRequest } from '../../bot/bot-framework/bot-request.js';

/**
 * The ceiling for `npm run bench`: the least a Bot Framework bot can do for
 * a card submit — CloudAdapter + ActivityHandler, one entity written to the
 * same Azurite, a static card back — plus `POST /api/orders` doing the same
 * write without botbuilder. Started by scripts/bench.ts with
 * PORT and AZURE_STORAGE_CONNECTION_STRING.
 */

const TABLE = 'benchbare';
const port = Number(process.env['PORT']);
const connectionString = process.env['AZURE_STORAGE_CONNECTION_STRING'] ?? '';
const table = TableClient.fromConnectionString(connectionString, TABLE, { allowInsecureConnection: true });
await table.createTable();

const STATIC_CARD = CardFactory.adaptiveCard({
  type: 'AdaptiveCard',
  version: '1.5',
  body: [{ type: 'TextBlock', text: 'Order received', wrap: true }],
}).content as Record<string, unknown>;

async function storeOne(partitionKey: string, data: unknown): Promise<string> {
  const rowKey = randomUUID();
  await table.createEntity({ partitionKey, rowKey, payload: JSON.stringify(data) });
  return rowKey;
}

class BareBot extends ActivityHandler {
  protected override async onAdaptiveCardInvoke(
    context: TurnContext,
    invokeValue: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse> {
    await storeOne(context.activity.conversation.tenantId ?? 'unknown', invokeValue.action.data);
    return { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: STATIC_CARD };
  }
}

const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
const bot = new BareBot();
const server = restify.createServer();
server.use(restify.plugins.jsonBodyParser({ mapParams: false }));
server.post('/api/messages', async (req, res) => {
  await adapter.process(botRequest(req), res, (context) => bot.run(context));
});
server.post('/api/orders', async (req, res) => {
  const id = await storeOne('bench', req.body);
  res.send(201, { id });
});
server.get('/readyz', async (_req, res) => {
  res.send(200, { status: 'ready' });
});
server.listen(port, '127.0.0.1');
process.once('SIGTERM', () => server.close(() => process.exit(0)));
