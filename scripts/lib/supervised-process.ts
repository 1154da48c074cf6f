import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

/**
 * Child processes of `npm start` and the end-to-end harness: each line of
 * output goes to a sink with the child's name, the last lines are kept for
 * error messages, and stopping is SIGTERM, then SIGKILL after a grace period.
 */

export interface ProcessSpec {
  /** Short name used as the output prefix and in errors, e.g. `server`. */
  readonly name: string;
  readonly command: string;
  readonly args: readonly string[];
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  /**
   * Node children only: exit when this process goes away, even if it is
   * SIGKILLed and cannot stop them (an IPC channel closes with the parent).
   */
  readonly exitWithParent?: boolean;
}

export interface ProcessExit {
  readonly name: string;
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

export type OutputSink = (name: string, line: string) => void;

export interface SupervisedProcess {
  readonly name: string;
  readonly pid: number | undefined;
  /** Settles when the process has exited, for whatever reason. */
  readonly exited: Promise<ProcessExit>;
  /** True once the process has exited. */
  hasExited(): boolean;
  /** The last lines of combined stdout/stderr, for error messages. */
  recentOutput(): string;
  /** Resolves with the first output line matching `pattern`; rejects if the process exits first. */
  waitForLine(pattern: RegExp): Promise<RegExpExecArray>;
  /** SIGTERM, then SIGKILL after `graceMs`. Safe to call more than once. */
  stop(graceMs?: number): Promise<ProcessExit>;
}

const RECENT_LINES = 60;

/**
 * Imported first into a Node child with an IPC channel: exits when the
 * channel to the parent closes. A `data:` URL, so it needs no file on disk.
 */
export const EXIT_WITH_PARENT_IMPORT = `data:text/javascript,${encodeURIComponent(
  "process.on('disconnect', () => process.exit(0));",
)}`;

export function startProcess(spec: ProcessSpec, sink: OutputSink): SupervisedProcess {
  const args = spec.exitWithParent ? ['--import', EXIT_WITH_PARENT_IMPORT, ...spec.args] : [...spec.args];
  const child: ChildProcess = spawn(spec.command, args, {
    cwd: spec.cwd,
    env: spec.env,
    stdio: spec.exitWithParent ? ['ignore', 'pipe', 'pipe', 'ipc'] : ['ignore', 'pipe', 'pipe'],
    // Out of the terminal's process group, so Ctrl+C reaches only us and we
    // stop the children in order; the IPC channel still ends them if we die.
    detached: spec.exitWithParent === true,
  });
  // The IPC channel exists only to notice our death; it must not keep us alive.
  child.channel?.unref();

  const recent: string[] = [];
  const lineWaiters = new Set<{ pattern: RegExp; resolve: (match: RegExpExecArray) => void }>();
  const onLine = (line: string): void => {
    recent.push(line);
    if (recent.length > RECENT_LINES) recent.shift();
    sink(spec.name, line);
    for (const waiter of lineWaiters) {
      const match = waiter.pattern.exec(line);
      if (match) {
        lineWaiters.delete(waiter);
        waiter.resolve(match);
      }
    }
  };
  if (child.stdout) createInterface({ input: child.stdout }).on('line', onLine);
  if (child.stderr) createInterface({ input: child.stderr }).on('line', onLine);

  let exitInfo: ProcessExit | undefined;
  const exited = new Promise<ProcessExit>((resolve) => {
    child.once('exit', (code, signal) => {
      exitInfo = { name: spec.name, code, signal };
      resolve(exitInfo);
    });
    child.once('error', (error) => {
      onLine(`failed to start: ${error.message}`);
      exitInfo = { name: spec.name, code: null, signal: null };
      resolve(exitInfo);
    });
  });

  let stopping: Promise<ProcessExit> | undefined;
  return {
    name: spec.name,
    pid: child.pid,
    exited,
    hasExited: () => exitInfo !== undefined,
    recentOutput: () => recent.join('\n'),
    waitForLine: (pattern) =>
      new Promise((resolve, reject) => {
        const found = recent.map((line) => pattern.exec(line)).find((match) => match !== null);
        if (found) return resolve(found);
        const waiter = { pattern, resolve };
        lineWaiters.add(waiter);
        void exited.then((exit) => {
          if (!lineWaiters.delete(waiter)) return;
          reject(new Error(`${spec.name} exited (${describeExit(exit)}) before printing ${pattern}`));
        });
      }),
    stop: (graceMs = 5_000) => {
      stopping ??= (async () => {
        if (exitInfo) return exitInfo;
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
        const exit = await exited;
        clearTimeout(timer);
        return exit;
      })();
      return stopping;
    },
  };
}

export function describeExit(exit: ProcessExit): string {
  return exit.signal ? `signal ${exit.signal}` : `exit code ${exit.code ?? 'unknown'}`;
}

/** Runs a command to completion (e.g. a build), streaming its output; rejects on a non-zero exit. */
export async function runToCompletion(spec: ProcessSpec, sink: OutputSink): Promise<void> {
  const child = startProcess(spec, sink);
  const exit = await child.exited;
  if (exit.code !== 0) {
    throw new Error(`${spec.name} failed (${describeExit(exit)}):\n${child.recentOutput()}`);
  }
}
