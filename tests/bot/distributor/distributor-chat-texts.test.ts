import { describe, expect, it } from 'vitest';
import { inboxTexts } from '../../../bot/distributor/distributor-chat-texts.js';
import type { LocalizedText } from '../../../src/domain/i18n/locale.js';

const all: [string, LocalizedText][] = Object.entries(inboxTexts).flatMap(([name, value]): [string, LocalizedText][] =>
  typeof value === 'function'
    ? [
        [`${name}(name)`, value('Заявки')],
        [`${name}()`, (value as (argument?: string) => LocalizedText)(undefined)],
      ]
    : [[name, value]],
);

describe('inbox chat texts', () => {
  it.each(all)('%s exists in Russian and English', (_name, text) => {
    expect(text.ru.trim()).not.toBe('');
    expect(text.en.trim()).not.toBe('');
    expect(text.ru).toMatch(/[а-яё]/i);
  });

  it('names the channel when it is known', () => {
    expect(inboxTexts.claimed('Заявки')).toEqual({
      ru: 'Готово: заявки клиентов теперь приходят в канал «Заявки».',
      en: 'Done: customer orders now arrive in the "Заявки" channel.',
    });
  });
});
