import type { LocalizedText } from '../i18n/locale.js';

/**
 * Every text about the Microsoft Customer Agreement (MCA) that customers and
 * staff read: the tab's step, the chat card, the order card's fact line and
 * the refusal to complete an order without it. Templates take their
 * arguments already formatted (and, on cards, escaped).
 */
export const customerAgreementTexts = {
  title: { ru: 'Соглашение с клиентом Майкрософт', en: 'Microsoft Customer Agreement' },
  /** What accepting means, in plain words. */
  explanation: [
    {
      ru: 'Microsoft разрешает оформлять подписки для организации только после того, как она примет Соглашение с клиентом Майкрософт (Microsoft Customer Agreement, MCA). Это стандартные условия Microsoft для её облачных сервисов: соглашение ничего не стоит и не заменяет ваш договор с дистрибьютором.',
      en: 'Microsoft lets a partner order subscriptions for an organization only after the organization accepts the Microsoft Customer Agreement (MCA). It holds Microsoft’s standard terms for its cloud services: it costs nothing and does not replace your contract with the distributor.',
    },
    {
      ru: 'Прочитайте соглашение, укажите, кто принимает его от имени организации, и поставьте отметку. Дистрибьютор передаст подтверждение в Microsoft, а Microsoft может написать этому человеку по указанному адресу.',
      en: 'Read the agreement, enter who accepts it on behalf of the organization and tick the box. The distributor passes the confirmation on to Microsoft, which may write to this person at the address given.',
    },
  ] satisfies LocalizedText[],
  readAgreement: { ru: 'Открыть текст соглашения', en: 'Read the agreement' },
  checkbox: {
    ru: 'Я принимаю Соглашение с клиентом Майкрософт от имени организации',
    en: 'I accept the Microsoft Customer Agreement on behalf of my organization',
  },
  signatoryHeading: { ru: 'Кто принимает соглашение', en: 'Who accepts the agreement' },
  lastName: { ru: 'Фамилия', en: 'Last name' },
  firstName: { ru: 'Имя', en: 'First name' },
  middleName: { ru: 'Отчество (если есть)', en: 'Middle name (optional)' },
  email: { ru: 'Рабочая электронная почта', en: 'Work e-mail' },
  phone: { ru: 'Телефон (необязательно)', en: 'Phone (optional)' },
  accept: { ru: 'Принять соглашение', en: 'Accept the agreement' },
  requiredError: { ru: 'Заполните это поле.', en: 'This field is required.' },
  checkboxError: {
    ru: 'Отметьте, что вы принимаете соглашение.',
    en: 'Tick the box to accept the agreement.',
  },
  acceptAgain: { ru: 'Принять заново', en: 'Accept again' },
  /** Shown once accepted; `date` is formatted, `name` the signatory's display name. */
  accepted: (date: string, name: string): LocalizedText => ({
    ru: `Соглашение принято ${date}. Принял(а): ${name}.`,
    en: `The agreement was accepted on ${date} by ${name}.`,
  }),
  savedNotice: {
    ru: 'Готово: соглашение принято. Дистрибьютор увидит это в заявке.',
    en: 'Done: the agreement is accepted. The distributor will see it with your order.',
  },
  /** The fact on the distributor's order card and in the e-mail: «MCA: не принято». */
  factLabel: { ru: 'MCA', en: 'MCA' },
  factNotAccepted: { ru: 'не принято', en: 'not accepted' },
  factAccepted: (date: string): LocalizedText => ({ ru: `принято ${date}`, en: `accepted ${date}` }),
  /** Why an order cannot be completed yet (card action and board API). */
  completionRefused: {
    ru: 'Заявку нельзя завершить: клиент ещё не принял Соглашение с клиентом Майкрософт (MCA), а без него Microsoft не позволяет оформить подписки. Попросите клиента принять соглашение в приложении (вкладка или чат), затем завершите заявку. Заявка не изменена.',
    en: 'The order cannot be completed: the customer has not yet accepted the Microsoft Customer Agreement (MCA), and Microsoft does not allow subscriptions without it. Ask the customer to accept it in the app (tab or chat), then complete the order. The order was not changed.',
  },
} as const;
