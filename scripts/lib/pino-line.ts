/**
 * Makes the server's JSON log lines readable in a terminal:
 * `{"level":30,"time":…,"msg":"listening","url":"…"}` → `INFO  listening url=…`.
 * Anything that is not a pino line is returned unchanged.
 */

const LEVELS: Readonly<Record<number, string>> = {
  10: 'TRACE',
  20: 'DEBUG',
  30: 'INFO ',
  40: 'WARN ',
  50: 'ERROR',
  60: 'FATAL',
};

// Carried by every line; saying them again adds nothing.
const OMITTED = new Set(['level', 'time', 'msg', 'pid', 'hostname', 'service', 'v']);

export function formatPinoLine(line: string): string {
  if (!line.startsWith('{')) return line;
  let record: unknown;
  try {
    record = JSON.parse(line);
  } catch {
    return line;
  }
  if (typeof record !== 'object' || record === null || !('level' in record) || typeof record.level !== 'number') {
    return line;
  }
  const fields = record as Record<string, unknown>;
  const level = LEVELS[record.level] ?? String(record.level);
  const message = typeof fields['msg'] === 'string' ? fields['msg'] : '';
  const details = Object.entries(fields)
    .filter(([key]) => !OMITTED.has(key))
    .map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`);
  return [level, message, ...details].filter((part) => part !== '').join(' ');
}
