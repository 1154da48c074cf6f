import { formatCardDate } from '../cards/card-format.js';
import { pick } from '../i18n/locale.js';
import type { Locale } from '../i18n/locale.js';
import { customerAgreementTexts } from './customer-agreement-texts.js';

/**
 * The tenant's MCA as the distributor reads it next to an order (card, e-mail):
 * `null` is "not accepted", a timestamp the date it was accepted.
 */
export type CustomerAgreementFact = string | null;

export function customerAgreementFact(acceptedAt: CustomerAgreementFact, locale: Locale): { readonly label: string; readonly value: string } {
  return {
    label: pick(customerAgreementTexts.factLabel, locale),
    value: pick(acceptedAt === null ? customerAgreementTexts.factNotAccepted : customerAgreementTexts.factAccepted(formatCardDate(acceptedAt, locale)), locale),
  };
}
