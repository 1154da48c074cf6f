import type { StoredOrder } from '../../src/domain/order/order.js';
import type { DeliveryState } from '../storage/delivery-entity.js';
import type { OrderWithDeliveries } from '../storage/order-repository.js';

/** What a customer reads of an order's delivery: which channel, and where it stands. */
export interface CustomerDeliveryView {
  readonly channel: string;
  readonly state: DeliveryState;
}

export interface CustomerOrderView extends StoredOrder {
  readonly deliveries: readonly CustomerDeliveryView[];
}

/**
 * An order as its customer sees it (API, tab): the current revision's
 * deliveries with channel and state only. Attempts, errors (SMTP replies,
 * internal hosts, connector errors) and timings stay with the distributor
 * and in the logs.
 */
export function customerOrderView(order: OrderWithDeliveries): CustomerOrderView {
  return {
    ...order,
    deliveries: order.deliveries
      .filter((delivery) => delivery.revision === order.revision)
      .map(({ channel, state }) => ({ channel, state })),
  };
}
