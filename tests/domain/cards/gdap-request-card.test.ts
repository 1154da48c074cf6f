import { describe, expect, it } from 'vitest';
import { buildGdapActiveNotice, buildGdapRequestCard } from '../../../src/domain/cards/gdap-request-card.js';
import { DEFAULT_GDAP_ROLES } from '../../../src/domain/gdap/gdap-roles.js';
import { expectValidAdaptiveCard } from '../../support/adaptive-card-validator.js';

const url = 'https://admin.microsoft.com/AdminPortal/Home#/partners/invitation/granularAdminRelationships/5d027261-d21f-4aa9-b7db-7fa1f56fb163';

describe('buildGdapRequestCard', () => {
  it('says which roles, for how long and why, in Russian, with the approval link', () => {
    const card = buildGdapRequestCard({ locale: 'ru', distributorName: 'ООО «Демо»', invitationUrl: url, roles: DEFAULT_GDAP_ROLES, duration: 'P730D', autoExtendDuration: 'P180D' });
    const text = JSON.stringify(card);
    expect(text).toContain('Администратор лицензий');
    expect(text).toContain('Срок: 730 дней');
    expect(text).toContain('не глобальный администратор');
    expect(card.actions?.[0]).toMatchObject({ type: 'Action.OpenUrl', url });
    expectValidAdaptiveCard(card);
  });

  it('speaks English and says when there is no extension', () => {
    const card = buildGdapRequestCard({ locale: 'en', distributorName: 'Demo', invitationUrl: url, roles: DEFAULT_GDAP_ROLES, duration: 'P1D', autoExtendDuration: 'PT0S' });
    expect(JSON.stringify(card)).toContain('For 1 day. It then ends by itself.');
  });
});

describe('buildGdapActiveNotice', () => {
  it('names the customer and escapes its name', () => {
    const card = buildGdapActiveNotice({ locale: 'ru', organization: 'ООО *Звезда*', tenantId: 't' });
    expect(JSON.stringify(card)).toContain('ООО \\\\*Звезда\\\\* (t) одобрил GDAP');
  });
});
