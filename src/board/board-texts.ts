import type { LocalizedText } from '../domain/i18n/locale.js';
import type { RelationshipLevel } from '../domain/tenant/tenant-response.js';

type Text = LocalizedText;

/**
 * Every text of the distributor's board, in Russian and English. Order facts
 * (field names, statuses) come from src/domain/cards/card-texts.ts, so the
 * board and the channel card name things alike.
 */
export const boardTexts = {
  appTitle: { ru: 'Заявки клиентов CSP', en: 'CSP customer orders' },
  viewsNavLabel: { ru: 'Разделы', en: 'Sections' },
  views: {
    orders: { ru: 'Заявки', en: 'Orders' },
  },

  openInTeamsTitle: { ru: 'Откройте вкладку в Microsoft Teams', en: 'Open the tab in Microsoft Teams' },
  openInTeams: {
    ru: 'Заявки видны только после входа через Teams: откройте вкладку «Заявки CSP» в команде дистрибьютора или в личных приложениях.',
    en: 'The orders show only after signing in through Teams: open the "CSP orders" tab in the distributor\'s team or in your personal apps.',
  },
  notStaffTitle: { ru: 'Доступ только для сотрудников', en: 'Staff only' },
  notStaff: (distributorName: string): Text => ({
    ru: `Эта страница предназначена для сотрудников ${distributorName}. Если вы работаете у дистрибьютора, войдите в Teams под рабочей учётной записью организации или попросите администратора добавить вас в группу сотрудников.`,
    en: `This page is for ${distributorName}'s staff. If you work for the distributor, sign in to Teams with your work account, or ask your administrator to add you to the staff group.`,
  }),

  filters: {
    title: { ru: 'Фильтры', en: 'Filters' },
    search: { ru: 'Поиск', en: 'Search' },
    searchHint: {
      ru: 'ИНН, организация, технический домен, номер заявки или эл. почта',
      en: 'INN, organization, technical domain, order number or e-mail',
    },
    status: { ru: 'Статус', en: 'Status' },
    anyStatus: { ru: 'Все статусы', en: 'All statuses' },
    from: { ru: 'С даты', en: 'From' },
    to: { ru: 'По дату', en: 'To' },
    needsAction: { ru: 'Только требующие действий', en: 'Needs action only' },
    needsActionHint: {
      ru: 'Новые заявки и заявки, изменённые клиентом',
      en: 'New orders and orders the customer has changed',
    },
    apply: { ru: 'Найти', en: 'Search' },
    reset: { ru: 'Сбросить', en: 'Reset' },
    range: (from: string, to: string): Text => ({ ru: `Период: ${from} — ${to}`, en: `Period: ${from} to ${to}` }),
  },
  counts: { ru: 'Заявок по статусам', en: 'Orders by status' },
  exportCsv: { ru: 'Выгрузить в CSV', en: 'Export to CSV' },
  exportXlsx: { ru: 'Выгрузить в Excel', en: 'Export to Excel' },
  exporting: { ru: 'Готовим файл…', en: 'Preparing the file…' },

  list: {
    caption: { ru: 'Заявки, сначала новые', en: 'Orders, newest first' },
    number: { ru: 'Номер', en: 'Number' },
    received: { ru: 'Получена', en: 'Received' },
    organization: { ru: 'Организация', en: 'Organization' },
    subscriptions: { ru: 'Подписки', en: 'Subscriptions' },
    status: { ru: 'Статус', en: 'Status' },
    needsAction: { ru: 'Требует действий', en: 'Needs action' },
    empty: { ru: 'Заявок по этим условиям нет.', en: 'No orders match.' },
    more: { ru: 'Показать ещё', en: 'Show more' },
    loadingMore: { ru: 'Загружаем…', en: 'Loading…' },
    open: (orderId: string): Text => ({ ru: `Открыть заявку ${orderId}`, en: `Open order ${orderId}` }),
    shown: (count: number): Text => ({ ru: `Показано заявок: ${count}`, en: `Orders shown: ${count}` }),
  },

  order: {
    back: { ru: 'К списку заявок', en: 'Back to orders' },
    title: (orderId: string): Text => ({ ru: `Заявка ${orderId}`, en: `Order ${orderId}` }),
    revision: (revision: number): Text => ({ ru: `Редакция ${revision}`, en: `Revision ${revision}` }),
    items: { ru: 'Десять пунктов заявки', en: 'The ten items of the order' },
    tenantId: { ru: 'ID клиента (тенанта)', en: 'Customer tenant ID' },
    technicalDomainDefault: { ru: 'Домен по умолчанию', en: 'Default domain' },
    technicalDomainNotDefault: {
      ru: 'Не домен по умолчанию: клиенту нужно сделать его основным до перехода с пробной версии',
      en: 'Not the default domain: the customer should make it the default before the trial conversion',
    },
    technicalDomainUnknown: { ru: 'Неизвестно, основной ли это домен', en: 'Not known whether it is the default domain' },
    noTrial: { ru: 'Не выбрана', en: 'None picked' },
    write: (email: string): Text => ({ ru: `Написать на ${email}`, en: `E-mail ${email}` }),
    call: (phone: string): Text => ({ ru: `Позвонить по номеру ${phone}`, en: `Call ${phone}` }),
  },

  evidence: {
    title: { ru: 'Связь с клиентом', en: 'Relationship with the customer' },
    atSubmission: { ru: 'При отправке заявки', en: 'When the order was sent' },
    now: { ru: 'Сейчас', en: 'Now' },
    unknown: { ru: 'Нет данных', en: 'No data' },
    levels: {
      confirmed: { ru: 'Подтверждена (клиент в списке клиентов дистрибьютора)', en: "Confirmed (in the distributor's customer list)" },
      detected: { ru: 'Есть признаки в Microsoft 365 клиента', en: "Signs found in the customer's Microsoft 365" },
      declared: { ru: 'Только со слов клиента', en: 'Declared by the customer only' },
      notFound: { ru: 'Не найдена', en: 'Not found' },
    } satisfies Record<RelationshipLevel, Text>,
  },

  history: {
    title: { ru: 'История и редакции', en: 'History and revisions' },
    by: (name: string): Text => ({ ru: `Кто: ${name}`, en: `By: ${name}` }),
    comment: (comment: string): Text => ({ ru: `Комментарий: ${comment}`, en: `Comment: ${comment}` }),
    changesTitle: (revision: number): Text => ({
      ru: `Что изменилось в редакции ${revision}`,
      en: `What changed in revision ${revision}`,
    }),
    field: { ru: 'Поле', en: 'Field' },
    before: { ru: 'Было', en: 'Before' },
    after: { ru: 'Стало', en: 'After' },
    empty: { ru: '—', en: '—' },
  },

  partnerCenter: {
    title: { ru: 'Для Partner Center', en: 'Ready for Partner Center' },
    intro: {
      ru: 'Скопируйте значения в Partner Center, чтобы не набирать их вручную.',
      en: 'Copy the values into Partner Center instead of retyping them.',
    },
    product: { ru: 'Продукт', en: 'Product' },
    skuPartNumber: { ru: 'skuPartNumber', en: 'skuPartNumber' },
    skuId: { ru: 'skuId', en: 'skuId' },
    quantity: { ru: 'Лицензий', en: 'Licenses' },
    noSkuId: { ru: 'нет в списке Microsoft', en: "not in Microsoft's list" },
    copy: (what: string): Text => ({ ru: `Копировать: ${what}`, en: `Copy ${what}` }),
    copied: { ru: 'Скопировано', en: 'Copied' },
    copyFailed: { ru: 'Не удалось скопировать: выделите значение и нажмите Ctrl+C', en: 'Could not copy: select the value and press Ctrl+C' },
  },

  actions: {
    title: { ru: 'Действия', en: 'Actions' },
    stale: {
      ru: 'Заявка изменилась, пока вы её смотрели: мы загрузили свежую версию. Проверьте её и повторите действие.',
      en: 'The order changed while you were looking at it: the latest version is loaded. Check it and try again.',
    },
    notAllowed: { ru: 'Это действие сейчас недоступно', en: 'This action is not available now' },
    done: { ru: 'Статус заявки изменён. Клиент получит уведомление.', en: 'The status is changed. The customer will be notified.' },
    saving: { ru: 'Сохраняем…', en: 'Saving…' },
    cancel: { ru: 'Отмена', en: 'Cancel' },
    none: { ru: 'Для заявки в этом статусе действий нет.', en: 'There is nothing to do with an order in this status.' },
  },

  config: {
    title: { ru: 'Вкладка заявок клиентов', en: 'Customer orders tab' },
    intro: (distributorName: string): Text => ({
      ru: `Вкладка покажет сотрудникам ${distributorName} все заявки клиентов: поиск, фильтры, выгрузку и действия с заявками. Нажмите «Сохранить», чтобы добавить её в канал.`,
      en: `The tab shows ${distributorName}'s staff every customer order: search, filters, export and order actions. Press Save to add it to the channel.`,
    }),
    tabName: { ru: 'Заявки CSP', en: 'CSP orders' },
    outsideTeams: {
      ru: 'Эта страница настраивает вкладку в канале Teams. Откройте её из Teams: «+» в канале → приложение.',
      en: 'This page sets up a tab in a Teams channel. Open it from Teams: "+" in the channel, then the app.',
    },
    saveFailed: { ru: 'Teams не сохранил вкладку. Попробуйте ещё раз.', en: 'Teams did not save the tab. Please try again.' },
  },
} as const;
