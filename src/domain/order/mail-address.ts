/**
 * An e-mail address with its domain in Unicode, as people type and read it:
 * `maria@xn--e1afmkfd.xn--p1ai` → `maria@пример.рф`. Browsers hand over an
 * `<input type="email">` value with the domain in its ASCII (IDNA) form, and
 * Adaptive Card e-mail inputs render as one, so an address typed in Cyrillic
 * arrives as punycode; orders store and show the Unicode form. SMTP gets the
 * ASCII form back from bot/delivery/ascii-mail-address.ts. The domain code runs
 * in the tab too, so this decodes punycode itself (RFC 3492, section 6.2)
 * instead of using Node's `url.domainToUnicode`. Anything it cannot decode is
 * returned as it is.
 */
export function unicodeMailAddress(address: string): string {
  const at = address.lastIndexOf('@');
  if (at < 0) return address;
  const labels = address.slice(at + 1).split('.');
  const decoded: string[] = [];
  for (const label of labels) {
    if (!/^xn--/i.test(label)) {
      decoded.push(label);
      continue;
    }
    const unicode = decodePunycode(label.slice(4).toLowerCase());
    if (unicode === undefined) return address;
    decoded.push(unicode);
  }
  return `${address.slice(0, at)}@${decoded.join('.')}`;
}

// RFC 3492, section 5: the parameters of Punycode.
const BASE = 36;
const T_MIN = 1;
const T_MAX = 26;
const SKEW = 38;
const DAMP = 700;
const INITIAL_BIAS = 72;
const INITIAL_N = 128;
const MAX_CODE_POINT = 0x10ffff;

/** RFC 3492, section 6.1. */
function adapt(delta: number, points: number, first: boolean): number {
  let scaled = first ? Math.floor(delta / DAMP) : Math.floor(delta / 2);
  scaled += Math.floor(scaled / points);
  let k = 0;
  while (scaled > ((BASE - T_MIN) * T_MAX) / 2) {
    scaled = Math.floor(scaled / (BASE - T_MIN));
    k += BASE;
  }
  return k + Math.floor(((BASE - T_MIN + 1) * scaled) / (scaled + SKEW));
}

/** `a`–`z` are 0–25, `0`–`9` are 26–35; anything else is not a digit. */
function digitValue(char: string): number {
  const code = char.charCodeAt(0);
  if (code >= 0x61 && code <= 0x7a) return code - 0x61;
  if (code >= 0x30 && code <= 0x39) return code - 0x30 + 26;
  return BASE;
}

/** RFC 3492, section 6.2; undefined for input that is not valid Punycode. */
function decodePunycode(input: string): string | undefined {
  const delimiter = input.lastIndexOf('-');
  const output = delimiter >= 0 ? [...input.slice(0, delimiter)].map((char) => char.codePointAt(0) ?? 0) : [];
  if (output.some((code) => code >= 0x80)) return undefined;
  let n = INITIAL_N;
  let i = 0;
  let bias = INITIAL_BIAS;
  let position = delimiter >= 0 ? delimiter + 1 : 0;
  while (position < input.length) {
    const oldI = i;
    let weight = 1;
    for (let k = BASE; ; k += BASE) {
      if (position >= input.length) return undefined;
      const digit = digitValue(input.charAt(position++));
      if (digit >= BASE) return undefined;
      i += digit * weight;
      if (i > MAX_CODE_POINT * (output.length + 1)) return undefined;
      const threshold = k <= bias ? T_MIN : k >= bias + T_MAX ? T_MAX : k - bias;
      if (digit < threshold) break;
      weight *= BASE - threshold;
    }
    bias = adapt(i - oldI, output.length + 1, oldI === 0);
    n += Math.floor(i / (output.length + 1));
    i %= output.length + 1;
    if (n > MAX_CODE_POINT) return undefined;
    output.splice(i, 0, n);
    i += 1;
  }
  return String.fromCodePoint(...output);
}
