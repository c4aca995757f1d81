/**
 * A small town for the approval tests: positions, departments and people, an
 * `OrgView` over them, and builders for route templates.
 */
import type { AssigneeRule, OrgView, RouteTemplate, StepKind, TemplateStage, TemplateStep } from '../../../shared/domain/approval/index.js';

export interface OrgPosition { id: number; name: string; rank: number }
export interface OrgDepartment { id: number; name: string; parentId: number | null }
export interface OrgUser { id: number; name: string; departmentId: number | null; positionId: number | null }
export interface OrgData { positions: OrgPosition[]; departments: OrgDepartment[]; users: OrgUser[] }

/** Positions, by the name the office uses. */
export const P = { chocho: 1, fukuChocho: 2, bucho: 3, kacho: 4, kachoHosa: 5, kakaricho: 6, shuji: 7 } as const;

export const positions: OrgPosition[] = [
  { id: P.chocho, name: '町長', rank: 100 },
  { id: P.fukuChocho, name: '副町長', rank: 90 },
  { id: P.bucho, name: '部長', rank: 80 },
  { id: P.kacho, name: '課長', rank: 70 },
  { id: P.kachoHosa, name: '課長補佐', rank: 60 },
  { id: P.kakaricho, name: '係長', rank: 50 },
  { id: P.shuji, name: '主事', rank: 20 },
];

/** Departments: 総務部 (総務課 (人事係, 文書係), 財政課), 建設部 (建設課 (道路係)). */
export const D = { somuBu: 10, somuKa: 11, jinji: 12, bunsho: 13, zaisei: 20, kensetsuBu: 30, kensetsuKa: 31, doro: 32 } as const;

export const departments: OrgDepartment[] = [
  { id: D.somuBu, name: '総務部', parentId: null },
  { id: D.somuKa, name: '総務課', parentId: D.somuBu },
  { id: D.jinji, name: '人事係', parentId: D.somuKa },
  { id: D.bunsho, name: '文書係', parentId: D.somuKa },
  { id: D.zaisei, name: '財政課', parentId: D.somuBu },
  { id: D.kensetsuBu, name: '建設部', parentId: null },
  { id: D.kensetsuKa, name: '建設課', parentId: D.kensetsuBu },
  { id: D.doro, name: '道路係', parentId: D.kensetsuKa },
];

/** People. 文書係 has no 係長 (a vacant optional post for its staff). */
export const U = {
  chocho: 1,
  fukuChocho: 2,
  somuBucho: 3,
  somuKacho: 4,
  somuHosa: 5,
  jinjiKakaricho: 6,
  jinjiShuji: 7,
  bunshoShuji: 8,
  zaiseiKacho: 9,
  zaiseiShuji: 10,
  kensetsuBucho: 11,
  kensetsuKacho: 12,
  doroKakaricho: 13,
  doroShuji: 14,
  somuShuji: 15,
} as const;

export const people: OrgUser[] = [
  { id: U.chocho, name: '町長 山田', departmentId: null, positionId: P.chocho },
  { id: U.fukuChocho, name: '副町長 佐藤', departmentId: null, positionId: P.fukuChocho },
  { id: U.somuBucho, name: '総務部長 鈴木', departmentId: D.somuBu, positionId: P.bucho },
  { id: U.somuKacho, name: '総務課長 高橋', departmentId: D.somuKa, positionId: P.kacho },
  { id: U.somuHosa, name: '総務課長補佐 田中', departmentId: D.somuKa, positionId: P.kachoHosa },
  { id: U.jinjiKakaricho, name: '人事係長 伊藤', departmentId: D.jinji, positionId: P.kakaricho },
  { id: U.jinjiShuji, name: '人事係 渡辺', departmentId: D.jinji, positionId: P.shuji },
  { id: U.bunshoShuji, name: '文書係 中村', departmentId: D.bunsho, positionId: P.shuji },
  { id: U.zaiseiKacho, name: '財政課長 小林', departmentId: D.zaisei, positionId: P.kacho },
  { id: U.zaiseiShuji, name: '財政課 加藤', departmentId: D.zaisei, positionId: P.shuji },
  { id: U.kensetsuBucho, name: '建設部長 吉田', departmentId: D.kensetsuBu, positionId: P.bucho },
  { id: U.kensetsuKacho, name: '建設課長 山本', departmentId: D.kensetsuKa, positionId: P.kacho },
  { id: U.doroKakaricho, name: '道路係長 松本', departmentId: D.doro, positionId: P.kakaricho },
  { id: U.doroShuji, name: '道路係 井上', departmentId: D.doro, positionId: P.shuji },
  { id: U.somuShuji, name: '総務課 木村', departmentId: D.somuKa, positionId: P.shuji },
];

/** The town, with some people gone (vacant posts) or added. */
export function town(change: { without?: readonly number[]; add?: readonly OrgUser[] } = {}): OrgView {
  const gone = new Set(change.without ?? []);
  return orgView({ positions, departments, users: [...people.filter((u) => !gone.has(u.id)), ...(change.add ?? [])] });
}

export function orgView(data: OrgData): OrgView {
  const byId = new Map(data.users.map((u) => [u.id, u]));
  const sorted = [...data.users].sort((a, b) => a.id - b.id);
  return {
    user: (id) => {
      const u = byId.get(id);
      return u ? { id: u.id, departmentId: u.departmentId, positionId: u.positionId } : undefined;
    },
    parentOf: (id) => data.departments.find((d) => d.id === id)?.parentId ?? null,
    holders: (departmentId, positionId) => sorted.filter((u) => u.departmentId === departmentId && u.positionId === positionId).map((u) => u.id),
    officeHolders: (positionId) => sorted.filter((u) => u.positionId === positionId).map((u) => u.id),
    positionRank: (id) => data.positions.find((p) => p.id === id)?.rank,
    positionName: (id) => data.positions.find((p) => p.id === id)?.name ?? `position ${id}`,
    departmentName: (id) => data.departments.find((d) => d.id === id)?.name ?? `department ${id}`,
  };
}

// Template builders.

export const chain = (positionId: number): AssigneeRule => ({ kind: 'chain', positionId });
export const dept = (departmentId: number, positionId: number = P.kacho): AssigneeRule => ({ kind: 'department', departmentId, positionId });
export const office = (positionId: number): AssigneeRule => ({ kind: 'office', positionId });
export const named = (userId: number): AssigneeRule => ({ kind: 'user', userId });

export function step(key: string, kind: StepKind, assignee: AssigneeRule, opts: { optional?: boolean; blocking?: boolean } = {}): TemplateStep {
  const s: TemplateStep = { key, kind, assignee, optional: opts.optional ?? false };
  if (opts.blocking !== undefined) s.blocking = opts.blocking;
  return s;
}

export const single = (s: TemplateStep): TemplateStage => ({ key: s.key, mode: 'all', steps: [s] });
export const parallel = (key: string, mode: 'all' | 'any', ...steps: TemplateStep[]): TemplateStage => ({ key, mode, steps });

export function template(stages: TemplateStage[], opts: Partial<Omit<RouteTemplate, 'stages'>> = {}): RouteTemplate {
  return {
    stages,
    bands: opts.bands ?? [],
    amountRequired: opts.amountRequired ?? false,
    allowAddedConsult: opts.allowAddedConsult ?? false,
    addedConsultPositionId: opts.addedConsultPositionId !== undefined ? opts.addedConsultPositionId : opts.allowAddedConsult === true ? P.kacho : null,
    resubmit: opts.resubmit ?? 'restart',
  };
}

/**
 * 支出負担行為: 係長 (optional) → 課長補佐 (optional) → 課長 → 財政課長 合議 → 部長 → 副町長 → 町長,
 * cut by 専決 bands: under ¥500,000 課長, under ¥5,000,000 部長, under ¥10,000,000 副町長, else 町長.
 */
export function expenseTemplate(opts: Partial<Omit<RouteTemplate, 'stages' | 'bands'>> = {}): RouteTemplate {
  return template(
    [
      single(step('kakaricho', 'approve', chain(P.kakaricho), { optional: true })),
      single(step('hosa', 'approve', chain(P.kachoHosa), { optional: true })),
      single(step('kacho', 'approve', chain(P.kacho))),
      single(step('zaisei', 'consult', dept(D.zaisei))),
      single(step('bucho', 'approve', chain(P.bucho))),
      single(step('fuku', 'approve', office(P.fukuChocho))),
      single(step('chocho', 'final', office(P.chocho))),
    ],
    {
      amountRequired: true,
      allowAddedConsult: true,
      bands: [
        { below: 500_000, finalStepKey: 'kacho', label: '課長専決' },
        { below: 5_000_000, finalStepKey: 'bucho', label: '部長専決' },
        { below: 10_000_000, finalStepKey: 'fuku', label: '副町長決裁' },
        { below: null, finalStepKey: 'chocho', label: '町長決裁' },
      ],
      ...opts,
    },
  );
}

/** A plain serial route without bands: 係長 → 課長 → 財政課長 合議 → 部長 (decides). */
export function serialTemplate(opts: Partial<Omit<RouteTemplate, 'stages'>> = {}): RouteTemplate {
  return template(
    [
      single(step('kakaricho', 'approve', chain(P.kakaricho))),
      single(step('kacho', 'approve', chain(P.kacho))),
      single(step('zaisei', 'consult', dept(D.zaisei))),
      single(step('bucho', 'final', chain(P.bucho))),
    ],
    opts,
  );
}
