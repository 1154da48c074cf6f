import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { PostalAddress } from './order.js';

/** How an order's values read to people, the same on the cards, in the e-mail and in a revision's changes. */

/** The one-line address: `101000, Москва, ул. Мясницкая, д. 1`. */
export function addressText(address: PostalAddress): string {
  return [address.postalCode, address.city, address.street].join(', ');
}

/** Stored as E.164 (`+74951234567`); people read and dial `+7 495 123 45 67` more easily. */
export function readablePhone(phone: string): string {
  return parsePhoneNumberFromString(phone)?.formatInternational() ?? phone;
}
