import { describe, expect, it } from 'vitest';
import { parseTabConfig } from '../../../src/tab/config/tab-config.js';

const validConfig = {
  distributorName: 'ООО «Дистрибьютор»',
  invitationUrl:
    'https://admin.microsoft.com/Adminportal/Home?invType=IndirectResellerRelationship&partnerId=60d2bbc8-7aaa-466e-b72d-a90f270a72ee#/BillingAccounts/partner-invitation',
  catalog: [{ sku: 'SPB', displayName: 'Microsoft 365 Business Premium' }],
  timeZone: 'Europe/Moscow',
  today: '2026-11-23',
  demo: true,
  aadAppClientId: '11111111-2222-3333-4444-555555555555',
  botId: '66666666-7777-8888-9999-000000000000',
};

function problemOf(body: unknown): string {
  const result = parseTabConfig(body);
  if (result.ok) throw new Error('expected the config to be rejected');
  return result.problem;
}

describe('parseTabConfig', () => {
  it('accepts a complete config', () => {
    const result = parseTabConfig(validConfig);
    expect(result).toEqual({ ok: true, config: validConfig });
  });

  it('treats missing or null optional ids as not configured', () => {
    const withoutIds: Record<string, unknown> = { ...validConfig };
    delete withoutIds.aadAppClientId;
    delete withoutIds.botId;
    const missing = parseTabConfig(withoutIds);
    const nulls = parseTabConfig({ ...withoutIds, aadAppClientId: null, botId: null });
    for (const result of [missing, nulls]) {
      expect(result.ok && result.config.aadAppClientId).toBeUndefined();
      expect(result.ok && result.config.botId).toBeUndefined();
      expect(result.ok).toBe(true);
    }
  });

  it('accepts an empty catalog', () => {
    expect(parseTabConfig({ ...validConfig, catalog: [] }).ok).toBe(true);
  });

  it('drops fields it does not know', () => {
    const result = parseTabConfig({ ...validConfig, secret: 'x' });
    expect(result.ok && 'secret' in result.config).toBe(false);
  });

  it.each(['javascript:alert(1)', 'http://admin.microsoft.com/', 'not a url', ''])(
    'rejects the invitation link %j: only https may become a link',
    (invitationUrl) => {
      expect(problemOf({ ...validConfig, invitationUrl })).toContain('invitationUrl');
    },
  );

  it('reads the GDAP approval link and the delegated admin choice, and treats their absence as neither', () => {
    const gdapApprovalUrl = 'https://admin.microsoft.com/AdminPortal/Home#/partners/invitation/granularAdminRelationships/5d027261-d21f-4aa9-b7db-7fa1f56fb163';
    const result = parseTabConfig({ ...validConfig, gdapApprovalUrl, invitationDelegatedAdmin: true });
    expect(result.ok && result.config.gdapApprovalUrl).toBe(gdapApprovalUrl);
    expect(result.ok && result.config.invitationDelegatedAdmin).toBe(true);
    const absent = parseTabConfig({ ...validConfig, gdapApprovalUrl: null });
    expect(absent.ok && absent.config.gdapApprovalUrl).toBeUndefined();
    expect(problemOf({ ...validConfig, gdapApprovalUrl: 'javascript:alert(1)' })).toContain('gdapApprovalUrl');
  });

  it('names every invalid field in the problem', () => {
    const problem = problemOf({ ...validConfig, distributorName: ' ', today: '23.11.2026', demo: 'yes' });
    expect(problem).toContain('distributorName');
    expect(problem).toContain('today');
    expect(problem).toContain('demo');
  });

  it('rejects a catalog item without a display name, naming its position', () => {
    expect(problemOf({ ...validConfig, catalog: [{ sku: 'SPB' }] })).toContain('catalog.0.displayName');
  });

  it.each([null, [], 'config', 42])('rejects a body that is not an object: %j', (body) => {
    expect(parseTabConfig(body).ok).toBe(false);
  });
});
