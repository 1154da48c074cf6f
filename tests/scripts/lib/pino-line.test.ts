import { describe, expect, it } from 'vitest';
import { formatPinoLine } from '../../../scripts/lib/pino-line.js';

describe('formatPinoLine', () => {
  it('shows the level name, the message and the fields beyond the usual ones', () => {
    const line = JSON.stringify({
      level: 30,
      time: 1_700_000_000_000,
      pid: 42,
      hostname: 'dev',
      service: 'csp-onboarding',
      msg: 'listening',
      url: 'http://127.0.0.1:3978',
      demo: true,
    });
    expect(formatPinoLine(line)).toBe('INFO  listening url=http://127.0.0.1:3978 demo=true');
  });

  it('writes nested fields as JSON', () => {
    const line = JSON.stringify({ level: 50, msg: 'bot turn failed', err: { type: 'Error', message: 'boom' } });
    expect(formatPinoLine(line)).toBe('ERROR bot turn failed err={"type":"Error","message":"boom"}');
  });

  it('leaves lines that are not pino records alone', () => {
    expect(formatPinoLine('Azurite Table service successfully started')).toBe('Azurite Table service successfully started');
    expect(formatPinoLine('{not json')).toBe('{not json');
    expect(formatPinoLine('{"msg":"no level"}')).toBe('{"msg":"no level"}');
  });
});
