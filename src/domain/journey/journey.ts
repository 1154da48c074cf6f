import { z } from 'zod';
import type { OrderStatus, StoredOrder } from '../order/order.js';
import { relationshipLevelSchema } from '../tenant/tenant-response.js';

/**
 * One customer's onboarding journey, derived from stored facts each time it
 * is asked for (never kept as a second copy): the first contact, the
 * relationship evidence, the Microsoft Customer Agreement, GDAP and the
 * orders. Pure: the caller passes the facts and the time.
 */

export const JOURNEY_STEPS = [
  'appOpened',
  'invitationAccepted',
  'mcaAccepted',
  'gdapActive',
  'orderSubmitted',
  'orderAccepted',
  'orderCompleted',
] as const;
export const journeyStepIdSchema = z.enum(JOURNEY_STEPS);
export type JourneyStepId = z.infer<typeof journeyStepIdSchema>;

/** Evidence the invitation was accepted; `declared` when only an order says so. */
export type InvitationEvidenceLevel = 'confirmed' | 'detected' | 'declared';

/** What is stored about a tenant, as the journey needs it. Times are ISO strings. */
export interface JourneyFacts {
  /** When the tab or the chat first reached the server for this tenant. */
  readonly firstContactAt?: string | undefined;
  /** The first time the relationship was seen at a level stronger than `declared` (tenant facts), with that level. */
  readonly invitationEvidence?: { readonly level: 'confirmed' | 'detected'; readonly at: string } | undefined;
  /** The current MCA acceptance's time. */
  readonly mcaAcceptedAt?: string | undefined;
  /** `used`: the distributor asks for GDAP (a GDAP approval link is configured). */
  readonly gdap: { readonly used: false } | { readonly used: true; readonly activeSince?: string | undefined };
  /** The orders read for the journey (the tenant's newest ones, bounded by the caller). */
  readonly orders: readonly JourneyOrder[];
}

/**
 * The parts of an order the journey reads: small enough to keep beside the
 * order's newest-first index row, so a refresh reads one range of rows
 * instead of each order (bot/storage/order-entity.ts).
 */
export interface JourneyOrder {
  readonly createdAt: string;
  readonly status: OrderStatus;
  readonly organizationName: string;
  /** The first time the order was accepted, if it ever was. */
  readonly acceptedAt?: string | undefined;
  /** The first time it was completed, if it ever was. */
  readonly completedAt?: string | undefined;
}

export function journeyOrderOf(order: Pick<StoredOrder, 'createdAt' | 'status' | 'organization' | 'history'>): JourneyOrder {
  const firstAt = (status: OrderStatus): string | undefined =>
    earliest(order.history.filter((change) => change.status === status).map((change) => change.at));
  const acceptedAt = firstAt('accepted');
  const completedAt = firstAt('completed');
  return {
    createdAt: order.createdAt,
    status: order.status,
    organizationName: order.organization.name,
    ...(acceptedAt === undefined ? {} : { acceptedAt }),
    ...(completedAt === undefined ? {} : { completedAt }),
  };
}

export const journeyStepStateSchema = z.enum(['done', 'open', 'skipped']);

export const journeyStepSchema = z.object({
  id: journeyStepIdSchema,
  state: journeyStepStateSchema,
  /** When it was done (ISO), for `done` steps. */
  at: z.string().optional(),
});
export type JourneyStep = z.infer<typeof journeyStepSchema>;

/** Who acts next on the current step. */
export const nextActionSchema = z.enum([
  'openApp',
  'acceptInvitation',
  'acceptCustomerAgreement',
  'approveGdap',
  'submitOrder',
  'waitForAcceptance',
  'waitForCompletion',
]);
export type NextAction = z.infer<typeof nextActionSchema>;

export const journeySchema = z.object({
  steps: z.array(journeyStepSchema),
  /** The first step not done; null when every step is done. */
  current: journeyStepIdSchema.nullable(),
  nextAction: nextActionSchema.nullable(),
  /** The time of the latest progress while a step is open (ISO); null when done or nothing happened yet. */
  stuckSince: z.string().nullable(),
  evidenceLevel: relationshipLevelSchema,
  mcaAccepted: z.boolean(),
});
export type Journey = z.infer<typeof journeySchema>;

/** Parses an untrusted `GET /api/tenant/journey` body; throws a ZodError when it does not match. */
export function parseJourney(body: unknown): Journey {
  return journeySchema.parse(body);
}

const NEXT_ACTION: Readonly<Record<JourneyStepId, NextAction>> = {
  appOpened: 'openApp',
  invitationAccepted: 'acceptInvitation',
  mcaAccepted: 'acceptCustomerAgreement',
  gdapActive: 'approveGdap',
  orderSubmitted: 'submitOrder',
  orderAccepted: 'waitForAcceptance',
  orderCompleted: 'waitForCompletion',
};

/** The steps the customer does (a reminder can help); accepting and completing are the distributor's. */
export const CUSTOMER_STEPS: ReadonlySet<JourneyStepId> = new Set(['invitationAccepted', 'mcaAccepted', 'gdapActive', 'orderSubmitted']);

export function deriveJourney(facts: JourneyFacts): Journey {
  const orderTimes = firstOrderTimes(facts.orders);
  // Every order says the invitation was accepted (the order contract requires it).
  const invitation =
    facts.invitationEvidence ?? (orderTimes.submitted === undefined ? undefined : { level: 'declared' as const, at: orderTimes.submitted });
  const known = [invitation?.at, facts.mcaAcceptedAt, facts.gdap.used ? facts.gdap.activeSince : undefined, orderTimes.submitted];
  // Tenants that used the app before first contacts were recorded still opened it: at their earliest other fact.
  const opened = facts.firstContactAt ?? earliest(known);

  const doneAt: Readonly<Record<JourneyStepId, string | undefined>> = {
    appOpened: opened,
    invitationAccepted: invitation?.at,
    mcaAccepted: facts.mcaAcceptedAt,
    gdapActive: facts.gdap.used ? facts.gdap.activeSince : undefined,
    orderSubmitted: orderTimes.submitted,
    orderAccepted: orderTimes.accepted,
    orderCompleted: orderTimes.completed,
  };
  const steps: JourneyStep[] = JOURNEY_STEPS.map((id) => {
    if (id === 'gdapActive' && !facts.gdap.used) return { id, state: 'skipped' };
    const at = doneAt[id];
    return at === undefined ? { id, state: 'open' } : { id, state: 'done', at };
  });
  const current = steps.find((step) => step.state === 'open')?.id ?? null;
  const progress = latest(steps.map((step) => step.at));
  return {
    steps,
    current,
    nextAction: current === null ? null : NEXT_ACTION[current],
    stuckSince: current === null ? null : (progress ?? null),
    evidenceLevel: invitation?.level ?? 'notFound',
    mcaAccepted: facts.mcaAcceptedAt !== undefined,
  };
}

/** Whole days the customer has been at the current step (0 when not stuck or done). */
export function daysStuck(journey: Pick<Journey, 'stuckSince'>, now: Date): number {
  if (journey.stuckSince === null) return 0;
  const ms = now.getTime() - Date.parse(journey.stuckSince);
  return ms > 0 ? Math.floor(ms / DAY_MS) : 0;
}

export const DAY_MS = 24 * 60 * 60 * 1000;

function firstOrderTimes(orders: readonly JourneyOrder[]): { submitted?: string; accepted?: string; completed?: string } {
  const submitted = earliest(orders.map((order) => order.createdAt));
  const accepted = earliest(orders.map((order) => order.acceptedAt));
  const completed = earliest(orders.map((order) => order.completedAt));
  return {
    ...(submitted === undefined ? {} : { submitted }),
    ...(accepted === undefined ? {} : { accepted }),
    ...(completed === undefined ? {} : { completed }),
  };
}

function earliest(times: readonly (string | undefined)[]): string | undefined {
  return pickTime(times, (a, b) => a < b);
}

function latest(times: readonly (string | undefined)[]): string | undefined {
  return pickTime(times, (a, b) => a > b);
}

function pickTime(times: readonly (string | undefined)[], better: (a: number, b: number) => boolean): string | undefined {
  let best: string | undefined;
  for (const time of times) {
    if (time === undefined || Number.isNaN(Date.parse(time))) continue;
    if (best === undefined || better(Date.parse(time), Date.parse(best))) best = time;
  }
  return best;
}
