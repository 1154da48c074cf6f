import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createJsonPoster, JsonPostAbortedError, JsonPostTimeoutError } from '../../../bot/delivery/json-post.js';
import type { JsonPoster } from '../../../bot/delivery/json-post.js';

interface Received {
  readonly body: string;
  readonly contentType: string | undefined;
  readonly socket: Socket;
}

let server: Server | undefined;
let poster: JsonPoster | undefined;

afterEach(async () => {
  poster?.close();
  poster = undefined;
  if (server) {
    server.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve));
    server = undefined;
  }
});

async function serve(
  handle: (request: IncomingMessage, response: ServerResponse, received: Received[]) => void,
): Promise<{ url: URL; received: Received[] }> {
  const received: Received[] = [];
  server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({ body: Buffer.concat(chunks).toString('utf8'), contentType: request.headers['content-type'], socket: request.socket });
      handle(request, response, received);
    });
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: new URL(`http://127.0.0.1:${port}/hook?sig=secret`), received };
}

describe('json poster', () => {
  it('posts the body as JSON and answers with the status', async () => {
    const { url, received } = await serve((_request, response) => response.writeHead(202).end());
    poster = createJsonPoster(url);

    await expect(poster.post('{"a":1}', 5_000)).resolves.toEqual({ status: 202, bodyStart: '' });
    expect(received).toMatchObject([{ body: '{"a":1}', contentType: 'application/json' }]);
  });

  it('reuses one connection for posts one after the other', async () => {
    const { url, received } = await serve((_request, response) => response.writeHead(202).end('ok'));
    poster = createJsonPoster(url);

    await poster.post('{}', 5_000);
    await poster.post('{}', 5_000);
    await poster.post('{}', 5_000);
    expect(received).toHaveLength(3);
    expect(new Set(received.map((request) => request.socket)).size).toBe(1);
  });

  it('keeps the start of an error answer, not all of it', async () => {
    const { url } = await serve((_request, response) => response.writeHead(400).end(`bad ${'x'.repeat(100_000)}`));
    poster = createJsonPoster(url);

    const answer = await poster.post('{}', 5_000);
    expect(answer.status).toBe(400);
    expect(answer.bodyStart.startsWith('bad x')).toBe(true);
    expect(answer.bodyStart.length).toBeLessThanOrEqual(2_048);
  });

  it('does not follow a redirect', async () => {
    const { url, received } = await serve((_request, response) =>
      response.writeHead(307, { location: url.href }).end(),
    );
    poster = createJsonPoster(url);

    await expect(poster.post('{}', 5_000)).resolves.toMatchObject({ status: 307 });
    expect(received).toHaveLength(1);
  });

  it('aborts with a timeout error when no answer comes in time', async () => {
    const { url } = await serve(() => undefined);
    poster = createJsonPoster(url);

    const failure = poster.post('{}', 100);
    await expect(failure).rejects.toBeInstanceOf(JsonPostTimeoutError);
    await expect(failure).rejects.toThrow('no answer within 100 ms');
  });

  it('aborts on its signal: the request fails at once and the server sees the connection closed', async () => {
    const { url, received } = await serve(() => undefined);
    poster = createJsonPoster(url);
    const controller = new AbortController();

    const failure = poster.post('{}', 60_000, controller.signal);
    await vi.waitFor(() => expect(received).toHaveLength(1));
    const socket = received[0]?.socket;
    const closed = new Promise((resolve) => socket?.once('close', resolve));
    controller.abort(new Error('the attempt ran out of time'));

    await expect(failure).rejects.toBeInstanceOf(JsonPostAbortedError);
    await expect(failure).rejects.toThrow('the request was aborted: the attempt ran out of time');
    await closed;
    expect(socket?.destroyed).toBe(true);
  });

  it('sends nothing when its signal has already aborted', async () => {
    const { url, received } = await serve((_request, response) => response.writeHead(202).end());
    poster = createJsonPoster(url);

    await expect(poster.post('{}', 5_000, AbortSignal.abort(new Error('too late')))).rejects.toThrow(
      'the request was aborted: too late',
    );
    expect(received).toHaveLength(0);
  });

  it('rejects with the network error when nothing listens', async () => {
    const { url } = await serve(() => undefined);
    server?.close();
    server = undefined;
    poster = createJsonPoster(url);

    await expect(poster.post('{}', 5_000)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });

  it('retries once on a new connection when a kept-alive connection is reset as it is reused', async () => {
    const { url, received } = await serve((request, response, all) => {
      // The second request on the first connection: drop the connection, as
      // a server does when its idle timeout hits just then.
      if (all.length === 2) request.socket.destroy();
      else response.writeHead(202).end();
    });
    poster = createJsonPoster(url);

    await poster.post('{"n":1}', 5_000);
    await expect(poster.post('{"n":2}', 5_000)).resolves.toMatchObject({ status: 202 });
    expect(received.map((request) => request.body)).toEqual(['{"n":1}', '{"n":2}', '{"n":2}']);
    expect(received[2]?.socket).not.toBe(received[0]?.socket);
  });
});
