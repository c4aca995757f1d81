import type { CaseContent, ResolvedRoute, StepActionName } from './types.js';

/**
 * What a user asks of a case. Route-changing commands carry the route the
 * service resolved from the organisation just now, so deciding stays pure.
 */
export type CaseCommand = { version: number } & (
  | { action: 'edit'; content: CaseContent; route: ResolvedRoute }
  | { action: 'submit'; number: string; fiscalYear: number; route: ResolvedRoute }
  | {
      action: StepActionName;
      comment?: string | null;
      onBehalfOfUserId?: number | null;
      reason?: string | null;
    }
  | {
      action: 'send_back';
      comment?: string | null;
      /** An earlier step to redo; absent or null: back to the drafter. */
      toStepId?: number | null;
      onBehalfOfUserId?: number | null;
      reason?: string | null;
    }
  | { action: 'recall' }
  | { action: 'withdraw'; comment?: string | null }
  | { action: 'resubmit'; route: ResolvedRoute }
  | { action: 'enforce'; enforcedOn: string }
  | { action: 'review'; stepId?: number | null; comment?: string | null }
  | { action: 'comment'; stepId?: number | null; comment?: string | null }
);

export type CaseAction = CaseCommand['action'];

/** Who is asking, when, and the organisation's answers the rules need. */
export interface DecideContext {
  actorId: number;
  /** ISO instant. */
  now: string;
  /** A standing proxy (代理): may `actorId` act for `principalId` at `at`? */
  isProxyFor(actorId: number, principalId: number, at: string): boolean;
  /** May `actorId` decide on behalf of `absentId` (代決)? Usually the next in rank in the same department. */
  mayDeputize(actorId: number, absentId: number): boolean;
}

/** Why an action was refused; each code maps to an HTTP status and a message once (shared/api/errors.ts). */
export type RefusalCode =
  | 'stale_version'
  | 'wrong_state'
  | 'not_your_turn'
  | 'not_entitled'
  | 'wrong_action'
  | 'comment_required'
  | 'reason_required'
  | 'invalid_target'
  | 'validation';

export interface Refusal {
  code: RefusalCode;
  /** English, for integrators and logs: what exactly was wrong. */
  detail: string;
  /** The input field at fault, when there is one (`comment`, `toStepId`). */
  field?: string;
}
