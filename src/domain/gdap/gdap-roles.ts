import { ConfigurationError } from '../configuration-error.js';
import { isGuid } from '../guid.js';
import type { LocalizedText } from '../i18n/locale.js';

/**
 * Microsoft Entra built-in role template ids (`roleDefinitionId` in a GDAP
 * request), from "Microsoft Entra built-in roles"
 * (https://learn.microsoft.com/entra/identity/role-based-access-control/permissions-reference).
 */
export const ENTRA_ROLES = {
  directoryReaders: '88d8e3e3-8f55-4a1e-953a-9b9898b8876b',
  licenseAdministrator: '4d6ac14f-3453-41d0-bef9-a3e0c569773a',
  serviceSupportAdministrator: 'f023fd81-a637-4b56-95fd-791ac0226033',
  globalAdministrator: '62e90394-69f5-4237-9190-012177145e10',
} as const;

/**
 * The least a CSP distributor needs to provision and support licenses, after
 * "GDAP role guidance" (https://learn.microsoft.com/partner-center/gdap-least-privileged-roles-by-task):
 * Directory Readers to see the tenant, License Administrator to assign the
 * licenses it sold ("can manage product licenses on users and groups"),
 * Service Support Administrator to open Microsoft 365 support requests on the
 * customer's behalf. Never Global Administrator.
 */
export const DEFAULT_GDAP_ROLES: readonly string[] = [
  ENTRA_ROLES.directoryReaders,
  ENTRA_ROLES.licenseAdministrator,
  ENTRA_ROLES.serviceSupportAdministrator,
];

/** What each role lets the distributor do, in the customer's words (shown on the card and in the tab). */
export const ROLE_DESCRIPTIONS: Readonly<Record<string, LocalizedText>> = {
  [ENTRA_ROLES.directoryReaders]: {
    ru: 'Читатель каталога: видеть пользователей и группы вашей организации, ничего не меняя',
    en: 'Directory Readers: see your organization’s users and groups without changing anything',
  },
  [ENTRA_ROLES.licenseAdministrator]: {
    ru: 'Администратор лицензий: назначать и снимать купленные лицензии Microsoft 365',
    en: 'License Administrator: assign and remove the Microsoft 365 licenses you bought',
  },
  [ENTRA_ROLES.serviceSupportAdministrator]: {
    ru: 'Администратор поддержки служб: открывать от вашего имени обращения в поддержку Microsoft и видеть состояние служб',
    en: 'Service Support Administrator: open Microsoft support requests for you and see service health',
  },
  [ENTRA_ROLES.globalAdministrator]: {
    ru: 'Глобальный администратор: полный доступ ко всей организации',
    en: 'Global Administrator: full access to your whole organization',
  },
};

/** A role this app has no plain words for is named by its id. */
export function describeRole(roleDefinitionId: string): LocalizedText {
  return ROLE_DESCRIPTIONS[roleDefinitionId] ?? { ru: `Роль Microsoft Entra ${roleDefinitionId}`, en: `Microsoft Entra role ${roleDefinitionId}` };
}

/**
 * `GDAP_ROLES`: comma-separated role template ids (GUIDs), no duplicates.
 * Global Administrator is accepted only when written out, never by default.
 */
export function parseGdapRoles(raw: string | undefined, variable = 'GDAP_ROLES'): readonly string[] {
  if (raw === undefined || raw.trim() === '') return DEFAULT_GDAP_ROLES;
  const ids = raw.split(/[,;\s]+/).filter(Boolean).map((id) => id.toLowerCase());
  for (const id of ids) {
    if (!isGuid(id)) throw new ConfigurationError(`"${id}" is not a role template id (GUID); list Microsoft Entra role template ids, comma-separated`, variable);
  }
  if (new Set(ids).size !== ids.length) throw new ConfigurationError('a role is listed twice', variable);
  if (ids.length > 72) throw new ConfigurationError('more roles than Microsoft Entra has built in', variable);
  return ids;
}

/**
 * Auto-extension (`P180D`) is not for relationships that carry Global
 * Administrator ("Don't autoextend GDAP with Global Administrator",
 * https://learn.microsoft.com/partner-center/customers/expiring-gdap-relationships-and-auto-extend-gdap);
 * `PT0S` means it expires at its end date (delegatedAdminRelationship resource type).
 */
export function autoExtendDurationFor(roles: readonly string[]): 'P180D' | 'PT0S' {
  return roles.includes(ENTRA_ROLES.globalAdministrator) ? 'PT0S' : 'P180D';
}
