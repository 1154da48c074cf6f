import type { LocalizedText } from '../i18n/locale.js';
import type { ChangedField, FieldChange, SubscriptionKind } from '../order/order.js';
import { formatCardDate } from './card-format.js';
import { commonTexts, licenseCount, orderFactTexts, subscriptionKindLabels } from './card-texts.js';

/**
 * A revision's changes in words, one line each, for the channel card, the
 * e-mail and the board: «Exchange Online (Plan 1): 40 → 45 лицензий».
 * Plain text: the card escapes it, the e-mail's HTML renderer too.
 */

type Text = LocalizedText;

const ruPlurals = new Intl.PluralRules('ru');
const ruChangeForms: Readonly<Record<string, string>> = { one: 'изменение', few: 'изменения', many: 'изменений' };

const fieldLabels: Readonly<Record<Exclude<ChangedField, 'line' | 'trial'>, Text>> = {
  invitationAccepted: orderFactTexts.invitationAccepted,
  technicalDomain: orderFactTexts.technicalDomain,
  activationDate: orderFactTexts.activationDate,
  organizationName: orderFactTexts.organizationName,
  inn: orderFactTexts.inn,
  address: orderFactTexts.address,
  contactFullName: orderFactTexts.contactFullName,
  contactPhone: orderFactTexts.contactPhone,
  contactEmail: orderFactTexts.contactEmail,
  subscriptionKind: orderFactTexts.subscriptionKind,
};

export const revisionChangeTexts = {
  title: { ru: 'Что изменилось', en: 'What changed' },
  titleSince: (revision: number): Text => ({
    ru: `Изменения по сравнению с редакцией ${revision}`,
    en: `Changes since revision ${revision}`,
  }),
  none: { ru: 'Клиент отправил заявку без изменений.', en: 'The customer resubmitted the order unchanged.' },
  /** «3 изменения» / "3 changes", for the e-mail subject. */
  count: (count: number): Text => ({
    ru: `${count} ${ruChangeForms[ruPlurals.select(count)] ?? 'изменения'}`,
    en: `${count} ${count === 1 ? 'change' : 'changes'}`,
  }),
  lineAdded: (product: string, licenses: Text): Text => ({
    ru: `Добавлено: ${product}, ${licenses.ru}`,
    en: `Added: ${product}, ${licenses.en}`,
  }),
  lineRemoved: (product: string, licenses: Text): Text => ({
    ru: `Удалено: ${product} (было ${licenses.ru})`,
    en: `Removed: ${product} (was ${licenses.en})`,
  }),
  trialAdded: (product: string, licenses: Text): Text => ({
    ru: `Пробная подписка для перехода: ${product}, ${licenses.ru}`,
    en: `Trial to convert: ${product}, ${licenses.en}`,
  }),
  trialRemoved: (product: string, licenses: Text): Text => ({
    ru: `Пробная подписка больше не указана: ${product} (было ${licenses.ru})`,
    en: `Trial no longer given: ${product} (was ${licenses.en})`,
  }),
  trialLicenses: (product: string, before: string, after: Text): Text => ({
    ru: `Пробная подписка ${product}: ${before} → ${after.ru}`,
    en: `Trial ${product}: ${before} → ${after.en}`,
  }),
  empty: { ru: '(пусто)', en: '(empty)' },
} as const;

/** One change as a line of text in both languages. */
export function describeFieldChange(change: FieldChange): Text {
  if (change.field === 'line' || change.field === 'trial') return describeCounted(change, change.field);
  const label = fieldLabels[change.field];
  const before = displayValue(change.field, change.before);
  const after = displayValue(change.field, change.after);
  return { ru: `${label.ru}: ${before.ru} → ${after.ru}`, en: `${label.en}: ${before.en} → ${after.en}` };
}

function describeCounted(change: FieldChange, field: 'line' | 'trial'): Text {
  const product = change.product ?? change.sku ?? '';
  const before = countOf(change.before);
  const after = countOf(change.after);
  if (before !== undefined && after !== undefined) {
    if (field === 'trial') return revisionChangeTexts.trialLicenses(product, String(before), licenseCount(after));
    const count = licenseCount(after);
    return { ru: `${product}: ${before} → ${count.ru}`, en: `${product}: ${before} → ${count.en}` };
  }
  if (after !== undefined) {
    return (field === 'trial' ? revisionChangeTexts.trialAdded : revisionChangeTexts.lineAdded)(product, licenseCount(after));
  }
  return (field === 'trial' ? revisionChangeTexts.trialRemoved : revisionChangeTexts.lineRemoved)(product, licenseCount(before ?? 0));
}

function countOf(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const count = Number(value);
  return Number.isFinite(count) ? count : undefined;
}

/** The stored language-neutral value as each language shows it. */
function displayValue(field: ChangedField, value: string | undefined): Text {
  if (value === undefined || value === '') return revisionChangeTexts.empty;
  switch (field) {
    case 'invitationAccepted':
      return value === 'true' ? commonTexts.yes : commonTexts.no;
    case 'subscriptionKind':
      return isSubscriptionKind(value) ? subscriptionKindLabels[value] : { ru: value, en: value };
    case 'activationDate':
      return { ru: formatCardDate(value, 'ru'), en: formatCardDate(value, 'en') };
    default:
      return { ru: value, en: value };
  }
}

function isSubscriptionKind(value: string): value is SubscriptionKind {
  return value === 'new' || value === 'trialConversion';
}
