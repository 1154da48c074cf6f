import type { LocalizedText } from '../i18n/locale.js';
import type { JourneyStepId } from '../journey/journey.js';

/** The reminder in a customer's chat: one friendly line per step and its button. */
export const reminderTexts = {
  title: { ru: 'Небольшое напоминание', en: 'A friendly reminder' },
  step: {
    invitationAccepted: {
      ru: 'Чтобы {distributor} мог оформлять для вас лицензии, осталось принять приглашение партнёра в центре администрирования Microsoft 365. Это займёт пару минут.',
      en: 'To let {distributor} order licenses for you, accept the partner invitation in the Microsoft 365 admin center. It takes a couple of minutes.',
    },
    mcaAccepted: {
      ru: 'Перед первым заказом нужно принять Соглашение с клиентом Майкрософт: откройте вкладку приложения, шаг «Соглашение».',
      en: 'Before the first order, accept the Microsoft Customer Agreement: open the app’s tab, step “Agreement”.',
    },
    gdapActive: {
      ru: '{distributor} ждёт одобрения запроса прав администратора (GDAP), чтобы помогать вам с подписками.',
      en: '{distributor} is waiting for you to approve the admin access (GDAP) request, so it can help with your subscriptions.',
    },
    orderSubmitted: {
      ru: 'Всё готово к первому заказу: заполните заявку прямо здесь, в чате, — это несколько полей.',
      en: 'Everything is ready for your first order: fill in the order right here in the chat, it is only a few fields.',
    },
  } satisfies Partial<Record<JourneyStepId, LocalizedText>>,
  button: {
    invitationAccepted: { ru: 'Принять приглашение', en: 'Accept the invitation' },
    mcaAccepted: { ru: 'Открыть приложение', en: 'Open the app' },
    gdapActive: { ru: 'Одобрить GDAP', en: 'Approve GDAP' },
    orderSubmitted: { ru: 'Оформить заявку', en: 'Start an order' },
  } satisfies Partial<Record<JourneyStepId, LocalizedText>>,
  stop: { ru: 'Не напоминать', en: 'Don’t remind me' },
  stopped: { ru: 'Хорошо, больше не будем напоминать. Продолжить можно в любой момент во вкладке приложения или здесь, в чате.', en: 'All right, no more reminders. You can continue any time in the app’s tab or here in the chat.' },
} as const;

/** The staff digest in the inbox channel. */
export const digestTexts = {
  title: (date: string): LocalizedText => ({ ru: `Сводка по клиентам на ${date}`, en: `Customer digest for ${date}` }),
  newCustomers: { ru: 'Новые клиенты', en: 'New customers' },
  stuck: (days: number): LocalizedText => ({ ru: `Застряли дольше ${days} дн.`, en: `Stuck for more than ${days} days` }),
  waitingOrders: { ru: 'Заявки ждут действий', en: 'Orders waiting for action' },
  gdapExpiring: { ru: 'GDAP истекает в ближайшие 30 дней', en: 'GDAP ending within 30 days' },
  stuckAt: (step: string, days: number): LocalizedText => ({ ru: `${step}: ${days} дн.`, en: `${step}: ${days} days` }),
  orders: (count: number): LocalizedText => ({ ru: `заявок: ${count}`, en: `${count} ${count === 1 ? 'order' : 'orders'}` }),
  endsOn: (date: string): LocalizedText => ({ ru: `до ${date}`, en: `until ${date}` }),
  more: (count: number): LocalizedText => ({ ru: `…и ещё ${count}`, en: `…and ${count} more` }),
} as const;
