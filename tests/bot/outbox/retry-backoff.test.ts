import { describe, expect, it } from 'vitest';
import { retryDelayMs } from '../../../bot/outbox/retry-backoff.js';

const policy = { baseMs: 2_000, maxMs: 600_000 };

describe('retryDelayMs', () => {
  it('doubles per attempt, between half and all of the exponential delay', () => {
    expect(retryDelayMs(1, policy, () => 0)).toBe(1_000);
    expect(retryDelayMs(1, policy, () => 0.999_999)).toBe(2_000);
    expect(retryDelayMs(2, policy, () => 0)).toBe(2_000);
    expect(retryDelayMs(3, policy, () => 0.5)).toBe(6_000);
  });

  it('never exceeds the maximum, even after very many attempts', () => {
    expect(retryDelayMs(9, policy, () => 0.999_999)).toBe(512_000);
    expect(retryDelayMs(10, policy, () => 0.999_999)).toBe(600_000);
    expect(retryDelayMs(10_000, policy, () => 0)).toBe(300_000);
  });

  it('spreads retries with jitter', () => {
    const delays = new Set(Array.from({ length: 50 }, () => retryDelayMs(5, policy)));
    expect(delays.size).toBeGreaterThan(1);
    for (const delay of delays) {
      expect(delay).toBeGreaterThanOrEqual(16_000);
      expect(delay).toBeLessThanOrEqual(32_000);
    }
  });
});
