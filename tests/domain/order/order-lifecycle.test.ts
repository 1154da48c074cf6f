import { describe, expect, it } from 'vitest';
import {
  MAX_ACTOR_LENGTH,
  MAX_COMMENT_LENGTH,
  changeOrderStatus,
  checkStatusChange,
  resubmitOrder,
  submitOrder,
} from '../../../src/domain/order/order-lifecycle.js';
import type { CheckedStatusChange } from '../../../src/domain/order/order-lifecycle.js';
import type { OrderSubmission, StoredOrder } from '../../../src/domain/order/order.js';
import { submission as validSubmission } from '../../support/order-fixtures.js';
import { catalog } from '../cards/card-fixtures.js';

const now = new Date('2026-11-20T10:00:00.000Z');
const later = new Date('2026-11-21T09:00:00.000Z');
const delivery = { channels: ['teams', 'webhook'], firstAttemptAt: new Date('2026-11-20T10:01:00.000Z') };

function submission(submissionId: string, overrides: Partial<OrderSubmission> = {}): OrderSubmission {
  return validSubmission({ submissionId, ...overrides });
}

const submitted = submitOrder(
  { tenantId: 'tenant-1', id: 'CSP-7K2M9Q4D', submission: submission('first'), delivery },
  { now, actor: 'Иван Иванов' },
);

function changed(order: StoredOrder, change: CheckedStatusChange, actor?: string): StoredOrder {
  const outcome = changeOrderStatus(order, change, {
    now: later,
    customerAgreementAccepted: true,
    ...(actor !== undefined && { actor }),
  });
  if (outcome.kind !== 'changed') throw new Error(`expected changed, got ${outcome.kind}`);
  return outcome.order;
}

describe('submitOrder', () => {
  it('makes revision 1, submitted, with the actor in the history and a pending delivery per channel', () => {
    expect(submitted.order).toEqual({
      ...submission('first'),
      id: 'CSP-7K2M9Q4D',
      tenantId: 'tenant-1',
      status: 'submitted',
      revision: 1,
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
      history: [{ status: 'submitted', at: now.toISOString(), revision: 1, by: 'Иван Иванов' }],
    });
    expect(submitted.deliveries).toEqual(
      ['teams', 'webhook'].map((channel) => ({
        tenantId: 'tenant-1',
        orderId: 'CSP-7K2M9Q4D',
        revision: 1,
        channel,
        createdAt: now,
        firstAttemptAt: delivery.firstAttemptAt,
      })),
    );
  });

  it('cuts a very long actor name for the history', () => {
    const long = submitOrder(
      { tenantId: 't', id: 'CSP-7K2M9Q4D', submission: submission('x'), delivery },
      { now, actor: 'Я'.repeat(MAX_ACTOR_LENGTH + 50) },
    );
    expect(long.order.history[0]?.by).toHaveLength(MAX_ACTOR_LENGTH);
  });
});

describe('checkStatusChange', () => {
  it('needs a comment to request changes, and trims it', () => {
    expect(checkStatusChange({ status: 'changesRequested', comment: '  ' })).toMatchObject({
      ok: false,
      errors: [{ field: 'comment', code: 'required' }],
    });
    expect(checkStatusChange({ status: 'changesRequested', comment: ' Уточните ИНН ', expectedRevision: 1 })).toEqual({
      ok: true,
      change: { status: 'changesRequested', comment: 'Уточните ИНН', expectedRevision: 1 },
    });
  });

  it('bounds the comment length and drops a blank one', () => {
    expect(checkStatusChange({ status: 'accepted', comment: 'я'.repeat(MAX_COMMENT_LENGTH + 1) })).toMatchObject({
      ok: false,
      errors: [{ field: 'comment', code: 'too_long' }],
    });
    expect(checkStatusChange({ status: 'accepted', comment: 'я'.repeat(MAX_COMMENT_LENGTH) }).ok).toBe(true);
    expect(checkStatusChange({ status: 'accepted', comment: ' ' })).toEqual({ ok: true, change: { status: 'accepted' } });
  });
});

describe('changeOrderStatus', () => {
  it('records the move in the history and asks to tell the customer', () => {
    const outcome = changeOrderStatus(submitted.order, { status: 'changesRequested', comment: 'ИНН' }, { now: later, actor: 'Пётр' });

    expect(outcome).toEqual({
      kind: 'changed',
      order: {
        ...submitted.order,
        status: 'changesRequested',
        updatedAt: later.toISOString(),
        history: [
          ...submitted.order.history,
          { status: 'changesRequested', at: later.toISOString(), revision: 1, by: 'Пётр', comment: 'ИНН' },
        ],
      },
      notice: { tenantId: 'tenant-1', orderId: 'CSP-7K2M9Q4D', revision: 1, step: 1, status: 'changesRequested', comment: 'ИНН' },
    });
  });

  it('follows the allowed transitions only', () => {
    const done = changed(changed(submitted.order, { status: 'accepted' }), { status: 'completed' });
    expect(done.history.map((change) => change.status)).toEqual(['submitted', 'accepted', 'completed']);
    expect(changeOrderStatus(submitted.order, { status: 'completed' }, { now })).toEqual({
      kind: 'invalidTransition',
      from: 'submitted',
      to: 'completed',
    });
    expect(changeOrderStatus(done, { status: 'changesRequested', comment: 'x' }, { now }).kind).toBe('invalidTransition');
  });

  it('completes only when the tenant has accepted the Microsoft Customer Agreement', () => {
    const accepted = changed(submitted.order, { status: 'accepted' });
    expect(changeOrderStatus(accepted, { status: 'completed' }, { now })).toEqual({ kind: 'customerAgreementMissing' });
    expect(changeOrderStatus(accepted, { status: 'completed' }, { now, customerAgreementAccepted: false })).toEqual({
      kind: 'customerAgreementMissing',
    });
    expect(changeOrderStatus(accepted, { status: 'completed' }, { now, customerAgreementAccepted: true }).kind).toBe('changed');
    // Other moves never ask for it.
    expect(changeOrderStatus(accepted, { status: 'changesRequested', comment: 'ИНН' }, { now }).kind).toBe('changed');
  });

  it('refuses a change made against another revision', () => {
    expect(changeOrderStatus(submitted.order, { status: 'accepted', expectedRevision: 2 }, { now })).toEqual({
      kind: 'conflict',
      message: 'order CSP-7K2M9Q4D is at revision 1, not 2',
    });
    expect(changeOrderStatus(submitted.order, { status: 'accepted', expectedRevision: 1 }, { now }).kind).toBe('changed');
  });
});

describe('resubmitOrder', () => {
  const sentBack = changed(submitted.order, { status: 'changesRequested', comment: 'ИНН' });

  it('makes the next revision, back to submitted, with new pending deliveries', () => {
    const content = submission('second', { lines: [{ sku: 'SPB', quantity: 3 }] });
    const outcome = resubmitOrder(sentBack, content, delivery, { now: later, actor: 'Иван' }, { catalog });

    if (outcome.kind !== 'resubmitted') throw new Error(`expected resubmitted, got ${outcome.kind}`);
    expect(outcome.order).toMatchObject({ ...content, id: 'CSP-7K2M9Q4D', status: 'submitted', revision: 2 });
    expect(outcome.order.createdAt).toBe(now.toISOString());
    expect(outcome.order.updatedAt).toBe(later.toISOString());
    expect(outcome.order.history.map((change) => [change.status, change.revision, change.by])).toEqual([
      ['submitted', 1, 'Иван Иванов'],
      ['changesRequested', 1, undefined],
      ['submitted', 2, 'Иван'],
    ]);
    expect(outcome.deliveries.map((d) => `${d.channel}@${d.revision}`)).toEqual(['teams@2', 'webhook@2']);
  });

  it("records on the new revision's history entry what changed since the previous one", () => {
    const content = submission('second', { lines: [{ sku: 'O365_BUSINESS_PREMIUM', quantity: 30 }] });
    const outcome = resubmitOrder(sentBack, content, delivery, { now: later }, { catalog });

    if (outcome.kind !== 'resubmitted') throw new Error(`expected resubmitted, got ${outcome.kind}`);
    expect(outcome.order.history.map((change) => change.changes)).toEqual([
      undefined,
      undefined,
      [{ field: 'line', sku: 'O365_BUSINESS_PREMIUM', product: 'Microsoft 365 Business Standard', before: '25', after: '30' }],
    ]);
  });

  it('keeps the evidence level recorded at submission unless a new one was read', () => {
    const first = submitOrder(
      { tenantId: 'tenant-1', id: 'CSP-7K2M9Q4D', submission: submission('first'), delivery, evidence: 'detected' },
      { now },
    ).order;
    expect(first.evidenceAtSubmission).toBe('detected');
    const back = changed(first, { status: 'changesRequested', comment: 'ИНН' });
    const resubmitted = (evidence: 'confirmed' | null) => {
      const outcome = resubmitOrder(back, submission('second'), delivery, { now: later }, { catalog, evidence });
      if (outcome.kind !== 'resubmitted') throw new Error(`expected resubmitted, got ${outcome.kind}`);
      return outcome.order.evidenceAtSubmission;
    };
    expect(resubmitted('confirmed')).toBe('confirmed');
    expect(resubmitted(null)).toBe('detected');
    expect(submitOrder({ tenantId: 't', id: 'CSP-1', submission: submission('x'), delivery, evidence: null }, { now }).order.evidenceAtSubmission).toBeNull();
  });

  it('recognizes a repeat by its submission id and refuses it before changes were requested', () => {
    expect(resubmitOrder(sentBack, submission('first'), delivery, { now }, { catalog })).toEqual({ kind: 'repeated' });
    expect(resubmitOrder(submitted.order, submission('second'), delivery, { now }, { catalog })).toEqual({
      kind: 'invalidTransition',
      from: 'submitted',
      to: 'submitted',
    });
  });
});
