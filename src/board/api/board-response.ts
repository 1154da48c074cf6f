import { z } from 'zod';
import type {
  OrderListResponse,
  OrderSummary,
  PartnerCenterLine,
} from '../../domain/distributor/board-api.js';
import { orderStatusSchema, storedOrderShape } from '../../domain/order/order-shape.js';
import { relationshipLevelSchema } from '../../domain/tenant/tenant-response.js';

/**
 * The answers of `/api/distributor/*` (types: src/domain/distributor/board-api.ts)
 * as the board accepts them. The server is deployed apart from the page, so
 * each answer is checked: a mismatch becomes a visible error, never a blank
 * board. `satisfies` keeps every schema in step with the contract's types.
 */

export const orderSummarySchema = z.object({
  tenantId: z.string(),
  id: z.string(),
  status: orderStatusSchema,
  revision: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  organizationName: z.string(),
  inn: z.string(),
  technicalDomain: z.string(),
  contactEmail: z.string(),
  lines: z.array(z.object({ sku: z.string(), productName: z.string(), quantity: z.number() })),
  needsAction: z.boolean(),
}) satisfies z.ZodType<OrderSummary>;

export const orderListPageSchema = z.object({
  orders: z.array(orderSummarySchema),
  nextCursor: z.string().nullable(),
  counts: z.record(orderStatusSchema, z.number()),
  from: z.string(),
  to: z.string(),
}) satisfies z.ZodType<OrderListResponse>;
export type OrderListPage = z.output<typeof orderListPageSchema>;

/** The board shows only where each delivery stands; the server's other delivery fields are not needed here. */
const deliverySchema = z.object({ channel: z.string(), revision: z.number(), state: z.string() });

const boardOrderSchema = storedOrderShape.extend({ deliveries: z.array(deliverySchema).default([]) });
export type BoardOrder = z.output<typeof boardOrderSchema>;

const partnerCenterLineSchema = z.object({
  productName: z.string(),
  skuPartNumber: z.string(),
  skuId: z.string().nullable(),
  quantity: z.number(),
}) satisfies z.ZodType<PartnerCenterLine>;

export const orderDetailSchema = z.object({
  order: boardOrderSchema,
  partnerCenter: z.object({
    tenantId: z.string(),
    technicalDomain: z.string(),
    lines: z.array(partnerCenterLineSchema),
    // Older servers leave it out: no trial to show.
    trial: z
      .object({ sku: z.string(), licenses: z.number(), endsOn: z.string().optional() })
      .nullish()
      .transform((trial) => trial ?? null),
  }),
  technicalDomainIsDefault: z.boolean().nullable(),
  evidence: z.object({ atSubmission: relationshipLevelSchema.nullable(), now: relationshipLevelSchema.nullable() }),
});
export type OrderDetail = z.output<typeof orderDetailSchema>;

export type { OrderSummary, PartnerCenterLine };
