import { z } from 'zod';
import type { CustomerAgreementAcceptance, CustomerAgreementStatus, Signatory } from './customer-agreement.js';

/**
 * The body of `GET`/`PUT /api/tenant/customer-agreement`, also carried as
 * `customerAgreement` in `GET /api/tenant` (README, 'HTTP contract'). The
 * tab parses it with `customerAgreementStatusSchema`. Evidence (who signed
 * in, from where) stays on the server: the customer sees what they entered.
 */

export const signatorySchema = z.object({
  lastName: z.string(),
  firstName: z.string(),
  middleName: z.string().optional(),
  email: z.string(),
  phone: z.string().optional(),
}) satisfies z.ZodType<Signatory>;

export const customerAgreementStatusSchema = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('accepted'),
    acceptedAt: z.string(),
    signatory: signatorySchema,
    templateId: z.string(),
    agreementUrl: z.string(),
  }),
  z.object({ status: z.literal('notAccepted'), agreementUrl: z.string() }),
]) satisfies z.ZodType<CustomerAgreementStatus>;

/** What a tenant's customer sees of its acceptance, or that there is none. */
export function customerAgreementStatus(acceptance: CustomerAgreementAcceptance | undefined, agreementUrl: string): CustomerAgreementStatus {
  if (acceptance === undefined) return { status: 'notAccepted', agreementUrl };
  return {
    status: 'accepted',
    acceptedAt: acceptance.acceptedAt,
    signatory: acceptance.signatory,
    templateId: acceptance.templateId,
    agreementUrl,
  };
}
