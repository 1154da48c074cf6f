import type { LocalizedText } from '../i18n/locale.js';

/**
 * Microsoft Entra built-in roles that matter for onboarding, by their
 * immutable role template ids (Microsoft Learn, "Microsoft Entra built-in
 * roles"). These ids are what the `wids` token claim and `directoryRole.roleTemplateId` carry.
 */
export const DIRECTORY_ROLES = {
  globalAdministrator: {
    templateId: '62e90394-69f5-4237-9190-012177145e10',
    name: { ru: 'Глобальный администратор', en: 'Global Administrator' },
  },
  privilegedRoleAdministrator: {
    templateId: 'e8611ab8-c189-46e8-94e1-60213ab1f814',
    name: { ru: 'Администратор привилегированных ролей', en: 'Privileged Role Administrator' },
  },
  cloudApplicationAdministrator: {
    templateId: '158c047a-c907-4556-b7ef-446551a6b5f7',
    name: { ru: 'Администратор облачных приложений', en: 'Cloud Application Administrator' },
  },
  applicationAdministrator: {
    templateId: '9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3',
    name: { ru: 'Администратор приложений', en: 'Application Administrator' },
  },
  globalReader: {
    templateId: 'f2ef992c-3afb-46b9-b7cf-a126ee74c451',
    name: { ru: 'Глобальный читатель', en: 'Global Reader' },
  },
  securityAdministrator: {
    templateId: '194ae4cb-b126-40b2-bd5b-6091b380977d',
    name: { ru: 'Администратор безопасности', en: 'Security Administrator' },
  },
  securityReader: {
    templateId: '5d6b6bb7-de71-4623-b4af-96380a352509',
    name: { ru: 'Читатель безопасности', en: 'Security Reader' },
  },
  reportsReader: {
    templateId: '4a5d8f65-41da-4de4-8968-e035b65339cf',
    name: { ru: 'Читатель отчетов', en: 'Reports Reader' },
  },
  teamsAdministrator: {
    templateId: '69091246-20e8-4a56-aa4d-066075b2a7a8',
    name: { ru: 'Администратор Teams', en: 'Teams Administrator' },
  },
  domainNameAdministrator: {
    templateId: '8329153b-31d0-4727-b945-745eb3bc5f31',
    name: { ru: 'Администратор доменных имен', en: 'Domain Name Administrator' },
  },
} as const satisfies Record<string, { readonly templateId: string; readonly name: LocalizedText }>;

const byTemplateId: ReadonlyMap<string, LocalizedText> = new Map(
  Object.values(DIRECTORY_ROLES).map((role) => [role.templateId, role.name]),
);

/** The role's display name, or undefined for a role this app does not name. */
export function directoryRoleName(templateId: string): LocalizedText | undefined {
  return byTemplateId.get(templateId.toLowerCase());
}

/** The steps of the journey that need more than an ordinary member account. */
export type AdminStep = 'acceptInvitation' | 'grantConsent' | 'checkRelationship' | 'setDefaultDomain';

const { globalAdministrator, privilegedRoleAdministrator, cloudApplicationAdministrator, applicationAdministrator } = DIRECTORY_ROLES;
const { globalReader, securityAdministrator, securityReader, reportsReader, teamsAdministrator, domainNameAdministrator } = DIRECTORY_ROLES;

/**
 * Which roles can do each step, least privileged last:
 * - accepting a reseller invitation (and approving GDAP) is for Global Administrators;
 * - tenant-wide consent to delegated Microsoft Graph permissions: Global, Privileged Role,
 *   Cloud Application or Application Administrator;
 * - reading the directory audit log and the cross-tenant access partners (the "detected"
 *   evidence) is allowed to the roles both APIs accept;
 * - changing the default domain: Global or Domain Name Administrator.
 */
export const ADMIN_STEP_ROLES: Readonly<Record<AdminStep, readonly string[]>> = {
  acceptInvitation: [globalAdministrator.templateId],
  grantConsent: [
    globalAdministrator.templateId,
    privilegedRoleAdministrator.templateId,
    cloudApplicationAdministrator.templateId,
    applicationAdministrator.templateId,
  ],
  checkRelationship: [
    globalAdministrator.templateId,
    globalReader.templateId,
    securityAdministrator.templateId,
    securityReader.templateId,
  ],
  setDefaultDomain: [globalAdministrator.templateId, domainNameAdministrator.templateId],
};

/** Roles that may read `GET /auditLogs/directoryAudits` (its delegated-access role list). */
export const AUDIT_LOG_READER_ROLES: readonly string[] = [
  globalAdministrator.templateId,
  globalReader.templateId,
  securityAdministrator.templateId,
  securityReader.templateId,
  reportsReader.templateId,
];

/** Roles that may read `GET /policies/crossTenantAccessPolicy/partners`. */
export const CROSS_TENANT_POLICY_READER_ROLES: readonly string[] = [
  globalAdministrator.templateId,
  globalReader.templateId,
  securityAdministrator.templateId,
  securityReader.templateId,
  teamsAdministrator.templateId,
];
