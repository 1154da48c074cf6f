import { z } from 'zod';
import type { FieldError } from '../order/order.js';
import { codeForUnlabelledIssue, emailSchema, fail, phoneSchema, text, toFieldErrors } from '../order/order-validation.js';
import type { Signatory } from './customer-agreement.js';

/**
 * The one validation of an MCA acceptance (`PUT /api/tenant/customer-agreement`,
 * the tab's step and the chat card): untrusted input in, a normalized signatory
 * or every invalid field out, with the same codes and texts as orders. Who
 * accepted and for which tenant never comes from here: the caller's verified
 * identity does (bot/customer-agreement).
 */

export type AcceptanceValidationResult =
  | { readonly ok: true; readonly signatory: Signatory }
  | { readonly ok: false; readonly errors: FieldError[] };

/** An optional field: absent, null or blank means absent; anything else must pass `schema`. */
function optional<T extends z.ZodType>(schema: T) {
  const blank = (value: unknown): boolean => value === null || (typeof value === 'string' && value.trim() === '');
  return z.preprocess((value) => (blank(value) ? undefined : value), schema.optional()).optional();
}

const acceptanceSchema = z.object({
  accepted: z.boolean().refine((accepted) => accepted, fail('agreement_not_accepted')),
  signatory: z.object({
    lastName: text(),
    firstName: text(),
    middleName: optional(text()),
    email: emailSchema,
    phone: optional(phoneSchema),
  }),
});

export function validateAcceptance(input: unknown): AcceptanceValidationResult {
  const result = acceptanceSchema.safeParse(input, { error: codeForUnlabelledIssue });
  if (!result.success) return { ok: false, errors: toFieldErrors(result.error.issues) };
  const { lastName, firstName, middleName, email, phone } = result.data.signatory;
  return {
    ok: true,
    signatory: {
      lastName,
      firstName,
      ...(middleName === undefined ? {} : { middleName }),
      email,
      ...(phone === undefined ? {} : { phone }),
    },
  };
}
