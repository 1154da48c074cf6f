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
import type { CustomerDirectory, ExchangeClaims } from './conversation/chat-ports.js';
import { TenantFactsMemory } from './conversation/tenant-facts-memory.js';
import { createBoardLinks } from './distributor/board-links.js';
import { CustomerConversations } from './distributor/customer-conversations.js';
import { TeamsDistributorDesk } from './distributor/distributor-desk.js';
import { createTeamsChannel } from './delivery/teams-channel.js';
import { createCustomerNoticeChannel } from './delivery/customer-notice-channel.js';
import type { DeliveryChannel } from './delivery/delivery-channel.js';
import type { BoardLinks } from './delivery/distributor-reading.js';
import { createEmailChannel } from './delivery/email-channel.js';
import { createWebhookChannel } from './delivery/webhook-channel.js';
import { demoCaller, demoCallerResolver, ssoCallerResolver } from './http/caller.js';
import { registerDistributorRoutes } from './http/distributor-routes.js';
import { demoStaffCallerResolver, ssoStaffCallerResolver } from './http/staff-caller.js';
import type { StaffCallerResolver } from './http/staff-caller.js';
import { OrderBoard } from './distributor/order-board.js';
import { createOboTokenProvider } from './graph/obo-token-provider.js';
import { createStaffGroupCheck } from './graph/staff-group-check.js';
import { BoardIndex } from './storage/board-index.js';
import type { CallerResolver } from './http/caller.js';
import { createHttpServer } from './http/create-http-server.js';
import type { HttpServerDependencies } from './http/create-http-server.js';
import { registerJourneyRoutes } from './http/journey-routes.js';
import { registerOrdersRoutes } from './http/orders-routes.js';
import { registerTenantRoutes } from './http/tenant-routes.js';
import { registerCustomerAgreementRoutes } from './http/customer-agreement-routes.js';
import { registerPartnerCenterRoutes } from './http/partner-center-routes.js';
import { createPartnerCenterAgreements } from './partner-center/partner-center-agreements.js';
import { PartnerCenterHandOffService } from './partner-center/partner-center-hand-off.js';
import type { PartnerCenterHandOffDependencies } from './partner-center/partner-center-hand-off.js';
import { createPartnerCenterStandIn } from './partner-center/partner-center-stand-in.js';
import { createPartnerCenterOboToken } from './partner-center/partner-center-token.js';
import { CustomerAgreementService } from './customer-agreement/customer-agreement-service.js';
import type { CustomerAgreementLookup } from './customer-agreement/customer-agreement-lookup.js';
import { CachedCustomerAgreementLookup } from './customer-agreement/cached-customer-agreement-lookup.js';
import type { TenantFactsService } from './graph/tenant-facts-service.js';
import { createPartnerSideRelationship, createTenantFacts } from './graph/tenant-facts-wiring.js';
import type { TenantFactsSettings } from './graph/tenant-facts-wiring.js';
import { CustomerJourneys } from './journey/customer-journeys.js';
import type { CustomerAgreementReader, GdapStatusReader } from './journey/customer-journeys.js';
import { JourneyScheduler } from './journey/journey-scheduler.js';
import type { Logger } from './logger.js';
import { OrderService } from './orders/order-service.js';
import { OrderWriteAdmission } from './orders/order-write-admission.js';
import { SubmissionRateLimiter } from './orders/submission-rate-limiter.js';
import { DeliveryStore } from './storage/delivery-store.js';
import { OutboxWorker } from './outbox/outbox-worker.js';
import { projectRoot, TAB_BUILD_PATH } from './project-paths.js';
import { ORDERS_TABLE, OrderRepository } from './storage/order-repository.js';
import { CONVERSATIONS_TABLE, ConversationStore } from './storage/conversation-store.js';
import { JOURNEY_TABLE, JourneyStore } from './storage/journey-store.js';
import { CUSTOMER_AGREEMENTS_TABLE, CustomerAgreementStore } from './storage/customer-agreement-store.js';
import { TokenExchangeClaims } from './storage/token-exchange-claims.js';
import { createTableStorage } from './storage/table-storage.js';
import type { TableStorageOptions } from './storage/table-storage.js';
import { createStorageCredential } from './storage/storage-credential.js';
import { GDAP_TABLE, GdapStore } from './storage/gdap-store.js';
import { GdapService } from './gdap/gdap-service.js';
import { createGdapEffects } from './gdap/gdap-effects.js';
import type { GdapPartner } from './gdap/gdap-partner.js';
import { createDemoPartner } from './graph/demo-partner.js';
import type { DemoPartner } from './graph/demo-partner.js';
import { createGdapClient } from './graph/gdap-client.js';
import { createAppOnlyTokenProvider } from './graph/app-only-token-provider.js';
import { registerGdapRoutes } from './http/gdap-routes.js';
import { isGuid } from '../src/domain/guid.js';
import { activeGdapRelationships, tenantGdapOf } from '../src/domain/gdap/gdap-relationship.js';

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
  /** Who is the distributor's staff on `/api/distributor/*`; tests bring their own. */
  readonly resolveStaff?: StaffCallerResolver;
  /** How often pending GDAP approvals are read, shortened by tests. */
  readonly gdapRefreshIntervalMs?: number;
  /** The GDAP partner side; tests put a Graph stand-in behind it. */
  readonly gdapPartner?: GdapPartner;
  /** The journey's pass interval and refresh delay (tests change them) and the facts it reads from the MCA and GDAP stores. */
  readonly journey?: {
    readonly intervalMs?: number;
    readonly refreshDelayMs?: number;
    readonly customerAgreements?: CustomerAgreementReader;
    readonly gdap?: GdapStatusReader;
  };
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
  await storage.ensureTables([ORDERS_TABLE, CONVERSATIONS_TABLE, GDAP_TABLE, JOURNEY_TABLE, CUSTOMER_AGREEMENTS_TABLE]);
  const repository = new OrderRepository(storage.table(ORDERS_TABLE));
  const conversations = new ConversationStore(storage.table(CONVERSATIONS_TABLE));
  const customerAgreements = new CustomerAgreementStore(storage.table(CUSTOMER_AGREEMENTS_TABLE));
  // What the distributor reads next to an order on every delivery channel: at most a minute stale, for deliveries only.
  const deliveredCustomerAgreements = new CachedCustomerAgreementLookup(customerAgreements, { clock });
  const customerAgreementService = new CustomerAgreementService({
    store: customerAgreements,
    ...config.customerAgreement,
    onAccepted: (tenantId) => {
      // The next delivery shows an acceptance made here at once; the checklist's MCA step moves as soon as it is stored.
      deliveredCustomerAgreements.forget(tenantId);
      journeys.changedSoon(tenantId);
    },
  });

  const adapter = createCloudAdapter(config.bot, logger);
  const messenger = new ProactiveMessenger(adapter, config.bot.kind === 'anonymous' ? '' : config.bot.appId);
  // "Open in board" on every order card and e-mail: the inbox channel's board tab.
  const boardLinks = createBoardLinks({
    teamsAppId: config.teamsAppId,
    distributorTenantId: config.distributorTenantId,
    store: conversations,
  });
  const channels = deliveryChannels(config, catalog, boardLinks, logger, deliveredCustomerAgreements);
  if (config.delivery.teams) {
    channels.unshift(
      createTeamsChannel({
        store: conversations,
        messenger,
        distributorTenantId: config.distributorTenantId,
        locale: config.delivery.locale,
        catalog,
        timeZone: config.timeZone,
        boardLinks,
        logger,
        clock,
        customerAgreements: deliveredCustomerAgreements,
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
  const gdapStore = new GdapStore(storage.table(GDAP_TABLE));
  const gdapPartner = createGdapPartner(config, clock, overrides.gdapPartner);
  const gdap = gdapPartner && new GdapService({
    store: gdapStore,
    partner: gdapPartner,
    settings: config.gdap,
    effects: createGdapEffects({
      store: conversations,
      messenger,
      distributorName: config.distributorName,
      distributorTenantId: config.distributorTenantId,
      distributorLocale: config.delivery.locale,
      logger,
    }),
    logger,
    clock,
  });
  const outbox = new OutboxWorker({
    store: new DeliveryStore(storage.table(ORDERS_TABLE)),
    orders: repository,
    channels: [...channels, customerNotices],
    logger,
    clock,
    concurrency: config.limits.outboxConcurrency,
    ...(overrides.outbox?.sweepIntervalMs === undefined ? {} : { sweepIntervalMs: overrides.outbox.sweepIntervalMs }),
    // Pending approvals are read from Graph on the outbox's schedule, every few minutes, not in a loop of their own.
    periodic: gdap ? [{ name: 'gdap', everyMs: overrides.gdapRefreshIntervalMs ?? config.gdap.refreshIntervalMs, run: () => gdap.sweep() }] : [],
  });
  const journeyStore = new JourneyStore(storage.table(JOURNEY_TABLE), clock);
  const journeys = new CustomerJourneys({
    store: journeyStore,
    orders: repository,
    customerAgreements: overrides.journey?.customerAgreements ?? customerAgreements,
    gdap: overrides.journey?.gdap ?? gdapStatusReader(gdapStore),
    // A GDAP step for every customer when the invitation asks for it; otherwise for those a relationship was requested for.
    gdapUsed: config.gdapApprovalUrl !== undefined,
    logger,
    ...(overrides.journey?.refreshDelayMs === undefined ? {} : { refreshDelayMs: overrides.journey.refreshDelayMs }),
  });
  // What the tab or the bot's sign-in last read for a user, so that user's chat order form can be prefilled from it.
  const tenantFactsMemory = new TenantFactsMemory({ clock });
  const orders = new OrderService({
    repository,
    catalog,
    timeZone: config.timeZone,
    channels: channels.map((channel) => channel.name),
    // Every order write passes here: the customer's journey summary follows it (gathered, a few seconds later).
    outbox: {
      dispatch: (order, records) => {
        outbox.dispatch(order, records);
        journeys.changedSoon(order.tenantId);
      },
    },
    // One limiter for the API and the bot: both submit through this service.
    rateLimiter: new SubmissionRateLimiter(config.limits.orderRatePerMinute, config.limits.instanceCount),
    openOrdersMax: config.limits.openOrdersPerTenantMax,
    // One cap for every order write of this process (API, chat, board, inbox cards).
    writeAdmission: new OrderWriteAdmission(config.limits.submissionsInFlightMax),
    evidenceAtSubmission: (tenantId, userId) => tenantFactsMemory.recall(tenantId, userId)?.tenant.relationship.level ?? null,
    customerAgreements,
  });

  const desk = new TeamsDistributorDesk({
    distributorTenantId: config.distributorTenantId,
    distributorName: config.distributorName,
    admins: config.distributorAdmins,
    locale: config.delivery.locale,
    catalog,
    timeZone: config.timeZone,
    boardLinks,
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
  const resolveStaff = overrides.resolveStaff ?? staffCallerResolver(config, ssoVerifier);
  const tenantFactsSettings: TenantFactsSettings = {
    ...(config.aad ? { aad: config.aad } : {}),
    ...(config.partnerGraph ? { partnerGraph: config.partnerGraph } : {}),
    distributorTenantId: config.distributorTenantId,
    otherPartnerTenantIds: [config.invitation.resellerTenantId, config.invitation.indirectProviderTenantId],
    latestInvitationAnswer: async (tenantId) => (await orders.findLatest(tenantId))?.invitationAccepted,
    ...(gdap ? { requestedGdap: async (tenantId: string) => activeGdapRelationships((await gdapStore.get(tenantId))?.record) } : {}),
    logger,
    clock,
  };
  const tenantFacts = createTenantFacts(tenantFactsSettings);
  const board = new OrderBoard({
    index: new BoardIndex(storage.table(ORDERS_TABLE)),
    orders,
    catalog,
    timeZone: config.timeZone,
    maxRangeOrders: config.board.rangeMaxOrders,
    relationshipNow: createPartnerSideRelationship(tenantFactsSettings),
  });
  const rememberingTenantFacts: TenantFactsService = async (caller) => {
    const tenant = await tenantFacts(caller);
    // The user's own details only ever prefill that user's form.
    if (caller.userId !== undefined) tenantFactsMemory.remember(tenant, caller.userId);
    await journeys.contact(caller.tenantId, 'tab');
    await journeys.evidenceSeen(caller.tenantId, tenant.relationship.level);
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
      customerDirectory: firstContactNoting(new CustomerConversations({ store: conversations, clock }), journeys),
      reminders: journeys,
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
        ...(gdap ? { gdap: async (tenantId: string) => tenantGdapOf(await gdap.current(tenantId)) } : {}),
      });
      if (gdap) {
        registerGdapRoutes(api, {
          gdap,
          orders,
          resolveStaff,
          isCustomerTenantId: (tenantId) => isGuid(tenantId) || (config.demo && tenantId === config.distributorTenantId),
          demo: config.demo,
          ...(gdapPartner && 'approve' in gdapPartner ? { approveDemo: (id: string) => gdapPartner.approve(id) } : {}),
          logger,
        });
      }
      registerJourneyRoutes(api, { journeys, store: journeyStore, resolveCaller, resolveStaff, logger, clock });
      registerDistributorRoutes(api, {
        board,
        orders,
        resolveCaller: resolveStaff,
        catalog,
        timeZone: config.timeZone,
        locale: config.delivery.locale,
        exportMaxOrders: config.board.exportMaxOrders,
        // The board's status changes show in the inbox card too, as the card's own buttons do.
        onStatusChanged: (order) => desk.refreshInboxCard(order),
        logger,
        clock,
      });
      registerCustomerAgreementRoutes(api, { customerAgreements: customerAgreementService, resolveCaller, logger, clock });
      registerPartnerCenterRoutes(api, { handOff: partnerCenterHandOff, resolveStaff, logger });
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

  const scheduler = new JourneyScheduler({
    journeys,
    store: journeyStore,
    conversations,
    messenger,
    distributorTenantId: config.distributorTenantId,
    distributorName: config.distributorName,
    timeZone: config.timeZone,
    reminderAfterDays: config.journey.reminderAfterDays,
    staffLocale: config.delivery.locale,
    links: {
      invitationUrl,
      gdapApprovalUrl: config.gdapApprovalUrl,
      tabUrl: config.teamsAppId === undefined ? undefined : personalTabLink(config.teamsAppId),
    },
    logger,
    clock,
    ...(overrides.journey?.intervalMs === undefined ? {} : { intervalMs: overrides.journey.intervalMs }),
  });

  outbox.start();
  scheduler.start();
  return {
    server,
    catalog,
    orders,
    stop: async () => {
      journeys.stop();
      await Promise.all([outbox.stop(), scheduler.stop()]);
    },
  };
}

/** Every personal-chat activity passes the directory: the chat's first one is the tenant's first contact. */
function firstContactNoting(directory: CustomerConversations, journeys: CustomerJourneys): CustomerDirectory {
  return {
    remember: async (request) => {
      await directory.remember(request);
      await journeys.contact(request.actor.tenantId, 'chat');
    },
  };
}

/**
 * A Teams deep link to the app's personal tab (`entityId` "onboarding" in
 * appPackage/manifest.json), opened from a card's Action.OpenUrl: "Deep links
 * execution handling" and "Deep link to an application",
 * https://learn.microsoft.com/microsoftteams/platform/concepts/build-and-test/deep-links-execution-handling.
 * `TEAMS_APP_ID` is the manifest id of an uploaded custom app; an app
 * published to the organization's catalog has a catalog id of its own.
 */
function personalTabLink(teamsAppId: string): string {
  return `https://teams.microsoft.com/l/entity/${encodeURIComponent(teamsAppId)}/onboarding`;
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

/** What the journey reads of a customer's GDAP relationship: when it became active, and when it ends. */
function gdapStatusReader(store: GdapStore): GdapStatusReader {
  return {
    get: async (tenantId) => {
      const record = (await store.get(tenantId))?.record;
      if (record === undefined) return undefined;
      return {
        ...(record.state === 'active' && record.activatedAt !== null ? { activeSince: record.activatedAt } : {}),
        ...(record.endDateTime === null ? {} : { expiresAt: record.endDateTime }),
      };
    },
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
 * The distributor's staff (bot/http/staff-caller.ts): in demo mode the demo
 * user; otherwise Teams SSO of the distributor's tenant, and with
 * `DISTRIBUTOR_STAFF_GROUP_ID` membership of that group, asked on behalf of
 * the caller (which needs the Entra app's secret).
 */
function staffCallerResolver(config: AppConfig, verify: SsoTokenVerifier | undefined): StaffCallerResolver {
  if (verify === undefined) return demoStaffCallerResolver(demoCaller(config.distributorTenantId, PLAYGROUND_ADMIN_OBJECT_ID));
  const groupId = config.board.staffGroupId;
  if (groupId === undefined) return ssoStaffCallerResolver({ verify, distributorTenantId: config.distributorTenantId });
  const clientSecret = config.aad?.clientSecret;
  if (config.aad === undefined || clientSecret === undefined) {
    throw new ConfigurationError('needs AAD_APP_CLIENT_SECRET: group membership is read on behalf of the staff member', 'DISTRIBUTOR_STAFF_GROUP_ID');
  }
  return ssoStaffCallerResolver({
    verify,
    distributorTenantId: config.distributorTenantId,
    inStaffGroup: createStaffGroupCheck({ groupId, obo: createOboTokenProvider({ clientId: config.aad.clientId, clientSecret }) }),
  });
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

/**
 * Demo mode answers with the built-in demo partner; otherwise the
 * distributor's own app (`PARTNER_GRAPH_CLIENT_ID`) talks to Graph. Without
 * that app, GDAP cannot be requested and its routes are not offered.
 */
function createGdapPartner(config: AppConfig, clock: () => Date, override?: GdapPartner): GdapPartner | DemoPartner | undefined {
  if (override) return override;
  if (config.demo) return createDemoPartner({ clock });
  if (config.partnerGraph === undefined) return undefined;
  return createGdapClient({ token: createAppOnlyTokenProvider({ ...config.partnerGraph, tenantId: config.distributorTenantId }) });
}

function deliveryChannels(
  config: AppConfig,
  catalog: Catalog,
  boardLinks: BoardLinks,
  logger: Logger,
  customerAgreements: CustomerAgreementLookup,
): DeliveryChannel[] {
  const { locale, webhook, email } = config.delivery;
  const { timeZone } = config;
  const channels: DeliveryChannel[] = [];
  if (webhook) channels.push(createWebhookChannel({ url: webhook.url, timeoutMs: webhook.timeoutMs, locale, catalog, timeZone, boardLinks, customerAgreements }));
  if (email) channels.push(createEmailChannel({ ...email, locale, catalog, timeZone, boardLinks, customerAgreements, logger }));
  return channels;
}
