import { describe, expect, it } from 'vitest';
import { adminConsentUrl } from '../../../src/domain/tenant/admin-consent-link.js';

describe('adminConsentUrl', () => {
  it('points at the tenant’s admin-consent page for the app', () => {
    expect(adminConsentUrl('c0ffee00-1111-4222-8333-444455556666', '11111111-2222-3333-4444-555555555555')).toBe(
      'https://login.microsoftonline.com/c0ffee00-1111-4222-8333-444455556666/adminconsent?client_id=11111111-2222-3333-4444-555555555555',
    );
  });
});
