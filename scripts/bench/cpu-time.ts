import { readFileSync } from 'node:fs';

/**
 * CPU time spent by each process of the benchmark (server, Azurite, the
 * benchmark itself with its stand-ins), so the report can say where an
 * order's CPU goes: on 2 shared cores that, not the server alone, sets the
 * throughput.
 */

/** Linux reports /proc/<pid>/stat times in clock ticks; 100 per second on every common kernel. */
const TICKS_PER_SECOND = 100;

export interface CpuSnapshot {
  readonly serverMs: number;
  readonly azuriteMs: number;
  readonly benchMs: number;
}

export interface CpuPerOrder {
  readonly server: number;
  readonly azurite: number;
  readonly bench: number;
  readonly total: number;
}

export function cpuSnapshot(serverPid: number, azuritePid: number): CpuSnapshot {
  const own = process.cpuUsage();
  return { serverMs: processCpuMs(serverPid), azuriteMs: processCpuMs(azuritePid), benchMs: (own.user + own.system) / 1_000 };
}

export function cpuPerOrder(from: CpuSnapshot, to: CpuSnapshot, orders: number): CpuPerOrder {
  const per = (ms: number): number => (orders > 0 ? ms / orders : Number.NaN);
  const server = per(to.serverMs - from.serverMs);
  const azurite = per(to.azuriteMs - from.azuriteMs);
  const bench = per(to.benchMs - from.benchMs);
  return { server, azurite, bench, total: server + azurite + bench };
}

/** User + system CPU of a process so far, in milliseconds. */
function processCpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name, which is in parentheses and may hold spaces.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  return ((utime + stime) * 1_000) / TICKS_PER_SECOND;
}
