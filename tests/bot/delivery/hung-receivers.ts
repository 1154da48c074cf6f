import { createServer as createHttpServer } from 'node:http';
import { createServer as createTcpServer } from 'node:net';
import type { AddressInfo, Server, Socket } from 'node:net';

/**
 * Servers that take a connection and then never answer, and record when the
 * client closes it: what a cancelled delivery must do to a receiver that hangs.
 */
export interface HungReceiver {
  readonly port: number;
  /** Connections accepted so far. */
  readonly connections: number;
  /** Connections the client has closed so far. */
  readonly closed: number;
  /** Requests (HTTP) or commands (SMTP) received and left unanswered. */
  readonly received: number;
  close(): Promise<void>;
}

/** An HTTP server that reads each request and never answers it. */
export function startHungHttpReceiver(): Promise<HungReceiver> {
  let received = 0;
  const server = createHttpServer((request) => {
    request.resume();
    request.on('end', () => received++);
  });
  return track(server, () => received);
}

/** An SMTP server that greets and then never answers a command. */
export function startHungSmtpReceiver(): Promise<HungReceiver> {
  let received = 0;
  const server = createTcpServer((socket) => {
    socket.write('220 hung.test ESMTP\r\n');
    socket.on('data', () => received++);
  });
  return track(server, () => received);
}

async function track(server: Server, received: () => number): Promise<HungReceiver> {
  const sockets = new Set<Socket>();
  let connections = 0;
  let closed = 0;
  server.on('connection', (socket: Socket) => {
    connections++;
    sockets.add(socket);
    socket.on('close', () => {
      closed++;
      sockets.delete(socket);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    get connections() {
      return connections;
    },
    get closed() {
      return closed;
    },
    get received() {
      return received();
    },
    close() {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}
