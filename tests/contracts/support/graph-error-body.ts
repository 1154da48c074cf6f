import { z } from 'zod';

/**
 * Graph's error body, from "Microsoft Graph error responses and resource
 * types" (https://learn.microsoft.com/graph/errors):
 * `{ error: { code, message, innerError: { date, request-id, client-request-id } } }`.
 */
export const graphErrorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    innerError: z.object({ date: z.string(), 'request-id': z.string(), 'client-request-id': z.string() }).loose(),
  }),
});
