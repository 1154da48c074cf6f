import type { LocalizedText } from '../../domain/i18n/locale.js';

/**
 * The order view's Microsoft Customer Agreement (MCA) section: the customer's
 * acceptance, the confirmation as Partner Center asks for it, and the
 * hand-off to Partner Center.
 */
export const customerAgreementBoardTexts = {
  title: { ru: 'Соглашение с клиентом Майкрософт (MCA)', en: 'Microsoft Customer Agreement (MCA)' },
  loading: { ru: 'Загружаем данные о соглашении…', en: 'Loading the agreement…' },
  loadFailed: { ru: 'Не удалось загрузить данные о соглашении', en: 'Could not load the agreement' },
  retry: { ru: 'Повторить', en: 'Try again' },
  notAccepted: { ru: 'MCA: не принято', en: 'MCA: not accepted' },
  notAcceptedNote: {
    ru: 'Клиент принимает соглашение сам — в приложении, на вкладке или в чате. Как только он примет его, здесь появятся данные для Partner Center.',
    en: 'The customer accepts the agreement in the app, in its tab or chat. Once they do, the values for Partner Center appear here.',
  },
  accepted: { ru: 'MCA: принято', en: 'MCA: accepted' },
  acceptance: {
    who: { ru: 'Кто принял', en: 'Accepted by' },
    email: { ru: 'Эл. почта', en: 'E-mail' },
    phone: { ru: 'Телефон', en: 'Phone' },
    noPhone: { ru: 'не указан', en: 'not given' },
    when: { ru: 'Когда', en: 'When' },
    templateId: { ru: 'ID шаблона соглашения', en: 'Agreement template ID' },
  },
  partnerCenter: {
    heading: { ru: 'Подтверждение для Partner Center', en: 'Confirmation for Partner Center' },
    intro: {
      ru: 'Те значения, которые Partner Center просит при подтверждении того, что клиент принял соглашение. Скопируйте их кнопками, чтобы не набирать вручную.',
      en: 'The values Partner Center asks for to confirm that the customer accepted the agreement. Copy them with the buttons instead of retyping them.',
    },
    firstName: { ru: 'Имя (First name)', en: 'First name' },
    lastName: { ru: 'Фамилия (Last name)', en: 'Last name' },
    email: { ru: 'Эл. почта (Email)', en: 'Email' },
    phone: { ru: 'Телефон (Phone number)', en: 'Phone number' },
    dateAgreed: { ru: 'Дата принятия, UTC (Date agreed)', en: 'Date agreed (UTC)' },
    templateId: { ru: 'ID шаблона (Template ID)', en: 'Template ID' },
  },
  send: { ru: 'Передать в Partner Center', en: 'Send to Partner Center' },
  sending: { ru: 'Передаём в Partner Center…', en: 'Sending to Partner Center…' },
  sendFailed: { ru: 'Не удалось передать в Partner Center', en: 'Could not send to Partner Center' },
  outcome: {
    created: { ru: 'Partner Center принял подтверждение.', en: 'Partner Center accepted the confirmation.' },
    alreadyExists: { ru: 'В Partner Center это подтверждение уже есть.', en: 'Partner Center already has this confirmation.' },
    refused: { ru: 'Partner Center отказал.', en: 'Partner Center refused it.' },
    unavailable: { ru: 'Partner Center не ответил. Попробуйте позже.', en: 'Partner Center did not answer. Try again later.' },
  },
  /** Partner Center's error code, when it sent one. */
  code: (code: string): LocalizedText => ({ ru: `Код ошибки: ${code}`, en: `Error code: ${code}` }),
  /** `when` is formatted in the distributor's time zone. */
  lastHandOff: (when: string, by: string): LocalizedText => ({
    ru: `Последняя передача: ${when}, отправил(а) ${by}.`,
    en: `Last sent: ${when}, by ${by}.`,
  }),
  handOffOutdated: {
    ru: 'С тех пор клиент принял соглашение заново: передайте новое подтверждение.',
    en: 'The customer has accepted the agreement again since then: send the new confirmation.',
  },
  handOffDisabled: {
    ru: 'Доступ к Partner Center на сервере не настроен: перенесите значения вручную.',
    en: 'Partner Center access is not configured on the server: copy the values by hand.',
  },
} as const;
