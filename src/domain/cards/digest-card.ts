import { pick } from '../i18n/locale.js';
import type { Locale } from '../i18n/locale.js';
import { daysStuck } from '../journey/journey.js';
import { journeyStepTexts } from '../journey/journey-texts.js';
import type { DigestCustomerFacts, StaffDigest } from '../journey/staff-digest.js';
import { adaptiveCard } from './adaptive-card.js';
import type { AdaptiveCard, CardElement, Fact } from './adaptive-card.js';
import { formatCardDate } from './card-format.js';
import { escapeCardText } from './card-text.js';
import { digestTexts } from './journey-card-texts.js';

/** Customers named per section; the rest are counted, so the card stays well within the size limit. */
export const DIGEST_SECTION_MAX = 10;

export interface DigestCardInput {
  readonly locale: Locale;
  /** The digest's date, ISO `YYYY-MM-DD`. */
  readonly date: string;
  readonly now: Date;
  readonly stuckAfterDays: number;
  readonly digest: StaffDigest;
}

/** The morning digest for the inbox channel: four short sections, empty ones left out. */
export function buildDigestCard({ locale, date, now, stuckAfterDays, digest }: DigestCardInput): AdaptiveCard {
  const name = (customer: DigestCustomerFacts): string => escapeCardText(customer.organizationName ?? customer.tenantId);
  const sections: CardElement[] = [
    ...section(pick(digestTexts.newCustomers, locale), digest.newCustomers, (customer) => ({
      title: name(customer),
      value: customer.current === null ? '' : pick(journeyStepTexts[customer.current], locale),
    })),
    ...section(pick(digestTexts.stuck(stuckAfterDays), locale), digest.stuck, (customer) => ({
      title: name(customer),
      value: customer.current === null ? '' : pick(digestTexts.stuckAt(pick(journeyStepTexts[customer.current], locale), daysStuck(customer, now)), locale),
    })),
    ...section(pick(digestTexts.waitingOrders, locale), digest.waitingOrders, (customer) => ({
      title: name(customer),
      value: pick(digestTexts.orders(customer.waitingOrders), locale),
    })),
    ...section(pick(digestTexts.gdapExpiring, locale), digest.gdapExpiring, (customer) => ({
      title: name(customer),
      value: pick(digestTexts.endsOn(formatCardDate((customer.gdapExpiresAt ?? '').slice(0, 10), locale)), locale),
    })),
  ];
  const title = pick(digestTexts.title(formatCardDate(date, locale)), locale);
  return adaptiveCard({
    fallbackText: title,
    body: [{ type: 'TextBlock', text: title, size: 'medium', weight: 'bolder', style: 'heading', wrap: true }, ...sections],

  });

  function section(heading: string, customers: readonly DigestCustomerFacts[], fact: (customer: DigestCustomerFacts) => Fact): CardElement[] {
    if (customers.length === 0) return [];
    const rest = customers.length - DIGEST_SECTION_MAX;
    return [
      { type: 'TextBlock', text: `${heading} (${customers.length})`, weight: 'bolder', spacing: 'medium', wrap: true },
      { type: 'FactSet', facts: customers.slice(0, DIGEST_SECTION_MAX).map(fact) },
      ...(rest > 0 ? [{ type: 'TextBlock' as const, text: pick(digestTexts.more(rest), locale), isSubtle: true, spacing: 'none' as const, wrap: true }] : []),
    ];
  }
}
