import { z } from 'zod';
import { journeyStepIdSchema } from './journey.js';
import { relationshipLevelSchema } from '../tenant/tenant-response.js';

/** One customer on the staff's «Клиенты» list (`GET /api/distributor/customers`). */
export const customerListItemSchema = z.object({
  tenantId: z.string(),
  organizationName: z.string().nullable(),
  /** The step the customer is at; null when every step is done. */
  current: journeyStepIdSchema.nullable(),
  stuckSince: z.string().nullable(),
  daysStuck: z.number().int().nonnegative(),
  evidenceLevel: relationshipLevelSchema,
  mcaAccepted: z.boolean(),
  firstContactAt: z.string().nullable(),
  waitingOrders: z.number().int().nonnegative(),
});
export type CustomerListItem = z.infer<typeof customerListItemSchema>;

export const customerListSchema = z.object({
  customers: z.array(customerListItemSchema),
  /** Pass as `cursor` for the next page; null on the last. */
  nextCursor: z.string().nullable(),
});
export type CustomerList = z.infer<typeof customerListSchema>;

export function parseCustomerList(body: unknown): CustomerList {
  return customerListSchema.parse(body);
}

/** The most days the "stuck more than N days" filter takes. */
export const STUCK_DAYS_MAX = 3650;
