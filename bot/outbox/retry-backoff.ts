export interface BackoffPolicy {
  /** Delay before the second attempt; it doubles per attempt. */
  readonly baseMs: number;
  /** Upper bound of any delay. */
  readonly maxMs: number;
}

/**
 * Delay after `attempts` failed attempts: exponential, capped, with "equal
 * jitter" (half fixed, half random) so a burst of failures spreads out but
 * never retries almost immediately. `random` returns [0, 1).
 */
export function retryDelayMs(attempts: number, policy: BackoffPolicy, random: () => number = Math.random): number {
  const exponent = Math.min(Math.max(attempts - 1, 0), 30);
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** exponent);
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
