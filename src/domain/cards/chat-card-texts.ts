import type { LocalizedText } from '../i18n/locale.js';

type Text = LocalizedText;

/** Texts of the chat's own cards: help, the order list, chat errors. */
export const helpTexts = {
  title: { ru: 'Что умеет этот бот', en: 'What this bot does' },
  intro: (distributorName: string): Text => ({
    ru: `Бот помогает стать клиентом ${distributorName} по программе Microsoft CSP: принять приглашение и отправить заявку на лицензии.`,
    en: `This bot helps you become a Microsoft CSP customer of ${distributorName}: accept the invitation and send the license order.`,
  }),
  commandsTitle: { ru: 'Команды', en: 'Commands' },
  orderCommand: { ru: '**заявка** — заполнить и отправить заявку на лицензии', en: '**order** — fill in and send a license order' },
  statusCommand: { ru: '**статус** — ваши заявки и их состояние', en: '**status** — your orders and where they stand' },
  helpCommand: { ru: '**помощь** — это сообщение', en: '**help** — this message' },
  languageNote: {
    ru: 'Команды можно писать на русском или английском.',
    en: 'Commands work in English and Russian.',
  },
  startOrder: { ru: 'Новая заявка', en: 'New order' },
  showStatus: { ru: 'Мои заявки', en: 'My orders' },
  openInvitation: { ru: 'Открыть приглашение', en: 'Open the invitation' },
} as const;

export const orderListTexts = {
  title: { ru: 'Ваши заявки', en: 'Your orders' },
  empty: { ru: 'Заявок пока нет.', en: 'No orders yet.' },
  // No total: the chat reads only the orders it shows (and one more), never the whole history.
  more: (shown: number): Text => ({
    ru: `Показаны последние ${shown}; все заявки — во вкладке «Подключение».`,
    en: `Showing the latest ${shown}; all orders are in the Onboarding tab.`,
  }),
  revision: (revision: number): Text => ({ ru: `редакция ${revision}`, en: `revision ${revision}` }),
  startOrder: { ru: 'Новая заявка', en: 'New order' },
} as const;

export const chatErrorTexts = {
  title: { ru: 'Не получилось', en: 'That did not work' },
  storageUnavailable: {
    ru: 'Хранилище заявок временно недоступно, ничего не изменилось. Повторите через минуту — повторная отправка не создаст дубль.',
    en: 'Order storage is temporarily unavailable and nothing changed. Please try again in a minute: resending never creates a duplicate.',
  },
  rateLimited: (time: string): Text => ({
    ru: `Слишком много заявок за последнюю минуту, эта не отправлена. Отправьте её снова в ${time}: всё введённое сохранено.`,
    en: `Too many orders in the last minute; this one was not sent. Send it again at ${time}: everything you entered is kept.`,
  }),
  tooManyOpenOrders: (limit: number): Text => ({
    ru: `Число незавершённых заявок вашей организации достигло предела (${limit}), эта не отправлена. Её можно будет отправить, когда дистрибьютор завершит одну из прежних; всё введённое сохранено.`,
    en: `Your organization has reached the limit of ${limit} orders not yet completed; this one was not sent. You can send it once the distributor completes an earlier one; everything you entered is kept.`,
  }),
  unknownAction: {
    ru: 'Эта кнопка больше не действует. Напишите «помощь», чтобы начать заново.',
    en: 'This button no longer works. Type "help" to start over.',
  },
  orderNotFound: { ru: 'Заявка не найдена.', en: 'The order was not found.' },
  // Also the answer to a second revision form (say, opened on another device) after the first was sent.
  notRevisable: {
    ru: 'Эту заявку сейчас нельзя изменить: исправления по ней уже отправлены или дистрибьютор их не запрашивал. Напишите «статус», чтобы увидеть её текущее состояние.',
    en: 'This order cannot be changed now: its changes were already sent, or the distributor has not asked for any. Type "status" to see where it stands.',
  },
  channelHelp: {
    ru: 'В каналах бот принимает только команду «входящие»: она делает этот канал входящим для заявок. Заявку клиенты отправляют в личном чате с ботом.',
    en: 'In channels the bot only takes the "inbox" command, which makes this channel the order inbox. Customers send orders in their personal chat with the bot.',
  },
} as const;
