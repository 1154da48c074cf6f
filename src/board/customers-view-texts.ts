import type { LocalizedText } from '../domain/i18n/locale.js';

/** The board's «Клиенты» view. */
export const customersViewTexts = {
  title: { ru: 'Клиенты', en: 'Customers' },
  intro: {
    ru: 'Где каждый клиент на пути подключения и сколько дней он на этом шаге. Дольше всех ждущие — сверху.',
    en: 'Where each customer is on the onboarding path and how many days it has been at that step. Longest waiting first.',
  },
  filterLabel: { ru: 'Показать', en: 'Show' },
  filterAll: { ru: 'всех клиентов', en: 'all customers' },
  filterStuck: (days: number): LocalizedText => ({ ru: `застрявших дольше ${days} дн.`, en: `stuck for more than ${days} days` }),
  columns: {
    customer: { ru: 'Клиент', en: 'Customer' },
    step: { ru: 'Текущий шаг', en: 'Current step' },
    stuck: { ru: 'На шаге, дней', en: 'Days at step' },
    evidence: { ru: 'Связь с партнёром', en: 'Partner relationship' },
    mca: { ru: 'Соглашение (MCA)', en: 'Agreement (MCA)' },
    waiting: { ru: 'Заявки ждут', en: 'Orders waiting' },
  },
  allDone: { ru: 'Все шаги пройдены', en: 'All steps done' },
  mcaAccepted: { ru: 'принято', en: 'accepted' },
  mcaNotAccepted: { ru: 'не принято', en: 'not accepted' },
  empty: { ru: 'Таких клиентов нет.', en: 'No such customers.' },
  more: { ru: 'Показать ещё', en: 'Show more' },
  loading: { ru: 'Загружаем клиентов…', en: 'Loading customers…' },
} as const;

/** The "stuck more than N days" choices. */
export const STUCK_DAY_CHOICES: readonly number[] = [3, 7, 14, 30];
