/**
 * A typed message as words to look up: lower case, ё read as е, @mentions
 * dropped, and each word in every spelling its look-alike letters allow
 * («cтатус» typed with a Latin c is статус; «оrder» with a Cyrillic о is
 * order). Numbers stay words of their own; «1 000» is one number.
 */
export interface ChatToken {
  /** The word as typed (normalized), then its all-Cyrillic and all-Latin readings when they differ. */
  readonly spellings: readonly string[];
}

// Lower-case letters that look alike in the two alphabets.
const LATIN_TO_CYRILLIC: Readonly<Record<string, string>> = {
  a: 'а', b: 'в', c: 'с', e: 'е', h: 'н', k: 'к', m: 'м', o: 'о', p: 'р', t: 'т', x: 'х', y: 'у',
};
const CYRILLIC_TO_LATIN: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(LATIN_TO_CYRILLIC).map(([latin, cyrillic]) => [cyrillic, latin]),
);

export function chatTokens(text: string): readonly ChatToken[] {
  const words = text
    // Teams marks a mention as <at>Name</at>; typed ones are @Name.
    .replace(/<at>[^<]*<\/at>/gi, ' ')
    .replace(/@[\p{L}\p{N}_.-]+/gu, ' ')
    .toLowerCase()
    .replace(/ё/g, 'е')
    // Thousands separated by a space (also a no-break or thin space): «1 000».
    .replace(/(\d)[\s\u00a0\u202f](?=\d{3}(?!\d))/g, '$1')
    .match(/[\p{L}\p{N}]+/gu);
  return (words ?? []).map((word) => ({ spellings: spellings(word) }));
}

function spellings(word: string): string[] {
  const readings = [word, transliterate(word, LATIN_TO_CYRILLIC), transliterate(word, CYRILLIC_TO_LATIN)];
  return [...new Set(readings)];
}

function transliterate(word: string, map: Readonly<Record<string, string>>): string {
  return Array.from(word, (letter) => map[letter] ?? letter).join('');
}
