import { ADAPTIVE_CARD_CONTENT_TYPE } from '../../src/domain/cards/adaptive-card.js';
import type { AdaptiveCard, TextBlock } from '../../src/domain/cards/adaptive-card.js';
import { WEBHOOK_CARD_MAX_BYTES } from '../../src/domain/cards/card-size.js';
import { buildDistributorOrderCard } from '../../src/domain/cards/distributor-order-card.js';
import type { DistributorOrderCardInput } from '../../src/domain/cards/distributor-order-card.js';
import { ConfigurationError } from '../../src/domain/configuration-error.js';
import { pick } from '../../src/domain/i18n/locale.js';
import type { LocalizedText } from '../../src/domain/i18n/locale.js';
import type { StoredOrder } from '../../src/domain/order/order.js';
import { PermanentDeliveryError } from './delivery-channel.js';
import { createJsonPoster, JsonPostAbortedError, JsonPostTimeoutError } from './json-post.js';
import type { JsonPoster, JsonPostAnswer } from './json-post.js';
import type { DeliveryChannel } from './delivery-channel.js';
import { parseWebhookUrl, redactSignatures, redactWebhookUrl } from './webhook-url.js';
import { orderReading } from './distributor-reading.js';
import type { DistributorReading } from './distributor-reading.js';

/**
 * Posts the order card to a Teams channel through a Workflows webhook ("Post
 * to a channel when a webhook request is received"). The card is read-only:
 * a flow-posted message cannot route Submit/Execute back to this bot.
 */

export interface WebhookChannelOptions extends DistributorReading {
  /** The trigger URL the distributor pasted (`DELIVERY_WEBHOOK_URL`); it contains a signature. */
  readonly url: string;
  /** Whole request, body included; a slower answer counts as a retryable failure. */
  readonly timeoutMs: number;
}

export interface WebhookChannel extends DeliveryChannel {
  readonly name: 'webhook';
  /** The URL with its signature redacted, for logs. */
  readonly target: string;
}

/** The message envelope Workflows' webhook trigger expects. */
export interface WebhookPayload {
  readonly type: 'message';
  readonly attachments: readonly [
    { readonly contentType: typeof ADAPTIVE_CARD_CONTENT_TYPE; readonly contentUrl: null; readonly content: AdaptiveCard },
  ];
}

const historyLeftOut: LocalizedText = {
  ru: 'История заявки не поместилась в сообщение.',
  en: 'The order history did not fit into this message.',
};

/** How much of an error answer goes into the error message. */
const RESPONSE_SNIPPET_LENGTH = 300;

export function createWebhookChannel(options: WebhookChannelOptions): WebhookChannel {
  const url = parseWebhookUrl(options.url);
  if (!Number.isFinite(options.timeoutMs) || options.timeoutMs <= 0) {
    throw new ConfigurationError(`webhook timeout must be a positive number of milliseconds, got ${options.timeoutMs}`);
  }
  const target = redactWebhookUrl(url.href);
  const poster = createJsonPoster(url);

  return {
    name: 'webhook',
    target,
    async deliver(order: StoredOrder, signal: AbortSignal): Promise<void> {
      const body = serializedPayload({ ...(await orderReading(options, order)), actions: 'none' });
      await post(poster, { target, body, timeoutMs: options.timeoutMs, signal, orderId: order.id });
    },
  };
}

export function webhookPayload(card: AdaptiveCard): WebhookPayload {
  return {
    type: 'message',
    attachments: [{ contentType: ADAPTIVE_CARD_CONTENT_TYPE, contentUrl: null, content: card }],
  };
}

/**
 * The JSON to post, under Teams' 28 KB. The card builder already trims old
 * history to fit the card itself; the envelope adds a little, so when that
 * tips it over, the card goes without history (with a note saying so).
 */
function serializedPayload(input: DistributorOrderCardInput): string {
  const { order, locale } = input;
  const full = JSON.stringify(webhookPayload(buildDistributorOrderCard(input)));
  if (fits(full)) return full;

  const card = buildDistributorOrderCard({ ...input, order: { ...order, history: withoutPastEntries(order) } });
  const note: TextBlock = { type: 'TextBlock', text: pick(historyLeftOut, locale), isSubtle: true, wrap: true };
  const compact = JSON.stringify(webhookPayload({ ...card, body: [...card.body, note] }));
  if (fits(compact)) return compact;

  throw new PermanentDeliveryError(
    `order ${order.id}: the webhook message is ${byteLength(compact)} bytes even without history; ` +
      `Teams accepts less than ${WEBHOOK_CARD_MAX_BYTES}`,
  );
}

/** Only the entry that holds what the current revision changed is kept, so the compact card still says it. */
function withoutPastEntries(order: StoredOrder): StoredOrder['history'] {
  return order.history.filter((change) => change.revision === order.revision && change.changes !== undefined).slice(-1);
}

function byteLength(json: string): number {
  return Buffer.byteLength(json, 'utf8');
}

function fits(json: string): boolean {
  return byteLength(json) < WEBHOOK_CARD_MAX_BYTES;
}

interface Post {
  readonly target: string;
  readonly body: string;
  readonly timeoutMs: number;
  readonly signal: AbortSignal;
  readonly orderId: string;
}

async function post(poster: JsonPoster, { target, body, timeoutMs, signal, orderId }: Post): Promise<void> {
  let answer: JsonPostAnswer;
  try {
    answer = await poster.post(body, timeoutMs, signal);
  } catch (error) {
    if (error instanceof JsonPostTimeoutError) {
      throw new Error(`webhook ${target} did not answer within ${timeoutMs} ms for order ${orderId}`, { cause: error });
    }
    if (error instanceof JsonPostAbortedError) {
      throw new Error(`webhook ${target}: the request for order ${orderId} was cancelled: ${describe(error.cause)}`, {
        cause: error,
      });
    }
    throw new Error(`webhook ${target} could not be reached for order ${orderId}: ${describe(error)}`, { cause: error });
  }
  if (answer.status >= 200 && answer.status < 300) return;
  const snippet = responseSnippet(answer.bodyStart);
  const problem = `webhook ${target} answered ${answer.status} for order ${orderId}${snippet ? `: ${snippet}` : ''}`;
  if (isRetryableStatus(answer.status)) throw new Error(problem);
  throw new PermanentDeliveryError(problem);
}

/** 408 and 429 say "later"; 5xx is the service's trouble. Every other 4xx (and any 3xx) repeats on retry. */
function isRetryableStatus(status: number): boolean {
  if (status === 408 || status === 429) return true;
  if (status >= 300 && status < 500) return false;
  return true;
}

function responseSnippet(bodyStart: string): string {
  const text = bodyStart.replace(/\s+/g, ' ').trim();
  const cut = text.length > RESPONSE_SNIPPET_LENGTH ? `${text.slice(0, RESPONSE_SNIPPET_LENGTH)}…` : text;
  return redactSignatures(cut);
}

/** Network errors carry their useful part in `code` (ECONNREFUSED, ENOTFOUND…). */
function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as NodeJS.ErrnoException).code;
  return code && !error.message.includes(code) ? `${code}: ${error.message}` : error.message;
}
