import type { INetworkModule } from '@azure/msal-node';
import { adminConsentUrl } from '../../src/domain/tenant/admin-consent-link.js';
import { deriveRelationship } from '../../src/domain/tenant/relationship-evidence.js';
import { unreadCustomerFacts } from '../../src/domain/tenant/tenant-facts.js';
import type { RelationshipLevel } from '../../src/domain/tenant/tenant-response.js';
import type { Logger } from '../logger.js';
import { createAppOnlyTokenProvider } from './app-only-token-provider.js';
import type { CustomerFactsSource } from './customer-facts-source.js';
import { createDemoCustomerFacts } from './demo-tenant.js';
import { createGraphCustomerFacts } from './graph-customer-facts.js';
import { createOboTokenProvider } from './obo-token-provider.js';
import { createPartnerConfirmation } from './partner-confirmation.js';
import { createTenantFactsService } from './tenant-facts-service.js';
import type { TenantFactsService } from './tenant-facts-service.js';

export interface TenantFactsSettings {
  /** The multi-tenant app (`AAD_APP_CLIENT_ID`, `AAD_APP_CLIENT_SECRET`); absent in demo mode. */
  readonly aad?: { readonly clientId: string; readonly clientSecret?: string };
  /** The distributor's own app for partner-side proof (`PARTNER_GRAPH_CLIENT_ID`, `PARTNER_GRAPH_CLIENT_SECRET`). */
  readonly partnerGraph?: { readonly clientId: string; readonly clientSecret: string };
  /** `DISTRIBUTOR_TENANT_ID`: where the partner app lives, and a partner tenant itself. */
  readonly distributorTenantId: string;
  /** Further partner tenants whose relationship counts: the invitation's reseller and indirect provider. */
  readonly otherPartnerTenantIds: readonly (string | undefined)[];
  readonly latestInvitationAnswer?: (tenantId: string) => Promise<boolean | undefined>;
  readonly logger: Logger;
  readonly clock?: () => Date;
  /** Test seams: msal-node's HTTP client and Graph's base URL. */
  readonly networkClient?: INetworkModule;
  readonly graphBaseUrl?: string;
}

/**
 * Builds `GET /api/tenant`'s service from the configuration: the demo tenant
 * when there is no Entra app (demo mode, anonymous callers), Microsoft Graph
 * on behalf of the caller when the app has a client secret, and partner-side
 * proof when the distributor's own app is configured.
 */
export function createTenantFacts(settings: TenantFactsSettings): TenantFactsService {
  const { aad, logger } = settings;
  const partnerTenantIds = partnerTenantIdsOf(settings);
  const common = {
    partnerTenantIds,
    logger,
    ...(settings.latestInvitationAnswer ? { latestInvitationAnswer: settings.latestInvitationAnswer } : {}),
  };
  const seams = {
    ...(settings.networkClient ? { networkClient: settings.networkClient } : {}),
    ...(settings.clock ? { clock: settings.clock } : {}),
  };
  const graphBase = settings.graphBaseUrl === undefined ? {} : { graphBaseUrl: settings.graphBaseUrl };

  if (aad === undefined) {
    return createTenantFactsService({
      ...common,
      source: 'demo',
      customerFacts: createDemoCustomerFacts({ partnerTenantId: settings.distributorTenantId, ...(settings.clock ? { clock: settings.clock } : {}) }),
    });
  }

  const partnerConfirmation =
    settings.partnerGraph === undefined
      ? undefined
      : createPartnerConfirmation({
          token: createAppOnlyTokenProvider({ ...settings.partnerGraph, tenantId: settings.distributorTenantId, ...seams }),
          logger,
          ...graphBase,
          ...(settings.clock ? { clock: settings.clock } : {}),
        });

  let customerFacts: CustomerFactsSource;
  if (aad.clientSecret === undefined) {
    logger.warn({}, 'AAD_APP_CLIENT_SECRET is not set: GET /api/tenant cannot read Microsoft Graph on behalf of users');
    customerFacts = () => Promise.resolve(unreadCustomerFacts({ status: 'unavailable', reason: 'notConfigured' }, { withDirectoryRoles: false }));
  } else {
    customerFacts = createGraphCustomerFacts({
      obo: createOboTokenProvider({ clientId: aad.clientId, clientSecret: aad.clientSecret, ...seams }),
      adminConsentUrl: (tenantId) => adminConsentUrl(tenantId, aad.clientId),
      logger,
      ...graphBase,
    });
  }
  return createTenantFactsService({
    ...common,
    source: 'graph',
    customerFacts,
    clientId: aad.clientId,
    ...(partnerConfirmation ? { partnerConfirmation } : {}),
  });
}

/** The relationship as the server sees it without the customer: partner-side proof, else what the order declared. */
export type PartnerSideRelationship = (customerTenantId: string, declaredInvitationAccepted: boolean) => Promise<RelationshipLevel>;

/**
 * For the distributor's board: the same evidence rules as `GET /api/tenant`
 * (src/domain/tenant/relationship-evidence.ts) fed with the partner-side facts
 * only (the customer's own facts need the customer's token), so the level is
 * `confirmed`, `declared` or `notFound`. Undefined without the distributor's
 * own Graph app (`PARTNER_GRAPH_CLIENT_ID`).
 */
export function createPartnerSideRelationship(settings: TenantFactsSettings): PartnerSideRelationship | undefined {
  if (settings.partnerGraph === undefined) return undefined;
  const confirmation = createPartnerConfirmation({
    token: createAppOnlyTokenProvider({
      ...settings.partnerGraph,
      tenantId: settings.distributorTenantId,
      ...(settings.networkClient ? { networkClient: settings.networkClient } : {}),
      ...(settings.clock ? { clock: settings.clock } : {}),
    }),
    logger: settings.logger,
    ...(settings.graphBaseUrl === undefined ? {} : { graphBaseUrl: settings.graphBaseUrl }),
    ...(settings.clock ? { clock: settings.clock } : {}),
  });
  const partnerTenantIds = partnerTenantIdsOf(settings);
  const notRead = unreadCustomerFacts({ status: 'unavailable', reason: 'notConfigured' }, { withDirectoryRoles: false });
  return async (tenantId, declaredInvitationAccepted) =>
    deriveRelationship({ tenantId, partnerTenantIds, customer: notRead, partner: await confirmation(tenantId), declaredInvitationAccepted }).level;
}

function partnerTenantIdsOf(settings: Pick<TenantFactsSettings, 'distributorTenantId' | 'otherPartnerTenantIds'>): string[] {
  return [...new Set([settings.distributorTenantId, ...settings.otherPartnerTenantIds].filter((id): id is string => id !== undefined).map((id) => id.toLowerCase()))];
}
