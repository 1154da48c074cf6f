import type { Request as BotRequest } from 'botbuilder';
import type { Request as RestifyRequest } from 'restify';

/**
 * restify's request as the `Request` that `CloudAdapter.process` reads
 * (method, headers, parsed body). Node types `method` as `string | undefined`,
 * botbuilder as an optional `string`, so it is passed only when known.
 */
export function botRequest(req: RestifyRequest): BotRequest {
  return {
    headers: req.headers,
    // Parsed JSON (`any` in restify's types); CloudAdapter checks it is an object and answers 400 if not.
    body: req.body,
    ...(req.method !== undefined && { method: req.method }),
  };
}
