import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/**
 * An Azurite table service that a test can stop and start again on the same
 * port and data folder, like a storage outage that ends. (tests/support/azurite.ts
 * deletes its data folder on stop, so it cannot model the outage's end.)
 */
export interface RestartableAzurite {
  readonly connectionString: string;
  readonly port: number;
  /** Starts the service; resolves once it prints that it started. */
  start(): Promise<void>;
  /** Stops the service and keeps its data. */
  halt(): Promise<void>;
  /** Stops the service and deletes its data. */
  dispose(): Promise<void>;
}

// Azurite's fixed, publicly documented development account.
const ACCOUNT = 'devstoreaccount1';
const ACCOUNT_KEY =
  'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';
const HOST = '127.0.0.1';
const READY_LINE = 'successfully started';
const CLOSED_LINE = 'successfully closed';
const START_TIMEOUT_MS = 60_000;
/** Exits the emulator when the test process goes away, even when it is killed. */
const EXIT_WITH_PARENT = `data:text/javascript,${encodeURIComponent("process.on('disconnect', () => process.exit(0));")}`;

export async function createRestartableAzurite(): Promise<RestartableAzurite> {
  const location = await mkdtemp(join(tmpdir(), 'azurite-faults-'));
  const port = await freePort();
  let child: ChildProcess | undefined;

  const halt = async (): Promise<void> => {
    const running = child;
    child = undefined;
    if (!running || running.exitCode !== null || running.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => running.once('exit', () => resolve()));
    // SIGINT is Azurite's graceful close, which writes its database to the data
    // folder; the IPC channel may keep it alive after that, hence the kill.
    const closed = waitForLine(running, CLOSED_LINE).catch(() => undefined);
    running.kill('SIGINT');
    await Promise.race([closed, exited]);
    running.kill('SIGKILL');
    await exited;
  };

  return {
    connectionString:
      `DefaultEndpointsProtocol=http;AccountName=${ACCOUNT};AccountKey=${ACCOUNT_KEY};` +
      `TableEndpoint=http://${HOST}:${port}/${ACCOUNT};`,
    port,
    async start() {
      if (child) throw new Error('Azurite is already running');
      child = launch(port, location);
      await waitForLine(child, READY_LINE);
    },
    halt,
    async dispose() {
      await halt();
      await rm(location, { recursive: true, force: true });
    },
  };
}

function launch(port: number, location: string): ChildProcess {
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
  child.channel?.unref();
  return child;
}

/** Resolves when the emulator prints `line`; rejects if it exits first or never prints it. */
function waitForLine(child: ChildProcess, line: string): Promise<void> {
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => finish(new Error(`Azurite did not print "${line}": ${output}`)), START_TIMEOUT_MS);
    const onData = (chunk: Buffer): void => {
      output = (output + chunk.toString('utf8')).slice(-4_000);
      if (output.includes(line)) finish();
    };
    const onExit = (): void => finish(new Error(`Azurite exited before printing "${line}": ${output}`));
    const finish = (error?: Error): void => {
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      child.stderr?.off('data', onData);
      child.off('exit', onExit);
      if (error) reject(error);
      else resolve();
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
