import { DEFAULT_GDAP_ROLES } from '../../src/domain/gdap/gdap-roles.js';
import { describe, expect, it } from 'vitest';
import { loadConfig, PLAYGROUND_ADMIN_OBJECT_ID, PLAYGROUND_TENANT_ID } from '../../bot/config.js';
import { DEFAULT_OFFERED_SKUS } from '../../src/domain/catalog/catalog.js';
import { configurationError } from '../support/configuration-error.js';

type Env = Record<string, string>;

const BOT_ID = '0b9f8e7d-6c5b-4a39-8271-605f4e3d2c1b';
const DISTRIBUTOR_TENANT = '1a2b3c4d-5e6f-4a0b-9c8d-7e6f5a4b3c2d';
const AAD_CLIENT_ID = 'c3d4e5f6-a7b8-49c0-8d1e-2f3a4b5c6d7e';
const ADMIN_A = '5e4d3c2b-1a09-4f8e-9d7c-6b5a4f3e2d1c';
const ADMIN_B = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const STAFF_GROUP = '7c6b5a49-3828-4716-9504-f3e2d1c0b9a8';
const STORAGE =
  'DefaultEndpointsProtocol=https;AccountName=cspstore;AccountKey=c2VjcmV0LWtleQ==;EndpointSuffix=core.windows.net';
const CURRENT_INVITATION =
  'https://admin.microsoft.com/Adminportal/Home?invType=ResellerRelationship' +
  '&partnerId=9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a&msppId=1234567&DAP=true#/BillingAccounts/partner-invitation';
const GDAP_RELATIONSHIP = '5d027261-d21f-4aa9-b7db-7fa1f56fb163-8777b240-c6f0-4469-9e98-a3205431b836';
const TEAMS_APP = '3f2a1b4c-5d6e-4f70-8a9b-0c1d2e3f4a5b';
const WEBHOOK = 'https://prod-00.westeurope.logic.azure.com/workflows/0f5e/triggers/manual/paths/invoke?api-version=2016-06-01&sig=webhook-secret';

/** A complete SingleTenant production environment; each test changes one thing. */
function productionEnv(overrides: Env = {}): Env {
  return {
    BOT_ID,
    BOT_TYPE: 'SingleTenant',
    BOT_PASSWORD: 'bot-client-secret',
    BOT_TENANT_ID: DISTRIBUTOR_TENANT,
    BOT_DOMAIN: 'onboarding.example.com',
    DISTRIBUTOR_TENANT_ID: DISTRIBUTOR_TENANT.toUpperCase(),
    DISTRIBUTOR_NAME: 'ООО «Северный Дистрибьютор»',
    DISTRIBUTOR_ADMINS: `${ADMIN_A.toUpperCase()}, ${ADMIN_B}`,
    AAD_APP_CLIENT_ID: AAD_CLIENT_ID.toUpperCase(),
    AAD_APP_CLIENT_SECRET: 'aad-client-secret',
    AZURE_STORAGE_CONNECTION_STRING: STORAGE,
    INVITATION_LINK: CURRENT_INVITATION,
    INVITATION_DELEGATED_ADMIN: 'true',
    GDAP_INVITATION_LINK: `https://admin.microsoft.com/AdminPortal/Home#/partners/invitation/granularAdminRelationships/${GDAP_RELATIONSHIP.toUpperCase()}`,
    PRIVACY_URL: 'https://www.example.com/privacy',
    TERMS_URL: 'https://www.example.com/terms',
    OFFERED_SKUS: 'SPB, O365_BUSINESS_PREMIUM;05e9a617-0261-4cee-bb44-138d3ef5d965',
    DISTRIBUTOR_TIME_ZONE: 'Asia/Yekaterinburg',
    TEAMS_APP_ID: TEAMS_APP.toUpperCase(),
    LOG_LEVEL: 'warn',
    DELIVERY_LOCALE: 'en',
    DELIVERY_WEBHOOK_URL: WEBHOOK,
    DELIVERY_WEBHOOK_TIMEOUT_MS: '5000',
    SMTP_HOST: 'smtp.example.com',
    SMTP_SECURE: 'true',
    SMTP_USER: 'mailer',
    SMTP_PASSWORD: 'smtp-secret',
    SMTP_FROM: 'orders@example.com',
    DELIVERY_EMAIL_TO: 'csp@example.com; sales@example.com',
    ORDER_RATE_LIMIT_PER_MINUTE: '12',
    GDAP_ROLES: '88d8e3e3-8f55-4a1e-953a-9b9898b8876b,4D6AC14F-3453-41D0-BEF9-A3E0C569773A',
    GDAP_DURATION: 'P365D',
    GDAP_ACCESS_GROUP_ID: '869713C9-0B28-4D08-8949-AE07AE1BF528',
    GDAP_REFRESH_INTERVAL_SECONDS: '600',
    OPEN_ORDERS_PER_TENANT_MAX: '0',
    ORDER_SUBMISSIONS_IN_FLIGHT_MAX: '64',
    OUTBOX_CONCURRENCY: '4',
    DISTRIBUTOR_STAFF_GROUP_ID: STAFF_GROUP.toUpperCase(),
    BOARD_RANGE_MAX_ORDERS: '30000',
    BOARD_EXPORT_MAX_ORDERS: '1000',
    ...overrides,
  };
}

/** Removes variables from an environment (undefined means "not set", like a missing env var). */
function without(env: Env, ...names: string[]): Env {
  return Object.fromEntries(Object.entries(env).filter(([name]) => !names.includes(name)));
}

describe('loadConfig in demo mode (no BOT_ID)', () => {
  const config = loadConfig({});

  it('runs anonymously on loopback port 3978', () => {
    expect(config.demo).toBe(true);
    expect(config.bot).toEqual({ kind: 'anonymous' });
    expect(config.port).toBe(3978);
    expect(config.host).toBe('127.0.0.1');
    expect(config.publicUrl).toBe('http://127.0.0.1:3978');
    expect(config.aad).toBeUndefined();
  });

  it("makes the Agents Playground's tenant the distributor, so orders reach its team", () => {
    expect(config.distributorTenantId).toBe('00000000-0000-0000-0000-0000000000001');
    expect(config.distributorTenantId).toBe(PLAYGROUND_TENANT_ID);
    expect(config.distributorName).toBe('ООО «Демо Дистрибуция»');
  });

  it('stores orders in Azurite on its default table port 10002', () => {
    expect(config.storage).toEqual({ kind: 'connectionString', connectionString: expect.stringContaining('AccountName=devstoreaccount1;') });
    expect(config.storage).toEqual({ kind: 'connectionString', connectionString: expect.stringContaining('TableEndpoint=http://127.0.0.1:10002/devstoreaccount1;') });
    expect(loadConfig({ AZURITE_TABLE_PORT: '12002' }).storage).toEqual({
      kind: 'connectionString',
      connectionString: expect.stringContaining('http://127.0.0.1:12002/devstoreaccount1'),
    });
  });

  it("parses the distributor's own invitation from its instruction", () => {
    expect(config.invitation).toEqual({
      relationship: 'indirectReseller',
      resellerTenantId: '60d2bbc8-7aaa-466e-b72d-a90f270a72ee',
      mpnId: '2063016',
      indirectProviderTenantId: '50d9236d-483e-4d08-a89c-2f3bd1c6491f',
      delegatedAdmin: false,
    });
    expect(config).not.toHaveProperty('gdapApprovalUrl');
    expect(config).not.toHaveProperty('privacyUrl');
  });

  it('reads DEFAULT_SKU as the offered skuPartNumber, by part number or skuId', () => {
    expect(loadConfig({ DEFAULT_SKU: 'SPB' }).defaultSku).toBe('SPB');
    expect(loadConfig({ OFFERED_SKUS: 'SPB', DEFAULT_SKU: 'CBDC14AB-D96C-4C30-B9F4-6ADA7CDC1D46' }).defaultSku).toBe('SPB');
    expect(loadConfig({}).defaultSku).toBeUndefined();
  });

  it('offers the default catalog with Microsoft display names, in Moscow time', () => {
    expect(config.catalog.map((item) => item.sku)).toEqual([...DEFAULT_OFFERED_SKUS]);
    expect(config.catalog.find((item) => item.sku === 'SPB')).toEqual({
      sku: 'SPB',
      skuId: 'cbdc14ab-d96c-4c30-b9f4-6ada7cdc1d46',
      displayName: 'Microsoft 365 Business Premium',
    });
    expect(config.timeZone).toBe('Europe/Moscow');
    // No Teams app id: order cards and e-mails carry no board link.
    expect(config.teamsAppId).toBeUndefined();
  });

  it('delivers in Russian to the Teams channel, logs at info', () => {
    expect(config.delivery).toEqual({ locale: 'ru', teams: true });
    expect(config.logLevel).toBe('info');
  });

  it('limits each tenant to 30 submissions a minute and 100 open orders, on one instance running at most 16 order writes and 16 deliveries at once', () => {
    expect(config.limits).toEqual({ orderRatePerMinute: 30, instanceCount: 1, openOrdersPerTenantMax: 100, submissionsInFlightMax: 16, outboxConcurrency: 16 });
  });

  it('reads ORDER_SUBMISSIONS_IN_FLIGHT_MAX, 0 turning the cap off', () => {
    expect(loadConfig({ ORDER_SUBMISSIONS_IN_FLIGHT_MAX: '8' }).limits.submissionsInFlightMax).toBe(8);
    expect(loadConfig({ ORDER_SUBMISSIONS_IN_FLIGHT_MAX: '0' }).limits.submissionsInFlightMax).toBe(0);
  });

  it('reads OUTBOX_CONCURRENCY', () => {
    expect(loadConfig({ OUTBOX_CONCURRENCY: '32' }).limits.outboxConcurrency).toBe(32);
  });

  it('reads INSTANCE_COUNT, and takes a limit that is off whatever the count', () => {
    expect(loadConfig({ INSTANCE_COUNT: '3', ORDER_RATE_LIMIT_PER_MINUTE: '3' }).limits).toMatchObject({ orderRatePerMinute: 3, instanceCount: 3 });
    expect(loadConfig({ INSTANCE_COUNT: '4', ORDER_RATE_LIMIT_PER_MINUTE: '0' }).limits).toMatchObject({ orderRatePerMinute: 0, instanceCount: 4 });
  });

  it('requests GDAP with the least-privileged roles for two years, read every five minutes', () => {
    expect(config.gdap).toEqual({ roles: DEFAULT_GDAP_ROLES, duration: 'P730D', refreshIntervalMs: 300_000 });
  });

  it('lets the board read 20 000 orders a request and export 5 000, with no staff group', () => {
    expect(config.board).toEqual({ rangeMaxOrders: 20_000, exportMaxOrders: 5_000 });
  });

  it("lets the Playground's user choose the inbox, as its only distributor admin", () => {
    expect(config.distributorAdmins).toEqual([PLAYGROUND_ADMIN_OBJECT_ID]);
    expect(loadConfig({ DISTRIBUTOR_ADMINS: `${ADMIN_A};${PLAYGROUND_ADMIN_OBJECT_ID}` }).distributorAdmins).toEqual([ADMIN_A, PLAYGROUND_ADMIN_OBJECT_ID]);
  });

  it('treats blank variables as unset', () => {
    expect(loadConfig({ PORT: '  ', BOT_ID: '', HOST: '' })).toMatchObject({ demo: true, port: 3978, host: '127.0.0.1' });
  });

  it('accepts other loopback hosts and derives the public URL from them', () => {
    expect(loadConfig({ HOST: 'localhost', PORT: '4000' })).toMatchObject({ host: 'localhost', port: 4000, publicUrl: 'http://localhost:4000' });
  });
});

describe('loadConfig in production', () => {
  it('parses a SingleTenant deployment with every delivery channel', () => {
    const config = loadConfig(productionEnv());

    expect(config).toEqual({
      demo: false,
      port: 3978,
      host: '0.0.0.0',
      publicUrl: 'https://onboarding.example.com',
      distributorName: 'ООО «Северный Дистрибьютор»',
      distributorTenantId: DISTRIBUTOR_TENANT,
      distributorAdmins: [ADMIN_A, ADMIN_B],
      invitation: {
        relationship: 'reseller',
        resellerTenantId: '9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a',
        mpnId: '1234567',
        delegatedAdmin: true,
      },
      gdapApprovalUrl: `https://admin.microsoft.com/AdminPortal/Home#/partners/invitation/granularAdminRelationships/${GDAP_RELATIONSHIP}`,
      catalog: [
        { sku: 'SPB', skuId: 'cbdc14ab-d96c-4c30-b9f4-6ada7cdc1d46', displayName: 'Microsoft 365 Business Premium' },
        { sku: 'O365_BUSINESS_PREMIUM', skuId: 'f245ecc8-75af-4f8e-b61f-27d8114de5f3', displayName: 'Microsoft 365 Business Standard' },
        { sku: 'SPE_E3', skuId: '05e9a617-0261-4cee-bb44-138d3ef5d965', displayName: 'Microsoft 365 E3' },
      ],
      timeZone: 'Asia/Yekaterinburg',
      teamsAppId: TEAMS_APP,
      privacyUrl: 'https://www.example.com/privacy',
      termsUrl: 'https://www.example.com/terms',
      bot: { kind: 'SingleTenant', appId: BOT_ID, password: 'bot-client-secret', tenantId: DISTRIBUTOR_TENANT },
      aad: { clientId: AAD_CLIENT_ID, clientSecret: 'aad-client-secret' },
      storage: { kind: 'connectionString', connectionString: STORAGE },
      logLevel: 'warn',
      limits: { orderRatePerMinute: 12, instanceCount: 1, openOrdersPerTenantMax: 0, submissionsInFlightMax: 64, outboxConcurrency: 4 },
      gdap: {
        roles: ['88d8e3e3-8f55-4a1e-953a-9b9898b8876b', '4d6ac14f-3453-41d0-bef9-a3e0c569773a'],
        duration: 'P365D',
        accessGroupId: '869713c9-0b28-4d08-8949-ae07ae1bf528',
        refreshIntervalMs: 600_000,
      },
      journey: { reminderAfterDays: 3 },
      board: { staffGroupId: STAFF_GROUP, rangeMaxOrders: 30_000, exportMaxOrders: 1_000 },
      customerAgreement: {
        templateId: '117a77b0-9360-443b-8795-c6dedc750cf9',
        agreementUrl: 'https://www.microsoft.com/licensing/docs/customeragreement',
      },
      delivery: {
        locale: 'en',
        teams: true,
        webhook: { url: WEBHOOK, timeoutMs: 5000 },
        email: {
          host: 'smtp.example.com',
          port: 465,
          secure: true,
          user: 'mailer',
          password: 'smtp-secret',
          from: 'orders@example.com',
          to: ['csp@example.com', 'sales@example.com'],
        },
      },
    });
  });

  it('parses a UserAssignedMSI bot, which needs no password', () => {
    const config = loadConfig(without(productionEnv({ BOT_TYPE: 'UserAssignedMSI' }), 'BOT_PASSWORD'));
    expect(config.bot).toEqual({ kind: 'UserAssignedMSI', appId: BOT_ID, tenantId: DISTRIBUTOR_TENANT });
    expect(config.demo).toBe(false);
  });

  it('reaches the storage account with the managed identity when only AZURE_STORAGE_ACCOUNT_URL is set (Azure, no shared key)', () => {
    const env = without(productionEnv(), 'AZURE_STORAGE_CONNECTION_STRING');
    expect(loadConfig({ ...env, AZURE_STORAGE_ACCOUNT_URL: 'https://csponb3f9a1c.table.core.windows.net/', AZURE_CLIENT_ID: BOT_ID.toUpperCase() }).storage).toEqual({
      kind: 'managedIdentity',
      accountUrl: 'https://csponb3f9a1c.table.core.windows.net',
      clientId: BOT_ID,
    });
    expect(loadConfig({ ...env, AZURE_STORAGE_ACCOUNT_URL: 'https://csponb3f9a1c.table.core.windows.net' }).storage).toEqual({
      kind: 'managedIdentity',
      accountUrl: 'https://csponb3f9a1c.table.core.windows.net',
    });
  });

  it('lets nobody choose the inbox when DISTRIBUTOR_ADMINS is not set', () => {
    expect(loadConfig(without(productionEnv(), 'DISTRIBUTOR_ADMINS')).distributorAdmins).toEqual([]);
  });

  it('listens on every interface unless HOST says otherwise', () => {
    expect(loadConfig(productionEnv()).host).toBe('0.0.0.0');
    expect(loadConfig(productionEnv({ HOST: '10.0.0.4', PORT: '8080' }))).toMatchObject({ host: '10.0.0.4', port: 8080 });
  });

  it('takes PUBLIC_URL over BOT_DOMAIN, without a trailing slash', () => {
    expect(loadConfig(productionEnv({ PUBLIC_URL: 'https://csp.example.com/' })).publicUrl).toBe('https://csp.example.com');
  });

  it('needs no e-mail or webhook when the Teams channel delivers', () => {
    const config = loadConfig(without(productionEnv(), 'DELIVERY_WEBHOOK_URL', 'SMTP_HOST'));
    expect(config.delivery).toEqual({ locale: 'en', teams: true });
  });

  it('may turn Teams delivery off when another channel delivers, and allows plain http to loopback', () => {
    const config = loadConfig(
      without(productionEnv({ DELIVERY_TEAMS: 'false', DELIVERY_WEBHOOK_URL: 'http://127.0.0.1:8080/hook' }), 'SMTP_HOST'),
    );
    expect(config.delivery).toMatchObject({ teams: false, webhook: { url: 'http://127.0.0.1:8080/hook', timeoutMs: 5000 } });
  });

  it('uses port 587 with STARTTLS when SMTP is not implicitly secure', () => {
    const config = loadConfig(without(productionEnv({ SMTP_SECURE: 'false' }), 'SMTP_USER', 'SMTP_PASSWORD'));
    expect(config.delivery.email).toEqual({
      host: 'smtp.example.com',
      port: 587,
      secure: false,
      from: 'orders@example.com',
      to: ['csp@example.com', 'sales@example.com'],
    });
  });
});

describe('loadConfig: the journey', () => {
  it('reminds after 3 days by default', () => {
    expect(loadConfig({}).journey).toEqual({ reminderAfterDays: 3 });
  });

  it('takes REMINDER_AFTER_DAYS (0 turns reminders off) and TEAMS_APP_ID', () => {
    const config = loadConfig({ REMINDER_AFTER_DAYS: '0', TEAMS_APP_ID: 'C7A1E4D2-0B5F-4E27-9C3A-1F2E3D4C5B6A' });
    expect(config.journey).toEqual({ reminderAfterDays: 0 });
    expect(config.teamsAppId).toBe('c7a1e4d2-0b5f-4e27-9c3a-1f2e3d4c5b6a');
  });
});

describe('loadConfig refuses a bad setting and names it', () => {
  const cases: { readonly name: string; readonly env: Env; readonly variable: string; readonly explains?: RegExp }[] = [
    { name: 'PORT that is not a number', env: { PORT: 'abc' }, variable: 'PORT', explains: /"abc"/ },
    { name: 'PORT out of range', env: { PORT: '70000' }, variable: 'PORT', explains: /65535/ },
    { name: 'PORT written in hex', env: { PORT: '0x50' }, variable: 'PORT' },
    { name: 'a negative rate limit', env: { ORDER_RATE_LIMIT_PER_MINUTE: '-1' }, variable: 'ORDER_RATE_LIMIT_PER_MINUTE', explains: /0 \(off\)/ },
    { name: 'INSTANCE_COUNT 0', env: { INSTANCE_COUNT: '0' }, variable: 'INSTANCE_COUNT', explains: /from 1 to 100/ },
    { name: 'INSTANCE_COUNT that is not a whole number', env: { INSTANCE_COUNT: '2.5' }, variable: 'INSTANCE_COUNT', explains: /"2\.5"/ },
    {
      name: 'a rate limit below one submission per instance',
      env: { INSTANCE_COUNT: '4', ORDER_RATE_LIMIT_PER_MINUTE: '3' },
      variable: 'INSTANCE_COUNT',
      explains: /4 instances cannot share ORDER_RATE_LIMIT_PER_MINUTE=3/,
    },
    { name: 'a negative in-flight cap', env: { ORDER_SUBMISSIONS_IN_FLIGHT_MAX: '-1' }, variable: 'ORDER_SUBMISSIONS_IN_FLIGHT_MAX', explains: /0 \(off\) to 10000/ },
    { name: 'an in-flight cap that is not a whole number', env: { ORDER_SUBMISSIONS_IN_FLIGHT_MAX: '2.5' }, variable: 'ORDER_SUBMISSIONS_IN_FLIGHT_MAX', explains: /"2\.5"/ },
    { name: 'no deliveries at once', env: { OUTBOX_CONCURRENCY: '0' }, variable: 'OUTBOX_CONCURRENCY', explains: /from 1 to 256: deliveries one instance runs at once/ },
    { name: 'an outbox concurrency that is not a number', env: { OUTBOX_CONCURRENCY: 'many' }, variable: 'OUTBOX_CONCURRENCY', explains: /"many"/ },
    { name: 'an outbox concurrency beyond 256', env: { OUTBOX_CONCURRENCY: '1000' }, variable: 'OUTBOX_CONCURRENCY', explains: /from 1 to 256/ },
    { name: 'an in-flight cap beyond 10000', env: { ORDER_SUBMISSIONS_IN_FLIGHT_MAX: '20000' }, variable: 'ORDER_SUBMISSIONS_IN_FLIGHT_MAX', explains: /order writes one instance runs at once/ },
    { name: 'an open-orders cap that is not a whole number', env: { OPEN_ORDERS_PER_TENANT_MAX: '2.5' }, variable: 'OPEN_ORDERS_PER_TENANT_MAX' },
    { name: 'reminders after more than a year', env: { REMINDER_AFTER_DAYS: '400' }, variable: 'REMINDER_AFTER_DAYS', explains: /0 \(no reminders\) to 365/ },
    { name: 'reminders after a fraction of a day', env: { REMINDER_AFTER_DAYS: '1.5' }, variable: 'REMINDER_AFTER_DAYS' },
    { name: 'a Teams app id that is not a GUID', env: { TEAMS_APP_ID: 'my-app' }, variable: 'TEAMS_APP_ID', explains: /"my-app"/ },
    { name: 'a staff group that is not an object id', env: { DISTRIBUTOR_STAFF_GROUP_ID: 'Staff' }, variable: 'DISTRIBUTOR_STAFF_GROUP_ID', explains: /GUID/ },
    { name: 'a board range cap of 0', env: { BOARD_RANGE_MAX_ORDERS: '0' }, variable: 'BOARD_RANGE_MAX_ORDERS', explains: /from 1/ },
    { name: 'an export cap that is not a number', env: { BOARD_EXPORT_MAX_ORDERS: 'lots' }, variable: 'BOARD_EXPORT_MAX_ORDERS' },
    { name: 'HOST beyond loopback in demo mode', env: { HOST: '0.0.0.0' }, variable: 'HOST', explains: /loopback/ },
    {
      name: 'a MultiTenant bot',
      env: productionEnv({ BOT_TYPE: 'MultiTenant' }),
      variable: 'BOT_TYPE',
      explains: /2025-07-31.*SingleTenant.*AzureADMultipleOrgs.*or UserAssignedMSI/,
    },
    { name: 'an unknown BOT_TYPE', env: productionEnv({ BOT_TYPE: 'Single' }), variable: 'BOT_TYPE', explains: /SingleTenant or UserAssignedMSI/ },
    { name: 'BOT_ID without BOT_TYPE', env: without(productionEnv(), 'BOT_TYPE'), variable: 'BOT_TYPE' },
    { name: 'BOT_ID that is not a GUID', env: productionEnv({ BOT_ID: 'my-bot' }), variable: 'BOT_ID', explains: /"my-bot"/ },
    { name: 'a SingleTenant bot without its password', env: without(productionEnv(), 'BOT_PASSWORD'), variable: 'BOT_PASSWORD' },
    { name: 'a bot without BOT_TENANT_ID', env: without(productionEnv(), 'BOT_TENANT_ID'), variable: 'BOT_TENANT_ID' },
    { name: 'BOT_TENANT_ID that is not a GUID', env: productionEnv({ BOT_TENANT_ID: 'contoso.onmicrosoft.com' }), variable: 'BOT_TENANT_ID' },
    { name: 'a bot without DISTRIBUTOR_TENANT_ID', env: without(productionEnv(), 'DISTRIBUTOR_TENANT_ID'), variable: 'DISTRIBUTOR_TENANT_ID' },
    {
      name: 'DISTRIBUTOR_TENANT_ID that is not a GUID',
      env: productionEnv({ DISTRIBUTOR_TENANT_ID: 'contoso' }),
      variable: 'DISTRIBUTOR_TENANT_ID',
      explains: /"contoso"/,
    },
    {
      name: "the Playground's tenant outside demo mode",
      env: productionEnv({ DISTRIBUTOR_TENANT_ID: PLAYGROUND_TENANT_ID }),
      variable: 'DISTRIBUTOR_TENANT_ID',
    },
    {
      name: 'DISTRIBUTOR_ADMINS with a user principal name instead of an object id',
      env: productionEnv({ DISTRIBUTOR_ADMINS: `${ADMIN_A},petrova@distributor.ru` }),
      variable: 'DISTRIBUTOR_ADMINS',
      explains: /"petrova@distributor\.ru" is not an Entra object id/,
    },
    {
      name: "the Playground's user as an admin outside demo mode",
      env: productionEnv({ DISTRIBUTOR_ADMINS: PLAYGROUND_ADMIN_OBJECT_ID }),
      variable: 'DISTRIBUTOR_ADMINS',
    },
    { name: 'a bot without AAD_APP_CLIENT_ID (the orders API would be anonymous)', env: without(productionEnv(), 'AAD_APP_CLIENT_ID', 'AAD_APP_CLIENT_SECRET'), variable: 'AAD_APP_CLIENT_ID' },
    { name: 'AAD_APP_CLIENT_ID that is not a GUID', env: productionEnv({ AAD_APP_CLIENT_ID: 'tab-app' }), variable: 'AAD_APP_CLIENT_ID' },
    { name: 'an AAD secret without its client id', env: { AAD_APP_CLIENT_SECRET: 'secret' }, variable: 'AAD_APP_CLIENT_ID' },
    {
      name: 'a bot with neither a storage account URL nor a connection string',
      env: without(productionEnv(), 'AZURE_STORAGE_CONNECTION_STRING'),
      variable: 'AZURE_STORAGE_ACCOUNT_URL',
      explains: /AZURE_STORAGE_CONNECTION_STRING/,
    },
    {
      name: 'both a storage connection string and an account URL',
      env: productionEnv({ AZURE_STORAGE_ACCOUNT_URL: 'https://cspstore.table.core.windows.net' }),
      variable: 'AZURE_STORAGE_ACCOUNT_URL',
      explains: /AZURE_STORAGE_CONNECTION_STRING or AZURE_STORAGE_ACCOUNT_URL, not both/,
    },
    {
      name: 'a storage account URL over plain http (tokens travel over TLS only)',
      env: { AZURE_STORAGE_ACCOUNT_URL: 'http://cspstore.table.core.windows.net' },
      variable: 'AZURE_STORAGE_ACCOUNT_URL',
    },
    { name: 'AZURE_CLIENT_ID that is not a GUID', env: { AZURE_STORAGE_ACCOUNT_URL: 'https://cspstore.table.core.windows.net', AZURE_CLIENT_ID: 'bot-identity' }, variable: 'AZURE_CLIENT_ID' },
    {
      name: 'an INVITATION_LINK asking for DAP without INVITATION_DELEGATED_ADMIN',
      env: without(productionEnv(), 'INVITATION_DELEGATED_ADMIN'),
      variable: 'INVITATION_LINK',
      explains: /INVITATION_DELEGATED_ADMIN=true/,
    },
    { name: 'INVITATION_DELEGATED_ADMIN that is not a boolean', env: { INVITATION_DELEGATED_ADMIN: 'yes' }, variable: 'INVITATION_DELEGATED_ADMIN' },
    {
      name: 'a GDAP_INVITATION_LINK that is a reseller invitation',
      env: { GDAP_INVITATION_LINK: CURRENT_INVITATION },
      variable: 'GDAP_INVITATION_LINK',
      explains: /granularAdminRelationships/,
    },
    { name: 'a PRIVACY_URL over plain http', env: { PRIVACY_URL: 'http://www.example.com/privacy' }, variable: 'PRIVACY_URL' },
    { name: 'a TERMS_URL that is no URL', env: { TERMS_URL: 'terms' }, variable: 'TERMS_URL' },
    { name: 'an INVITATION_LINK on another site', env: { INVITATION_LINK: 'https://example.com/invite' }, variable: 'INVITATION_LINK' },
    {
      name: 'an INVITATION_LINK without the reseller tenant',
      env: { INVITATION_LINK: 'https://admin.microsoft.com/Adminportal/Home?invType=ResellerRelationship&msppId=1' },
      variable: 'INVITATION_LINK',
      explains: /partnerid/,
    },
    { name: 'an unknown SKU in OFFERED_SKUS', env: { OFFERED_SKUS: 'SPB,OFFICE_9000' }, variable: 'OFFERED_SKUS', explains: /OFFICE_9000/ },
    { name: 'a SKU in the wrong case', env: { OFFERED_SKUS: 'spb' }, variable: 'OFFERED_SKUS', explains: /did you mean "SPB"/ },
    { name: 'OFFERED_SKUS listing nothing', env: { OFFERED_SKUS: ' , ; ' }, variable: 'OFFERED_SKUS' },
    { name: 'a DEFAULT_SKU that is not offered', env: { OFFERED_SKUS: 'SPB', DEFAULT_SKU: 'ENTERPRISEPACK' }, variable: 'DEFAULT_SKU', explains: /ENTERPRISEPACK/ },
    { name: 'a TEAMS_APP_ID that is not a GUID', env: { TEAMS_APP_ID: 'csp-onboarding' }, variable: 'TEAMS_APP_ID', explains: /csp-onboarding/ },
    { name: 'a time zone that does not exist', env: { DISTRIBUTOR_TIME_ZONE: 'Europe/Mordor' }, variable: 'DISTRIBUTOR_TIME_ZONE', explains: /Europe\/Mordor/ },
    { name: 'an unknown LOG_LEVEL', env: { LOG_LEVEL: 'verbose' }, variable: 'LOG_LEVEL', explains: /"verbose"/ },
    { name: 'a PUBLIC_URL that is not http(s)', env: { PUBLIC_URL: 'ftp://example.com' }, variable: 'PUBLIC_URL' },
    { name: 'a DELIVERY_LOCALE other than ru or en', env: { DELIVERY_LOCALE: 'de' }, variable: 'DELIVERY_LOCALE' },
    { name: 'DELIVERY_TEAMS that is not a boolean', env: { DELIVERY_TEAMS: 'nope' }, variable: 'DELIVERY_TEAMS' },
    {
      name: 'a webhook over plain http to another machine',
      env: { DELIVERY_WEBHOOK_URL: 'http://hooks.example.com/invoke?sig=webhook-secret' },
      variable: 'DELIVERY_WEBHOOK_URL',
      explains: /https/,
    },
    { name: 'a webhook timeout out of range', env: { DELIVERY_WEBHOOK_URL: WEBHOOK, DELIVERY_WEBHOOK_TIMEOUT_MS: '5' }, variable: 'DELIVERY_WEBHOOK_TIMEOUT_MS' },
    { name: 'SMTP_HOST without SMTP_FROM', env: { SMTP_HOST: 'smtp.example.com', DELIVERY_EMAIL_TO: 'csp@example.com' }, variable: 'SMTP_FROM' },
    { name: 'SMTP_HOST without DELIVERY_EMAIL_TO', env: { SMTP_HOST: 'smtp.example.com', SMTP_FROM: 'orders@example.com' }, variable: 'DELIVERY_EMAIL_TO' },
    {
      name: 'a bad address in DELIVERY_EMAIL_TO',
      env: { SMTP_HOST: 'smtp.example.com', SMTP_FROM: 'orders@example.com', DELIVERY_EMAIL_TO: 'csp@example.com, sales-at-example.com' },
      variable: 'DELIVERY_EMAIL_TO',
      explains: /"sales-at-example\.com"/,
    },
    { name: 'an SMTP_PORT out of range', env: { SMTP_HOST: 'smtp.example.com', SMTP_FROM: 'o@example.com', DELIVERY_EMAIL_TO: 'c@example.com', SMTP_PORT: '0' }, variable: 'SMTP_PORT' },
    {
      name: 'DELIVERY_TEAMS=false with no other channel',
      env: { DELIVERY_TEAMS: 'false' },
      variable: 'DELIVERY_TEAMS',
      explains: /DELIVERY_WEBHOOK_URL or SMTP_HOST/,
    },
  ];

  it.each(cases)('$name', ({ env, variable, explains }) => {
    const error = configurationError(() => loadConfig(env));
    expect(error.variable).toBe(variable);
    expect(error.message).toContain(variable);
    if (explains) expect(error.message).toMatch(explains);
  });

  it('never repeats the webhook signature in its message', () => {
    const error = configurationError(() => loadConfig({ DELIVERY_WEBHOOK_URL: 'http://hooks.example.com/invoke?sig=webhook-secret' }));
    expect(error.message).not.toContain('webhook-secret');
  });

  it('names the GDAP variable at fault', () => {
    expect(() => loadConfig({ GDAP_ROLES: 'Global Administrator' })).toThrow(/^GDAP_ROLES: /);
    expect(() => loadConfig({ GDAP_DURATION: 'P3Y' })).toThrow(/^GDAP_DURATION: /);
    expect(() => loadConfig({ GDAP_ACCESS_GROUP_ID: 'admins' })).toThrow(/^GDAP_ACCESS_GROUP_ID: /);
    expect(() => loadConfig({ GDAP_REFRESH_INTERVAL_SECONDS: '5' })).toThrow(/^GDAP_REFRESH_INTERVAL_SECONDS: /);
  });

  it('reads the partner-side Graph credentials only as a pair', () => {
    expect(loadConfig({ PARTNER_GRAPH_CLIENT_ID: '22222222-3333-4444-5555-666666666666', PARTNER_GRAPH_CLIENT_SECRET: 's3cret' }).partnerGraph).toEqual({
      clientId: '22222222-3333-4444-5555-666666666666',
      clientSecret: 's3cret',
    });
    expect(() => loadConfig({ PARTNER_GRAPH_CLIENT_SECRET: 's3cret' })).toThrow(/PARTNER_GRAPH_CLIENT_ID/);
    expect(() => loadConfig({ PARTNER_GRAPH_CLIENT_ID: '22222222-3333-4444-5555-666666666666' })).toThrow(/PARTNER_GRAPH_CLIENT_SECRET/);
  });
});

describe('loadConfig: the Microsoft Customer Agreement settings', () => {
  const production = { BOT_ID: '00000000-0000-0000-0000-00000000000a', BOT_TYPE: 'UserAssignedMSI', BOT_TENANT_ID: '00000000-0000-0000-0000-00000000000b', DISTRIBUTOR_TENANT_ID: '00000000-0000-0000-0000-00000000000b', AAD_APP_CLIENT_ID: '00000000-0000-0000-0000-00000000000c', AZURE_STORAGE_CONNECTION_STRING: 'UseDevelopmentStorage=true' };

  it('takes a template id (GUID) and an https agreement page, and names the variable when one is wrong', () => {
    expect(loadConfig({ MCA_TEMPLATE_ID: 'AAAAAAAA-0000-0000-0000-000000000001', MCA_AGREEMENT_URL: 'https://example.com/mca/' }).customerAgreement).toEqual({
      templateId: 'aaaaaaaa-0000-0000-0000-000000000001',
      agreementUrl: 'https://example.com/mca',
    });
    expect(() => loadConfig({ MCA_TEMPLATE_ID: 'mca' })).toThrow(/MCA_TEMPLATE_ID/);
    expect(() => loadConfig({ MCA_AGREEMENT_URL: 'http://example.com/mca' })).toThrow(/MCA_AGREEMENT_URL/);
  });

  it('hands off to Partner Center in demo mode, and outside it only when asked and with the app secret', () => {
    expect(loadConfig({}).partnerCenter).toEqual({ apiUrl: 'https://api.partnercenter.microsoft.com' });
    expect(loadConfig(production).partnerCenter).toBeUndefined();
    expect(() => loadConfig({ ...production, PARTNER_CENTER_HANDOFF: 'true' })).toThrow(/PARTNER_CENTER_HANDOFF/);
    expect(loadConfig({ ...production, PARTNER_CENTER_HANDOFF: 'true', AAD_APP_CLIENT_SECRET: 's' }).partnerCenter).toBeDefined();
  });
});
