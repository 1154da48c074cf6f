import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { ConfigurationError } from '../src/domain/configuration-error.js';
import { isGuid } from '../src/domain/guid.js';
import type { Locale } from '../src/domain/i18n/locale.js';
import {
  DEMO_INVITATION_LINK,
  parseGdapApprovalLink,
  parseInvitationLink,
  renderGdapApprovalLink,
  withDelegatedAdminChoice,
} from '../src/domain/invitation/invitation-link.js';
import type { InvitationLink } from '../src/domain/invitation/invitation-link.js';
import { parseGdapDuration } from '../src/domain/gdap/gdap-duration.js';
import { parseGdapRoles } from '../src/domain/gdap/gdap-roles.js';
import { createCatalog, DEFAULT_OFFERED_SKUS, parseOfferedSkus } from '../src/domain/catalog/catalog.js';
import type { Catalog } from '../src/domain/catalog/catalog.js';
import { parseSkuCsv } from '../src/domain/catalog/sku-csv.js';
import type { SkuName } from '../src/domain/catalog/sku-csv.js';
import { parseWebhookUrl } from './delivery/webhook-url.js';
import { projectRoot, SKU_CSV_PATH } from './project-paths.js';

/**
 * The Agents Playground's fixed tenant id. It has 13 digits in its last group,
 * so it is not a GUID; it is accepted only in demo mode, where it makes the
 * Playground's team the distributor's inbox, so an order submitted in the
 * Playground's personal chat arrives in its team's General channel.
 */
export const PLAYGROUND_TENANT_ID = '00000000-0000-0000-0000-0000000000001';

/**
 * The Playground's current user (`.m365agentsplayground.yml`), also not a
 * GUID: in demo mode the one distributor admin, so opening the Playground's
 * team makes it the inbox as before.
 */
export const PLAYGROUND_ADMIN_OBJECT_ID = '00000000-0000-0000-0000-0000000000020';

/** Azurite's published development account (not a secret). */
export const AZURITE_ACCOUNT_KEY =
  'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

export function azuriteConnectionString(tablePort: number, host = '127.0.0.1'): string {
  return (
    `DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=${AZURITE_ACCOUNT_KEY};` +
    `TableEndpoint=http://${host}:${tablePort}/devstoreaccount1;`
  );
}

export type BotIdentity =
  | { readonly kind: 'anonymous' }
  | { readonly kind: 'SingleTenant'; readonly appId: string; readonly password: string; readonly tenantId: string }
  | { readonly kind: 'UserAssignedMSI'; readonly appId: string; readonly tenantId: string };

/**
 * Where the tables live and how the server signs in to them: a connection
 * string (Azurite, or an account that allows shared keys), or the account's
 * table endpoint reached with a managed identity (Entra ID, no key).
 */
export type StorageSettings =
  | { readonly kind: 'connectionString'; readonly connectionString: string }
  | {
      readonly kind: 'managedIdentity';
      /** e.g. `https://csponb3f9a1c.table.core.windows.net` */
      readonly accountUrl: string;
      /** Client id of the user-assigned identity; absent: the system-assigned one (or a developer's sign-in). */
      readonly clientId?: string;
    };

export interface SmtpSettings {
  readonly host: string;
  readonly port: number;
  readonly secure: boolean;
  readonly user?: string;
  readonly password?: string;
  readonly from: string;
  readonly to: readonly string[];
}

export interface AppConfig {
  /** No bot credentials: anonymous Bot Framework, loopback only, a built-in demo tenant. */
  readonly demo: boolean;
  readonly port: number;
  readonly host: string;
  /** Where users reach the server, e.g. `https://onboarding.example.com` (links on cards). */
  readonly publicUrl: string;
  readonly distributorName: string;
  /** Entra object ids (lower case) of the users who may choose the inbox channel (`DISTRIBUTOR_ADMINS`). */
  readonly distributorAdmins: readonly string[];
  readonly distributorTenantId: string;
  /** The reseller invitation; `delegatedAdmin` is `INVITATION_DELEGATED_ADMIN`. */
  readonly invitation: InvitationLink;
  /** `GDAP_INVITATION_LINK`, normalized: a separate approval step for granular delegated admin. */
  readonly gdapApprovalUrl?: string;
  /** The offered subscriptions (`OFFERED_SKUS`), checked against Microsoft's SKU list. */
  readonly catalog: Catalog;
  /** The SKU (`skuPartNumber`) a head count typed in chat is ordered for (`DEFAULT_SKU`), one of the catalog's. */
  readonly defaultSku?: string;
  readonly timeZone: string;
  /**
   * The Teams app's id (`TEAMS_APP_ID`, the manifest `id`): order cards and
   * e-mails link to the board tab with it; absent, they carry no such link.
   */
  readonly teamsAppId?: string;
  /** The distributor's own privacy and terms pages (`PRIVACY_URL`, `TERMS_URL`); absent: the app's `/privacy` and `/terms`. */
  readonly privacyUrl?: string;
  readonly termsUrl?: string;
  readonly bot: BotIdentity;
  /** The multi-tenant Entra app used for tab SSO and on-behalf-of Graph calls. */
  readonly aad?: { readonly clientId: string; readonly clientSecret?: string };
  /** The distributor's own single-tenant app for partner-side confirmation (`/contracts`, GDAP relationships). */
  readonly partnerGraph?: { readonly clientId: string; readonly clientSecret: string };
  /** GDAP requested per customer (README, 'GDAP per customer'). */
  readonly gdap: {
    /** `GDAP_ROLES`: Microsoft Entra role template ids. */
    readonly roles: readonly string[];
    /** `GDAP_DURATION`: ISO 8601, P1D to P2Y. */
    readonly duration: string;
    /** `GDAP_ACCESS_GROUP_ID`: the distributor's security group given the roles once active. */
    readonly accessGroupId?: string;
    /** `GDAP_REFRESH_INTERVAL_SECONDS`, in ms: how often pending relationships are read from Graph. */
    readonly refreshIntervalMs: number;
  };
  readonly storage: StorageSettings;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** What one tenant may ask of the server; 0 turns a limit off. Counted per process. */
  readonly limits: {
    /** Order submissions (valid or not, API and bot together) per tenant per minute (`ORDER_RATE_LIMIT_PER_MINUTE`), across all instances. */
    readonly orderRatePerMinute: number;
    /** How many instances share that limit (`INSTANCE_COUNT`): each counts on its own and takes its share. */
    readonly instanceCount: number;
    /** Orders not yet completed per tenant (`OPEN_ORDERS_PER_TENANT_MAX`). */
    readonly openOrdersPerTenantMax: number;
    /** Order writes (submit, resubmit, status change) this process runs at once, all tenants together (`ORDER_SUBMISSIONS_IN_FLIGHT_MAX`). */
    readonly submissionsInFlightMax: number;
    /** Deliveries (to every channel, and customer notices) this process's outbox runs at once (`OUTBOX_CONCURRENCY`). */
    readonly outboxConcurrency: number;
  };
  /** The customer journey's reminders. */
  readonly journey: {
    /** `REMINDER_AFTER_DAYS`: days at one step before the one reminder for it; 0 turns reminders off. */
    readonly reminderAfterDays: number;
  };
  /** The distributor's board (`/api/distributor/*`). */
  readonly board: {
    /** `DISTRIBUTOR_STAFF_GROUP_ID`: when set, only members of this Entra group (object id, lower case) are staff. */
    readonly staffGroupId?: string;
    /** `BOARD_RANGE_MAX_ORDERS`: the most index rows one list or export request reads. */
    readonly rangeMaxOrders: number;
    /** `BOARD_EXPORT_MAX_ORDERS`: the most orders one export file holds. */
    readonly exportMaxOrders: number;
  };
  /** The Microsoft Customer Agreement customers accept (README, 'Microsoft Customer Agreement'). */
  readonly customerAgreement: {
    /** `MCA_TEMPLATE_ID`: the agreement template the shown text refers to, sent to Partner Center. */
    readonly templateId: string;
    /** `MCA_AGREEMENT_URL`: where customers read the agreement. */
    readonly agreementUrl: string;
  };
  /**
   * `PARTNER_CENTER_HANDOFF=true`: staff may send an acceptance to Partner Center,
   * with their own SSO token exchanged on behalf of them (needs `AAD_APP_CLIENT_SECRET`).
   * Absent: the board shows the confirmation to copy, without the button.
   * In demo mode the hand-off goes to the built-in Partner Center stand-in.
   */
  readonly partnerCenter?: { readonly apiUrl: string };
  readonly delivery: {
    /** Language of what the distributor's staff read. */
    readonly locale: Locale;
    readonly teams: boolean;
    readonly webhook?: { readonly url: string; readonly timeoutMs: number };
    readonly email?: SmtpSettings;
  };
}

type Env = Readonly<Record<string, string | undefined>>;

const DEMO_DISTRIBUTOR_NAME = 'ООО «Демо Дистрибуция»';
const DEFAULT_PORT = 3978;
const DEFAULT_AZURITE_TABLE_PORT = 10002;
const DEFAULT_ORDER_RATE_PER_MINUTE = 30;
const DEFAULT_OPEN_ORDERS_PER_TENANT_MAX = 100;
/**
 * Order writes one instance runs at once. The bench's closed loop peaks at 8 to
 * 32 concurrent submissions per path (README, "Server figures"); past that
 * only the latency grows. Sustained, 16 took as many orders a second as 32
 * with a p95 far lower (8: a few percent fewer). A write is a few storage
 * round trips, so the cap refuses only a queue, never work it could do in time.
 */
const DEFAULT_SUBMISSIONS_IN_FLIGHT_MAX = 16;
/**
 * Deliveries at once: each mostly waits on a channel and a storage write, so
 * 16 keep one instance's outbox level with its intake (the bench: about 150
 * orders/s with delivery), while a channel that throttles sees few requests
 * at once: Teams limits what a bot posts to one chat or channel and answers
 * 429 past it ("Optimize your bot with rate limiting in Teams",
 * https://learn.microsoft.com/microsoftteams/platform/bots/how-to/rate-limit).
 */
const DEFAULT_OUTBOX_CONCURRENCY = 16;
/** Pending GDAP approvals are read from Graph this often: a person approves in minutes, not seconds. */
const DEFAULT_GDAP_REFRESH_SECONDS = 300;
const DEFAULT_REMINDER_AFTER_DAYS = 3;
const DEFAULT_BOARD_RANGE_MAX_ORDERS = 20_000;
const DEFAULT_BOARD_EXPORT_MAX_ORDERS = 5_000;
/**
 * The MCA template id of Microsoft's Partner Center examples ("Confirm customer
 * acceptance of the Microsoft Customer Agreement", https://learn.microsoft.com/partner-center/developer/confirm-customer-consent-customer-agreement);
 * the current one is `GET /v1/agreements?agreementType=MicrosoftCustomerAgreement` ("Get agreement metadata").
 */
const DEFAULT_MCA_TEMPLATE_ID = '117a77b0-9360-443b-8795-c6dedc750cf9';
/** Microsoft's published MCA, with the version for each country and language to choose from. */
const DEFAULT_MCA_AGREEMENT_URL = 'https://www.microsoft.com/licensing/docs/customeragreement';
/** "Partner Center REST URLs": the API's base URL in the public cloud. */
const PARTNER_CENTER_API_URL = 'https://api.partnercenter.microsoft.com';

/**
 * Reads and validates every setting once, at start. Any problem stops the
 * start with a `ConfigurationError` that names the variable. `skuNames`
 * (Microsoft's SKU list) defaults to the copy in data/.
 */
export function loadConfig(env: Env, skuNames: readonly SkuName[] = bundledSkuNames()): AppConfig {
  const text = (name: string): string | undefined => {
    const value = env[name]?.trim();
    return value === undefined || value === '' ? undefined : value;
  };
  const botId = text('BOT_ID');
  const demo = botId === undefined;
  const bot = botIdentity(botId, text);

  const port = parse('PORT', text('PORT'), portSchema, DEFAULT_PORT);
  const host = text('HOST') ?? (demo ? '127.0.0.1' : '0.0.0.0');
  if (demo && !isLoopbackHost(host)) {
    throw new ConfigurationError(
      `demo mode (no BOT_ID) accepts anonymous requests, so it only listens on loopback; got "${host}". Configure the bot credentials to listen on other addresses.`,
      'HOST',
    );
  }
  const publicUrl = parse('PUBLIC_URL', text('PUBLIC_URL'), httpUrlSchema, undefined) ?? publicUrlFromDomain(text('BOT_DOMAIN'), host, port);

  const distributorTenantId = text('DISTRIBUTOR_TENANT_ID') ?? (demo ? PLAYGROUND_TENANT_ID : undefined);
  if (distributorTenantId === undefined) {
    throw new ConfigurationError('required when BOT_ID is set: the tenant whose team receives orders', 'DISTRIBUTOR_TENANT_ID');
  }
  if (!isGuid(distributorTenantId) && !(demo && distributorTenantId === PLAYGROUND_TENANT_ID)) {
    throw new ConfigurationError(`"${distributorTenantId}" is not a tenant id (GUID)`, 'DISTRIBUTOR_TENANT_ID');
  }

  const timeZone = text('DISTRIBUTOR_TIME_ZONE') ?? 'Europe/Moscow';
  if (!isTimeZone(timeZone)) {
    throw new ConfigurationError(`"${timeZone}" is not an IANA time zone (e.g. Europe/Moscow)`, 'DISTRIBUTOR_TIME_ZONE');
  }

  const teamsAppId = text('TEAMS_APP_ID');
  if (teamsAppId !== undefined && !isGuid(teamsAppId)) {
    throw new ConfigurationError(`"${teamsAppId}" is not a Teams app id (the GUID in the manifest's "id")`, 'TEAMS_APP_ID');
  }

  const offeredRaw = text('OFFERED_SKUS');
  const catalog = createCatalog(offeredRaw === undefined ? DEFAULT_OFFERED_SKUS : parseOfferedSkus(offeredRaw), skuNames);
  const defaultSku = defaultSkuSetting(text('DEFAULT_SKU'), catalog);

  const aadClientId = text('AAD_APP_CLIENT_ID');
  if (aadClientId !== undefined && !isGuid(aadClientId)) {
    throw new ConfigurationError(`"${aadClientId}" is not an application (client) id`, 'AAD_APP_CLIENT_ID');
  }
  if (aadClientId === undefined && !demo) {
    // Without it the orders API could not verify callers, and outside demo mode it listens beyond loopback.
    throw new ConfigurationError('required when BOT_ID is set: the Entra app (client) id that tab sign-in tokens are issued for', 'AAD_APP_CLIENT_ID');
  }
  const aadClientSecret = text('AAD_APP_CLIENT_SECRET');
  if (aadClientSecret !== undefined && aadClientId === undefined) {
    throw new ConfigurationError('set AAD_APP_CLIENT_ID together with the secret', 'AAD_APP_CLIENT_ID');
  }

  const storage = storageSettings(demo, text);

  return Object.freeze({
    demo,
    port,
    host,
    publicUrl,
    distributorName: text('DISTRIBUTOR_NAME') ?? DEMO_DISTRIBUTOR_NAME,
    distributorAdmins: distributorAdmins(demo, text('DISTRIBUTOR_ADMINS')),
    distributorTenantId: distributorTenantId.toLowerCase(),
    invitation: withDelegatedAdminChoice(
      parseInvitationLink(text('INVITATION_LINK') ?? DEMO_INVITATION_LINK),
      parse('INVITATION_DELEGATED_ADMIN', text('INVITATION_DELEGATED_ADMIN'), booleanSchema, false),
    ),
    ...gdapApproval(text('GDAP_INVITATION_LINK')),
    catalog,
    ...(defaultSku === undefined ? {} : { defaultSku }),
    timeZone,
    ...(teamsAppId === undefined ? {} : { teamsAppId: teamsAppId.toLowerCase() }),
    ...optionalUrl('privacyUrl', 'PRIVACY_URL', text('PRIVACY_URL')),
    ...optionalUrl('termsUrl', 'TERMS_URL', text('TERMS_URL')),
    bot,
    ...(aadClientId === undefined ? {} : { aad: { clientId: aadClientId.toLowerCase(), ...(aadClientSecret ? { clientSecret: aadClientSecret } : {}) } }),
    storage,
    logLevel: parse('LOG_LEVEL', text('LOG_LEVEL'), logLevelSchema, 'info'),
    limits: {
      ...orderRateLimit(text),
      openOrdersPerTenantMax: parse('OPEN_ORDERS_PER_TENANT_MAX', text('OPEN_ORDERS_PER_TENANT_MAX'), limitSchema, DEFAULT_OPEN_ORDERS_PER_TENANT_MAX),
      submissionsInFlightMax: parse('ORDER_SUBMISSIONS_IN_FLIGHT_MAX', text('ORDER_SUBMISSIONS_IN_FLIGHT_MAX'), inFlightSchema, DEFAULT_SUBMISSIONS_IN_FLIGHT_MAX),
      outboxConcurrency: parse('OUTBOX_CONCURRENCY', text('OUTBOX_CONCURRENCY'), outboxConcurrencySchema, DEFAULT_OUTBOX_CONCURRENCY),
    },
    ...partnerGraphSettings(text),
    customerAgreement: {
      templateId: parse('MCA_TEMPLATE_ID', text('MCA_TEMPLATE_ID'), guidSchema, DEFAULT_MCA_TEMPLATE_ID),
      agreementUrl: parse('MCA_AGREEMENT_URL', text('MCA_AGREEMENT_URL'), httpsUrlSchema, DEFAULT_MCA_AGREEMENT_URL),
    },
    ...partnerCenterSettings(demo, aadClientSecret !== undefined, text),
    gdap: gdapSettings(text),
    journey: journeySettings(text),
    board: boardSettings(text),
    delivery: deliverySettings(text),
  });
}

function boardSettings(text: (name: string) => string | undefined): AppConfig['board'] {
  const staffGroupId = text('DISTRIBUTOR_STAFF_GROUP_ID');
  if (staffGroupId !== undefined && !isGuid(staffGroupId)) {
    throw new ConfigurationError(`"${staffGroupId}" is not a group object id (GUID)`, 'DISTRIBUTOR_STAFF_GROUP_ID');
  }
  return {
    ...(staffGroupId === undefined ? {} : { staffGroupId: staffGroupId.toLowerCase() }),
    rangeMaxOrders: parse('BOARD_RANGE_MAX_ORDERS', text('BOARD_RANGE_MAX_ORDERS'), boardLimitSchema, DEFAULT_BOARD_RANGE_MAX_ORDERS),
    exportMaxOrders: parse('BOARD_EXPORT_MAX_ORDERS', text('BOARD_EXPORT_MAX_ORDERS'), boardLimitSchema, DEFAULT_BOARD_EXPORT_MAX_ORDERS),
  };
}

/**
 * The per-minute submission limit and the number of instances that share it.
 * Each instance counts in its own memory and admits its share of the limit
 * (bot/orders/submission-rate-limiter.ts), so a limit below one per instance
 * cannot be kept and is refused.
 */
function orderRateLimit(text: (name: string) => string | undefined): Pick<AppConfig['limits'], 'orderRatePerMinute' | 'instanceCount'> {
  const orderRatePerMinute = parse('ORDER_RATE_LIMIT_PER_MINUTE', text('ORDER_RATE_LIMIT_PER_MINUTE'), limitSchema, DEFAULT_ORDER_RATE_PER_MINUTE);
  const instanceCount = parse('INSTANCE_COUNT', text('INSTANCE_COUNT'), instanceCountSchema, 1);
  if (orderRatePerMinute > 0 && orderRatePerMinute < instanceCount) {
    throw new ConfigurationError(
      `${instanceCount} instances cannot share ORDER_RATE_LIMIT_PER_MINUTE=${orderRatePerMinute}: each instance counts on its own and needs at least 1 submission a minute; raise the limit to ${instanceCount} or more, or set it to 0 (off)`,
      'INSTANCE_COUNT',
    );
  }
  return { orderRatePerMinute, instanceCount };
}

function botIdentity(botId: string | undefined, text: (name: string) => string | undefined): BotIdentity {
  if (botId === undefined) return { kind: 'anonymous' };
  if (!isGuid(botId)) throw new ConfigurationError(`"${botId}" is not a Microsoft App id (GUID)`, 'BOT_ID');
  const type = text('BOT_TYPE');
  const tenantId = text('BOT_TENANT_ID');
  // BOT_TYPE is the Azure Bot's msaAppType: it names the kind of identity (an Entra app registration with a
  // secret, or a user-assigned managed identity), not who may use the bot. Whether users of other tenants reach
  // the bot is decided by the Entra app's signInAudience (AzureADMultipleOrgs), not by "SingleTenant"
  // ("Agent tenancy", https://learn.microsoft.com/microsoftteams/platform/agents-in-teams/agent-tenancy).
  if (type === 'MultiTenant') {
    throw new ConfigurationError(
      'new MultiTenant Azure Bot registrations cannot be created since 2025-07-31; use SingleTenant (an Entra app registration whose sign-in audience is AzureADMultipleOrgs still serves every tenant) or UserAssignedMSI',
      'BOT_TYPE',
    );
  }
  if (type !== 'SingleTenant' && type !== 'UserAssignedMSI') {
    throw new ConfigurationError(`must be SingleTenant or UserAssignedMSI, got "${type ?? ''}"`, 'BOT_TYPE');
  }
  if (tenantId === undefined || !isGuid(tenantId)) {
    throw new ConfigurationError('required: the tenant id (GUID) of the bot registration', 'BOT_TENANT_ID');
  }
  if (type === 'UserAssignedMSI') return { kind: type, appId: botId, tenantId };
  const password = text('BOT_PASSWORD');
  if (password === undefined) throw new ConfigurationError('required for a SingleTenant bot (the client secret)', 'BOT_PASSWORD');
  return { kind: type, appId: botId, password, tenantId };
}

/** Comma-separated Entra object ids; none set: nobody (demo mode: the Playground's user). */
function distributorAdmins(demo: boolean, raw: string | undefined): readonly string[] {
  if (raw === undefined) return demo ? [PLAYGROUND_ADMIN_OBJECT_ID] : [];
  const ids = raw.split(/[,;\s]+/).filter(Boolean);
  for (const id of ids) {
    if (!isGuid(id) && !(demo && id === PLAYGROUND_ADMIN_OBJECT_ID)) {
      throw new ConfigurationError(
        `"${id}" is not an Entra object id (GUID); list the users who may choose the inbox channel, comma-separated`,
        'DISTRIBUTOR_ADMINS',
      );
    }
  }
  return ids.map((id) => id.toLowerCase());
}

function storageSettings(demo: boolean, text: (name: string) => string | undefined): StorageSettings {
  const connectionString = text('AZURE_STORAGE_CONNECTION_STRING');
  const accountUrl = text('AZURE_STORAGE_ACCOUNT_URL');
  const clientId = text('AZURE_CLIENT_ID');
  if (connectionString !== undefined && accountUrl !== undefined) {
    throw new ConfigurationError(
      'set AZURE_STORAGE_CONNECTION_STRING or AZURE_STORAGE_ACCOUNT_URL, not both: a connection string signs in with the account key, the account URL with the managed identity',
      'AZURE_STORAGE_ACCOUNT_URL',
    );
  }
  if (clientId !== undefined && !isGuid(clientId)) {
    throw new ConfigurationError(`"${clientId}" is not the client id (GUID) of a managed identity`, 'AZURE_CLIENT_ID');
  }
  if (accountUrl !== undefined) {
    const url = parse('AZURE_STORAGE_ACCOUNT_URL', accountUrl, httpsUrlSchema, accountUrl);
    return { kind: 'managedIdentity', accountUrl: url, ...(clientId === undefined ? {} : { clientId: clientId.toLowerCase() }) };
  }
  if (connectionString !== undefined) return { kind: 'connectionString', connectionString };
  if (demo) {
    const tablePort = parse('AZURITE_TABLE_PORT', text('AZURITE_TABLE_PORT'), portSchema, DEFAULT_AZURITE_TABLE_PORT);
    return { kind: 'connectionString', connectionString: azuriteConnectionString(tablePort) };
  }
  throw new ConfigurationError(
    'required when BOT_ID is set: the table endpoint of the Storage account (https://<account>.table.core.windows.net), reached with the managed identity; or set AZURE_STORAGE_CONNECTION_STRING instead',
    'AZURE_STORAGE_ACCOUNT_URL',
  );
}

function gdapApproval(raw: string | undefined): Pick<AppConfig, 'gdapApprovalUrl'> {
  if (raw === undefined) return {};
  return { gdapApprovalUrl: renderGdapApprovalLink(parseGdapApprovalLink(raw, 'GDAP_INVITATION_LINK').relationshipId) };
}

/** An optional https page of the distributor's; the manifest links to it, so plain http is refused. */
function optionalUrl<K extends 'privacyUrl' | 'termsUrl'>(key: K, name: string, raw: string | undefined): { [P in K]?: string } {
  const url = parse(name, raw, httpsUrlSchema, undefined);
  return (url === undefined ? {} : { [key]: url }) as { [P in K]?: string };
}

function partnerCenterSettings(
  demo: boolean,
  hasAadSecret: boolean,
  text: (name: string) => string | undefined,
): Pick<AppConfig, 'partnerCenter'> {
  const enabled = parse('PARTNER_CENTER_HANDOFF', text('PARTNER_CENTER_HANDOFF'), booleanSchema, demo);
  if (!enabled) return {};
  if (!demo && !hasAadSecret) {
    throw new ConfigurationError(
      'needs AAD_APP_CLIENT_SECRET: the staff member\'s SSO token is exchanged on behalf of them for a Partner Center token',
      'PARTNER_CENTER_HANDOFF',
    );
  }
  return { partnerCenter: { apiUrl: PARTNER_CENTER_API_URL } };
}

function partnerGraphSettings(text: (name: string) => string | undefined): Pick<AppConfig, 'partnerGraph'> {
  const clientId = text('PARTNER_GRAPH_CLIENT_ID');
  const clientSecret = text('PARTNER_GRAPH_CLIENT_SECRET');
  if (clientId === undefined && clientSecret === undefined) return {};
  if (clientId === undefined || !isGuid(clientId)) {
    throw new ConfigurationError('set it to the application (client) id of the distributor\'s own app, together with PARTNER_GRAPH_CLIENT_SECRET', 'PARTNER_GRAPH_CLIENT_ID');
  }
  if (clientSecret === undefined) {
    throw new ConfigurationError('required with PARTNER_GRAPH_CLIENT_ID', 'PARTNER_GRAPH_CLIENT_SECRET');
  }
  return { partnerGraph: { clientId: clientId.toLowerCase(), clientSecret } };
}

function gdapSettings(text: (name: string) => string | undefined): AppConfig['gdap'] {
  const accessGroupId = text('GDAP_ACCESS_GROUP_ID');
  if (accessGroupId !== undefined && !isGuid(accessGroupId)) {
    throw new ConfigurationError(`"${accessGroupId}" is not the object id (GUID) of a security group in the distributor's tenant`, 'GDAP_ACCESS_GROUP_ID');
  }
  return {
    roles: parseGdapRoles(text('GDAP_ROLES')),
    duration: parseGdapDuration(text('GDAP_DURATION')),
    ...(accessGroupId === undefined ? {} : { accessGroupId: accessGroupId.toLowerCase() }),
    refreshIntervalMs: parse('GDAP_REFRESH_INTERVAL_SECONDS', text('GDAP_REFRESH_INTERVAL_SECONDS'), refreshSecondsSchema, DEFAULT_GDAP_REFRESH_SECONDS) * 1000,
  };
}

function journeySettings(text: (name: string) => string | undefined): AppConfig['journey'] {
  return {
    reminderAfterDays: parse('REMINDER_AFTER_DAYS', text('REMINDER_AFTER_DAYS'), reminderDaysSchema, DEFAULT_REMINDER_AFTER_DAYS),
  };
}

function deliverySettings(text: (name: string) => string | undefined): AppConfig['delivery'] {
  const webhookUrl = text('DELIVERY_WEBHOOK_URL');
  const smtpHost = text('SMTP_HOST');
  const teams = parse('DELIVERY_TEAMS', text('DELIVERY_TEAMS'), booleanSchema, true);
  const delivery = {
    locale: parse('DELIVERY_LOCALE', text('DELIVERY_LOCALE'), z.enum(['ru', 'en']), 'ru'),
    teams,
    ...(webhookUrl === undefined
      ? {}
      : {
          webhook: {
            url: parseWebhookUrl(webhookUrl).toString(),
            timeoutMs: parse('DELIVERY_WEBHOOK_TIMEOUT_MS', text('DELIVERY_WEBHOOK_TIMEOUT_MS'), timeoutSchema, 10_000),
          },
        }),
    ...(smtpHost === undefined ? {} : { email: smtpSettings(smtpHost, text) }),
  };
  if (!teams && !delivery.webhook && !delivery.email) {
    throw new ConfigurationError('every delivery channel is off: orders would reach nobody; set DELIVERY_WEBHOOK_URL or SMTP_HOST, or leave DELIVERY_TEAMS on', 'DELIVERY_TEAMS');
  }
  return delivery;
}

function smtpSettings(host: string, text: (name: string) => string | undefined): SmtpSettings {
  const secure = parse('SMTP_SECURE', text('SMTP_SECURE'), booleanSchema, false);
  const from = text('SMTP_FROM');
  if (from === undefined) throw new ConfigurationError('required with SMTP_HOST: the sender address', 'SMTP_FROM');
  const to = (text('DELIVERY_EMAIL_TO') ?? '').split(/[,;\s]+/).filter(Boolean);
  if (to.length === 0) throw new ConfigurationError('required with SMTP_HOST: the distributor mailbox(es), comma-separated', 'DELIVERY_EMAIL_TO');
  for (const address of to) {
    if (!z.email().safeParse(address).success) throw new ConfigurationError(`"${address}" is not an e-mail address`, 'DELIVERY_EMAIL_TO');
  }
  const user = text('SMTP_USER');
  const password = text('SMTP_PASSWORD');
  return {
    host,
    port: parse('SMTP_PORT', text('SMTP_PORT'), portSchema, secure ? 465 : 587),
    secure,
    from,
    to,
    ...(user === undefined ? {} : { user }),
    ...(password === undefined ? {} : { password }),
  };
}

const PORT_RANGE = 'expected a port number from 1 to 65535';
// Digits only: Number() would also read "0x50" or "1e3" as ports.
const portSchema = z.string().regex(/^\d+$/, PORT_RANGE).transform(Number).pipe(z.number().min(1, PORT_RANGE).max(65_535, PORT_RANGE));
const LIMIT_RANGE = 'expected a whole number from 0 (off) to 1000000';
const reminderDaysSchema = z
  .string()
  .regex(/^\d+$/, 'a whole number of days from 0 (no reminders) to 365')
  .transform(Number)
  .pipe(z.number().max(365, 'a whole number of days from 0 (no reminders) to 365'));
const limitSchema = z.string().regex(/^\d+$/, LIMIT_RANGE).transform(Number).pipe(z.number().max(1_000_000, LIMIT_RANGE));
const refreshSecondsSchema = z.string().regex(/^\d+$/, 'expected whole seconds from 60 to 86400').transform(Number).pipe(z.number().min(60).max(86_400));
const BOARD_LIMIT_RANGE = 'expected a whole number from 1 to 1000000';
const boardLimitSchema = z.string().regex(/^\d+$/, BOARD_LIMIT_RANGE).transform(Number).pipe(z.number().min(1, BOARD_LIMIT_RANGE).max(1_000_000, BOARD_LIMIT_RANGE));
const INSTANCE_RANGE = 'expected a whole number from 1 to 100: how many server instances run (the App Service plan\'s instance count)';
const instanceCountSchema = z.string().regex(/^\d+$/, INSTANCE_RANGE).transform(Number).pipe(z.number().min(1, INSTANCE_RANGE).max(100, INSTANCE_RANGE));
const IN_FLIGHT_RANGE = 'expected a whole number from 0 (off) to 10000: order writes one instance runs at once';
const inFlightSchema = z.string().regex(/^\d+$/, IN_FLIGHT_RANGE).transform(Number).pipe(z.number().max(10_000, IN_FLIGHT_RANGE));
const OUTBOX_CONCURRENCY_RANGE = 'expected a whole number from 1 to 256: deliveries one instance runs at once';
const outboxConcurrencySchema = z
  .string()
  .regex(/^\d+$/, OUTBOX_CONCURRENCY_RANGE)
  .transform(Number)
  .pipe(z.number().min(1, OUTBOX_CONCURRENCY_RANGE).max(256, OUTBOX_CONCURRENCY_RANGE));
const timeoutSchema = z.coerce.number().int().min(100).max(120_000);
const httpUrlSchema = z.url({ protocol: /^https?$/ }).transform((url) => url.replace(/\/+$/, ''));
// Entra tokens are sent over TLS only (the Azure SDK refuses bearer tokens on http).
const httpsUrlSchema = z.url({ protocol: /^https$/ }).transform((url) => url.replace(/\/+$/, ''));
const guidSchema = z.string().refine(isGuid, 'expected a GUID').transform((id) => id.toLowerCase());
const logLevelSchema = z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']);
const booleanSchema = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

function parse<T, D extends T | undefined>(name: string, raw: string | undefined, schema: z.ZodType<T>, fallback: D): T | D {
  if (raw === undefined) return fallback;
  const result = schema.safeParse(raw);
  if (!result.success) {
    throw new ConfigurationError(`"${raw}" is not valid: ${result.error.issues[0]?.message ?? 'invalid value'}`, name);
  }
  return result.data;
}

function publicUrlFromDomain(domain: string | undefined, host: string, port: number): string {
  if (domain !== undefined) return `https://${domain}`;
  return `http://${isLoopbackHost(host) ? host : '127.0.0.1'}:${port}`;
}

/** A loopback name or address; a URL's `hostname` writes IPv6 in brackets (`[::1]`). */
export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

function bundledSkuNames(): SkuName[] {
  return parseSkuCsv(readFileSync(join(projectRoot(), SKU_CSV_PATH), 'utf8'));
}

/** `DEFAULT_SKU`: a `skuPartNumber` or `skuId` of an offered subscription. */
function defaultSkuSetting(raw: string | undefined, catalog: Catalog): string | undefined {
  if (raw === undefined) return undefined;
  const item = catalog.find((candidate) => candidate.sku === raw || candidate.skuId.toLowerCase() === raw.toLowerCase());
  if (item === undefined) {
    throw new ConfigurationError(`"${raw}" is not one of the offered subscriptions (OFFERED_SKUS)`, 'DEFAULT_SKU');
  }
  return item.sku;
}

function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}
