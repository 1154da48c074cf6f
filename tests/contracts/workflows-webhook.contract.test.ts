// Contract: the Workflows "Post to a channel when a webhook request is received"
// trigger. Its request body is the message envelope with one Adaptive Card
// attachment documented in "Create incoming webhooks with Workflows for Microsoft
// Teams" and, for the card part, in "Send Adaptive Cards using an Incoming Webhook"
// (https://learn.microsoft.com/microsoftteams/platform/webhooks-and-connectors/how-to/add-incoming-webhook):
// { "type": "message", "attachments": [{ "contentType": "application/vnd.microsoft.card.adaptive",
//   "contentUrl": null, "content": { "type": "AdaptiveCard", "version": …, "body": […] } }] }
// The trigger answers 202 Accepted.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createWebhookChannel } from '../../bot/delivery/webhook-channel.js';
import { startWebhookStandIn } from '../support/webhook-stand-in.js';
import type { WebhookStandIn } from '../support/webhook-stand-in.js';
import { catalog } from '../bot/delivery/delivery-fixtures.js';
import { storedOrder } from '../support/order-fixtures.js';

const workflowsPayloadSchema = z.strictObject({
  type: z.literal('message'),
  attachments: z
    .array(
      z.strictObject({
        contentType: z.literal('application/vnd.microsoft.card.adaptive'),
        contentUrl: z.null(),
        content: z.object({ type: z.literal('AdaptiveCard'), version: z.string(), body: z.array(z.unknown()).min(1) }).loose(),
      }),
    )
    .length(1),
});

let standIn: WebhookStandIn;
beforeEach(async () => {
  standIn = await startWebhookStandIn();
});
afterEach(() => standIn.close());

describe('POST to the Workflows webhook trigger', () => {
  it('sends one JSON message envelope with the order as an Adaptive Card attachment, and takes 202 as delivered', async () => {
    await createWebhookChannel({ timeZone: 'Europe/Moscow', url: standIn.url, locale: 'ru', catalog, timeoutMs: 10_000 }).deliver(storedOrder(), new AbortController().signal);

    const [request] = standIn.requests;
    expect(request?.method).toBe('POST');
    expect(request?.headers['content-type']).toMatch(/^application\/json/);
    const payload = workflowsPayloadSchema.parse(JSON.parse(request?.body ?? ''));
    // Buttons would do nothing in a flow-posted message, so the card has none.
    expect(payload.attachments[0]?.content['actions']).toBeUndefined();
  });
});
