import { describe, expect, it } from 'vitest';
import { draftDateFromTyped, typedDateFromDraft } from '../../../src/tab/order/russian-date-input.js';

describe('the Russian activation date input', () => {
  it.each([
    ['01.12.2026', '2026-12-01'],
    ['1.12.2026', '2026-12-01'],
    [' 01/12/2026 ', '2026-12-01'],
    ['01.12.20', '01.12.20'],
    ['завтра', 'завтра'],
  ])('keeps %j in the draft as %j', (typed, draft) => {
    expect(draftDateFromTyped(typed)).toBe(draft);
  });

  it('shows an ISO draft as дд.мм.гггг and text still being typed as it is', () => {
    expect(typedDateFromDraft('2026-12-01')).toBe('01.12.2026');
    expect(typedDateFromDraft('01.12.')).toBe('01.12.');
  });
});
