import type { OrderSubmitter } from '../../../src/domain/order/order-events.js';

/** The customer admin who submits the order in the notice crash test (the child and the parent agree on it). */
export const NOTICE_SUBMITTER: OrderSubmitter = { userId: '6a3f2b1c-4d5e-4f60-8a7b-9c0d1e2f3a4b', teamsUserId: '29:1submitter' };
