/** Teams accepts at most 28 KB from a Workflows webhook; bot messages may be 40 KB. */
export const WEBHOOK_CARD_MAX_BYTES = 28 * 1024;
export const BOT_MESSAGE_MAX_BYTES = 40 * 1024;

/** UTF-8 size of the card's JSON, the measure the limits apply to (Cyrillic takes two bytes a letter). */
export function cardJsonBytes(card: unknown): number {
  return new TextEncoder().encode(JSON.stringify(card)).byteLength;
}
