import type { LocalizedText } from '../i18n/locale.js';

/**
 * What each order validation code tells the customer. Codes are a public
 * contract (API clients and the tab match on them); the texts may change.
 */
export const VALIDATION_MESSAGES = {
  invalid_type: {
    ru: 'Значение имеет неверный тип.',
    en: 'The value has the wrong type.',
  },
  required: {
    ru: 'Заполните это поле.',
    en: 'This field is required.',
  },
  too_long: {
    ru: 'Слишком длинное значение: сократите его.',
    en: 'The value is too long; please shorten it.',
  },
  control_characters: {
    ru: 'Уберите служебные символы, например переносы строк или табуляцию.',
    en: 'Remove control characters such as line breaks or tabs.',
  },
  invalid_value: {
    ru: 'Выберите один из предложенных вариантов.',
    en: 'Choose one of the offered options.',
  },
  uuid_format: {
    ru: 'Неверный идентификатор отправки. Обновите страницу и отправьте заявку ещё раз.',
    en: 'The submission id is invalid. Reload the page and submit the order again.',
  },
  invitation_not_accepted: {
    ru: 'Сначала примите приглашение CSP по ссылке дистрибьютора, а затем отправьте заявку.',
    en: "Accept the distributor's CSP invitation first, then submit the order.",
  },
  domain_format: {
    ru: 'Укажите технический домен в виде имя.onmicrosoft.com, например romashka.onmicrosoft.com.',
    en: 'Enter the technical domain as name.onmicrosoft.com, for example contoso.onmicrosoft.com.',
  },
  lines_empty: {
    ru: 'Выберите хотя бы одну подписку.',
    en: 'Choose at least one subscription.',
  },
  lines_too_many: {
    ru: 'В одной заявке может быть не более 20 подписок.',
    en: 'An order can contain at most 20 subscriptions.',
  },
  sku_unknown: {
    ru: 'Этой подписки нет в каталоге дистрибьютора.',
    en: "This subscription is not in the distributor's catalog.",
  },
  sku_duplicate: {
    ru: 'Эта подписка уже есть в заявке: укажите общее количество лицензий в одной строке.',
    en: 'This subscription is already in the order; put the total number of licenses on one line.',
  },
  quantity_invalid: {
    ru: 'Укажите количество лицензий — целое число от 1 до 100 000.',
    en: 'Enter the number of licenses: a whole number from 1 to 100,000.',
  },
  date_format: {
    ru: 'Укажите существующую дату в формате ДД.ММ.ГГГГ, например 01.12.2026.',
    en: 'Enter a real date, for example 2026-12-01.',
  },
  date_in_past: {
    ru: 'Дата активации не может быть раньше сегодняшнего дня.',
    en: 'The activation date cannot be earlier than today.',
  },
  date_too_far: {
    ru: 'Дата активации должна быть не позднее чем через год от сегодняшнего дня.',
    en: 'The activation date must be within one year from today.',
  },
  inn_format: {
    ru: 'ИНН состоит из 10 цифр для организации или из 12 цифр для индивидуального предпринимателя.',
    en: 'The INN has 10 digits for a legal entity or 12 digits for an individual entrepreneur.',
  },
  inn_checksum: {
    ru: 'В ИНН ошибка: контрольные цифры не сходятся. Проверьте номер.',
    en: 'The INN check digits do not match. Please check the number.',
  },
  postal_code_format: {
    ru: 'Почтовый индекс состоит из 6 цифр.',
    en: 'The postal code has 6 digits.',
  },
  phone_invalid: {
    ru: 'Укажите действующий номер телефона, например +7 495 123-45-67.',
    en: 'Enter a valid phone number, for example +7 495 123-45-67.',
  },
  agreement_not_accepted: {
    ru: 'Отметьте, что вы принимаете Соглашение с клиентом Майкрософт от имени организации.',
    en: 'Tick the box to accept the Microsoft Customer Agreement on behalf of your organization.',
  },
  email_invalid: {
    ru: 'Укажите корректный адрес электронной почты, например it@romashka.ru.',
    en: 'Enter a valid e-mail address, for example it@contoso.com.',
  },
} as const satisfies Record<string, LocalizedText>;

export type ValidationCode = keyof typeof VALIDATION_MESSAGES;

export function isValidationCode(value: string): value is ValidationCode {
  return Object.hasOwn(VALIDATION_MESSAGES, value);
}
