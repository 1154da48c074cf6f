import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONVERSATIONS_TABLE } from '../../bot/storage/conversation-store.js';
import { createTableStorage } from '../../bot/storage/table-storage.js';
import type { AdaptiveCard } from '../../src/domain/cards/adaptive-card.js';
import { CardVerb } from '../../src/domain/cards/card-actions.js';
import { orderStatusLabels } from '../../src/domain/cards/card-texts.js';
import { cardTexts } from '../domain/cards/card-fixtures.js';
import { startAzurite } from '../support/azurite.js';
import type { AzuriteTables } from '../support/azurite.js';
import { startWebhookStandIn } from '../support/webhook-stand-in.js';
import type { WebhookStandIn } from '../support/webhook-stand-in.js';
import { waitUntil } from '../bot/storage/fixtures.js';
import { DEFAULT_MEMBERS, startConnectorStandIn, STAND_IN_TENANT_ID } from '../support/connector-stand-in.js';
import type { ConnectorStandIn, TeamsMember } from '../support/connector-stand-in.js';
import { orderFormAnswers, orderInput } from '../support/order-fixtures.js';
import { startServerChild } from '../support/server-child.js';
import type { ServerChild } from '../support/server-child.js';
import { botAddedToTeam, cardActionInvoke, channelCardAction, personalMessage, postActivity } from '../support/teams-activities.js';
import type { PersonalChat, TeamChannel, TeamsActivity } from '../support/teams-activities.js';

/**
 * Two server processes on one Azurite, as App Service runs two instances:
 * orders go to both, and one is SIGKILLed while its deliveries are on the
 * wire (the webhook holds them unanswered). The survivor's sweeps find the
 * dead one's records through the due index once their first-attempt grace
 * (60 s) is over, and every order reaches the webhook exactly once.
 * Then two instances with the Teams inbox: a customer's order from the chat
 * on one, Accept in the inbox on one and the card's refresh on the other,
 * and the customer told once. The token exchange's dedup needs the chat's
 * SSO, which demo mode cannot do (it answers every exchange 412), so two
 * processes race for the same exchange ids through the storage seam every
 * instance uses (`TokenExchangeClaims`); the exchange itself across two bots
 * sharing one Azurite: tests/bot/bot-framework/bot-sign-in.test.ts.
 */

const ORDERS_PER_INSTANCE = 4;

let azurite: AzuriteTables;
let webhook: WebhookStandIn;
const children: ChildProcess[] = [];

beforeAll(async () => {
  azurite = await startAzurite();
  webhook = await startWebhookStandIn();
});

afterAll(async () => {
  for (const child of children) child.kill('SIGKILL');
  await webhook?.close();
  await azurite?.stop();
});

describe('two instances, one killed mid-delivery', () => {
  it('delivers every order of both exactly once', async () => {
    webhook.answerWith({ kind: 'silent' });
    const [doomed, survivor] = await Promise.all([startServer(), startServer()]);

    const submit = async (baseUrl: string): Promise<string> => {
      const response = await fetch(`${baseUrl}/api/orders`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(orderInput({ activationDate: daysFromNow(2) })),
      });
      expect(response.status).toBe(201);
      return ((await response.json()) as { id: string }).id;
    };
    const orderIds = await Promise.all(
      Array.from({ length: ORDERS_PER_INSTANCE * 2 }, (_, i) => submit(i % 2 === 0 ? doomed.baseUrl : survivor.baseUrl)),
    );

    expect(new Set(orderIds).size).toBe(orderIds.length);

    // Every order's send is on the wire, unanswered, when the first instance dies.
    await waitUntil(
      async () => webhook.requests.length,
      (received) => received >= orderIds.length,
      { timeoutMs: 20_000 },
    );
    doomed.child.kill('SIGKILL');
    await new Promise((resolve) => doomed.child.once('exit', resolve));
    const unanswered = webhook.requests.length;
    webhook.answerWith({ kind: 'status', status: 202 });

    const states = await waitUntil(
      () => Promise.all(orderIds.map((id) => webhookStateOf(survivor.baseUrl, id))),
      (all) => all.every((state) => state === 'delivered'),
      { timeoutMs: 120_000, intervalMs: 1_000 },
    );
    expect(states).toEqual(orderIds.map(() => 'delivered'));
    // A later sweep must not send any again.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const accepted = webhook.requests.slice(unanswered);
    for (const id of orderIds) expect(accepted.filter((request) => request.body.includes(id)), id).toHaveLength(1);
  }, 180_000);
});

const DISTRIBUTOR_TENANT = '4c3b2a19-0f8e-4d7c-9b6a-5f4e3d2c1b0a';
const TEAM_ID = '19:distributor-team@thread.tacv2';
const ADMIN: TeamsMember = distributorMember('29:1admin-petrova', 'Петрова Анна', '5e4d3c2b-1a09-4f8e-9d7c-6b5a4f3e2d1c');
const STAFF: TeamsMember = distributorMember('29:1staff-kuznetsova', 'Кузнецова Мария', '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d');
const RECEIPT = /CSP-[A-Z0-9]{8}/;

describe('two instances with the Teams inbox', () => {
  let teamsAzurite: AzuriteTables;
  let connector: ConnectorStandIn;
  beforeAll(async () => {
    // Storage of its own: the instances above deliver by webhook only and must not sweep these Teams records.
    [teamsAzurite, connector] = await Promise.all([startAzurite(), startConnectorStandIn({ members: [...DEFAULT_MEMBERS, ADMIN, STAFF] })]);
  });
  afterAll(async () => {
    await connector?.stop();
    await teamsAzurite?.stop();
  });

  it('shows an Accept made on one instance to a refresh on the other, and tells the customer exactly once', async () => {
    const [first, second] = await Promise.all([startTeamsServer(teamsAzurite), startTeamsServer(teamsAzurite)]);
    const inChannel = (who: TeamsMember): TeamChannel => ({
      serviceUrl: connector.url,
      tenantId: DISTRIBUTOR_TENANT,
      teamId: TEAM_ID,
      channelId: TEAM_ID,
      locale: 'ru-RU',
      user: { id: who.id, aadObjectId: who.aadObjectId, name: who.name },
    });
    const invoke = async (server: ServerChild, activity: TeamsActivity): Promise<AdaptiveCard> => {
      const response = await postActivity(server.baseUrl, activity);
      expect(response.status).toBe(200);
      return ((await response.json()) as { value: AdaptiveCard }).value;
    };

    // The admin installs the app in the team through the first instance: General becomes the inbox, in storage.
    expect((await postActivity(first.baseUrl, botAddedToTeam(inChannel(ADMIN)))).status).toBe(200);
    // The customer's admin chats with the second instance and submits the order through the first.
    const chat: PersonalChat = { serviceUrl: connector.url, locale: 'en-US', tenantId: STAND_IN_TENANT_ID, conversationId: `a:1${randomUUID()}` };
    expect((await postActivity(second.baseUrl, personalMessage(chat, 'help'))).status).toBe(200);
    const answers = { submissionId: randomUUID(), ...orderFormAnswers({ activationDate: daysFromNow(2) }) };
    const receipt = await invoke(first, cardActionInvoke(personalMessage(chat, ''), CardVerb.submitOrder, answers));
    const orderId = RECEIPT.exec(cardTexts(receipt).join(' '))?.[0];
    if (orderId === undefined) throw new Error(`no receipt: ${JSON.stringify(receipt)}`);
    const inboxPosts = () =>
      connector
        .sentActivities()
        .filter((sent) => sent.operation !== 'updateActivity' && sent.conversationId.startsWith(TEAM_ID) && JSON.stringify(sent.activity).includes(orderId));
    await connector.waitFor(() => inboxPosts().length > 0, { description: 'the order card in the inbox', timeoutMs: 30_000 });

    // Accept on one instance, the card's refresh on the other.
    const card = { orderId, tenantId: STAND_IN_TENANT_ID, revision: 1 };
    const accepted = await invoke(first, channelCardAction(inChannel(STAFF), CardVerb.acceptOrder, card));
    expect(cardTexts(accepted)).toContain(orderStatusLabels.accepted.ru);
    const refreshed = await invoke(second, channelCardAction(inChannel(STAFF), CardVerb.refreshOrder, card));
    expect(cardTexts(refreshed)).toContain(orderStatusLabels.accepted.ru);

    const notices = () =>
      connector
        .sentActivities()
        .filter((sent) => sent.conversationId === chat.conversationId && JSON.stringify(sent.activity).includes(orderStatusLabels.accepted.en));
    await connector.waitFor(() => notices().length > 0, { description: "the customer's status notice", timeoutMs: 30_000 });
    // Both instances sweep every second or so: give them time to send anything twice.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(notices()).toHaveLength(1);
    expect(inboxPosts()).toHaveLength(1);
  }, 120_000);

  it('lets exactly one of two processes take each token exchange id', async () => {
    const storage = createTableStorage(teamsAzurite.connectionString);
    await storage.ensureTables([CONVERSATIONS_TABLE]);
    const ids = Array.from({ length: 20 }, () => randomUUID());
    const startAt = String(Date.now() + 3_000);
    const args = [teamsAzurite.connectionString, CONVERSATIONS_TABLE, STAND_IN_TENANT_ID, startAt, ...ids];
    const [one, other] = await Promise.all([runToEnd(EXCHANGE_CLAIM_CHILD, args), runToEnd(EXCHANGE_CLAIM_CHILD, args)]);

    const won = [...(JSON.parse(one) as string[]), ...(JSON.parse(other) as string[])];
    expect(won.toSorted()).toEqual(ids.toSorted());
  }, 60_000);
});

const EXCHANGE_CLAIM_CHILD = fileURLToPath(new URL('./support/exchange-claim-child.ts', import.meta.url));
const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Runs a TypeScript child to its end; its stdout. */
async function runToEnd(script: string, args: readonly string[]): Promise<string> {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`${script} exited with ${code}: ${stderr}`);
  return stdout;
}

function distributorMember(id: string, name: string, aadObjectId: string): TeamsMember {
  return { id, name, aadObjectId, tenantId: DISTRIBUTOR_TENANT, userRole: 'user' };
}

async function startTeamsServer(storage: AzuriteTables): Promise<ServerChild> {
  const server = await startServerChild({
    LOG_LEVEL: 'warn',
    AZURE_STORAGE_CONNECTION_STRING: storage.connectionString,
    DISTRIBUTOR_TENANT_ID: DISTRIBUTOR_TENANT,
    DISTRIBUTOR_ADMINS: ADMIN.aadObjectId,
  });
  children.push(server.child);
  return server;
}

async function webhookStateOf(baseUrl: string, orderId: string): Promise<string | undefined> {
  const response = await fetch(`${baseUrl}/api/orders/${orderId}`).catch(() => undefined);
  if (!response?.ok) return undefined;
  const order = (await response.json()) as { deliveries: { channel: string; state: string }[] };
  return order.deliveries.find((delivery) => delivery.channel === 'webhook')?.state;
}

async function startServer(): Promise<ServerChild> {
  const server = await startServerChild({
    LOG_LEVEL: 'warn',
    AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString,
    DELIVERY_TEAMS: 'false',
    DELIVERY_WEBHOOK_URL: webhook.url,
    // Longer than the test needs: the killed instance's sends stay on the wire until it dies.
    DELIVERY_WEBHOOK_TIMEOUT_MS: '20000',
  });
  children.push(server.child);
  return server;
}

function daysFromNow(days: number): string {
  return new Date(Date.now() + days * 24 * 3600 * 1000).toISOString().slice(0, 10);
}
