import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { freePort } from '../../scripts/lib/network.js';

/** A running Azurite table service owned by one test file (or the benchmark). */
export interface AzuriteTables {
  /** Ready for `TableClient.fromConnectionString` (http, so `allowInsecureConnection`). */
  readonly connectionString: string;
  /** Table endpoint including the account, e.g. `http://127.0.0.1:41234/devstoreaccount1`. */
  readonly tableEndpoint: string;
  readonly port: number;
  /** The running emulator's process id (the benchmark reads its CPU time); 0 while halted. */
  readonly pid: number;
  /** The fresh data folder given to `--location`; removed by `stop()`. */
  readonly location: string;
  /** Stops the service and keeps its data: a storage outage. */
  halt(): Promise<void>;
  /**
   * Starts the service again on the same port and data folder: the outage
   * ends. With `nodeOptions`, the new process runs with those instead.
   */
  restart(options?: Pick<StartAzuriteOptions, 'nodeOptions'>): Promise<void>;
  /** Stops the emulator and deletes its data. Safe to call more than once. */
  stop(): Promise<void>;
}

export interface StartAzuriteOptions {
  /** How long to wait for the service to accept connections. */
  readonly startTimeoutMs?: number;
  /**
   * Node options for the emulator's process, before its script (the bench's
   * seeding preloads a module with `--import`).
   */
  readonly nodeOptions?: readonly string[] | undefined;
  /**
   * How long a graceful stop may take to write the database to the data
   * folder before the process is killed (default 5 s; a table of 100 000
   * rows can take longer).
   */
  readonly closeTimeoutMs?: number | undefined;
}

// Azurite's fixed, publicly documented development account.
const ACCOUNT = 'devstoreaccount1';
const ACCOUNT_KEY =
  'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';
const HOST = '127.0.0.1';
const READY_LINE = 'successfully started';
const CLOSED_LINE = 'successfully closed';
const CLOSE_TIMEOUT_MS = 5_000;
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
  const launchOptions: LaunchOptions = {
    startTimeoutMs: options.startTimeoutMs ?? 60_000,
    closeTimeoutMs: options.closeTimeoutMs ?? CLOSE_TIMEOUT_MS,
    nodeOptions: options.nodeOptions ?? [],
  };
  const location = await mkdtemp(join(tmpdir(), 'azurite-table-'));
  const failures: string[] = [];
  try {
    // Another process may take the port between our probe and Azurite's
    // listen; then Azurite exits before it is ready and we try a new port.
    for (let attempt = 1; attempt <= PORT_ATTEMPTS; attempt++) {
      const port = await freePort();
      const started = await launch(port, location, launchOptions);
      if (started.ok) return controlled(started.child, port, location, launchOptions);
      failures.push(`port ${port}: ${started.reason}`);
    }
  } catch (error) {
    await rm(location, { recursive: true, force: true });
    throw error;
  }
  await rm(location, { recursive: true, force: true });
  throw new Error(`Azurite table service did not start:\n${failures.join('\n')}`);
}

interface LaunchOptions {
  readonly startTimeoutMs: number;
  readonly closeTimeoutMs: number;
  readonly nodeOptions: readonly string[];
}

function controlled(first: ChildProcess, port: number, location: string, options: LaunchOptions): AzuriteTables {
  let child: ChildProcess | undefined = first;
  let stopped: Promise<void> | undefined;
  let current = options;
  const halt = async (): Promise<void> => {
    const running = child;
    child = undefined;
    if (running) await terminate(running, current.closeTimeoutMs);
  };
  const tableEndpoint = `http://${HOST}:${port}/${ACCOUNT}`;
  return {
    connectionString:
      `DefaultEndpointsProtocol=http;AccountName=${ACCOUNT};AccountKey=${ACCOUNT_KEY};` +
      `TableEndpoint=${tableEndpoint};`,
    tableEndpoint,
    port,
    get pid() {
      return child?.pid ?? 0;
    },
    location,
    halt,
    async restart(restartOptions = {}) {
      if (stopped) throw new Error('Azurite was stopped and its data deleted');
      if (child) throw new Error('Azurite is already running');
      if (restartOptions.nodeOptions !== undefined) current = { ...current, nodeOptions: restartOptions.nodeOptions };
      const started = await launch(port, location, current);
      if (!started.ok) throw new Error(`Azurite did not start again on port ${port}: ${started.reason}`);
      child = started.child;
    },
    stop() {
      stopped ??= halt().then(() => rm(location, { recursive: true, force: true }));
      return stopped;
    },
  };
}

type LaunchResult = { ok: true; child: ChildProcess } | { ok: false; reason: string };

async function launch(port: number, location: string, options: LaunchOptions): Promise<LaunchResult> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      EXIT_WITH_PARENT,
      ...options.nodeOptions,
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

  const outcome = await printed(child, READY_LINE, options.startTimeoutMs);
  if (outcome.result !== 'printed') {
    await terminate(child, options.closeTimeoutMs);
    return { ok: false, reason: `${outcome.result}; output: ${outcome.output.trim() || '(none)'}` };
  }
  // "Started" is printed after listen() succeeded; a connection proves it is ours.
  await waitForConnection(port, options.startTimeoutMs);
  return { ok: true, child };
}

/** Waits until the emulator prints `line`, exits, or `timeoutMs` passes; keeps its pipes flowing afterwards. */
function printed(
  child: ChildProcess,
  line: string,
  timeoutMs: number,
): Promise<{ result: 'printed' | 'exited' | 'timeout'; output: string }> {
  let output = '';
  return new Promise((resolve) => {
    const timer = setTimeout(() => finish('timeout'), timeoutMs);
    const onData = (chunk: Buffer): void => {
      output = (output + chunk.toString('utf8')).slice(-4_000);
      if (output.includes(line)) finish('printed');
    };
    const onExit = (): void => finish('exited');
    const finish = (result: 'printed' | 'exited' | 'timeout'): void => {
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      child.stderr?.off('data', onData);
      child.off('exit', onExit);
      // Unread pipes would fill up and stall the emulator.
      child.stdout?.resume();
      child.stderr?.resume();
      resolve({ result, output });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', onExit);
  });
}

function azuriteTableMain(): string {
  const require = createRequire(import.meta.url);
  const packageJsonPath = require.resolve('azurite/package.json');
  const { bin } = require(packageJsonPath) as { bin: Record<string, string> };
  const main = bin['azurite-table'];
  if (!main) throw new Error('azurite package has no azurite-table bin');
  return join(dirname(packageJsonPath), main);
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

/**
 * SIGINT is Azurite's graceful close, which writes its database to the data
 * folder (a restart finds it there); the IPC channel may keep the process
 * alive after that, hence the kill once it says it closed.
 */
async function terminate(child: ChildProcess, closeTimeoutMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const closed = printed(child, CLOSED_LINE, closeTimeoutMs);
  child.kill('SIGINT');
  await Promise.race([closed, exited]);
  child.kill('SIGKILL');
  await exited;
}
