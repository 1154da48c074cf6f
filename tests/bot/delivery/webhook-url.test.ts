import { describe, expect, it } from 'vitest';
import { parseWebhookUrl, redactSignatures, redactWebhookUrl } from '../../../bot/delivery/webhook-url.js';
import { configurationError } from '../../support/configuration-error.js';

const WORKFLOWS_URL =
  'https://default0123.ab.environment.api.powerplatform.com:443/powerautomate/automations/direct/workflows/9f1e/triggers/manual/paths/invoke?api-version=1&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=AbC-123_secret';

describe('parseWebhookUrl', () => {
  it('accepts a Workflows https URL', () => {
    expect(parseWebhookUrl(`  ${WORKFLOWS_URL}  `).hostname).toBe('default0123.ab.environment.api.powerplatform.com');
  });

  it.each(['http://127.0.0.1:8080/hook', 'http://localhost/hook', 'http://[::1]:9000/hook'])(
    'accepts plain http to this machine: %s',
    (url) => {
      expect(parseWebhookUrl(url).protocol).toBe('http:');
    },
  );

  it.each([
    ['plain http elsewhere', 'http://example.com/hook?sig=secret'],
    ['another scheme', 'ftp://example.com/hook?sig=secret'],
    ['a relative URL', '/hook?sig=secret'],
    ['credentials in the URL', 'https://user:secret@example.com/hook'],
  ])('rejects %s, naming the variable but not the secret', (_case, url) => {
    const error = configurationError(() => parseWebhookUrl(url));
    expect(error.variable).toBe('DELIVERY_WEBHOOK_URL');
    expect(error.message).not.toContain('secret');
  });
});

describe('redactWebhookUrl', () => {
  it('keeps the host, path and public parameters and hides the signature', () => {
    expect(redactWebhookUrl(WORKFLOWS_URL)).toBe(
      'https://default0123.ab.environment.api.powerplatform.com/powerautomate/automations/direct/workflows/9f1e/triggers/manual/paths/invoke' +
        '?api-version=1&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=REDACTED',
    );
  });

  it('hides unknown parameters too, and any user info', () => {
    const redacted = redactWebhookUrl('https://u:p@example.com/api/hook?code=functionkey&token=t');
    expect(redacted).toBe('https://example.com/api/hook?code=REDACTED&token=REDACTED');
  });

  it('does not echo something that is not a URL', () => {
    expect(redactWebhookUrl('not a url sig=secret')).toBe('[invalid URL]');
  });
});

describe('redactSignatures', () => {
  it('hides signature values inside free text', () => {
    expect(redactSignatures('{"error":"bad request to https://x/y?sv=1.0&sig=abc123"}')).toBe(
      '{"error":"bad request to https://x/y?sv=1.0&sig=REDACTED"}',
    );
  });
});
