import { describe, expect, it } from 'vitest';
import { deriveRelationship, GDAP_APP_IDS } from '../../../src/domain/tenant/relationship-evidence.js';
import type { RelationshipInput } from '../../../src/domain/tenant/relationship-evidence.js';
import { PARTNER_NOT_CONFIGURED } from '../../../src/domain/tenant/tenant-facts.js';
import type { EvidenceItem, EvidenceSource } from '../../../src/domain/tenant/tenant-response.js';
import {
  customerFacts,
  DISTRIBUTOR_TENANT_ID,
  OTHER_PARTNER_TENANT_ID,
  partnerNothingFound,
  RESELLER_TENANT_ID,
  subscription,
  TENANT_ID,
} from './tenant-fixtures.js';

function input(overrides: Partial<RelationshipInput> = {}): RelationshipInput {
  return {
    tenantId: TENANT_ID,
    partnerTenantIds: [DISTRIBUTOR_TENANT_ID, RESELLER_TENANT_ID],
    customer: customerFacts(),
    partner: partnerNothingFound,
    declaredInvitationAccepted: undefined,
    ...overrides,
  };
}

function item(evidence: readonly EvidenceItem[], source: EvidenceSource): EvidenceItem | undefined {
  return evidence.find((candidate) => candidate.source === source);
}

describe('deriveRelationship', () => {
  it('finds nothing when no source shows a relationship', () => {
    const relationship = deriveRelationship(input());

    expect(relationship.level).toBe('notFound');
    expect(relationship.evidence.map((evidence) => [evidence.source, evidence.level, evidence.status])).toEqual([
      ['partnerContract', 'confirmed', 'notFound'],
      ['partnerGdapRelationship', 'confirmed', 'notFound'],
      ['auditLog', 'detected', 'notFound'],
      ['crossTenantPartner', 'detected', 'notFound'],
      ['gdapServicePrincipals', 'detected', 'notFound'],
      ['partnerSubscription', 'detected', 'notFound'],
      ['declared', 'declared', 'notFound'],
    ]);
  });

  it('is declared when the admin said the invitation was accepted, and nothing else shows it', () => {
    const relationship = deriveRelationship(input({ declaredInvitationAccepted: true }));

    expect(relationship.level).toBe('declared');
    expect(item(relationship.evidence, 'declared')?.status).toBe('found');
  });

  it('is detected from a subscription the partner created, naming it', () => {
    const relationship = deriveRelationship(
      input({
        declaredInvitationAccepted: true,
        customer: customerFacts({
          subscriptions: { status: 'ok', value: [subscription(), subscription({ id: 'sub-2', skuPartNumber: 'EXCHANGESTANDARD', ownerTenantId: RESELLER_TENANT_ID.toUpperCase() })] },
        }),
      }),
    );

    expect(relationship.level).toBe('detected');
    expect(item(relationship.evidence, 'partnerSubscription')).toEqual({
      source: 'partnerSubscription',
      level: 'detected',
      partnerSpecific: true,
      status: 'found',
      observedAt: null,
      detail: 'EXCHANGESTANDARD',
    });
  });

  it('ignores subscriptions of other partners and cross-tenant partners that are not service providers', () => {
    const relationship = deriveRelationship(
      input({
        customer: customerFacts({
          subscriptions: { status: 'ok', value: [subscription({ ownerTenantId: OTHER_PARTNER_TENANT_ID })] },
          crossTenantPartners: {
            status: 'ok',
            value: [
              { tenantId: DISTRIBUTOR_TENANT_ID, isServiceProvider: false },
              { tenantId: OTHER_PARTNER_TENANT_ID, isServiceProvider: true },
            ],
          },
        }),
      }),
    );

    expect(relationship.level).toBe('notFound');
  });

  it('is detected from the distributor as a service provider in the cross-tenant access policy', () => {
    const relationship = deriveRelationship(
      input({
        customer: customerFacts({ crossTenantPartners: { status: 'ok', value: [{ tenantId: DISTRIBUTOR_TENANT_ID.toUpperCase(), isServiceProvider: true }] } }),
      }),
    );

    expect(relationship.level).toBe('detected');
    expect(item(relationship.evidence, 'crossTenantPartner')).toMatchObject({ status: 'found', partnerSpecific: true, detail: DISTRIBUTOR_TENANT_ID });
  });

  it('counts the GDAP service principals as detected but not specific to this distributor', () => {
    const relationship = deriveRelationship(
      input({
        customer: customerFacts({
          gdapServicePrincipals: { status: 'ok', value: [{ appId: GDAP_APP_IDS[0] ?? '', displayName: 'Partner Customer Delegated Administration' }] },
        }),
      }),
    );

    expect(relationship.level).toBe('detected');
    expect(item(relationship.evidence, 'gdapServicePrincipals')).toMatchObject({
      status: 'found',
      partnerSpecific: false,
      detail: 'Partner Customer Delegated Administration',
    });
  });

  it('prefers audit entries that name the partner, with the latest date', () => {
    const relationship = deriveRelationship(
      input({
        customer: customerFacts({
          partnerAuditEvents: {
            status: 'ok',
            value: [
              { activityDateTime: '2026-01-03T10:00:00Z', result: 'success', mentionedIds: [OTHER_PARTNER_TENANT_ID] },
              { activityDateTime: '2026-01-02T10:00:00Z', result: 'success', mentionedIds: [DISTRIBUTOR_TENANT_ID] },
              { activityDateTime: '2026-01-04T10:00:00Z', result: 'failure', mentionedIds: [DISTRIBUTOR_TENANT_ID] },
            ],
          },
        }),
      }),
    );

    expect(item(relationship.evidence, 'auditLog')).toEqual({
      source: 'auditLog',
      level: 'detected',
      partnerSpecific: true,
      status: 'found',
      observedAt: '2026-01-02T10:00:00Z',
      detail: null,
    });
  });

  it('counts an audit entry for some partner as detected, not specific', () => {
    const relationship = deriveRelationship(
      input({
        customer: customerFacts({
          partnerAuditEvents: { status: 'ok', value: [{ activityDateTime: '2026-01-03T10:00:00Z', result: 'success', mentionedIds: [] }] },
        }),
      }),
    );

    expect(item(relationship.evidence, 'auditLog')).toMatchObject({ status: 'found', partnerSpecific: false });
  });

  it('is confirmed only by the partner side: a contract with the customer', () => {
    const relationship = deriveRelationship(
      input({
        partner: {
          contracts: { status: 'ok', value: [{ customerId: TENANT_ID.toUpperCase(), displayName: 'ООО «Василёк»', defaultDomainName: 'vasilek.onmicrosoft.com' }] },
          gdapRelationships: { status: 'ok', value: [] },
        },
      }),
    );

    expect(relationship.level).toBe('confirmed');
    expect(item(relationship.evidence, 'partnerContract')).toMatchObject({ status: 'found', detail: 'ООО «Василёк»' });
  });

  it('is confirmed by an active GDAP relationship, but not by one awaiting approval', () => {
    const gdap = (status: string) =>
      deriveRelationship(
        input({
          partner: {
            contracts: { status: 'ok', value: [] },
            gdapRelationships: {
              status: 'ok',
              value: [{ id: 'rel-1', displayName: 'Vasilek GDAP', status, customerTenantId: TENANT_ID, activatedDateTime: '2026-01-10T11:26:44Z' }],
            },
          },
        }),
      );

    expect(gdap('active').level).toBe('confirmed');
    expect(item(gdap('active').evidence, 'partnerGdapRelationship')).toMatchObject({ observedAt: '2026-01-10T11:26:44Z', detail: 'Vasilek GDAP' });
    expect(gdap('approvalPending').level).toBe('notFound');
  });

  it('never confirms a contract or relationship of another customer', () => {
    const relationship = deriveRelationship(
      input({
        partner: {
          contracts: { status: 'ok', value: [{ customerId: OTHER_PARTNER_TENANT_ID, displayName: null, defaultDomainName: null }] },
          gdapRelationships: {
            status: 'ok',
            value: [{ id: 'rel-2', displayName: null, status: 'active', customerTenantId: OTHER_PARTNER_TENANT_ID, activatedDateTime: null }],
          },
        },
      }),
    );

    expect(relationship.level).toBe('notFound');
  });

  it('keeps each source’s problem, so the tab can say what consent or setup is missing', () => {
    const relationship = deriveRelationship(
      input({
        partner: PARTNER_NOT_CONFIGURED,
        customer: customerFacts({
          partnerAuditEvents: { status: 'needsConsent', permissions: ['AuditLog.Read.All', 'Directory.Read.All'], adminConsentUrl: 'https://login.microsoftonline.com/x/adminconsent?client_id=y' },
          subscriptions: { status: 'unavailable', reason: 'throttled', retryAfterSeconds: 5 },
        }),
      }),
    );

    expect(item(relationship.evidence, 'partnerContract')).toEqual({
      source: 'partnerContract',
      level: 'confirmed',
      partnerSpecific: true,
      status: 'unavailable',
      reason: 'notConfigured',
    });
    expect(item(relationship.evidence, 'auditLog')).toMatchObject({ status: 'needsConsent', permissions: ['AuditLog.Read.All', 'Directory.Read.All'] });
    expect(item(relationship.evidence, 'partnerSubscription')).toMatchObject({ status: 'unavailable', reason: 'throttled', retryAfterSeconds: 5 });
  });
});
