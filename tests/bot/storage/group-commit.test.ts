import { describe, expect, it } from 'vitest';
import { GroupCommit } from '../../../bot/storage/group-commit.js';

/** A write that records each call's items and finishes when the test says so. */
function heldWrites() {
  const calls: { readonly items: readonly string[]; finish: (error?: Error) => void }[] = [];
  const commit = new GroupCommit<string>(
    (items) =>
      new Promise<void>((resolve, reject) => {
        calls.push({ items, finish: (error) => (error ? reject(error) : resolve()) });
      }),
  );
  return { calls, commit };
}

const settled = (promise: Promise<void>) => promise.then(() => 'ok', (error: unknown) => (error instanceof Error ? error.message : 'failed'));

describe('GroupCommit', () => {
  it('sends a lone caller at once, and what arrives meanwhile together in the next write', async () => {
    const { calls, commit } = heldWrites();
    const first = settled(commit.submit(['a']));
    expect(calls.map((call) => call.items)).toEqual([['a']]);

    const second = settled(commit.submit(['b', 'c']));
    const third = settled(commit.submit(['d']));
    expect(calls).toHaveLength(1);
    calls[0]?.finish();
    expect(await first).toBe('ok');
    await Promise.resolve();
    expect(calls.map((call) => call.items)).toEqual([['a'], ['b', 'c', 'd']]);
    calls[1]?.finish();
    expect([await second, await third]).toEqual(['ok', 'ok']);
  });

  it('rejects exactly the callers whose items a failed write carried, and goes on with the rest', async () => {
    const { calls, commit } = heldWrites();
    const first = settled(commit.submit(['a']));
    const second = settled(commit.submit(['b']));
    calls[0]?.finish(new Error('storage is down'));
    expect(await first).toBe('storage is down');
    await Promise.resolve();
    calls[1]?.finish();
    expect(await second).toBe('ok');
    const later = settled(commit.submit(['c']));
    expect(calls.map((call) => call.items)).toEqual([['a'], ['b'], ['c']]);
    calls[2]?.finish();
    expect(await later).toBe('ok');
  });
});
