/**
 * The activation date in the Russian UI is typed as `дд.мм.гггг`: a native
 * `<input type="date">` shows the browser's own format (`mm/dd/yyyy` in an
 * English browser), whatever language the tab speaks. The draft keeps ISO
 * `YYYY-MM-DD` once the text is a whole date, and the text as typed until then.
 */

/** `01.12.2026` (also `1.12.2026`, `01/12/2026`) → `2026-12-01`; anything else is returned as typed. */
export function draftDateFromTyped(typed: string): string {
  const match = /^\s*(\d{1,2})[./-](\d{1,2})[./-](\d{4})\s*$/.exec(typed);
  if (!match?.[1] || !match[2] || !match[3]) return typed;
  return `${match[3]}-${match[2].padStart(2, '0')}-${match[1].padStart(2, '0')}`;
}

/** What the input shows for the draft's value: `2026-12-01` → `01.12.2026`; text still being typed stays. */
export function typedDateFromDraft(value: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return match ? `${match[3]}.${match[2]}.${match[1]}` : value;
}
