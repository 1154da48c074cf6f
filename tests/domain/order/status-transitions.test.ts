import { describe, expect, it } from 'vitest';
import type { OrderStatus } from '../../../src/domain/order/order.js';
import { allowedNextStatuses, canChangeStatus } from '../../../src/domain/order/status-transitions.js';

const STATUSES: readonly OrderStatus[] = ['submitted', 'accepted', 'changesRequested', 'completed'];

describe('order status transitions', () => {
  it('allows exactly the distributor moves of the design', () => {
    const allowed = STATUSES.flatMap((from) =>
      STATUSES.filter((to) => canChangeStatus(from, to)).map((to) => `${from}→${to}`),
    );
    expect(allowed).toEqual([
      'submitted→accepted',
      'submitted→changesRequested',
      'accepted→changesRequested',
      'accepted→completed',
    ]);
  });

  it('lists the next statuses for building card actions', () => {
    expect(allowedNextStatuses('accepted')).toEqual(['completed', 'changesRequested']);
    expect(allowedNextStatuses('completed')).toEqual([]);
  });
});
