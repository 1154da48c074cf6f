import { describe, expect, it } from 'vitest';
import { runToCompletion, startProcess } from '../../../scripts/lib/supervised-process.js';
import type { ProcessSpec } from '../../../scripts/lib/supervised-process.js';

function nodeScript(name: string, source: string, exitWithParent = false): ProcessSpec {
  return { name, command: process.execPath, args: ['-e', source], cwd: process.cwd(), env: process.env, exitWithParent };
}

describe('startProcess', () => {
  it('hands every stdout and stderr line to the sink with the child name', async () => {
    const lines: string[] = [];
    const child = startProcess(nodeScript('echo', "console.log('one'); console.error('two');"), (name, line) =>
      lines.push(`${name}: ${line}`),
    );
    const exit = await child.exited;
    expect(exit).toEqual({ name: 'echo', code: 0, signal: null });
    expect(lines.sort()).toEqual(['echo: one', 'echo: two']);
    expect(child.hasExited()).toBe(true);
  });

  it('finds a line printed before or after the wait started', async () => {
    const child = startProcess(
      nodeScript('ready', "console.log('Listening on 4321'); setInterval(() => {}, 1000);", true),
      () => undefined,
    );
    try {
      const match = await child.waitForLine(/Listening on (\d+)/);
      expect(match[1]).toBe('4321');
      expect((await child.waitForLine(/Listening on (\d+)/))[1]).toBe('4321');
    } finally {
      await child.stop();
    }
  });

  it('rejects a wait for a line when the process exits without printing it', async () => {
    const child = startProcess(nodeScript('quits', "console.log('bye'); process.exit(3);"), () => undefined);
    await expect(child.waitForLine(/never/)).rejects.toThrow(/quits exited \(exit code 3\)/);
  });

  it('stops with SIGTERM and reports the signal', async () => {
    const child = startProcess(nodeScript('idle', "console.log('up'); setInterval(() => {}, 1000);", true), () => undefined);
    await child.waitForLine(/up/);
    const exit = await child.stop();
    expect(exit.signal).toBe('SIGTERM');
    // A second stop is harmless and reports the same exit.
    await expect(child.stop()).resolves.toEqual(exit);
  });

  it('kills a process that ignores SIGTERM once the grace period is over', async () => {
    const child = startProcess(
      nodeScript('stubborn', "process.on('SIGTERM', () => {}); console.log('up'); setInterval(() => {}, 1000);", true),
      () => undefined,
    );
    await child.waitForLine(/up/);
    const exit = await child.stop(100);
    expect(exit.signal).toBe('SIGKILL');
  });

  it('reports a command that cannot start as an exit, with the reason in its output', async () => {
    const child = startProcess(
      { name: 'missing', command: '/nonexistent/command', args: [], cwd: process.cwd(), env: process.env },
      () => undefined,
    );
    const exit = await child.exited;
    expect(exit.code).toBeNull();
    expect(child.recentOutput()).toMatch(/failed to start: .*ENOENT/);
  });
});

describe('runToCompletion', () => {
  it('resolves when the command succeeds', async () => {
    await expect(runToCompletion(nodeScript('ok', "console.log('built')"), () => undefined)).resolves.toBeUndefined();
  });

  it('rejects with the exit code and the last output when the command fails', async () => {
    await expect(
      runToCompletion(nodeScript('build', "console.error('vite: syntax error in main.tsx'); process.exit(2);"), () => undefined),
    ).rejects.toThrow(/build failed \(exit code 2\):\nvite: syntax error in main\.tsx/);
  });
});
