import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoredOrder } from '../../../src/domain/order/order.js';
import type { DeliveryRecord } from '../../../bot/storage/delivery-entity.js';
import { OrderService } from '../../../bot/orders/order-service.js';
import type { OrderServiceDependencies } from '../../../bot/orders/order-service.js';
import { StorageUnavailableError } from '../../../bot/storage/storage-errors.js';
import { OrderRepository } from '../../../bot/storage/order-repository.js';
import { createTableStorage } from '../../../bot/storage/table-storage.js';
import { startAzurite } from '../../support/azurite.js';
import type { AzuriteTables } from '../../support/azurite.js';
import { CATALOG, freshTable, tenantId } from '../storage/fixtures.js';
import { orderInput, SAMPLE_ORGANIZATION } from '../../support/order-fixtures.js';
import { acceptance, everyTenantAccepted, noTenantAccepted } from '../../support/customer-agreement-fixtures.js';
import type { CustomerAgreementLookup } from '../../../bot/customer-agreement/customer-agreement-lookup.js';

let azurite: AzuriteTables;
let repository: OrderRepository;

beforeAll(async () => {
  azurite = await startAzurite();
  repository = new OrderRepository(await freshTable(azurite.connectionString));
});

afterAll(async () => {
  await azurite?.stop();
});

class RecordingOutbox {
  readonly dispatched: { order: StoredOrder; records: readonly DeliveryRecord[] }[] = [];
  dispatch(order: StoredOrder, records: readonly DeliveryRecord[]): void {
    this.dispatched.push({ order, records });
  }
}

function service(
  overrides: { repository?: OrderRepository; evidenceAtSubmission?: OrderServiceDependencies['evidenceAtSubmission']; customerAgreements?: CustomerAgreementLookup } = {},
) {
  const outbox = new RecordingOutbox();
  const orders = new OrderService({
    repository: overrides.repository ?? repository,
    catalog: CATALOG,
    timeZone: 'Europe/Moscow',
    channels: ['teams', 'webhook'],
    outbox,
    ...(overrides.evidenceAtSubmission && { evidenceAtSubmission: overrides.evidenceAtSubmission }),
    customerAgreements: overrides.customerAgreements ?? everyTenantAccepted,
  });
  return { orders, outbox };
}

const now = new Date('2026-11-20T10:00:00.000Z');

describe('OrderService.submit', () => {
  it('validates, stores and hands the new deliveries to the outbox', async () => {
    const { orders, outbox } = service();
    const tenant = tenantId();

    const result = await orders.submit(tenant, orderInput(), { now, actor: 'Иван Иванов' });

    if (result.kind !== 'created') throw new Error(`expected created, got ${result.kind}`);
    expect(result.order).toMatchObject({ tenantId: tenant, status: 'submitted', revision: 1 });
    // Normalized by validation: the phone is stored in E.164.
    expect(result.order.contact.phone).toBe('+74951234567');
    expect(result.order.history[0]?.by).toBe('Иван Иванов');
    expect(outbox.dispatched).toHaveLength(1);
    expect(outbox.dispatched[0]?.order.id).toBe(result.order.id);
    expect(outbox.dispatched[0]?.records.map((record) => record.channel)).toEqual(['teams', 'webhook']);
    expect(await orders.get(tenant, result.order.id)).toEqual(result.order);
  });

  it("records the submitter's relationship evidence level, and never fails a submission for it", async () => {
    const asked: [string, string | undefined][] = [];
    const known = service({
      evidenceAtSubmission: (tenant, userId) => {
        asked.push([tenant, userId]);
        return 'detected';
      },
    });
    const tenant = tenantId();
    const created = await known.orders.submit(tenant, orderInput(), { now, submitter: { userId: 'user-1' } });
    expect(created.kind === 'created' && created.order.evidenceAtSubmission).toBe('detected');
    expect(asked).toEqual([[tenant, 'user-1']]);

    const failing = service({
      evidenceAtSubmission: () => {
        throw new Error('facts unavailable');
      },
    });
    const unknown = await failing.orders.submit(tenantId(), orderInput(), { now });
    expect(unknown.kind === 'created' && unknown.order.evidenceAtSubmission).toBeNull();
  });

  it('answers a repeated submission with the stored order and dispatches nothing new', async () => {
    const { orders, outbox } = service();
    const tenant = tenantId();
    const input = orderInput();
    const first = await orders.submit(tenant, input, { now });
    const again = await orders.submit(tenant, input, { now });

    expect(again.kind).toBe('existing');
    expect(again.kind === 'existing' && first.kind === 'created' && again.order.id === first.order.id).toBe(true);
    expect(outbox.dispatched).toHaveLength(1);
  });

  it('creates exactly one order for 20 concurrent repeats', async () => {
    const { orders, outbox } = service();
    const tenant = tenantId();
    const input = orderInput();

    const results = await Promise.all(Array.from({ length: 20 }, () => orders.submit(tenant, input, { now })));

    expect(results.filter((result) => result.kind === 'created')).toHaveLength(1);
    expect(new Set(results.map((result) => ('order' in result ? result.order.id : undefined))).size).toBe(1);
    expect(outbox.dispatched).toHaveLength(1);
    expect(await orders.list(tenant)).toHaveLength(1);
  });

  it('reports every invalid field and stores nothing', async () => {
    const { orders, outbox } = service();
    const tenant = tenantId();
    const input = orderInput({
      technicalDomain: 'contoso.com',
      organization: { ...SAMPLE_ORGANIZATION, inn: '7707083890' },
    });

    const result = await orders.submit(tenant, input, { now });

    expect(result.kind).toBe('invalid');
    const fields = result.kind === 'invalid' ? result.errors.map((error) => error.field) : [];
    expect(fields).toEqual(expect.arrayContaining(['technicalDomain', 'organization.inn']));
    expect(await orders.list(tenant)).toEqual([]);
    expect(outbox.dispatched).toEqual([]);
  });

  it("judges the activation date by the distributor's calendar", async () => {
    const { orders } = service();
    // 22:30 UTC on 20 November is already 21 November in Moscow.
    const lateEvening = new Date('2026-11-20T22:30:00.000Z');

    const yesterdayInMoscow = await orders.submit(tenantId(), orderInput({ activationDate: '2026-11-20' }), {
      now: lateEvening,
    });
    const todayInMoscow = await orders.submit(tenantId(), orderInput({ activationDate: '2026-11-21' }), {
      now: lateEvening,
    });

    expect(yesterdayInMoscow.kind === 'invalid' && yesterdayInMoscow.errors.map((error) => error.code)).toEqual([
      'date_in_past',
    ]);
    expect(todayInMoscow.kind).toBe('created');
  });

  it('refuses an unknown time zone at construction', () => {
    expect(
      () =>
        new OrderService({
          repository,
          catalog: CATALOG,
          timeZone: 'Mars/Olympus',
          channels: [],
          outbox: new RecordingOutbox(),
          customerAgreements: everyTenantAccepted,
        }),
    ).toThrow(RangeError);
  });

  it('surfaces unreachable storage as StorageUnavailableError', async () => {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const address = probe.address();
    await new Promise((resolve) => probe.close(resolve));
    const port = typeof address === 'object' && address ? address.port : 1;
    const unreachable = createTableStorage(azurite.connectionString.replace(String(azurite.port), String(port)), {
      retry: { maxRetries: 0, retryDelayInMs: 10, maxRetryDelayInMs: 10 },
    });
    const { orders } = service({ repository: new OrderRepository(unreachable.table('orders')) });

    await expect(orders.submit(tenantId(), orderInput(), { now })).rejects.toBeInstanceOf(StorageUnavailableError);
    await expect(orders.list(tenantId())).rejects.toBeInstanceOf(StorageUnavailableError);
  });
});

describe('OrderService status changes and resubmission', () => {
  async function submitted(orders: OrderService, tenant: string) {
    const result = await orders.submit(tenant, orderInput(), { now });
    if (result.kind !== 'created') throw new Error(`expected created, got ${result.kind}`);
    return result.order;
  }

  it('changes status and reports impossible transitions as results', async () => {
    const { orders } = service();
    const tenant = tenantId();
    const order = await submitted(orders, tenant);

    const accepted = await orders.changeStatus(tenant, order.id, { status: 'accepted' }, { now, actor: 'Пётр' });
    expect(accepted.kind === 'changed' && [accepted.order.status, accepted.order.history.at(-1)?.by]).toEqual(['accepted', 'Пётр']);
    expect(accepted.kind === 'changed' && accepted.notice).toEqual({ tenantId: tenant, orderId: order.id, revision: 1, step: 1, status: 'accepted' });

    expect(await orders.changeStatus(tenant, order.id, { status: 'submitted' }, { now })).toEqual({
      kind: 'invalidTransition',
      from: 'accepted',
      to: 'submitted',
    });
    expect(await orders.changeStatus(tenantId(), order.id, { status: 'completed' }, { now })).toEqual({
      kind: 'notFound',
    });
    const stale = await orders.changeStatus(tenant, order.id, { status: 'completed', expectedRevision: 2 }, { now });
    expect(stale.kind).toBe('conflict');
  });

  it('completes an order only once its tenant has accepted the Microsoft Customer Agreement', async () => {
    const accepted = new Set<string>();
    const lookedUp: string[] = [];
    const customerAgreements: CustomerAgreementLookup = {
      get: (tenant) => {
        lookedUp.push(tenant);
        return Promise.resolve(accepted.has(tenant) ? acceptance(tenant) : undefined);
      },
    };
    const { orders, outbox } = service({ customerAgreements });
    const tenant = tenantId();
    const order = await submitted(orders, tenant);
    await orders.changeStatus(tenant, order.id, { status: 'accepted' }, { now });
    expect(lookedUp).toEqual([]);
    const dispatchedBefore = outbox.dispatched.length;

    expect(await orders.changeStatus(tenant, order.id, { status: 'completed' }, { now })).toEqual({ kind: 'customerAgreementMissing' });
    expect((await orders.get(tenant, order.id))?.status).toBe('accepted');
    expect(outbox.dispatched).toHaveLength(dispatchedBefore);

    accepted.add(tenant);
    const completed = await orders.changeStatus(tenant, order.id, { status: 'completed' }, { now });
    expect(completed.kind === 'changed' && completed.order.status).toBe('completed');
    expect(lookedUp).toEqual([tenant, tenant]);
  });

  it('asks no tenant for the MCA to accept or send back an order', async () => {
    const { orders } = service({ customerAgreements: noTenantAccepted });
    const tenant = tenantId();
    const order = await submitted(orders, tenant);
    expect((await orders.changeStatus(tenant, order.id, { status: 'accepted' }, { now })).kind).toBe('changed');
    expect((await orders.changeStatus(tenant, order.id, { status: 'changesRequested', comment: 'ИНН' }, { now })).kind).toBe('changed');
  });

  it("stores the customer's notice with the change and hands it to the outbox, naming the submitter", async () => {
    const { orders, outbox } = service();
    const tenant = tenantId();
    const submitter = { userId: '6a3f2b1c-4d5e-4f60-8a7b-9c0d1e2f3a4b', teamsUserId: '29:1customer-ivanov' };
    const created = await orders.submit(tenant, orderInput(), { now, submitter });
    if (created.kind !== 'created') throw new Error(created.kind);

    const changed = await orders.changeStatus(tenant, created.order.id, { status: 'accepted' }, { now });

    expect(changed.kind).toBe('changed');
    expect(outbox.dispatched.at(-1)?.records.map((record) => [record.channel, record.state, record.notice])).toEqual([
      ['customerNotice', 'pending', { step: 1, submitter }],
    ]);
    expect((await orders.get(tenant, created.order.id))?.deliveries.map((delivery) => delivery.channel)).toEqual(['teams', 'webhook']);
  });

  it('dispatches no notice when the status change could not be stored', async () => {
    class FailingWrites extends OrderRepository {
      override replace(): never {
        throw new StorageUnavailableError('storage down', { cause: new Error('ECONNREFUSED') });
      }
    }
    const { orders, outbox } = service({ repository: new FailingWrites(await freshTable(azurite.connectionString)) });
    const tenant = tenantId();
    const order = await submitted(orders, tenant);

    await expect(orders.changeStatus(tenant, order.id, { status: 'accepted' }, { now })).rejects.toThrow(StorageUnavailableError);

    expect(outbox.dispatched.map(({ records }) => records.map((record) => record.channel))).toEqual([['teams', 'webhook']]);
    expect((await orders.get(tenant, order.id))?.status).toBe('submitted');
  });

  it('lets only one of two concurrent identical changes win (ETag)', async () => {
    const { orders } = service();
    const tenant = tenantId();
    const order = await submitted(orders, tenant);

    const results = await Promise.all(
      ['A', 'B'].map((actor) => orders.changeStatus(tenant, order.id, { status: 'accepted' }, { now, actor })),
    );

    expect(results.map((result) => result.kind).sort()).toEqual(['changed', 'invalidTransition']);
    const stored = await orders.get(tenant, order.id);
    expect(stored?.history.filter((change) => change.status === 'accepted')).toHaveLength(1);
  });

  it('re-checks a change against what a concurrent change left behind', async () => {
    const { orders } = service();
    const tenant = tenantId();
    const order = await submitted(orders, tenant);
    await orders.changeStatus(tenant, order.id, { status: 'accepted' }, { now });

    // Neither changesRequested → completed nor completed → changesRequested is allowed.
    const results = await Promise.all([
      orders.changeStatus(tenant, order.id, { status: 'changesRequested', comment: 'ИНН' }, { now }),
      orders.changeStatus(tenant, order.id, { status: 'completed' }, { now }),
    ]);

    const winners = results.flatMap((result) => (result.kind === 'changed' ? [result.order.status] : []));
    expect(winners).toHaveLength(1);
    const stored = await orders.get(tenant, order.id);
    expect(stored?.history.map((change) => change.status)).toEqual(['submitted', 'accepted', winners[0]]);
  });

  it('needs a comment, of bounded length, to request changes', async () => {
    const { orders } = service();
    const tenant = tenantId();
    const order = await submitted(orders, tenant);

    const missing = await orders.changeStatus(tenant, order.id, { status: 'changesRequested', comment: '  ' }, { now });
    expect(missing.kind === 'invalid' && missing.errors.map((error) => [error.field, error.code])).toEqual([
      ['comment', 'required'],
    ]);
    const tooLong = await orders.changeStatus(
      tenant,
      order.id,
      { status: 'changesRequested', comment: 'я'.repeat(1_001) },
      { now },
    );
    expect(tooLong.kind === 'invalid' && tooLong.errors.map((error) => error.code)).toEqual(['too_long']);
    expect((await orders.get(tenant, order.id))?.status).toBe('submitted');

    const requested = await orders.changeStatus(
      tenant,
      order.id,
      { status: 'changesRequested', comment: ' Уточните ИНН ' },
      { now },
    );
    expect(requested.kind === 'changed' && requested.order.history.at(-1)?.comment).toBe('Уточните ИНН');
  });

  it('resubmits after changes were requested, once, with new deliveries', async () => {
    const { orders, outbox } = service();
    const tenant = tenantId();
    const order = await submitted(orders, tenant);
    const input = orderInput({ submissionId: randomUUID(), lines: [{ sku: 'SPB', quantity: 7 }] });

    expect((await orders.resubmit(tenant, order.id, input, { now })).kind).toBe('invalidTransition');
    await orders.changeStatus(tenant, order.id, { status: 'changesRequested', comment: 'Другая подписка' }, { now });
    expect((await orders.resubmit(tenant, order.id, { ...input, lines: [] }, { now })).kind).toBe('invalid');

    const resubmitted = await orders.resubmit(tenant, order.id, input, { now });
    const repeated = await orders.resubmit(tenant, order.id, input, { now });

    expect(resubmitted.kind === 'resubmitted' && [resubmitted.order.revision, resubmitted.order.lines]).toEqual([
      2,
      [{ sku: 'SPB', quantity: 7 }],
    ]);
    // What changed is named with the catalog's product names.
    expect(resubmitted.kind === 'resubmitted' && resubmitted.order.history.at(-1)?.changes).toEqual([
      { field: 'line', sku: 'SPB', product: 'Microsoft 365 Business Premium', after: '7' },
      { field: 'line', sku: 'O365_BUSINESS_PREMIUM', product: 'Microsoft 365 Business Standard', before: '25' },
    ]);
    expect(repeated.kind).toBe('existing');
    expect(outbox.dispatched.map(({ records }) => records.map((record) => [record.channel, record.revision]))).toEqual([
      [['teams', 1], ['webhook', 1]],
      [['customerNotice', 1]],
      [['teams', 2], ['webhook', 2]],
    ]);
    expect(await orders.resubmit(tenant, 'CSP-00000000', input, { now })).toEqual({ kind: 'notFound' });
  });

  it('stores one revision for concurrent repeats of a resubmission', async () => {
    const { orders, outbox } = service();
    const tenant = tenantId();
    const order = await submitted(orders, tenant);
    await orders.changeStatus(tenant, order.id, { status: 'changesRequested', comment: 'ИНН' }, { now });
    const input = orderInput({ submissionId: randomUUID() });

    const results = await Promise.all(Array.from({ length: 5 }, () => orders.resubmit(tenant, order.id, input, { now })));

    expect(results.filter((result) => result.kind === 'resubmitted')).toHaveLength(1);
    expect(results.filter((result) => result.kind === 'existing')).toHaveLength(4);
    const stored = await orders.get(tenant, order.id);
    expect([stored?.revision, stored?.deliveries.length]).toEqual([2, 4]);
    // The first revision, the notice of "changes requested", the one resubmission.
    expect(outbox.dispatched).toHaveLength(3);
  });

  it("refuses a resubmission under another order's submission id", async () => {
    const { orders } = service();
    const tenant = tenantId();
    const other = await submitted(orders, tenant);
    const order = await submitted(orders, tenant);
    await orders.changeStatus(tenant, order.id, { status: 'changesRequested', comment: 'ИНН' }, { now });

    const result = await orders.resubmit(tenant, order.id, orderInput({ submissionId: other.submissionId }), { now });

    expect(result).toEqual({ kind: 'conflict', message: `submission id ${other.submissionId} belongs to order ${other.id}` });
    expect((await orders.get(tenant, order.id))?.revision).toBe(1);
  });

  it('lists the newest first and finds the latest for prefilling', async () => {
    const { orders } = service();
    const tenant = tenantId();
    const older = await submitted(orders, tenant);
    const newer = await orders.submit(tenant, orderInput(), { now: new Date(now.getTime() + 60_000) });
    if (newer.kind !== 'created') throw new Error(`expected created, got ${newer.kind}`);

    expect((await orders.list(tenant)).map((order) => order.id)).toEqual([newer.order.id, older.id]);
    expect((await orders.findLatest(tenant))?.id).toBe(newer.order.id);
  });
});
