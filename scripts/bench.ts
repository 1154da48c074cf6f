import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as delay } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { chatErrorTexts } from '../src/domain/cards/chat-card-texts.js';
import { startAzurite } from '../tests/support/azurite.js';
import { freePort } from './lib/network.js';
import { runLoad } from './bench/load-generator.js';
import type { LoadResult } from './bench/load-generator.js';
import { startConnectorReceiver, startWebhookReceiver } from './bench/loopback-receivers.js';
import { apiOrderBody, submitOrderInvoke } from './bench/payloads.js';
import { bestWithinP95, formatCpuTable, formatGrowthTable, formatRequestTable, formatTable, mb, P95_GOAL_MS, peak, perSecond, verdict } from './bench/report.js';
import type { PathRun } from './bench/report.js';
import { startServer } from './bench/server-process.js';
import { startStorageRequestCounter } from './bench/storage-request-counter.js';
import type { ServerUnderTest } from './bench/server-process.js';
import { countStored } from './bench/storage-counts.js';
import { cpuPerOrder, cpuSnapshot } from './bench/cpu-time.js';
import { BY_KEY_NODE_OPTIONS, measureGrowth } from './bench/growth.js';

/**
 * `npm run bench`: one run on loopback that prints figures, asserts nothing.
 * The server runs as its own process against a fresh Azurite, delivering to a
 * loopback webhook (DELIVERY_TEAMS=false); the load is `POST /api/orders` and
 * the bot's `adaptiveCard/action` submit, each at several concurrency levels
 * for a few seconds, every order distinct. A bare botbuilder bot
 * (scripts/bench/bare-bot.ts) under the same load on the same Azurite is the
 * ceiling. Knobs: BENCH_SECONDS (per level, default 3), BENCH_CONCURRENCY
 * (default 1,8,32,64), BENCH_SERVER (compile | dist | tsx; default compile:
 * `tsc -p tsconfig.build.json` into .local/bench/server), BENCH_LOG_LEVEL
 * (the server's LOG_LEVEL, default info; output goes to a file),
 * BENCH_GROWTH_ORDERS (the growth step's table size in rows, default
 * 100 000), BENCH_GROWTH_SAMPLES (the most timed requests per path and size,
 * default 20), BENCH_SUSTAINED_SECONDS (default 60) and
 * BENCH_SUSTAINED_RATE (orders/s offered, default 300), BENCH_STEPS
 * (throughput,sustained,requests,growth: which steps run; `requests` counts
 * storage requests per order through a loopback proxy), BENCH_SUSTAINED_IN_FLIGHT_MAX
 * (the sustained server's ORDER_SUBMISSIONS_IN_FLIGHT_MAX; default: unset,
 * the server's own default), BENCH_AZURITE (by-key | stock: the throughput
 * and sustained steps' Azurite, see AZURITE_BY_KEY).
 * The throughput step runs ours with ORDER_SUBMISSIONS_IN_FLIGHT_MAX=0 (no
 * cap): its closed-loop levels then measure every request served, as the
 * minimal handler and the bare ceiling (which have no cap) and earlier runs
 * do. The sustained step runs with the cap, as production does, and counts
 * its "busy" refusals (API 503, the bot's form back) apart from the orders
 * taken and from failures.
 * Beside the bare ceiling runs "the minimal durable handler"
 * (scripts/bench/minimal-durable-handler.ts) under the same load.
 * The growth step (scripts/bench/growth.ts) times the order list, the
 * bot's status and an outbox sweep in a small and a large tenant of one big
 * table, on an Azurite of its own: seeded through Azurite's API by an
 * instance that looks entities up by RowKey first (stock Azurite's write
 * check scans the whole partition, so the large tenant took minutes), then
 * measured on a stock instance restarted on the saved table.
 */

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 3);
const LEVELS = (process.env['BENCH_CONCURRENCY'] ?? '1,8,32,64').split(',').map(Number);
const MAX_REQUESTS_PER_LEVEL = 20_000;
const WARMUP_MS = 1_000;
const DRAIN_TIMEOUT_MS = 60_000;
const RSS_GOAL = 200 * 1024 * 1024;
const READY_GOAL_MS = 2_000;
const THROUGHPUT_GOAL = 300;
const RATIO_GOAL = 0.5;
/**
 * Stock Azurite finds a row for every write and point read by scanning its
 * partition (scripts/bench/azurite-lookup-by-row-key.mjs says where), so
 * every request to a partition costs more as the partition grows: the
 * board's month partition holds every order of the month, and the API's load
 * is one tenant's. Azure finds a row by its keys. By default the throughput
 * and sustained steps run every handler on an Azurite that does too
 * (same answers, tested in tests/scripts/bench); BENCH_AZURITE=stock runs them on stock.
 */
const AZURITE_BY_KEY = (process.env['BENCH_AZURITE'] ?? 'by-key') !== 'stock';
/** Which steps run (BENCH_STEPS, comma-separated; default all). */
const STEPS = new Set((process.env['BENCH_STEPS'] ?? 'throughput,sustained,requests,growth').split(',').map((step) => step.trim()));
/** The growth step's table size in rows (default 100 000; smaller for a quick run). */
const GROWTH_ROWS = Number(process.env['BENCH_GROWTH_ORDERS'] ?? 100_000);
const GROWTH_SAMPLES = Number(process.env['BENCH_GROWTH_SAMPLES'] ?? 20);
const GROWTH_RATIO_GOAL = 1.5;
const MINIMAL_RATIO_GOAL = 0.8;
const SUSTAINED_SECONDS = Number(process.env['BENCH_SUSTAINED_SECONDS'] ?? 60);
const SUSTAINED_RATE = Number(process.env['BENCH_SUSTAINED_RATE'] ?? THROUGHPUT_GOAL);
/** Orders per path in the storage-requests step. */
const REQUESTS_ORDERS = 1_000;
/** The journey gathers a tenant's order writes for 10 s before one refresh. */
const JOURNEY_REFRESH_SETTLE_MS = 11_000;
/** Most requests in flight per path while sustained: enough that a slow answer does not slow the pace. */
const SUSTAINED_CONCURRENCY = 64;
/** The backlog left when the sustained load ends, at most this many seconds of intake. */
const SUSTAINED_BACKLOG_GOAL_S = 1;
/** The sustained server's cap on order writes in flight; unset: the server's default. */
const SUSTAINED_IN_FLIGHT_MAX = process.env['BENCH_SUSTAINED_IN_FLIGHT_MAX'];

const RECEIPT = /CSP-[A-Z0-9]{8}/;
const apiCreated = (status: number): boolean => status === 201;
const botReceipt = (status: number, body: string): boolean => status === 200 && RECEIPT.test(body);
const bareBotAnswered = (status: number, body: string): boolean => status === 200 && body.includes('AdaptiveCard');
const minimalCreated = (status: number): boolean => status === 201;
/** Refused at the server's cap on order writes in flight (ORDER_SUBMISSIONS_IN_FLIGHT_MAX): nothing stored. */
const apiBusy = (status: number, body: string): boolean => status === 503 && body.includes('"busy"');
const botBusy = (status: number, body: string): boolean => status === 200 && (body.includes(chatErrorTexts.busy.ru) || body.includes(chatErrorTexts.busy.en));

interface ServerCommand {
  readonly description: string;
  readonly args: readonly string[];
}

async function main(): Promise<void> {
  printMachine();
  const logDir = await mkdtemp(join(tmpdir(), 'bench-'));
  const azurite = await startAzurite(AZURITE_BY_KEY ? { nodeOptions: BY_KEY_NODE_OPTIONS } : {});
  console.log(
    AZURITE_BY_KEY
      ? 'Azurite (throughput, sustained): point lookups by RowKey first, as Azure finds a row by its keys (scripts/bench/azurite-lookup-by-row-key.mjs; BENCH_AZURITE=stock for stock)'
      : 'Azurite (throughput, sustained): stock (BENCH_AZURITE=stock)',
  );
  const webhook = await startWebhookReceiver();
  const connector = await startConnectorReceiver();
  const servers: ServerUnderTest[] = [];
  try {
    const command = await serverCommand();
    console.log(`Server: ${command.description}; LOG_LEVEL=${process.env['BENCH_LOG_LEVEL'] ?? 'info'} (output in ${logDir})`);
    console.log(`Load: closed loop, keep-alive, ${SECONDS} s per level (≤ ${MAX_REQUESTS_PER_LEVEL} requests), levels ${LEVELS.join(', ')}, ${WARMUP_MS} ms warm-up per path\n`);

    /** Our server on `connectionString`, as production runs it, delivering to the loopback webhook. */
    const startOurs = async (name: string, connectionString: string, extra: Readonly<Record<string, string>> = {}): Promise<ServerUnderTest> => {
      const port = await freePort();
      const server = await startServer({
        args: command.args,
        cwd: ROOT,
        env: {
          PATH: process.env['PATH'] ?? '',
          PORT: String(port),
          HOST: '127.0.0.1',
          AZURE_STORAGE_CONNECTION_STRING: connectionString,
          DELIVERY_TEAMS: 'false',
          DELIVERY_WEBHOOK_URL: `${webhook.url}/hook`,
          LOG_LEVEL: process.env['BENCH_LOG_LEVEL'] ?? 'info',
          // The bench is one noisy tenant (the API's) by design: the per-tenant limits would measure themselves.
          ORDER_RATE_LIMIT_PER_MINUTE: '0',
          OPEN_ORDERS_PER_TENANT_MAX: '0',
          ...extra,
        },
        readyUrl: `http://127.0.0.1:${port}/readyz`,
        logFile: join(logDir, `${name}.log`),
      });
      servers.push(server);
      return server;
    };
    /** A script of scripts/bench in its own process (under tsx) on the bench's Azurite. */
    const startScript = async (name: string, script: string, connectionString = azurite.connectionString): Promise<ServerUnderTest> => {
      const port = await freePort();
      const server = await startServer({
        args: ['--import', 'tsx', join(ROOT, 'scripts', 'bench', script)],
        cwd: ROOT,
        env: { PATH: process.env['PATH'] ?? '', PORT: String(port), AZURE_STORAGE_CONNECTION_STRING: connectionString, DELIVERY_WEBHOOK_URL: `${webhook.url}/hook` },
        readyUrl: `http://127.0.0.1:${port}/readyz`,
        logFile: join(logDir, `${name}.log`),
      });
      servers.push(server);
      return server;
    };
    const baseOf = (server: ServerUnderTest): string => `http://127.0.0.1:${server.port}`;

    /** Waits until the webhook received `total` POSTs in all; how long that took. */
    const drain = async (total: number): Promise<number> => {
      const from = performance.now();
      while (webhook.count() < total && performance.now() - from < DRAIN_TIMEOUT_MS) await delay(100);
      return performance.now() - from;
    };

    if (STEPS.has('throughput')) {
      // --- ours ---
      // No cap on writes in flight: every level measures requests served, comparable with the handlers below and earlier runs.
      const ours = await startOurs('server', azurite.connectionString, { ORDER_SUBMISSIONS_IN_FLIGHT_MAX: '0' });
      await delay(1_000);
      const idleRss = await ours.rss();
      const base = baseOf(ours);

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
      const sentByOurs = webhook.count();
      await ours.stop();

      // --- the ceiling ---
      const bare = await startScript('bare-bot', 'bare-bot.ts');
      const bareBase = baseOf(bare);
      cpuFrom = cpuSnapshot(bare.pid, azurite.pid);
      const bareBot = await measure('bare  bot invoke', `${bareBase}/api/messages`, () => submitOrderInvoke(`${connector.url}/`), bareBotAnswered);
      const bareBotCpu = cpuPerOrder(cpuFrom, cpuSnapshot(bare.pid, azurite.pid), bareBot.accepted);
      cpuFrom = cpuSnapshot(bare.pid, azurite.pid);
      const bareApi = await measure('bare  POST /api/orders', `${bareBase}/api/orders`, apiOrderBody, apiCreated);
      const bareApiCpu = cpuPerOrder(cpuFrom, cpuSnapshot(bare.pid, azurite.pid), bareApi.accepted);
      const barePeakRss = await bare.peakRss();
      await bare.stop();

      // --- the minimal durable handler ---
      const minimal = await startScript('minimal-durable-handler', 'minimal-durable-handler.ts');
      const minimalBase = baseOf(minimal);
      cpuFrom = cpuSnapshot(minimal.pid, azurite.pid);
      const minimalApi = await measure('minimal POST /api/orders', `${minimalBase}/api/orders`, apiOrderBody, minimalCreated);
      await drain(sentByOurs + minimalApi.accepted);
      const minimalApiCpu = cpuPerOrder(cpuFrom, cpuSnapshot(minimal.pid, azurite.pid), minimalApi.accepted);
      cpuFrom = cpuSnapshot(minimal.pid, azurite.pid);
      const minimalBot = await measure('minimal bot submitOrder', `${minimalBase}/api/messages`, () => submitOrderInvoke(`${connector.url}/`), botReceipt);
      await drain(sentByOurs + minimalApi.accepted + minimalBot.accepted);
      const minimalBotCpu = cpuPerOrder(cpuFrom, cpuSnapshot(minimal.pid, azurite.pid), minimalBot.accepted);
      await minimal.stop();

      // --- report ---
      const runs = [oursApi, oursBot, minimalApi, minimalBot, bareBot, bareApi];
      console.log('\n' + formatTable(runs));
      for (const run of runs) {
        for (const level of run.levels) {
          if (level.firstFailure !== undefined) console.log(`  ${run.label} c=${level.concurrency} first failure: ${level.firstFailure}`);
        }
      }

      console.log('\n' + formatCpuTable([
        [oursApi.label, oursApiCpu],
        [oursBot.label, oursBotCpu],
        [minimalApi.label, minimalApiCpu],
        [minimalBot.label, minimalBotCpu],
        [bareBot.label, bareBotCpu],
        [bareApi.label, bareApiCpu],
      ]));

      console.log(`\nDelivery: accepted ${accepted} / stored ${stored.orders} / sent ${sentByOurs} (webhook POSTs received) / delivered ${stored.deliveriesDelivered} (delivery records 'delivered'; ${stored.deliveriesOther} in another state)`);
      console.log(`  outbox caught up ${seconds(apiDrainMs)} after the API load and ${seconds(botDrainMs)} after the bot load (bound ${seconds(DRAIN_TIMEOUT_MS)})`);
      console.log(`  connector stand-in requests from the bot: ${connector.count()}`);

      console.log('\nGoals:');
      for (const run of [oursApi, oursBot]) {
        const best = bestWithinP95(run);
        console.log(
          `  ${run.label}: best with p95 ≤ ${P95_GOAL_MS} ms: ${perSecond(best)} — goal ≥ ${THROUGHPUT_GOAL} orders/s: ${verdict((best?.throughput ?? 0) >= THROUGHPUT_GOAL)}`,
        );
      }
      const ratio = (mine: PathRun, other: PathRun, goal: number): string => {
        const a = peak(mine)?.throughput ?? 0;
        const b = peak(other)?.throughput ?? Number.NaN;
        return `${a.toFixed(0)} / ${b.toFixed(0)} = ${((a / b) * 100).toFixed(0)}% — goal ≥ ${goal * 100}%: ${verdict(a / b >= goal)}`;
      };
      console.log(`  peak throughput, ours API / minimal durable handler API: ${ratio(oursApi, minimalApi, MINIMAL_RATIO_GOAL)}`);
      console.log(`  peak throughput, ours bot / minimal durable handler bot: ${ratio(oursBot, minimalBot, MINIMAL_RATIO_GOAL)}`);
      console.log(`  peak throughput, ours bot / bare bot:       ${ratio(oursBot, bareBot, RATIO_GOAL)}`);
      console.log(`  peak throughput, ours API / bare bot:       ${ratio(oursApi, bareBot, RATIO_GOAL)}`);
      console.log(`  peak throughput, ours API / bare API route: ${ratio(oursApi, bareApi, RATIO_GOAL)}`);
      console.log(`  server RSS: idle ${mb(idleRss)}, peak ${mb(peakRss)} (VmHWM) — goal < ${mb(RSS_GOAL)}: ${verdict(peakRss < RSS_GOAL)}   (bare bot peak ${mb(barePeakRss)})`);
      console.log(`  process start to /readyz 200: ${Math.round(ours.readyMs)} ms — goal < ${READY_GOAL_MS} ms: ${verdict(ours.readyMs < READY_GOAL_MS)}   (bare bot ${Math.round(bare.readyMs)} ms, under tsx)`);
    }

    // --- sustained: intake and delivery together ---
    if (STEPS.has('sustained')) {
      const sustainedServer = await startOurs(
        'sustained',
        azurite.connectionString,
        SUSTAINED_IN_FLIGHT_MAX === undefined ? {} : { ORDER_SUBMISSIONS_IN_FLIGHT_MAX: SUSTAINED_IN_FLIGHT_MAX },
      );
      const sustainedBase = baseOf(sustainedServer);
      const paths = [
        { label: 'POST /api/orders', url: `${sustainedBase}/api/orders`, body: apiOrderBody, succeeded: apiCreated, refused: apiBusy },
        { label: 'bot submitOrder', url: `${sustainedBase}/api/messages`, body: () => submitOrderInvoke(`${connector.url}/`), succeeded: botReceipt, refused: botBusy },
      ] as const;
      // A fresh process: warm both paths up and let their orders go out first.
      const beforeWarmUp = webhook.count();
      const warmUps = await Promise.all(paths.map((path) => runLoad({ ...path, concurrency: 4, durationMs: WARMUP_MS, maxRequests: MAX_REQUESTS_PER_LEVEL })));
      await drain(beforeWarmUp + warmUps.reduce((sum, run) => sum + run.taken, 0));
      const sentBefore = webhook.count();
      const cap = SUSTAINED_IN_FLIGHT_MAX === undefined ? "the server's default" : SUSTAINED_IN_FLIGHT_MAX;
      console.log(
        `\nSustained: ${SUSTAINED_RATE} orders/s offered for ${SUSTAINED_SECONDS} s (BENCH_SUSTAINED_RATE, BENCH_SUSTAINED_SECONDS), half API, half bot, at most ${SUSTAINED_CONCURRENCY} in flight per path; ORDER_SUBMISSIONS_IN_FLIGHT_MAX ${cap} (BENCH_SUSTAINED_IN_FLIGHT_MAX) …`,
      );
      const loads = await Promise.all(
        paths.map((path) =>
          runLoad({ ...path, concurrency: SUSTAINED_CONCURRENCY, durationMs: SUSTAINED_SECONDS * 1_000, maxRequests: Number.MAX_SAFE_INTEGER, ratePerSecond: SUSTAINED_RATE / paths.length }),
        ),
      );
      const sentDuring = webhook.count() - sentBefore;
      const acceptedDuring = loads.reduce((sum, run) => sum + run.taken, 0);
      const catchUpMs = await drain(sentBefore + acceptedDuring);
      await sustainedServer.stop();
      printSustained(
        paths.map((path, i) => [path.label, loads[i]] as const),
        { windowMs: Math.max(...loads.map((run) => run.elapsedMs)), accepted: acceptedDuring, sent: sentDuring, catchUpMs },
      );
    }

    // --- growth ---
    // --- storage requests per order ---
    if (STEPS.has('requests')) {
      const counter = await startStorageRequestCounter(azurite.connectionString);
      const columns: { readonly label: string; readonly counts: ReadonlyMap<string, number>; readonly orders: number }[] = [];
      /** `REQUESTS_ORDERS` orders at c=32 through `url`, counted until delivered and `settleMs` later. */
      const countPath = async (label: string, url: string, body: () => string, succeeded: (status: number, text: string) => boolean, settleMs: number): Promise<void> => {
        const before = webhook.count();
        counter.reset();
        const load = await runLoad({ url, concurrency: 32, durationMs: 60_000, maxRequests: REQUESTS_ORDERS, body, succeeded });
        await drain(before + load.taken);
        await delay(settleMs);
        columns.push({ label, counts: new Map(counter.counts()), orders: load.taken });
      };
      const counted = await startOurs('requests', counter.connectionString, { ORDER_SUBMISSIONS_IN_FLIGHT_MAX: '0' });
      // Past the journey's 10 s gathering delay, so the refreshes the orders caused are counted too.
      await countPath('ours API', `${baseOf(counted)}/api/orders`, apiOrderBody, apiCreated, JOURNEY_REFRESH_SETTLE_MS);
      await countPath('ours bot', `${baseOf(counted)}/api/messages`, () => submitOrderInvoke(`${connector.url}/`), botReceipt, JOURNEY_REFRESH_SETTLE_MS);
      await counted.stop();
      const minimal = await startScript('requests-minimal', 'minimal-durable-handler.ts', counter.connectionString);
      await countPath('minimal API', `${baseOf(minimal)}/api/orders`, apiOrderBody, minimalCreated, 500);
      await countPath('minimal bot', `${baseOf(minimal)}/api/messages`, () => submitOrderInvoke(`${connector.url}/`), botReceipt, 500);
      await minimal.stop();
      await counter.close();
      console.log(`\nStorage requests per order, ${REQUESTS_ORDERS} orders per path at c=32, counted until delivered (ours: and 11 s more, for the journey refresh they cause; the bot's from 200 tenants, first contacts included):`);
      console.log(formatRequestTable(columns));
    }

    if (STEPS.has('growth')) {
      // The growth step has an Azurite of its own: this one's saving and sweeping would only compete with it.
      await azurite.stop();
      await printGrowth(startOurs, connector.url);
    }
  } finally {
    for (const server of servers) await server.stop();
    await connector.close();
    await webhook.close();
    await azurite.stop();
    await rm(logDir, { recursive: true, force: true });
  }
}

function printSustained(
  runs: readonly (readonly [string, LoadResult | undefined])[],
  totals: { readonly windowMs: number; readonly accepted: number; readonly sent: number; readonly catchUpMs: number },
): void {
  let p95 = 0;
  let refused = 0;
  for (const [label, run] of runs) {
    if (run === undefined) continue;
    p95 = Math.max(p95, run.p95);
    refused += run.refused;
    console.log(
      `  ${label}: taken ${run.throughput.toFixed(0)} orders/s (${run.taken}), p50 ${run.p50.toFixed(1)} ms, p95 ${run.p95.toFixed(1)} ms of the taken ones; ` +
        `refused (busy) ${run.refused}; ${run.failures} failed${run.firstFailure === undefined ? '' : ` (first: ${run.firstFailure})`}`,
    );
  }
  // From the first request to the last answer: a server that falls behind stretches the window.
  const intake = (totals.accepted * 1_000) / totals.windowMs;
  const backlog = totals.accepted - totals.sent;
  const backlogSeconds = backlog / intake;
  console.log(
    `  intake ${intake.toFixed(0)} orders/s taken over ${seconds(totals.windowMs)}, ${refused} refused (busy); delivered meanwhile ${((totals.sent * 1_000) / totals.windowMs).toFixed(0)} orders/s; ` +
      `backlog at the end ${backlog} orders = ${backlogSeconds.toFixed(2)} s of intake (all out ${seconds(totals.catchUpMs)} later)`,
  );
  const met = intake >= THROUGHPUT_GOAL && p95 <= P95_GOAL_MS && backlogSeconds < SUSTAINED_BACKLOG_GOAL_S;
  console.log(`  goal ≥ ${THROUGHPUT_GOAL} orders/s with p95 ≤ ${P95_GOAL_MS} ms and a backlog under ${SUSTAINED_BACKLOG_GOAL_S} s of intake: ${verdict(met)}`);
}

/** GET /api/orders, the bot's status and one outbox sweep in a tenant of 100 and of 20 000 orders (at most a fifth of the table), in a table of GROWTH_ROWS rows, on an Azurite of its own (scripts/bench/growth.ts). */
async function printGrowth(
  startOurs: (name: string, connectionString: string, extra?: Readonly<Record<string, string>>) => Promise<ServerUnderTest>,
  connectorUrl: string,
): Promise<void> {
  const largeOrders = Math.min(20_000, Math.floor(GROWTH_ROWS / 5));
  const smallOrders = Math.min(100, largeOrders);
  console.log(`\nGrowth: a tenant of ${smallOrders} and one of ${largeOrders} orders in a table of ${GROWTH_ROWS} rows (BENCH_GROWTH_ORDERS), ${GROWTH_SAMPLES} requests per path and size, one after the other …`);
  let servers = 0;
  const started = performance.now();
  const result = await measureGrowth({
    totalRows: GROWTH_ROWS,
    smallOrders,
    largeOrders,
    samples: GROWTH_SAMPLES,
    connectorUrl: `${connectorUrl}/`,
    startServer: async (tenantId, connectionString) => {
      const server = await startOurs(`growth-${++servers}`, connectionString, { DISTRIBUTOR_TENANT_ID: tenantId });
      return { url: `http://127.0.0.1:${server.port}`, stop: () => server.stop() };
    },
  });
  console.log(
    `  seeded ${result.rowsWritten} rows in ${seconds(result.seedMs)} (transactions of 100 through Azurite, looking entities up by key), ` +
      `${seconds(result.restartMs)} to save them and start a stock Azurite on them; the step took ${seconds(performance.now() - started)}`,
  );
  console.log('\n' + formatGrowthTable(result.rows, GROWTH_RATIO_GOAL));
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
    console.log(`  ${label} c=${concurrency}: ${result.throughput.toFixed(0)} orders/s, p95 ${result.p95.toFixed(1)} ms, ${result.refused} refused (busy), ${result.failures} failed`);
    levels.push(result);
  }
  // Every successful request made an order, the warm-up's included.
  const accepted = [warmUp, ...levels].reduce((sum, result) => sum + result.taken, 0);
  return { label, levels, accepted };
}

/**
 * How the server runs. `compile` builds the server fresh (the tree's `dist/`
 * may be stale while others edit) into .local/bench/server, where
 * `projectRoot()` still finds the package.json; production runs compiled too.
 */
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
