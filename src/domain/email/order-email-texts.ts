import type { LocalizedText } from '../i18n/locale.js';

/**
 * Texts of the order e-mail to the distributor that the cards do not already
 * have (the fact titles, status and subscription-kind labels come from
 * `cards/card-texts.ts`, so the e-mail and the cards name things alike).
 * Plain text: the HTML renderer escapes whatever these produce.
 */

type Text = LocalizedText;

export const orderEmailTexts = {
  /** `headline`: organization, INN and the first line (cards/order-facts.ts `orderHeadline`). */
  subject: (orderId: string, headline: string): Text => ({
    ru: `Заявка ${orderId}: ${headline}`,
    en: `Order ${orderId}: ${headline}`,
  }),
  subjectRevision: (revision: number): Text => ({ ru: ` · редакция ${revision}`, en: ` · revision ${revision}` }),
  /** The revision's changes, named in the subject so staff see them in the inbox list. */
  subjectChanges: (summary: string): Text => ({
    ru: summary === '' ? ' · без изменений' : ` · изменено: ${summary}`,
    en: summary === '' ? ' · unchanged' : ` · changed: ${summary}`,
  }),
  openInBoard: { ru: 'Открыть в панели заявок в Teams', en: 'Open in the orders board in Teams' },
  heading: (orderId: string): Text => ({
    ru: `Заявка ${orderId} на подписки Microsoft 365`,
    en: `Microsoft 365 subscription order ${orderId}`,
  }),
  introNew: {
    ru: 'Клиент отправил заявку на подписки Microsoft 365.',
    en: 'A customer has sent an order for Microsoft 365 subscriptions.',
  },
  introRevised: (revision: number): Text => ({
    ru: `Клиент отправил исправленную заявку (редакция ${revision}).`,
    en: `A customer has sent a revised order (revision ${revision}).`,
  }),
  formTitle: { ru: 'Данные заявки', en: 'Order form' },
  subscriptionsAndLicenses: { ru: 'Подписки и количество лицензий', en: 'Subscriptions and number of licenses' },
  attachmentNote: (filename: string): Text => ({
    ru: `Данные заявки в формате JSON — во вложении ${filename}.`,
    en: `The order data in JSON format is attached as ${filename}.`,
  }),
  footer: {
    ru: 'Письмо отправлено автоматически приложением для приёма заявок CSP в Microsoft Teams.',
    en: 'This message was sent automatically by the CSP onboarding app for Microsoft Teams.',
  },
} as const;
