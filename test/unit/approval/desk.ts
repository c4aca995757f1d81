/**
 * A case on a desk: applies commands through the domain with a clock, standing
 * proxies and deputy rules, and after every accepted command checks the case's
 * invariants and that replaying its events rebuilds it.
 */
import { expect } from 'vitest';
import {
  applyCommand,
  caseProblems,
  createCase,
  evolve,
  resolveRoute,
  type Case,
  type CaseCommand,
  type CaseContent,
  type CaseEvent,
  type DecideContext,
  type OrgView,
  type Refusal,
  type ResolvedRoute,
  type Retention,
  type RouteStep,
  type RouteTemplate,
} from '../../../shared/domain/approval/index.js';

type WithoutVersion<T> = T extends unknown ? Omit<T, 'version'> : never;
export type Cmd = WithoutVersion<CaseCommand>;

/** 代理: `actorId` acts for `principalId` from `from` (inclusive) to `to` (exclusive), ISO instants. */
export interface Proxy { actorId: number; principalId: number; from: string; to: string }

export function isProxy(proxies: readonly Proxy[], actorId: number, principalId: number, at: string): boolean {
  const t = Date.parse(at);
  return proxies.some((p) => p.actorId === actorId && p.principalId === principalId && Date.parse(p.from) <= t && t < Date.parse(p.to));
}

export function resolved(template: RouteTemplate, org: OrgView, drafterId: number, amount: number | null, consultDepartmentIds: readonly number[] = []): ResolvedRoute {
  const r = resolveRoute(template, { drafterId, amount, consultDepartmentIds }, org);
  if (!r.ok) throw new Error(`route did not resolve: ${JSON.stringify(r.problem)}`);
  return r.route;
}

export interface DeskOptions {
  template: RouteTemplate;
  org: OrgView;
  drafterId: number;
  amount?: number | null;
  consult?: readonly number[];
  retention?: Retention;
  resubmit?: Case['resubmitPolicy'];
  now?: string;
  proxies?: Proxy[];
  /** [deputy, absent]: who may decide on whose behalf (代決). */
  deputies?: [number, number][];
}

export class Desk {
  readonly template: RouteTemplate;
  org: OrgView;
  proxies: Proxy[];
  deputies: [number, number][];
  clock: number;
  case: Case;
  readonly events: CaseEvent[];
  private numbers = 0;

  constructor(o: DeskOptions) {
    this.template = o.template;
    this.org = o.org;
    this.proxies = o.proxies ?? [];
    this.deputies = o.deputies ?? [];
    this.clock = Date.parse(o.now ?? '2025-06-02T00:00:00Z');
    const amount = o.amount === undefined ? null : o.amount;
    const consult = [...(o.consult ?? [])];
    const route = resolved(o.template, o.org, o.drafterId, amount, consult);
    const created = createCase(
      { caseId: 1, typeId: 1, templateId: 1, departmentId: o.org.user(o.drafterId)?.departmentId ?? 0, retention: o.retention ?? '5', resubmitPolicy: o.resubmit ?? o.template.resubmit },
      { title: '消耗品の購入について', amount, body: '', consultDepartmentIds: consult },
      route,
      { actorId: o.drafterId, now: this.now },
    );
    if (!created.ok) throw new Error(JSON.stringify(created.refusal));
    this.case = created.case;
    this.events = [...created.events];
  }

  get now(): string {
    return new Date(this.clock).toISOString();
  }

  get drafterId(): number {
    return this.case.drafterId;
  }

  tick(minutes = 1): this {
    this.clock += minutes * 60_000;
    return this;
  }

  at(iso: string): this {
    this.clock = Date.parse(iso);
    return this;
  }

  ctx(actorId: number): DecideContext {
    return {
      actorId,
      now: this.now,
      isProxyFor: (a, p, at) => isProxy(this.proxies, a, p, at),
      mayDeputize: (a, absent) => this.deputies.some(([d, x]) => d === a && x === absent),
    };
  }

  /** The case's content, changed by `patch`, for an edit. */
  content(patch: Partial<CaseContent> = {}): CaseContent {
    const { title, amount, body, consultDepartmentIds } = this.case;
    return { title, amount, body, consultDepartmentIds: [...consultDepartmentIds], ...patch };
  }

  /** The route for the case's current content, resolved against the organisation now. */
  route(): ResolvedRoute {
    return resolved(this.template, this.org, this.drafterId, this.case.amount, this.case.consultDepartmentIds);
  }

  try(actorId: number, cmd: Cmd, version = this.case.version): { ok: true; case: Case } | { ok: false; refusal: Refusal } {
    this.tick();
    const before = structuredClone(this.case);
    const r = applyCommand(this.case, { ...cmd, version } as CaseCommand, this.ctx(actorId));
    expect(this.case, 'applyCommand must not change the case it is given').toEqual(before);
    if (!r.ok) return r;
    this.case = r.case;
    this.events.push(...r.events);
    expect(caseProblems(this.case)).toEqual([]);
    expect(this.case.version).toBe(before.version + 1);
    expect(replay(this.events)).toEqual(this.case);
    return { ok: true, case: r.case };
  }

  /** Applies a command that must be accepted. */
  act(actorId: number, cmd: Cmd): Case {
    const r = this.try(actorId, cmd);
    if (!r.ok) throw new Error(`${cmd.action} by ${actorId} refused: ${r.refusal.code} ${r.refusal.detail}`);
    return r.case;
  }

  /** Applies a command that must be refused; returns the refusal. */
  refuse(actorId: number, cmd: Cmd, version = this.case.version): Refusal {
    const r = this.try(actorId, cmd, version);
    if (r.ok) throw new Error(`${cmd.action} by ${actorId} was accepted`);
    return r.refusal;
  }

  submit(): Case {
    this.numbers += 1;
    return this.act(this.drafterId, { action: 'submit', number: `総務第${this.numbers}号`, fiscalYear: 2025, route: this.route() });
  }

  resubmit(): Case {
    return this.act(this.drafterId, { action: 'resubmit', route: this.route() });
  }

  step(key: string): RouteStep {
    const s = this.case.route.flatMap((st) => st.steps).find((x) => x.key === key);
    if (!s) throw new Error(`no step ${key} on the route (${this.keys().join(', ')})`);
    return s;
  }

  keys(): string[] {
    return this.case.route.flatMap((st) => st.steps.map((s) => s.key));
  }

  /** Step key → status, for compact assertions. */
  statuses(): Record<string, string> {
    return Object.fromEntries(this.case.route.flatMap((st) => st.steps.map((s) => [s.key, s.status])));
  }

  pending(): string[] {
    return this.case.route.flatMap((st) => st.steps.filter((s) => s.status === 'pending').map((s) => s.key));
  }
}

export function replay(events: readonly CaseEvent[]): Case | null {
  return events.reduce<Case | null>((c, e) => evolve(c, e), null);
}
