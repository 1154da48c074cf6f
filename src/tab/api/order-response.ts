import { z } from 'zod';
import type { StoredOrder } from '../../domain/order/order.js';

/**
 * The orders the server answers with (`POST /api/orders`, `GET /api/orders`):
 * a stored order plus where it has been delivered. Checked like every other
 * answer, because the server is deployed separately from the tab.
 */

const orderStatusSchema = z.enum(['submitted', 'accepted', 'changesRequested', 'completed']);

const statusChangeSchema = z.object({
  status: orderStatusSchema,
  at: z.string(),
  by: z.string().optional(),
  comment: z.string().optional(),
  revision: z.number().int(),
});

const deliverySchema = z.object({
  channel: z.string(),
  revision: z.number().int(),
  // A plain string: a delivery state added on the server later must not hide the whole list.
  state: z.string(),
  attempts: z.number().int(),
  lastError: z.string().optional(),
  deliveredAt: z.string().optional(),
  nextAttemptAt: z.string().optional(),
});

export const orderViewSchema = z.object({
  id: z.string(),
  tenantId: z.string(),
  status: orderStatusSchema,
  revision: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  history: z.array(statusChangeSchema),
  submissionId: z.string(),
  invitationAccepted: z.boolean(),
  technicalDomain: z.string(),
  lines: z.array(z.object({ sku: z.string(), quantity: z.number() })),
  activationDate: z.string(),
  organization: z.object({
    name: z.string(),
    inn: z.string(),
    address: z.object({ postalCode: z.string(), city: z.string(), street: z.string() }),
  }),
  contact: z.object({ fullName: z.string(), phone: z.string(), email: z.string() }),
  subscriptionKind: z.enum(['new', 'trialConversion']),
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
