import type { CustomerAgreementStatus } from '../customer-agreement/customer-agreement.js';
import { customerAgreementTexts } from '../customer-agreement/customer-agreement-texts.js';
import { signatoryDisplayName } from '../customer-agreement/signatory-name.js';
import type { SignatoryDraft } from '../customer-agreement/signatory-prefill.js';
import { pick } from '../i18n/locale.js';
import type { Locale, LocalizedText } from '../i18n/locale.js';
import type { FieldError } from '../order/order.js';
import { adaptiveCard } from './adaptive-card.js';
import type { AdaptiveCard, CardElement, TextBlock } from './adaptive-card.js';
import { CardVerb, executeAction } from './card-actions.js';
import { formatCardDate } from './card-format.js';
import { escapeCardText } from './card-text.js';

/**
 * The input ids are the field paths `validateAcceptance` reports errors on
 * (`accepted`, `signatory.lastName`…), so an error finds its input by name and
 * the submitted data is the body of `PUT /api/tenant/customer-agreement`.
 */
export const AgreementInputId = {
  accepted: 'accepted',
  lastName: 'signatory.lastName',
  firstName: 'signatory.firstName',
  middleName: 'signatory.middleName',
  email: 'signatory.email',
  phone: 'signatory.phone',
} as const;

type SignatoryField = keyof SignatoryDraft;
const FIELDS: readonly SignatoryField[] = ['lastName', 'firstName', 'middleName', 'email', 'phone'];
const OPTIONAL: ReadonlySet<SignatoryField> = new Set(['middleName', 'phone']);
const STYLES: Readonly<Partial<Record<SignatoryField, 'email' | 'tel'>>> = { email: 'email', phone: 'tel' };

export interface CustomerAgreementCardInput {
  readonly locale: Locale;
  readonly status: CustomerAgreementStatus;
  /** What the inputs show: the prefill, or what the customer sent when errors come back. */
  readonly draft: SignatoryDraft;
  readonly errors?: readonly FieldError[];
  /** Show the form even though the tenant already accepted (accepting again). */
  readonly form?: boolean;
}

/**
 * The MCA in the customer's chat: what accepting means, the agreement's link,
 * and either the acceptance in force or the form (signatory and tick) that
 * `Action.Execute` sends back; the server's field errors appear under their inputs.
 */
export function buildCustomerAgreementCard(input: CustomerAgreementCardInput): AdaptiveCard {
  const { locale, status, draft } = input;
  const t = (text: LocalizedText): string => pick(text, locale);
  const texts = customerAgreementTexts;
  const errorsOf = (id: string): TextBlock[] =>
    (input.errors ?? [])
      .filter((error) => error.field === id)
      .map((error) => ({ type: 'TextBlock', text: escapeCardText(pick(error.message, locale)), color: 'attention', size: 'small', wrap: true, spacing: 'none' }));
  const paragraphs: TextBlock[] = texts.explanation.map((paragraph) => ({ type: 'TextBlock', text: t(paragraph), wrap: true }));
  const body: CardElement[] = [
    { type: 'TextBlock', text: t(texts.title), size: 'medium', weight: 'bolder', style: 'heading', wrap: true },
    ...paragraphs,
  ];
  const readAgreement = { type: 'Action.OpenUrl', title: t(texts.readAgreement), url: status.agreementUrl } as const;

  if (status.status === 'accepted') {
    body.push({
      type: 'TextBlock',
      // Only the name is the customer's text.
      text: t(texts.accepted(formatCardDate(status.acceptedAt, locale), escapeCardText(signatoryDisplayName(status.signatory)))),
      color: 'good',
      weight: 'bolder',
      wrap: true,
    });
  }
  if (status.status === 'accepted' && input.form !== true) {
    return adaptiveCard({
      fallbackText: t(texts.title),
      body,
      actions: [
        readAgreement,
        executeAction({ title: t(texts.acceptAgain), verb: CardVerb.showCustomerAgreement, data: { form: true }, associatedInputs: 'none' }),
      ],
    });
  }

  body.push({ type: 'TextBlock', text: t(texts.signatoryHeading), weight: 'bolder', wrap: true, separator: true, spacing: 'medium' });
  for (const field of FIELDS) {
    const id = AgreementInputId[field];
    const style = STYLES[field];
    body.push({
      type: 'Input.Text',
      id,
      label: t(texts[field]),
      maxLength: 200,
      ...(OPTIONAL.has(field) ? {} : { isRequired: true, errorMessage: t(texts.requiredError) }),
      ...(style === undefined ? {} : { style }),
      ...(draft[field] === '' ? {} : { value: draft[field] }),
    });
    body.push(...errorsOf(id));
  }
  body.push({
    type: 'Input.Toggle',
    id: AgreementInputId.accepted,
    label: t(texts.title),
    title: t(texts.checkbox),
    // valueOn "true", valueOff "false" and an unticked start are the defaults.
    wrap: true,
    isRequired: true,
    errorMessage: t(texts.checkboxError),
  });
  body.push(...errorsOf(AgreementInputId.accepted));
  return adaptiveCard({
    fallbackText: t(texts.title),
    body,
    actions: [readAgreement, executeAction({ title: t(texts.accept), verb: CardVerb.acceptCustomerAgreement, style: 'positive' })],
  });
}

/**
 * The submitted inputs (all strings in Teams) as the acceptance body;
 * validation is `validateAcceptance`'s. The toggle is `"true"` only when ticked.
 */
export function acceptanceFromCardInputs(data: Readonly<Record<string, unknown>>): { accepted: boolean; signatory: Record<string, string> } {
  const signatory: Record<string, string> = {};
  for (const field of FIELDS) {
    const value = data[AgreementInputId[field]];
    if (typeof value === 'string') signatory[field] = value;
  }
  return { accepted: data[AgreementInputId.accepted] === 'true', signatory };
}

/** What the card's inputs showed, back as a draft, so a card with errors keeps what was typed. */
export function draftFromCardInputs(data: Readonly<Record<string, unknown>>): SignatoryDraft {
  const read = (field: SignatoryField): string => {
    const value = data[AgreementInputId[field]];
    return typeof value === 'string' ? value : '';
  };
  return { lastName: read('lastName'), firstName: read('firstName'), middleName: read('middleName'), email: read('email'), phone: read('phone') };
}
