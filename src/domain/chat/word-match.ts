/** Words and stems this long tolerate one typo: shorter ones would match too much («да» ~ «до»). */
const TYPO_MIN_LENGTH = 5;

/**
 * Whether a typed word matches a table term: `stem*` matches any word that
 * starts with the stem, another term only the whole word. A typed word of 5+
 * letters may differ from a term of 5+ letters by one letter: one missing,
 * extra, wrong, or two neighbours swapped. `word!` matches only itself.
 */
export function matchesTerm(word: string, term: string): boolean {
  if (term.endsWith('!')) return word === term.slice(0, -1);
  const isStem = term.endsWith('*');
  const base = isStem ? term.slice(0, -1) : term;
  if (isStem ? word.startsWith(base) : word === base) return true;
  if (word.length < TYPO_MIN_LENGTH || base.length < TYPO_MIN_LENGTH) return false;
  if (!isStem) return withinOneEdit(word, base);
  // A stem is compared with the typed word's beginning of about the same length.
  for (let length = base.length - 1; length <= base.length + 1; length += 1) {
    if (length <= word.length && withinOneEdit(word.slice(0, length), base)) return true;
  }
  return false;
}

/** Optimal string alignment distance ≤ 1 (insertion, deletion, substitution or adjacent transposition). */
function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start += 1;
  if (a.length === b.length) {
    const rest = start + 1;
    if (a.slice(rest) === b.slice(rest)) return true;
    return a[start] === b[start + 1] && a[start + 1] === b[start] && a.slice(start + 2) === b.slice(start + 2);
  }
  const [longer, shorter] = a.length > b.length ? [a, b] : [b, a];
  return longer.slice(start + 1) === shorter.slice(start);
}
