import type { TableClient } from '@azure/data-tables';
import { CustomerJourneys } from '../../../bot/journey/customer-journeys.js';
import type { CustomerAgreementReader, JourneyOrders } from '../../../bot/journey/customer-journeys.js';
import { JourneyScheduler } from '../../../bot/journey/journey-scheduler.js';
import type { JourneySchedulerOptions } from '../../../bot/journey/journey-scheduler.js';
import type { InboxChannel, PersonalConversation } from '../../../bot/storage/conversation-store.js';
import { JourneyStore } from '../../../bot/storage/journey-store.js';
import { journeyOrderOf } from '../../../src/domain/journey/journey.js';
import type { StoredOrder } from '../../../src/domain/order/order.js';
import { silentLogger } from '../../support/running-app.js';
import { RecordingMessenger } from '../distributor/recording-messenger.js';

/** Shared by the journey tests: a controllable clock, stored facts in memory, and one "instance" per call of `instance`. */

export const DISTRIBUTOR_TENANT = 'b3b1c6a2-0000-4000-8000-000000000001';

export class TestClock {
  constructor(public now: Date) {}
  readonly read = (): Date => this.now;
  set(iso: string): void {
    this.now = new Date(iso);
  }
}

/** What other features store (orders, the MCA, chats, the inbox), kept in memory and shared by every instance. */
export class SharedFacts {
  readonly orders = new Map<string, StoredOrder[]>();
  readonly agreements = new Map<string, string>();
  readonly chats = new Map<string, PersonalConversation>();
  inbox: InboxChannel | undefined;

  readonly orderReader: JourneyOrders = {
    recentJourneyOrders: async (tenantId, limit) => (this.orders.get(tenantId) ?? []).slice(0, limit).map(journeyOrderOf),
  };
  readonly agreementReader: CustomerAgreementReader = {
    get: async (tenantId) => {
      const acceptedAt = this.agreements.get(tenantId);
      return acceptedAt === undefined ? undefined : { acceptedAt };
    },
  };

  chatFor(tenantId: string, locale: 'ru' | 'en' = 'ru'): void {
    this.chats.set(tenantId, {
      tenantId,
      teamsUserId: `29:${tenantId}`,
      locale,
      conversation: { channelId: 'msteams', serviceUrl: 'https://smba.example', conversation: { id: `a:${tenantId}` } },
      lastSeenAt: new Date('2026-12-01T10:00:00Z'),
    });
  }
}

export interface Instance {
  readonly store: JourneyStore;
  readonly journeys: CustomerJourneys;
  readonly scheduler: JourneyScheduler;
}

/** One app instance's journey objects over the shared table. */
export function instance(
  table: TableClient,
  facts: SharedFacts,
  clock: TestClock,
  messenger: RecordingMessenger,
  overrides: Partial<JourneySchedulerOptions> = {},
): Instance {
  const store = new JourneyStore(table, clock.read);
  const journeys = new CustomerJourneys({
    store,
    orders: facts.orderReader,
    customerAgreements: facts.agreementReader,
    gdapUsed: false,
    logger: silentLogger,
  });
  const scheduler = new JourneyScheduler({
    journeys,
    store,
    conversations: {
      listPersonal: async (tenantId) => {
        const chat = facts.chats.get(tenantId);
        return chat ? [chat] : [];
      },
      getInbox: async () => facts.inbox,
    },
    messenger,
    distributorTenantId: DISTRIBUTOR_TENANT,
    distributorName: 'ООО «Демо Дистрибуция»',
    timeZone: 'Europe/Moscow',
    reminderAfterDays: 3,
    staffLocale: 'ru',
    links: { invitationUrl: 'https://admin.microsoft.com/invite', tabUrl: 'https://teams.microsoft.com/l/entity/app/onboarding' },
    logger: silentLogger,
    clock: clock.read,
    ...overrides,
  });
  return { store, journeys, scheduler };
}

export { RecordingMessenger };
