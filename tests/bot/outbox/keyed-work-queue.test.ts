import { afterEach, describe, expect, it } from 'vitest';
import { KeyedWorkQueue } from '../../../bot/outbox/keyed-work-queue.js';
import type { KeyedWorkQueueOptions } from '../../../bot/outbox/keyed-work-queue.js';

/** A job that runs until the test releases it, recording when it started. */
interface HeldJob {
  readonly run: () => Promise<void>;
  readonly started: () => boolean;
  release(): void;
  fail(error: Error): void;
}

/** Every held job of the running test, released after it so `stop()` can finish. */
const held: HeldJob[] = [];

function heldJob(log: string[], name: string): HeldJob {
  let started = false;
  let release: () => void = () => {};
  let fail: (error: Error) => void = () => {};
  const done = new Promise<void>((resolve, reject) => {
    release = resolve;
    fail = reject;
  });
  const job: HeldJob = {
    run: () => {
      started = true;
      log.push(name);
      return done;
    },
    started: () => started,
    release: () => release(),
    fail: (error) => fail(error),
  };
  held.push(job);
  return job;
}

/** Lets the queue run what became ready (job completions are promise callbacks). */
const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

const queues: KeyedWorkQueue[] = [];

afterEach(async () => {
  for (const job of held.splice(0)) job.release();
  await Promise.all(queues.splice(0).map((queue) => queue.stop()));
});

function newQueue(options: Partial<KeyedWorkQueueOptions> = {}) {
  const overflows: string[] = [];
  const errors: { key: string; error: unknown }[] = [];
  const queue = new KeyedWorkQueue({
    concurrency: 1,
    maxWaiting: 10,
    onOverflow: (key) => overflows.push(key),
    onError: (error, key) => errors.push({ key, error }),
    ...options,
  });
  queue.start();
  queues.push(queue);
  return { queue, overflows, errors };
}

describe('KeyedWorkQueue', () => {
  it('runs jobs in the order they came, at most `concurrency` at a time', async () => {
    const { queue } = newQueue({ concurrency: 2 });
    const log: string[] = [];
    const jobs = ['a', 'b', 'c', 'd'].map((name) => heldJob(log, name));
    for (const [index, job] of jobs.entries()) queue.enqueue(`key-${index}`, job.run);

    expect(log).toEqual(['a', 'b']);
    jobs[1]?.release();
    await settle();
    expect(log).toEqual(['a', 'b', 'c']);
    jobs[0]?.release();
    await settle();
    expect(log).toEqual(['a', 'b', 'c', 'd']);
  });

  it('keeps one waiting job per key, but takes the key again once its job has started', async () => {
    const { queue } = newQueue();
    const log: string[] = [];
    const blocker = heldJob(log, 'blocker');
    queue.enqueue('blocker', blocker.run);

    const first = heldJob(log, 'first');
    expect(queue.enqueue('order-1', first.run)).toBe(true);
    expect(queue.enqueue('order-1', heldJob(log, 'duplicate').run)).toBe(false);
    blocker.release();
    await settle();
    expect(log).toEqual(['blocker', 'first']);

    // Running, not waiting: new work for the same key may have arrived since it started.
    const again = heldJob(log, 'again');
    expect(queue.enqueue('order-1', again.run)).toBe(true);
    first.release();
    await settle();
    expect(log).toEqual(['blocker', 'first', 'again']);
  });

  it('turns jobs away beyond `maxWaiting` and reports it once per overflow', async () => {
    const { queue, overflows } = newQueue({ maxWaiting: 2 });
    const log: string[] = [];
    const running = heldJob(log, 'running');
    queue.enqueue('running', running.run);
    for (const name of ['w1', 'w2']) expect(queue.enqueue(name, heldJob(log, name).run)).toBe(true);
    expect(queue.room).toBe(0);

    expect(queue.enqueue('x1', heldJob(log, 'x1').run)).toBe(false);
    expect(queue.enqueue('x2', heldJob(log, 'x2').run)).toBe(false);
    expect(overflows).toEqual(['x1']);

    // Room again: the next job is accepted, which ends the overflow; a later one is reported anew.
    running.release();
    await settle();
    expect(queue.room).toBe(1);
    expect(queue.enqueue('y', heldJob(log, 'y').run)).toBe(true);
    expect(queue.enqueue('z', heldJob(log, 'z').run)).toBe(false);
    expect(overflows).toEqual(['x1', 'z']);
    expect(log).toEqual(['running', 'w1']);
  });

  it('keeps at most `maxWaitingFull` jobs in their full form; later ones wait in their lighter form', async () => {
    const { queue } = newQueue({ maxWaitingFull: 2 });
    const ran: string[] = [];
    const log: string[] = [];
    const blocker = heldJob(log, 'blocker');
    queue.enqueue('blocker', blocker.run);
    for (const name of ['a', 'b', 'c', 'd']) {
      queue.enqueue(
        name,
        async () => void ran.push(`${name}:full`),
        async () => void ran.push(`${name}:light`),
      );
    }
    blocker.release();
    await settle();
    expect(ran).toEqual(['a:full', 'b:full', 'c:light', 'd:light']);

    // Once the full ones have started, the allowance is free again.
    queue.enqueue('e', async () => void ran.push('e:full'), async () => void ran.push('e:light'));
    await settle();
    expect(ran.at(-1)).toBe('e:full');
  });

  it('reports a failed job with its key and goes on with the next', async () => {
    const { queue, errors } = newQueue();
    const log: string[] = [];
    const failing = heldJob(log, 'failing');
    const next = heldJob(log, 'next');
    queue.enqueue('bad', failing.run);
    queue.enqueue('good', next.run);

    const cause = new Error('storage down');
    failing.fail(cause);
    await settle();
    expect(errors).toEqual([{ key: 'bad', error: cause }]);
    expect(next.started()).toBe(true);
  });

  it('accepts nothing before start and after stop; stop drops the waiting jobs and waits for the running ones', async () => {
    const { queue } = newQueue();
    const log: string[] = [];
    const running = heldJob(log, 'running');
    const waiting = heldJob(log, 'waiting');
    queue.enqueue('running', running.run);
    queue.enqueue('waiting', waiting.run);

    let stopped = false;
    const stopping = queue.stop().then(() => (stopped = true));
    await settle();
    expect(stopped).toBe(false);
    expect(queue.enqueue('late', heldJob(log, 'late').run)).toBe(false);
    running.release();
    await stopping;
    expect(log).toEqual(['running']);

    const fresh = new KeyedWorkQueue({ concurrency: 1, maxWaiting: 1, onOverflow: () => {}, onError: () => {} });
    expect(fresh.enqueue('early', heldJob(log, 'early').run)).toBe(false);
    expect(log).toEqual(['running']);
  });

  it('refuses a concurrency below 1', () => {
    expect(() => newQueue({ concurrency: 0 })).toThrow('concurrency must be a whole number of at least 1, got 0');
  });
});
