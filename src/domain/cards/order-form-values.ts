import type { OrderSubmission } from '../order/order.js';

/**
 * What a half-filled order form holds: any part of an order may be missing,
 * and numbers or booleans may still be the strings a card input sent.
 */
export type FormValues<T> = T extends number
  ? number | string
  : T extends boolean
    ? boolean | string
    : T extends string
      ? string
      : T extends readonly (infer Item)[]
        ? readonly FormValues<Item>[]
        : { readonly [Key in keyof T]?: FormValues<T[Key]> };

export type OrderFormValues = FormValues<OrderSubmission>;

/** The submitted fields of a stored order, to prefill the form when the customer revises it. */
export function orderFormValuesFromOrder(order: OrderSubmission): OrderFormValues {
  return {
    submissionId: order.submissionId,
    invitationAccepted: order.invitationAccepted,
    technicalDomain: order.technicalDomain,
    lines: order.lines.map((line) => ({ sku: line.sku, quantity: line.quantity })),
    activationDate: order.activationDate,
    organization: {
      name: order.organization.name,
      inn: order.organization.inn,
      address: {
        postalCode: order.organization.address.postalCode,
        city: order.organization.address.city,
        street: order.organization.address.street,
      },
    },
    contact: { fullName: order.contact.fullName, phone: order.contact.phone, email: order.contact.email },
    subscriptionKind: order.subscriptionKind,
    ...(order.trial === undefined ? {} : { trial: { ...order.trial } }),
  };
}
