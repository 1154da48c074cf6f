import { z } from 'zod';

/**
 * Partner Center's answer to one hand-off of a tenant's MCA acceptance, as the
 * server stores it and the board reads it
 * (`POST /api/distributor/customers/:tenantId/customer-agreement/partner-center`, README 'HTTP contract').
 */
export const partnerCenterHandOffSchema = z.object({
  /** ISO timestamp of the answer. */
  at: z.string(),
  /** The staff member who sent it (display name, else Entra object id). */
  by: z.string(),
  /** The acceptance sent (its `acceptedAt`), so a later acceptance shows as not sent yet. */
  acceptedAt: z.string(),
  outcome: z.enum(['created', 'alreadyExists', 'refused', 'unavailable']),
  /** Partner Center's error code and description, when it refused. */
  code: z.string().optional(),
  description: z.string().optional(),
});

export interface PartnerCenterHandOff {
  readonly at: string;
  readonly by: string;
  readonly acceptedAt: string;
  readonly outcome: z.infer<typeof partnerCenterHandOffSchema>['outcome'];
  readonly code?: string | undefined;
  readonly description?: string | undefined;
}
