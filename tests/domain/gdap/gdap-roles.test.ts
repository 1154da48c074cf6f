import { describe, expect, it } from 'vitest';
import { ConfigurationError } from '../../../src/domain/configuration-error.js';
import { autoExtendDurationFor, DEFAULT_GDAP_ROLES, describeRole, ENTRA_ROLES, parseGdapRoles } from '../../../src/domain/gdap/gdap-roles.js';

describe('parseGdapRoles', () => {
  it('defaults to the least-privileged set, without Global Administrator', () => {
    expect(parseGdapRoles(undefined)).toEqual(DEFAULT_GDAP_ROLES);
    expect(DEFAULT_GDAP_ROLES).not.toContain(ENTRA_ROLES.globalAdministrator);
  });

  it('reads comma-separated GUIDs, lower-cased', () => {
    expect(parseGdapRoles(' 88D8E3E3-8F55-4A1E-953A-9B9898B8876B, f023fd81-a637-4b56-95fd-791ac0226033 ')).toEqual([
      ENTRA_ROLES.directoryReaders,
      ENTRA_ROLES.serviceSupportAdministrator,
    ]);
  });

  it('names the variable and the bad value', () => {
    expect(() => parseGdapRoles('88d8e3e3-8f55-4a1e-953a-9b9898b8876b,License Administrator')).toThrow(ConfigurationError);
    expect(() => parseGdapRoles('nope')).toThrow(/GDAP_ROLES: "nope" is not a role template id/);
    expect(() => parseGdapRoles(`${ENTRA_ROLES.directoryReaders},${ENTRA_ROLES.directoryReaders}`)).toThrow(/listed twice/);
  });
});

describe('autoExtendDurationFor', () => {
  it('extends by 180 days unless Global Administrator is among the roles', () => {
    expect(autoExtendDurationFor(DEFAULT_GDAP_ROLES)).toBe('P180D');
    expect(autoExtendDurationFor([ENTRA_ROLES.globalAdministrator])).toBe('PT0S');
  });
});

describe('describeRole', () => {
  it('says what a known role allows in both languages, and names an unknown one by id', () => {
    expect(describeRole(ENTRA_ROLES.licenseAdministrator).ru).toContain('лицензи');
    expect(describeRole('11111111-1111-1111-1111-111111111111').en).toBe('Microsoft Entra role 11111111-1111-1111-1111-111111111111');
  });
});
