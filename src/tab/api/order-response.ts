import { z } from 'zod';
import type { StoredOrder } from '../../domain/order/order.js';
import { storedOrderShape } from '../../domain/order/order-shape.js';

/**
 * The orders the server answers with (`POST /api/orders`, `GET /api/orders`):
 * a stored order plus where it has been delivered. Checked like every other
 * answer, because the server is deployed separately from the tab.
 */

/** The current revision's deliveries: channel and state only (the server keeps errors and attempts to itself). */
const deliverySchema = z.object({
  channel: z.string(),
  // A plain string: a delivery state added on the server later must not hide the whole list.
  state: z.string(),
});

export const orderViewSchema = storedOrderShape.extend({
  // Older servers may leave deliveries out; nothing delivered is what that means.
  deliveries: z.array(deliverySchema).default([]),
});

export type DeliveryView = z.output<typeof deliverySchema>;

/** An order as the tab shows it; the compiler checks it stays a `StoredOrder`. */
export interface OrderView extends StoredOrder {
  readonly deliveries: readonly DeliveryView[];
}

export const orderListSchema = z.object({ orders: z.array(orderViewSchema) });

/** The server's validation answer (422): every invalid field by dotted path. */
export const fieldErrorsSchema = z.object({
  errors: z.array(z.object({ field: z.string(), code: z.string(), message: z.string() })),
});

export type ServerFieldError = z.output<typeof fieldErrorsSchema>['errors'][number];

/** The error body every `/api/*` route uses, plus the extras of the tenant route. */
export const apiErrorBodySchema = z.object({
  errors: z.array(z.object({ code: z.string(), message: z.string().optional() })).optional(),
  adminConsentUrl: z.string().nullish(),
  claims: z.string().optional(),
});

export function toOrderView(order: z.output<typeof orderViewSchema>): OrderView {
  return order;
}
