import type { Server } from 'restify';
import { DAY_MS, daysStuck } from '../../src/domain/journey/journey.js';
import { STUCK_DAYS_MAX } from '../../src/domain/journey/customer-list.js';
import type { CustomerList } from '../../src/domain/journey/customer-list.js';
import type { CustomerJourneys } from '../journey/customer-journeys.js';
import type { Logger } from '../logger.js';
import { InvalidCursorError } from '../storage/journey-store.js';
import type { JourneyStore } from '../storage/journey-store.js';
import { apiError } from './api-error.js';
import { authenticated } from './authenticated.js';
import type { CallerResolver } from './caller.js';
import type { StaffCallerResolver } from './staff-caller.js';

export interface JourneyRoutesDependencies {
  readonly journeys: Pick<CustomerJourneys, 'contact' | 'refresh'>;
  readonly store: Pick<JourneyStore, 'listCustomers'>;
  readonly resolveCaller: CallerResolver;
  readonly resolveStaff: StaffCallerResolver;
  readonly logger: Logger;
  readonly clock: () => Date;
}

/** Customers per page of `GET /api/distributor/customers`. */
export const CUSTOMERS_PAGE_SIZE = 50;

/**
 * `GET /api/tenant/journey`: the caller's tenant's checklist (and the tab's
 * visit counts as the first contact). `GET /api/distributor/customers`: the
 * staff's customer list, longest stuck first, one key range per page
 * (README, 'HTTP contract').
 */
export function registerJourneyRoutes(server: Server, deps: JourneyRoutesDependencies): void {
  server.get('/api/tenant/journey', authenticated(deps, async (_req, res, caller) => {
    await deps.journeys.contact(caller.tenantId, 'tab');
    const { journey } = await deps.journeys.refresh(caller.tenantId);
    res.json(200, journey);
  }));

  server.get('/api/distributor/customers', authenticated({ resolveCaller: deps.resolveStaff, logger: deps.logger }, async (req, res) => {
    const stuckDays = parseStuckDays(req.query?.['stuckDays']);
    if (stuckDays === 'invalid') {
      res.json(400, apiError('invalid_stuck_days', `stuckDays must be a whole number from 0 to ${STUCK_DAYS_MAX}`, 'stuckDays'));
      return;
    }
    const cursor = req.query?.['cursor'];
    if (cursor !== undefined && typeof cursor !== 'string') {
      res.json(400, apiError('invalid_cursor', 'cursor must be given once', 'cursor'));
      return;
    }
    const now = deps.clock();
    let page;
    try {
      page = await deps.store.listCustomers({
        stuckBefore: stuckDays === undefined ? undefined : new Date(now.getTime() - stuckDays * DAY_MS),
        cursor,
        limit: CUSTOMERS_PAGE_SIZE,
      });
    } catch (error) {
      if (!(error instanceof InvalidCursorError)) throw error;
      res.json(400, apiError('invalid_cursor', error.message, 'cursor'));
      return;
    }
    const body: CustomerList = {
      customers: page.customers.map((customer) => ({
        tenantId: customer.tenantId,
        organizationName: customer.organizationName,
        current: customer.current,
        stuckSince: customer.stuckSince,
        daysStuck: customer.current === null ? 0 : daysStuck(customer, now),
        evidenceLevel: customer.evidenceLevel,
        mcaAccepted: customer.mcaAccepted,
        firstContactAt: customer.firstContactAt,
        waitingOrders: customer.waitingOrders,
      })),
      nextCursor: page.nextCursor ?? null,
    };
    res.json(200, body);
  }));
}

function parseStuckDays(raw: unknown): number | undefined | 'invalid' {
  if (raw === undefined || raw === '') return undefined;
  if (typeof raw !== 'string' || !/^\d{1,4}$/.test(raw)) return 'invalid';
  const days = Number(raw);
  return days <= STUCK_DAYS_MAX ? days : 'invalid';
}
