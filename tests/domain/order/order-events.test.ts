import { describe, expect, it } from 'vitest';
import { CUSTOMER_NOTICE_CHANNEL, customerNoticeDelivery, orderAsNoticed } from '../../../src/domain/order/order-events.js';
import type { CustomerNotice } from '../../../src/domain/order/order-events.js';
import { changeOrderStatus, resubmitOrder, submitOrder } from '../../../src/domain/order/order-lifecycle.js';
import type { CheckedStatusChange } from '../../../src/domain/order/order-lifecycle.js';
import type { StoredOrder } from '../../../src/domain/order/order.js';
import { submission } from '../../support/order-fixtures.js';

const now = new Date('2026-11-20T10:00:00.000Z');
const firstAttemptAt = new Date('2026-11-20T10:01:00.000Z');
const delivery = { channels: ['teams'], firstAttemptAt };

const submitted = submitOrder(
  { tenantId: 'tenant-1', id: 'CSP-7K2M9Q4D', submission: submission({ submissionId: 'first' }), delivery },
  { now },
).order;

function change(order: StoredOrder, to: CheckedStatusChange): { order: StoredOrder; notice: CustomerNotice } {
  const outcome = changeOrderStatus(order, to, { now, customerAgreementAccepted: true });
  if (outcome.kind !== 'changed') throw new Error(`expected changed, got ${outcome.kind}`);
  return outcome;
}

describe('customerNoticeDelivery: a status change becomes an outbox record', () => {
  it('names the change by its place in the history and carries the submitter', () => {
    const { notice } = change(submitted, { status: 'accepted' });

    expect(customerNoticeDelivery(notice, { createdAt: now, firstAttemptAt, submitter: { userId: 'oid-1', teamsUserId: '29:1a' } })).toEqual({
      tenantId: 'tenant-1',
      orderId: 'CSP-7K2M9Q4D',
      revision: 1,
      channel: CUSTOMER_NOTICE_CHANNEL,
      createdAt: now,
      firstAttemptAt,
      notice: { step: 1, submitter: { userId: 'oid-1', teamsUserId: '29:1a' } },
    });
  });

  it('gives two changes of one revision two records', () => {
    const accepted = change(submitted, { status: 'accepted' });
    const completed = change(accepted.order, { status: 'completed' });

    const steps = [accepted.notice, completed.notice].map((notice) => customerNoticeDelivery(notice, { createdAt: now, firstAttemptAt }).notice);
    expect(steps).toEqual([{ step: 1 }, { step: 2 }]);
  });

  it('leaves out a submitter without any id (an old order): the tenant\'s admins are told', () => {
    const { notice } = change(submitted, { status: 'accepted' });

    expect(customerNoticeDelivery(notice, { createdAt: now, firstAttemptAt, submitter: {} }).notice).toEqual({ step: 1 });
  });
});

describe('orderAsNoticed', () => {
  it('shows the order as it was right after the announced change, not as it is now', () => {
    const requested = change(submitted, { status: 'changesRequested', comment: 'Уточните ИНН' });

    const accepted = change(submitted, { status: 'accepted' });
    const completed = change(accepted.order, { status: 'completed' });

    expect(orderAsNoticed(completed.order, accepted.notice.step)).toMatchObject({ status: 'accepted', history: accepted.order.history });
    expect(orderAsNoticed(requested.order, requested.notice.step)?.history.at(-1)?.comment).toBe('Уточните ИНН');
  });

  it('knows no change of another revision or past the history', () => {
    const requested = change(submitted, { status: 'changesRequested', comment: 'ИНН' });
    const resubmitted = resubmitOrder(requested.order, submission({ submissionId: 'second' }), delivery, { now }, { catalog: [] });
    if (resubmitted.kind !== 'resubmitted') throw new Error(`expected resubmitted, got ${resubmitted.kind}`);

    expect(orderAsNoticed(resubmitted.order, requested.notice.step)).toBeUndefined();
    expect(orderAsNoticed(submitted, 5)).toBeUndefined();
  });
});
