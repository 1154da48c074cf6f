// `max` metadata checks each country's real number ranges (`min` only checks
// lengths and would accept e.g. +7 300 123-45-67). It costs about 20 KB more
// gzipped in the tab bundle; a wrong phone on an order costs a phone call.
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { z } from 'zod';
import { addDays, isIsoDate } from '../calendar.js';
import { findCatalogItem } from '../catalog/catalog.js';
import type { Catalog } from '../catalog/catalog.js';
import { isGuid } from '../guid.js';
import { pick } from '../i18n/locale.js';
import type { Locale } from '../i18n/locale.js';
import { checkInn } from './inn.js';
import { unicodeMailAddress } from './mail-address.js';
import type { FieldError, OrderSubmission } from './order.js';
import { VALIDATION_MESSAGES, isValidationCode } from './validation-messages.js';
import type { ValidationCode } from './validation-messages.js';

/**
 * The one validation of an order, shared by the tab, the bot card and the
 * HTTP API: untrusted input in, a normalized `OrderSubmission` or every
 * invalid field out.
 */

export interface OrderValidationContext {
  readonly catalog: Catalog;
  /** Today's ISO date in the distributor's time zone. */
  readonly today: string;
}

export type OrderValidationResult =
  | { readonly ok: true; readonly order: OrderSubmission }
  | { readonly ok: false; readonly errors: FieldError[] };

export interface LocalizedFieldError {
  readonly field: string;
  readonly code: string;
  readonly message: string;
}

/** Limits the tab can reuse for input attributes. */
export const ORDER_LIMITS = {
  textLength: 200,
  organizationNameLength: 300,
  minLines: 1,
  maxLines: 20,
  maxQuantity: 100_000,
  maxDaysAhead: 365,
} as const;

const CONTROL_CHARACTERS = /[\p{Cc}\p{Zl}\p{Zp}]/u;
const POSTAL_CODE = /^\d{6}$/;
const TECHNICAL_DOMAIN = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.onmicrosoft\.com$/;

/**
 * Each rule's error text is its stable code; `toFieldErrors` turns codes into
 * messages. Rules are listed in the order a user should fix them.
 */
export function fail(code: ValidationCode): { error: ValidationCode } {
  return { error: code };
}

/** A required single-line text: trimmed, non-empty, bounded, printable. */
export function text(maxLength: number = ORDER_LIMITS.textLength) {
  return z
    .string()
    .trim()
    .min(1, fail('required'))
    .max(maxLength, fail('too_long'))
    .refine((value) => !CONTROL_CHARACTERS.test(value), fail('control_characters'));
}

const innSchema = text()
  .refine((inn) => checkInn(inn) !== 'format', fail('inn_format'))
  .refine((inn) => checkInn(inn) !== 'checksum', fail('inn_checksum'));

/** Russian by default, stored as E.164; the field must be a number, not a sentence holding one. */
export const phoneSchema = text().transform((value, ctx) => {
  const phone = parsePhoneNumberFromString(value, { defaultCountry: 'RU', extract: false });
  if (phone?.isValid()) return phone.number;
  ctx.addIssue({ code: 'custom', message: 'phone_invalid' satisfies ValidationCode });
  return z.NEVER;
});

/**
 * zod's default e-mail pattern refuses Cyrillic domains (`почта.рф`) and their
 * punycode form (`xn--p1ai`), which Russian companies use; this one keeps its
 * local-part rules and accepts internationalized domains with a real TLD.
 */
const EMAIL_PATTERN =
  /^(?!\.)(?!.*\.\.)[\p{L}\p{N}_'+\-.]*[\p{L}\p{N}_+-]@(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?\.)+(?:\p{L}{2,}|xn--[a-z0-9-]+)$/iu;

/**
 * The local part may be case-sensitive; the domain never is. A domain that
 * arrives in punycode (browsers send `<input type="email">` that way) is kept
 * in Unicode, as the customer typed it.
 */
export const emailSchema = text()
  .pipe(z.email({ ...fail('email_invalid'), pattern: EMAIL_PATTERN }))
  .transform((email) => {
    const unicode = unicodeMailAddress(email);
    const at = unicode.lastIndexOf('@');
    return unicode.slice(0, at) + unicode.slice(at).toLowerCase();
  });

function lineSchema(catalog: Catalog) {
  return z.object({
    sku: text().refine((sku) => findCatalogItem(catalog, sku) !== undefined, fail('sku_unknown')),
    quantity: z
      .number()
      // A refine rather than `.int()`, whose failure would stop the duplicate check below.
      .refine(Number.isInteger, fail('quantity_invalid'))
      .min(1, fail('quantity_invalid'))
      .max(ORDER_LIMITS.maxQuantity, fail('quantity_invalid')),
  });
}

/** Flags each repeat of an earlier line's SKU on the repeat itself. */
function reportDuplicateSkus(lines: readonly unknown[], ctx: z.RefinementCtx): void {
  const seen = new Set<string>();
  lines.forEach((line, index) => {
    const sku = skuOf(line);
    if (sku === undefined) return;
    if (seen.has(sku)) {
      ctx.addIssue({ code: 'custom', message: 'sku_duplicate' satisfies ValidationCode, path: [index, 'sku'] });
    }
    seen.add(sku);
  });
}

/** Lines may be only partly valid here (see `when` below), so read the SKU defensively. */
function skuOf(line: unknown): string | undefined {
  if (typeof line !== 'object' || line === null || !('sku' in line)) return undefined;
  return typeof line.sku === 'string' ? line.sku.trim() : undefined;
}

/** The order schema for one day and one catalog (both shape what is valid). */
export function createOrderSchema({ catalog, today }: OrderValidationContext) {
  const latestActivationDate = addDays(today, ORDER_LIMITS.maxDaysAhead);
  return z.object({
    submissionId: text().refine(isGuid, fail('uuid_format')).toLowerCase(),
    invitationAccepted: z.boolean().refine((accepted) => accepted, fail('invitation_not_accepted')),
    technicalDomain: text().toLowerCase().regex(TECHNICAL_DOMAIN, fail('domain_format')),
    lines: z
      .array(lineSchema(catalog))
      .min(ORDER_LIMITS.minLines, fail('lines_empty'))
      .max(ORDER_LIMITS.maxLines, fail('lines_too_many'))
      // Run even when some line has a type error, so duplicates are reported in the same pass.
      .superRefine(reportDuplicateSkus, { when: (payload) => Array.isArray(payload.value) }),
    activationDate: text()
      .refine(isIsoDate, fail('date_format'))
      .refine((date) => date >= today, fail('date_in_past'))
      .refine((date) => date <= latestActivationDate, fail('date_too_far')),
    organization: z.object({
      name: text(ORDER_LIMITS.organizationNameLength),
      inn: innSchema,
      address: z.object({
        postalCode: text().regex(POSTAL_CODE, fail('postal_code_format')),
        city: text(),
        street: text(),
      }),
    }),
    contact: z.object({
      fullName: text(),
      phone: phoneSchema,
      email: emailSchema,
    }),
    subscriptionKind: z.enum(['new', 'trialConversion']),
    trial: z
      .object({
        sku: text(ORDER_LIMITS.textLength),
        licenses: z.number().int().min(0).max(MAX_TRIAL_LICENSES),
        endsOn: text().refine(isIsoDate, fail('date_format')).optional(),
      })
      .optional(),
  })
    // A trial belongs to a conversion only; with a new subscription it is dropped, not an error.
    .transform(({ trial, ...order }) => (order.subscriptionKind === 'trialConversion' && trial !== undefined ? { ...order, trial } : order));
}

/** Microsoft trials carry at most a few hundred licenses; this only bounds nonsense. */
const MAX_TRIAL_LICENSES = 1_000_000;

/**
 * Validates and normalizes an order. Never throws on bad input: a non-object
 * gives one `invalid_type` error on the root field `""`. Unknown keys are dropped.
 */
/**
 * Building the schema costs far more than using it (about 1.4 ms against
 * 40 µs), and the server validates every order against the same catalog and,
 * all day long, the same date: keep the schema of the latest day per catalog.
 */
const schemaCache = new WeakMap<Catalog, { readonly today: string; readonly schema: ReturnType<typeof createOrderSchema> }>();

function orderSchemaFor(context: OrderValidationContext): ReturnType<typeof createOrderSchema> {
  const cached = schemaCache.get(context.catalog);
  if (cached?.today === context.today) return cached.schema;
  const schema = createOrderSchema(context);
  schemaCache.set(context.catalog, { today: context.today, schema });
  return schema;
}

export function validateOrder(input: unknown, context: OrderValidationContext): OrderValidationResult {
  const result = orderSchemaFor(context).safeParse(input, { error: codeForUnlabelledIssue });
  if (result.success) {
    const order: OrderSubmission = result.data;
    return { ok: true, order };
  }
  return { ok: false, errors: toFieldErrors(result.error.issues) };
}

export function localizeErrors(errors: readonly FieldError[], locale: Locale): LocalizedFieldError[] {
  return errors.map(({ field, code, message }) => ({ field, code, message: pick(message, locale) }));
}

/** Codes for zod's own issues (type and enum checks), which carry no code of ours. */
export function codeForUnlabelledIssue(issue: z.core.$ZodRawIssue): ValidationCode {
  const isField = (issue.path?.length ?? 0) > 0;
  if (isField && (issue.input === undefined || issue.input === null)) return 'required';
  return issue.code === 'invalid_type' ? 'invalid_type' : 'invalid_value';
}

/** One error per field: the first rule it breaks, which is the one to fix first. */
export function toFieldErrors(issues: readonly z.core.$ZodIssue[]): FieldError[] {
  const byField = new Map<string, FieldError>();
  for (const issue of issues) {
    const field = issue.path.map(String).join('.');
    if (byField.has(field)) continue;
    const code: ValidationCode = isValidationCode(issue.message) ? issue.message : 'invalid_value';
    byField.set(field, { field, code, message: VALIDATION_MESSAGES[code] });
  }
  return [...byField.values()];
}
