import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { setTimeout as delay } from 'node:timers/promises';
import { EXIT_WITH_PARENT_IMPORT } from '../lib/supervised-process.js';

/**
 * A server under test in its own process, so its memory is its own: started
 * with its output in a log file (the parent spends no CPU on it), timed from
 * spawn to the first `200` of its readiness URL, stopped with SIGTERM.
 */

export interface ServerUnderTest {
  readonly pid: number;
  /** The port of its readiness URL, where it listens. */
  readonly port: number;
  /** Milliseconds from spawn to the first `200` of the readiness URL. */
  readonly readyMs: number;
  /** Resident set size now, from /proc/<pid>/status (VmRSS), in bytes. */
  rss(): Promise<number>;
  /** Highest resident set size so far (VmHWM), in bytes. */
  peakRss(): Promise<number>;
  stop(): Promise<void>;
}

export interface ServerSpec {
  readonly args: readonly string[];
  readonly env: NodeJS.ProcessEnv;
  readonly cwd: string;
  readonly readyUrl: string;
  /** Where stdout and stderr go. */
  readonly logFile: string;
  readonly readyTimeoutMs?: number;
}

export async function startServer(spec: ServerSpec): Promise<ServerUnderTest> {
  const log = openSync(spec.logFile, 'a');
  const startedAt = performance.now();
  const child: ChildProcess = spawn(process.execPath, ['--import', EXIT_WITH_PARENT_IMPORT, ...spec.args], {
    cwd: spec.cwd,
    env: spec.env,
    stdio: ['ignore', log, log, 'ipc'],
  });
  closeSync(log);
  child.channel?.unref();
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let hasExited = false;
  void exited.then(() => (hasExited = true));

  const pid = child.pid;
  if (pid === undefined) throw new Error(`could not start ${spec.args.join(' ')}`);
  const stop = async (): Promise<void> => {
    if (hasExited) return;
    child.kill('SIGTERM');
    const killed = delay(10_000).then(() => {
      if (!hasExited) child.kill('SIGKILL');
    });
    await Promise.race([exited, killed]);
    await exited;
  };

  const deadline = startedAt + (spec.readyTimeoutMs ?? 60_000);
  for (;;) {
    if (hasExited) throw new Error(`the server exited before it was ready:\n${await logTail(spec.logFile)}`);
    if (performance.now() > deadline) {
      await stop();
      throw new Error(`the server was not ready at ${spec.readyUrl}:\n${await logTail(spec.logFile)}`);
    }
    try {
      const response = await fetch(spec.readyUrl, { signal: AbortSignal.timeout(2_000) });
      await response.body?.cancel();
      if (response.status === 200) break;
    } catch {
      // Not listening yet.
    }
    await delay(10);
  }
  const readyMs = performance.now() - startedAt;

  return {
    pid,
    port: Number(new URL(spec.readyUrl).port),
    readyMs,
    rss: () => procStatusBytes(pid, 'VmRSS'),
    peakRss: () => procStatusBytes(pid, 'VmHWM'),
    stop,
  };
}

async function procStatusBytes(pid: number, field: 'VmRSS' | 'VmHWM'): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const match = new RegExp(`^${field}:\\s+(\\d+)\\s+kB`, 'm').exec(status);
  if (!match?.[1]) throw new Error(`no ${field} in /proc/${pid}/status`);
  return Number(match[1]) * 1024;
}

async function logTail(logFile: string): Promise<string> {
  const text = await readFile(logFile, 'utf8').catch(() => '');
  return text.slice(-3_000) || '(no output)';
}
