import type { LocalizedText } from '../../src/domain/i18n/locale.js';

/**
 * What `/privacy` and `/terms` say. Each fact here must stay true of the
 * code: orders and delivery records in the orders table, conversation
 * references in the conversations table (bot/storage), tenant facts read
 * from Microsoft Graph kept in memory only (bot/conversation/tenant-facts-memory.ts,
 * 30 minutes), nothing deleted automatically.
 */

export interface LegalSection {
  readonly heading: LocalizedText;
  readonly paragraphs: readonly LocalizedText[];
}

export interface LegalPage {
  readonly title: LocalizedText;
  readonly intro: LocalizedText;
  readonly sections: readonly LegalSection[];
}

export const privacyPage = (distributor: string): LegalPage => ({
  title: { ru: 'Конфиденциальность', en: 'Privacy' },
  intro: {
    ru: `Приложение «CSP Onboarding» принадлежит ${distributor} и работает в его подписке Azure. Здесь описано, какие данные оно хранит и как их удалить.`,
    en: `The CSP Onboarding app is run by ${distributor} in its own Azure subscription. This page says which data it keeps and how to have it deleted.`,
  },
  sections: [
    {
      heading: { ru: 'Заявка', en: 'The order' },
      paragraphs: [
        {
          ru:
            'Всё, что вы указываете в заявке: подписки и количество лицензий, дату подключения, технический домен, название организации, ИНН, адрес, ' +
            'контактное лицо с телефоном и электронной почтой, а также ответ о том, принято ли приглашение CSP. К заявке добавляются её номер, ' +
            'идентификатор вашего клиента Microsoft 365 (tenant ID), история статусов с именами сотрудников, которые их меняли, и сведения о доставке дистрибьютору.',
          en:
            'Everything you enter in the order: subscriptions and license counts, the activation date, the technical domain, the organization’s name, INN and address, ' +
            'the contact person with phone and e-mail, and whether the CSP invitation was accepted. The order also gets its number, your Microsoft 365 tenant ID, ' +
            'its status history with the names of the people who changed it, and its delivery state.',
        },
        {
          ru: 'Чтобы бот мог написать вам о ходе заявки, хранится ссылка на ваш личный чат с ботом: идентификаторы пользователя и клиента Microsoft 365 и ваше имя в Teams.',
          en: 'So that the bot can tell you about your order, the app keeps a reference to your personal chat with it: your user and tenant IDs and your name in Teams.',
        },
      ],
    },
    {
      heading: { ru: 'Сведения об организации из Microsoft 365', en: 'Your organization’s details from Microsoft 365' },
      paragraphs: [
        {
          ru:
            'С вашего согласия приложение читает из Microsoft Graph от вашего имени и только для чтения: ваш профиль, название, адрес и домены организации, ' +
            'текущие подписки, записи журнала аудита о добавлении партнёра и сведения о доступе партнёров. По ним заполняется форма заявки и проверяется, ' +
            'принято ли приглашение. Эти сведения хранятся только в памяти сервера не дольше 30 минут и в хранилище не записываются; в заявку попадает лишь то, что вы отправили.',
          en:
            'With your consent the app reads from Microsoft Graph, on your behalf and read-only: your profile, your organization’s name, address and domains, ' +
            'its current subscriptions, the audit log entries about adding a partner and the partner access settings. They prefill the order form and show whether ' +
            'the invitation was accepted. These details stay in the server’s memory for at most 30 minutes and are never written to storage; only what you send in the order is kept.',
        },
      ],
    },
    {
      heading: { ru: 'Где хранятся данные', en: 'Where the data lives' },
      paragraphs: [
        {
          ru:
            `В Azure Table Storage в подписке Azure ${distributor}, в регионе, который дистрибьютор выбрал при развёртывании. ` +
            'Копия заявки отправляется сотрудникам дистрибьютора: в канал Teams, а если дистрибьютор их настроил, — через веб-перехватчик Workflows и по электронной почте.',
          en:
            `In Azure Table Storage in ${distributor}’s Azure subscription, in the region the distributor chose when deploying the app. ` +
            'A copy of each order goes to the distributor’s staff: to a Teams channel and, if the distributor set them up, to a Workflows webhook and by e-mail.',
        },
      ],
    },
    {
      heading: { ru: 'Как долго хранятся', en: 'How long it is kept' },
      paragraphs: [
        {
          ru: 'Заявки и ссылка на чат хранятся, пока действуют ваши отношения с дистрибьютором, или пока вы не попросите их удалить. Автоматически приложение ничего не удаляет.',
          en: 'Orders and the chat reference are kept while your relationship with the distributor lasts, or until you ask for their deletion. The app deletes nothing by itself.',
        },
      ],
    },
    {
      heading: { ru: 'Как удалить данные', en: 'How to have your data deleted' },
      paragraphs: [
        {
          ru:
            `Свяжитесь с дистрибьютором (${distributor}) привычным способом и укажите название организации и домен xxxx.onmicrosoft.com. ` +
            'Дистрибьютор удалит заявки вашей организации и ссылку на чат. Согласие приложения на чтение данных Microsoft 365 можно отозвать в любое время: ' +
            'Microsoft Entra ID → Корпоративные приложения → CSP Onboarding → Свойства → Удалить.',
          en:
            `Write to the distributor (${distributor}) through your usual contact, naming your organization and its xxxx.onmicrosoft.com domain. ` +
            'The distributor deletes your organization’s orders and the chat reference. You can revoke the app’s consent to read Microsoft 365 data at any time: ' +
            'Microsoft Entra ID → Enterprise applications → CSP Onboarding → Properties → Delete.',
        },
      ],
    },
  ],
});

export const termsPage = (distributor: string): LegalPage => ({
  title: { ru: 'Условия использования', en: 'Terms of use' },
  intro: {
    ru: `Приложение «CSP Onboarding» предоставляет ${distributor}, чтобы вы могли принять приглашение CSP и заказать подписки Microsoft.`,
    en: `${distributor} provides the CSP Onboarding app so that you can accept its CSP invitation and order Microsoft subscriptions.`,
  },
  sections: [
    {
      heading: { ru: 'Заявка', en: 'Orders' },
      paragraphs: [
        {
          ru:
            'Отправленная заявка — это запрос к дистрибьютору, а не покупка. Подписки оформляются после того, как дистрибьютор примет заявку; ' +
            'цены, сроки и оплата определяются вашим договором с дистрибьютором.',
          en:
            'An order you send is a request to the distributor, not a purchase. Subscriptions are set up once the distributor accepts the order; ' +
            'prices, terms and payment follow your agreement with the distributor.',
        },
      ],
    },
    {
      heading: { ru: 'Приглашение и права партнёра', en: 'The invitation and the partner’s access' },
      paragraphs: [
        {
          ru:
            'Приглашение CSP принимается на странице Microsoft в центре администрирования Microsoft 365, на условиях Microsoft (Клиентское соглашение Microsoft). ' +
            'Отношения с партнёром и выданные ему права можно отозвать в любое время там же.',
          en:
            'The CSP invitation is accepted on Microsoft’s own page in the Microsoft 365 admin center, under Microsoft’s terms (the Microsoft Customer Agreement). ' +
            'The relationship and any access given to the partner can be ended at any time in the same place.',
        },
      ],
    },
    {
      heading: { ru: 'Данные', en: 'Data' },
      paragraphs: [
        {
          ru: 'Какие данные хранит приложение и как их удалить, описано на странице «Конфиденциальность».',
          en: 'Which data the app keeps and how to have it deleted is described on the Privacy page.',
        },
      ],
    },
    {
      heading: { ru: 'Вопросы', en: 'Questions' },
      paragraphs: [
        {
          ru: `С вопросами о приложении и заявках обращайтесь к дистрибьютору (${distributor}).`,
          en: `For any question about the app or your orders, contact the distributor (${distributor}).`,
        },
      ],
    },
  ],
});
