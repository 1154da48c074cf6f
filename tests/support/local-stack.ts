import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startLocalStack } from '../../scripts/lib/local-stack.js';
import type { LocalStackUrls } from '../../scripts/lib/local-stack.js';
import { freePort } from '../../scripts/lib/network.js';

/**
 * The whole product for an end-to-end test: Azurite, the server (`bot/main.ts`
 * in demo mode) and the Agents Playground, each on a free loopback port, with
 * data and logs in a temp folder. The same orchestration as `npm start`, so
 * these tests also cover it. Every child exits with the test process, even
 * when that is killed.
 */

export interface TestStackOptions {
  /**
   * The Playground's mock Teams context as YAML text (same schema as
   * `.m365agentsplayground.yml`). Default: the project's file.
   */
  readonly playgroundConfig?: string;
  /** Extra server settings, e.g. `{ DELIVERY_LOCALE: 'en' }`. */
  readonly serverEnv?: Readonly<Record<string, string>>;
  /** Per component; default 90 s (2-core CI machines are slow to start tsx). */
  readonly startTimeoutMs?: number;
}

export interface TestStack {
  readonly urls: LocalStackUrls;
  /** For reading what the server stored, e.g. with `TableClient.fromConnectionString`. */
  readonly storageConnectionString: string;
  /** The last lines each child printed, prefixed with its name: attach to failure messages. */
  recentOutput(): string;
  /** Stops every child and deletes the temp folder. Safe to call more than once. */
  stop(): Promise<void>;
}

const ROOT_DIR = fileURLToPath(new URL('../..', import.meta.url));
export const PROJECT_PLAYGROUND_CONFIG = join(ROOT_DIR, '.m365agentsplayground.yml');
const OUTPUT_LINES = 200;

export async function startTestStack(options: TestStackOptions = {}): Promise<TestStack> {
  const folder = await mkdtemp(join(tmpdir(), 'e2e-stack-'));
  const output: string[] = [];
  const verbose = process.env['E2E_VERBOSE'] === '1';
  const sink = (name: string, line: string): void => {
    output.push(`[${name}] ${line}`);
    if (output.length > OUTPUT_LINES) output.shift();
    if (verbose) console.log(`[${name}] ${line}`);
  };

  let playgroundConfigPath = PROJECT_PLAYGROUND_CONFIG;
  if (options.playgroundConfig !== undefined) {
    playgroundConfigPath = join(folder, '.m365agentsplayground.yml');
    await writeFile(playgroundConfigPath, options.playgroundConfig);
  }

  const playgroundLogFile = join(folder, 'playground.log');
  try {
    const stack = await startLocalStack({
      rootDir: ROOT_DIR,
      ports: { azurite: await freePort(), server: await freePort(), playground: await freePort() },
      azuriteLocation: join(folder, 'azurite'),
      playgroundConfigPath,
      playgroundLogFile,
      baseEnv: cleanEnv(),
      serverEnv: { LOG_LEVEL: 'info', ...options.serverEnv },
      output: sink,
      startTimeoutMs: options.startTimeoutMs ?? 90_000,
    });
    let stopped: Promise<void> | undefined;
    return {
      urls: stack.urls,
      storageConnectionString: stack.storageConnectionString,
      recentOutput: () => output.join('\n'),
      stop: () => {
        stopped ??= stack.stop().finally(() => rm(folder, { recursive: true, force: true }));
        return stopped;
      },
    };
  } catch (error) {
    // Off a terminal the Playground prints only its port; why it failed (a bad config…) is in its log.
    const playgroundLog = await readFile(playgroundLogFile, 'utf8').catch(() => '');
    await rm(folder, { recursive: true, force: true });
    if (playgroundLog === '' || !(error instanceof Error)) throw error;
    throw new Error(`${error.message}\nPlayground log:\n${playgroundLog.split('\n').slice(-40).join('\n')}`, { cause: error });
  }
}

/**
 * Only what a child needs to run: the developer's own settings (BOT_ID,
 * DISTRIBUTOR_NAME, a proxy…) must not change what a test sees.
 */
function cleanEnv(): NodeJS.ProcessEnv {
  const kept = ['PATH', 'HOME', 'TMPDIR', 'TEMP', 'TMP', 'SYSTEMROOT'];
  const env: NodeJS.ProcessEnv = { NO_COLOR: '1' };
  for (const name of kept) {
    const value = process.env[name];
    if (value !== undefined) env[name] = value;
  }
  return env;
}
