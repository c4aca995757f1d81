import type { DisposeOutcome } from '../../../shared/api/related.js';
import type { CaseState, Retention } from '../../../shared/domain/approval/index.js';

/** What deciding a disposal needs to know of a case. */
export interface DisposalCandidate {
  state: CaseState;
  retention: Retention;
  /** The last day of the retention period (YYYY-MM-DD); null until decided, and for permanent records. */
  disposalOn: string | null;
  disposedAt: string | null;
}

const DECIDED: ReadonlySet<CaseState> = new Set(['approved', 'enforced']);

/**
 * Whether a case may be disposed of today (Tokyo, YYYY-MM-DD), and if not, why.
 * The retention period runs through its last day, so disposal starts the day
 * after; permanent records (永年) never are.
 */
export function disposalOutcome(c: DisposalCandidate | undefined, today: string): DisposeOutcome {
  if (!c) return 'not_found';
  if (c.disposedAt !== null) return 'already_disposed';
  if (c.retention === 'permanent') return 'permanent';
  if (!DECIDED.has(c.state) || c.disposalOn === null) return 'not_decided';
  if (today <= c.disposalOn) return 'not_due';
  return 'disposed';
}
