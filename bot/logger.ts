import { pino } from 'pino';
import type { Logger as PinoLogger } from 'pino';

/**
 * The one logging port: every module that logs takes this, never pino
 * itself, so tests can hand in a recorder. pino's call shape: structured
 * fields first, then the message. A module that needs only some levels takes
 * `Pick<Logger, 'warn'>` and the like.
 */
export interface Logger {
  info(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
  error(fields: Record<string, unknown>, message: string): void;
}

/** JSON logs with secrets and tokens redacted wherever they would appear. */
export function createLogger(level: string): PinoLogger {
  return pino({
    level,
    base: { service: 'csp-onboarding' },
    redact: {
      paths: [
        'req.headers.authorization',
        'headers.authorization',
        '*.password',
        '*.clientSecret',
        '*.token',
        'token',
      ],
      censor: '[redacted]',
    },
  });
}
