import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type * as AdaptiveCardsModule from 'adaptivecards';
import { JSDOM } from 'jsdom';
import MarkdownIt from 'markdown-it';
import { expect } from 'vitest';
import { BOT_MESSAGE_MAX_BYTES, WEBHOOK_CARD_MAX_BYTES } from '../../src/domain/cards/card-size.js';

/**
 * Checks a card with the real `adaptivecards` 3.0.6 renderer. Its `lib/` ES
 * build cannot be imported by plain Node (its imports have no file
 * extensions), so the UMD build is evaluated inside a jsdom window, which
 * also gives the renderer the DOM it needs.
 */

type AdaptiveCards = typeof AdaptiveCardsModule;

export { BOT_MESSAGE_MAX_BYTES, WEBHOOK_CARD_MAX_BYTES };

export interface CardCheck {
  /** Every parse event, validation event and size problem, as readable lines. Empty means valid. */
  readonly problems: readonly string[];
  /** UTF-8 size of `JSON.stringify(card)`. */
  readonly bytes: number;
  /** The card rendered to HTML, with TextBlock markdown processed by markdown-it. */
  readonly html: string;
  /** The rendered card, to query like a page. */
  readonly rendered: HTMLElement;
}

export interface CardCheckOptions {
  /** Defaults to the webhook limit, the stricter of the two. */
  readonly maxBytes?: number;
}

let cached: { readonly library: AdaptiveCards; readonly window: Window } | undefined;

function loadAdaptiveCards(): { readonly library: AdaptiveCards; readonly window: Window } {
  if (cached) return cached;
  const require = createRequire(import.meta.url);
  const source = readFileSync(require.resolve('adaptivecards/dist/adaptivecards.js'), 'utf8');
  const dom = new JSDOM('<!doctype html><html><body></body></html>', { runScripts: 'outside-only' });
  // jsdom has no `innerText`, which the renderer uses for labels and button titles.
  Object.defineProperty(dom.window.HTMLElement.prototype, 'innerText', {
    configurable: true,
    get(this: HTMLElement): string {
      return this.textContent ?? '';
    },
    set(this: HTMLElement, value: string) {
      this.textContent = value;
    },
  });
  // With no `module`/`define` in the window, the UMD wrapper sets `window.AdaptiveCards`.
  dom.window.eval(source);
  const library = (dom.window as unknown as { AdaptiveCards?: AdaptiveCards }).AdaptiveCards;
  if (!library) throw new Error('adaptivecards UMD build did not define window.AdaptiveCards');

  // Teams renders TextBlock markdown; markdown-it with raw HTML and linkify on
  // is a stricter stand-in, so unescaped user text shows up as elements.
  const markdown = new MarkdownIt({ html: true, linkify: true });
  library.AdaptiveCard.onProcessMarkdown = (text, result) => {
    result.outputHtml = markdown.render(text);
    result.didProcess = true;
  };
  cached = { library, window: dom.window as unknown as Window };
  return cached;
}

/** Parses, validates and renders `card`; never throws for an invalid card, only reports. */
export function checkAdaptiveCard(card: unknown, options: CardCheckOptions = {}): CardCheck {
  const { library, window } = loadAdaptiveCards();
  const maxBytes = options.maxBytes ?? WEBHOOK_CARD_MAX_BYTES;
  const problems: string[] = [];

  const json = JSON.stringify(card);
  const bytes = new TextEncoder().encode(json).byteLength;
  if (bytes >= maxBytes) problems.push(`size: ${bytes} bytes, limit ${maxBytes}`);

  // Teams bots are limited to schema 1.5.
  const version = isPlainObject(card) ? card.version : undefined;
  if (typeof version !== 'string' || !/^1\.[0-5]$/.test(version)) {
    problems.push(`version: ${String(version)}, Teams bots need 1.0 to 1.5`);
  }

  const context = new library.SerializationContext();
  const parsed = new library.AdaptiveCard();
  // Parse a copy made in the window's realm, exactly as a host would from JSON text.
  parsed.parse((window as unknown as { JSON: typeof JSON }).JSON.parse(json), context);
  for (let index = 0; index < context.eventCount; index++) {
    const event = context.getEventAt(index);
    problems.push(`parse: ${library.ValidationEvent[event.event]}: ${event.message}`);
  }

  for (const path of droppedProperties(JSON.parse(json), parsed.toJSON(), 'card')) {
    problems.push(`property: ${path} is unknown to the renderer or holds its default value`);
  }

  const validation = parsed.validateProperties();
  for (const event of validation.validationEvents) {
    const source = event.source instanceof library.CardObject ? event.source : undefined;
    const where = `${source?.getJsonTypeName() ?? 'card'}${source?.id ? `#${source.id}` : ''}`;
    problems.push(`validation: ${library.ValidationEvent[event.event]} at ${where}: ${event.message}`);
  }

  const rendered = parsed.render();
  if (!rendered) problems.push('render: the card rendered to nothing');
  return { problems, bytes, html: rendered?.outerHTML ?? '', rendered: rendered ?? window.document.createElement('div') };
}

/**
 * Properties the renderer ignores: a misspelt or misplaced property (an
 * `isRequired` on a TextBlock) is silently dropped by `parse`, so it is found
 * by comparing the card with what the renderer serializes back. The renderer
 * also omits properties equal to their defaults, which a card need not send.
 */
const KNOWN_UNSERIALIZED = new Set([
  // Teams-specific extension, not part of the Adaptive Card schema.
  'msteams',
  // Action fallback is honoured by hosts but not serialized back by this renderer.
  'fallback',
]);

function droppedProperties(original: unknown, serialized: unknown, path: string): string[] {
  if (Array.isArray(original)) {
    const serializedItems: readonly unknown[] = Array.isArray(serialized) ? serialized : [];
    return original.flatMap((item: unknown, index) => droppedProperties(item, serializedItems[index], `${path}[${index}]`));
  }
  if (!isPlainObject(original)) return [];
  const target = isPlainObject(serialized) ? serialized : {};
  // `data` is free-form: whatever is in it goes to the bot as is.
  if (path.endsWith('.data')) return [];
  return Object.entries(original).flatMap(([key, value]) => {
    const where = `${path}.${key}`;
    if (KNOWN_UNSERIALIZED.has(key)) return [];
    if (!(key in target)) return [typeof original.type === 'string' ? `${where} (${original.type})` : where];
    return droppedProperties(value, target[key], where);
  });
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Throws with every problem listed, so a test shows why a card is invalid. */
export function expectValidAdaptiveCard(card: unknown, options: CardCheckOptions = {}): CardCheck {
  const check = checkAdaptiveCard(card, options);
  expect(check.problems, `Invalid Adaptive Card:\n${check.problems.map((problem) => `  - ${problem}`).join('\n')}`).toEqual([]);
  return check;
}
