import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Runs a TypeScript child (through tsx) that reports JSON lines on stdout,
 * until `killAt` holds for what it reported, then SIGKILLs it: no shutdown
 * code runs, exactly as in a crash. Rejects when the child ends on its own.
 */
export async function runUntilKilled<Event>(
  script: string,
  args: readonly string[],
  killAt: (events: readonly Event[]) => boolean,
): Promise<{ readonly events: Event[]; readonly signal: NodeJS.Signals | null }> {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, signal) => resolve(signal)));

  const events: Event[] = [];
  for await (const line of createInterface({ input: child.stdout })) {
    events.push(JSON.parse(line) as Event);
    if (killAt(events)) break;
  }
  child.kill('SIGKILL');
  const signal = await exited;
  if (!killAt(events)) throw new Error(`child ended early: ${stderr}`);
  return { events, signal };
}
