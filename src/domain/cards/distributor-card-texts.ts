import type { LocalizedText } from '../i18n/locale.js';
import { MAX_COMMENT_LENGTH } from '../order/order-lifecycle.js';

/**
 * Texts of the card a distributor action answers with when it could not be
 * done. Templates take their arguments already escaped with `escapeCardText`.
 */
export const actionErrorTexts = {
  title: { ru: 'Действие не выполнено', en: 'The action was not completed' },
  notDistributor: {
    ru: 'Работать с заявками могут только сотрудники дистрибьютора. Заявка не изменена.',
    en: "Only the distributor's staff can act on orders. The order was not changed.",
  },
  notInbox: {
    ru: 'С заявками работают только в канале, куда они приходят. Откройте заявку там. Заявка не изменена.',
    en: 'Orders are handled only in the channel that receives them. Open the order there. The order was not changed.',
  },
  guest: {
    ru: 'Гости команды не могут работать с заявками: это могут только сотрудники дистрибьютора. Заявка не изменена.',
    en: "Guests of the team cannot act on orders: only the distributor's staff can. The order was not changed.",
  },
  unreadableCard: {
    ru: 'Не удалось прочитать данные заявки из этой карточки. Откройте последнюю карточку заявки в канале.',
    en: 'The order data on this card could not be read. Open the latest card of the order in the channel.',
  },
  orderNotFound: (orderId: string): LocalizedText => ({
    ru: `Заявка ${orderId} не найдена.`,
    en: `Order ${orderId} was not found.`,
  }),
  commentRequired: {
    ru: 'Напишите, что нужно исправить в заявке, и отправьте запрос ещё раз.',
    en: 'Describe what needs to change in the order and send the request again.',
  },
  commentTooLong: {
    ru: `Комментарий длиннее ${MAX_COMMENT_LENGTH} символов. Сократите его и отправьте запрос ещё раз.`,
    en: `The comment is longer than ${MAX_COMMENT_LENGTH} characters. Shorten it and send the request again.`,
  },
  tryAgain: {
    ru: 'Сервис временно недоступен, заявка не изменена. Повторите попытку через минуту.',
    en: 'The service is temporarily unavailable and the order was not changed. Please try again in a minute.',
  },
  backToOrder: { ru: 'Вернуться к заявке', en: 'Back to the order' },
} as const;
