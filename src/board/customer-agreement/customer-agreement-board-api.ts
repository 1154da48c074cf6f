import { z } from 'zod';
import { signatorySchema } from '../../domain/customer-agreement/customer-agreement-response.js';
import { partnerCenterHandOffSchema } from '../../domain/customer-agreement/partner-center-hand-off.js';
import type { PartnerCenterHandOff } from '../../domain/customer-agreement/partner-center-hand-off.js';
import type { SendJson } from '../gdap/gdap-board-api.js';

/**
 * A customer's MCA as `GET /api/distributor/customers/:tenantId/customer-agreement`
 * answers it (README, 'HTTP contract'): the acceptance, the confirmation as
 * Partner Center's `Agreement` resource, whether the server can send it, and
 * Partner Center's last answer. Only what the board shows is parsed.
 */
export const customerAgreementViewSchema = z.object({
  acceptance: z.object({ signatory: signatorySchema, acceptedAt: z.string(), templateId: z.string() }).nullable(),
  partnerCenter: z
    .object({
      primaryContact: z.object({ firstName: z.string(), lastName: z.string(), email: z.string(), phoneNumber: z.string().optional() }),
      templateId: z.string(),
      dateAgreed: z.string(),
    })
    .nullable(),
  handOffEnabled: z.boolean(),
  lastHandOff: partnerCenterHandOffSchema.nullable(),
});
export type BoardCustomerAgreement = z.infer<typeof customerAgreementViewSchema>;

export type CustomerAgreementOutcome =
  | { readonly kind: 'ok'; readonly view: BoardCustomerAgreement }
  | { readonly kind: 'failed'; readonly message: string };

export type HandOffOutcome = { readonly kind: 'sent'; readonly handOff: PartnerCenterHandOff } | { readonly kind: 'failed'; readonly message: string };

export interface CustomerAgreementBoardApi {
  get(tenantId: string): Promise<CustomerAgreementOutcome>;
  /** `POST …/customer-agreement/partner-center`: Partner Center's answer, stored by the server. */
  handOff(tenantId: string): Promise<HandOffOutcome>;
}

const errorBodySchema = z.object({ errors: z.array(z.object({ message: z.string() })).min(1) });

export function createCustomerAgreementBoardApi(send: SendJson): CustomerAgreementBoardApi {
  const path = (tenantId: string) => `/api/distributor/customers/${encodeURIComponent(tenantId)}/customer-agreement`;
  /** The parsed body of a 2xx answer, or the server's reason (its first error message) for any other. */
  const call = async <T>(method: 'GET' | 'POST', url: string, schema: z.ZodType<T>): Promise<{ ok: true; value: T } | { ok: false; message: string }> => {
    try {
      const response = await send(method, url, method === 'POST' ? {} : undefined);
      const body: unknown = await response.json().catch(() => undefined);
      if (!response.ok) return { ok: false, message: errorBodySchema.safeParse(body).data?.errors[0]?.message ?? `HTTP ${response.status}` };
      const parsed = schema.safeParse(body);
      return parsed.success ? { ok: true, value: parsed.data } : { ok: false, message: 'unexpected answer' };
    } catch (error) {
      return { ok: false, message: error instanceof Error ? error.message : String(error) };
    }
  };
  return {
    async get(tenantId) {
      const result = await call('GET', path(tenantId), customerAgreementViewSchema);
      return result.ok ? { kind: 'ok', view: result.value } : { kind: 'failed', message: result.message };
    },
    async handOff(tenantId) {
      const result = await call('POST', `${path(tenantId)}/partner-center`, partnerCenterHandOffSchema);
      return result.ok ? { kind: 'sent', handOff: result.value } : { kind: 'failed', message: result.message };
    },
  };
}
