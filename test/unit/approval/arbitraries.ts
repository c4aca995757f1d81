/**
 * fast-check generators for the approval property tests: a small random town
 * (posts filled or vacant), a random valid route template for it, standing
 * proxies and deputy rules, and "moves" that are read against the case as it
 * is at that point, so most of them are the right person doing a sensible thing.
 */
import fc from 'fast-check';
import {
  resolveRoute,
  retentions,
  type AssigneeRule,
  type Case,
  type DelegationBand,
  type OrgView,
  type ResolvedRoute,
  type ResubmitPolicy,
  type Retention,
  type RouteTemplate,
  type StepKind,
  type TemplateStage,
  type TemplateStep,
} from '../../../shared/domain/approval/index.js';
import type { Cmd, Proxy } from './desk.js';
import { D, departments, orgView, P, positions, type OrgUser } from './town.js';

export const START = Date.parse('2025-06-02T00:00:00Z');
const HOUR = 3_600_000;

/** Posts that may be filled: [department, position]. 町長 (always filled) is added separately. */
const slots: [number | null, number][] = [
  [null, P.fukuChocho],
  [D.somuBu, P.bucho],
  [D.kensetsuBu, P.bucho],
  [D.somuKa, P.kacho],
  [D.somuKa, P.kachoHosa],
  [D.zaisei, P.kacho],
  [D.kensetsuKa, P.kacho],
  [D.kensetsuKa, P.kachoHosa],
  [D.jinji, P.kakaricho],
  [D.bunsho, P.kakaricho],
  [D.doro, P.kakaricho],
];
/** Staff who draft (主事), always there. */
const staff: number[] = [D.jinji, D.bunsho, D.zaisei, D.doro, D.somuKa];
const ka = [D.somuKa, D.zaisei, D.kensetsuKa];

export interface World {
  users: OrgUser[];
  org: OrgView;
  template: RouteTemplate;
  drafterId: number;
  amount: number | null;
  consult: number[];
  retention: Retention;
  resubmit: ResubmitPolicy;
  proxies: Proxy[];
  deputies: [number, number][];
  /** The first route, resolved when drafting. */
  route: ResolvedRoute;
}

/** Mostly true. */
const likely = fc.oneof({ weight: 4, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) });

const usersArb: fc.Arbitrary<OrgUser[]> = fc.array(likely, { minLength: slots.length, maxLength: slots.length }).map((filled) => {
  const users: OrgUser[] = [{ id: 1, name: '町長', departmentId: null, positionId: P.chocho }];
  slots.forEach(([departmentId, positionId], i) => {
    if (filled[i]) users.push({ id: users.length + 1, name: `slot ${i}`, departmentId, positionId });
  });
  for (const departmentId of staff) users.push({ id: users.length + 1, name: `主事 ${departmentId}`, departmentId, positionId: P.shuji });
  return users;
});

function assigneeArb(userIds: readonly number[]): fc.Arbitrary<AssigneeRule> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(P.kakaricho, P.kachoHosa, P.kacho, P.bucho).map((positionId): AssigneeRule => ({ kind: 'chain', positionId })) },
    { weight: 2, arbitrary: fc.constantFrom(...ka).map((departmentId): AssigneeRule => ({ kind: 'department', departmentId, positionId: P.kacho })) },
    { weight: 1, arbitrary: fc.constant<AssigneeRule>({ kind: 'office', positionId: P.fukuChocho }) },
    { weight: 1, arbitrary: fc.constantFrom(...userIds).map((userId): AssigneeRule => ({ kind: 'user', userId })) },
  );
}

function stepArb(userIds: readonly number[]): fc.Arbitrary<Omit<TemplateStep, 'key'>> {
  return fc
    .record({
      kind: fc.oneof({ weight: 3, arbitrary: fc.constant<StepKind>('approve') }, { weight: 2, arbitrary: fc.constant<StepKind>('consult') }, { weight: 2, arbitrary: fc.constant<StepKind>('inform') }),
      assignee: assigneeArb(userIds),
      optional: fc.boolean(),
      blocking: fc.boolean(),
    })
    .map(({ kind, assignee, optional, blocking }) => (kind === 'inform' ? { kind, assignee, optional, blocking } : { kind, assignee, optional }));
}

function templateArb(userIds: readonly number[]): fc.Arbitrary<RouteTemplate> {
  const stageArb = fc.record({
    mode: fc.constantFrom<'all' | 'any'>('all', 'any'),
    steps: fc.oneof({ weight: 3, arbitrary: fc.array(stepArb(userIds), { minLength: 1, maxLength: 1 }) }, { weight: 2, arbitrary: fc.array(stepArb(userIds), { minLength: 2, maxLength: 3 }) }),
  });
  return fc
    .record({
      stages: fc.array(stageArb, { minLength: 0, maxLength: 5 }),
      final: fc.oneof({ weight: 2, arbitrary: fc.constant<AssigneeRule>({ kind: 'office', positionId: P.chocho }) }, { weight: 1, arbitrary: fc.constant<AssigneeRule>({ kind: 'chain', positionId: P.bucho }) }),
      bandPicks: fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }),
      withBands: fc.boolean(),
      limits: fc.array(fc.integer({ min: 1, max: 3_000_000 }), { minLength: 6, maxLength: 6 }),
      amountRequired: fc.boolean(),
      allowAddedConsult: fc.boolean(),
      resubmit: fc.constantFrom<ResubmitPolicy>('restart', 'resume_at_sender'),
    })
    .map((g) => {
      let n = 0;
      const stages: TemplateStage[] = g.stages.map((s, i) => ({ key: `s${i}`, mode: s.mode, steps: s.steps.map((x) => ({ ...x, key: `k${++n}` })) }));
      stages.push({ key: 'final', mode: 'all', steps: [{ key: 'final', kind: 'final', assignee: g.final, optional: false }] });
      const bands: DelegationBand[] = [];
      if (g.withBands) {
        // Approving steps alone in their stage may decide below some amount; the last step decides the rest.
        const deciders = stages.filter((s) => s.steps.length === 1 && s.steps[0]?.kind === 'approve').map((s) => s.steps[0]?.key ?? '');
        let below = 0;
        deciders.forEach((key, i) => {
          if (!g.bandPicks[i]) return;
          below += g.limits[i] ?? 1;
          bands.push({ below, finalStepKey: key, label: `band ${key}` });
        });
        bands.push({ below: null, finalStepKey: 'final', label: '町長決裁' });
      }
      return {
        stages,
        bands,
        amountRequired: bands.length > 0 && g.amountRequired,
        allowAddedConsult: g.allowAddedConsult,
        addedConsultPositionId: g.allowAddedConsult ? P.kacho : null,
        resubmit: g.resubmit,
      };
    });
}

/** An amount near a band limit, or anywhere. */
export function amountFor(t: RouteTemplate, pick: number): number | null {
  const limits = t.bands.flatMap((b) => (b.below === null ? [] : [b.below - 1, b.below]));
  const options = [...limits, 0, 123_456, 9_999_999];
  if (!t.amountRequired) options.push(-1);
  const a = options[pick % options.length] ?? 0;
  return a < 0 ? null : a;
}

export function resolveFor(w: Pick<World, 'template' | 'org' | 'drafterId'>, amount: number | null, consult: readonly number[]): ResolvedRoute | null {
  const r = resolveRoute(w.template, { drafterId: w.drafterId, amount, consultDepartmentIds: consult }, w.org);
  return r.ok ? r.route : null;
}

export const worldArb: fc.Arbitrary<World> = usersArb.chain((users) => {
  const ids = users.map((u) => u.id);
  // Principals are mostly people on the route, so that proxies and deputies get to act.
  const interval = fc.record({ actorId: fc.constantFrom(...ids), principalPick: fc.nat(), onRoute: likely, fromHour: fc.integer({ min: -24, max: 120 }), hours: fc.integer({ min: 1, max: 96 }) });
  return fc
    .record({
      template: templateArb(ids),
      drafterPick: fc.nat(),
      amountPick: fc.nat(),
      consult: fc.subarray(ka),
      retention: fc.constantFrom(...retentions),
      proxies: fc.array(interval, { maxLength: 4 }),
      deputies: fc.array(fc.tuple(fc.constantFrom(...ids), fc.nat(), likely), { maxLength: 4 }),
    })
    .map((g): World => {
      const org = orgView({ positions, departments, users });
      // Drafters are mostly staff, sometimes anyone.
      const drafters = g.drafterPick % 4 === 0 ? ids : users.filter((u) => u.positionId === P.shuji).map((u) => u.id);
      const drafterId = drafters[g.drafterPick % drafters.length] ?? 1;
      let template = g.template;
      let amount = amountFor(template, g.amountPick);
      let consult = template.allowAddedConsult ? g.consult : [];
      let route = resolveFor({ template, org, drafterId }, amount, consult);
      if (!route) {
        // Vacant required posts: make every post optional and let the 町長 decide, with no added 合議.
        template = {
          ...template,
          stages: template.stages.map((s) => ({
            ...s,
            steps: s.steps.map((x) => (x.kind === 'final' ? { ...x, assignee: { kind: 'office', positionId: P.chocho } } : { ...x, optional: true })),
          })),
        };
        consult = [];
        amount = amountFor(template, g.amountPick);
        route = resolveFor({ template, org, drafterId }, amount, consult);
        if (!route) throw new Error('generator: the fallback template did not resolve');
      }
      const assignees = route.stages.flatMap((s) => s.steps.map((x) => x.assigneeId));
      const principal = (n: number, onRoute: boolean): number => (onRoute ? pick(assignees, n) : pick(ids, n)) ?? 1;
      const world: World = {
        users,
        org,
        template,
        drafterId,
        amount,
        consult,
        retention: g.retention,
        resubmit: template.resubmit,
        route,
        proxies: g.proxies
          .map((p) => ({
            actorId: p.actorId,
            principalId: principal(p.principalPick, p.onRoute),
            from: new Date(START + p.fromHour * HOUR).toISOString(),
            to: new Date(START + (p.fromHour + p.hours) * HOUR).toISOString(),
          }))
          .filter((p) => p.actorId !== p.principalId),
        deputies: g.deputies.map(([a, n, onRoute]): [number, number] => [a, principal(n, onRoute)]).filter(([a, b]) => a !== b),
      };
      // A counterexample prints as data (the org view is functions over `users`).
      Object.defineProperty(world, fc.toStringMethod, {
        value: () => JSON.stringify({ ...world, org: undefined, route: undefined }),
        enumerable: false,
      });
      return world;
    });
});

/** The same world with another resubmission policy. */
export function withResubmit(w: World, resubmit: ResubmitPolicy): World {
  const out: World = { ...w, resubmit, template: { ...w.template, resubmit } };
  Object.defineProperty(out, fc.toStringMethod, { value: () => JSON.stringify({ ...out, org: undefined, route: undefined }), enumerable: false });
  return out;
}

/** One move: read against the case as it stands (see `commandFor`). */
export interface Move {
  kind: number;
  a: number;
  b: number;
  c: number;
  flag: boolean;
  flag2: boolean;
  hours: number;
}

export const moveArb: fc.Arbitrary<Move> = fc.record({
  kind: fc.integer({ min: 0, max: 99 }),
  a: fc.nat(1000),
  b: fc.nat(1000),
  c: fc.nat(1000),
  flag: fc.boolean(),
  flag2: fc.boolean(),
  hours: fc.integer({ min: 0, max: 12 }),
});

/**
 * A move by someone doing their part: the drafter submits (or resubmits); on the
 * route, one of the pending people (picked by `p`) does what their step expects,
 * as themself; an approved case is left as it is (the 施行日 asked for is the day
 * before the approval, which is refused).
 */
export const dutiful = (p: number): Move => ({ kind: 10, a: p, b: 0, c: p % 7, flag: p % 2 === 0, flag2: true, hours: 1 });

const pick = <T>(xs: readonly T[], n: number): T | undefined => (xs.length === 0 ? undefined : xs[n % xs.length]);

const expectedAction = { approve: 'approve', final: 'final_approve', consult: 'agree', inform: 'acknowledge' } as const;

export interface Planned {
  actorId: number;
  cmd: Cmd;
  /** Offset added to the case version: not 0 for a deliberately stale command. */
  versionOffset: number;
}

/**
 * Turns a move into a command against case `c` at instant `now`: mostly the
 * drafter or a pending assignee (or their proxy or deputy) doing what their
 * step expects, sometimes something odd or someone unrelated.
 */
export function commandFor(w: World, c: Case, m: Move, now: string, serial: number): Planned {
  const ids = w.users.map((u) => u.id);
  const drafter = c.drafterId;
  const versionOffset = m.kind < 3 ? (m.flag ? 1 : -1) : 0;
  const comment = m.a % 10 < 8 ? `comment ${m.a}` : m.flag2 ? '  ' : null;
  const random = (): Planned => ({ actorId: pick(ids, m.b) ?? drafter, cmd: randomCommand(w, c, m, now, serial), versionOffset });
  const steps = c.route.flatMap((s) => s.steps);

  switch (c.state) {
    case 'draft':
    case 'sent_back': {
      if (m.kind < 65) {
        const route = resolveFor(w, c.amount, c.consultDepartmentIds);
        if (route) {
          const cmd: Cmd = c.state === 'draft' ? { action: 'submit', number: `第${serial}号`, fiscalYear: 2025, route } : { action: 'resubmit', route };
          return { actorId: drafter, cmd, versionOffset };
        }
      }
      if (m.kind < 80) return { actorId: drafter, cmd: editCommand(w, c, m) ?? { action: 'comment', comment: 'x' }, versionOffset };
      if (m.kind < 84) return { actorId: drafter, cmd: { action: 'withdraw', comment }, versionOffset };
      if (m.kind < 88) return { actorId: drafter, cmd: { action: 'recall' }, versionOffset };
      return random();
    }
    case 'in_progress': {
      const pending = steps.filter((s) => s.status === 'pending');
      const step = pick(pending, m.a);
      if (m.kind < 75 && step) {
        // Who: the assignee mostly, else their proxy or deputy, else anyone.
        const proxies = w.proxies.filter((p) => p.principalId === step.assigneeId).map((p) => p.actorId);
        const deputies = w.deputies.filter(([, x]) => x === step.assigneeId).map(([d]) => d);
        const who = m.c % 10;
        let actorId = step.assigneeId;
        let onBehalfOfUserId: number | null = null;
        let reason: string | null = null;
        if ((who === 6 || who === 7) && proxies.length > 0) {
          actorId = pick(proxies, m.c) ?? actorId;
          onBehalfOfUserId = m.flag ? step.assigneeId : null;
        } else if (who === 8 && deputies.length > 0) {
          actorId = pick(deputies, m.c) ?? actorId;
          onBehalfOfUserId = step.assigneeId;
          reason = m.flag2 || m.b % 3 > 0 ? '出張のため' : null;
        } else if (who === 9) {
          actorId = pick(ids, m.c) ?? actorId;
        }
        const onBehalf = { onBehalfOfUserId, reason };
        const what = m.b % 20;
        let cmd: Cmd;
        if (what < 12) cmd = { action: expectedAction[step.kind], comment: m.flag2 ? 'ok' : null, ...onBehalf };
        else if (what < 16) {
          const earlier = steps.filter((s) => s.id < step.id && s.status !== 'waiting' && s.status !== 'pending');
          const toStepId = m.flag ? null : (pick(earlier, m.a)?.id ?? null);
          cmd = { action: 'send_back', comment, toStepId, ...onBehalf };
        } else if (what < 17) cmd = { action: step.kind === 'consult' ? 'disagree' : 'reject', comment, ...onBehalf };
        else if (what < 18) cmd = { action: 'recall' };
        else if (what < 19) cmd = { action: pick(['approve', 'final_approve', 'agree', 'acknowledge'] as const, m.c) ?? 'approve', ...onBehalf };
        else cmd = { action: 'comment', comment, stepId: step.id };
        return { actorId, cmd, versionOffset };
      }
      if (m.kind < 85) {
        const actors = [drafter, ...steps.flatMap((s) => (s.actedBy === null ? [] : [s.actedBy]))];
        return { actorId: pick(actors, m.b) ?? drafter, cmd: { action: 'recall' }, versionOffset };
      }
      if (m.kind < 88) return { actorId: drafter, cmd: { action: 'withdraw', comment }, versionOffset };
      const task = pick(c.reviews.filter((r) => r.doneAt === null), m.b);
      if (m.kind < 93 && task) return { actorId: task.userId, cmd: { action: 'review', comment }, versionOffset };
      return random();
    }
    case 'approved':
    case 'enforced':
    case 'rejected':
    case 'withdrawn': {
      const open = c.reviews.filter((r) => r.doneAt === null);
      if (c.state === 'approved' && m.kind < 50) return { actorId: drafter, cmd: { action: 'enforce', enforcedOn: dayAfter(c.approvedAt ?? now, (m.b % 5) - 1) }, versionOffset };
      const task = pick(open, m.b);
      if (m.kind < 80 && task) return { actorId: task.userId, cmd: { action: 'review', comment, stepId: m.flag ? task.stepId : null }, versionOffset };
      return random();
    }
    default: {
      const never: never = c.state;
      return never;
    }
  }
}

function editCommand(w: World, c: Case, m: Move): Cmd | null {
  const amount = m.flag ? amountFor(w.template, m.b) : c.amount;
  const consult = w.template.allowAddedConsult && m.flag2 ? ka.filter((_, i) => (m.c >> i) % 2 === 1) : c.consultDepartmentIds;
  const route = resolveFor(w, amount, consult);
  if (!route) return null;
  return { action: 'edit', content: { title: `件名 ${m.a}`, amount, body: '', consultDepartmentIds: [...consult] }, route };
}

/** Any command at all, with arbitrary parameters. */
function randomCommand(w: World, c: Case, m: Move, now: string, serial: number): Cmd {
  const ids = w.users.map((u) => u.id);
  const stepIds = [...c.route.flatMap((s) => s.steps.map((x) => x.id)), 0, 99];
  const comment = m.flag ? `comment ${m.c}` : null;
  const onBehalf = { onBehalfOfUserId: m.flag2 ? (pick(ids, m.c) ?? null) : null, reason: m.a % 2 === 0 ? '不在' : null };
  const route = resolveFor(w, c.amount, c.consultDepartmentIds) ?? w.route;
  const all: Cmd[] = [
    { action: 'approve', comment, ...onBehalf },
    { action: 'final_approve', comment, ...onBehalf },
    { action: 'agree', comment, ...onBehalf },
    { action: 'disagree', comment, ...onBehalf },
    { action: 'acknowledge', comment, ...onBehalf },
    { action: 'reject', comment, ...onBehalf },
    { action: 'send_back', comment, toStepId: m.flag2 ? (pick(stepIds, m.b) ?? null) : null, ...onBehalf },
    { action: 'recall' },
    { action: 'withdraw', comment },
    { action: 'resubmit', route },
    { action: 'submit', number: `第${serial}号`, fiscalYear: 2025, route },
    { action: 'enforce', enforcedOn: dayAfter(now, (m.b % 7) - 3) },
    { action: 'review', comment, stepId: m.flag ? (pick(stepIds, m.b) ?? null) : null },
    { action: 'comment', comment, stepId: m.flag2 ? (pick(stepIds, m.b) ?? null) : null },
  ];
  const edit = editCommand(w, c, m);
  if (edit) all.push(edit);
  return pick(all, m.kind + m.c) ?? { action: 'recall' };
}

/** The Tokyo calendar day of `iso` moved by `days`, `YYYY-MM-DD`. */
export function dayAfter(iso: string, days: number): string {
  const tokyo = new Date(Date.parse(iso) + 9 * HOUR + days * 24 * HOUR);
  return tokyo.toISOString().slice(0, 10);
}
