import { pino } from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createDemoPartner } from '../../../bot/graph/demo-partner.js';
import type { DemoPartner } from '../../../bot/graph/demo-partner.js';
import type { GdapPartner } from '../../../bot/gdap/gdap-partner.js';
import { GdapRequestRejectedError, GdapService } from '../../../bot/gdap/gdap-service.js';
import type { GdapEffects } from '../../../bot/gdap/gdap-service.js';
import { GdapStore } from '../../../bot/storage/gdap-store.js';
import type { GdapRelationshipRecord } from '../../../src/domain/gdap/gdap-relationship.js';
import { DEFAULT_GDAP_ROLES } from '../../../src/domain/gdap/gdap-roles.js';
import { startAzurite } from '../../support/azurite.js';
import type { AzuriteTables } from '../../support/azurite.js';
import { freshTable, tenantId } from '../storage/fixtures.js';

const ACCESS_GROUP = '869713c9-0b28-4d08-8949-ae07ae1bf528';
const MINUTE = 60_000;

let azurite: AzuriteTables;
beforeAll(async () => {
  azurite = await startAzurite();
});
afterAll(() => azurite?.stop());

class RecordingEffects implements GdapEffects {
  readonly cards: GdapRelationshipRecord[] = [];
  readonly notices: GdapRelationshipRecord[] = [];
  chats = 1;
  sendCustomerCard(record: GdapRelationshipRecord): Promise<number> {
    if (this.chats > 0) this.cards.push(record);
    return Promise.resolve(this.chats);
  }
  announceActive(record: GdapRelationshipRecord): Promise<void> {
    this.notices.push(record);
    return Promise.resolve();
  }
}

/** The process "dies" right after the named partner call: the call took effect, its answer never got stored. */
function crashingAfter(partner: GdapPartner, step: 'create' | 'lockForApproval' | 'beforeCreate'): GdapPartner {
  const crash = () => new Error(`process killed after ${step}`);
  return {
    ...partner,
    create: async (body) => {
      if (step === 'beforeCreate') throw crash();
      const created = await partner.create(body);
      if (step === 'create') throw crash();
      return created;
    },
    lockForApproval: async (id) => {
      await partner.lockForApproval(id);
      if (step === 'lockForApproval') throw crash();
    },
  };
}

let now: number;
let store: GdapStore;
let partner: DemoPartner;
let effects: RecordingEffects;

beforeEach(async () => {
  now = Date.parse('2026-12-05T00:00:00Z');
  store = new GdapStore(await freshTable(azurite.connectionString));
  partner = createDemoPartner({ clock: () => new Date(now) });
  effects = new RecordingEffects();
});

function service(overrides: { partner?: GdapPartner; accessGroupId?: string } = {}): GdapService {
  return new GdapService({
    store,
    partner: overrides.partner ?? partner,
    settings: { roles: DEFAULT_GDAP_ROLES, duration: 'P730D', ...(overrides.accessGroupId ? { accessGroupId: overrides.accessGroupId } : {}) },
    effects,
    logger: pino({ level: 'silent' }),
    clock: () => new Date(now),
  });
}

const request = (tenant: string) => ({ tenantId: tenant, organization: 'ООО «Василёк»', orderId: 'CSP-7K2M9QX4' });

describe('GdapService.request', () => {
  it('creates, locks for approval, stores each step and sends the customer the card', async () => {
    const tenant = tenantId();
    const result = await service().request(request(tenant));

    expect(result.kind).toBe('requested');
    expect(result.record).toMatchObject({ state: 'approvalPending', displayName: 'ООО «Василёк» CSP-7K2M9QX4', autoExtendDuration: 'P180D', customerCardSent: true });
    expect((await partner.get(result.record.relationshipId ?? ''))?.status).toBe('approvalPending');
    expect((await store.get(tenant))?.record).toEqual(result.record);
    expect(effects.cards).toHaveLength(1);
  });

  it('answers "exists" while one is pending, and asks again once it expired', async () => {
    const tenant = tenantId();
    const first = await service().request(request(tenant));
    expect((await service().request(request(tenant))).kind).toBe('exists');

    const stored = await store.get(tenant);
    if (!stored) throw new Error('stored row missing');
    await store.put({ ...stored.record, state: 'expired' }, stored);
    const again = await service().request(request(tenant));
    expect(again.kind).toBe('requested');
    expect(again.record.relationshipId).not.toBe(first.record.relationshipId);
    expect(again.record.displayName).toBe('ООО «Василёк» CSP-7K2M9QX4 2026-12-05');
  });

  it('reports a display name Graph refuses (another customer holds it) and leaves no intent behind', async () => {
    const tenant = tenantId();
    await partner.create({ displayName: 'ООО «Василёк» CSP-7K2M9QX4', duration: 'P1D', customer: { tenantId: tenantId() }, accessDetails: { unifiedRoles: [] }, autoExtendDuration: 'PT0S' });

    await expect(service().request(request(tenant))).rejects.toThrow(GdapRequestRejectedError);
    expect(await store.get(tenant)).toBeUndefined();
  });
});

describe('a crash between the steps', () => {
  it('after Graph created it, before the answer was stored: the next sweep finds it by name and locks it', async () => {
    const tenant = tenantId();
    await expect(service({ partner: crashingAfter(partner, 'create') }).request(request(tenant))).rejects.toThrow(/killed/);
    expect((await store.get(tenant))?.record.state).toBe('creating');

    now += 3 * MINUTE;
    await service().sweep();

    const record = (await store.get(tenant))?.record;
    expect(record?.state).toBe('approvalPending');
    expect((await partner.findByDisplayName('ООО «Василёк» CSP-7K2M9QX4'))?.status).toBe('approvalPending');
    expect(record?.relationshipId).toBe((await partner.findByDisplayName('ООО «Василёк» CSP-7K2M9QX4'))?.id);
    expect(effects.cards).toHaveLength(1);
  });

  it('before Graph heard of it: the sweep removes the intent, and staff can ask again', async () => {
    const tenant = tenantId();
    await expect(service({ partner: crashingAfter(partner, 'beforeCreate') }).request(request(tenant))).rejects.toThrow(/killed/);

    now += 3 * MINUTE;
    await service().sweep();

    expect(await store.get(tenant)).toBeUndefined();
    expect((await service().request(request(tenant))).kind).toBe('requested');
  });

  it('after the lock, before it was stored: the sweep reads the status instead of locking twice', async () => {
    const tenant = tenantId();
    await expect(service({ partner: crashingAfter(partner, 'lockForApproval') }).request(request(tenant))).rejects.toThrow(/killed/);
    expect((await store.get(tenant))?.record.state).toBe('created');

    now += 3 * MINUTE;
    await service().sweep();
    expect((await store.get(tenant))?.record.state).toBe('approvalPending');
  });

  it('leaves a fresh intent alone: its request may still be running', async () => {
    const tenant = tenantId();
    await expect(service({ partner: crashingAfter(partner, 'create') }).request(request(tenant))).rejects.toThrow(/killed/);
    await service().sweep();
    expect((await store.get(tenant))?.record.state).toBe('creating');
  });
});

describe('status from Graph', () => {
  it('approvalPending → active: stores the dates, assigns the access group, tells the distributor once', async () => {
    const tenant = tenantId();
    const { record } = await service({ accessGroupId: ACCESS_GROUP }).request(request(tenant));
    now += 5 * MINUTE;
    partner.approve(record.relationshipId ?? '');

    await service({ accessGroupId: ACCESS_GROUP }).sweep();
    await service({ accessGroupId: ACCESS_GROUP }).sweep();

    const active = (await store.get(tenant))?.record;
    expect(active).toMatchObject({ state: 'active', activatedAt: '2026-12-05T00:05:00.000Z', endDateTime: '2028-12-04T00:05:00.000Z', activeNoticeSent: true });
    expect(active?.accessAssignmentId).toMatch(/^[0-9a-f-]{36}$/);
    expect(effects.notices).toHaveLength(1);
  });

  it('answers the stored state for a minute, then asks Graph again', async () => {
    const tenant = tenantId();
    const { record } = await service().request(request(tenant));
    partner.approve(record.relationshipId ?? '');

    expect((await service().current(tenant))?.state).toBe('approvalPending');
    now += MINUTE;
    expect((await service().current(tenant))?.state).toBe('active');
  });

  it('retries the customer card on later sweeps while no chat of the customer is known', async () => {
    effects.chats = 0;
    const tenant = tenantId();
    expect((await service().request(request(tenant))).record.customerCardSent).toBe(false);
    effects.chats = 1;
    await service().sweep();
    expect((await store.get(tenant))?.record.customerCardSent).toBe(true);
  });
});
