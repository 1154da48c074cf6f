import { z } from 'zod';
import { relationshipLevelSchema } from '../tenant/tenant-response.js';
import type { ChangedField, FieldChange, OrderStatus, OrderSubmission, StatusChange, StoredOrder } from './order.js';

/**
 * Structural schemas of stored orders: what storage reads back and what the
 * tab accepts from the API. Shape only, no business rules (catalog, dates),
 * so orders stored under older rules still read. `order-validation.ts` is
 * the one that judges new input.
 */

export const orderStatusSchema = z.enum(['submitted', 'accepted', 'changesRequested', 'completed']) satisfies z.ZodType<OrderStatus>;

export const orderSubmissionShape = z.object({
  submissionId: z.string().min(1),
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
  trial: z.object({ sku: z.string(), licenses: z.number(), endsOn: z.string().optional() }).optional(),
}) satisfies z.ZodType<OrderSubmission>;

export const changedFieldSchema = z.enum([
  'invitationAccepted',
  'technicalDomain',
  'line',
  'activationDate',
  'organizationName',
  'inn',
  'address',
  'contactFullName',
  'contactPhone',
  'contactEmail',
  'subscriptionKind',
  'trial',
]) satisfies z.ZodType<ChangedField>;

export const fieldChangeShape = z.object({
  field: changedFieldSchema,
  sku: z.string().optional(),
  product: z.string().optional(),
  before: z.string().optional(),
  after: z.string().optional(),
}) satisfies z.ZodType<FieldChange>;

export const statusChangeShape = z.object({
  status: orderStatusSchema,
  at: z.string(),
  by: z.string().optional(),
  comment: z.string().optional(),
  revision: z.number().int().min(1),
  // Absent on first revisions, on status changes by staff, and on orders stored before changes were recorded.
  changes: z.array(fieldChangeShape).optional(),
}) satisfies z.ZodType<StatusChange>;

export const storedOrderShape = orderSubmissionShape.extend({
  id: z.string(),
  tenantId: z.string(),
  status: orderStatusSchema,
  revision: z.number().int().min(1),
  createdAt: z.string(),
  updatedAt: z.string(),
  history: z.array(statusChangeShape),
  evidenceAtSubmission: relationshipLevelSchema.nullable().optional(),
}) satisfies z.ZodType<StoredOrder>;
