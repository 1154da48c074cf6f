import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as delay } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { startAzurite } from '../tests/support/azurite.js';
import { freePort } from './lib/network.js';
import { runLoad } from './bench/load-generator.js';
import type { LoadResult } from './bench/load-generator.js';
import { startConnectorReceiver, startWebhookReceiver } from './bench/loopback-receivers.js';
import { apiOrderBody, submitOrderInvoke } from './bench/payloads.js';
import { bestWithinP95, formatCpuTable, formatTable, mb, P95_GOAL_MS, peak, perSecond, verdict } from './bench/report.js';
import type { PathRun } from './bench/report.js';
import { startServer } from './bench/server-process.js';
import type { ServerUnderTest } from './bench/server-process.js';
import { countStored } from './bench/storage-counts.js';
import { cpuPerOrder, cpuSnapshot } from './bench/cpu-time.js';
import { measureSweepGrowth } from './bench/growth.js';

/**
 * `npm run bench`: one run on loopback that prints figures, asserts nothing.
 * The server runs as its own process against a fresh Azurite, delivering to a
 * loopback webhook (DELIVERY_TEAMS=false); the load is `POST /api/orders` and
 * the bot's `adaptiveCard/action` submit, each at several concurrency levels
 * for a few seconds, every order distinct. A bare botbuilder bot
 * (scripts/bench/bare-bot.ts) under the same load on the same Azurite is the
 * ceiling. Knobs: BENCH_SECONDS (per level, default 4), BENCH_CONCURRENCY
 * (default 1,8,32,64), BENCH_SERVER (compile | dist | tsx; default compile:
 * `tsc -p tsconfig.build.json` into .local/bench/server), BENCH_LOG_LEVEL
 * (the server's LOG_LEVEL, default info; output goes to a file),
 * BENCH_GROWTH_ORDERS (the growth step's table size, default 100 000).
 */

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 4);
const LEVELS = (process.env['BENCH_CONCURRENCY'] ?? '1,8,32,64').split(',').map(Number);
const MAX_REQUESTS_PER_LEVEL = 20_000;
const WARMUP_MS = 1_000;
const DRAIN_TIMEOUT_MS = 60_000;
const RSS_GOAL = 200 * 1024 * 1024;
const READY_GOAL_MS = 2_000;
const THROUGHPUT_GOAL = 300;
const RATIO_GOAL = 0.5;
/** The growth step's table size (default 100 000 orders; smaller for a quick run). */
const GROWTH_ORDERS = Number(process.env['BENCH_GROWTH_ORDERS'] ?? 100_000);
const GROWTH_RATIO_GOAL = 1.5;

const RECEIPT = /CSP-[A-Z0-9]{8}/;
const apiCreated = (status: number): boolean => status === 201;
const botReceipt = (status: number, body: string): boolean => status === 200 && RECEIPT.test(body);
const bareBotAnswered = (status: number, body: string): boolean => status === 200 && body.includes('AdaptiveCard');

interface ServerCommand {
  readonly description: string;
  readonly args: readonly string[];
}

async function main(): Promise<void> {
  printMachine();
  const logDir = await mkdtemp(join(tmpdir(), 'bench-'));
  const azurite = await startAzurite();
  const webhook = await startWebhookReceiver();
  const connector = await startConnectorReceiver();
  const servers: ServerUnderTest[] = [];
  try {
    const command = await serverCommand();
    console.log(`Server: ${command.description}; LOG_LEVEL=${process.env['BENCH_LOG_LEVEL'] ?? 'info'} (output in ${logDir})`);
    console.log(`Load: closed loop, keep-alive, ${SECONDS} s per level (≤ ${MAX_REQUESTS_PER_LEVEL} requests), levels ${LEVELS.join(', ')}, ${WARMUP_MS} ms warm-up per path\n`);

    // --- ours ---
    const port = await freePort();
    const ours = await startServer({
      args: command.args,
      cwd: ROOT,
      env: {
        PATH: process.env['PATH'] ?? '',
        PORT: String(port),
        HOST: '127.0.0.1',
        AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString,
        DELIVERY_TEAMS: 'false',
        DELIVERY_WEBHOOK_URL: `${webhook.url}/hook`,
        LOG_LEVEL: process.env['BENCH_LOG_LEVEL'] ?? 'info',
        // The bench is one noisy tenant (the API's) by design: the per-tenant limits would measure themselves.
        ORDER_RATE_LIMIT_PER_MINUTE: '0',
        OPEN_ORDERS_PER_TENANT_MAX: '0',
      },
      readyUrl: `http://127.0.0.1:${port}/readyz`,
      logFile: join(logDir, 'server.log'),
    });
    servers.push(ours);
    await delay(1_000);
    const idleRss = await ours.rss();
    const base = `http://127.0.0.1:${port}`;

    /** Waits until the webhook received `accepted` orders in all; how long that took. */
    const drain = async (accepted: number): Promise<number> => {
      const from = performance.now();
      while (webhook.count() < accepted && performance.now() - from < DRAIN_TIMEOUT_MS) await delay(100);
      return performance.now() - from;
    };

    // CPU from the first request of a path until its last order was delivered.
    let cpuFrom = cpuSnapshot(ours.pid, azurite.pid);
    const oursApi = await measure('ours  POST /api/orders', `${base}/api/orders`, apiOrderBody, apiCreated);
    const apiDrainMs = await drain(oursApi.accepted);
    const oursApiCpu = cpuPerOrder(cpuFrom, cpuSnapshot(ours.pid, azurite.pid), oursApi.accepted);
    cpuFrom = cpuSnapshot(ours.pid, azurite.pid);
    const oursBot = await measure('ours  bot submitOrder', `${base}/api/messages`, () => submitOrderInvoke(`${connector.url}/`), botReceipt);
    const accepted = oursApi.accepted + oursBot.accepted;
    const botDrainMs = await drain(accepted);
    const oursBotCpu = cpuPerOrder(cpuFrom, cpuSnapshot(ours.pid, azurite.pid), oursBot.accepted);
    const peakRss = await ours.peakRss();
    await delay(500);
    const stored = await countStored(azurite.connectionString);
    await ours.stop();

    // --- the ceiling ---
    const barePort = await freePort();
    const bare = await startServer({
      args: ['--import', 'tsx', join(ROOT, 'scripts', 'bench', 'bare-bot.ts')],
      cwd: ROOT,
      env: { PATH: process.env['PATH'] ?? '', PORT: String(barePort), AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString },
      readyUrl: `http://127.0.0.1:${barePort}/readyz`,
      logFile: join(logDir, 'bare-bot.log'),
    });
    servers.push(bare);
    const bareBase = `http://127.0.0.1:${barePort}`;
    cpuFrom = cpuSnapshot(bare.pid, azurite.pid);
    const bareBot = await measure('bare  bot invoke', `${bareBase}/api/messages`, () => submitOrderInvoke(`${connector.url}/`), bareBotAnswered);
    const bareBotCpu = cpuPerOrder(cpuFrom, cpuSnapshot(bare.pid, azurite.pid), bareBot.accepted);
    cpuFrom = cpuSnapshot(bare.pid, azurite.pid);
    const bareApi = await measure('bare  POST /api/orders', `${bareBase}/api/orders`, apiOrderBody, apiCreated);
    const bareApiCpu = cpuPerOrder(cpuFrom, cpuSnapshot(bare.pid, azurite.pid), bareApi.accepted);
    const barePeakRss = await bare.peakRss();
    await bare.stop();

    // --- report ---
    console.log('\n' + formatTable([oursApi, oursBot, bareBot, bareApi]));
    for (const run of [oursApi, oursBot, bareBot, bareApi]) {
      for (const level of run.levels) {
        if (level.firstFailure !== undefined) console.log(`  ${run.label} c=${level.concurrency} first failure: ${level.firstFailure}`);
      }
    }

    console.log('\n' + formatCpuTable([
      [oursApi.label, oursApiCpu],
      [oursBot.label, oursBotCpu],
      [bareBot.label, bareBotCpu],
      [bareApi.label, bareApiCpu],
    ]));

    console.log(`\nDelivery: accepted ${accepted} / stored ${stored.orders} / sent ${webhook.count()} (webhook POSTs received) / delivered ${stored.deliveriesDelivered} (delivery records 'delivered'; ${stored.deliveriesOther} in another state)`);
    console.log(`  outbox caught up ${seconds(apiDrainMs)} after the API load and ${seconds(botDrainMs)} after the bot load (bound ${seconds(DRAIN_TIMEOUT_MS)})`);
    console.log(`  connector stand-in requests from the bot: ${connector.count()}`);

    console.log('\nGoals:');
    for (const run of [oursApi, oursBot]) {
      const best = bestWithinP95(run);
      console.log(
        `  ${run.label}: best with p95 ≤ ${P95_GOAL_MS} ms: ${perSecond(best)} — goal ≥ ${THROUGHPUT_GOAL} orders/s: ${verdict((best?.throughput ?? 0) >= THROUGHPUT_GOAL)}`,
      );
    }
    const ratio = (mine: PathRun, ceiling: PathRun): string => {
      const a = peak(mine)?.throughput ?? 0;
      const b = peak(ceiling)?.throughput ?? Number.NaN;
      return `${a.toFixed(0)} / ${b.toFixed(0)} = ${((a / b) * 100).toFixed(0)}% — goal ≥ ${RATIO_GOAL * 100}%: ${verdict(a / b >= RATIO_GOAL)}`;
    };
    console.log(`  peak throughput, ours bot / bare bot:      ${ratio(oursBot, bareBot)}`);
    console.log(`  peak throughput, ours API / bare bot:      ${ratio(oursApi, bareBot)}`);
    console.log(`  peak throughput, ours API / bare API route: ${ratio(oursApi, bareApi)}`);
    console.log(`  server RSS: idle ${mb(idleRss)}, peak ${mb(peakRss)} (VmHWM) — goal < ${mb(RSS_GOAL)}: ${verdict(peakRss < RSS_GOAL)}   (bare bot peak ${mb(barePeakRss)})`);
    console.log(`  process start to /readyz 200: ${Math.round(ours.readyMs)} ms — goal < ${READY_GOAL_MS} ms: ${verdict(ours.readyMs < READY_GOAL_MS)}   (bare bot ${Math.round(bare.readyMs)} ms, under tsx)`);
    await printSweepGrowth(azurite.connectionString);
  } finally {
    for (const server of servers) await server.stop();
    await connector.close();
    await webhook.close();
    await azurite.stop();
    await rm(logDir, { recursive: true, force: true });
  }
}

/** Warm-up, then every concurrency level, one after the other. */
async function measure(
  label: string,
  url: string,
  body: () => string,
  succeeded: (status: number, body: string) => boolean,
): Promise<PathRun & { readonly accepted: number }> {
  const warmUp = await runLoad({ url, concurrency: 8, durationMs: WARMUP_MS, maxRequests: MAX_REQUESTS_PER_LEVEL, body, succeeded });
  const levels: LoadResult[] = [];
  for (const concurrency of LEVELS) {
    const result = await runLoad({ url, concurrency, durationMs: SECONDS * 1_000, maxRequests: MAX_REQUESTS_PER_LEVEL, body, succeeded });
    console.log(`  ${label} c=${concurrency}: ${result.throughput.toFixed(0)} orders/s, p95 ${result.p95.toFixed(1)} ms, ${result.failures} failed`);
    levels.push(result);
  }
  // Every successful request made an order, the warm-up's included.
  const accepted = [warmUp, ...levels].reduce((sum, result) => sum + result.requests - result.failures, 0);
  return { label, levels, accepted };
}

/**
 * How the server runs. `compile` builds the server fresh (the tree's `dist/`
 * may be stale while others edit) into .local/bench/server, where
 * `projectRoot()` still finds the package.json; production runs compiled too.
 */
/** One outbox sweep in a tenant of 100 and of 20 000 orders (at most a fifth of the table), in a table of GROWTH_ORDERS. */
async function printSweepGrowth(connectionString: string): Promise<void> {
  const largeOrders = Math.min(20_000, Math.floor(GROWTH_ORDERS / 5));
  const smallOrders = Math.min(100, largeOrders);
  console.log(`\nGrowth: seeding ${GROWTH_ORDERS} orders' delivery records (BENCH_GROWTH_ORDERS) …`);
  const [small, large] = await measureSweepGrowth(connectionString, { totalOrders: GROWTH_ORDERS, smallOrders, largeOrders, sweeps: 30 });
  if (!small || !large) return;
  for (const timing of [small, large]) {
    console.log(
      `  outbox sweep, tenant of ${timing.tenantOrders}: p50 ${timing.p50.toFixed(1)} ms, p95 ${timing.p95.toFixed(1)} ms` +
        `   (the old full-table filter: ${timing.scanMs.toFixed(0)} ms)`,
    );
  }
  const growth = large.p95 / small.p95;
  console.log(`  outbox sweep p95, large / small: ${growth.toFixed(2)} — goal ≤ ${GROWTH_RATIO_GOAL}: ${verdict(growth <= GROWTH_RATIO_GOAL)}`);
}

async function serverCommand(): Promise<ServerCommand> {
  const mode = process.env['BENCH_SERVER'] ?? 'compile';
  // Production's own Node flags (the heap limits are part of the memory figure).
  const flags = productionNodeFlags();
  const shown = flags.join(' ');
  const tsx: ServerCommand = {
    description: `node ${shown} --import tsx bot/main.ts (from source)`,
    args: [...flags, '--import', 'tsx', join(ROOT, 'bot', 'main.ts')],
  };
  if (mode === 'tsx') return tsx;
  if (mode === 'dist') {
    const main = join(ROOT, 'dist', 'server', 'bot', 'main.js');
    if (!existsSync(main)) throw new Error('BENCH_SERVER=dist but dist/server/bot/main.js is missing: npm run build:server');
    return { description: `node ${shown} dist/server/bot/main.js (compiled ${statSync(main).mtime.toISOString()})`, args: [...flags, main] };
  }
  const outDir = join(ROOT, '.local', 'bench', 'server');
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  const started = performance.now();
  const tsc = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json', '--outDir', outDir, '--sourceMap', 'false'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  const main = join(outDir, 'bot', 'main.js');
  if (!existsSync(main)) {
    console.log(`Compiling the server failed (falling back to tsx):\n${tsc.stdout}${tsc.stderr}`);
    return tsx;
  }
  const typeErrors = tsc.status === 0 ? '' : ', tsc reported type errors but emitted';
  return {
    description: `node ${shown} .local/bench/server/bot/main.js (compiled now by tsc in ${seconds(performance.now() - started)}${typeErrors})`,
    args: [...flags, main],
  };
}

/** The `--…` options of `npm run start:prod`, which App Service runs too. */
function productionNodeFlags(): string[] {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts?: Record<string, string> };
  const command = manifest.scripts?.['start:prod'];
  if (!command) throw new Error('package.json has no start:prod script');
  return command.split(/\s+/).filter((word) => word.startsWith('--'));
}

function printMachine(): void {
  const cpuInfo = readFileSync('/proc/cpuinfo', 'utf8');
  const model = /^model name\s*:\s*(.+)$/m.exec(cpuInfo)?.[1] ?? cpus()[0]?.model ?? 'unknown';
  console.log(`Machine: ${cpus().length} cores, ${model}, Node ${process.version}, ${process.platform} ${process.arch}`);
  console.log('Everything on this machine over loopback: load generator, server, Azurite, webhook and connector stand-ins.');
  // Other work on the machine skews every figure; the load average says whether there was any.
  console.log(`Load average before the run: ${loadavg().map((value) => value.toFixed(2)).join(' ')}`);
}

const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
