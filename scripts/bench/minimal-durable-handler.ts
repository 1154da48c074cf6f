import { TableClient } from '@azure/data-tables';
import type { TransactionAction } from '@azure/data-tables';
import { ActivityHandler } from 'botbuilder';
import type { AdaptiveCardInvokeResponse, AdaptiveCardInvokeValue, TurnContext } from 'botbuilder';
import { loadConfig } from '../../bot/config.js';
import { createJsonPoster } from '../../bot/delivery/json-post.js';
import { newOrderId } from '../../bot/storage/order-id.js';
import { storageStatusCode } from '../../bot/storage/storage-errors.js';
import { todayInTimeZone } from '../../src/domain/calendar.js';
import { orderFromCardInputs } from '../../src/domain/cards/order-form-inputs.js';
import { validateOrder } from '../../src/domain/order/order-validation.js';
import { serveBenchBot } from './bench-bot-server.js';

/**
 * "The minimal durable handler" of `npm run bench` (issue 13): what an order
 * minimally needs, on the same stack as ours (restify, botbuilder's
 * CloudAdapter, the same Azurite, the same webhook poster): the same schema
 * validation; one entity-group transaction of the order, its idempotency key
 * and one delivery record; the answer; then the webhook POST and one
 * "delivered" write. No cards beyond the receipt line, no logging, no outbox
 * (a crash between the answer and the POST loses the delivery: nothing
 * retries it). Started by scripts/bench.ts with PORT,
 * AZURE_STORAGE_CONNECTION_STRING and DELIVERY_WEBHOOK_URL.
 */

const TABLE = 'benchminimal';
const WEBHOOK_TIMEOUT_MS = 10_000;
const port = Number(process.env['PORT']);
const config = loadConfig({ AZURE_STORAGE_CONNECTION_STRING: process.env['AZURE_STORAGE_CONNECTION_STRING'], DELIVERY_TEAMS: 'false', DELIVERY_WEBHOOK_URL: process.env['DELIVERY_WEBHOOK_URL'] });
if (config.storage.kind !== 'connectionString' || config.delivery.webhook === undefined) throw new Error('needs a connection string and a webhook URL');
const table = TableClient.fromConnectionString(config.storage.connectionString, TABLE, { allowInsecureConnection: true });
await table.createTable();
const webhook = createJsonPoster(new URL(config.delivery.webhook.url));

type Stored = { readonly kind: 'stored'; readonly id: string } | { readonly kind: 'invalid'; readonly fields: readonly string[] };

async function handle(tenantId: string, input: unknown): Promise<Stored> {
  const now = new Date();
  const validation = validateOrder(input, { catalog: config.catalog, today: todayInTimeZone(now, config.timeZone) });
  if (!validation.ok) return { kind: 'invalid', fields: validation.errors.map((error) => error.field) };
  const order = { ...validation.order, id: newOrderId(), tenantId, status: 'submitted', createdAt: now.toISOString() };
  const delivery = { partitionKey: tenantId, rowKey: `order|${order.id}|webhook`, state: 'pending', createdAt: now };
  const submissionKey = `submission|${order.submissionId}`;
  try {
    await table.submitTransaction([
      ['create', { partitionKey: tenantId, rowKey: `order|${order.id}`, order: JSON.stringify(order) }],
      ['create', { partitionKey: tenantId, rowKey: submissionKey, orderId: order.id }],
      ['create', delivery],
    ] satisfies TransactionAction[]);
  } catch (error) {
    if (storageStatusCode(error) !== 409) throw error;
    // A repeat: the idempotency key names the order stored first.
    const earlier = await table.getEntity<{ orderId: string }>(tenantId, submissionKey);
    return { kind: 'stored', id: earlier.orderId };
  }
  void deliver(JSON.stringify(order), delivery.partitionKey, delivery.rowKey);
  return { kind: 'stored', id: order.id };
}

async function deliver(body: string, partitionKey: string, rowKey: string): Promise<void> {
  try {
    const answer = await webhook.post(body, WEBHOOK_TIMEOUT_MS);
    if (answer.status >= 300) return;
    await table.updateEntity({ partitionKey, rowKey, state: 'delivered', deliveredAt: new Date() }, 'Merge');
  } catch {
    // Nothing retries: the minimal handler has no outbox.
  }
}

class MinimalBot extends ActivityHandler {
  protected override async onAdaptiveCardInvoke(context: TurnContext, invokeValue: AdaptiveCardInvokeValue): Promise<AdaptiveCardInvokeResponse> {
    const stored = await handle(context.activity.conversation.tenantId ?? '', orderFromCardInputs(invokeValue.action.data));
    const text = stored.kind === 'stored' ? `Order ${stored.id} received` : `Check: ${stored.fields.join(', ')}`;
    return { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text }] } };
  }
}

serveBenchBot(port, new MinimalBot(), (server) => {
  server.post('/api/orders', async (req, res) => {
    const stored = await handle(config.distributorTenantId, req.body);
    if (stored.kind === 'invalid') res.send(422, { fields: stored.fields });
    else res.send(201, { id: stored.id });
  });
});
