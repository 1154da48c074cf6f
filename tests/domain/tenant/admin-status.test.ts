import { describe, expect, it } from 'vitest';
import { describeAdmin } from '../../../src/domain/tenant/admin-status.js';
import { DIRECTORY_ROLES, directoryRoleName } from '../../../src/domain/tenant/directory-roles.js';

const DEFAULT_USER_ROLE = 'b79fbf4d-3ef9-4689-8143-76b194e85509';
const allowed = (facts: ReturnType<typeof describeAdmin>) => Object.fromEntries(facts.steps.map((step) => [step.step, step.allowed]));

describe('describeAdmin', () => {
  it('lets a Global Administrator do every step', () => {
    const facts = describeAdmin({ source: 'token', roleTemplateIds: [DEFAULT_USER_ROLE, DIRECTORY_ROLES.globalAdministrator.templateId.toUpperCase()] });

    expect(facts.isAdmin).toBe(true);
    expect(facts.source).toBe('token');
    expect(allowed(facts)).toEqual({ acceptInvitation: true, grantConsent: true, checkRelationship: true, setDefaultDomain: true });
  });

  it('tells an ordinary member which steps need an administrator, and which roles', () => {
    const facts = describeAdmin({ source: 'token', roleTemplateIds: [DEFAULT_USER_ROLE] });

    expect(facts.isAdmin).toBe(false);
    expect(allowed(facts)).toEqual({ acceptInvitation: false, grantConsent: false, checkRelationship: false, setDefaultDomain: false });
    expect(facts.steps.find((step) => step.step === 'acceptInvitation')?.requiredRoleTemplateIds).toEqual([DIRECTORY_ROLES.globalAdministrator.templateId]);
  });

  it('gives a narrower administrator the steps their role allows', () => {
    const facts = describeAdmin({ source: 'directory', roleTemplateIds: [DIRECTORY_ROLES.cloudApplicationAdministrator.templateId] });

    expect(facts.isAdmin).toBe(false);
    expect(allowed(facts)).toEqual({ acceptInvitation: false, grantConsent: true, checkRelationship: false, setDefaultDomain: false });
  });

  it('claims nothing when the roles are unknown', () => {
    const facts = describeAdmin({ source: 'unknown' });

    expect(facts.isAdmin).toBeNull();
    expect(facts.roleTemplateIds).toEqual([]);
    expect(facts.steps.every((step) => step.allowed === null && step.requiredRoleTemplateIds.length > 0)).toBe(true);
  });
});

describe('directoryRoleName', () => {
  it('names known roles in both languages and nothing else', () => {
    expect(directoryRoleName('62E90394-69F5-4237-9190-012177145E10')).toEqual({ ru: 'Глобальный администратор', en: 'Global Administrator' });
    expect(directoryRoleName(DEFAULT_USER_ROLE)).toBeUndefined();
  });
});
