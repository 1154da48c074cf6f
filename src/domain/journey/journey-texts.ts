import type { LocalizedText } from '../i18n/locale.js';
import type { InvitationEvidenceLevel, JourneyStepId, NextAction } from './journey.js';

/** What each journey step is called, in the tab's checklist and on the board. */
export const journeyStepTexts: Readonly<Record<JourneyStepId, LocalizedText>> = {
  appOpened: { ru: 'Приложение открыто', en: 'App opened' },
  invitationAccepted: { ru: 'Приглашение партнёра принято', en: 'Partner invitation accepted' },
  mcaAccepted: { ru: 'Соглашение с клиентом Майкрософт принято', en: 'Microsoft Customer Agreement accepted' },
  gdapActive: { ru: 'Права администратора (GDAP) выданы', en: 'Admin access (GDAP) approved' },
  orderSubmitted: { ru: 'Первая заявка отправлена', en: 'First order submitted' },
  orderAccepted: { ru: 'Заявка принята дистрибьютором', en: 'Order accepted by the distributor' },
  orderCompleted: { ru: 'Заявка выполнена', en: 'Order completed' },
};

/** The one next action, as the customer reads it. */
export const nextActionTexts: Readonly<Record<NextAction, LocalizedText>> = {
  openApp: { ru: 'Откройте приложение в Teams', en: 'Open the app in Teams' },
  acceptInvitation: { ru: 'Примите приглашение партнёра в центре администрирования Microsoft 365', en: 'Accept the partner invitation in the Microsoft 365 admin center' },
  acceptCustomerAgreement: { ru: 'Примите Соглашение с клиентом Майкрософт', en: 'Accept the Microsoft Customer Agreement' },
  approveGdap: { ru: 'Одобрите запрос прав администратора (GDAP)', en: 'Approve the admin access (GDAP) request' },
  submitOrder: { ru: 'Отправьте заявку на лицензии', en: 'Submit your license order' },
  waitForAcceptance: { ru: 'Ждём, когда дистрибьютор примет заявку', en: 'Waiting for the distributor to accept the order' },
  waitForCompletion: { ru: 'Ждём, когда дистрибьютор выполнит заявку', en: 'Waiting for the distributor to complete the order' },
};

export const evidenceLevelTexts: Readonly<Record<InvitationEvidenceLevel | 'notFound', LocalizedText>> = {
  confirmed: { ru: 'подтверждено', en: 'confirmed' },
  detected: { ru: 'обнаружено', en: 'detected' },
  declared: { ru: 'со слов клиента', en: 'declared' },
  notFound: { ru: 'не найдено', en: 'not found' },
};

export const journeyTexts = {
  checklistTitle: { ru: 'Ваш путь подключения', en: 'Your onboarding' },
  progress: (done: number, total: number): LocalizedText => ({ ru: `Готово ${done} из ${total}`, en: `${done} of ${total} done` }),
  nextLabel: { ru: 'Следующий шаг', en: 'Next step' },
  allDone: { ru: 'Все шаги пройдены', en: 'All steps done' },
  stepDone: { ru: 'готово', en: 'done' },
  stepOpen: { ru: 'осталось', en: 'to do' },
} as const satisfies Record<string, LocalizedText | ((...args: never[]) => LocalizedText)>;
