import type { OrderFormValues } from '../../src/domain/cards/order-form-card.js';

/**
 * Combines what the tenant's facts suggest (Microsoft Graph, `prefillFromTenant`)
 * with the admin's latest order into the values of a new order form.
 *
 * - Graph first for the technical domain (an authoritative fact of the tenant)
 *   and for the contact (the admin signed in now is who is ordering now; the
 *   last order's contact may have left).
 * - The latest order first for the organization's name, INN and address: the
 *   admin typed and the distributor accepted them, while Entra's display name
 *   is often not the legal name ("Contoso" vs «ООО «Контосо»»). Graph fills
 *   what the order lacks.
 * - The latest order first for what the admin decided: the lines and their
 *   quantities, new or trial conversion, the activation date, the invitation
 *   answer. Graph's trial suggestion is used only without an order.
 * - What Teams says about the user chatting (`fromTeams`, no sign-in needed)
 *   counts below Graph: for the contact it beats the latest order (the person
 *   chatting is who is ordering now); its `*.onmicrosoft.com` domain is used
 *   only when neither Graph nor an order names one.
 */
export function mergeOrderFormPrefill(
  fromTenant: OrderFormValues | undefined,
  fromOrder: OrderFormValues | undefined,
  fromTeams?: OrderFormValues,
): OrderFormValues | undefined {
  if (fromTeams !== undefined) return withTeamsMember(mergeOrderFormPrefill(fromTenant, fromOrder), fromTenant, fromTeams);
  if (fromTenant === undefined) return fromOrder;
  if (fromOrder === undefined) return fromTenant;

  const organization = mergeOrganization(fromTenant.organization, fromOrder.organization);
  const contact = defined({ ...fromOrder.contact, ...fromTenant.contact });
  return {
    ...fromTenant,
    ...fromOrder,
    ...firstDefined('technicalDomain', fromTenant.technicalDomain, fromOrder.technicalDomain),
    ...(organization === undefined ? {} : { organization }),
    ...(contact === undefined ? {} : { contact }),
  };
}

function withTeamsMember(
  merged: OrderFormValues | undefined,
  fromTenant: OrderFormValues | undefined,
  fromTeams: OrderFormValues,
): OrderFormValues | undefined {
  const contact = defined({ ...merged?.contact, ...fromTeams.contact, ...fromTenant?.contact });
  const technicalDomain = merged?.technicalDomain ?? fromTeams.technicalDomain;
  const result = {
    ...merged,
    ...(technicalDomain === undefined ? {} : { technicalDomain }),
    ...(contact === undefined ? {} : { contact }),
  };
  return defined(result);
}

function mergeOrganization(
  fromTenant: OrderFormValues['organization'],
  fromOrder: OrderFormValues['organization'],
): OrderFormValues['organization'] {
  if (fromTenant === undefined || fromOrder === undefined) return fromOrder ?? fromTenant;
  const address = defined({ ...fromTenant.address, ...fromOrder.address });
  return { ...fromTenant, ...fromOrder, ...(address === undefined ? {} : { address }) };
}

function firstDefined<K extends string, V>(key: K, ...values: (V | undefined)[]): Partial<Record<K, V>> {
  const value = values.find((candidate) => candidate !== undefined);
  return value === undefined ? {} : ({ [key]: value } as Record<K, V>);
}

/** The object, or undefined when spreading left it empty. */
function defined<T extends object>(value: T): T | undefined {
  return Object.keys(value).length === 0 ? undefined : value;
}
