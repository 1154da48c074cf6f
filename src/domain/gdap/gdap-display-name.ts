/** Graph's limit for `displayName` (delegatedAdminRelationship resource type). */
export const GDAP_DISPLAY_NAME_MAX = 50;

/**
 * A relationship's display name: `{organization} {order number}`, at most 50
 * characters, unique per partner (Graph refuses a duplicate with 400). The
 * order number is kept whole, since it is what makes the name unique; the
 * organization is cut by whole characters (never half a surrogate pair),
 * control characters dropped and spaces collapsed.
 */
export function gdapDisplayName(organization: string, orderNumber: string): string {
  const suffix = clean(orderNumber).slice(0, GDAP_DISPLAY_NAME_MAX);
  const room = GDAP_DISPLAY_NAME_MAX - suffix.length - 1;
  const name = fitUtf16(clean(organization), room).trimEnd();
  return room <= 0 || name === '' ? suffix : `${name} ${suffix}`;
}

/** The longest prefix of whole code points whose UTF-16 length (what Graph counts) fits. */
function fitUtf16(text: string, room: number): string {
  let fitted = '';
  for (const character of text) {
    if (fitted.length + character.length > room) break;
    fitted += character;
  }
  return fitted;
}

function clean(text: string): string {
  return text.replace(/\p{Cc}/gu, ' ').replace(/\s+/g, ' ').trim();
}
