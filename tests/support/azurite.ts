import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** A running Azurite table service owned by one test file. */
export interface AzuriteTables {
  /** Ready for `TableClient.fromConnectionString` (http, so `allowInsecureConnection`). */
  readonly connectionString: string;
  /** Table endpoint including the account, e.g. `http://127.0.0.1:41234/devstoreaccount1`. */
  readonly tableEndpoint: string;
  readonly port: number;
  /** The emulator's process id (the benchmark reads its CPU time). */
  readonly pid: number;
  /** The fresh data folder given to `--location`; removed by `stop()`. */
  readonly location: string;
  /** Stops the emulator and deletes its data. Safe to call more than once. */
  stop(): Promise<void>;
}

export interface StartAzuriteOptions {
  /** How long to wait for the service to accept connections. */
  readonly startTimeoutMs?: number;
}

// Azurite's fixed, publicly documented development account.
const ACCOUNT = 'devstoreaccount1';
const ACCOUNT_KEY =
  'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';
const HOST = '127.0.0.1';
const READY_LINE = 'successfully started';
const PORT_ATTEMPTS = 5;

/**
 * Exits the emulator when the IPC channel to the test process closes, so an
 * aborted test run (even a SIGKILLed vitest worker) leaves no Azurite behind.
 */
const EXIT_WITH_PARENT = `data:text/javascript,${encodeURIComponent(
  "process.on('disconnect', () => process.exit(0));",
)}`;

/** Starts `azurite-table` on a free loopback port with a fresh temp data folder. */
export async function startAzurite(options: StartAzuriteOptions = {}): Promise<AzuriteTables> {
  const startTimeoutMs = options.startTimeoutMs ?? 60_000;
  const location = await mkdtemp(join(tmpdir(), 'azurite-table-'));
  const failures: string[] = [];
  try {
    // Another process may take the port between our probe and Azurite's
    // listen; then Azurite exits before it is ready and we try a new port.
    for (let attempt = 1; attempt <= PORT_ATTEMPTS; attempt++) {
      const port = await freePort();
      const started = await launch(port, location, startTimeoutMs);
      if (started.ok) return started.azurite;
      failures.push(`port ${port}: ${started.reason}`);
    }
  } catch (error) {
    await rm(location, { recursive: true, force: true });
    throw error;
  }
  await rm(location, { recursive: true, force: true });
  throw new Error(`Azurite table service did not start:\n${failures.join('\n')}`);
}

type LaunchResult = { ok: true; azurite: AzuriteTables } | { ok: false; reason: string };

async function launch(port: number, location: string, startTimeoutMs: number): Promise<LaunchResult> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      EXIT_WITH_PARENT,
      azuriteTableMain(),
      '--tableHost',
      HOST,
      '--tablePort',
      String(port),
      '--location',
      location,
      '--skipApiVersionCheck',
      '--disableTelemetry',
      '--silent',
    ],
    { stdio: ['ignore', 'pipe', 'pipe', 'ipc'] },
  );
  // The IPC channel must not keep the test process alive.
  child.channel?.unref();

  let output = '';
  const collect = (chunk: Buffer): void => {
    output = (output + chunk.toString('utf8')).slice(-4_000);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);

  const outcome = await new Promise<'ready' | 'exited' | 'timeout'>((resolve) => {
    const timer = setTimeout(() => resolve('timeout'), startTimeoutMs);
    const onData = (): void => {
      if (output.includes(READY_LINE)) finish('ready');
    };
    const onExit = (): void => finish('exited');
    const finish = (result: 'ready' | 'exited' | 'timeout'): void => {
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      child.off('exit', onExit);
      resolve(result);
    };
    child.stdout?.on('data', onData);
    child.once('exit', onExit);
  });

  if (outcome !== 'ready') {
    await terminate(child);
    return { ok: false, reason: `${outcome}; output: ${output.trim() || '(none)'}` };
  }
  // "Started" is printed after listen() succeeded; a connection proves it is ours.
  await waitForConnection(port, startTimeoutMs);

  const tableEndpoint = `http://${HOST}:${port}/${ACCOUNT}`;
  let stopped: Promise<void> | undefined;
  return {
    ok: true,
    azurite: {
      connectionString:
        `DefaultEndpointsProtocol=http;AccountName=${ACCOUNT};AccountKey=${ACCOUNT_KEY};` +
        `TableEndpoint=${tableEndpoint};`,
      tableEndpoint,
      port,
      pid: child.pid ?? 0,
      location,
      stop: () => {
        stopped ??= terminate(child).then(() => rm(location, { recursive: true, force: true }));
        return stopped;
      },
    },
  };
}

function azuriteTableMain(): string {
  const require = createRequire(import.meta.url);
  const packageJsonPath = require.resolve('azurite/package.json');
  const { bin } = require(packageJsonPath) as { bin: Record<string, string> };
  const main = bin['azurite-table'];
  if (!main) throw new Error('azurite package has no azurite-table bin');
  return join(dirname(packageJsonPath), main);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, HOST, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error('no free port'))));
    });
  });
}

async function waitForConnection(port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const connected = await new Promise<boolean>((resolve) => {
      const socket = createConnection({ host: HOST, port });
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (connected) return;
    if (Date.now() > deadline) throw new Error(`Azurite on port ${port} accepts no connections`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function terminate(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const killTimer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(killTimer);
}
