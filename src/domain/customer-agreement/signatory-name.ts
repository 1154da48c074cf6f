import type { Signatory } from './customer-agreement.js';

/** «Иванова Мария Петровна»: how a signatory is shown, in Russian order; never parsed back into parts. */
export function signatoryDisplayName(signatory: Signatory): string {
  return [signatory.lastName, signatory.firstName, signatory.middleName].filter((part) => part !== undefined).join(' ');
}
