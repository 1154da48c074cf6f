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
    ru: 'Можно писать и своими словами, по-русски или по-английски: например, «нужны лицензии на 20 человек», «что с моей заявкой?» или «какой у нас технический домен?».',
    en: 'You can also write in your own words, in English or Russian: for example "we need licenses for 20 people", "where is my order?" or "what is our technical domain?".',
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
    ru: 'Хранилище заявок временно недоступно, ничего не изменилось. Повторите через минуту — повторная отправка не создаст вторую заявку.',
    en: 'Order storage is temporarily unavailable and nothing changed. Please try again in a minute: resending never creates a duplicate.',
  },
  // The form comes back with it, every value kept: the server refused the order before storing anything.
  busy: {
    ru: 'Сервер сейчас перегружен, заявка не отправлена. Отправьте её ещё раз через несколько секунд: всё введённое сохранено, а повторная отправка не создаст вторую заявку.',
    en: 'The server is busy right now; this order was not sent. Send it again in a few seconds: everything you entered is kept, and resending never creates a duplicate.',
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
    ru: 'В каналах бот понимает только команду «входящие»: она назначает этот канал для приёма заявок. Клиенты отправляют заявки в личном чате с ботом.',
    en: 'In channels the bot only takes the "inbox" command, which makes this channel the order inbox. Customers send orders in their personal chat with the bot.',
  },
} as const;

/** Short answers to small talk: a reply and the main buttons. */
export const smallTalkTexts = {
  greeting: {
    ru: 'Здравствуйте! Здесь можно оформить заявку на лицензии Microsoft 365 и узнать, что с ней. С чего начнём?',
    en: 'Hello! Here you can order Microsoft 365 licenses and see where your order stands. Where shall we start?',
  },
  thanks: {
    ru: 'Пожалуйста! Если понадобится что-то ещё — пишите.',
    en: "You're welcome! Write any time you need something else.",
  },
  startOrder: { ru: 'Новая заявка', en: 'New order' },
  showStatus: { ru: 'Мои заявки', en: 'My orders' },
  openInvitation: { ru: 'Открыть приглашение', en: 'Open the invitation' },
} as const satisfies Record<string, Text>;

/** The answer to "what is our technical domain?". */
export const technicalDomainAnswerTexts = {
  title: { ru: 'Технический домен', en: 'Technical domain' },
  known: (domain: string): Text => ({
    ru: `Ваш технический домен: **${domain}**.`,
    en: `Your technical domain is **${domain}**.`,
  }),
  fromMicrosoft365: {
    ru: 'Откуда мы это знаем: так его называет Microsoft 365 — это начальный домен вашей организации.',
    en: "How we know: Microsoft 365 lists it as your organization's initial domain.",
  },
  fromTeamsAccount: {
    ru: 'Откуда мы это знаем: им заканчивается имя вашей учётной записи в Teams. Если у организации несколько доменов onmicrosoft\\.com, сверьтесь с центром администрирования: нужен самый первый.',
    en: 'How we know: your Teams account name ends with it. If your organization has several onmicrosoft\\.com domains, check the admin center: the first one is needed.',
  },
  fromOrder: (orderId: string): Text => ({
    ru: `Откуда мы это знаем: вы указали его в заявке ${orderId}.`,
    en: `How we know: you entered it in order ${orderId}.`,
  }),
  unknown: {
    ru: 'Мы пока не знаем ваш технический домен. Он имеет вид xxxx\\.onmicrosoft\\.com; найти его можно в центре администрирования Microsoft 365 → Параметры → Домены.',
    en: 'We do not know your technical domain yet. It looks like xxxx\\.onmicrosoft\\.com; you can find it in the Microsoft 365 admin center → Settings → Domains.',
  },
  why: {
    ru: 'Зачем он нужен: при переходе с пробной версии лицензии должны оказаться в той же организации Microsoft 365, что и пробная подписка, — тогда все ваши данные сохранятся. По техническому домену дистрибьютор находит именно её.',
    en: 'Why it matters: when you convert a trial, the licenses must land in the same Microsoft 365 organization (tenant) as the trial, so all your data stays. The technical domain tells the distributor which one that is.',
  },
  startOrder: { ru: 'Новая заявка', en: 'New order' },
} as const;
