import { ORDER_LIMITS } from '../order/order-validation.js';
import { chatTokens } from './chat-tokens.js';
import type { ChatToken } from './chat-tokens.js';
import { CHAT_WORDS, COUNT_PREPOSITIONS, COUNT_WORDS, PRODUCT_WORDS, SOCIAL_COMMANDS } from './chat-words.js';
import type { ChatCommand, ChatCue } from './chat-words.js';
import { matchesTerm } from './word-match.js';

export type { ChatCommand } from './chat-words.js';

/** What a typed message asks for, as far as the word table can tell. */
export interface ChatRequest {
  /** Absent when nothing matched: the bot answers with help. */
  readonly command?: ChatCommand;
  /** A head count in an order request («нужны лицензии на 20 человек»), 1–100 000. */
  readonly quantity?: number;
}

/**
 * Reads free text (or a command-menu title, which Teams sends as text) in
 * Russian or English with the word table in chat-words.ts. Deterministic and
 * local: no model, no network. Case, ё/е, look-alike Latin letters, one typo
 * in a word of 5+ letters, punctuation and @mentions are forgiven.
 */
export function readChatRequest(text: string): ChatRequest {
  const tokens = chatTokens(text);
  if (tokens.length === 0) return text.includes('?') ? { command: 'help' } : {};
  const command = bestCommand(tokens);
  if (command === undefined) return {};
  const quantity = command === 'order' ? headCount(tokens) : undefined;
  return quantity === undefined ? { command } : { command, quantity };
}

/** The command alone (see `readChatRequest`). */
export function parseChatCommand(text: string): ChatCommand | undefined {
  return readChatRequest(text).command;
}

function bestCommand(tokens: readonly ChatToken[]): ChatCommand | undefined {
  let best: { command: ChatCommand; score: number } | undefined;
  let social: ChatCommand | undefined;
  for (const [command, cues] of CHAT_WORDS) {
    const score = Math.max(0, ...cues.filter((cue) => cueMatches(cue, tokens)).map((cue) => cue.length));
    if (score === 0) continue;
    if (SOCIAL_COMMANDS.has(command)) social ??= command;
    // Strictly greater: on a tie the earlier intent in the table stays.
    else if (best === undefined || score > best.score) best = { command, score };
  }
  return best?.command ?? social;
}

function cueMatches(cue: ChatCue, tokens: readonly ChatToken[]): boolean {
  return cue.every((term) => tokens.some((token) => tokenMatches(token, term)));
}

function tokenMatches(token: ChatToken, term: string): boolean {
  return token.spellings.some((spelling) => matchesTerm(spelling, term));
}

function matchesAny(token: ChatToken | undefined, terms: readonly string[]): boolean {
  return token !== undefined && terms.some((term) => tokenMatches(token, term));
}

/**
 * The number that counts people or licenses: one next to a count word
 * («20 лицензий», «на 20 человек», «for 20 users»), else the only number
 * that is not part of a product name (Microsoft 365). Two different counts
 * give none.
 */
function headCount(tokens: readonly ChatToken[]): number | undefined {
  const candidates = tokens.flatMap((token, index) => {
    const spelling = token.spellings[0] ?? '';
    if (!/^\d+$/.test(spelling) || matchesAny(tokens[index - 1], PRODUCT_WORDS)) return [];
    const counted =
      matchesAny(tokens[index - 1], COUNT_PREPOSITIONS) ||
      [1, 2, 3].some((offset) => matchesAny(tokens[index + offset], COUNT_WORDS));
    return [{ value: Number(spelling), counted }];
  });
  const counted = new Set(candidates.filter((candidate) => candidate.counted).map((candidate) => candidate.value));
  const uncounted = candidates.length === 1 ? candidates[0]?.value : undefined;
  // Two different counts («10 или 20 человек») are a question, not an answer.
  const chosen = counted.size === 0 ? uncounted : counted.size === 1 ? [...counted][0] : undefined;
  return chosen !== undefined && chosen >= 1 && chosen <= ORDER_LIMITS.maxQuantity ? chosen : undefined;
}
