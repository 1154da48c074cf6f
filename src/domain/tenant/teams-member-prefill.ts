import type { OrderFormValues } from '../cards/order-form-values.js';
import { isTechnicalDomainName } from './technical-domain.js';
import { emailLike } from './tenant-prefill.js';

/**
 * What Teams says about the user without any sign-in: the bot's
 * `TeamsInfo.getMember` (name, email, userPrincipalName; "Get Teams-specific
 * context for your bot", learn.microsoft.com/microsoftteams/platform/bots/how-to/get-teams-context)
 * or the tab's `app.getContext()` (user.displayName, user.userPrincipalName, user.loginHint).
 */
export interface TeamsMemberProfile {
  readonly name?: string;
  readonly email?: string;
  readonly userPrincipalName?: string;
}

/**
 * The contact (full name, e-mail) and, when the user principal name ends in a
 * single-label `*.onmicrosoft.com`, the technical domain. A guest's UPN
 * (`…#EXT#@host.onmicrosoft.com`) names the host tenant, which is the tenant
 * ordering, but it is not the guest's mailbox.
 */
export function prefillFromTeamsMember(member: TeamsMemberProfile): OrderFormValues {
  const upn = clean(member.userPrincipalName)?.toLowerCase();
  const fullName = clean(member.name);
  const email = emailLike(clean(member.email)) ?? emailLike(upn);
  const domain = upn?.slice(upn.lastIndexOf('@') + 1);
  const contact = { ...(fullName === undefined ? {} : { fullName }), ...(email === undefined ? {} : { email }) };
  return {
    ...(domain !== undefined && isTechnicalDomainName(domain) ? { technicalDomain: domain } : {}),
    ...(Object.keys(contact).length === 0 ? {} : { contact }),
  };
}

/**
 * Fills what the tenant's facts left empty (the contact's name and e-mail,
 * the technical domain) from what Teams says about the user: Graph wins.
 */
export function withTeamsMemberPrefill(values: OrderFormValues, member: TeamsMemberProfile | undefined): OrderFormValues {
  if (member === undefined) return values;
  const fromTeams = prefillFromTeamsMember(member);
  const contact = { ...fromTeams.contact, ...values.contact };
  const technicalDomain = values.technicalDomain ?? fromTeams.technicalDomain;
  return {
    ...values,
    ...(technicalDomain === undefined ? {} : { technicalDomain }),
    ...(Object.keys(contact).length === 0 ? {} : { contact }),
  };
}

function clean(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed === undefined || trimmed === '' ? undefined : trimmed;
}

