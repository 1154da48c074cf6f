import { describe, expect, it } from 'vitest';
import { buildReminderCard, buildRemindersStoppedCard } from '../../../src/domain/cards/reminder-card.js';
import type { RemindedStep } from '../../../src/domain/cards/reminder-card.js';
import { cardJsonBytes, BOT_MESSAGE_MAX_BYTES } from '../../../src/domain/cards/card-size.js';

const links = {
  invitationUrl: 'https://admin.microsoft.com/invite',
  gdapApprovalUrl: 'https://admin.microsoft.com/gdap',
  tabUrl: 'https://teams.microsoft.com/l/entity/app/onboarding',
};

describe('buildReminderCard', () => {
  it.each<[RemindedStep, object]>([
    ['invitationAccepted', { type: 'Action.OpenUrl', url: links.invitationUrl, title: 'Принять приглашение' }],
    ['mcaAccepted', { type: 'Action.OpenUrl', url: links.tabUrl, title: 'Открыть приложение' }],
    ['gdapActive', { type: 'Action.OpenUrl', url: links.gdapApprovalUrl, title: 'Одобрить GDAP' }],
    ['orderSubmitted', { type: 'Action.Execute', verb: 'startOrder', title: 'Оформить заявку' }],
  ])('gives the %s step its own button, then «Не напоминать»', (step, button) => {
    const card = buildReminderCard({ locale: 'ru', distributorName: 'ООО «Демо»', step, links });
    expect(card.actions?.[0]).toMatchObject(button);
    expect(card.actions?.[1]).toMatchObject({ type: 'Action.Execute', verb: 'stopReminders', title: 'Не напоминать' });
    expect(cardJsonBytes(card)).toBeLessThan(BOT_MESSAGE_MAX_BYTES);
  });

  it('leaves the button out when the step has no link, and escapes the distributor’s name', () => {
    const card = buildReminderCard({ locale: 'en', distributorName: '[Evil](https://x)', step: 'mcaAccepted', links: { invitationUrl: links.invitationUrl } });
    expect(card.actions).toHaveLength(1);
    const gdap = buildReminderCard({ locale: 'en', distributorName: '[Evil](https://x)', step: 'gdapActive', links });
    expect(JSON.stringify(gdap.body)).toContain('\\\\[Evil\\\\]');
    expect(JSON.stringify(gdap.body)).toContain('A friendly reminder');
  });

  it('answers «Не напоминать» in the user’s language', () => {
    expect(JSON.stringify(buildRemindersStoppedCard('ru'))).toContain('больше не будем напоминать');
    expect(JSON.stringify(buildRemindersStoppedCard('en'))).toContain('no more reminders');
  });
});
