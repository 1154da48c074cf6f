import { z } from 'zod';
import { GDAP_STATES } from '../../domain/gdap/gdap-status.js';
import type { GdapState } from '../../domain/gdap/gdap-status.js';

/** The relationship as `/api/distributor/customers/:tenantId/gdap` answers it (README, 'HTTP contract'). */
export const gdapViewSchema = z.object({
  relationshipId: z.string().nullable(),
  status: z.enum(GDAP_STATES as [GdapState, ...GdapState[]]),
  invitationUrl: z.string().nullable(),
  roles: z.array(z.string()),
  duration: z.string(),
  endDateTime: z.string().nullable(),
});
export type BoardGdap = z.infer<typeof gdapViewSchema>;

export type GdapOutcome =
  | { readonly kind: 'ok'; readonly gdap: BoardGdap }
  /** 404 on GET: nothing requested yet. */
  | { readonly kind: 'none' }
  | { readonly kind: 'failed'; readonly message: string };

export interface GdapBoardApi {
  get(tenantId: string): Promise<GdapOutcome>;
  request(tenantId: string, orderId: string): Promise<GdapOutcome>;
  approveDemo(tenantId: string): Promise<GdapOutcome>;
}

/** One signed-in call of the board's API transport (the board passes its own). */
export type SendJson = (method: 'GET' | 'POST', path: string, body?: unknown) => Promise<Response>;

const errorBodySchema = z.object({ errors: z.array(z.object({ message: z.string() })).min(1), gdap: gdapViewSchema.optional() });

export function createGdapBoardApi(send: SendJson): GdapBoardApi {
  const path = (tenantId: string) => `/api/distributor/customers/${encodeURIComponent(tenantId)}/gdap`;
  const read = async (response: Response, noneOn404: boolean): Promise<GdapOutcome> => {
    const body: unknown = await response.json().catch(() => undefined);
    if (response.ok) {
      const gdap = gdapViewSchema.safeParse(body);
      return gdap.success ? { kind: 'ok', gdap: gdap.data } : { kind: 'failed', message: 'unexpected answer' };
    }
    if (response.status === 404 && noneOn404) return { kind: 'none' };
    const error = errorBodySchema.safeParse(body);
    // 409 carries the relationship that blocks a new request: show it.
    if (response.status === 409 && error.data?.gdap) return { kind: 'ok', gdap: error.data.gdap };
    return { kind: 'failed', message: error.data?.errors[0]?.message ?? `HTTP ${response.status}` };
  };
  const call = async (method: 'GET' | 'POST', url: string, body: unknown, noneOn404: boolean): Promise<GdapOutcome> => {
    try {
      return await read(await send(method, url, body), noneOn404);
    } catch (error) {
      return { kind: 'failed', message: error instanceof Error ? error.message : String(error) };
    }
  };
  return {
    get: (tenantId) => call('GET', path(tenantId), undefined, true),
    request: (tenantId, orderId) => call('POST', path(tenantId), { orderId }, false),
    approveDemo: (tenantId) => call('POST', `${path(tenantId)}/demo-approve`, {}, false),
  };
}
