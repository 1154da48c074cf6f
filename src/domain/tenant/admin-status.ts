import { ADMIN_STEP_ROLES, DIRECTORY_ROLES } from './directory-roles.js';
import type { AdminStep } from './directory-roles.js';
import type { AdminFacts } from './tenant-response.js';

/** The signed-in user's directory roles and where they were read, or unknown. */
export type KnownRoles =
  | { readonly source: 'token' | 'directory'; readonly roleTemplateIds: readonly string[] }
  | { readonly source: 'unknown' };

/**
 * Which onboarding steps the signed-in user can do alone. Unknown roles give
 * `allowed: null` everywhere: the tab then names the roles instead of
 * claiming the user lacks them.
 */
export function describeAdmin(roles: KnownRoles): AdminFacts {
  const held = roles.source === 'unknown' ? undefined : new Set(roles.roleTemplateIds.map((id) => id.toLowerCase()));
  const steps = (Object.keys(ADMIN_STEP_ROLES) as AdminStep[]).map((step) => {
    const required = ADMIN_STEP_ROLES[step];
    return {
      step,
      requiredRoleTemplateIds: [...required],
      allowed: held === undefined ? null : required.some((role) => held.has(role)),
    };
  });
  return {
    isAdmin: held === undefined ? null : held.has(DIRECTORY_ROLES.globalAdministrator.templateId),
    source: roles.source,
    roleTemplateIds: held === undefined ? [] : [...held],
    steps,
  };
}
