/**
 * A bounded in-memory work queue: jobs wait under a key, a key waits at most
 * once, at most `concurrency` jobs run at a time, and what does not fit is
 * turned away (the caller has a slower way to pick it up again). Nothing here
 * is durable; the outbox's records are.
 */

export interface KeyedWorkQueueOptions {
  /** Jobs running at once. */
  readonly concurrency: number;
  /** Jobs waiting at once; beyond that `enqueue` turns jobs away. */
  readonly maxWaiting: number;
  /**
   * Waiting jobs kept in their full form (see `enqueue`'s `lighter`); later
   * ones wait in their lighter form. Defaults to `maxWaiting`.
   */
  readonly maxWaitingFull?: number;
  /** Told once when a job is turned away, and again only after a job was accepted since. */
  readonly onOverflow: (key: string) => void;
  /** A job's failure; the queue goes on with the next one. */
  readonly onError: (error: unknown, key: string) => void;
}

export type Job = () => Promise<void>;

interface Waiting {
  readonly key: string;
  readonly run: Job;
  readonly full: boolean;
}

export class KeyedWorkQueue {
  private readonly maxWaitingFull: number;
  private accepting = false;
  private readonly waiting: Waiting[] = [];
  private readonly waitingKeys = new Set<string>();
  private waitingFull = 0;
  private readonly running = new Set<Promise<void>>();
  /** Whether the last job offered was turned away, so an overflow is reported once, not per job. */
  private overflowing = false;

  constructor(private readonly options: KeyedWorkQueueOptions) {
    if (!Number.isInteger(options.concurrency) || options.concurrency < 1) {
      throw new RangeError(`concurrency must be a whole number of at least 1, got ${options.concurrency}`);
    }
    if (!Number.isInteger(options.maxWaiting) || options.maxWaiting < 0) {
      throw new RangeError(`maxWaiting must be a whole number of at least 0, got ${options.maxWaiting}`);
    }
    this.maxWaitingFull = options.maxWaitingFull ?? options.maxWaiting;
  }

  /** How many more jobs would be accepted now. */
  get room(): number {
    return this.options.maxWaiting - this.waiting.length;
  }

  /** Starts accepting and running jobs. */
  start(): void {
    this.accepting = true;
  }

  /** Drops the waiting jobs, accepts no more, and waits for the running ones. */
  async stop(): Promise<void> {
    this.accepting = false;
    this.waiting.length = 0;
    this.waitingKeys.clear();
    this.waitingFull = 0;
    await Promise.allSettled([...this.running]);
  }

  /**
   * Queues `run` under `key`, unless the queue is stopped or full or a job
   * with that key is already waiting (a running one does not count: new work
   * may have arrived since it started). A job that holds much memory can
   * offer a `lighter` form that fetches what it needs when its turn comes;
   * it is kept instead once `maxWaitingFull` full jobs wait.
   * Answers whether the job was queued.
   */
  enqueue(key: string, run: Job, lighter?: Job): boolean {
    if (!this.accepting || this.waitingKeys.has(key)) return false;
    if (this.waiting.length >= this.options.maxWaiting) {
      if (!this.overflowing) {
        this.overflowing = true;
        this.options.onOverflow(key);
      }
      return false;
    }
    this.overflowing = false;
    const full = lighter === undefined || this.waitingFull < this.maxWaitingFull;
    this.waiting.push({ key, run: full ? run : lighter, full: full && lighter !== undefined });
    this.waitingKeys.add(key);
    if (full && lighter !== undefined) this.waitingFull++;
    this.pump();
    return true;
  }

  private pump(): void {
    while (this.accepting && this.running.size < this.options.concurrency) {
      const job = this.waiting.shift();
      if (!job) return;
      this.waitingKeys.delete(job.key);
      if (job.full) this.waitingFull--;
      const running: Promise<void> = job
        .run()
        .catch((error: unknown) => this.options.onError(error, job.key))
        .finally(() => {
          this.running.delete(running);
          this.pump();
        });
      this.running.add(running);
    }
  }
}
