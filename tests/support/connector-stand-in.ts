import { createServer } from 'node:http';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A loopback HTTP server playing the Bot Connector service (Teams'
 * `serviceUrl`). Tests put its `url` in the activities they post to the bot;
 * the bot's replies, updates, proactive conversations and member look-ups
 * then arrive here, are recorded, and get the answers Teams would give.
 */

/** Which Connector operation a request was, by its route (REST API reference, v3). */
export type ConnectorOperation =
  | 'createConversation'
  | 'sendToConversation'
  | 'replyToActivity'
  | 'updateActivity'
  | 'deleteActivity'
  | 'getConversationMembers'
  | 'getConversationMember'
  | 'getConversationPagedMembers'
  | 'getActivityMembers'
  | 'getTeamDetails'
  | 'getTeamChannels'
  | 'unknown';

export interface ConnectorRequest {
  readonly method: string;
  /** The path as requested, still URL-encoded, without the query. */
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: IncomingHttpHeaders;
  /** The parsed JSON body; `undefined` when there was none (or it was not JSON, see `rawBody`). */
  readonly body: unknown;
  readonly rawBody: string;
  readonly operation: ConnectorOperation;
  /** Decoded, e.g. `19:abc@thread.tacv2;messageid=1`. */
  readonly conversationId?: string;
  readonly activityId?: string;
  readonly memberId?: string;
  readonly teamId?: string;
}

/** An activity the bot sent, from whichever operation carried it. */
export interface SentActivity {
  readonly operation: 'sendToConversation' | 'replyToActivity' | 'updateActivity' | 'createConversation';
  readonly conversationId: string;
  /** The id the stand-in answered with (or, for an update, the id updated). */
  readonly activityId: string;
  /** For replies: the activity replied to. */
  readonly replyToId?: string;
  readonly activity: ConnectorActivity;
}

/** The parts of a Bot Framework activity tests usually look at; anything else is still there. */
export interface ConnectorActivity {
  readonly type?: string;
  readonly text?: string;
  readonly locale?: string;
  readonly attachments?: readonly { readonly contentType: string; readonly content?: unknown }[];
  readonly [key: string]: unknown;
}

/** A Teams channel account as `GET …/members` answers (TeamsChannelAccount). */
export interface TeamsMember {
  readonly id: string;
  readonly name: string;
  readonly aadObjectId: string;
  readonly givenName?: string;
  readonly surname?: string;
  readonly email?: string;
  readonly userPrincipalName?: string;
  readonly tenantId?: string;
  readonly userRole?: 'user' | 'guest' | 'anonymous';
}

export interface TeamsChannel {
  readonly id: string;
  readonly name?: string;
}

/** What to answer instead of the default, e.g. a 503 to exercise retries. */
export interface ConnectorReply {
  readonly status: number;
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

/** Returns a reply to override the default answer, or `undefined` to answer as Teams would. */
export type ConnectorOverride = (request: ConnectorRequest) => ConnectorReply | undefined;

export interface ConnectorStandInOptions {
  /** Members of every conversation; a plausible customer admin of a demo tenant by default. */
  readonly members?: readonly TeamsMember[];
  /** The team's channels for `GET /v3/teams/:teamId/conversations`; General by default. */
  readonly channels?: (teamId: string) => readonly TeamsChannel[];
}

export interface WaitOptions {
  /** A cap so a missing request fails the test instead of hanging it (not a timing assertion). */
  readonly timeoutMs?: number;
  /** Named in the timeout error, e.g. "the welcome card". */
  readonly description?: string;
}

export interface ConnectorStandIn {
  /** The `serviceUrl` to put in activities, e.g. `http://127.0.0.1:41234/` (trailing slash like Teams'). */
  readonly url: string;
  /** Every request, in arrival order. */
  readonly requests: readonly ConnectorRequest[];
  /** Every activity the bot sent, in arrival order. */
  sentActivities(): SentActivity[];
  /** Answers the next requests through `override` first; `undefined` removes it. */
  respondWith(override: ConnectorOverride | undefined): void;
  /** Forgets the recorded requests (the generated ids keep counting). */
  clear(): void;
  /**
   * Resolves with the first truthy result of `probe`, re-run whenever a request
   * arrives. Rejects after `timeoutMs` (default 10 s) listing what did arrive.
   */
  waitFor<T>(probe: () => T | undefined | null | false, options?: WaitOptions): Promise<T>;
  /** The first recorded request matching `predicate`, waiting for it if needed. */
  waitForRequest(predicate: (request: ConnectorRequest) => boolean, options?: WaitOptions): Promise<ConnectorRequest>;
  /** The first sent activity matching `predicate`, waiting for it if needed. */
  waitForActivity(predicate: (sent: SentActivity) => boolean, options?: WaitOptions): Promise<SentActivity>;
  stop(): Promise<void>;
}

export const STAND_IN_TENANT_ID = '7d1e0c52-3b9a-4f6e-8a21-5c4b3d2e1f00';

export const DEFAULT_MEMBERS: readonly TeamsMember[] = [
  {
    id: '29:1stand-in-customer-admin',
    name: 'Иванов Иван Иванович',
    aadObjectId: '6a3f2b1c-4d5e-4f60-8a7b-9c0d1e2f3a4b',
    givenName: 'Иван',
    surname: 'Иванов',
    email: 'it@romashka.ru',
    userPrincipalName: 'it@romashka.onmicrosoft.com',
    tenantId: STAND_IN_TENANT_ID,
    userRole: 'user',
  },
];

const DEFAULT_TIMEOUT_MS = 10_000;

export async function startConnectorStandIn(options: ConnectorStandInOptions = {}): Promise<ConnectorStandIn> {
  const members = options.members ?? DEFAULT_MEMBERS;
  const channels = options.channels ?? ((teamId: string) => [{ id: teamId, name: 'General' }]);
  const requests: ConnectorRequest[] = [];
  const sent: SentActivity[] = [];
  const listeners = new Set<() => void>();
  let override: ConnectorOverride | undefined;
  let nextId = 1;
  const generateId = (prefix: string): string => `${prefix}${nextId++}`;

  const defaultReply = (request: ConnectorRequest): ConnectorReply => {
    const body = isObject(request.body) ? request.body : {};
    const { conversationId = '', activityId = '' } = request;
    switch (request.operation) {
      case 'sendToConversation':
      case 'replyToActivity': {
        const id = generateId('activity-');
        sent.push({
          operation: request.operation,
          conversationId,
          activityId: id,
          ...(request.operation === 'replyToActivity' ? { replyToId: activityId } : {}),
          activity: body,
        });
        return { status: 201, body: { id } };
      }
      case 'updateActivity':
        sent.push({ operation: 'updateActivity', conversationId, activityId, activity: body });
        return { status: 200, body: { id: activityId } };
      case 'deleteActivity':
        return { status: 200 };
      case 'createConversation': {
        const newActivityId = generateId('activity-');
        // A post into a channel starts a thread whose id carries the first message's id, as in Teams.
        const channelId = channelIdOf(body);
        const id = channelId ? `${channelId};messageid=${newActivityId}` : generateId('a:stand-in-conversation-');
        if (isObject(body['activity'])) {
          sent.push({ operation: 'createConversation', conversationId: id, activityId: newActivityId, activity: body['activity'] });
        }
        return { status: 201, body: { id, activityId: newActivityId, serviceUrl: url } };
      }
      case 'getConversationMembers':
      case 'getActivityMembers':
        return { status: 200, body: members };
      case 'getConversationPagedMembers':
        return { status: 200, body: { members } };
      case 'getConversationMember': {
        const member = members.find((candidate) => candidate.id === request.memberId || candidate.aadObjectId === request.memberId);
        return member
          ? { status: 200, body: member }
          : { status: 404, body: { error: { code: 'MemberNotFoundInConversation', message: 'The member is not in the conversation' } } };
      }
      case 'getTeamDetails':
        return { status: 200, body: { id: request.teamId, name: 'My Team', aadGroupId: '3c2b1a09-8f7e-4d6c-b5a4-93827160f5e4' } };
      case 'getTeamChannels':
        return { status: 200, body: { conversations: channels(request.teamId ?? '') } };
      case 'unknown':
        return { status: 404, body: { error: { code: 'NotFound', message: `${request.method} ${request.path} is not a Connector route the stand-in knows` } } };
    }
  };

  const server = createServer((incoming: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      const request = describeRequest(incoming, Buffer.concat(chunks).toString('utf8'));
      requests.push(request);
      const reply = override?.(request) ?? defaultReply(request);
      response.writeHead(reply.status, {
        ...(reply.body === undefined ? {} : { 'content-type': 'application/json; charset=utf-8' }),
        ...reply.headers,
      });
      response.end(reply.body === undefined ? undefined : JSON.stringify(reply.body));
      for (const listener of [...listeners]) listener();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;

  const waitFor = <T>(probe: () => T | undefined | null | false, waitOptions: WaitOptions = {}): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const check = (): boolean => {
        const found = probe();
        if (found === undefined || found === null || found === false) return false;
        listeners.delete(check);
        clearTimeout(timer);
        resolve(found);
        return true;
      };
      const timer = setTimeout(() => {
        listeners.delete(check);
        const seen = requests.map((request) => `  ${request.method} ${request.path} (${request.operation})`).join('\n');
        reject(
          new Error(
            `The connector stand-in did not see ${waitOptions.description ?? 'the expected request'} ` +
              `within ${waitOptions.timeoutMs ?? DEFAULT_TIMEOUT_MS} ms. Requests seen:\n${seen || '  (none)'}`,
          ),
        );
      }, waitOptions.timeoutMs ?? DEFAULT_TIMEOUT_MS);
      listeners.add(check);
      check();
    });

  return {
    url,
    requests,
    sentActivities: () => [...sent],
    respondWith(next) {
      override = next;
    },
    clear() {
      requests.length = 0;
      sent.length = 0;
    },
    waitFor,
    waitForRequest: (predicate, waitOptions) => waitFor(() => requests.find(predicate), waitOptions),
    waitForActivity: (predicate, waitOptions) => waitFor(() => sent.find(predicate), waitOptions),
    stop() {
      server.closeAllConnections();
      return new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}

/** The Adaptive Card contents an activity carries, in attachment order. */
export function adaptiveCardsOf(activity: ConnectorActivity): unknown[] {
  return (activity.attachments ?? [])
    .filter((attachment) => attachment.contentType === 'application/vnd.microsoft.card.adaptive')
    .map((attachment) => attachment.content);
}

function describeRequest(incoming: IncomingMessage, rawBody: string): ConnectorRequest {
  const parsedUrl = new URL(incoming.url ?? '/', 'http://stand-in');
  const method = incoming.method ?? 'GET';
  return {
    method,
    path: parsedUrl.pathname,
    query: parsedUrl.searchParams,
    headers: incoming.headers,
    body: parseJson(rawBody),
    rawBody,
    ...route(method, parsedUrl.pathname),
  };
}

type Route = Pick<ConnectorRequest, 'operation' | 'conversationId' | 'activityId' | 'memberId' | 'teamId'>;

/** Maps a Connector v3 path to its operation; ids are URL-decoded (Teams ids contain `:`, `@`, `;`). */
function route(method: string, pathname: string): Route {
  const segments = pathname.split('/').filter(Boolean).map(decodeSegment);
  const [version, collection, id, sub, subId, leaf] = segments;
  if (version !== 'v3') return { operation: 'unknown' };

  if (collection === 'teams' && id !== undefined && method === 'GET') {
    if (sub === undefined) return { operation: 'getTeamDetails', teamId: id };
    if (sub === 'conversations' && subId === undefined) return { operation: 'getTeamChannels', teamId: id };
    return { operation: 'unknown' };
  }
  if (collection !== 'conversations') return { operation: 'unknown' };
  if (id === undefined) return method === 'POST' ? { operation: 'createConversation' } : { operation: 'unknown' };

  const conversationId = id;
  if (sub === 'activities') {
    if (subId === undefined) return method === 'POST' ? { operation: 'sendToConversation', conversationId } : { operation: 'unknown' };
    const activityId = subId;
    if (leaf === 'members' && method === 'GET') return { operation: 'getActivityMembers', conversationId, activityId };
    if (leaf !== undefined) return { operation: 'unknown' };
    if (method === 'POST') return { operation: 'replyToActivity', conversationId, activityId };
    if (method === 'PUT') return { operation: 'updateActivity', conversationId, activityId };
    if (method === 'DELETE') return { operation: 'deleteActivity', conversationId, activityId };
    return { operation: 'unknown' };
  }
  if (method !== 'GET') return { operation: 'unknown' };
  if (sub === 'members') {
    return subId === undefined
      ? { operation: 'getConversationMembers', conversationId }
      : { operation: 'getConversationMember', conversationId, memberId: subId };
  }
  if (sub === 'pagedmembers') return { operation: 'getConversationPagedMembers', conversationId };
  return { operation: 'unknown' };
}

function channelIdOf(body: Record<string, unknown>): string | undefined {
  const channelData = body['channelData'];
  if (!isObject(channelData) || !isObject(channelData['channel'])) return undefined;
  const id = channelData['channel']['id'];
  return typeof id === 'string' && id !== '' ? id : undefined;
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function parseJson(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
