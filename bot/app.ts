import { join } from 'node:path';
import type { Server } from 'restify';
import { todayInTimeZone } from '../src/domain/calendar.js';
import type { Catalog } from '../src/domain/catalog/catalog.js';
import { ConfigurationError } from '../src/domain/configuration-error.js';
import { authStartPath } from '../src/domain/auth/auth-window.js';
import { renderInvitationLink } from '../src/domain/invitation/invitation-link.js';
import { adminConsentUrl } from '../src/domain/tenant/admin-consent-link.js';
import { createSsoTokenVerifier } from './auth/sso-token-verifier.js';
import type { SsoTokenVerifier } from './auth/sso-token-verifier.js';
import { botRequest } from './bot-framework/bot-request.js';
import { createCloudAdapter } from './bot-framework/cloud-adapter.js';
import { OnboardingBot } from './bot-framework/onboarding-bot.js';
import { PLAYGROUND_ADMIN_OBJECT_ID } from './config.js';
import type { AppConfig } from './config.js';
import { ProactiveMessenger } from './bot-framework/proactive-messenger.js';
import { botSsoResource, ChatSignIn } from './conversation/chat-sign-in.js';
import { OnboardingConversation } from './conversation/onboarding-conversation.js';
import type { ExchangeClaims } from './conversation/chat-ports.js';
import { TenantFactsMemory } from './conversation/tenant-facts-memory.js';
import { CustomerConversations } from './distributor/customer-conversations.js';
import { TeamsDistributorDesk } from './distributor/distributor-desk.js';
import { createTeamsChannel } from './delivery/teams-channel.js';
import { createCustomerNoticeChannel } from './delivery/customer-notice-channel.js';
import type { DeliveryChannel } from './delivery/delivery-channel.js';
import { createEmailChannel } from './delivery/email-channel.js';
import { createWebhookChannel } from './delivery/webhook-channel.js';
import { demoCallerResolver, ssoCallerResolver } from './http/caller.js';
import type { CallerResolver } from './http/caller.js';
import { createHttpServer } from './http/create-http-server.js';
import type { HttpServerDependencies } from './http/create-http-server.js';
import { registerOrdersRoutes } from './http/orders-routes.js';
import { registerTenantRoutes } from './http/tenant-routes.js';
import { registerCustomerAgreementRoutes } from './http/customer-agreement-routes.js';
import { registerPartnerCenterRoutes } from './http/partner-center-routes.js';
import type { StaffCallerResolver } from './http/staff-caller.js';
import { createPartnerCenterAgreements } from './partner-center/partner-center-agreements.js';
import { PartnerCenterHandOffService } from './partner-center/partner-center-hand-off.js';
import type { PartnerCenterHandOffDependencies } from './partner-center/partner-center-hand-off.js';
import { createPartnerCenterStandIn } from './partner-center/partner-center-stand-in.js';
import { createPartnerCenterOboToken } from './partner-center/partner-center-token.js';
import { CustomerAgreementService } from './customer-agreement/customer-agreement-service.js';
import type { CustomerAgreementLookup } from './customer-agreement/customer-agreement-lookup.js';
import type { TenantFactsService } from './graph/tenant-facts-service.js';
import { createTenantFacts } from './graph/tenant-facts-wiring.js';
import type { Logger } from './logger.js';
import { OrderService } from './orders/order-service.js';
import { SubmissionRateLimiter } from './orders/submission-rate-limiter.js';
import { DeliveryStore } from './storage/delivery-store.js';
import { OutboxWorker } from './outbox/outbox-worker.js';
import { projectRoot, TAB_BUILD_PATH } from './project-paths.js';
import { ORDERS_TABLE, OrderRepository } from './storage/order-repository.js';
import { CONVERSATIONS_TABLE, ConversationStore } from './storage/conversation-store.js';
import { CUSTOMER_AGREEMENTS_TABLE, CustomerAgreementStore } from './storage/customer-agreement-store.js';
import { TokenExchangeClaims } from './storage/token-exchange-claims.js';
import { createTableStorage } from './storage/table-storage.js';
import type { TableStorageOptions } from './storage/table-storage.js';
import { createStorageCredential } from './storage/storage-credential.js';

export interface App {
  readonly server: Server;
  readonly catalog: Catalog;
  readonly orders: OrderService;
  /** Stops background work (the outbox) after the HTTP server stopped accepting. */
  stop(): Promise<void>;
}

export interface AppOverrides {
  /** Where the built tab is; tests point it at a folder of their own. */
  readonly tabDirectory?: string;
  readonly clock?: () => Date;
  /** Outbox timing, shortened by tests. */
  readonly outbox?: { readonly sweepIntervalMs?: number };
  /** The storage SDK's HTTP client; tests wrap it to count the rows read. */
  readonly storageClient?: TableStorageOptions['client'];
  /** HTTP timeouts and the `/readyz` cache, shortened by tests. */
  readonly http?: Pick<HttpServerDependencies, 'timeouts' | 'readinessCacheMs'>;
}

/**
 * The composition root: every adapter is created here from the validated
 * configuration and handed to what needs it. Nothing else reads `process.env`.
 * Fails (rejects) when storage is unreachable, so the server never starts half-working.
 */
export async function createApp(config: AppConfig, logger: Logger, overrides: AppOverrides = {}): Promise<App> {
  const root = projectRoot();
  const clock = overrides.clock ?? (() => new Date());
  const catalog = config.catalog;
  const invitationUrl = renderInvitationLink(config.invitation);

  const storage = createTableStorage(
    config.storage.kind === 'connectionString'
      ? config.storage.connectionString
      : { accountUrl: config.storage.accountUrl, credential: createStorageCredential(config.storage.clientId) },
    overrides.storageClient === undefined ? {} : { client: overrides.storageClient },
  );
  await storage.ensureTables([ORDERS_TABLE, CONVERSATIONS_TABLE, CUSTOMER_AGREEMENTS_TABLE]);
  const repository = new OrderRepository(storage.table(ORDERS_TABLE));
  const conversations = new ConversationStore(storage.table(CONVERSATIONS_TABLE));
  const customerAgreements = new CustomerAgreementStore(storage.table(CUSTOMER_AGREEMENTS_TABLE));
  const customerAgreementService = new CustomerAgreementService({ store: customerAgreements, ...config.customerAgreement });

  const adapter = createCloudAdapter(config.bot, logger);
  const messenger = new ProactiveMessenger(adapter, config.bot.kind === 'anonymous' ? '' : config.bot.appId);
  const channels = deliveryChannels(config, catalog, logger, customerAgreements);
  if (config.delivery.teams) {
    channels.unshift(
      createTeamsChannel({
        store: conversations,
        messenger,
        distributorTenantId: config.distributorTenantId,
        locale: config.delivery.locale,
        catalog,
        logger,
        clock,
        customerAgreements,
      }),
    );
  }
  // Status notices to the customer's chats: outbox records of their own, written with each status change.
  const customerNotices = createCustomerNoticeChannel({
    store: conversations,
    messenger,
    catalog,
    distributorName: config.distributorName,
    logger,
    clock,
  });
  const outbox = new OutboxWorker({
    store: new DeliveryStore(storage.table(ORDERS_TABLE)),
    orders: repository,
    channels: [...channels, customerNotices],
    logger,
    clock,
    ...(overrides.outbox?.sweepIntervalMs === undefined ? {} : { sweepIntervalMs: overrides.outbox.sweepIntervalMs }),
  });
  const orders = new OrderService({
    repository,
    catalog,
    timeZone: config.timeZone,
    channels: channels.map((channel) => channel.name),
    outbox,
    // One limiter for the API and the bot: both submit through this service.
    rateLimiter: new SubmissionRateLimiter(config.limits.orderRatePerMinute),
    openOrdersMax: config.limits.openOrdersPerTenantMax,
    customerAgreements,
  });

  const desk = new TeamsDistributorDesk({
    distributorTenantId: config.distributorTenantId,
    distributorName: config.distributorName,
    admins: config.distributorAdmins,
    locale: config.delivery.locale,
    catalog,
    orders,
    store: conversations,
    messenger,
    logger,
    clock,
    customerAgreements,
    // Orders that waited for an inbox go out as soon as one exists.
    onInboxClaimed: () => outbox.retryChannel('teams'),
  });
  // One verifier (and JWKS cache) for the API and the bot's sign-in.
  const ssoVerifier = config.aad ? createSsoTokenVerifier({ clientId: config.aad.clientId }) : undefined;
  const resolveCaller = callerResolver(config, ssoVerifier);
  const partnerCenterHandOff = new PartnerCenterHandOffService({
    store: customerAgreements,
    partnerCenter: partnerCenterAccess(config),
    logger,
    clock,
  });
  // Demo mode: the demo caller is staff. Elsewhere the distributor routes' StaffCallerResolver
  // (bot/http/staff-caller.ts, issue 14) is wired here when it lands.
  const resolveStaff: StaffCallerResolver | undefined = config.demo
    ? async (req) => ({ ...(await resolveCaller(req)), staff: true })
    : undefined;
  const tenantFacts = createTenantFacts({
    ...(config.aad ? { aad: config.aad } : {}),
    ...(config.partnerGraph ? { partnerGraph: config.partnerGraph } : {}),
    distributorTenantId: config.distributorTenantId,
    otherPartnerTenantIds: [config.invitation.resellerTenantId, config.invitation.indirectProviderTenantId],
    latestInvitationAnswer: async (tenantId) => (await orders.findLatest(tenantId))?.invitationAccepted,
    logger,
    clock,
  });
  // What the tab or the bot's sign-in last read for a user, so that user's chat order form can be prefilled from it.
  const tenantFactsMemory = new TenantFactsMemory({ clock });
  const rememberingTenantFacts: TenantFactsService = async (caller) => {
    const tenant = await tenantFacts(caller);
    // The user's own details only ever prefill that user's form.
    if (caller.userId !== undefined) tenantFactsMemory.remember(tenant, caller.userId);
    return tenant;
  };
  const exchangeClaims = new TokenExchangeClaims(storage.table(CONVERSATIONS_TABLE), clock);
  const signIn = chatSignIn(config, ssoVerifier, tenantFacts, tenantFactsMemory, exchangeClaims, logger);

  const bot = new OnboardingBot({
    conversation: new OnboardingConversation({
      distributorName: config.distributorName,
      invitationUrl,
      invitationDelegatedAdmin: config.invitation.delegatedAdmin,
      ...(config.gdapApprovalUrl === undefined ? {} : { gdapApprovalUrl: config.gdapApprovalUrl }),
      catalog,
      ...(config.defaultSku === undefined ? {} : { defaultSku: config.defaultSku }),
      timeZone: config.timeZone,
      orders,
      customerDirectory: new CustomerConversations({ store: conversations, clock }),
      logger,
      tenantFactsMemory,
      ...(signIn ? { signIn } : {}),
      clock,
      customerAgreements: customerAgreementService,
    }),
    desk,
  }, { loopbackServiceUrlOnly: config.demo, logger });


  const server = createHttpServer({
    logger,
    demo: config.demo,
    ...(overrides.http ?? {}),
    readiness: [storage.readiness(ORDERS_TABLE)],
    handleBotActivity: (req, res) => adapter.process(botRequest(req), res, (context) => bot.run(context)),
    publicConfig: () => ({
      distributorName: config.distributorName,
      invitationUrl,
      invitationDelegatedAdmin: config.invitation.delegatedAdmin,
      gdapApprovalUrl: config.gdapApprovalUrl ?? null,
      catalog: catalog.map(({ sku, displayName }) => ({ sku, displayName })),
      timeZone: config.timeZone,
      today: todayInTimeZone(clock(), config.timeZone),
      demo: config.demo,
      aadAppClientId: config.aad?.clientId ?? null,
      botId: config.bot.kind === 'anonymous' ? null : config.bot.appId,
    }),
    registerApiRoutes: (api) => {
      registerOrdersRoutes(api, { orders, resolveCaller, logger, clock });
      registerTenantRoutes(api, {
        tenantFacts: rememberingTenantFacts,
        resolveCaller,
        logger,
        customerAgreementStatus: (tenantId) => customerAgreementService.status(tenantId),
        ...(config.aad ? { clientId: config.aad.clientId } : {}),
      });
      registerCustomerAgreementRoutes(api, { customerAgreements: customerAgreementService, resolveCaller, logger, clock });
      if (resolveStaff) registerPartnerCenterRoutes(api, { handOff: partnerCenterHandOff, resolveStaff, logger });
    },
    legal: {
      distributorName: config.distributorName,
      ...(config.privacyUrl === undefined ? {} : { privacyUrl: config.privacyUrl }),
      ...(config.termsUrl === undefined ? {} : { termsUrl: config.termsUrl }),
    },
    tab: {
      directory: overrides.tabDirectory ?? join(root, TAB_BUILD_PATH),
      // The local Agents Playground frames the tab in demo mode.
      frameAncestors: config.demo ? ['http://localhost:*', 'http://127.0.0.1:*'] : [],
    },
  });

  outbox.start();
  return {
    server,
    catalog,
    orders,
    stop: async () => {
      await outbox.stop();
    },
  };
}

/**
 * Partner Center access for the hand-off: the built-in stand-in in demo mode;
 * with `PARTNER_CENTER_HANDOFF` the real API, on behalf of the staff member.
 */
function partnerCenterAccess(config: AppConfig): PartnerCenterHandOffDependencies['partnerCenter'] {
  if (config.partnerCenter === undefined) return undefined;
  if (config.demo) {
    return { agreements: createPartnerCenterAgreements({ apiUrl: config.partnerCenter.apiUrl, fetch: createPartnerCenterStandIn().fetch }), token: async () => 'demo-token' };
  }
  const secret = config.aad?.clientSecret;
  if (config.aad === undefined || secret === undefined) return undefined;
  return {
    agreements: createPartnerCenterAgreements({ apiUrl: config.partnerCenter.apiUrl }),
    token: createPartnerCenterOboToken({ clientId: config.aad.clientId, clientSecret: secret }),
  };
}

/** Anonymous callers only in demo mode, which listens on loopback only. */
function callerResolver(config: AppConfig, verifier: SsoTokenVerifier | undefined): CallerResolver {
  if (verifier) return ssoCallerResolver(verifier);
  // The demo's tab user is the Playground's current user, so what the tab reads prefills their chat form.
  if (config.demo) return demoCallerResolver(config.distributorTenantId, PLAYGROUND_ADMIN_OBJECT_ID);
  throw new ConfigurationError('required when BOT_ID is set: the Entra app (client) id for tab sign-in', 'AAD_APP_CLIENT_ID');
}

/**
 * Teams bot SSO needs a bot identity (the resource names it), the Entra app
 * with a secret (for the on-behalf-of exchange) and Teams: never in demo
 * mode or the Playground, where the chat uses the remembered facts instead.
 */
function chatSignIn(
  config: AppConfig,
  verify: SsoTokenVerifier | undefined,
  tenantFacts: TenantFactsService,
  memory: TenantFactsMemory,
  claims: ExchangeClaims,
  logger: Logger,
): ChatSignIn | undefined {
  if (config.demo || config.bot.kind === 'anonymous' || verify === undefined || config.aad?.clientSecret === undefined) return undefined;
  const clientId = config.aad.clientId;
  return new ChatSignIn({
    verify,
    tenantFacts,
    memory,
    claims,
    resource: botSsoResource(config.publicUrl, config.bot.appId),
    signInLink: new URL(authStartPath({ mode: 'signIn' }), config.publicUrl).href,
    adminConsentUrl: (tenantId) => adminConsentUrl(tenantId, clientId),
    logger,
  });
}

function deliveryChannels(
  config: AppConfig,
  catalog: Catalog,
  logger: Logger,
  customerAgreements: CustomerAgreementLookup,
): DeliveryChannel[] {
  const { locale, webhook, email } = config.delivery;
  const channels: DeliveryChannel[] = [];
  if (webhook) channels.push(createWebhookChannel({ url: webhook.url, timeoutMs: webhook.timeoutMs, locale, catalog }));
  if (email) channels.push(createEmailChannel({ ...email, locale, catalog, logger, customerAgreements }));
  return channels;
}
