import { availableParallelism } from 'node:os';
import type { CpuPerOrder } from './cpu-time.js';
import type { GrowthRow } from './growth.js';
import type { LoadResult } from './load-generator.js';

/** Formatting of the benchmark's figures: one compact table, goals beside them. */

export interface PathRun {
  /** e.g. `ours  POST /api/orders` */
  readonly label: string;
  readonly levels: readonly LoadResult[];
}

export const P95_GOAL_MS = 100;

export function formatTable(runs: readonly PathRun[]): string {
  const header = ['path', 'conc', 'requests', 'refused (busy)', 'failed', 'orders/s', 'p50 ms', 'p95 ms', 'p99 ms'];
  const rows: string[][] = runs.flatMap((run) =>
    run.levels.map((level) => [
      run.label,
      String(level.concurrency),
      String(level.requests),
      String(level.refused),
      String(level.failures),
      level.throughput.toFixed(0),
      level.p50.toFixed(1),
      level.p95.toFixed(1),
      level.p99.toFixed(1),
    ]),
  );
  return alignedTable(header, rows);
}

/**
 * Where an order's CPU goes, from its first request until it was delivered
 * (warm-up included). With every process on the same cores, the cores divided
 * by the total is the most that path can do on this machine.
 */
export function formatCpuTable(runs: readonly (readonly [string, CpuPerOrder])[]): string {
  const header = ['CPU ms per order', 'server', 'Azurite', 'bench+stand-ins', 'total', 'cores ÷ total'];
  const cores = availableParallelism();
  const rows = runs.map(([label, cpu]) => [
    label,
    cpu.server.toFixed(2),
    cpu.azurite.toFixed(2),
    cpu.bench.toFixed(2),
    cpu.total.toFixed(2),
    `${((cores * 1_000) / cpu.total).toFixed(0)}/s`,
  ]);
  return alignedTable(header, rows);
}

/** Storage requests per order by kind (rows), one column per path, and the total. */
export function formatRequestTable(columns: readonly { readonly label: string; readonly counts: ReadonlyMap<string, number>; readonly orders: number }[]): string {
  const kinds = [...new Set(columns.flatMap((column) => [...column.counts.keys()]))].sort();
  const perOrder = (column: (typeof columns)[number], count: number): string => (column.orders > 0 ? (count / column.orders).toFixed(2) : '—');
  const rows = kinds.map((kind) => [kind, ...columns.map((column) => perOrder(column, column.counts.get(kind) ?? 0))]);
  const totals = ['total', ...columns.map((column) => perOrder(column, [...column.counts.values()].reduce((sum, count) => sum + count, 0)))];
  return alignedTable(['requests per order', ...columns.map((column) => column.label)], [...rows, totals]);
}

/** Each growth path at both sizes and the ratio large / small of p50 and p95; the goal applies to ours only. */
export function formatGrowthTable(rows: readonly GrowthRow[], goal: number): string {
  const header = ['growth: path', 'small p50', 'small p95', 'large p50', 'large p95', 'large/small p50', 'p95', `goal ≤ ${goal}`, 'n'];
  const body = rows.map((row) => {
    const p50 = row.large.p50 / row.small.p50;
    const p95 = row.large.p95 / row.small.p95;
    return [
      row.kind === 'ours' ? row.path : `  ${row.kind === 'bare' ? 'bare' : 'by key'}: ${row.path}`,
      row.small.p50.toFixed(1),
      row.small.p95.toFixed(1),
      row.large.p50.toFixed(1),
      row.large.p95.toFixed(1),
      p50.toFixed(2),
      p95.toFixed(2),
      row.kind === 'ours' ? verdict(p95 <= goal) : '—',
      row.small.samples === row.large.samples ? String(row.small.samples) : `${row.small.samples}/${row.large.samples}`,
    ];
  });
  return `${alignedTable(header, body)}
(ms; n: timed requests per size. "bare": single storage requests of the same shape, timed straight against Azurite.
"by key": the same on the Azurite that seeded the table, which looks an entity up by RowKey first, as Azure
serves a point read from its key index; stock Azurite scans the entity's whole partition for it.)`;
}

function alignedTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0))).join('  ');
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n');
}

/** The best throughput among levels whose p95 is within the goal; undefined when none is. */
export function bestWithinP95(run: PathRun): LoadResult | undefined {
  return run.levels
    .filter((level) => level.p95 <= P95_GOAL_MS && level.failures === 0 && level.refused === 0)
    .reduce<LoadResult | undefined>((best, level) => (best === undefined || level.throughput > best.throughput ? level : best), undefined);
}

/** The highest throughput at any level. */
export function peak(run: PathRun): LoadResult | undefined {
  return run.levels.reduce<LoadResult | undefined>((best, level) => (best === undefined || level.throughput > best.throughput ? level : best), undefined);
}

export const verdict = (met: boolean): string => (met ? 'met' : 'NOT met');
export const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
export const perSecond = (result: LoadResult | undefined): string =>
  result === undefined ? 'none' : `${result.throughput.toFixed(0)} orders/s at c=${result.concurrency} (p95 ${result.p95.toFixed(1)} ms)`;
