import { describe, expect, it } from 'vitest';
import { daysStuck, deriveJourney, journeyOrderOf, parseJourney } from '../../../src/domain/journey/journey.js';
import { storedOrder } from '../../support/order-fixtures.js';
import type { JourneyFacts } from '../../../src/domain/journey/journey.js';

const noGdap = { used: false } as const;
const base: JourneyFacts = { gdap: noGdap, orders: [] };

function stateOf(facts: JourneyFacts): Record<string, string> {
  return Object.fromEntries(deriveJourney(facts).steps.map((step) => [step.id, step.state]));
}

describe('deriveJourney', () => {
  it('starts at "app opened" when nothing is stored', () => {
    const journey = deriveJourney(base);
    expect(journey.current).toBe('appOpened');
    expect(journey.nextAction).toBe('openApp');
    expect(journey.stuckSince).toBeNull();
    expect(journey.evidenceLevel).toBe('notFound');
  });

  it('waits for the invitation after the first contact, stuck since that contact', () => {
    const journey = deriveJourney({ ...base, firstContactAt: '2026-12-01T10:00:00.000Z' });
    expect(journey.steps[0]).toEqual({ id: 'appOpened', state: 'done', at: '2026-12-01T10:00:00.000Z' });
    expect(journey.current).toBe('invitationAccepted');
    expect(journey.nextAction).toBe('acceptInvitation');
    expect(journey.stuckSince).toBe('2026-12-01T10:00:00.000Z');
  });

  it('takes the invitation from stored evidence with its level and time', () => {
    const journey = deriveJourney({
      ...base,
      firstContactAt: '2026-12-01T10:00:00.000Z',
      invitationEvidence: { level: 'detected', at: '2026-12-02T08:00:00.000Z' },
    });
    expect(journey.evidenceLevel).toBe('detected');
    expect(journey.current).toBe('mcaAccepted');
    expect(journey.nextAction).toBe('acceptCustomerAgreement');
    expect(journey.stuckSince).toBe('2026-12-02T08:00:00.000Z');
  });

  it('skips GDAP when it is not used and waits for it when it is', () => {
    const facts = { ...base, firstContactAt: '2026-12-01T10:00:00.000Z', invitationEvidence: { level: 'confirmed' as const, at: '2026-12-01T11:00:00.000Z' }, mcaAcceptedAt: '2026-12-01T12:00:00.000Z' };
    expect(stateOf(facts)['gdapActive']).toBe('skipped');
    expect(deriveJourney(facts).current).toBe('orderSubmitted');
    const withGdap = deriveJourney({ ...facts, gdap: { used: true } });
    expect(withGdap.current).toBe('gdapActive');
    expect(withGdap.nextAction).toBe('approveGdap');
    expect(deriveJourney({ ...facts, gdap: { used: true, activeSince: '2026-12-03T09:00:00.000Z' } }).current).toBe('orderSubmitted');
  });

  it('derives the order steps from the earliest order and status change; an order declares the invitation', () => {
    const journey = deriveJourney({
      ...base,
      firstContactAt: '2026-12-01T10:00:00.000Z',
      mcaAcceptedAt: '2026-12-01T12:00:00.000Z',
      orders: [
        { createdAt: '2026-12-03T10:00:00.000Z', status: 'submitted', organizationName: 'ООО «Ромашка»' },
        { createdAt: '2026-12-02T10:00:00.000Z', status: 'accepted', organizationName: 'ООО «Ромашка»', acceptedAt: '2026-12-02T15:00:00.000Z' },
      ],
    });
    expect(journey.evidenceLevel).toBe('declared');
    expect(journey.steps.find((step) => step.id === 'invitationAccepted')?.at).toBe('2026-12-02T10:00:00.000Z');
    expect(journey.steps.find((step) => step.id === 'orderSubmitted')?.at).toBe('2026-12-02T10:00:00.000Z');
    expect(journey.steps.find((step) => step.id === 'orderAccepted')?.at).toBe('2026-12-02T15:00:00.000Z');
    expect(journey.current).toBe('orderCompleted');
    expect(journey.nextAction).toBe('waitForCompletion');
    expect(journey.stuckSince).toBe('2026-12-02T15:00:00.000Z');
  });

  it('keeps the MCA open (and current) when the customer ordered without it', () => {
    const journey = deriveJourney({
      ...base,
      firstContactAt: '2026-12-01T10:00:00.000Z',
      orders: [{ createdAt: '2026-12-02T10:00:00.000Z', status: 'submitted', organizationName: 'ООО «Ромашка»' }],
    });
    expect(journey.current).toBe('mcaAccepted');
    expect(journey.mcaAccepted).toBe(false);
    expect(journey.stuckSince).toBe('2026-12-02T10:00:00.000Z');
  });

  it('is done when every step is, and counts a tenant from before first contacts as opened at its earliest fact', () => {
    const journey = deriveJourney({
      ...base,
      mcaAcceptedAt: '2026-12-01T12:00:00.000Z',
      orders: [
        {
          createdAt: '2026-11-30T10:00:00.000Z',
          status: 'completed',
          organizationName: 'ООО «Ромашка»',
          acceptedAt: '2026-12-01T10:00:00.000Z',
          completedAt: '2026-12-02T10:00:00.000Z',
        },
      ],
    });
    expect(journey.steps[0]).toEqual({ id: 'appOpened', state: 'done', at: '2026-11-30T10:00:00.000Z' });
    expect(journey.current).toBeNull();
    expect(journey.nextAction).toBeNull();
    expect(journey.stuckSince).toBeNull();
  });

  it('round-trips through its JSON schema', () => {
    const journey = deriveJourney({ ...base, firstContactAt: '2026-12-01T10:00:00.000Z' });
    expect(parseJourney(JSON.parse(JSON.stringify(journey)))).toEqual(journey);
    expect(() => parseJourney({ ...journey, current: 'somewhere' })).toThrow();
  });
});

describe('daysStuck', () => {
  it('counts whole days since the last progress', () => {
    expect(daysStuck({ stuckSince: '2026-12-01T10:00:00.000Z' }, new Date('2026-12-04T09:59:00.000Z'))).toBe(2);
    expect(daysStuck({ stuckSince: '2026-12-01T10:00:00.000Z' }, new Date('2026-12-04T10:00:00.000Z'))).toBe(3);
    expect(daysStuck({ stuckSince: null }, new Date('2026-12-04T10:00:00.000Z'))).toBe(0);
  });
});

describe('journeyOrderOf', () => {
  it('keeps the first acceptance and completion of an order accepted twice', () => {
    const order = storedOrder({
      status: 'completed',
      createdAt: '2026-12-01T08:00:00.000Z',
      history: [
        { status: 'submitted', at: '2026-12-01T08:00:00.000Z', revision: 1 },
        { status: 'accepted', at: '2026-12-01T09:00:00.000Z', revision: 1 },
        { status: 'changesRequested', at: '2026-12-01T10:00:00.000Z', comment: 'Уточните адрес', revision: 1 },
        { status: 'submitted', at: '2026-12-01T11:00:00.000Z', revision: 2 },
        { status: 'accepted', at: '2026-12-01T12:00:00.000Z', revision: 2 },
        { status: 'completed', at: '2026-12-02T08:00:00.000Z', revision: 2 },
      ],
    });
    expect(journeyOrderOf(order)).toEqual({
      createdAt: '2026-12-01T08:00:00.000Z',
      status: 'completed',
      organizationName: order.organization.name,
      acceptedAt: '2026-12-01T09:00:00.000Z',
      completedAt: '2026-12-02T08:00:00.000Z',
    });
  });

  it('has no acceptance for an order only submitted', () => {
    const journeyOrder = journeyOrderOf(storedOrder({ status: 'submitted' }));
    expect(journeyOrder).not.toHaveProperty('acceptedAt');
    expect(journeyOrder).not.toHaveProperty('completedAt');
  });
});
