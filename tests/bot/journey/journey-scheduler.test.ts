import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdaptiveCard } from '../../../src/domain/cards/adaptive-card.js';
import { startAzurite } from '../../support/azurite.js';
import type { AzuriteTables } from '../../support/azurite.js';
import { storedOrder } from '../../support/order-fixtures.js';
import { freshTable, tenantId } from '../storage/fixtures.js';
import { instance, RecordingMessenger, SharedFacts, TestClock } from './journey-fixtures.js';

let azurite: AzuriteTables;

beforeAll(async () => {
  azurite = await startAzurite();
});

afterAll(async () => {
  await azurite?.stop();
});

// Tuesday 1 December 2026, 10:00 in Moscow (07:00 UTC).
const FIRST_CONTACT = '2026-12-01T07:00:00.000Z';

async function setUp() {
  const table = await freshTable(azurite.connectionString);
  const facts = new SharedFacts();
  const clock = new TestClock(new Date(FIRST_CONTACT));
  const messenger = new RecordingMessenger();
  return { table, facts, clock, messenger, one: instance(table, facts, clock, messenger) };
}

function onlyCard<T extends { readonly card: AdaptiveCard }>(sent: T | undefined): AdaptiveCard {
  if (!sent) throw new Error('nothing was sent');
  return sent.card;
}

function actionsOf(card: { readonly actions?: readonly unknown[] }): unknown[] {
  return [...(card.actions ?? [])];
}

describe('reminders', () => {
  it('reminds a customer stuck more than 3 days once for that step, with the step button and «Не напоминать»', async () => {
    const { facts, clock, messenger, one } = await setUp();
    const tenant = tenantId();
    facts.chatFor(tenant);
    await one.journeys.contact(tenant, 'chat');

    clock.set('2026-12-04T06:59:00.000Z'); // three days, not more
    expect((await one.scheduler.runOnce()).reminders).toBe(0);

    clock.set('2026-12-04T07:01:00.000Z');
    expect((await one.scheduler.runOnce()).reminders).toBe(1);
    expect(messenger.sends).toHaveLength(1);
    const card = onlyCard(messenger.sends[0]);
    expect(JSON.stringify(card.body)).toContain('приглашение партнёра');
    expect(actionsOf(card)).toEqual([
      expect.objectContaining({ type: 'Action.OpenUrl', url: 'https://admin.microsoft.com/invite' }),
      expect.objectContaining({ type: 'Action.Execute', verb: 'stopReminders', title: 'Не напоминать' }),
    ]);

    clock.set('2026-12-08T08:00:00.000Z');
    expect((await one.scheduler.runOnce()).reminders).toBe(0);
    expect(messenger.sends).toHaveLength(1);
  });

  it('reminds again at the next step, with that step’s button', async () => {
    const { facts, clock, messenger, one } = await setUp();
    const tenant = tenantId();
    facts.chatFor(tenant, 'en');
    await one.journeys.contact(tenant, 'chat');
    clock.set('2026-12-04T08:00:00.000Z');
    await one.scheduler.runOnce();

    // The customer ordered (which declares the invitation) and accepted the MCA on the 4th.
    facts.agreements.set(tenant, '2026-12-04T09:00:00.000Z');
    facts.orders.set(tenant, [storedOrder({ tenantId: tenant, createdAt: '2026-12-04T08:30:00.000Z', status: 'accepted', history: [
      { status: 'submitted', at: '2026-12-04T08:30:00.000Z', revision: 1 },
      { status: 'accepted', at: '2026-12-04T10:00:00.000Z', revision: 1 },
    ] })]);
    await one.journeys.changed(tenant);
    clock.set('2026-12-08T10:00:00.000Z');
    // Waiting for the distributor to complete the order is not the customer's step: no reminder.
    expect((await one.scheduler.runOnce()).reminders).toBe(0);

    facts.agreements.delete(tenant);
    await one.journeys.changed(tenant);
    expect((await one.scheduler.runOnce()).reminders).toBe(1);
    const card = onlyCard(messenger.sends.at(-1));
    expect(JSON.stringify(card.body)).toContain('Microsoft Customer Agreement');
    expect(actionsOf(card)[0]).toEqual(expect.objectContaining({ type: 'Action.OpenUrl', url: 'https://teams.microsoft.com/l/entity/app/onboarding', title: 'Open the app' }));
  });

  it('never reminds between 20:00 and 09:00 Moscow time', async () => {
    const { facts, clock, messenger, one } = await setUp();
    const tenant = tenantId();
    facts.chatFor(tenant);
    await one.journeys.contact(tenant, 'chat');
    for (const night of ['2026-12-08T17:00:00.000Z', '2026-12-08T21:30:00.000Z', '2026-12-09T05:59:00.000Z']) {
      clock.set(night);
      expect((await one.scheduler.runOnce()).reminders).toBe(0);
    }
    expect(messenger.sends).toHaveLength(0);
    clock.set('2026-12-09T06:00:00.000Z');
    expect((await one.scheduler.runOnce()).reminders).toBe(1);
  });

  it('stops for a tenant that pressed «Не напоминать»', async () => {
    const { facts, clock, messenger, one } = await setUp();
    const tenant = tenantId();
    facts.chatFor(tenant);
    await one.journeys.contact(tenant, 'chat');
    await one.journeys.stopReminders(tenant, 'Иван');
    clock.set('2026-12-08T08:00:00.000Z');
    expect((await one.scheduler.runOnce()).reminders).toBe(0);
    expect(messenger.sends).toHaveLength(0);
  });

  it('sends exactly once with two instances at the same time, and a restarted instance sends nothing again', async () => {
    const { table, facts, clock, messenger } = await setUp();
    const tenants = [tenantId(), tenantId(), tenantId()];
    const first = instance(table, facts, clock, messenger);
    for (const tenant of tenants) {
      facts.chatFor(tenant);
      await first.journeys.contact(tenant, 'chat');
    }
    const second = instance(table, facts, clock, messenger);
    clock.set('2026-12-08T08:00:00.000Z');
    const passes = await Promise.all([first.scheduler.runOnce(), second.scheduler.runOnce(), first.scheduler.runOnce()]);
    expect(passes.reduce((sum, pass) => sum + pass.reminders, 0)).toBe(3);
    const reached = messenger.sends.map((send) => (send.conversation['conversation'] as { id: string }).id);
    expect(reached.sort()).toEqual(tenants.map((tenant) => `a:${tenant}`).sort());

    const restarted = instance(table, facts, clock, messenger);
    expect((await restarted.scheduler.runOnce()).reminders).toBe(0);
    expect(messenger.sends).toHaveLength(3);
  });

  it('does not retry a reminder whose send failed (at most once)', async () => {
    const { facts, clock, messenger, one } = await setUp();
    const tenant = tenantId();
    facts.chatFor(tenant);
    await one.journeys.contact(tenant, 'chat');
    clock.set('2026-12-08T08:00:00.000Z');
    messenger.failWith(() => new Error('connector down'));
    expect((await one.scheduler.runOnce()).reminders).toBe(0);
    messenger.failWith(undefined);
    expect((await one.scheduler.runOnce()).reminders).toBe(0);
    expect(messenger.sends).toHaveLength(0);
  });
});

describe('the staff digest', () => {
  const INBOX = { tenantId: 'distributor', conversation: { channelId: 'msteams', serviceUrl: 'https://smba.example', conversation: { id: '19:inbox@thread.tacv2' } }, claimedAt: new Date('2026-11-01T00:00:00Z') };

  it('is not sent when there is nothing to report', async () => {
    const { facts, clock, messenger, one } = await setUp();
    facts.inbox = INBOX;
    clock.set('2026-12-07T06:00:00.000Z'); // Monday 09:00 Moscow, no customers
    expect((await one.scheduler.runOnce()).digest).toBe('empty');
    expect(messenger.posts).toHaveLength(0);
    expect((await one.scheduler.runOnce()).digest).toBe('alreadyTaken');
  });

  it('is sent at 09:00 on working days only, once with two instances and across a restart', async () => {
    const { table, facts, clock, messenger, one } = await setUp();
    facts.inbox = INBOX;
    const tenant = tenantId();
    await one.journeys.contact(tenant, 'tab');
    facts.orders.set(tenant, [storedOrder({ tenantId: tenant, createdAt: '2026-12-01T08:30:00.000Z', status: 'submitted' })]);
    await one.journeys.changed(tenant);
    const newcomer = tenantId();
    clock.set('2026-12-06T12:00:00.000Z'); // Sunday
    await one.journeys.contact(newcomer, 'chat');

    clock.set('2026-12-05T07:00:00.000Z'); // Saturday
    expect((await one.scheduler.runOnce()).digest).toBe('notDue');
    clock.set('2026-12-07T05:59:00.000Z'); // Monday 08:59
    expect((await one.scheduler.runOnce()).digest).toBe('notDue');

    clock.set('2026-12-07T06:00:00.000Z');
    const second = instance(table, facts, clock, messenger);
    const outcomes = await Promise.all([one.scheduler.runOnce(), second.scheduler.runOnce()]);
    expect(outcomes.map((outcome) => outcome.digest).sort()).toEqual(['alreadyTaken', 'sent']);
    expect(messenger.posts).toHaveLength(1);
    const text = JSON.stringify(onlyCard(messenger.posts[0]));
    expect(text).toContain('Сводка по клиентам на 07.12.2026');
    expect(text).toContain('Заявки ждут действий (1)');
    expect(text).toContain('Застряли дольше 3 дн. (1)');
    expect(text).toContain('Новые клиенты (1)');

    const restarted = instance(table, facts, clock, messenger);
    expect((await restarted.scheduler.runOnce()).digest).toBe('alreadyTaken');
    expect(messenger.posts).toHaveLength(1);
  });
});
