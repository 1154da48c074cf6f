import { TableClient } from '@azure/data-tables';
import { ActivityHandler, CardFactory } from 'botbuilder';
import type { AdaptiveCardInvokeResponse, AdaptiveCardInvokeValue, TurnContext } from 'botbuilder';
import { randomUUID } from 'node:crypto';
import { serveBenchBot } from './bench-bot-server.js';

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

serveBenchBot(port, new BareBot(), (server) => {
  server.post('/api/orders', async (req, res) => {
    const id = await storeOne('bench', req.body);
    res.send(201, { id });
  });
});
