import { addDays } from '../calendar.js';
import { findCatalogItem } from '../catalog/catalog.js';
import type { Catalog } from '../catalog/catalog.js';
import { pick } from '../i18n/locale.js';
import type { Locale, LocalizedText } from '../i18n/locale.js';
import type { FieldError } from '../order/order.js';
import { ORDER_LIMITS } from '../order/order-validation.js';
import type { RelationshipLevel } from '../tenant/tenant-response.js';
import { adaptiveCard } from './adaptive-card.js';
import type { AdaptiveCard, CardElement, CardInput, JsonObject, JsonValue, TextBlock } from './adaptive-card.js';
import { CardVerb, executeAction } from './card-actions.js';
import { escapeCardText } from './card-text.js';
import { formatCardDate, formatCardInteger } from './card-format.js';
import { convertedTrialText, licenseCount, orderFormTexts, subscriptionKindLabels } from './card-texts.js';
import { OrderFormInputId, quantityInputId, REVISES_ORDER_ID_KEY, TRIAL_KEY } from './order-form-inputs.js';
import type { OrderFormValues } from './order-form-values.js';

export {
  OrderFormInputId,
  QUANTITY_INPUT_PREFIX,
  REVISES_ORDER_ID_KEY,
  SUBMISSION_ID_KEY,
  orderFromCardInputs,
  quantityInputId,
  skuFromQuantityInputId,
} from './order-form-inputs.js';
export { orderFormValuesFromOrder } from './order-form-values.js';
export type { OrderFormValues } from './order-form-values.js';

/**
 * Client-side checks mirror the server's rules so most mistakes are caught
 * before sending; the server (`validateOrder`) stays the authority and its
 * errors are shown under the inputs they concern.
 */
export const orderFormRules = {
  innPattern: '^\\d{10}(\\d{2})?$',
  postalCodePattern: '^\\d{6}$',
  /** Letters of either case: the server lower-cases the domain before its own check. */
  technicalDomainPattern: '^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.onmicrosoft\\.com$',
  /** Loose on purpose: the server checks the address properly. Phones get no pattern at all (libphonenumber decides). */
  emailPattern: '^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$',
  maxLicensesPerLine: ORDER_LIMITS.maxQuantity,
  activationWindowDays: ORDER_LIMITS.maxDaysAhead,
  maxLength: {
    // 63-character label + `.onmicrosoft.com`.
    technicalDomain: 79,
    organizationName: ORDER_LIMITS.organizationNameLength,
    inn: 12,
    postalCode: 6,
    text: ORDER_LIMITS.textLength,
  },
} as const;

export interface OrderFormCardInput {
  readonly locale: Locale;
  readonly catalog: Catalog;
  /** ISO date `YYYY-MM-DD`: the earliest activation date. */
  readonly today: string;
  readonly values?: OrderFormValues;
  readonly errors?: readonly FieldError[];
  /** Why a valid form came back unsent (e.g. a limit), shown at the top; the values are kept. */
  readonly notice?: LocalizedText;
  /** The idempotency key the submission will carry; keep it when re-showing the form. */
  readonly submissionId: string;
  /** Set when the form revises an order the distributor sent back: submitting resubmits that order. */
  readonly revisesOrderId?: string;
  /** The CSP invitation: the form shows how to accept it beside the "accepted?" question. */
  readonly invitationUrl?: string;
  /** How strongly the relationship is already evidenced; `detected`/`confirmed` explain the prefilled "Yes". */
  readonly relationshipLevel?: RelationshipLevel;
}

const LINES_FIELD = 'lines';
/** The distributor's first offers (`OFFERED_SKUS` order) show at once; the rest behind "show all". */
export const TOP_SKU_COUNT = 5;
export const MORE_SKUS_CONTAINER_ID = 'more-subscriptions';
const SHOW_ALL_ACTION_SET_ID = 'show-all-subscriptions';

export function buildOrderFormCard(input: OrderFormCardInput): AdaptiveCard {
  const { locale, catalog, today, values = {}, notice, submissionId, revisesOrderId, invitationUrl, relationshipLevel } = input;
  const t = (text: LocalizedText): string => pick(text, locale);
  // «Нет» to "invitation accepted?" is a step still to take, not a mistake: it gets the how-to, not a red error.
  const notYetAccepted = (input.errors ?? []).some((error) => error.code === 'invitation_not_accepted');
  const errors = (input.errors ?? []).filter((error) => error.code !== 'invitation_not_accepted');
  const placement = placeErrors(errors, values, catalog);
  const maxLicenses: LocalizedText = {
    ru: formatCardInteger(orderFormRules.maxLicensesPerLine, 'ru'),
    en: formatCardInteger(orderFormRules.maxLicensesPerLine, 'en'),
  };

  /** An input followed by the server's messages for it, so each error sits right under its field. */
  const field = (element: CardInput): CardElement[] => [element, ...errorBlocks(placement.byInput.get(element.id), locale)];

  const section = (title: LocalizedText): TextBlock => ({
    type: 'TextBlock',
    text: t(title),
    weight: 'bolder',
    wrap: true,
    separator: true,
    spacing: 'medium',
  });
  const hint = (text: LocalizedText): TextBlock => ({ type: 'TextBlock', text: t(text), wrap: true, isSubtle: true, size: 'small' });

  const textInput = (
    id: OrderFormInputId,
    label: LocalizedText,
    errorMessage: LocalizedText,
    value: string | undefined,
    options: { maxLength: number; regex?: string; placeholder?: string; style?: 'tel' | 'email'; separator?: boolean },
  ): CardElement[] =>
    field({
      type: 'Input.Text',
      id,
      label: t(label),
      isRequired: true,
      errorMessage: t(errorMessage),
      ...optionalValue(value),
      ...options,
    });

  const { maxLength } = orderFormRules;
  const organization = values.organization ?? {};
  const address = organization.address ?? {};
  const contact = values.contact ?? {};

  const body: CardElement[] = [
    { type: 'TextBlock', text: t(orderFormTexts.title), size: 'medium', weight: 'bolder', style: 'heading', wrap: true },
    hint(orderFormTexts.allRequired),
    ...(notice === undefined ? [] : [{ type: 'TextBlock', text: t(notice), color: 'attention', wrap: true } as const]),
    ...(errors.length > 0
      ? [
          { type: 'TextBlock', text: t(orderFormTexts.fixErrors), color: 'attention', wrap: true } as const,
          ...errorBlocks(placement.unplaced, locale),
        ]
      : []),

    section(orderFormTexts.invitationSection),
    ...(notYetAccepted ? invitationNotYet(t, invitationUrl) : []),
    ...field({
      type: 'Input.ChoiceSet',
      id: OrderFormInputId.invitationAccepted,
      label: t(orderFormTexts.invitationAccepted),
      isRequired: true,
      errorMessage: t(orderFormTexts.invitationAcceptedError),
      style: 'expanded',
      choices: [
        { title: t(orderFormTexts.invitationAcceptedYes), value: 'true' },
        { title: t(orderFormTexts.invitationAcceptedNo), value: 'false' },
      ],
      ...optionalValue(choiceFromBoolean(values.invitationAccepted)),
    }),
    ...invitationExplanation(t, relationshipLevel, choiceFromBoolean(values.invitationAccepted), notYetAccepted ? undefined : invitationUrl),

    ...textInput(
      OrderFormInputId.technicalDomain,
      orderFormTexts.technicalDomain,
      orderFormTexts.technicalDomainError,
      values.technicalDomain,
      {
        maxLength: maxLength.technicalDomain,
        regex: orderFormRules.technicalDomainPattern,
        placeholder: 'contoso.onmicrosoft.com',
        // The label names the item; a section title would repeat it.
        separator: true,
      },
    ),
    hint(orderFormTexts.technicalDomainHint),

    section(orderFormTexts.subscriptionsSection),
    hint(orderFormTexts.subscriptionsHint(maxLicenses)),
    ...errorBlocks(placement.byInput.get(LINES_FIELD), locale),
    ...quantityInputs(catalog, values, placement, (item) =>
      field({
        type: 'Input.Number',
        id: quantityInputId(item.sku),
        // Labels are plain text, not markdown: no escaping.
        label: item.displayName,
        // 0 is read as "not ordered", like an empty line.
        min: 0,
        max: orderFormRules.maxLicensesPerLine,
        errorMessage: t(orderFormTexts.quantityError(maxLicenses)),
        ...optionalValue(quantityFor(values, item.sku)),
      }),
      (more) => t(orderFormTexts.showAllSubscriptions(more)),
    ),
    ...field({
      type: 'Input.Date',
      id: OrderFormInputId.activationDate,
      label: t(orderFormTexts.activationDate),
      isRequired: true,
      errorMessage: t(orderFormTexts.activationDateError),
      min: today,
      max: addDays(today, orderFormRules.activationWindowDays),
      ...optionalValue(values.activationDate),
    }),

    section(orderFormTexts.organizationSection),
    ...textInput(
      OrderFormInputId.organizationName,
      orderFormTexts.organizationName,
      orderFormTexts.organizationNameError,
      organization.name,
      { maxLength: maxLength.organizationName },
    ),
    ...textInput(OrderFormInputId.inn, orderFormTexts.inn, orderFormTexts.innError, organization.inn, {
      maxLength: maxLength.inn,
      regex: orderFormRules.innPattern,
    }),
    ...textInput(
      OrderFormInputId.postalCode,
      orderFormTexts.postalCode,
      orderFormTexts.postalCodeError,
      address.postalCode,
      { maxLength: maxLength.postalCode, regex: orderFormRules.postalCodePattern },
    ),
    ...textInput(OrderFormInputId.city, orderFormTexts.city, orderFormTexts.cityError, address.city, {
      maxLength: maxLength.text,
    }),
    ...textInput(OrderFormInputId.street, orderFormTexts.street, orderFormTexts.streetError, address.street, {
      maxLength: maxLength.text,
    }),

    section(orderFormTexts.contactSection),
    ...textInput(
      OrderFormInputId.contactFullName,
      orderFormTexts.fullName,
      orderFormTexts.fullNameError,
      contact.fullName,
      { maxLength: maxLength.text },
    ),
    ...textInput(OrderFormInputId.contactPhone, orderFormTexts.phone, orderFormTexts.phoneError, contact.phone, {
      maxLength: maxLength.text,
      placeholder: '+7 495 123-45-67',
      style: 'tel',
    }),
    ...textInput(OrderFormInputId.contactEmail, orderFormTexts.email, orderFormTexts.emailError, contact.email, {
      maxLength: maxLength.text,
      regex: orderFormRules.emailPattern,
      style: 'email',
    }),

    ...field({
      type: 'Input.ChoiceSet',
      id: OrderFormInputId.subscriptionKind,
      separator: true,
      spacing: 'medium',
      label: t(orderFormTexts.subscriptionKind),
      isRequired: true,
      errorMessage: t(orderFormTexts.subscriptionKindError),
      style: 'expanded',
      choices: [
        { title: t(subscriptionKindLabels.new), value: 'new' },
        { title: t(subscriptionKindLabels.trialConversion), value: 'trialConversion' },
      ],
      ...optionalValue(values.subscriptionKind),
    }),
    ...trialNote(values, catalog, locale),
  ];

  return adaptiveCard({
    fallbackText: t(orderFormTexts.title),
    msteams: { width: 'Full' },
    body,
    actions: [
      executeAction({
        title: t(orderFormTexts.submit),
        verb: CardVerb.submitOrder,
        data: {
          submissionId,
          ...(revisesOrderId === undefined ? {} : { [REVISES_ORDER_ID_KEY]: revisesOrderId }),
          ...(values.trial === undefined ? {} : { [TRIAL_KEY]: trialData(values.trial) }),
        },
        style: 'positive',
      }),
    ],
  });
}

/**
 * The distributor's top offers first; the rest in a hidden container that an
 * `Action.ToggleVisibility` button shows (Adaptive Cards 1.2, supported in
 * Teams: "Card actions", learn.microsoft.com/microsoftteams/platform/task-modules-and-cards/cards/cards-actions).
 * A SKU with a value or an error is never hidden. Hidden inputs are still
 * sent with the card, and quantities are optional, so nothing is lost.
 */
function quantityInputs(
  catalog: Catalog,
  values: OrderFormValues,
  placement: ErrorPlacement,
  input: (item: Catalog[number]) => CardElement[],
  showAllTitle: (more: number) => string,
): CardElement[] {
  const shown = (item: Catalog[number], index: number): boolean =>
    index < TOP_SKU_COUNT || quantityFor(values, item.sku) !== undefined || placement.byInput.has(quantityInputId(item.sku));
  const top = catalog.filter(shown);
  const rest = catalog.filter((item, index) => !shown(item, index));
  if (rest.length === 0) return top.flatMap(input);
  return [
    ...top.flatMap(input),
    {
      type: 'ActionSet',
      id: SHOW_ALL_ACTION_SET_ID,
      actions: [
        {
          type: 'Action.ToggleVisibility',
          title: showAllTitle(rest.length),
          targetElements: [MORE_SKUS_CONTAINER_ID, SHOW_ALL_ACTION_SET_ID],
        },
      ],
    },
    { type: 'Container', id: MORE_SKUS_CONTAINER_ID, isVisible: false, items: rest.flatMap(input) },
  ];
}

/** Why "Yes" is already chosen, and how to accept when it is not yet. */
function invitationExplanation(
  t: (text: LocalizedText) => string,
  level: RelationshipLevel | undefined,
  answer: string | undefined,
  invitationUrl: string | undefined,
): CardElement[] {
  const why = answer !== 'true' ? undefined : level === 'confirmed' ? orderFormTexts.invitationConfirmed : level === 'detected' ? orderFormTexts.invitationDetected : undefined;
  if (why !== undefined) return [{ type: 'TextBlock', text: t(why), wrap: true, isSubtle: true, size: 'small', color: 'good' }];
  if (invitationUrl === undefined) return [];
  return [
    { type: 'TextBlock', text: t(orderFormTexts.invitationHowTo), wrap: true, isSubtle: true, size: 'small' },
    { type: 'ActionSet', actions: [{ type: 'Action.OpenUrl', title: t(orderFormTexts.openInvitation), url: invitationUrl }] },
  ];
}

/** The answer was «Нет»: how to accept, in a calm box instead of an error. */
function invitationNotYet(t: (text: LocalizedText) => string, invitationUrl: string | undefined): CardElement[] {
  return [
    {
      type: 'Container',
      style: 'warning',
      items: [
        { type: 'TextBlock', text: t(orderFormTexts.invitationNotYetTitle), weight: 'bolder', wrap: true },
        { type: 'TextBlock', text: t(orderFormTexts.invitationNotYet), wrap: true },
        ...(invitationUrl === undefined
          ? []
          : [{ type: 'ActionSet', actions: [{ type: 'Action.OpenUrl', title: t(orderFormTexts.openInvitation), url: invitationUrl }] } as const]),
      ],
    },
  ];
}

/** The trial a conversion would convert (it travels in the submit action's data). */
function trialNote(values: OrderFormValues, catalog: Catalog, locale: Locale): CardElement[] {
  const { trial } = values;
  const licenses = typeof trial?.licenses === 'number' ? trial.licenses : Number(trial?.licenses);
  if (trial?.sku === undefined || !Number.isFinite(licenses)) return [];
  const product = findCatalogItem(catalog, trial.sku)?.displayName ?? trial.sku;
  const endsOn = trial.endsOn === undefined ? undefined : formatCardDate(trial.endsOn, locale);
  const described = pick(convertedTrialText(product, licenseCount(licenses), endsOn), locale);
  return [{ type: 'TextBlock', text: escapeCardText(pick(orderFormTexts.trialToConvert(described), locale)), wrap: true, isSubtle: true, size: 'small' }];
}

/** A blank value is left out: it shows the same and is not sent (renderers drop it). */
function optionalValue<T>(value: T | undefined): { value: T } | Record<string, never> {
  return value === undefined || value === '' ? {} : { value };
}

function choiceFromBoolean(value: boolean | string | undefined): string | undefined {
  if (value === true || value === 'true') return 'true';
  if (value === false || value === 'false') return 'false';
  return undefined;
}

/** Only a real number can prefill an `Input.Number`; an invalid string is dropped (its error still shows). */
function quantityFor(values: OrderFormValues, sku: string): number | undefined {
  const line = values.lines?.find((candidate) => candidate.sku === sku);
  const quantity = typeof line?.quantity === 'string' ? Number(line.quantity.trim() || Number.NaN) : line?.quantity;
  return quantity !== undefined && Number.isFinite(quantity) ? quantity : undefined;
}

interface ErrorPlacement {
  /** Messages by input id (or `lines` for the subscriptions section as a whole). */
  readonly byInput: ReadonlyMap<string, readonly FieldError[]>;
  /** Errors no input can show, listed at the top of the form. */
  readonly unplaced: readonly FieldError[];
}

const inputIds: readonly string[] = Object.values(OrderFormInputId);

/**
 * Matches each error's dotted path to the input that shows it. `lines.N…`
 * goes under the quantity input of the SKU on line N of `values`, which is
 * the same object the lines were built from (see `orderFromCardInputs`).
 */
function placeErrors(errors: readonly FieldError[], values: OrderFormValues, catalog: Catalog): ErrorPlacement {
  const byInput = new Map<string, FieldError[]>();
  const unplaced: FieldError[] = [];
  const place = (key: string, error: FieldError): void => {
    byInput.set(key, [...(byInput.get(key) ?? []), error]);
  };
  for (const error of errors) {
    const target = targetInput(error.field, values, catalog);
    if (target === undefined) unplaced.push(error);
    else place(target, error);
  }
  return { byInput, unplaced };
}

function targetInput(field: string, values: OrderFormValues, catalog: Catalog): string | undefined {
  if (inputIds.includes(field)) return field;
  const line = /^lines\.(\d+)(?:\.|$)/.exec(field);
  if (line) {
    const sku = values.lines?.[Number(line[1])]?.sku;
    const inCatalog = sku !== undefined && findCatalogItem(catalog, sku) !== undefined;
    return inCatalog ? quantityInputId(sku) : LINES_FIELD;
  }
  if (field === LINES_FIELD) return LINES_FIELD;
  // A whole missing object (`contact`, `organization.address`) shows under its first input.
  return inputIds.find((id) => id.startsWith(`${field}.`));
}

function errorBlocks(errors: readonly FieldError[] | undefined, locale: Locale): TextBlock[] {
  return (errors ?? []).map((error) => ({
    type: 'TextBlock',
    // Messages may quote what the user typed.
    text: escapeCardText(pick(error.message, locale)),
    color: 'attention',
    size: 'small',
    wrap: true,
    spacing: 'none',
  }));
}

/** The picked trial as action data: only the fields it has (JSON has no undefined). */
function trialData(trial: NonNullable<OrderFormValues['trial']>): JsonObject {
  const data: Record<string, JsonValue> = {};
  for (const [key, value] of Object.entries(trial)) if (value !== undefined) data[key] = value;
  return data;
}
