// Contract: Partner Center's "Create agreement", the partner's confirmation that a
// customer accepted the Microsoft Customer Agreement.
// - POST https://api.partnercenter.microsoft.com/v1/customers/{customer-tenant-id}/agreements with the
//   Agreement resource { primaryContact { firstName, lastName, email, phoneNumber? }, templateId,
//   dateAgreed, type: "MicrosoftCustomerAgreement" }, headers MS-RequestId and MS-CorrelationId;
//   201 Created answers the agreement with userId ("Confirm customer acceptance of the Microsoft
//   Customer Agreement using Partner Center APIs",
//   https://learn.microsoft.com/partner-center/developer/confirm-customer-consent-customer-agreement;
//   "Manage customer accounts - Create agreement",
//   https://learn.microsoft.com/rest/api/partner-center/manage-customer-accounts/create-agreement).
// - The same signatory again: error 600061 PartnerConfirmedAgreementAlreadyExists (same page).
import { describe, expect, it } from 'vitest';
import { createPartnerCenterAgreements } from '../../bot/partner-center/partner-center-agreements.js';
import { createPartnerCenterStandIn, STAND_IN_PARTNER_USER_ID } from '../../bot/partner-center/partner-center-stand-in.js';
import { partnerCenterAgreement } from '../../src/domain/customer-agreement/partner-center-agreement.js';
import { acceptance } from '../support/customer-agreement-fixtures.js';

const CUSTOMER = '14876998-c0dc-46e6-9d0c-65a57a6c32ec';
const API_URL = 'https://api.partnercenter.microsoft.com';

/** The page's request example, word for word in its fields. */
const documentedRequest = {
  primaryContact: { firstName: 'Tania', lastName: 'Carr', email: 'someone@example.com', phoneNumber: '1234567890' },
  templateId: '117a77b0-9360-443b-8795-c6dedc750cf9',
  dateAgreed: '2018-06-14T00:00:00.000Z',
  type: 'MicrosoftCustomerAgreement',
};

/** The page's 600061 body. */
const documentedAlreadyExists = {
  code: 600061,
  message: 'A partner confirmed agreement already exists for the customer.',
  description: 'A partner confirmed agreement already exists for the customer.',
  errorName: 'PartnerConfirmedAgreementAlreadyExists',
  isRetryable: false,
  parameters: {},
  errorMessageExtended: 'InternalErrorCode=600061',
};

describe('Partner Center "Create agreement"', () => {
  it('sends the acceptance as the documented Agreement resource, with the request headers', async () => {
    const standIn = createPartnerCenterStandIn();
    const client = createPartnerCenterAgreements({ apiUrl: API_URL, fetch: standIn.fetch, newRequestId: () => '94e4e214-6b06-4fb7-96d1-94d559f9b47f' });
    const stored = acceptance(CUSTOMER);
    const result = await client.create(CUSTOMER, partnerCenterAgreement(stored), 'token');

    const [request] = standIn.requests;
    expect(request?.url).toBe(`${API_URL}/v1/customers/${CUSTOMER}/agreements`);
    expect(request?.headers.get('authorization')).toBe('Bearer token');
    expect(request?.headers.get('ms-requestid')).toBe('94e4e214-6b06-4fb7-96d1-94d559f9b47f');
    expect(request?.headers.get('ms-correlationid')).toBeTruthy();
    // Same keys as the documented example; the patronymic has no field there.
    expect(Object.keys(request?.body as object).sort()).toEqual(Object.keys(documentedRequest).sort());
    expect(request?.body).toEqual({
      primaryContact: { firstName: 'Мария', lastName: 'Иванова', email: 'm.ivanova@romashka.ru', phoneNumber: '+74951234567' },
      templateId: stored.templateId,
      dateAgreed: stored.acceptedAt,
      type: 'MicrosoftCustomerAgreement',
    });
    expect(result).toEqual({ kind: 'created', agreement: { userId: STAND_IN_PARTNER_USER_ID, ...(request?.body as object) } });
  });

  it('accepts the documented request and answers 201 with the documented response shape', async () => {
    const standIn = createPartnerCenterStandIn();
    const response = await standIn.fetch(`${API_URL}/v1/customers/${CUSTOMER}/agreements`, {
      method: 'POST',
      headers: { authorization: 'Bearer t', 'content-type': 'application/json' },
      body: JSON.stringify(documentedRequest),
    });
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ userId: STAND_IN_PARTNER_USER_ID, ...documentedRequest });
  });

  it('answers the same signatory again with the documented 600061 body, which the client reads as "already exists"', async () => {
    const standIn = createPartnerCenterStandIn();
    const send = () =>
      standIn.fetch(`${API_URL}/v1/customers/${CUSTOMER}/agreements`, {
        method: 'POST',
        headers: { authorization: 'Bearer t' },
        body: JSON.stringify(documentedRequest),
      });
    await send();
    expect(await (await send()).json()).toEqual(documentedAlreadyExists);

    const client = createPartnerCenterAgreements({ apiUrl: API_URL, fetch: standIn.fetch });
    const again = await client.create(CUSTOMER, documentedRequest as never, 't');
    expect(again).toEqual({ kind: 'alreadyExists', code: 600061, description: 'A partner confirmed agreement already exists for the customer.' });
  });

  it('reads a refusal, a server error and no answer apart', async () => {
    const client = (answer: () => Promise<Response>) => createPartnerCenterAgreements({ apiUrl: API_URL, fetch: answer });
    const agreement = partnerCenterAgreement(acceptance(CUSTOMER));
    expect(await client(() => Promise.resolve(Response.json({ code: 403, description: 'Forbidden' }, { status: 403 }))).create(CUSTOMER, agreement, 't')).toEqual({
      kind: 'refused',
      status: 403,
      code: 403,
      description: 'Forbidden',
    });
    expect((await client(() => Promise.resolve(new Response('oops', { status: 503 }))).create(CUSTOMER, agreement, 't')).kind).toBe('unavailable');
    expect((await client(() => Promise.reject(new Error('ECONNRESET'))).create(CUSTOMER, agreement, 't')).kind).toBe('unavailable');
    const standIn = createPartnerCenterStandIn();
    expect((await createPartnerCenterAgreements({ apiUrl: API_URL, fetch: standIn.fetch }).create(CUSTOMER, agreement, '')).kind).toBe('refused');
  });
});
