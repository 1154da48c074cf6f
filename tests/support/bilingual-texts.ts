import type { LocalizedText } from '../../src/domain/i18n/locale.js';

/**
 * A sample argument for text templates: reads as a string (`${name}`) and as
 * a LocalizedText (`max.ru`), so any template can be called with it.
 */
const SAMPLE = Object.assign(new String('Contoso'), { ru: 'Контосо', en: 'Contoso' });

function isLocalizedText(value: unknown): value is LocalizedText {
  return typeof value === 'object' && value !== null && 'ru' in value && 'en' in value && !(value instanceof String);
}

/**
 * Every text in a module of user texts, by path: plain texts, templates
 * (called with a sample argument), nested groups and lists.
 */
export function collectTexts(node: unknown, path: string): [string, LocalizedText][] {
  if (typeof node === 'function') {
    const call = node as (...args: unknown[]) => unknown;
    return collectTexts(call(SAMPLE, SAMPLE, SAMPLE), `${path}(…)`);
  }
  if (isLocalizedText(node)) return [[path, node]];
  if (Array.isArray(node)) return node.flatMap((item, index) => collectTexts(item, `${path}[${index}]`));
  if (node !== null && typeof node === 'object') return Object.entries(node).flatMap(([key, value]) => collectTexts(value, `${path}.${key}`));
  return [];
}
