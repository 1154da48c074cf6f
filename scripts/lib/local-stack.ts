import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { LOOPBACK, waitForHttp } from './network.js';
import { describeExit, runToCompletion, startProcess } from './supervised-process.js';
import type { OutputSink, ProcessExit, SupervisedProcess } from './supervised-process.js';

/**
 * The local demo: Azurite (table service), the bot server in demo mode and
 * the Microsoft 365 Agents Playground, all on loopback. Used by `npm start`
 * (fixed ports) and by the end-to-end tests (free ports, temp folders).
 */

export interface LocalStackPorts {
  readonly server: number;
  readonly azurite: number;
  readonly playground: number;
}

export interface LocalStackOptions {
  /** The project root (where package.json is). */
  readonly rootDir: string;
  readonly ports: LocalStackPorts;
  /** Azurite's data folder. */
  readonly azuriteLocation: string;
  /** The Playground's mock Teams context (`.m365agentsplayground.yml`). */
  readonly playgroundConfigPath: string;
  /** The Playground writes its console here (it prints only its port when not on a terminal). */
  readonly playgroundLogFile: string;
  /**
   * The environment every child starts from. `npm start` passes its own
   * environment (so DISTRIBUTOR_NAME etc. apply); tests pass a clean one.
   */
  readonly baseEnv: NodeJS.ProcessEnv;
  /** Extra settings for the server only (e.g. LOG_LEVEL). */
  readonly serverEnv?: Readonly<Record<string, string>>;
  readonly output: OutputSink;
  /** Per component. */
  readonly startTimeoutMs?: number;
}

export interface LocalStackUrls {
  /** The Playground's web UI. */
  readonly playground: string;
  /** The bot server's origin; the tab is served at `/`. */
  readonly server: string;
  readonly messages: string;
  readonly config: string;
  readonly azuriteTables: string;
}

export interface LocalStack {
  readonly urls: LocalStackUrls;
  readonly storageConnectionString: string;
  readonly processes: readonly SupervisedProcess[];
  /** Settles with the first child that exits while the stack runs (a crash, or after `stop`). */
  readonly firstExit: Promise<ProcessExit>;
  /** Stops every child, last started first. Safe to call more than once. */
  stop(): Promise<void>;
}

// Azurite's fixed, publicly documented development account (not a secret).
const AZURITE_ACCOUNT = 'devstoreaccount1';
const AZURITE_ACCOUNT_KEY =
  'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

/**
 * The Playground listens on every interface; the demo server is loopback-only
 * because it accepts anonymous activities, and the Playground would relay
 * them from the network. Imported first into the Playground's process, this
 * makes a `listen(port)` without a host bind to loopback.
 */
const LOOPBACK_LISTEN_IMPORT = `data:text/javascript,${encodeURIComponent(
  [
    "import net from 'node:net';",
    'const listen = net.Server.prototype.listen;',
    'net.Server.prototype.listen = function (...args) {',
    "  if (typeof args[0] === 'number' && (args.length === 1 || typeof args[1] === 'function')) args.splice(1, 0, '127.0.0.1');",
    "  else if (args[0] && typeof args[0] === 'object' && 'port' in args[0] && !args[0].host) args[0] = { ...args[0], host: '127.0.0.1' };",
    '  return listen.apply(this, args);',
    '};',
  ].join('\n'),
)}`;

/** Node prints DEP0111 for restify's use of `process.binding`; it is noise, not a problem of ours. */
const QUIET_RESTIFY_DEPRECATION = '--disable-warning=DEP0111';

export function azuriteConnectionString(port: number): string {
  return (
    `DefaultEndpointsProtocol=http;AccountName=${AZURITE_ACCOUNT};AccountKey=${AZURITE_ACCOUNT_KEY};` +
    `TableEndpoint=http://${LOOPBACK}:${port}/${AZURITE_ACCOUNT};`
  );
}

/** Builds the tab with Vite into dist/tab. */
export async function buildTab(rootDir: string, env: NodeJS.ProcessEnv, output: OutputSink): Promise<void> {
  await runToCompletion(
    { name: 'tab', command: process.execPath, args: [packageBin(rootDir, 'vite', 'vite'), 'build'], cwd: rootDir, env },
    output,
  );
}

export async function startLocalStack(options: LocalStackOptions): Promise<LocalStack> {
  const { rootDir, ports, output } = options;
  const timeoutMs = options.startTimeoutMs ?? 60_000;
  const started: SupervisedProcess[] = [];
  const stopAll = async (): Promise<void> => {
    for (const child of [...started].reverse()) await child.stop();
  };

  const storageConnectionString = azuriteConnectionString(ports.azurite);
  const server = `http://${LOOPBACK}:${ports.server}`;
  const messages = `${server}/api/messages`;
  try {
    const azurite = startProcess(
      {
        name: 'azurite',
        command: process.execPath,
        args: [
          packageBin(rootDir, 'azurite', 'azurite-table'),
          '--tableHost',
          LOOPBACK,
          '--tablePort',
          String(ports.azurite),
          '--location',
          options.azuriteLocation,
          '--skipApiVersionCheck',
          '--disableTelemetry',
          '--silent',
        ],
        cwd: rootDir,
        env: options.baseEnv,
        exitWithParent: true,
      },
      output,
    );
    started.push(azurite);
    // Any HTTP answer (an unsigned request gets 4xx) means the service is up.
    await waitForHttp(`http://${LOOPBACK}:${ports.azurite}/${AZURITE_ACCOUNT}/Tables`, {
      timeoutMs,
      ready: (status) => status > 0,
      abandonWhen: azurite.exited,
      what: 'Azurite',
    }).catch((error: unknown) => failWithOutput(error, azurite));

    const bot = startProcess(
      {
        name: 'server',
        command: process.execPath,
        args: [QUIET_RESTIFY_DEPRECATION, '--import', 'tsx', join(rootDir, 'bot', 'main.ts')],
        cwd: rootDir,
        env: {
          ...options.baseEnv,
          ...options.serverEnv,
          PORT: String(ports.server),
          HOST: LOOPBACK,
          AZURE_STORAGE_CONNECTION_STRING: storageConnectionString,
        },
        exitWithParent: true,
      },
      output,
    );
    started.push(bot);
    await waitForHttp(`${server}/readyz`, { timeoutMs, abandonWhen: bot.exited, what: 'The server' }).catch(
      (error: unknown) => failWithOutput(error, bot),
    );

    const playground = startProcess(
      {
        name: 'playground',
        command: process.execPath,
        args: [
          '--import',
          LOOPBACK_LISTEN_IMPORT,
          packageBin(rootDir, '@microsoft/m365agentsplayground', 'agentsplayground'),
          'start',
          '--disable-telemetry',
          // Its default service URL says `localhost`, which may resolve to ::1 where nothing listens.
          '--service-url',
          `http://${LOOPBACK}:${ports.playground}/_connector`,
        ],
        cwd: rootDir,
        env: {
          ...options.baseEnv,
          BROWSER: 'none',
          TEAMSAPPTESTER_BROWSER: 'none',
          TEAMSAPPTESTER_PORT: String(ports.playground),
          BOT_ENDPOINT: messages,
          M365_AGENTS_PLAYGROUND_CONFIG_PATH: options.playgroundConfigPath,
          M365_AGENTS_PLAYGROUND_LOGFILE: options.playgroundLogFile,
        },
        exitWithParent: true,
      },
      output,
    );
    started.push(playground);
    const listening = await Promise.race([
      playground.waitForLine(/Listening on (\d+)/),
      new Promise<never>((_resolve, reject) =>
        setTimeout(() => reject(new Error(`the Playground did not start within ${timeoutMs / 1000} s`)), timeoutMs).unref(),
      ),
    ]).catch((error: unknown) => failWithOutput(error, playground));
    // It silently moves to a random port when the asked one is taken; the service URL would then be wrong.
    if (Number(listening[1]) !== ports.playground) {
      throw new Error(`the Playground took port ${listening[1]} instead of ${ports.playground} (in use?)`);
    }
    const playgroundUrl = `http://${LOOPBACK}:${ports.playground}`;
    await waitForHttp(`${playgroundUrl}/`, { timeoutMs, abandonWhen: playground.exited, what: 'The Playground' });

    let stopped: Promise<void> | undefined;
    return {
      urls: {
        playground: playgroundUrl,
        server,
        messages,
        config: `${server}/api/config`,
        azuriteTables: `http://${LOOPBACK}:${ports.azurite}/${AZURITE_ACCOUNT}`,
      },
      storageConnectionString,
      processes: started,
      firstExit: Promise.race(started.map((child) => child.exited)),
      stop: () => (stopped ??= stopAll()),
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

function failWithOutput(error: unknown, child: SupervisedProcess): never {
  const reason = error instanceof Error ? error.message : String(error);
  const exit = child.hasExited() ? ' It exited.' : '';
  throw new Error(`${reason}.${exit}\nLast output of ${child.name}:\n${child.recentOutput() || '(none)'}`);
}

/** The file behind a package's `bin` entry, run with `node` (no shell, no .bin shims). */
function packageBin(rootDir: string, packageName: string, binName: string): string {
  const require = createRequire(join(rootDir, 'package.json'));
  const packageJsonPath = require.resolve(`${packageName}/package.json`);
  const { bin } = require(packageJsonPath) as { bin?: string | Record<string, string> };
  const relative = typeof bin === 'string' ? bin : bin?.[binName];
  if (relative === undefined) throw new Error(`${packageName} has no "${binName}" command`);
  return join(dirname(packageJsonPath), relative);
}

export { describeExit };
