import type { LocalizedText } from '../i18n/locale.js';
import type { OrderStatus, SubscriptionKind } from '../order/order.js';
import type { RelationshipLevel } from '../tenant/tenant-response.js';

/**
 * Every text on the cards, in Russian and English. Texts are markdown source
 * (TextBlock and FactSet render markdown), so the few static texts that show
 * a domain escape its dots to keep Teams from autolinking it. Functions take
 * their arguments already escaped with `escapeCardText` when the argument is
 * user or configuration text.
 */

type Text = LocalizedText;

export const commonTexts = {
  yes: { ru: 'Да', en: 'Yes' },
  no: { ru: 'Нет', en: 'No' },
} as const satisfies Record<string, Text>;

export const orderStatusLabels: Readonly<Record<OrderStatus, Text>> = {
  submitted: { ru: 'Отправлена', en: 'Submitted' },
  accepted: { ru: 'Принята в работу', en: 'Accepted' },
  changesRequested: { ru: 'Требует исправлений', en: 'Changes requested' },
  completed: { ru: 'Выполнена', en: 'Completed' },
};

export const subscriptionKindLabels: Readonly<Record<SubscriptionKind, Text>> = {
  new: { ru: 'Новая подписка', en: 'New subscription' },
  trialConversion: { ru: 'Переход с пробной версии', en: 'Conversion from a trial' },
};

// Made once: constructing Intl.PluralRules is costly and every order card counts licenses.
const ruPlurals = new Intl.PluralRules('ru');
const enPlurals = new Intl.PluralRules('en');
const ruLicenseForms: Readonly<Record<string, string>> = { one: 'лицензия', few: 'лицензии', many: 'лицензий' };

/** The picked trial: product, its licenses, and when it ends (the date already formatted). */
export function convertedTrialText(product: string, licenses: Text, endsOn: string | undefined): Text {
  return {
    ru: `${product}, ${licenses.ru}${endsOn === undefined ? '' : `, действует до ${endsOn}`}`,
    en: `${product}, ${licenses.en}${endsOn === undefined ? '' : `, ends ${endsOn}`}`,
  };
}

/** Russian agrees the noun with the number (1 лицензия, 2 лицензии, 5 лицензий). */
export function licenseCount(quantity: number): Text {
  const ruForm = ruLicenseForms[ruPlurals.select(quantity)] ?? 'лицензии';
  const enForm = enPlurals.select(quantity) === 'one' ? 'license' : 'licenses';
  return { ru: `${quantity} ${ruForm}`, en: `${quantity} ${enForm}` };
}

/**
 * The welcome card describes today's invitation page in the Microsoft 365
 * admin center: the partner, the Microsoft Customer Agreement to accept, and
 * a button that accepts it and authorizes the partner (learn.microsoft.com:
 * "Manage Microsoft-certified solution provider partner relationships";
 * Partner Center, "Request a reseller relationship": the customer signs the
 * Microsoft Customer Agreement); the shared sentences are in
 * src/domain/invitation/invitation-page-texts.ts. The distributor's original
 * labels stay as what older pages show.
 */
export const welcomeTexts = {
  title: (distributorName: string): Text => ({
    ru: `${distributorName}: как оформить подписки Microsoft 365`,
    en: `${distributorName}: how to order Microsoft 365 subscriptions`,
  }),
  intro: {
    ru: 'Чтобы оформить подписки Microsoft 365, выполните два шага: примите приглашение CSP и отправьте заявку.',
    en: 'To order Microsoft 365 subscriptions, take two steps: accept the CSP invitation and send the order.',
  },
  introWithGdap: {
    ru: 'Чтобы оформить подписки Microsoft 365, примите приглашение CSP, одобрите доступ администратора и отправьте заявку.',
    en: 'To order Microsoft 365 subscriptions, accept the CSP invitation, approve admin access and send the order.',
  },
  step1Title: { ru: 'Шаг 1. Примите приглашение CSP', en: 'Step 1. Accept the CSP invitation' },
  step1SignIn: {
    ru: 'Нажмите «Открыть приглашение» и войдите под учётной записью глобального администратора вашей организации в Microsoft 365.',
    en: 'Press "Open invitation" and sign in as a Global Administrator of your organization in Microsoft 365.',
  },
  step1OlderPage: {
    ru: 'На прежней странице приглашения эти пункты назывались «Да, я понимаю условия делегированного администрирования и имею право принимать их от имени своей организации» и «Авторизация торгового посредника».',
    en:
      'Older versions of the page showed them, in Russian, as "Да, я понимаю условия делегированного администрирования и имею право принимать их от имени своей организации" ' +
      '(Yes, I understand the terms of delegated administration and am authorized to accept them on behalf of my organization) ' +
      'and "Авторизация торгового посредника" (Authorize reseller).',
  },
  gdapTitle: { ru: 'Шаг 2. Одобрите доступ администратора (GDAP)', en: 'Step 2. Approve admin access (GDAP)' },
  orderTitle: (step: number): Text => ({ ru: `Шаг ${step}. Отправьте заявку`, en: `Step ${step}. Send the order` }),
  orderText: {
    ru: 'Нажмите «Оформить заявку» и заполните форму. Все поля обязательны.',
    en: 'Press "Create order" and fill in the form. Every field is required.',
  },
  domainTitle: { ru: 'Где найти технический домен', en: 'Where to find the technical domain' },
  domainText: {
    ru: 'Центр администрирования Microsoft 365 → Параметры → Домены. Технический домен имеет вид xxxx\\.onmicrosoft\\.com; он должен быть назначен доменом по умолчанию.',
    en: 'Microsoft 365 admin center → Settings → Domains. The technical domain looks like xxxx\\.onmicrosoft\\.com and should be set as the default domain.',
  },
  openInvitation: { ru: 'Открыть приглашение', en: 'Open invitation' },
  startOrder: { ru: 'Оформить заявку', en: 'Create order' },
  help: { ru: 'Помощь', en: 'Help' },
} as const;

export const orderFormTexts = {
  title: { ru: 'Заявка на подписки Microsoft 365', en: 'Microsoft 365 subscription order' },
  allRequired: { ru: 'Все поля обязательны для заполнения.', en: 'All fields are required.' },
  fixErrors: {
    ru: 'Исправьте ошибки в отмеченных полях и отправьте заявку ещё раз.',
    en: 'Correct the marked fields and send the order again.',
  },
  invitationSection: { ru: 'Приглашение CSP', en: 'CSP invitation' },
  invitationAccepted: { ru: 'Приглашение CSP принято?', en: 'Have you accepted the CSP invitation?' },
  invitationAcceptedYes: { ru: 'Да, приглашение принято', en: 'Yes, it is accepted' },
  invitationAcceptedNo: { ru: 'Нет, ещё не принято', en: 'No, not yet' },
  invitationAcceptedError: { ru: 'Укажите, принято ли приглашение.', en: 'Say whether the invitation is accepted.' },
  invitationHowTo: {
    ru: 'Ещё не приняли? Откройте приглашение кнопкой ниже, войдите как администратор, примите его и выберите «Да». Заявку можно отправить после принятия.',
    en: 'Not yet? Open the invitation with the button below, sign in as an administrator, accept it and choose "Yes". The order can be sent once it is accepted.',
  },
  invitationNotYetTitle: { ru: 'Сначала примите приглашение', en: 'Accept the invitation first' },
  invitationNotYet: {
    ru: 'Заявку можно отправить, когда приглашение принято. Откройте его кнопкой «Открыть приглашение», войдите как администратор и подтвердите согласие. Затем выберите здесь «Да» и отправьте заявку: всё, что вы ввели, сохранится.',
    en: 'The order can be sent once the invitation is accepted. Open it with "Open the invitation", sign in as an administrator and give your consent. Then choose "Yes" here and send the order: everything you entered is kept.',
  },
  invitationDetected: {
    ru: 'Ответ «Да» подставлен: Microsoft 365 показывает, что ваша организация уже работает с дистрибьютором.',
    en: 'We chose "Yes" for you: Microsoft 365 shows your organization already works with the distributor.',
  },
  invitationConfirmed: {
    ru: 'Ответ «Да» подставлен: дистрибьютор видит вашу организацию среди своих клиентов.',
    en: 'We chose "Yes" for you: the distributor sees your organization among its customers.',
  },
  openInvitation: { ru: 'Открыть приглашение', en: 'Open the invitation' },
  technicalDomain: { ru: 'Технический домен (xxxx.onmicrosoft.com)', en: 'Technical domain (xxxx.onmicrosoft.com)' },
  technicalDomainHint: {
    ru: 'Центр администрирования Microsoft 365 → Параметры → Домены. По нему дистрибьютор находит вашу организацию: при переходе с пробной версии лицензии попадут туда же, и данные сохранятся.',
    en: 'Microsoft 365 admin center → Settings → Domains. It tells the distributor which organization is yours: a trial conversion lands the licenses there, so your data stays.',
  },
  technicalDomainError: {
    ru: 'Укажите домен вида xxxx.onmicrosoft.com.',
    en: 'Enter a domain like xxxx.onmicrosoft.com.',
  },
  subscriptionsSection: { ru: 'Подписки и количество лицензий', en: 'Subscriptions and number of licenses' },
  subscriptionsHint: (max: Text): Text => ({
    ru: `Укажите количество лицензий (от 1 до ${max.ru}) для каждой нужной подписки. Пустая строка — подписка не нужна.`,
    en: `Enter the number of licenses (1 to ${max.en}) for each subscription you need. An empty line means not ordered.`,
  }),
  quantityError: (max: Text): Text => ({
    ru: `Количество лицензий — целое число от 1 до ${max.ru}; если подписка не нужна, оставьте поле пустым.`,
    en: `The number of licenses is a whole number from 1 to ${max.en}; leave it empty if you do not need this subscription.`,
  }),
  showAllSubscriptions: (more: number): Text => ({
    ru: `Показать все подписки (ещё ${more})`,
    en: `Show all subscriptions (${more} more)`,
  }),
  activationDate: { ru: 'Дата активации лицензий', en: 'License activation date' },
  activationDateError: {
    ru: 'Выберите дату не раньше сегодняшней и не позже чем через год.',
    en: 'Choose a date from today to one year ahead.',
  },
  organizationSection: { ru: 'Организация', en: 'Organization' },
  organizationName: { ru: 'Название организации', en: 'Organization name' },
  organizationNameError: { ru: 'Укажите название организации.', en: 'Enter the organization name.' },
  inn: { ru: 'ИНН', en: 'INN (taxpayer ID)' },
  innError: {
    ru: 'ИНН состоит из 10 цифр (организация) или 12 цифр (ИП).',
    en: 'The INN has 10 digits (company) or 12 digits (sole proprietor).',
  },
  postalCode: { ru: 'Почтовый индекс', en: 'Postal code' },
  postalCodeError: { ru: 'Индекс состоит из 6 цифр.', en: 'The postal code has 6 digits.' },
  city: { ru: 'Город', en: 'City' },
  cityError: { ru: 'Укажите город.', en: 'Enter the city.' },
  street: { ru: 'Улица, дом, офис', en: 'Street, building, office' },
  streetError: { ru: 'Укажите улицу и номер дома.', en: 'Enter the street and building number.' },
  contactSection: { ru: 'Контактное лицо', en: 'Main contact' },
  fullName: { ru: 'ФИО', en: 'Full name' },
  fullNameError: { ru: 'Укажите фамилию, имя и отчество.', en: "Enter the contact's full name." },
  phone: { ru: 'Телефон (мобильный или городской)', en: 'Phone (mobile or landline)' },
  phoneError: {
    ru: 'Укажите номер телефона, например +7 495 123-45-67.',
    en: 'Enter a phone number, e.g. +7 495 123-45-67.',
  },
  email: { ru: 'Электронная почта', en: 'E-mail' },
  emailError: {
    ru: 'Укажите адрес электронной почты, например it@example.ru.',
    en: 'Enter an e-mail address, e.g. it@example.com.',
  },
  subscriptionKind: { ru: 'Новая подписка или переход с пробной версии?', en: 'New subscription or conversion from a trial?' },
  subscriptionKindError: {
    ru: 'Выберите: новая подписка или переход с пробной версии.',
    en: 'Choose: a new subscription or a conversion from a trial.',
  },
  trialToConvert: (trial: string): Text => ({
    ru: `При переходе с пробной версии дистрибьютор переведёт эту пробную подписку: ${trial}.`,
    en: `With a trial conversion the distributor converts this trial: ${trial}.`,
  }),
  submit: { ru: 'Отправить заявку', en: 'Send order' },
} as const;

/** Titles of the order facts shown on the distributor's and the customer's cards. */
export const orderFactTexts = {
  orderNumber: { ru: 'Номер заявки', en: 'Order number' },
  status: { ru: 'Статус', en: 'Status' },
  revision: { ru: 'Редакция', en: 'Revision' },
  createdAt: { ru: 'Получена', en: 'Received' },
  updatedAt: { ru: 'Обновлена', en: 'Updated' },
  invitationAccepted: { ru: 'Приглашение CSP принято', en: 'CSP invitation accepted' },
  technicalDomain: { ru: 'Технический домен', en: 'Technical domain' },
  subscriptions: { ru: 'Подписки', en: 'Subscriptions' },
  activationDate: { ru: 'Дата активации', en: 'Activation date' },
  subscriptionKind: { ru: 'Новая подписка или переход с пробной версии', en: 'New subscription or trial conversion' },
  convertedTrial: { ru: 'Пробная подписка', en: 'Trial to convert' },
  organizationName: { ru: 'Организация', en: 'Organization' },
  inn: { ru: 'ИНН', en: 'INN' },
  address: { ru: 'Адрес', en: 'Address' },
  contactFullName: { ru: 'Контактное лицо', en: 'Contact' },
  contactPhone: { ru: 'Телефон', en: 'Phone' },
  contactEmail: { ru: 'Эл. почта', en: 'E-mail' },
  tenantId: { ru: 'ID клиента в Microsoft Entra (tenant ID)', en: 'Customer tenant ID (Microsoft Entra)' },
  evidenceAtSubmission: { ru: 'Связь с партнёром при отправке', en: 'Partner relationship at submission' },
} as const satisfies Record<string, Text>;

/**
 * The relationship evidence level as staff read it (the levels of
 * src/domain/tenant/relationship-evidence.ts); `unknown`: nothing had been
 * read for the customer's admin when they submitted.
 */
export const evidenceLevelLabels: Readonly<Record<RelationshipLevel | 'unknown', Text>> = {
  confirmed: { ru: 'Подтверждена со стороны партнёра', en: 'Confirmed on the partner side' },
  detected: { ru: 'Найдены признаки в организации клиента', en: 'Signs found in the customer’s organization' },
  declared: { ru: 'Только со слов клиента', en: 'Declared by the customer only' },
  notFound: { ru: 'Не найдена', en: 'Not found' },
  unknown: { ru: 'Неизвестно: сведения не запрашивались', en: 'Unknown: not checked' },
};

export const distributorOrderTexts = {
  /** «ООО «Ромашка», ИНН 7707083893 — 25 × Microsoft 365 Business Standard». */
  headline: (organization: string, inn: string, summary: string): Text => ({
    ru: `${organization}, ИНН ${inn} — ${summary}`,
    en: `${organization}, INN ${inn} — ${summary}`,
  }),
  openInBoard: { ru: 'Открыть в панели заявок', en: 'Open in the orders board' },
  customerSection: { ru: 'Организация и контактное лицо', en: 'Organization and contact' },
  termsSection: { ru: 'Условия заявки', en: 'Order terms' },
  historyTitle: { ru: 'История', en: 'History' },
  earlierHistoryOmitted: (count: number): Text => ({
    ru: `Более ранних записей не показано: ${count}.`,
    en: `Earlier entries not shown: ${count}.`,
  }),
  historyRevision: (revision: number): Text => ({ ru: `редакция ${revision}`, en: `revision ${revision}` }),
  historyComment: (comment: string): Text => ({ ru: `Комментарий: ${comment}`, en: `Comment: ${comment}` }),
  accept: { ru: 'Принять в работу', en: 'Accept' },
  requestChanges: { ru: 'Запросить исправления', en: 'Request changes' },
  changesComment: { ru: 'Что нужно исправить?', en: 'What needs to change?' },
  changesCommentPlaceholder: {
    ru: 'Например: уточните количество лицензий',
    en: 'For example: check the number of licenses',
  },
  changesCommentError: { ru: 'Напишите, что нужно исправить.', en: 'Describe what needs to change.' },
  sendChangesRequest: { ru: 'Отправить клиенту', en: 'Send to customer' },
  complete: { ru: 'Отметить выполненной', en: 'Mark completed' },
  waitingForCustomer: {
    ru: 'Ждём исправленную заявку от клиента.',
    en: 'Waiting for the customer to resubmit the order.',
  },
} as const;

export const customerStatusTexts = {
  title: (orderId: string): Text => ({ ru: `Ваша заявка ${orderId}`, en: `Your order ${orderId}` }),
  submitted: (distributorName: string): Text => ({
    ru: `Заявка отправлена дистрибьютору ${distributorName}. Мы сообщим, когда её примут в работу.`,
    en: `The order has been sent to ${distributorName}. We will let you know when it is accepted.`,
  }),
  accepted: (distributorName: string): Text => ({
    ru: `Заявка принята в работу: дистрибьютор ${distributorName} оформляет подписки.`,
    en: `${distributorName} has accepted the order and is processing it.`,
  }),
  changesRequested: (distributorName: string): Text => ({
    ru: `Дистрибьютор ${distributorName} просит исправить заявку.`,
    en: `${distributorName} asks you to make changes to the order.`,
  }),
  completed: (activationDate: string): Text => ({
    ru: `Заявка выполнена: лицензии действуют с ${activationDate}.`,
    en: `The order is completed: the licenses are active from ${activationDate}.`,
  }),
  comment: (comment: string): Text => ({ ru: `Комментарий: ${comment}`, en: `Comment: ${comment}` }),
  revise: { ru: 'Исправить заявку', en: 'Revise order' },
} as const;
