import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { PartnerCenterAgreement } from '../../src/domain/customer-agreement/partner-center-agreement.js';

/**
 * Partner Center's "Create agreement": POST {apiUrl}/v1/customers/{customer-tenant-id}/agreements
 * with the `Agreement` resource, `MS-RequestId` (idempotency) and `MS-CorrelationId`;
 * 201 Created answers the stored agreement ("Confirm customer acceptance of the
 * Microsoft Customer Agreement using Partner Center APIs",
 * https://learn.microsoft.com/partner-center/developer/confirm-customer-consent-customer-agreement).
 * Errors carry Partner Center's error body; 600061
 * `PartnerConfirmedAgreementAlreadyExists` means the same signatory was confirmed before.
 */

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

export interface PartnerCenterAgreementsOptions {
  /** `https://api.partnercenter.microsoft.com` ("Partner Center REST URLs"), or the demo stand-in. */
  readonly apiUrl: string;
  readonly fetch?: FetchLike;
  readonly timeoutMs?: number;
  readonly newRequestId?: () => string;
}

export type CreateAgreementResult =
  | { readonly kind: 'created'; readonly agreement: PartnerCenterAgreement & { readonly userId?: string | undefined } }
  /** 600061: Partner Center already holds a confirmation with this signatory. */
  | { readonly kind: 'alreadyExists'; readonly code: number; readonly description: string }
  /** Partner Center refused the request (its status, code and description say why). */
  | { readonly kind: 'refused'; readonly status: number; readonly code: number | string | null; readonly description: string }
  /** No answer, a timeout, or a 5xx: try again later. */
  | { readonly kind: 'unavailable'; readonly detail: string };

const ALREADY_EXISTS = 600061;

const errorBodySchema = z.object({
  code: z.union([z.number(), z.string()]).optional(),
  description: z.string().optional(),
  message: z.string().optional(),
  errorName: z.string().optional(),
});

const agreementSchema = z.object({
  userId: z.string().optional(),
  primaryContact: z.object({ firstName: z.string(), lastName: z.string(), email: z.string(), phoneNumber: z.string().optional() }),
  templateId: z.string(),
  dateAgreed: z.string(),
  type: z.literal('MicrosoftCustomerAgreement'),
});

export interface PartnerCenterAgreements {
  /** `token`: a Partner Center access token (App+User, the staff member's). */
  create(customerTenantId: string, agreement: PartnerCenterAgreement, token: string): Promise<CreateAgreementResult>;
}

export function createPartnerCenterAgreements(options: PartnerCenterAgreementsOptions): PartnerCenterAgreements {
  const send = options.fetch ?? ((url, init) => fetch(url, init));
  const newRequestId = options.newRequestId ?? randomUUID;
  return {
    async create(customerTenantId, agreement, token) {
      const url = `${options.apiUrl}/v1/customers/${encodeURIComponent(customerTenantId)}/agreements`;
      let response: Response;
      try {
        response = await send(url, {
          method: 'POST',
          headers: {
            authorization: `Bearer ${token}`,
            accept: 'application/json',
            'content-type': 'application/json',
            'ms-requestid': newRequestId(),
            'ms-correlationid': newRequestId(),
          },
          body: JSON.stringify(agreement),
          signal: AbortSignal.timeout(options.timeoutMs ?? 15_000),
        });
      } catch (error) {
        return { kind: 'unavailable', detail: error instanceof Error ? error.message : String(error) };
      }
      const body: unknown = await response.json().catch(() => undefined);
      if (response.status === 201 || response.status === 200) {
        const parsed = agreementSchema.safeParse(body);
        if (parsed.success) return { kind: 'created', agreement: parsed.data };
        return { kind: 'refused', status: response.status, code: null, description: `unexpected answer: ${parsed.error.message}` };
      }
      const error = errorBodySchema.safeParse(body);
      const code = error.success ? (error.data.code ?? null) : null;
      const description = (error.success && (error.data.description ?? error.data.message)) || `HTTP ${response.status}`;
      if (Number(code) === ALREADY_EXISTS) return { kind: 'alreadyExists', code: ALREADY_EXISTS, description };
      if (response.status >= 500) return { kind: 'unavailable', detail: `HTTP ${response.status}: ${description}` };
      return { kind: 'refused', status: response.status, code, description };
    },
  };
}
