import { domainToASCII } from 'node:url';

/**
 * An address with a Cyrillic domain (`it@почта.рф`) as SMTP takes it without
 * the SMTPUTF8 extension: the domain in its IDNA (punycode) form,
 * `it@xn--80a1acny.xn--p1ai`. The order keeps and shows the address as the
 * customer typed it; only the envelope and headers get this form. A
 * non-ASCII local part has no ASCII form and is left as it is.
 */
export function asciiMailAddress(address: string): string {
  const at = address.lastIndexOf('@');
  if (at < 0) return address;
  const domain = domainToASCII(address.slice(at + 1));
  return domain === '' ? address : `${address.slice(0, at)}@${domain}`;
}
