import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { INetworkModule, NetworkRequestOptions, NetworkResponse } from '@azure/msal-node';

/**
 * A loopback stand-in for Microsoft Entra ID's token endpoint and Microsoft
 * Graph, speaking their documented shapes:
 * - `POST /{tenant}/oauth2/v2.0/token` for on-behalf-of (jwt-bearer) and
 *   client-credentials grants, answering tokens or AADSTS errors;
 * - `POST /v1.0/$batch` (≤ 20 requests, unique ids, relative URLs; answers in
 *   reverse order, each part with its own status) and plain `GET /v1.0/...`;
 *   a `$filter` that compares an `Edm.Guid` property with a quoted string is
 *   refused with 400, as Graph does.
 *
 * msal-node accepts only https authorities, so it keeps talking to
 * `https://login.microsoftonline.com` and `networkClient` carries those
 * requests here. Access tokens it issues name their tenant; Graph answers
 * per tenant from what the test scripted.
 */

export const ENTRA_HOST = 'https://login.microsoftonline.com';

export interface TokenRequest {
  readonly tenantId: string;
  readonly grantType: string;
  readonly clientId: string;
  readonly scope: string;
  /** The user's SSO token of an on-behalf-of request. */
  readonly assertion?: string;
}

export interface GraphAnswer {
  readonly status: number;
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

export interface RecordedGraphRequest {
  readonly tenantId: string | undefined;
  /** `batch` for a part of a `$batch`, `direct` for a plain request. */
  readonly via: 'batch' | 'direct';
  /** Path and query as sent, relative to `/v1.0`. */
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
}

export interface RecordedBatch {
  readonly tenantId: string | undefined;
  readonly ids: readonly string[];
}

export interface EntraErrorAnswer {
  readonly status: number;
  readonly body: Readonly<Record<string, unknown>>;
}

export interface GraphStandIn {
  /** e.g. `http://127.0.0.1:41234` */
  readonly url: string;
  /** Graph's versioned base, to use instead of `https://graph.microsoft.com/v1.0`. */
  readonly graphBaseUrl: string;
  /** For msal-node's `system.networkClient`. */
  readonly networkClient: INetworkModule;
  readonly tokenRequests: readonly TokenRequest[];
  readonly graphRequests: readonly RecordedGraphRequest[];
  readonly batches: readonly RecordedBatch[];
  /** The delegated permissions on-behalf-of tokens of this tenant carry (listed in the token answer's `scope`). */
  grantScopes(tenantId: string, scopes: readonly string[]): void;
  /** Every token request for this tenant fails with this Entra error until cleared with `undefined`. */
  failTokens(tenantId: string, error: EntraErrorAnswer | undefined): void;
  /** How Graph answers `GET {path}` (query ignored) for tokens of this tenant. Unscripted paths answer 404. */
  answer(tenantId: string, path: string, answer: GraphAnswer): void;
  /** Answers every batch of this tenant as a whole with this status (e.g. 429), until cleared with `undefined`. */
  failBatches(tenantId: string, answer: GraphAnswer | undefined): void;
  /**
   * A handler for direct requests of any method (e.g. tests/support/gdap-stand-in.ts),
   * asked before the scripted GET answers; `undefined` lets the request through.
   */
  route(handler: GraphRoute): void;
  close(): Promise<void>;
}

export interface GraphRouteRequest {
  readonly tenantId: string;
  readonly method: string;
  /** Relative to `/v1.0`, without the query. */
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: Readonly<Record<string, string>>;
  /** The parsed JSON body; undefined when there was none or it was not JSON. */
  readonly body: unknown;
}

export type GraphRoute = (request: GraphRouteRequest) => GraphAnswer | undefined;

export const MFA_CLAIMS_CHALLENGE = '{"access_token":{"capolids":{"essential":true,"values":["1f2e3d4c-0000-0000-0000-000000000000"]}}}';

/** Entra's error answers, as the token endpoint sends them. */
export const entraErrors = {
  consentRequired: (): EntraErrorAnswer => entraError(400, 'invalid_grant', 65001, 'AADSTS65001: The user or administrator has not consented to use the application. Send an interactive authorization request for this user and resource.', 'consent_required'),
  mfaRequired: (): EntraErrorAnswer =>
    entraError(400, 'interaction_required', 50076, 'AADSTS50076: Due to a configuration change made by your administrator, you must use multi-factor authentication to access the resource.', 'basic_action', {
      claims: MFA_CLAIMS_CHALLENGE,
    }),
  invalidClient: (): EntraErrorAnswer => entraError(401, 'invalid_client', 7000215, 'AADSTS7000215: Invalid client secret provided.'),
};

/** Graph's error body (`{error:{code,message,innerError}}`). */
export function graphError(status: number, code: string, message: string, headers?: Record<string, string>): GraphAnswer {
  return {
    status,
    body: { error: { code, message, innerError: { date: '2026-01-15T10:00:00', 'request-id': 'stand-in', 'client-request-id': 'stand-in' } } },
    ...(headers ? { headers } : {}),
  };
}

export const insufficientPrivileges = (): GraphAnswer => graphError(403, 'Authorization_RequestDenied', 'Insufficient privileges to complete the operation.');

export async function startGraphStandIn(): Promise<GraphStandIn> {
  const tokenRequests: TokenRequest[] = [];
  const graphRequests: RecordedGraphRequest[] = [];
  const batches: RecordedBatch[] = [];
  const grantedScopes = new Map<string, readonly string[]>();
  const tokenFailures = new Map<string, EntraErrorAnswer>();
  const batchFailures = new Map<string, GraphAnswer>();
  const answers = new Map<string, GraphAnswer>();
  const routes: GraphRoute[] = [];
  let issued = 0;

  const answerFor = (tenantId: string | undefined, url: string): GraphAnswer => {
    const parsed = new URL(url, 'http://graph.invalid');
    const filterProblem = guidFilterProblem(parsed.pathname, parsed.searchParams.get('$filter'));
    if (filterProblem) return filterProblem;
    return answers.get(`${tenantId ?? ''} ${parsed.pathname}`) ?? graphError(404, 'Request_ResourceNotFound', `Resource '${parsed.pathname}' does not exist.`);
  };

  const handleToken = (tenantId: string, body: string, response: ServerResponse): void => {
    const form = new URLSearchParams(body);
    const grantType = form.get('grant_type') ?? '';
    const assertion = form.get('assertion');
    tokenRequests.push({
      tenantId,
      grantType,
      clientId: form.get('client_id') ?? '',
      scope: form.get('scope') ?? '',
      ...(assertion === null ? {} : { assertion }),
    });
    const failure = tokenFailures.get(tenantId);
    if (failure) return sendJson(response, failure.status, failure.body);
    issued += 1;
    const onBehalfOf = grantType === 'urn:ietf:params:oauth:grant-type:jwt-bearer';
    sendJson(response, 200, {
      token_type: 'Bearer',
      expires_in: 3600,
      ext_expires_in: 3600,
      access_token: `stand-in.${tenantId}.${onBehalfOf ? 'obo' : 'app'}.${issued}`,
      // Entra lists the consented permissions for delegated tokens; app tokens name no scope.
      ...(onBehalfOf ? { scope: [...(grantedScopes.get(tenantId) ?? ['User.Read']), 'profile', 'openid', 'email'].join(' ') } : {}),
    });
  };

  const handleBatch = (tenantId: string | undefined, body: string, response: ServerResponse): void => {
    const failure = tenantId === undefined ? undefined : batchFailures.get(tenantId);
    if (failure) return sendJson(response, failure.status, failure.body ?? {}, failure.headers);
    const requests = parseBatch(body);
    if (typeof requests === 'string') return sendJson(response, 400, graphError(400, 'BadRequest', requests).body);
    batches.push({ tenantId, ids: requests.map((request) => request.id) });
    const responses = requests.map((request) => {
      graphRequests.push({ tenantId, via: 'batch', url: request.url, headers: request.headers });
      const answer = answerFor(tenantId, request.url);
      return { id: request.id, status: answer.status, headers: { 'Content-Type': 'application/json', ...answer.headers }, body: answer.body ?? null };
    });
    sendJson(response, 200, { responses: responses.reverse() });
  };

  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const url = new URL(request.url ?? '/', 'http://stand-in.invalid');
      const tokenPath = /^\/([^/]+)\/oauth2\/v2\.0\/token$/.exec(url.pathname);
      if (request.method === 'POST' && tokenPath?.[1]) return handleToken(tokenPath[1], body, response);

      const tenantId = tenantOfToken(request.headers.authorization);
      if (!url.pathname.startsWith('/v1.0/')) return sendJson(response, 404, graphError(404, 'NotFound', 'not a stand-in route').body);
      if (tenantId === undefined) {
        return sendJson(response, 401, graphError(401, 'InvalidAuthenticationToken', 'Access token is empty or invalid.').body);
      }
      if (request.method === 'POST' && url.pathname === '/v1.0/$batch') return handleBatch(tenantId, body, response);
      const routed = routeRequest(routes, {
        tenantId,
        method: request.method ?? 'GET',
        path: url.pathname.slice('/v1.0'.length),
        query: url.searchParams,
        headers: flatHeaders(request.headers),
        body: parseJson(body),
      });
      if (routed) {
        graphRequests.push({ tenantId, via: 'direct', url: `${url.pathname.slice('/v1.0'.length)}${url.search}`, headers: flatHeaders(request.headers) });
        return sendJson(response, routed.status, routed.body, routed.headers);
      }
      if (request.method === 'GET') {
        const relative = `${url.pathname.slice('/v1.0'.length)}${url.search}`;
        graphRequests.push({ tenantId, via: 'direct', url: relative, headers: flatHeaders(request.headers) });
        const answer = answerFor(tenantId, relative);
        return sendJson(response, answer.status, answer.body ?? {}, answer.headers);
      }
      sendJson(response, 405, graphError(405, 'MethodNotAllowed', 'not supported by the stand-in').body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;

  return {
    url,
    graphBaseUrl: `${url}/v1.0`,
    networkClient: redirectingNetworkClient(url),
    tokenRequests,
    graphRequests,
    batches,
    grantScopes: (tenantId, scopes) => void grantedScopes.set(tenantId, scopes),
    failTokens: (tenantId, error) => void (error ? tokenFailures.set(tenantId, error) : tokenFailures.delete(tenantId)),
    answer: (tenantId, path, answer) => void answers.set(`${tenantId} ${path}`, answer),
    failBatches: (tenantId, answer) => void (answer ? batchFailures.set(tenantId, answer) : batchFailures.delete(tenantId)),
    route: (handler) => void routes.push(handler),
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}

interface BatchPart {
  readonly id: string;
  readonly url: string;
  readonly headers: Record<string, string>;
}

/** The batch requests, or what is wrong with them (Graph answers such a batch with 400). */
function parseBatch(body: string): BatchPart[] | string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return 'Invalid batch payload format.';
  }
  const requests = (parsed as { requests?: unknown }).requests;
  if (!Array.isArray(requests) || requests.length === 0) return 'Invalid batch payload format.';
  if (requests.length > 20) return 'Number of requests in a batch exceeds the limit of 20.';
  const parts: BatchPart[] = [];
  for (const request of requests as { id?: unknown; method?: unknown; url?: unknown; headers?: unknown }[]) {
    if (typeof request.id !== 'string' || request.id === '') return 'Every request needs an id.';
    if (parts.some((part) => part.id === request.id)) return `Request id ${request.id} is used twice.`;
    if (request.method !== 'GET') return `The stand-in answers GET only, got ${String(request.method)}.`;
    if (typeof request.url !== 'string' || !request.url.startsWith('/') || /^\/(v1\.0|beta)\//.test(request.url)) {
      return `Invalid request URL ${String(request.url)}: it must be relative to the API version.`;
    }
    const headers = typeof request.headers === 'object' && request.headers !== null ? (request.headers as Record<string, string>) : {};
    parts.push({ id: request.id, url: request.url, headers });
  }
  return parts;
}

/**
 * `Edm.Guid` properties the stand-in's collections can be filtered on. OData
 * compares a Guid with an unquoted GUID literal; a quoted value is an
 * `Edm.String`, and Graph rejects the comparison with 400 BadRequest
 * (contract.customerId is a Guid: https://learn.microsoft.com/graph/api/resources/contract;
 * error body: https://learn.microsoft.com/graph/errors).
 */
const GUID_FILTER_PROPERTIES: Readonly<Record<string, readonly string[]>> = {
  '/contracts': ['customerId'],
};

function guidFilterProblem(path: string, filter: string | null): GraphAnswer | undefined {
  if (filter === null) return undefined;
  for (const property of GUID_FILTER_PROPERTIES[path] ?? []) {
    const comparison = new RegExp(`\\b${property}\\s+eq\\s+('[^']*'|[^\\s)]+)`).exec(filter);
    const operand = comparison?.[1];
    if (operand === undefined) continue;
    if (operand.startsWith("'")) {
      return graphError(400, 'BadRequest', "A binary operator with incompatible types was detected. Found operand types 'Edm.Guid' and 'Edm.String' for operator kind 'Equal'.");
    }
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(operand)) {
      return graphError(400, 'BadRequest', `Invalid filter clause: '${operand}' is not a valid Guid literal.`);
    }
  }
  return undefined;
}

function routeRequest(routes: readonly GraphRoute[], request: GraphRouteRequest): GraphAnswer | undefined {
  for (const route of routes) {
    const answer = route(request);
    if (answer) return answer;
  }
  return undefined;
}

function parseJson(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function tenantOfToken(authorization: string | undefined): string | undefined {
  const match = /^Bearer stand-in\.([^.]+)\.(obo|app)\.\d+$/.exec(authorization ?? '');
  return match?.[1];
}

function flatHeaders(headers: IncomingMessage['headers']): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, Array.isArray(value) ? value.join(', ') : (value ?? '')]));
}

function sendJson(response: ServerResponse, status: number, body: unknown, headers?: Readonly<Record<string, string>>): void {
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(JSON.stringify(body));
}

function entraError(
  status: number,
  error: string,
  code: number,
  description: string,
  suberror?: string,
  extra: Readonly<Record<string, unknown>> = {},
): EntraErrorAnswer {
  return {
    status,
    body: {
      ...extra,
      error,
      error_description: description,
      error_codes: [code],
      timestamp: '2026-01-15 10:00:00Z',
      trace_id: '00000000-0000-0000-0000-0000000000aa',
      correlation_id: '00000000-0000-0000-0000-0000000000bb',
      ...(suberror === undefined ? {} : { suberror }),
    },
  };
}

/** msal-node's network module, with Entra's host swapped for the stand-in's. */
function redirectingNetworkClient(standInUrl: string): INetworkModule {
  const send = async <T>(method: 'GET' | 'POST', url: string, options?: NetworkRequestOptions): Promise<NetworkResponse<T>> => {
    if (!url.startsWith(`${ENTRA_HOST}/`)) throw new Error(`the stand-in does not serve ${url}`);
    const response = await fetch(`${standInUrl}${url.slice(ENTRA_HOST.length)}`, {
      method,
      ...(options?.headers ? { headers: options.headers } : {}),
      ...(options?.body === undefined ? {} : { body: options.body }),
    });
    const headers: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      headers[name] = value;
    });
    return { status: response.status, headers, body: (await response.json()) as T };
  };
  return {
    sendGetRequestAsync: (url, options) => send('GET', url, options),
    sendPostRequestAsync: (url, options) => send('POST', url, options),
  };
}
