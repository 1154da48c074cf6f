import { createConnection, Socket } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { chatTexts } from '../../../bot/conversation/chat-texts.js';
import { startAzurite } from '../../support/azurite.js';
import type { AzuriteTables } from '../../support/azurite.js';
import { startConnectorStandIn } from '../../support/connector-stand-in.js';
import type { ConnectorStandIn } from '../../support/connector-stand-in.js';
import { createTabDirectory, demoEnv, startApp } from '../../support/running-app.js';
import type { RunningApp, TabDirectory } from '../../support/running-app.js';
import { personalMessage, postActivity } from '../../support/teams-activities.js';

const TENANT = '1a2b3c4d-5e6f-4a0b-9c8d-7e6f5a4b3c2d';
/** Fake but well-formed credentials: the adapter must refuse unauthenticated requests before using them. */
const PRODUCTION_ENV = {
  BOT_ID: '0b9f8e7d-6c5b-4a39-8271-605f4e3d2c1b',
  BOT_TYPE: 'SingleTenant',
  BOT_PASSWORD: 'not-a-real-secret',
  BOT_TENANT_ID: TENANT,
  DISTRIBUTOR_TENANT_ID: TENANT,
  AAD_APP_CLIENT_ID: 'c3d4e5f6-a7b8-49c0-8d1e-2f3a4b5c6d7e',
  HOST: '127.0.0.1',
};
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

let azurite: AzuriteTables;
let tab: TabDirectory;
let connector: ConnectorStandIn;
let demo: RunningApp;
let production: RunningApp;

beforeAll(async () => {
  [azurite, tab, connector] = await Promise.all([startAzurite(), createTabDirectory(), startConnectorStandIn()]);
  [demo, production] = await Promise.all([
    startApp(demoEnv(azurite.connectionString), { tabDirectory: tab.path }),
    startApp(demoEnv(azurite.connectionString, PRODUCTION_ENV), { tabDirectory: tab.path }),
  ]);
});

afterAll(async () => {
  await Promise.all([demo?.close(), production?.close()]);
  await Promise.all([azurite?.stop(), tab?.remove(), connector?.stop()]);
});

beforeEach(() => connector.clear());
afterEach(() => {
  connector.respondWith(undefined);
  vi.restoreAllMocks();
});

/** Records the host of every TCP connection this process opens (fetch, https, SDKs alike). */
function recordConnections(): string[] {
  const hosts: string[] = [];
  const connect = Socket.prototype.connect;
  vi.spyOn(Socket.prototype, 'connect').mockImplementation(function (this: Socket, ...args: unknown[]) {
    // net normalizes its arguments into an array before some internal calls.
    const first = Array.isArray(args[0]) ? (args[0] as unknown[])[0] : args[0];
    const options = typeof first === 'object' && first !== null ? (first as { host?: string; path?: string }) : {};
    hosts.push(options.host ?? options.path ?? 'localhost');
    return (connect as (...parameters: unknown[]) => Socket).apply(this, args);
  });
  return hosts;
}

function connectOnce(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = createConnection({ host: '127.0.0.1', port }, () => {
      socket.destroy();
      resolve();
    });
    socket.once('error', reject);
  });
}

describe('the Bot Framework endpoint with an app id', () => {
  const requests: { readonly case: string; readonly headers: Readonly<Record<string, string>> }[] = [
    { case: 'no Authorization header', headers: {} },
    { case: 'a bearer token that is no JWT', headers: { authorization: 'Bearer not-a-jwt' } },
  ];

  it.each(requests)('answers 401 for $case, without reaching the internet or the conversation', async ({ headers }) => {
    const connections = recordConnections();

    const response = await postActivity(production.url, personalMessage({ serviceUrl: connector.url, locale: 'ru-RU' }, 'привет'), headers);

    expect(response.status).toBe(401);
    expect(connections.filter((host) => !LOOPBACK.has(host))).toEqual([]);
    expect(connector.requests).toEqual([]);
    // The recorder itself works: a new connection shows up in it.
    await connectOnce(azurite.port);
    expect(connections).toContain('127.0.0.1');
  });
});

describe('a failing turn', () => {
  it("tells the user in the chat's language that the request was not processed", async () => {
    // Teams refuses the first reply, as when the app was just removed from the chat.
    let refused = false;
    connector.respondWith((request) => {
      if (refused || request.operation !== 'replyToActivity') return undefined;
      refused = true;
      return { status: 403, body: { error: { code: 'BotNotInConversationRoster', message: 'The bot is not part of the conversation roster.' } } };
    });
    const activity = personalMessage({ serviceUrl: connector.url, locale: 'ru-RU' }, 'привет');

    const response = await postActivity(demo.url, activity);

    expect(response.status).toBe(200);
    const apology = await connector.waitForActivity((sent) => sent.activity.text === chatTexts.somethingWentWrong.ru, {
      description: 'the apology after the failed reply',
    });
    expect(apology.conversationId).toBe((activity['conversation'] as { id: string }).id);
  });

  it('apologizes in English for other locales', async () => {
    connector.respondWith((request) =>
      request.operation === 'replyToActivity' && connector.requests.length === 1 ? { status: 403, body: { error: { code: 'Forbidden', message: 'no' } } } : undefined,
    );

    const activity = personalMessage({ serviceUrl: connector.url, locale: 'de-DE' }, 'hallo');
    expect((await postActivity(demo.url, activity)).status).toBe(200);

    const apology = await connector.waitForActivity((sent) => sent.activity.text === chatTexts.somethingWentWrong.en, { description: 'the English apology' });
    expect(apology.conversationId).toBe((activity['conversation'] as { id: string }).id);
  });
});
