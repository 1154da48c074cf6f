import type { TableClient } from '@azure/data-tables';
import type { AdaptiveCard, TextBlock } from '../../../src/domain/cards/adaptive-card.js';
import type { StoredOrder } from '../../../src/domain/order/order.js';
import type { TeamsActor } from '../../../bot/conversation/chat-ports.js';
import type { ConversationReferenceJson } from '../../../bot/storage/conversation-reference.js';
import { ConversationStore } from '../../../bot/storage/conversation-store.js';
import { cardTexts } from '../../domain/cards/card-fixtures.js';
import { freshTable } from '../storage/fixtures.js';

export { cardTexts, actionVerbs, catalog } from '../../domain/cards/card-fixtures.js';
export { RecordingLogger } from '../storage/fixtures.js';

/** The distributor's tenant in these tests (mixed case: comparisons must ignore case). */
export const DISTRIBUTOR_TENANT_ID = '0B9A8C7D-6E5F-4A3B-9C2D-1E0F9A8B7C6D';
export const DISTRIBUTOR_NAME = 'ООО «Демо Дистрибуция»';

export async function freshStore(connectionString: string): Promise<{ store: ConversationStore; table: TableClient }> {
  const table = await freshTable(connectionString);
  return { store: new ConversationStore(table), table };
}

export function distributorStaff(overrides: Partial<TeamsActor> = {}): TeamsActor {
  return {
    tenantId: DISTRIBUTOR_TENANT_ID.toLowerCase(),
    userId: '11111111-2222-3333-4444-555555555555',
    teamsUserId: '29:1staff-petrova',
    name: 'Петрова Анна',
    locale: 'ru',
    ...overrides,
  };
}

export function customerAdmin(tenantId: string, overrides: Partial<TeamsActor> = {}): TeamsActor {
  return {
    tenantId,
    userId: '6a3f2b1c-4d5e-4f60-8a7b-9c0d1e2f3a4b',
    teamsUserId: '29:1customer-ivanov',
    name: 'Иванов Иван Иванович',
    locale: 'ru',
    ...overrides,
  };
}

/** A channel reference as the bot hands it over (here from a message typed in a thread). */
export function channelReference(channelId: string, name?: string): ConversationReferenceJson {
  return {
    activityId: '1700000000009',
    user: { id: '29:1staff-petrova', name: 'Петрова Анна' },
    bot: { id: '28:bot', name: 'CSP Onboarding' },
    conversation: {
      id: `${channelId};messageid=1700000000000`,
      isGroup: true,
      conversationType: 'channel',
      tenantId: DISTRIBUTOR_TENANT_ID.toLowerCase(),
      ...(name === undefined ? {} : { name }),
    },
    channelId: 'msteams',
    serviceUrl: 'https://smba.trafficmanager.net/emea/',
  };
}

export function personalReference(conversationId: string): ConversationReferenceJson {
  return {
    user: { id: '29:1customer-ivanov', name: 'Иванов Иван Иванович' },
    bot: { id: '28:bot', name: 'CSP Onboarding' },
    conversation: { id: conversationId, conversationType: 'personal' },
    channelId: 'msteams',
    serviceUrl: 'https://smba.trafficmanager.net/emea/',
  };
}

/** The status line under the title of an order card (distributor or customer). */
export function statusLine(card: AdaptiveCard): string | undefined {
  return (card.body[1] as TextBlock | undefined)?.text;
}

export function allText(card: AdaptiveCard): string {
  return cardTexts(card).join('\n');
}

export function revisionOf(card: AdaptiveCard): unknown {
  return card.refresh?.action.data?.['revision'];
}

export type { StoredOrder };

/** The item at `index`, failing the test when there is none. */
export function nth<T>(items: readonly T[], index = 0): T {
  const item = items[index];
  if (item === undefined) throw new Error(`expected an item at ${index}, got ${items.length} items`);
  return item;
}
