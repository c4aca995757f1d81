/**
 * The e-approval (電子決裁) model: route templates, resolved routes, cases and
 * the events that change them. Plain data (JSON-safe) so a case can be stored
 * as a snapshot, replayed from its events and sent to the renderer unchanged.
 */

/** 承認 (approve), 合議 (consult), 供覧 (inform: for information), 決裁 (final). */
export const stepKinds = ['approve', 'consult', 'inform', 'final'] as const;
export type StepKind = (typeof stepKinds)[number];

/** 保存年限: years, or kept for ever (永年). */
export const retentions = ['1', '3', '5', '10', '30', 'permanent'] as const;
export type Retention = (typeof retentions)[number];

/**
 * Who a template step goes to.
 * - `chain`: the nearest holder of the position up the drafter's department
 *   chain (係 → 課 → 部): "their 係長 / 課長 / 部長".
 * - `department`: the holder of a position in a named department (財政課長).
 * - `user`: a named person.
 * - `office`: the holder of a town-wide office (副町長, 町長).
 */
export type AssigneeRule =
  | { kind: 'chain'; positionId: number }
  | { kind: 'department'; departmentId: number; positionId: number }
  | { kind: 'user'; userId: number }
  | { kind: 'office'; positionId: number };

export interface TemplateStep {
  /** Stable within the template: bands and resubmission match steps by key. */
  key: string;
  kind: StepKind;
  assignee: AssigneeRule;
  /** Left out when nobody holds the post (a small 課 without a 課長補佐); else the route cannot be resolved. */
  optional: boolean;
  /** 供覧 only: whether the route waits for the acknowledgement (default: it does not). */
  blocking?: boolean;
}

/** One step, or a parallel group (合議) that completes when all — or any one — of its steps have acted. */
export interface TemplateStage {
  key: string;
  mode: 'all' | 'any';
  steps: TemplateStep[];
}

/**
 * 専決規程: below `below` yen (exclusive; null = no upper limit) the step
 * `finalStepKey` decides and the route ends there. Bands are ordered by `below`.
 */
export interface DelegationBand {
  below: number | null;
  finalStepKey: string;
  /** As the rule is known in the office: 課長専決, 部長専決, 町長決裁. */
  label: string;
}

/**
 * What to keep when a case sent back to its drafter is resubmitted:
 * `restart` — every approval resets (the route starts again from the first step);
 * `resume_at_sender` — approvals before the step that sent it back stand.
 */
export type ResubmitPolicy = 'restart' | 'resume_at_sender';

export interface RouteTemplate {
  stages: TemplateStage[];
  /** Empty: the template's last step decides every case of the type. */
  bands: DelegationBand[];
  amountRequired: boolean;
  /** Whether the drafter may add 合議 departments; they go into a parallel stage before the deciding step. */
  allowAddedConsult: boolean;
  /** Who answers an added 合議 for a department (usually its 課長). */
  addedConsultPositionId: number | null;
  resubmit: ResubmitPolicy;
}

export type StepStatus =
  | 'waiting'
  | 'pending'
  | 'approved'
  | 'final_approved'
  | 'agreed'
  | 'disagreed'
  | 'acknowledged'
  /** Not needed any more: another step of an "any one" stage acted, or a 供覧 still open when the case was decided. */
  | 'skipped'
  | 'sent_back'
  | 'rejected';

/** How an action was taken: by the assignee, by a standing proxy (代理), or on behalf of an absent approver (代決). */
export type ActedVia = 'self' | 'proxy' | 'deputy';

export interface RouteStep {
  /** 1, 2, 3 … within the case, in route order. */
  id: number;
  key: string;
  kind: StepKind;
  /** False only for a 供覧 the route does not wait for. */
  blocking: boolean;
  assigneeId: number;
  /** The assignee's position when the route was resolved (財政課長, 町長), kept for the record. */
  position: string;
  /** The department the step answers for (合議 departments; the chain's department), if any. */
  departmentId: number | null;
  status: StepStatus;
  actedBy: number | null;
  onBehalfOf: number | null;
  actedVia: ActedVia | null;
  actedAt: string | null;
  /** The revision the action belongs to: approvals kept across a resubmission show an earlier one. */
  actedRevision: number | null;
  comment: string | null;
}

export interface RouteStage {
  key: string;
  mode: 'all' | 'any';
  steps: RouteStep[];
}

/** Which delegation rule chose the deciding step, for the drafting screen ("¥3,200,000 → 部長専決"). */
export interface FinalRule {
  label: string;
  stepKey: string;
  /** The band's upper bound; null for the top band or when the type has no bands. */
  below: number | null;
  /** When the band's post is vacant the next higher step decides: the key that was wanted. */
  escalatedFrom: string | null;
}

/** A resolved route, ready to become a case's route (statuses all `waiting`). */
export interface ResolvedRoute {
  stages: RouteStage[];
  finalRule: FinalRule;
  /** Template steps left out, and why (vacant optional post, drafter's own post, a duplicate). */
  omitted: { key: string; reason: 'vacant' | 'drafter' | 'duplicate' | 'after_final' }[];
}

export const caseStates = ['draft', 'in_progress', 'sent_back', 'approved', 'enforced', 'rejected', 'withdrawn'] as const;
export type CaseState = (typeof caseStates)[number];

/** 後閲: an absent approver's look at what was decided for them (代決). */
export interface ReviewTask {
  stepId: number;
  userId: number;
  deputyId: number;
  createdAt: string;
  doneAt: string | null;
  comment: string | null;
}

export interface CaseContent {
  title: string;
  amount: number | null;
  body: string;
  /** 合議 departments the drafter added (where the type allows it). */
  consultDepartmentIds: number[];
}

export interface Case extends CaseContent {
  id: number;
  typeId: number;
  templateId: number;
  drafterId: number;
  departmentId: number;
  retention: Retention;
  resubmitPolicy: ResubmitPolicy;
  state: CaseState;
  /** Bumped by every event: an action must name the version it was decided on. */
  version: number;
  /** 1 for the first submission, +1 for each resubmission after a send-back or recall. */
  revision: number;
  /** 文書番号 (北広総第123号), given on the first submission and kept for good. */
  number: string | null;
  numberFiscalYear: number | null;
  route: RouteStage[];
  finalRule: FinalRule;
  /** Index into `route` of the stage being worked on, while in progress. */
  currentStage: number | null;
  /** While sent back: who returned it (null step = the drafter's own recall). */
  returned: { kind: 'send_back' | 'recall'; fromStepId: number | null; at: string } | null;
  reviews: ReviewTask[];
  createdAt: string;
  submittedAt: string | null;
  approvedAt: string | null;
  /** 施行日, `YYYY-MM-DD`. */
  enforcedOn: string | null;
  /** 廃棄予定日, `YYYY-MM-DD`: 31 March of the fiscal year of approval + the retention years; null for 永年. */
  disposalOn: string | null;
}

/** What every event records besides its own fields. */
export interface EventBase {
  /** The case version this event produced. */
  version: number;
  at: string;
  actorId: number;
}

export type StepActionName = 'approve' | 'final_approve' | 'agree' | 'disagree' | 'acknowledge' | 'reject';

export type CaseEvent = EventBase &
  (
    | {
        type: 'created';
        caseId: number;
        typeId: number;
        templateId: number;
        departmentId: number;
        retention: Retention;
        resubmitPolicy: ResubmitPolicy;
        content: CaseContent;
        route: ResolvedRoute;
      }
    | { type: 'edited'; content: CaseContent; route: ResolvedRoute }
    | { type: 'submitted'; number: string; fiscalYear: number; route: ResolvedRoute }
    | {
        type: 'acted';
        action: StepActionName;
        stepId: number;
        via: ActedVia;
        onBehalfOf: number | null;
        comment: string | null;
        reason: string | null;
      }
    | {
        type: 'sent_back';
        stepId: number;
        toStepId: number | null;
        via: ActedVia;
        onBehalfOf: number | null;
        comment: string;
        reason: string | null;
      }
    | { type: 'recalled'; stepId: number | null }
    | { type: 'withdrawn'; comment: string | null }
    | { type: 'resubmitted'; route: ResolvedRoute }
    | { type: 'enforced'; enforcedOn: string }
    | { type: 'reviewed'; stepId: number; comment: string | null }
    | { type: 'commented'; stepId: number | null; comment: string }
  );

export type CaseEventType = CaseEvent['type'];
