import type { OrderFormValues } from '../../domain/cards/order-form-values.js';
import type { SubscriptionKind } from '../../domain/order/order.js';
import { withTeamsMemberPrefill } from '../../domain/tenant/teams-member-prefill.js';
import type { TeamsMemberProfile } from '../../domain/tenant/teams-member-prefill.js';
import { prefillFromTenant } from '../../domain/tenant/tenant-prefill.js';
import type { SubscriptionFacts, TenantResponse } from '../../domain/tenant/tenant-response.js';
import type { OrderView, ServerFieldError } from '../api/order-response.js';
import type { CatalogItem } from '../config/tab-config.js';

/**
 * The order form's state in the tab: what the inputs hold (all text, as typed),
 * which fields the admin has left, and the idempotency key. Pure functions,
 * so the form's rules are tested without a browser.
 */

export interface OrderDraft {
  readonly invitationAccepted: boolean;
  readonly technicalDomain: string;
  /** The ticked catalog SKUs; the order lists them in catalog order. */
  readonly selectedSkus: readonly string[];
  /** Each quantity input's text by SKU; kept when a SKU is unticked, so ticking it again restores it. */
  readonly quantities: Readonly<Record<string, string>>;
  /** `YYYY-MM-DD`, what `<input type="date">` holds. */
  readonly activationDate: string;
  readonly organization: {
    readonly name: string;
    readonly inn: string;
    readonly address: { readonly postalCode: string; readonly city: string; readonly street: string };
  };
  readonly contact: { readonly fullName: string; readonly phone: string; readonly email: string };
  readonly subscriptionKind: SubscriptionKind | '';
  /** The trial being converted: its SKU becomes an order line, and the trial itself goes with the order. */
  readonly trialId: string;
}

export interface OrderFormState {
  readonly draft: OrderDraft;
  /** Made once per order and kept until the server stored it, so retries never make a second order. */
  readonly submissionId: string;
  /** Element ids of the fields whose errors show (left once, or changed for choice fields). */
  readonly touched: ReadonlySet<string>;
  /** After the first submit every error shows. */
  readonly submitAttempted: boolean;
  /** The server's 422 answer; each error goes when its field changes. */
  readonly serverErrors: readonly ServerFieldError[];
  /** The tenant's convertible trials, the suggested one first. */
  readonly trials: readonly SubscriptionFacts[];
  /** Whether any value came from the tenant's facts (the form then asks the admin to check them). */
  readonly prefilled: boolean;
  /** Set once the server stored the order: the step then shows it instead of the form. */
  readonly stored?: { readonly order: OrderView; readonly created: boolean };
}

export const ORDER_FORM_ID = 'order-form';
/** Errors that belong to no input (the submission id, the whole body) show at the top of the form. */
export const ORDER_ROOT_ERROR_ID = 'order-form-errors';
export const LINES_GROUP_ID = 'order-lines';
/** The how-to-accept box shown while "invitation accepted" is not ticked; focused when that is all that blocks sending. */
export const INVITATION_NOT_YET_ID = 'order-invitation-not-yet';

const SIMPLE_FIELD_PATHS = [
  'invitationAccepted',
  'technicalDomain',
  'subscriptionKind',
  'activationDate',
  'organization.name',
  'organization.inn',
  'organization.address.postalCode',
  'organization.address.city',
  'organization.address.street',
  'contact.fullName',
  'contact.phone',
  'contact.email',
] as const;

export type SimpleFieldPath = (typeof SIMPLE_FIELD_PATHS)[number];

/** The element id of a field, e.g. `order-organization-inn`. */
export function fieldId(path: SimpleFieldPath): string {
  return `order-${path.replaceAll('.', '-')}`;
}

/** The element id of a SKU's quantity input; SKUs may hold characters ids should not. */
export function quantityFieldId(sku: string): string {
  return `order-line-${sku.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}

export function skuCheckboxId(sku: string): string {
  return `${quantityFieldId(sku)}-selected`;
}

const simpleFieldIds: ReadonlyMap<string, string> = new Map(SIMPLE_FIELD_PATHS.map((path) => [path, fieldId(path)]));

/** Where an error of the order's dotted path shows: the input it concerns, or the top of the form. */
export function errorTargetId(path: string, draft: OrderDraft, catalog: readonly CatalogItem[]): string {
  const simple = simpleFieldIds.get(path);
  if (simple !== undefined) return simple;
  if (path === 'lines') return LINES_GROUP_ID;
  const line = /^lines\.(\d+)(?:\.|$)/.exec(path);
  if (line) {
    const sku = orderedSelection(draft, catalog)[Number(line[1])];
    return sku === undefined ? LINES_GROUP_ID : quantityFieldId(sku);
  }
  return ORDER_ROOT_ERROR_ID;
}

export function emptyDraft(): OrderDraft {
  return {
    invitationAccepted: false,
    technicalDomain: '',
    selectedSkus: [],
    quantities: {},
    activationDate: '',
    organization: { name: '', inn: '', address: { postalCode: '', city: '', street: '' } },
    contact: { fullName: '', phone: '', email: '' },
    subscriptionKind: '',
    trialId: '',
  };
}

/**
 * A new form, prefilled from the tenant's facts when they loaded
 * (`prefillFromTenant`), and where they are silent from what Teams says about
 * the user (`app.getContext()`).
 */
export function createOrderForm(
  tenant: TenantResponse | undefined,
  catalog: readonly CatalogItem[],
  submissionId: string,
  user?: TeamsMemberProfile,
): OrderFormState {
  const base: Omit<OrderFormState, 'draft' | 'trials' | 'prefilled'> = {
    submissionId,
    touched: new Set(),
    submitAttempted: false,
    serverErrors: [],
  };
  if (tenant === undefined) {
    const fromTeams = withTeamsMemberPrefill({}, user);
    return { ...base, draft: draftFromValues(fromTeams, catalog), trials: [], prefilled: Object.keys(fromTeams).length > 0 };
  }
  const prefill = prefillFromTenant(tenant, { offeredSkus: catalog.map((item) => item.sku) });
  const values = withTeamsMemberPrefill(prefill.values, user);
  const draft = draftFromValues(values, catalog);
  const suggested = prefill.values.subscriptionKind === 'trialConversion' ? prefill.trials[0] : undefined;
  return {
    ...base,
    draft: suggested === undefined ? draft : { ...draft, trialId: suggested.id },
    trials: prefill.trials,
    prefilled: Object.keys(values).length > 0,
  };
}

/** Form values (from the tenant, or an earlier order) as the inputs' text. */
export function draftFromValues(values: OrderFormValues, catalog: readonly CatalogItem[]): OrderDraft {
  const empty = emptyDraft();
  const offered = new Set(catalog.map((item) => item.sku));
  const lines = (values.lines ?? []).filter((line) => line.sku !== undefined && offered.has(line.sku));
  const quantities: Record<string, string> = {};
  for (const line of lines) {
    if (line.sku !== undefined && line.quantity !== undefined) quantities[line.sku] = String(line.quantity);
  }
  return {
    invitationAccepted: values.invitationAccepted === true || values.invitationAccepted === 'true',
    technicalDomain: values.technicalDomain ?? '',
    selectedSkus: [...new Set(lines.map((line) => line.sku ?? ''))],
    quantities,
    activationDate: values.activationDate ?? '',
    organization: {
      name: values.organization?.name ?? '',
      inn: values.organization?.inn ?? '',
      address: {
        postalCode: values.organization?.address?.postalCode ?? '',
        city: values.organization?.address?.city ?? '',
        street: values.organization?.address?.street ?? '',
      },
    },
    contact: {
      fullName: values.contact?.fullName ?? empty.contact.fullName,
      phone: values.contact?.phone ?? empty.contact.phone,
      email: values.contact?.email ?? empty.contact.email,
    },
    subscriptionKind: values.subscriptionKind === 'new' || values.subscriptionKind === 'trialConversion' ? values.subscriptionKind : '',
    trialId: '',
  };
}

/** The ticked SKUs in catalog order: the order of the lines sent, and of their error paths. */
export function orderedSelection(draft: OrderDraft, catalog: readonly CatalogItem[]): string[] {
  const selected = new Set(draft.selectedSkus);
  return catalog.map((item) => item.sku).filter((sku) => selected.has(sku));
}

/**
 * The order body for `validateOrder` and `POST /api/orders`.
 * A quantity left empty is sent absent, so validation says "required".
 */
export function orderInput(
  state: Pick<OrderFormState, 'draft' | 'submissionId'> & Partial<Pick<OrderFormState, 'trials'>>,
  catalog: readonly CatalogItem[],
): Record<string, unknown> {
  const { draft } = state;
  const trial = draft.subscriptionKind === 'trialConversion' ? state.trials?.find((candidate) => candidate.id === draft.trialId) : undefined;
  return {
    submissionId: state.submissionId,
    invitationAccepted: draft.invitationAccepted,
    technicalDomain: draft.technicalDomain,
    lines: orderedSelection(draft, catalog).map((sku) => ({ sku, quantity: quantityValue(draft.quantities[sku] ?? '') })),
    activationDate: draft.activationDate,
    organization: draft.organization,
    contact: draft.contact,
    ...(draft.subscriptionKind === '' ? {} : { subscriptionKind: draft.subscriptionKind }),
    // The picked trial goes with the order, so the distributor converts exactly that one.
    ...(trial === undefined ? {} : { trial: convertedTrial(trial) }),
  };
}

function convertedTrial(trial: SubscriptionFacts): { sku: string; licenses: number; endsOn?: string } {
  const endsOn = trial.nextLifecycleDateTime?.slice(0, 10);
  return { sku: trial.skuPartNumber, licenses: trial.totalLicenses, ...(endsOn === undefined ? {} : { endsOn }) };
}

function quantityValue(text: string): number | undefined {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '') return undefined;
  const value = Number(trimmed);
  // Not a number at all: 0 makes validation explain the allowed range instead of "wrong type".
  return Number.isFinite(value) ? value : 0;
}

/** Ticks or unticks a SKU. */
export function selectSku(draft: OrderDraft, sku: string, selected: boolean): OrderDraft {
  const without = draft.selectedSkus.filter((candidate) => candidate !== sku);
  return { ...draft, selectedSkus: selected ? [...without, sku] : without };
}

/** Converting a trial orders its subscription: tick its SKU when the distributor offers it. */
export function chooseTrial(draft: OrderDraft, trial: SubscriptionFacts, catalog: readonly CatalogItem[]): OrderDraft {
  const offered = catalog.some((item) => item.sku === trial.skuPartNumber);
  const chosen: OrderDraft = { ...draft, subscriptionKind: 'trialConversion', trialId: trial.id };
  return offered && !draft.selectedSkus.includes(trial.skuPartNumber) ? selectSku(chosen, trial.skuPartNumber, true) : chosen;
}

/**
 * Applies an edit of one field: its server error goes (the admin is fixing it)
 * and, for choice fields that have no blur worth waiting for, its errors show at once.
 */
export function editField(
  state: OrderFormState,
  targetId: string,
  change: (draft: OrderDraft) => OrderDraft,
  catalog: readonly CatalogItem[],
  options: { readonly touch?: boolean } = {},
): OrderFormState {
  const draft = change(state.draft);
  // Line errors are indexed by position in the selection: once it changes they point at the wrong SKU.
  const selectionChanged = draft.selectedSkus !== state.draft.selectedSkus;
  const serverErrors = state.serverErrors.filter(
    (error) =>
      errorTargetId(error.field, state.draft, catalog) !== targetId && !(selectionChanged && /^lines(\.|$)/.test(error.field)),
  );
  const touched = options.touch ? new Set([...state.touched, targetId]) : state.touched;
  return { ...state, draft, serverErrors, touched };
}

/** The admin left a field: its errors show from now on. */
export function touchField(state: OrderFormState, targetId: string): OrderFormState {
  return state.touched.has(targetId) ? state : { ...state, touched: new Set([...state.touched, targetId]) };
}
