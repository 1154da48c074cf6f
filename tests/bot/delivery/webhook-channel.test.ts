import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PermanentDeliveryError } from '../../../bot/delivery/delivery-channel.js';
import { createWebhookChannel } from '../../../bot/delivery/webhook-channel.js';
import type { WebhookChannelOptions } from '../../../bot/delivery/webhook-channel.js';
import type { AdaptiveCard } from '../../../src/domain/cards/adaptive-card.js';
import { WEBHOOK_CARD_MAX_BYTES, cardJsonBytes } from '../../../src/domain/cards/card-size.js';
import { buildDistributorOrderCard } from '../../../src/domain/cards/distributor-order-card.js';
import { ConfigurationError } from '../../../src/domain/configuration-error.js';
import type { StatusChange } from '../../../src/domain/order/order.js';
import { expectValidAdaptiveCard } from '../../support/adaptive-card-validator.js';
import { STAND_IN_SIGNATURE, startWebhookStandIn } from '../../support/webhook-stand-in.js';
import type { RecordedRequest, WebhookStandIn } from '../../support/webhook-stand-in.js';
import { cardNodes, cardTexts } from '../../domain/cards/card-fixtures.js';
import { catalog, largestOrder, longNamesCatalog } from './delivery-fixtures.js';
import { storedOrder } from '../../support/order-fixtures.js';

/** What the outbox passes while an attempt still has time. */
const notAborted = new AbortController().signal;

interface ReceivedPayload {
  readonly type: string;
  readonly attachments: readonly { readonly contentType: string; readonly contentUrl: null; readonly content: AdaptiveCard }[];
}

let standIn: WebhookStandIn;

beforeEach(async () => {
  standIn = await startWebhookStandIn();
});

afterEach(async () => {
  await standIn.close();
});

function channel(overrides: Partial<WebhookChannelOptions> = {}) {
  return createWebhookChannel({ timeZone: 'Europe/Moscow', url: standIn.url, locale: 'ru', catalog, timeoutMs: 10_000, ...overrides });
}

function onlyRequest(): RecordedRequest {
  expect(standIn.requests).toHaveLength(1);
  const [request] = standIn.requests;
  if (!request) throw new Error('no request recorded');
  return request;
}

function receivedCard(request: RecordedRequest): AdaptiveCard {
  const payload = JSON.parse(request.body) as ReceivedPayload;
  const [attachment] = payload.attachments;
  if (!attachment) throw new Error('no attachment');
  return attachment.content;
}

describe('webhook channel: what it sends', () => {
  it('posts the Workflows message envelope with the read-only order card', async () => {
    const order = storedOrder();
    await channel().deliver(order, notAborted);

    const request = onlyRequest();
    expect(request.method).toBe('POST');
    expect(request.headers['content-type']).toBe('application/json');
    const payload = JSON.parse(request.body) as ReceivedPayload;
    expect(payload).toEqual({
      type: 'message',
      attachments: [
        {
          contentType: 'application/vnd.microsoft.card.adaptive',
          contentUrl: null,
          content: buildDistributorOrderCard({ timeZone: 'Europe/Moscow', locale: 'ru', order, catalog, actions: 'none' }),
        },
      ],
    });
    expectValidAdaptiveCard(receivedCard(request));
  });

  it('posts a card without Submit or Execute actions and without refresh, whatever the status', async () => {
    for (const status of ['submitted', 'accepted', 'changesRequested', 'completed'] as const) {
      await channel().deliver(storedOrder({ status }), notAborted);
    }
    expect(standIn.requests).toHaveLength(4);
    for (const request of standIn.requests) {
      const card = receivedCard(request);
      expect(card.refresh).toBeUndefined();
      expect(card.actions ?? []).toEqual([]);
      const types = cardNodes(card).map((node) => node.type);
      expect(types).not.toContain('Action.Execute');
      expect(types).not.toContain('Action.Submit');
      expect(request.body).not.toMatch(/Action\.(Execute|Submit)|"refresh"/);
    }
  });

  it('writes the card in the configured language', async () => {
    await channel({ locale: 'en' }).deliver(storedOrder(), notAborted);
    expect(cardTexts(receivedCard(onlyRequest()))).toContain('ООО «Ромашка», INN 0012345673 — 25 × Microsoft 365 Business Premium +1');
  });

  it('stays under 28 KB for an order at every limit, keeping all of its lines', async () => {
    const order = largestOrder();
    await channel({ catalog: longNamesCatalog }).deliver(order, notAborted);

    const request = onlyRequest();
    expect(Buffer.byteLength(request.body, 'utf8')).toBeLessThan(WEBHOOK_CARD_MAX_BYTES);
    const texts = cardTexts(receivedCard(request)).join('\n');
    expect(order.lines).toHaveLength(20);
    for (const item of longNamesCatalog) expect(texts).toContain(item.sku.replace(/_/g, '\\_'));
    expectValidAdaptiveCard(receivedCard(request));
  });

  it('drops the history, with a note, when only the envelope pushes the card over the limit', async () => {
    // Find a history whose trimmed card just fits on its own but not inside the envelope.
    const envelopeBytes = cardJsonBytes({
      type: 'message',
      attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', contentUrl: null, content: {} }],
    }) - 2;
    const order = Array.from({ length: 120 }, (_, index) => {
      const change: StatusChange = { status: 'submitted', at: '2026-05-01T09:15:00.000Z', by: 'Ж'.repeat(index + 1), revision: 1 };
      return storedOrder({ history: Array.from({ length: 400 }, () => change) });
    }).find((candidate) => {
      const bytes = cardJsonBytes(buildDistributorOrderCard({ timeZone: 'Europe/Moscow', locale: 'ru', order: candidate, catalog, actions: 'none' }));
      return bytes < WEBHOOK_CARD_MAX_BYTES && bytes + envelopeBytes >= WEBHOOK_CARD_MAX_BYTES;
    });
    if (!order) throw new Error('no fixture found in the window between card and payload limits');

    await channel().deliver(order, notAborted);

    const request = onlyRequest();
    expect(Buffer.byteLength(request.body, 'utf8')).toBeLessThan(WEBHOOK_CARD_MAX_BYTES);
    const texts = cardTexts(receivedCard(request));
    expect(texts).not.toContain('История');
    expect(texts).toContain('История заявки не поместилась в сообщение.');
    expect(texts).toContain(order.organization.name);
  });

  it('refuses for good, without posting, when even the compact card is too large', async () => {
    // Validation never lets such a name through; the channel must still not post an oversized message.
    const order = storedOrder({
      organization: { ...storedOrder().organization, name: 'Ж'.repeat(20_000) },
    });
    await expect(channel().deliver(order, notAborted)).rejects.toBeInstanceOf(PermanentDeliveryError);
    expect(standIn.requests).toHaveLength(0);
  });
});

describe('webhook channel: how answers are classified', () => {
  it('treats Workflows 202 (and any 2xx) as delivered', async () => {
    standIn.answerWith({ kind: 'status', status: 202 });
    await expect(channel().deliver(storedOrder(), notAborted)).resolves.toBeUndefined();
    standIn.answerWith({ kind: 'status', status: 200, body: '{"ok":true}' });
    await expect(channel().deliver(storedOrder(), notAborted)).resolves.toBeUndefined();
  });

  it.each([400, 401, 403, 404, 413])('treats %i as permanent, with the status and the answer in the message', async (status) => {
    standIn.answerWith({ kind: 'status', status, body: '{"error":{"code":"InvalidRequestContent","message":"bad card"}}' });
    const failure = channel().deliver(storedOrder(), notAborted);
    await expect(failure).rejects.toBeInstanceOf(PermanentDeliveryError);
    await expect(failure).rejects.toThrow(new RegExp(`answered ${status} for order CSP-7K2M9Q: .*InvalidRequestContent`));
  });

  it('treats a redirect as permanent instead of following it', async () => {
    standIn.answerWith({ kind: 'status', status: 307, location: standIn.url });
    await expect(channel().deliver(storedOrder(), notAborted)).rejects.toBeInstanceOf(PermanentDeliveryError);
    expect(standIn.requests).toHaveLength(1);
  });

  it.each([500, 502, 503, 408, 429])('treats %i as retryable', async (status) => {
    standIn.answerWith({ kind: 'status', status, body: 'try later' });
    const failure = channel().deliver(storedOrder(), notAborted);
    await expect(failure).rejects.toThrow(`answered ${status}`);
    await expect(failure).rejects.not.toBeInstanceOf(PermanentDeliveryError);
  });

  it('gives up waiting after the timeout with a retryable error', async () => {
    standIn.answerWith({ kind: 'silent' });
    const failure = channel({ timeoutMs: 200 }).deliver(storedOrder(), notAborted);
    await expect(failure).rejects.toThrow(/did not answer within 200 ms/);
    await expect(failure).rejects.not.toBeInstanceOf(PermanentDeliveryError);
  });

  it('stops when the outbox aborts the attempt, with a retryable error', async () => {
    standIn.answerWith({ kind: 'silent' });
    const controller = new AbortController();
    const failure = channel().deliver(storedOrder(), controller.signal);
    await vi.waitFor(() => expect(standIn.requests).toHaveLength(1));
    controller.abort(new Error('channel did not answer within 300 ms'));
    await expect(failure).rejects.toThrow(/the request for order CSP-7K2M9Q was cancelled: channel did not answer within 300 ms/);
    await expect(failure).rejects.not.toBeInstanceOf(PermanentDeliveryError);
  });

  it('treats an unreachable server as retryable', async () => {
    const url = standIn.url;
    await standIn.close();
    standIn = await startWebhookStandIn();
    const failure = createWebhookChannel({ timeZone: 'Europe/Moscow', url, locale: 'ru', catalog, timeoutMs: 10_000 }).deliver(storedOrder(), notAborted);
    await expect(failure).rejects.toThrow(/could not be reached for order CSP-7K2M9Q/);
    await expect(failure).rejects.not.toBeInstanceOf(PermanentDeliveryError);
  });

  it('never puts the signature into an error message, even when the server echoes it', async () => {
    standIn.answerWith({ kind: 'status', status: 400, body: `{"error":"bad request to ${standIn.url}"}` });
    const error = await channel()
      .deliver(storedOrder(), notAborted)
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PermanentDeliveryError);
    expect(String((error as Error).message)).not.toContain(STAND_IN_SIGNATURE);
    expect((error as Error).message).toContain('sig=REDACTED');
  });
});

describe('webhook channel: configuration', () => {
  it('exposes the URL only in redacted form', () => {
    const { target } = channel();
    expect(target).not.toContain(STAND_IN_SIGNATURE);
    expect(target).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/workflows\/.*\?api-version=1&sp=.*&sv=1\.0&sig=REDACTED$/);
  });

  it('refuses plain http to another host, naming DELIVERY_WEBHOOK_URL and hiding the signature', () => {
    const create = () =>
      createWebhookChannel({
        timeZone: 'Europe/Moscow',
        url: 'http://prod-01.westeurope.logic.azure.com/workflows/x/triggers/manual/paths/invoke?sig=topsecret',
        locale: 'ru',
        catalog,
        timeoutMs: 1_000,
      });
    expect(create).toThrow(ConfigurationError);
    expect(create).toThrow(/^DELIVERY_WEBHOOK_URL: must use https/);
    expect(create).not.toThrow(/topsecret/);
  });

  it('rejects a timeout that is not a positive number', () => {
    expect(() => channel({ timeoutMs: 0 })).toThrow(ConfigurationError);
  });

  it('does not contact the webhook when it is created', () => {
    channel();
    expect(standIn.requests).toHaveLength(0);
  });
});
