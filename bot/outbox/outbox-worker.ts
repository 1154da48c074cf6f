import type { StoredOrder } from '../../src/domain/order/order.js';
import { PermanentDeliveryError } from '../delivery/delivery-channel.js';
import type { DeliveryChannel, OutboxChannelName } from '../delivery/delivery-channel.js';
import { deliveryKeyOf } from '../storage/delivery-entity.js';
import type { DeliveryRecord, DeliveryState } from '../storage/delivery-entity.js';
import type { DeliveryStore } from '../storage/delivery-store.js';
import type { Logger } from '../logger.js';
import { KeyedWorkQueue } from './keyed-work-queue.js';
import { retryDelayMs } from './retry-backoff.js';
import type { BackoffPolicy } from './retry-backoff.js';

/** Where the worker reads the order a record delivers (the order repository). */
export interface OrderSource {
  get(tenantId: string, orderId: string): Promise<StoredOrder | undefined>;
}

export interface OutboxWorkerOptions {
  readonly store: DeliveryStore;
  readonly orders: OrderSource;
  /** The configured channels; a record naming another channel fails. */
  readonly channels: readonly DeliveryChannel<OutboxChannelName>[];
  readonly logger: Logger;
  /** How often to look for due records across all tenants (default 10 s). */
  readonly sweepIntervalMs?: number;
  /**
   * How long a claimed record belongs to this worker (default 60 s). An
   * attempt's send is aborted after half of it and counts as failed, so a
   * hung channel can neither hold a record forever nor outlive its lease.
   */
  readonly leaseMs?: number;
  /** Retry delays (default 2 s doubling up to 10 min, with jitter). */
  readonly backoff?: BackoffPolicy;
  /** Attempts before a record is `failed` (default 12, about 1.5 h of retries). */
  readonly maxAttempts?: number;
  /** Deliveries in flight at once (default 8; the server passes `OUTBOX_CONCURRENCY`). */
  readonly concurrency?: number;
  /** Waiting jobs kept in memory (default 10 000); beyond that, sweeps pick the work up later. */
  readonly maxQueued?: number;
  /**
   * Waiting jobs that keep their order in memory (default 1 000), which bounds
   * what a burst costs in memory; later ones keep only their small delivery
   * records and read the order when their turn comes.
   */
  readonly maxQueuedOrders?: number;
  readonly clock?: () => Date;
  /** [0, 1), for the backoff jitter. */
  readonly random?: () => number;
  /**
   * Other background work that rides on the sweep's schedule (e.g. GDAP
   * status), each run after a sweep at most once per `everyMs`; the first
   * right after the first sweep, so a restart resumes what a crash left.
   */
  readonly periodic?: readonly PeriodicTask[];
}

export interface PeriodicTask {
  readonly name: string;
  readonly everyMs: number;
  run(): Promise<void>;
}

interface AttemptOptions {
  /**
   * The record was just stored by this process and no sweep touches it
   * before its first `nextAttemptAt`, so no claim write is needed.
   */
  readonly owned: boolean;
  readonly order?: StoredOrder;
}

type RecordChanges = Partial<Omit<DeliveryRecord, 'etag' | 'tenantId' | 'orderId' | 'revision' | 'channel' | 'notice'>> & {
  readonly state: DeliveryState;
};

/**
 * Delivers outbox records to their channels: right after a commit
 * (`dispatch`, `notify`) and by periodic sweeps, which is what carries
 * deliveries across restarts and crashes. A record is claimed with an
 * ETag-conditioned write (a lease), so two workers never send it at once.
 * Jobs wait in a bounded in-memory KeyedWorkQueue; this class is the state
 * machine of a record: claim, attempt (aborted when its time is up), then
 * delivered, failed, or pending again with backoff.
 *
 * At-least-once at the edge: a crash between a successful send and the
 * "delivered" write makes the next lease holder send it again. Everything
 * before the send (stored, claimed, crashed) delivers exactly once.
 */
export class OutboxWorker {
  private readonly channels: ReadonlyMap<string, DeliveryChannel<OutboxChannelName>>;
  private readonly sweepIntervalMs: number;
  private readonly leaseMs: number;
  private readonly attemptTimeoutMs: number;
  private readonly backoff: BackoffPolicy;
  private readonly maxAttempts: number;
  private readonly concurrency: number;
  private readonly maxQueued: number;
  private readonly clock: () => Date;
  private readonly random: () => number;

  private running = false;
  private readonly queue: KeyedWorkQueue;
  /** Records being attempted in this process, so a sweep and a notify never overlap. */
  private readonly inFlight = new Set<string>();
  private readonly retryTimers = new Set<NodeJS.Timeout>();
  private sweepTimer: NodeJS.Timeout | undefined;
  /** When each periodic task last started (clock ms). */
  private readonly periodicRuns = new Map<string, number>();
  private sweeping: Promise<void> | undefined;

  constructor(private readonly options: OutboxWorkerOptions) {
    this.channels = new Map(options.channels.map((channel) => [channel.name, channel]));
    this.sweepIntervalMs = options.sweepIntervalMs ?? 10_000;
    this.leaseMs = options.leaseMs ?? 60_000;
    this.attemptTimeoutMs = Math.floor(this.leaseMs / 2);
    this.backoff = options.backoff ?? { baseMs: 2_000, maxMs: 600_000 };
    this.maxAttempts = options.maxAttempts ?? 12;
    this.concurrency = options.concurrency ?? 8;
    this.maxQueued = options.maxQueued ?? 10_000;
    this.clock = options.clock ?? (() => new Date());
    this.random = options.random ?? Math.random;
    this.queue = new KeyedWorkQueue({
      concurrency: this.concurrency,
      maxWaiting: this.maxQueued,
      maxWaitingFull: options.maxQueuedOrders ?? 1_000,
      onOverflow: (key) =>
        options.logger.warn({ job: key, maxQueued: this.maxQueued }, 'outbox queue full; sweeps pick up what does not fit'),
      onError: (error, key) => options.logger.error({ err: error, job: key }, 'outbox job failed'),
    });
  }

  /** Starts sweeping (the first sweep runs at once). */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.queue.start();
    this.scheduleSweep(0);
  }

  /** Stops taking work and waits for the attempts in flight; queued work is left to later sweeps. */
  async stop(): Promise<void> {
    this.running = false;
    clearTimeout(this.sweepTimer);
    for (const timer of this.retryTimers) clearTimeout(timer);
    this.retryTimers.clear();
    const draining = this.queue.stop();
    await this.sweeping;
    await draining;
  }

  /**
   * Attempts the records a commit just stored, with the ETags the commit
   * answered: no read and no claim on the hot path. Ignored when stopped.
   */
  dispatch(order: StoredOrder, records: readonly DeliveryRecord[]): void {
    if (records.length === 0) return;
    // Beyond `maxQueuedOrders` waiting jobs, one keeps only its records and reads the order when its turn comes.
    // Named by the commit's first record: a status change's notice is its own job, not a repeat of its revision's.
    this.queue.enqueue(
      `commit:${order.tenantId}/${deliveryKeyOf(records[0] ?? { orderId: order.id, revision: order.revision, channel: '' })}`,
      () => this.attemptAll(records, { owned: true, order }),
      () => this.attemptAll(records, { owned: true }),
    );
  }

  /** Attempts now every undelivered record of an order (claiming each first). */
  notify(tenantId: string, orderId: string): void {
    this.queue.enqueue(`notify:${tenantId}/${orderId}`, async () => {
      const now = this.clock();
      const records = await this.options.store.listForOrder(tenantId, orderId);
      const open = records.filter(
        (record) =>
          record.state === 'pending' ||
          (record.state === 'delivering' && (record.leaseUntil?.getTime() ?? 0) <= now.getTime()),
      );
      await this.attemptAll(open, { owned: false });
    });
  }

  /**
   * Makes every waiting or given-up record of a channel due now, with a fresh
   * attempt budget: for when the channel's cause of failure was fixed (the
   * Teams inbox was claimed after orders had been waiting for it).
   */
  retryChannel(channel: string): void {
    this.queue.enqueue(`retry:${channel}`, async () => {
      const now = this.clock();
      const undelivered = await this.options.store.findUndelivered(channel, this.maxQueued);
      for (const record of undelivered) {
        const { etag: _etag, leaseUntil: _lease, ...rest } = record;
        const due = await this.options.store.replace(record, { ...rest, state: 'pending', attempts: 0, nextAttemptAt: now });
        if (due) this.enqueueRecord(due);
      }
      this.options.logger.info({ channel, records: undelivered.length }, 'deliveries retried');
    });
  }

  private scheduleSweep(delayMs: number): void {
    if (!this.running) return;
    this.sweepTimer = setTimeout(() => {
      let backlog = false;
      this.sweeping = this.sweep()
        .then((more) => {
          backlog = more;
        })
        .catch((error: unknown) => this.options.logger.error({ err: error }, 'outbox sweep failed'))
        .then(() => this.runPeriodic())
        .finally(() => {
          this.sweeping = undefined;
          // A full page means more is due: look again soon rather than a whole interval later.
          this.scheduleSweep(backlog ? Math.min(BACKLOG_SWEEP_DELAY_MS, this.sweepIntervalMs) : this.sweepIntervalMs);
        });
    }, delayMs);
    // A background worker alone must not keep the process alive.
    this.sweepTimer.unref();
  }

  /** The periodic tasks that are due, one after another; a failure is logged and the task runs again next time. */
  private async runPeriodic(): Promise<void> {
    for (const task of this.options.periodic ?? []) {
      const now = this.clock().getTime();
      const last = this.periodicRuns.get(task.name);
      if (last !== undefined && now - last < task.everyMs) continue;
      this.periodicRuns.set(task.name, now);
      try {
        await task.run();
      } catch (error) {
        this.options.logger.error({ err: error, task: task.name }, 'periodic task failed');
      }
    }
  }

  /** Queues what is due; true when there may be more (the page was full, or the queue was). */
  private async sweep(): Promise<boolean> {
    const room = this.queue.room;
    if (!this.running) return false;
    if (room <= 0) return true;
    const limit = Math.min(room, this.concurrency * 16);
    const { due, full } = await this.options.store.findDue(this.clock(), limit);
    for (const record of due) this.enqueueRecord(record);
    return full;
  }

  private enqueueRecord(record: DeliveryRecord): void {
    this.queue.enqueue(`record:${recordKey(record)}`, () => this.attempt(record, { owned: false }));
  }

  private async attemptAll(records: readonly DeliveryRecord[], options: AttemptOptions): Promise<void> {
    // One job per order; its channels are independent, so they run side by side.
    await Promise.all(records.map((record) => this.attempt(record, options)));
  }

  private async attempt(record: DeliveryRecord, options: AttemptOptions): Promise<void> {
    const key = recordKey(record);
    if (this.inFlight.has(key)) return;
    this.inFlight.add(key);
    try {
      await this.attemptOnce(record, options);
    } catch (error) {
      // Storage trouble: the record keeps its state and a later sweep retries it.
      this.options.logger.error({ ...describe(record), err: error }, 'delivery attempt interrupted');
    } finally {
      this.inFlight.delete(key);
    }
  }

  private async attemptOnce(record: DeliveryRecord, options: AttemptOptions): Promise<void> {
    const channel = this.channels.get(record.channel);
    if (!channel) {
      await this.finish(record, {
        state: 'failed',
        lastError: `channel "${record.channel}" is not configured any more`,
      });
      return;
    }
    if (record.attempts >= this.maxAttempts) {
      // Its last worker died mid-attempt after the final allowed claim.
      await this.finish(record, {
        state: 'failed',
        lastError: record.lastError ?? `the last of ${record.attempts} attempts did not finish`,
      });
      return;
    }

    let current = record;
    // The first-attempt grace must outlast this attempt, or a sweep elsewhere
    // could start the same delivery; a job that waited too long claims instead.
    const owned =
      options.owned && this.clock().getTime() + this.attemptTimeoutMs < current.nextAttemptAt.getTime();
    if (!owned) {
      const now = this.clock();
      const claimed = await this.options.store.replace(current, {
        ...current,
        state: 'delivering',
        attempts: current.attempts + 1,
        leaseUntil: new Date(now.getTime() + this.leaseMs),
      });
      if (!claimed) return; // another worker has it
      current = claimed;
      this.options.logger.info(describe(current), 'delivery claimed');
    }
    const attempts = owned ? current.attempts + 1 : current.attempts;

    const order = options.order ?? (await this.options.orders.get(current.tenantId, current.orderId));
    if (!order) {
      await this.finish(current, { state: 'failed', attempts, lastError: 'the order does not exist' });
      return;
    }
    if (order.revision > current.revision) {
      await this.finish(current, {
        state: 'superseded',
        attempts,
        lastError: `revision ${order.revision} was submitted before this one was delivered`,
      });
      return;
    }

    try {
      await this.deliverWithTimeout(channel, plainOrder(order), current);
    } catch (error) {
      await this.failAttempt(current, attempts, error);
      return;
    }
    const delivered = await this.finish(current, { state: 'delivered', attempts, deliveredAt: this.clock() });
    if (!delivered) {
      this.options.logger.warn(
        describe(current),
        'delivered, but the record was taken over meanwhile: the channel may receive it twice',
      );
    }
  }

  private async failAttempt(record: DeliveryRecord, attempts: number, error: unknown): Promise<void> {
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof PermanentDeliveryError) {
      await this.finish(record, { state: 'failed', attempts, lastError: message });
      return;
    }
    if (attempts >= this.maxAttempts) {
      await this.finish(record, { state: 'failed', attempts, lastError: `gave up after ${attempts} attempts: ${message}` });
      return;
    }
    const delayMs = retryDelayMs(attempts, this.backoff, this.random);
    const nextAttemptAt = new Date(this.clock().getTime() + delayMs);
    const pending = await this.finish(record, { state: 'pending', attempts, lastError: message, nextAttemptAt });
    // Sweeps would find it too; a short delay deserves a precise retry.
    if (pending && delayMs < this.sweepIntervalMs) this.retryLater(pending, delayMs);
  }

  private retryLater(record: DeliveryRecord, delayMs: number): void {
    if (!this.running) return;
    const timer = setTimeout(() => {
      this.retryTimers.delete(timer);
      this.enqueueRecord(record);
    }, delayMs);
    timer.unref();
    this.retryTimers.add(timer);
  }

  /** Writes the outcome if the record is still ours; logs the state change. */
  private async finish(record: DeliveryRecord, changes: RecordChanges): Promise<DeliveryRecord | undefined> {
    // A finished attempt holds no lease; an error only stays if `changes` carries one.
    const written = await this.options.store.replace(record, {
      ...record,
      leaseUntil: undefined,
      lastError: undefined,
      ...changes,
    });
    if (!written) {
      this.options.logger.warn(describe(record), `delivery record changed elsewhere; not marked ${changes.state}`);
      return undefined;
    }
    const fields = describe(written);
    if (written.state === 'failed') this.options.logger.error(fields, 'delivery failed');
    else if (written.state === 'pending') this.options.logger.warn(fields, 'delivery attempt failed; will retry');
    else this.options.logger.info(fields, `delivery ${written.state}`);
    return written;
  }

  /**
   * Runs one send with a deadline. At the deadline the channel's signal aborts,
   * which cancels its request and closes its connection; the attempt fails
   * at once even if a channel were slow to notice.
   */
  private async deliverWithTimeout(channel: DeliveryChannel<OutboxChannelName>, order: StoredOrder, record: DeliveryRecord): Promise<void> {
    const timeoutMs = this.attemptTimeoutMs;
    const controller = new AbortController();
    // Listening before the channel does makes this reason the attempt's error, whatever the channel throws.
    const timedOut = new Promise<never>((_, reject) => {
      controller.signal.addEventListener('abort', () => reject(controller.signal.reason), { once: true });
    });
    const timer = setTimeout(() => controller.abort(new DeliveryTimeoutError(timeoutMs)), timeoutMs);
    try {
      await Promise.race([channel.deliver(order, controller.signal, record), timedOut]);
    } finally {
      clearTimeout(timer);
    }
  }
}

/** The channel did not finish within the attempt's time; its send was aborted. */
class DeliveryTimeoutError extends Error {
  override readonly name = 'DeliveryTimeoutError';
  constructor(readonly timeoutMs: number) {
    super(`channel did not answer within ${timeoutMs} ms; the attempt was aborted`);
  }
}

/** How soon to sweep again after a sweep that found more due than it could take. */
const BACKLOG_SWEEP_DELAY_MS = 1_000;

function recordKey(record: DeliveryRecord): string {
  return `${record.tenantId}/${deliveryKeyOf(record)}`;
}

function describe(record: DeliveryRecord): Record<string, unknown> {
  return {
    tenantId: record.tenantId,
    orderId: record.orderId,
    revision: record.revision,
    channel: record.channel,
    ...(record.notice !== undefined && { step: record.notice.step }),
    state: record.state,
    attempts: record.attempts,
    ...(record.lastError !== undefined && { lastError: record.lastError }),
    ...(record.state === 'pending' && { nextAttemptAt: record.nextAttemptAt.toISOString() }),
  };
}

/** Channels get the order itself, not what the API adds to it (e.g. `deliveries`). */
function plainOrder(order: StoredOrder): StoredOrder {
  const plain: StoredOrder & { deliveries?: unknown } = { ...order };
  delete plain.deliveries;
  return plain;
}
