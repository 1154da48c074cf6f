import { pino } from 'pino';
import type { Logger } from 'pino';

export type { Logger } from 'pino';

/** JSON logs with secrets and tokens redacted wherever they would appear. */
export function createLogger(level: string): Logger {
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
