import { describe, expect, it } from 'vitest';
import { daysStuck, deriveJourney, parseJourney } from '../../../src/domain/journey/journey.js';
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
        { createdAt: '2026-12-03T10:00:00.000Z', history: [{ status: 'submitted', at: '2026-12-03T10:00:00.000Z' }] },
        {
          createdAt: '2026-12-02T10:00:00.000Z',
          history: [
            { status: 'submitted', at: '2026-12-02T10:00:00.000Z' },
            { status: 'accepted', at: '2026-12-02T15:00:00.000Z' },
          ],
        },
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
      orders: [{ createdAt: '2026-12-02T10:00:00.000Z', history: [{ status: 'submitted', at: '2026-12-02T10:00:00.000Z' }] }],
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
          history: [
            { status: 'submitted', at: '2026-11-30T10:00:00.000Z' },
            { status: 'accepted', at: '2026-12-01T10:00:00.000Z' },
            { status: 'completed', at: '2026-12-02T10:00:00.000Z' },
          ],
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
