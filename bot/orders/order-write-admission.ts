/**
 * The answer to an order write refused at the cap: nothing was read or
 * stored, and a retry (same submission id) a moment later is expected.
 * One second: a write holds its slot for a few storage round trips.
 */
export type Busy = { readonly kind: 'busy'; readonly retryAfterSeconds: number };

const BUSY: Busy = { kind: 'busy', retryAfterSeconds: 1 };

/**
 * The most order writes (submit, resubmit, status change) this process runs
 * at once (`ORDER_SUBMISSIONS_IN_FLIGHT_MAX`); one more is refused at once,
 * before any storage I/O. Past its peak a server that queues every request
 * makes each of them slow (storage answers requests one after another:
 * a queue of 100 writes is 100 round trips long); refusing the excess keeps
 * the admitted ones fast and tells the rest to retry. Per process, because
 * it protects this process and its storage client; `max` 0 turns it off.
 */
export class OrderWriteAdmission {
  private inFlight = 0;

  constructor(private readonly max: number) {
    if (!Number.isInteger(max) || max < 0) throw new RangeError(`max must be a whole number ≥ 0 (0 = off), got ${max}`);
  }

  /** Writes running now. */
  get running(): number {
    return this.inFlight;
  }

  /** Runs `write` in a slot, or answers `busy` without calling it when every slot is taken; the slot is freed however the write ends. */
  async run<T>(write: () => Promise<T>): Promise<T | Busy> {
    if (this.max > 0 && this.inFlight >= this.max) return BUSY;
    this.inFlight += 1;
    try {
      return await write();
    } finally {
      this.inFlight -= 1;
    }
  }
}
