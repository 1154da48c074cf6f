import { describe, expect, it } from 'vitest';
import { PLAYGROUND_ADMIN_OBJECT_ID, PLAYGROUND_TENANT_ID } from '../../../bot/config.js';
import type { AdaptiveCard } from '../../../src/domain/cards/adaptive-card.js';
import { OrderFormInputId } from '../../../src/domain/cards/order-form-inputs.js';
import { botServerForFile } from '../../support/bot-server.js';
import { adaptiveCardsOf } from '../../support/connector-stand-in.js';
import { personalMessage, postActivity } from '../../support/teams-activities.js';
import { inputValueOf } from '../../domain/cards/card-fixtures.js';

/**
 * What the tab read for one admin prefills that admin's chat form, and no
 * one else's in the same tenant (demo mode: the tab's caller is the
 * Playground's current user, and the demo tenant's facts name its contact).
 */

const bot = botServerForFile();

const PLAYGROUND_ADMIN = { id: 'user-id-0', aadObjectId: PLAYGROUND_ADMIN_OBJECT_ID, name: 'Ирина Соколова' };
const COLLEAGUE = { id: 'user-id-1', aadObjectId: '00000000-0000-0000-0000-0000000000021', name: 'Алексей Петров' };

async function orderForm(user: typeof PLAYGROUND_ADMIN): Promise<AdaptiveCard> {
  const activity = personalMessage({ serviceUrl: bot.connector.url, tenantId: PLAYGROUND_TENANT_ID, user, locale: 'en-US' }, 'order');
  const conversationId = (activity['conversation'] as { id: string }).id;
  expect((await postActivity(bot.server.url, activity)).status).toBe(200);
  const sent = await bot.connector.waitForActivity((candidate) => candidate.conversationId === conversationId && adaptiveCardsOf(candidate.activity).length > 0, {
    description: 'the order form',
  });
  return adaptiveCardsOf(sent.activity)[0] as AdaptiveCard;
}

describe("the facts the tab read for an admin (GET /api/tenant)", () => {
  it("prefill that admin's chat form, never a colleague's of the same tenant", async () => {
    const tenant = await fetch(`${bot.server.url}/api/tenant`, { signal: AbortSignal.timeout(20_000) });
    expect(tenant.status).toBe(200);

    const colleagues = await orderForm(COLLEAGUE);
    const own = await orderForm(PLAYGROUND_ADMIN);

    expect(inputValueOf(colleagues, OrderFormInputId.technicalDomain)).toBeUndefined();
    expect(inputValueOf(colleagues, OrderFormInputId.contactEmail)).toBeUndefined();
    expect(inputValueOf(own, OrderFormInputId.technicalDomain)).toBe('romashka.onmicrosoft.com');
    expect(inputValueOf(own, OrderFormInputId.contactEmail)).toBe('i.ivanov@romashka.ru');
  });
});
