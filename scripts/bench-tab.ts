import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { startAzurite } from '../tests/support/azurite.js';
import { launchChromium } from '../tests/support/playground.js';
import { demoEnv, startApp } from '../tests/support/running-app.js';

/**
 * `npm run bench:tab`: builds the tab and prints
 * - the initial JavaScript, gzipped: the scripts `index.html` loads (its
 *   module entry and the chunks it preloads), each compressed with gzip;
 *   the same for the distributor's board (`board/index.html`), built apart
 *   so that the customer's figure does not include any of it;
 * - the time from navigation to the prefilled order form in headless
 *   Chromium against the demo server on loopback: a fresh browser context
 *   (empty cache) per run, the "Order" step clicked as soon as the wizard
 *   shows, stopped when the organization name from the tenant is in its field.
 * Figures only; nothing is asserted.
 */

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RUNS = Number(process.env['BENCH_RUNS'] ?? 7);
const PREFILLED_NAME = 'ООО «Ромашка»';

async function main(): Promise<void> {
  const outDir = await mkdtemp(join(tmpdir(), 'tab-bench-'));
  try {
    await build({
      configFile: join(ROOT, 'vite.config.ts'),
      root: join(ROOT, 'src', 'tab'),
      logLevel: 'silent',
      build: { outDir, emptyOutDir: true },
    });
    await printBundleSizes(outDir, 'index.html', "the customer's tab");
    await printBundleSizes(outDir, join('board', 'index.html'), "the distributor's board");
    await printTimeToOrderForm(outDir);
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
}

async function printBundleSizes(outDir: string, page: string, name: string): Promise<void> {
  const html = await readFile(join(outDir, page), 'utf8');
  const initial = [...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"|<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)]
    .map((match) => match[1] ?? match[2])
    .filter((path): path is string => path !== undefined);
  const sizes = await Promise.all(
    initial.map(async (path) => {
      const bytes = await readFile(join(outDir, path));
      return { path, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
    }),
  );
  const total = sizes.reduce((sum, size) => sum + size.gzip, 0);
  console.log(`Initial JavaScript of ${name} (loaded by ${page}):`);
  for (const size of sizes) console.log(`  ${size.path}  ${kb(size.raw)} raw, ${kb(size.gzip)} gzip`);
  console.log(`  total: ${kb(total)} gzip (budget 250 KB)`);
}

async function printTimeToOrderForm(outDir: string): Promise<void> {
  const azurite = await startAzurite();
  const app = await startApp(demoEnv(azurite.connectionString), { tabDirectory: outDir });
  const browser = await launchChromium();
  try {
    const times: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      await page.goto(`${app.url}/?locale=ru`, { waitUntil: 'commit' });
      await page.getByRole('tab', { name: /^\d Заявка$/ }).click();
      // performance.now() counts from the navigation's start.
      const prefilledAt = await page.waitForFunction(
        (name) => {
          const field = document.querySelector<HTMLInputElement>('#order-organization-name');
          return field?.value === name ? performance.now() : false;
        },
        PREFILLED_NAME,
        { polling: 'raf', timeout: 30_000 },
      );
      times.push(Number(await prefilledAt.jsonValue()));
      await context.close();
    }
    const sorted = [...times].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
    console.log(`Navigation to the prefilled order form (headless Chromium, loopback, cold cache, ${RUNS} runs):`);
    console.log(`  median ${ms(median)}, min ${ms(sorted[0] ?? Number.NaN)}, max ${ms(sorted.at(-1) ?? Number.NaN)}`);
    console.log(`  runs: ${times.map(ms).join(', ')}`);
  } finally {
    await browser.close();
    await app.close();
    await azurite.stop();
  }
}

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;
const ms = (value: number): string => `${Math.round(value)} ms`;

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
