import { describe, expect, it } from 'vitest';
import { technicalDomainAnswerTexts as texts } from '../../../src/domain/cards/chat-card-texts.js';
import { buildTechnicalDomainCard } from '../../../src/domain/cards/technical-domain-card.js';
import { BOT_MESSAGE_MAX_BYTES, expectValidAdaptiveCard } from '../../support/adaptive-card-validator.js';
import { cardTexts } from './card-fixtures.js';

describe.each(['ru', 'en'] as const)('technical domain card (%s)', (locale) => {
  it.each([
    [{ kind: 'microsoft365' } as const, texts.fromMicrosoft365],
    [{ kind: 'teamsAccount' } as const, texts.fromTeamsAccount],
    [{ kind: 'order', orderId: 'CSP-2026-0001' } as const, texts.fromOrder('CSP-2026-0001')],
  ])('names the domain, how it was found (%j) and why it matters', (source, how) => {
    const card = buildTechnicalDomainCard({ locale, found: { domain: 'romashka.onmicrosoft.com', source } });

    const check = expectValidAdaptiveCard(card, { maxBytes: BOT_MESSAGE_MAX_BYTES });
    expect(cardTexts(card)).toEqual(expect.arrayContaining([how[locale], texts.why[locale]]));
    // Shown as text, not as a link Teams made up.
    expect(check.rendered.querySelector('.ac-textBlock a')).toBeNull();
    expect(check.rendered.textContent).toContain('romashka.onmicrosoft.com');
  });

  it('says where to find an unknown domain', () => {
    const card = buildTechnicalDomainCard({ locale });

    expect(cardTexts(card)).toEqual(expect.arrayContaining([texts.unknown[locale], texts.why[locale]]));
  });
});
