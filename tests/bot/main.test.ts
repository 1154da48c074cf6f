import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import type { AddressInfo, Server } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAzurite } from '../support/azurite.js';
import type { AzuriteTables } from '../support/azurite.js';
import { freePort } from '../../scripts/lib/network.js';

/** `bot/main.ts` as a real process: how it starts, refuses to start, and stops. */

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const TSX_CLI = join(dirname(createRequire(import.meta.url).resolve('tsx/package.json')), 'dist', 'cli.mjs');
/** A cap so a process that never exits fails the test instead of stalling the run. */
const EXIT_TIMEOUT_MS = 60_000;

interface Exit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

interface Started {
  readonly child: ChildProcess;
  readonly output: () => { stdout: string; stderr: string };
  readonly exited: Promise<Exit>;
}

/** Runs the entry point with only these variables (plus what Node and tsx need to run). */
function startMain(variables: Readonly<Record<string, string>>): Started {
  const env: Record<string, string> = { LOG_LEVEL: 'info', ...variables };
  for (const name of ['PATH', 'HOME', 'TMPDIR', 'SYSTEMROOT']) {
    const value = process.env[name];
    if (value !== undefined) env[name] = value;
  }
  const child = spawn(process.execPath, [TSX_CLI, 'bot/main.ts'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const exited = new Promise<Exit>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`bot/main.ts did not exit within ${EXIT_TIMEOUT_MS} ms.\nstdout:\n${stdout}\nstderr:\n${stderr}`));
    }, EXIT_TIMEOUT_MS);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      // Let the pipes drain before reading what was written.
      setImmediate(() => resolve({ code, signal, stdout, stderr }));
    });
  });
  return { child, output: () => ({ stdout, stderr }), exited };
}

/** Resolves once `predicate` holds for the output so far, or rejects when the process exits first. */
function waitForOutput(started: Started, predicate: (output: { stdout: string; stderr: string }) => boolean): Promise<void> {
  return new Promise((resolve, reject) => {
    const check = (): void => {
      if (!predicate(started.output())) return;
      started.child.stdout?.off('data', check);
      started.child.stderr?.off('data', check);
      resolve();
    };
    started.child.stdout?.on('data', check);
    started.child.stderr?.on('data', check);
    void started.exited.then(
      (exit) => reject(new Error(`exited (${exit.code}) before the expected output.\nstdout:\n${exit.stdout}\nstderr:\n${exit.stderr}`)),
      reject,
    );
    check();
  });
}

describe('bot/main.ts refuses to start', () => {
  it('with exit code 1 and the variable named when the configuration is invalid', async () => {
    const exit = await startMain({ PORT: 'abc' }).exited;

    expect(exit.code).toBe(1);
    expect(exit.stderr).toMatch(/Configuration error: PORT: "abc"/);
  });

  it('with exit code 1 and a clear message when storage is not reachable, whatever the log level', async () => {
    const closedPort = await freePort();

    const exit = await startMain({ AZURITE_TABLE_PORT: String(closedPort), PORT: String(await freePort()), LOG_LEVEL: 'silent' }).exited;

    expect(exit.code).toBe(1);
    expect(exit.stderr).toContain(`Azure Table Storage is not reachable at http://127.0.0.1:${closedPort}/devstoreaccount1`);
    expect(exit.stderr).toContain('is Azurite running?');
  });
});

describe('bot/main.ts with storage', () => {
  let azurite: AzuriteTables;
  let occupier: Server | undefined;

  beforeAll(async () => {
    azurite = await startAzurite();
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => (occupier ? occupier.close(() => resolve()) : resolve()));
    await azurite?.stop();
  });

  it('serves until SIGTERM, then stops with exit code 0', async () => {
    const port = await freePort();
    const started = startMain({ AZURITE_TABLE_PORT: String(azurite.port), PORT: String(port) });

    await waitForOutput(started, ({ stdout }) => stdout.includes('"msg":"listening"'));
    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(health.status).toBe(200);
    started.child.kill('SIGTERM');

    const exit = await started.exited;
    expect(exit.code).toBe(0);
    expect(exit.stdout).toContain('"msg":"stopping"');
  });

  it('exits 1 naming the address when the port is taken', async () => {
    occupier = createServer();
    const server = occupier;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;

    const exit = await startMain({ AZURITE_TABLE_PORT: String(azurite.port), PORT: String(port) }).exited;

    expect(exit.code).toBe(1);
    expect(exit.stderr).toContain(`cannot listen on 127.0.0.1:${port}`);
    expect(exit.stderr).toContain('EADDRINUSE');
  });
});
