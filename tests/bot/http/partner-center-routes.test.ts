import { pino } from 'pino';
import type { Request } from 'restify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UnauthorizedError } from '../../../bot/auth/sso-token-verifier.js';
import { registerPartnerCenterRoutes } from '../../../bot/http/partner-center-routes.js';
import { NotStaffError } from '../../../bot/http/staff-caller.js';
import type { StaffCallerResolver } from '../../../bot/http/staff-caller.js';
import { createPartnerCenterAgreements } from '../../../bot/partner-center/partner-center-agreements.js';
import { PartnerCenterHandOffService } from '../../../bot/partner-center/partner-center-hand-off.js';
import { createPartnerCenterStandIn } from '../../../bot/partner-center/partner-center-stand-in.js';
import { CustomerAgreementStore } from '../../../bot/storage/customer-agreement-store.js';
import { startApiServer } from '../../support/api-server.js';
import type { ApiServer } from '../../support/api-server.js';
import { startAzurite } from '../../support/azurite.js';
import type { AzuriteTables } from '../../support/azurite.js';
import { acceptance } from '../../support/customer-agreement-fixtures.js';
import { freshTable, tenantId } from '../storage/fixtures.js';

const NOW = new Date('2026-11-25T08:00:00.000Z');
/** `x-staff: yes` is staff, `x-staff: no` a signed-in customer, nothing is no sign-in. */
const resolveStaff: StaffCallerResolver = (req: Request) => {
  const staff = req.header('x-staff');
  if (staff === 'yes') return Promise.resolve({ tenantId: 'distributor', userId: 'staff-1', name: 'Petrova', staff: true, token: 'sso' });
  if (staff === 'no') return Promise.reject(new NotStaffError('otherTenant'));
  return Promise.reject(new UnauthorizedError('no token'));
};

let azurite: AzuriteTables;
let store: CustomerAgreementStore;
let server: ApiServer;
const standIn = createPartnerCenterStandIn();
const tokensFor: string[] = [];

beforeAll(async () => {
  azurite = await startAzurite();
  store = new CustomerAgreementStore(await freshTable(azurite.connectionString));
  const logger = pino({ level: 'silent' });
  const handOff = new PartnerCenterHandOffService({
    store,
    partnerCenter: {
      agreements: createPartnerCenterAgreements({ apiUrl: 'https://api.partnercenter.microsoft.com', fetch: standIn.fetch }),
      token: async (staff) => {
        tokensFor.push(staff.token ?? '');
        return 'partner-center-token';
      },
    },
    logger,
    clock: () => NOW,
  });
  server = await startApiServer(logger, (api) => registerPartnerCenterRoutes(api, { handOff, resolveStaff, logger }));
});

afterAll(async () => {
  await server?.close();
  await azurite?.stop();
});

const url = (tenant: string, send = false): string => `${server.url}/api/distributor/customers/${tenant}/customer-agreement${send ? '/partner-center' : ''}`;

describe('the distributor’s view of a customer’s MCA', () => {
  it('shows the confirmation as Partner Center asks for it, then sends it as the staff member and keeps the answer', async () => {
    const customer = tenantId();
    const stored = acceptance(customer);
    await store.accept(stored);

    const view = await (await fetch(url(customer), { headers: { 'x-staff': 'yes' } })).json();
    expect(view).toEqual({
      acceptance: stored,
      partnerCenter: {
        primaryContact: { firstName: 'Мария', lastName: 'Иванова', email: 'm.ivanova@romashka.ru', phoneNumber: '+74951234567' },
        templateId: stored.templateId,
        dateAgreed: stored.acceptedAt,
        type: 'MicrosoftCustomerAgreement',
      },
      handOffEnabled: true,
      lastHandOff: null,
    });

    const sent = await fetch(url(customer, true), { method: 'POST', headers: { 'x-staff': 'yes' } });
    expect(sent.status).toBe(200);
    const handOff = { at: NOW.toISOString(), by: 'Petrova', acceptedAt: stored.acceptedAt, outcome: 'created' };
    expect(await sent.json()).toEqual(handOff);
    expect(tokensFor.at(-1)).toBe('sso');
    expect(standIn.requests.at(-1)?.headers.get('authorization')).toBe('Bearer partner-center-token');

    const again = await (await fetch(url(customer, true), { method: 'POST', headers: { 'x-staff': 'yes' } })).json();
    expect(again).toMatchObject({ outcome: 'alreadyExists', code: '600061' });
    expect(((await (await fetch(url(customer), { headers: { 'x-staff': 'yes' } })).json()) as { lastHandOff: unknown }).lastHandOff).toEqual(again);
  });

  it('answers 422 when the customer has not accepted, 403 to a non-staff caller, 401 without sign-in', async () => {
    const customer = tenantId();
    const notAccepted = await fetch(url(customer, true), { method: 'POST', headers: { 'x-staff': 'yes' } });
    expect(notAccepted.status).toBe(422);
    expect(((await notAccepted.json()) as { errors: { code: string }[] }).errors[0]?.code).toBe('customer_agreement_missing');
    expect((await fetch(url(customer), { headers: { 'x-staff': 'no' } })).status).toBe(403);
    expect((await fetch(url(customer, true), { method: 'POST' })).status).toBe(401);
  });
});
