import { connect } from 'node:net';
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
    demo: false,
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

describe('headers on every answer', () => {
  it('sends nosniff and HSTS (outside demo mode) on successes and on every kind of error', async () => {
    botHandler = () => Promise.reject(new Error('boom'));
    const answers = await Promise.all([
      fetch(`${url}/api/config`),
      fetch(`${url}/api/nothing-here`),
      fetch(`${url}/api/config`, { method: 'DELETE' }),
      postActivity('{', 'application/json'),
      postActivity(teamsMessage(MAX_BOT_ACTIVITY_BYTES + 1024)),
      postActivity(JSON.stringify({ type: 'message' })),
      fetch(`${url}/`),
    ]);
    expect(answers.map((answer) => answer.status)).toEqual([200, 404, 405, 400, 413, 500, 200]);
    for (const answer of answers) {
      expect(answer.headers.get('x-content-type-options'), String(answer.status)).toBe('nosniff');
      expect(answer.headers.get('strict-transport-security'), String(answer.status)).toMatch(/^max-age=\d+/);
    }
  });
});

/** A raw HTTP exchange, so `Host` and the timing of the bytes are ours to choose. */
function rawExchange(target: string, requestText: string, options: { readonly end?: boolean } = {}): Promise<string> {
  const { port } = new URL(target);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), '127.0.0.1', () => {
      socket.write(requestText);
      if (options.end) socket.end();
    });
    let answer = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (answer += chunk));
    socket.on('close', () => resolve(answer));
    socket.on('error', reject);
  });
}

describe('demo mode and slow clients', () => {
  let demoServer: Server;
  let demoUrl: string;
  let demoPort: number;

  beforeAll(async () => {
    demoServer = createHttpServer({
      logger: pino({ level: 'silent' }),
      demo: true,
      timeouts: { headersMs: 300, requestMs: 600 },
      readiness: [],
      handleBotActivity: () => Promise.resolve(),
      publicConfig: () => ({}),
      tab: { directory: tab.path, frameAncestors: [] },
    });
    await new Promise<void>((resolve) => demoServer.listen(0, '127.0.0.1', resolve));
    demoPort = (demoServer.address() as AddressInfo).port;
    demoUrl = `http://127.0.0.1:${demoPort}`;
  });

  afterAll(async () => {
    demoServer?.server.closeAllConnections();
    await new Promise<void>((resolve) => (demoServer ? demoServer.close(() => resolve()) : resolve()));
  });

  const get = (host: string) => rawExchange(demoUrl, `GET /api/config HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`);

  it('answers 421 to a Host that is not loopback with its own port (DNS rebinding), and serves loopback names', async () => {
    for (const host of ['evil.example', `evil.example:${demoPort}`, '127.0.0.1', `127.0.0.1:${demoPort + 1}`, `10.0.0.5:${demoPort}`]) {
      const answer = await get(host);
      expect(answer, host).toMatch(/^HTTP\/1\.1 421 /);
      expect(answer, host).toContain('misdirected_request');
      expect(answer.toLowerCase(), host).toContain('x-content-type-options: nosniff');
    }
    for (const host of [`127.0.0.1:${demoPort}`, `localhost:${demoPort}`, `[::1]:${demoPort}`]) {
      expect(await get(host), host).toMatch(/^HTTP\/1\.1 200 /);
    }
  });

  it('sends no HSTS in demo mode (plain http on a laptop)', async () => {
    const answer = await fetch(`${demoUrl}/api/config`);
    expect(answer.headers.get('strict-transport-security')).toBeNull();
    expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('closes a connection whose headers never finish, and one whose body never arrives', async () => {
    const started = Date.now();
    const [headersCut, bodyCut] = await Promise.all([
      rawExchange(demoUrl, `GET /api/config HTTP/1.1\r\nHost: 127.0.0.1:${demoPort}\r\n`),
      rawExchange(demoUrl, `POST /api/messages HTTP/1.1\r\nHost: 127.0.0.1:${demoPort}\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{`),
    ]);
    expect(headersCut).toMatch(/^(HTTP\/1\.1 408 |$)/);
    expect(bodyCut).toMatch(/^(HTTP\/1\.1 408 |$)/);
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
