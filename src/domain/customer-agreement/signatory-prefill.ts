import type { Contact } from '../order/order.js';
import { emailLike } from '../tenant/tenant-prefill.js';
import type { UserFacts } from '../tenant/tenant-response.js';
import type { Signatory } from './customer-agreement.js';

/** The signatory fields as a form holds them: every field a string, blank when nothing suggests it. */
export interface SignatoryDraft {
  readonly lastName: string;
  readonly firstName: string;
  readonly middleName: string;
  readonly email: string;
  readonly phone: string;
}

/** Teams' own profile of the user (the bot's `TeamsInfo.getMember` has first and last name; the tab's context has none). */
export interface TeamsSignatoryProfile {
  readonly givenName?: string | undefined;
  readonly surname?: string | undefined;
  readonly email?: string | undefined;
  readonly userPrincipalName?: string | undefined;
}

export interface SignatoryPrefillSources {
  /** The tenant's current acceptance: accepting again starts from it. */
  readonly current?: Signatory | undefined;
  /** Graph `/me` of the signed-in user. */
  readonly user?: UserFacts | undefined;
  readonly teamsMember?: TeamsSignatoryProfile | undefined;
  /** The contact of the tenant's latest order: its e-mail and phone only (its name is one string). */
  readonly lastOrderContact?: Pick<Contact, 'email' | 'phone'> | undefined;
}

/**
 * Suggests the signatory: the current acceptance as it is, or else the
 * signed-in user's first and last name as the directory or Teams keeps them,
 * their e-mail and phone, then the latest order's e-mail and phone. A full
 * name is never split into parts, and the patronymic is never guessed.
 */
export function prefillSignatory(sources: SignatoryPrefillSources): SignatoryDraft {
  const { current, user, teamsMember, lastOrderContact } = sources;
  if (current !== undefined) {
    return {
      lastName: current.lastName,
      firstName: current.firstName,
      middleName: current.middleName ?? '',
      email: current.email,
      phone: current.phone ?? '',
    };
  }
  return {
    lastName: first(user?.surname, teamsMember?.surname),
    firstName: first(user?.givenName, teamsMember?.givenName),
    middleName: '',
    email: first(user?.mail, emailLike(user?.userPrincipalName), teamsMember?.email, emailLike(teamsMember?.userPrincipalName), lastOrderContact?.email),
    phone: first(user?.mobilePhone, user?.businessPhones[0], lastOrderContact?.phone),
  };
}

function first(...candidates: readonly (string | null | undefined)[]): string {
  for (const candidate of candidates) {
    const value = candidate?.trim();
    if (value) return value;
  }
  return '';
}
