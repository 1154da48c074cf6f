/** Shapes of credentials that must never be written into a committed file. */
export const SECRET_PATTERNS: readonly { readonly name: string; readonly pattern: RegExp }[] = [
  // A literal key; `AccountKey=${storage.listKeys()...}` is a template expression.
  { name: 'storage account key', pattern: /AccountKey=(?!\$\{)[A-Za-z0-9+/]{20,}={0,2}/ },
  // Entra client secrets carry a "Q~" marker after three characters.
  { name: 'Entra client secret', pattern: /(?<![A-Za-z0-9_~.-])[A-Za-z0-9_~.-]{3}\dQ~[A-Za-z0-9_~.-]{31,34}/ },
  { name: 'SAS or webhook signature', pattern: /[?&]sig=[A-Za-z0-9%+/=_-]{16,}/ },
  { name: 'private key', pattern: /-----BEGIN [A-Z ]*PRIVATE KEY-----/ },
  // Keys and tokens mix digits and both cases; resource type paths do not.
  {
    name: 'long base64 run',
    pattern: /(?<![A-Za-z0-9+/])(?=[A-Za-z0-9+/]*\d)(?=[A-Za-z0-9+/]*[A-Z])(?=[A-Za-z0-9+/]*[a-z])[A-Za-z0-9+/]{40,}={0,2}/,
  },
  { name: 'password in a URL', pattern: /[a-z][a-z0-9+.-]*:\/\/[^\s/:@'"]+:[^\s/@'"]+@/i },
];

/** The names of the patterns `text` matches. */
export function secretLikeLiterals(text: string): string[] {
  return SECRET_PATTERNS.filter(({ pattern }) => pattern.test(text)).map(({ name }) => name);
}
