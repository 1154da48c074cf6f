import { Writable } from 'node:stream';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import type { Request, Response as RestifyResponse, Server } from 'restify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createHttpServer, MAX_BODY_BYTES, MAX_BOT_ACTIVITY_BYTES } from '../../../bot/http/create-http-server.js';
import { createTabDirectory } from '../../support/running-app.js';
import type { TabDirectory } from '../../support/running-app.js';

/** The HTTP shell alone, with stand-in dependencies: body handling, error shape, the bot endpoint. */

type BotHandler = (req: Request, res: RestifyResponse) => Promise<void>;

let server: Server;
let url: string;
let tab: TabDirectory;
let botHandler: BotHandler;
let receivedActivities: unknown[];
let configCalls = 0;
const logLines: Record<string, unknown>[] = [];

const SECRET_DETAIL = 'connection string AccountKey=c2VjcmV0';

beforeAll(async () => {
  tab = await createTabDirectory();
  const logStream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      logLines.push(JSON.parse(chunk.toString('utf8')) as Record<string, unknown>);
      callback();
    },
  });
  server = createHttpServer({
    logger: pino({ level: 'info' }, logStream),
    readiness: [],
    handleBotActivity: (req, res) => botHandler(req, res),
    publicConfig: () => ({ calls: ++configCalls }),
    tab: { directory: tab.path, frameAncestors: [] },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server?.server.closeAllConnections();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  await tab?.remove();
});

beforeEach(() => {
  receivedActivities = [];
  logLines.length = 0;
  botHandler = async (req, res) => {
    receivedActivities.push(req.body);
    res.status(200);
    res.end();
  };
});

function postActivity(body: string, contentType = 'application/json'): Promise<Response> {
  return fetch(`${url}/api/messages`, { method: 'POST', headers: { 'content-type': contentType }, body });
}

/** A Teams message activity of about `bytes` bytes (long messages arrive as text and as HTML). */
function teamsMessage(bytes: number): string {
  const base = { type: 'message', id: '1', channelId: 'msteams', text: '', attachments: [{ contentType: 'text/html', content: '' }] };
  const room = bytes - Buffer.byteLength(JSON.stringify(base));
  const text = 'x'.repeat(Math.floor(room / 2));
  return JSON.stringify({ ...base, text, attachments: [{ contentType: 'text/html', content: text }] });
}

describe('POST /api/messages', () => {
  it('hands the parsed activity to the bot', async () => {
    const response = await postActivity(JSON.stringify({ type: 'message', text: 'привет' }));
    expect(response.status).toBe(200);
    expect(receivedActivities).toEqual([{ type: 'message', text: 'привет' }]);
  });

  it('takes a long Teams message, larger than the API body limit', async () => {
    const body = teamsMessage(MAX_BODY_BYTES * 2);
    expect(Buffer.byteLength(body)).toBeGreaterThan(MAX_BODY_BYTES);

    const response = await postActivity(body);

    expect(response.status).toBe(200);
    expect(receivedActivities).toHaveLength(1);
  });

  it(`refuses an activity over ${MAX_BOT_ACTIVITY_BYTES / 1024} KB with 413`, async () => {
    const response = await postActivity(teamsMessage(MAX_BOT_ACTIVITY_BYTES + 1024));
    expect(response.status).toBe(413);
    expect(receivedActivities).toEqual([]);
  });

  it('answers 400, not a server error, for JSON that is not an activity', async () => {
    for (const body of ['{}', '[]', '"message"', '{"type":""}']) {
      const response = await postActivity(body);
      expect(response.status, body).toBe(400);
      expect(await response.json()).toEqual({ errors: [expect.objectContaining({ code: 'invalid_activity' })] });
    }
    expect(receivedActivities).toEqual([]);
  });

  it('answers 415 for a form post, which would otherwise be parsed into an "activity"', async () => {
    const response = await postActivity('type=message&text=hi', 'application/x-www-form-urlencoded');
    expect(response.status).toBe(415);
    expect(receivedActivities).toEqual([]);
  });

  it('answers a failure of the bot with 500 in the API shape, keeping the detail in the log only', async () => {
    botHandler = () => Promise.reject(new Error(`storage broke: ${SECRET_DETAIL}`));

    const response = await postActivity(JSON.stringify({ type: 'message', text: 'hi' }));

    expect(response.status).toBe(500);
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({ errors: [{ field: '', code: 'internal_error', message: 'Internal error' }] });
    expect(text).not.toContain('AccountKey');
    expect(logLines).toEqual([expect.objectContaining({ level: 50, msg: 'request failed', url: '/api/messages' })]);
    expect(JSON.stringify(logLines)).toContain('storage broke');
  });
});

describe('GET /api/config', () => {
  it('computes the body on every request and asks for revalidation', async () => {
    const first = await fetch(`${url}/api/config`);
    const second = await fetch(`${url}/api/config`);
    expect(first.headers.get('cache-control')).toBe('no-cache');
    const calls = [((await first.json()) as { calls: number }).calls, ((await second.json()) as { calls: number }).calls];
    expect(calls[1]).toBe((calls[0] ?? 0) + 1);
  });
});

describe('errors restify raises', () => {
  it('answer an unknown route with 404 in the API shape', async () => {
    const response = await fetch(`${url}/api/nothing-here`);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ errors: [expect.objectContaining({ field: '', code: 'not_found' })] });
  });

  it('answer a wrong method with 405 in the API shape', async () => {
    const response = await fetch(`${url}/api/config`, { method: 'DELETE' });
    expect(response.status).toBe(405);
    expect(await response.json()).toEqual({ errors: [expect.objectContaining({ code: 'method_not_allowed' })] });
  });
});
