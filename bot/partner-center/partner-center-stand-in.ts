import { z } from 'zod';
import type { FetchLike } from './partner-center-agreements.js';

/**
 * Partner Center's "Create agreement" for demo mode and the contract tests:
 * the documented request (the `Agreement` resource, `MS-RequestId`,
 * `MS-CorrelationId`, a bearer token) and answers — 201 with the stored
 * agreement and the partner user's id, 600061
 * `PartnerConfirmedAgreementAlreadyExists` when the same signatory is
 * confirmed again ("Confirm customer acceptance of the Microsoft Customer
 * Agreement using Partner Center APIs",
 * https://learn.microsoft.com/partner-center/developer/confirm-customer-consent-customer-agreement;
 * the page gives that error's body, not its HTTP status: 400 here), 401
 * without a token, 400 for a body that is not an agreement. Kept in memory.
 */

const PATH = /^\/v1\/customers\/([0-9A-Za-z-]+)\/agreements$/;

const agreementRequestSchema = z.object({
  primaryContact: z.object({
    firstName: z.string().min(1),
    lastName: z.string().min(1),
    email: z.string().min(3),
    phoneNumber: z.string().optional(),
  }),
  templateId: z.string().min(1),
  dateAgreed: z.string().refine((value) => !Number.isNaN(Date.parse(value)), 'not a UTC date time'),
  type: z.enum(['MicrosoftCloudAgreement', 'MicrosoftCustomerAgreement']),
});

export const STAND_IN_PARTNER_USER_ID = '3d6f2c09-eb40-48ca-a4b3-d24c9c007531';

export interface PartnerCenterStandIn {
  readonly fetch: FetchLike;
  /** Every request it received, for tests. */
  readonly requests: { readonly url: string; readonly headers: Headers; readonly body: unknown }[];
}

export function createPartnerCenterStandIn(): PartnerCenterStandIn {
  const confirmed = new Map<string, Set<string>>();
  const requests: PartnerCenterStandIn['requests'] = [];
  const error = (status: number, code: number, errorName: string, description: string): Response =>
    Response.json(
      { code, message: description, description, errorName, isRetryable: false, parameters: {}, errorMessageExtended: `InternalErrorCode=${code}` },
      { status },
    );
  return {
    requests,
    async fetch(url, init) {
      const headers = new Headers(init.headers);
      const body: unknown = typeof init.body === 'string' ? JSON.parse(init.body) : undefined;
      requests.push({ url, headers, body });
      const customer = PATH.exec(new URL(url).pathname)?.[1];
      if (init.method !== 'POST' || customer === undefined) return new Response(null, { status: 404 });
      if (!/^Bearer \S+$/.test(headers.get('authorization') ?? '')) return error(401, 401, 'Unauthorized', 'Authorization token is missing or invalid.');
      const agreement = agreementRequestSchema.safeParse(body);
      if (!agreement.success) return error(400, 400, 'BadRequest', `The agreement is invalid: ${agreement.error.issues[0]?.message ?? ''}`);
      const { firstName, lastName, email, phoneNumber } = agreement.data.primaryContact;
      const signature = JSON.stringify([firstName, lastName, email, phoneNumber ?? '']);
      const known = confirmed.get(customer) ?? new Set<string>();
      if (known.has(signature)) {
        return error(400, 600061, 'PartnerConfirmedAgreementAlreadyExists', 'A partner confirmed agreement already exists for the customer.');
      }
      known.add(signature);
      confirmed.set(customer, known);
      return Response.json({ userId: STAND_IN_PARTNER_USER_ID, ...agreement.data }, { status: 201 });
    },
  };
}
