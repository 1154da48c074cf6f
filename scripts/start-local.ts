import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildTab, describeExit, startLocalStack } from './lib/local-stack.js';
import type { LocalStack } from './lib/local-stack.js';
import { isPortFree, LOOPBACK } from './lib/network.js';
import { formatPinoLine } from './lib/pino-line.js';

/**
 * `npm start`: builds the tab, then runs Azurite, the bot server (demo mode)
 * and the Microsoft 365 Agents Playground on loopback, and prints where to go.
 * Ctrl+C stops everything; so does any of them dying. Works offline.
 *
 * Ports: PORT (server, 3978), AZURITE_TABLE_PORT (10002), PLAYGROUND_PORT (56150;
 * the Playground's own TEAMSAPPTESTER_PORT is read too).
 */

const rootDir = fileURLToPath(new URL('..', import.meta.url));
const localDir = join(rootDir, '.local');

const COLORS: Readonly<Record<string, string>> = { tab: '35', azurite: '36', server: '32', playground: '33', start: '1' };
const useColor = process.stdout.isTTY === true && process.env['NO_COLOR'] === undefined;

function print(name: string, line: string): void {
  const text = name === 'server' ? formatPinoLine(line) : line;
  const prefix = `[${name}]`.padEnd(13);
  const color = COLORS[name];
  process.stdout.write(`${useColor && color ? `\u001b[${color}m${prefix}\u001b[0m` : prefix}${text}\n`);
}

function say(line: string): void {
  print('start', line);
}

function portSetting(variable: string, fallback: number, alias?: string): number {
  const raw = (process.env[variable] ?? (alias === undefined ? undefined : process.env[alias]))?.trim();
  if (raw === undefined || raw === '') return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65_535) {
    throw new Error(`${variable}: "${raw}" is not a port number (1-65535)`);
  }
  return port;
}

async function main(): Promise<number> {
  const ports = {
    server: portSetting('PORT', 3978),
    azurite: portSetting('AZURITE_TABLE_PORT', 10002),
    playground: portSetting('PLAYGROUND_PORT', 56150, 'TEAMSAPPTESTER_PORT'),
  };
  const variables = { server: 'PORT', azurite: 'AZURITE_TABLE_PORT', playground: 'PLAYGROUND_PORT' } as const;
  for (const [component, port] of Object.entries(ports) as [keyof typeof ports, number][]) {
    if (!(await isPortFree(port, LOOPBACK))) {
      say(`Port ${port} (${component}) is in use: stop what uses it, or set ${variables[component]} to another port.`);
      return 1;
    }
  }
  if (process.env['BOT_ID']) {
    say('BOT_ID is set: the server will demand Bot Framework tokens, which the local Playground does not send. Unset BOT_ID for the demo.');
  }

  say('Building the tab (vite build)…');
  await buildTab(rootDir, process.env, print);

  await mkdir(join(localDir, 'azurite'), { recursive: true });
  say('Starting Azurite, the server and the Agents Playground…');
  let stack: LocalStack;
  try {
    stack = await startLocalStack({
      rootDir,
      ports,
      azuriteLocation: join(localDir, 'azurite'),
      playgroundConfigPath: join(rootDir, '.m365agentsplayground.yml'),
      playgroundLogFile: join(localDir, 'playground', 'm365agentsplayground.log'),
      baseEnv: process.env,
      // The demo tenant keeps every order a developer ever sent (.local/azurite), so the open-orders cap is
      // off unless set; the rate limit keeps its production default.
      serverEnv: { OPEN_ORDERS_PER_TENANT_MAX: process.env['OPEN_ORDERS_PER_TENANT_MAX'] ?? '0' },
      output: print,
    });
  } catch (error) {
    say(error instanceof Error ? error.message : String(error));
    return 1;
  }

  const { urls } = stack;
  for (const line of [
    '',
    'Ready (demo mode, loopback only):',
    `  Agents Playground   ${urls.playground}   chat with the bot as the customer admin`,
    `  Tab                 ${urls.server}/`,
    `  Tab configuration   ${urls.config}`,
    `  Bot endpoint        ${urls.messages}`,
    `  Health              ${urls.server}/healthz   ${urls.server}/readyz`,
    `  Azurite tables      ${urls.azuriteTables}   (data in .local/azurite)`,
    `  Playground log      .local/playground/m365agentsplayground.log`,
    'Press Ctrl+C to stop.',
    '',
  ]) {
    say(line);
  }

  // `on`, not `once`: under npm and tsx a Ctrl+C arrives twice (from the
  // terminal and relayed by tsx), and a signal without a listener would kill
  // us before the children are stopped. Stopping is bounded (SIGKILL after a
  // grace period), so later signals can be ignored.
  const signal = new Promise<NodeJS.Signals>((resolve) => {
    process.on('SIGINT', () => resolve('SIGINT'));
    process.on('SIGTERM', () => resolve('SIGTERM'));
  });
  const outcome = await Promise.race([
    signal.then((name) => ({ kind: 'signal' as const, name })),
    stack.firstExit.then((exit) => ({ kind: 'exit' as const, exit })),
  ]);
  if (outcome.kind === 'exit') {
    say(`${outcome.exit.name} stopped (${describeExit(outcome.exit)}); stopping the others.`);
  } else {
    say(`${outcome.name}: stopping…`);
  }
  await stack.stop();
  say('Stopped.');
  return outcome.kind === 'exit' ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    say(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
