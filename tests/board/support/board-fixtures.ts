import type { BoardOrderDetail, OrderListResponse, OrderSummary } from '../../../src/domain/distributor/board-api.js';
import type { StoredOrder } from '../../../src/domain/order/order.js';
import { SAMPLE_CONTACT, SAMPLE_ORGANIZATION, SAMPLE_TECHNICAL_DOMAIN, storedOrder } from '../../support/order-fixtures.js';

/** Shared test data for the distributor's board: API answers built around the suite's sample order. */

export function orderSummary(overrides: Partial<OrderSummary> = {}): OrderSummary {
  const order = storedOrder();
  return {
    tenantId: order.tenantId,
    id: order.id,
    status: order.status,
    revision: order.revision,
    createdAt: '2026-11-20T09:00:00.000Z',
    updatedAt: '2026-11-20T09:00:00.000Z',
    organizationName: SAMPLE_ORGANIZATION.name,
    inn: SAMPLE_ORGANIZATION.inn,
    technicalDomain: SAMPLE_TECHNICAL_DOMAIN,
    contactEmail: SAMPLE_CONTACT.email,
    lines: [
      { sku: 'SPB', productName: 'Microsoft 365 Business Premium', quantity: 25 },
      { sku: 'ENTERPRISEPACK', productName: 'Office 365 E3', quantity: 1 },
    ],
    needsAction: true,
    ...overrides,
  };
}

export function orderListResponse(overrides: Partial<OrderListResponse> = {}): OrderListResponse {
  return {
    orders: [orderSummary()],
    nextCursor: null,
    counts: { submitted: 1, accepted: 4, changesRequested: 2, completed: 7 },
    from: '2026-08-25',
    to: '2026-11-23',
    ...overrides,
  };
}

/** A resubmitted order (revision 2) whose history records what changed. */
export function resubmittedOrder(overrides: Partial<StoredOrder> = {}): StoredOrder {
  return storedOrder({
    revision: 2,
    subscriptionKind: 'trialConversion',
    trial: { sku: 'SPB', licenses: 25, endsOn: '2026-12-13' },
    history: [
      { status: 'submitted', at: '2026-11-20T09:00:00.000Z', by: 'Иванов Иван Иванович', revision: 1 },
      { status: 'changesRequested', at: '2026-11-20T10:00:00.000Z', by: 'Петрова Анна', comment: 'Уточните количество лицензий', revision: 1 },
      {
        status: 'submitted',
        at: '2026-11-21T08:30:00.000Z',
        by: 'Иванов Иван Иванович',
        revision: 2,
        changes: [
          { field: 'line', sku: 'SPB', product: 'Microsoft 365 Business Premium', before: '20', after: '25' },
          { field: 'activationDate', before: '2026-12-01', after: '2026-12-05' },
        ],
      },
    ],
    ...overrides,
  });
}

export function orderDetail(order: StoredOrder = resubmittedOrder(), overrides: Partial<BoardOrderDetail> = {}): BoardOrderDetail {
  return {
    order: { ...order, deliveries: [{ channel: 'teams', revision: order.revision, state: 'delivered', attempts: 1 }] },
    partnerCenter: {
      tenantId: order.tenantId,
      technicalDomain: order.technicalDomain,
      lines: [
        { productName: 'Microsoft 365 Business Premium', skuPartNumber: 'SPB', skuId: 'cbdc14ab-d96c-4c30-b9f4-6ada7cdc1d46', quantity: 25 },
        { productName: 'Office 365 E3', skuPartNumber: 'ENTERPRISEPACK', skuId: '6fd2c87f-b296-42f0-b197-1e91e994b900', quantity: 1 },
      ],
      trial: order.trial ?? null,
    },
    technicalDomainIsDefault: false,
    evidence: { atSubmission: 'detected', now: 'confirmed' },
    needsAction: true,
    ...overrides,
  };
}
