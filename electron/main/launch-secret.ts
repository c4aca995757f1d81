import { randomBytes } from 'node:crypto';

/**
 * A new secret for every launch: the core's loopback port is reachable by any
 * local program, so only requests forwarded by this main process may carry it.
 */
export function newLaunchSecret(): string {
  return randomBytes(32).toString('hex');
}
