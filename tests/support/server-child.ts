import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { waitUntil } from '../bot/storage/fixtures.js';
import { freePort } from '../../scripts/lib/network.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface ServerChild {
  readonly child: ChildProcess;
  readonly baseUrl: string;
}

/**
 * `bot/main.ts` as a child process with only `env` (plus PATH, HOME,
 * TMPDIR), ready once `/readyz` answers 200: for tests that SIGKILL a whole
 * server. `PORT` defaults to a free one.
 */
export async function startServerChild(env: Readonly<Record<string, string>>): Promise<ServerChild> {
  const childEnv: Record<string, string> = { PORT: String(await freePort()), ...env };
  for (const name of ['PATH', 'HOME', 'TMPDIR']) {
    const value = process.env[name];
    if (value !== undefined) childEnv[name] = value;
  }
  // tsx as a loader, not its CLI: the CLI would run the server in a grandchild that SIGKILL does not reach.
  const child = spawn(process.execPath, ['--disable-warning=DEP0111', '--import', 'tsx', 'bot/main.ts'], { cwd: ROOT, env: childEnv, stdio: 'ignore' });
  const baseUrl = `http://127.0.0.1:${childEnv['PORT']}`;
  try {
    await waitUntil(
      () => fetch(`${baseUrl}/readyz`).then((response) => response.status, () => 0),
      (status) => status === 200,
      { timeoutMs: 30_000 },
    );
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  return { child, baseUrl };
}
