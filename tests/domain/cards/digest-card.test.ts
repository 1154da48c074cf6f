import { describe, expect, it } from 'vitest';
import { buildDigestCard, DIGEST_SECTION_MAX } from '../../../src/domain/cards/digest-card.js';
import { BOT_MESSAGE_MAX_BYTES, cardJsonBytes } from '../../../src/domain/cards/card-size.js';
import { selectDigest } from '../../../src/domain/journey/staff-digest.js';
import { digestCustomer as customer, TUESDAY_9AM, digestOptions as options } from '../journey/digest-fixtures.js';

describe('buildDigestCard', () => {
  it('names at most ten customers per section, counts the rest, and stays within a bot message', () => {
    const many = Array.from({ length: 400 }, (_, i) => customer({ tenantId: `t${i}`, organizationName: `ООО «Клиент номер ${i} с длинным названием»`, waitingOrders: 1 }));
    const card = buildDigestCard({ locale: 'ru', date: '2026-12-08', now: TUESDAY_9AM, stuckAfterDays: 3, digest: selectDigest(many, TUESDAY_9AM, options) });
    const text = JSON.stringify(card);
    expect(text).toContain('Сводка по клиентам на 08.12.2026');
    expect(text).toContain('Заявки ждут действий (400)');
    expect(text).toContain(`…и ещё ${400 - DIGEST_SECTION_MAX}`);
    expect(cardJsonBytes(card)).toBeLessThan(BOT_MESSAGE_MAX_BYTES);
  });

  it('speaks English for English-speaking staff and shows days at the step', () => {
    const stuck = customer({ current: 'invitationAccepted', stuckSince: '2026-12-01T06:00:00.000Z' });
    const card = buildDigestCard({ locale: 'en', date: '2026-12-08', now: TUESDAY_9AM, stuckAfterDays: 3, digest: selectDigest([stuck], TUESDAY_9AM, options) });
    const text = JSON.stringify(card);
    expect(text).toContain('Stuck for more than 3 days (1)');
    expect(text).toContain('Partner invitation accepted: 7 days');
  });
});
