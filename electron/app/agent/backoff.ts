/**
 * How long an agent waits before trying the hub again: doubling from `firstMs`
 * up to `maxMs`, each wait spread by ±`jitter` so that the branches do not all
 * call at once when the hub comes back.
 */
export interface BackoffPolicy {
  firstMs: number;
  maxMs: number;
  jitter: number;
}

export const defaultBackoff: BackoffPolicy = { firstMs: 1_000, maxMs: 60_000, jitter: 0.2 };

/** The wait before retry number `attempt` (1 = the first retry); `random` in [0, 1). */
export function backoffDelay(attempt: number, policy: BackoffPolicy = defaultBackoff, random: () => number = Math.random): number {
  const base = Math.min(policy.maxMs, policy.firstMs * 2 ** Math.max(0, Math.min(attempt - 1, 30)));
  const spread = base * policy.jitter * (2 * random() - 1);
  return Math.max(0, Math.round(Math.min(policy.maxMs, base + spread)));
}
