import type { ActionBody } from '../../../shared/api/approvals.js';
import { allSteps, type StepKind } from '../../../shared/domain/approval/index.js';
import { fiscalYearOf } from '../../../shared/domain/wareki.js';
import { createAuditRepo } from '../approvals/audit.repo.js';
import { createCaseLinksRepo } from '../approvals/case-links.repo.js';
import { createCaseService, type Caller } from '../approvals/case-service.js';
import { createNames } from '../approvals/case-view.js';
import { createCasesRepo } from '../approvals/cases.repo.js';
import { activeReferences, createDocumentTypesRepo } from '../approvals/document-types.repo.js';
import { createProxiesRepo } from '../approvals/proxies.repo.js';
import { isoAt, type Clock } from '../clock.js';
import type { Db } from '../db/connection.js';
import { createSettingsRepo } from '../org/settings.repo.js';
import type { DemoPaper } from './demo-papers.js';

export interface DemoRetentionSummary {
  /** Old decided cases, most of them past the end of their retention. */
  oldCases: number;
  links: number;
}

interface OldCase {
  post: string;
  type: string;
  title: string;
  amount: number | null;
  /** Decided this many fiscal years before the current one. */
  yearsAgo: number;
}

/**
 * Cases decided years ago, so 保存・廃棄 has work: with 1-, 3- and 5-year
 * retention, all but the last ended by last 31 March (disposable now); the
 * last ends this fiscal year.
 */
const oldCases: readonly OldCase[] = [
  { post: 'SOMU-BUNSHO/主査', type: 'KAITO', title: '「文書事務の実態調査」への回答について', amount: null, yearsAgo: 2 },
  { post: 'CHOMIN/主事', type: 'KOHO', title: '「マイナンバーカード出張申請受付」案内記事の広報掲載について', amount: null, yearsAgo: 2 },
  { post: 'SOMU-JINJI/主事', type: 'KYUKA', title: '年次有給休暇の取得について（届）', amount: null, yearsAgo: 4 },
  { post: 'KENSETSU/主事', type: 'SHISHUTSU', title: '町道川井線舗装補修工事（設計業務）に係る支出負担行為について', amount: 2_750_000, yearsAgo: 6 },
  { post: 'ZEIMU/主任', type: 'KAITO', title: '固定資産の価格等の概要調書に関する照会への回答について（前年度）', amount: null, yearsAgo: 1 },
];

/** 関連文書 between demo cases, by title (the newest case of a title); the note says why. */
const links: readonly { a: string; b: string; note: string }[] = [
  { a: '町道川井線舗装補修工事の請負契約について', b: '町道川井線舗装補修工事（設計業務）に係る支出負担行為について', note: '同じ路線の設計業務' },
  { a: '北広島町文書管理規程の一部を改正する訓令について', b: '「文書事務の実態調査」への回答について', note: '改正の契機となった調査' },
  { a: '公金収納代行業務（コンビニ収納）委託契約の更新について', b: '公金収納事務の取扱状況に関する照会への回答について', note: '' },
  { a: '固定資産の価格等の概要調書に関する照会への回答について', b: '固定資産の価格等の概要調書に関する照会への回答について（前年度）', note: '前年度の回答' },
];

const actionOf: Record<StepKind, ActionBody['action']> = { approve: 'approve', consult: 'agree', inform: 'acknowledge', final: 'final_approve' };
const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/** 10:00 in Tokyo on the first weekday from 15 October of a fiscal year. */
function octoberMorning(fiscalYear: number): number {
  let day = Date.UTC(fiscalYear, 9, 15);
  while ([0, 6].includes(new Date(day).getUTCDay())) day += DAY_MS;
  return day + HOUR_MS;
}

/**
 * Adds the old decided cases (drafted, routed and decided through the case
 * service at office hours of their year, carrying their type's paper) and
 * links related demo cases. Call after installDemoApprovals, in its transaction.
 */
export function installDemoRetention(db: Db, clock: Clock, papers: ReadonlyMap<string, DemoPaper> = new Map()): DemoRetentionSummary {
  let simNow = 0;
  const sim: Clock = { now: () => simNow };
  const idOf = (sql: string, ...args: unknown[]): number | undefined => (db.prepare(sql).get(...args) as { id: number } | undefined)?.id;
  const must = (id: number | undefined, what: string): number => {
    if (id === undefined) throw new Error(`demo retention: ${what} not found`);
    return id;
  };
  const userAt = (post: string): number => {
    const [dept, pos] = post.split('/');
    return must(idOf(`SELECT u.id FROM users u JOIN departments d ON d.id = u.department_id JOIN positions p ON p.id = u.position_id
      WHERE d.code = ? AND p.name = ? ORDER BY u.id LIMIT 1`, dept, pos), post);
  };
  const caller = (userId: number): Caller => ({ userId, isAdmin: false, ip: '10.20.1.100' });
  const cases = createCasesRepo(db);
  const audit = createAuditRepo(db);
  const service = createCaseService({
    db, clock: sim, cases, audit, proxies: createProxiesRepo(db), settings: createSettingsRepo(db), names: createNames(db),
    types: createDocumentTypesRepo(db, sim, activeReferences(db)),
  });
  const insertAttachment = db.prepare(`INSERT INTO case_attachments (case_id, revision, name, sha256, size, pages, created_by, created_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);

  const thisYear = fiscalYearOf(new Date(clock.now()));
  for (const plan of oldCases) {
    simNow = octoberMorning(thisYear - plan.yearsAgo);
    const drafter = userAt(plan.post);
    const typeId = must(idOf('SELECT id FROM document_types WHERE code = ?', plan.type), plan.type);
    const made = service.create(caller(drafter), { typeId, title: plan.title, amount: plan.amount, body: `${plan.title}（過去の決裁）`, consultDepartmentIds: [] });
    const paper = papers.get(plan.type);
    if (paper) {
      service.changeAttachments(caller(drafter), made.id, 'case.attachment.add',
        (c) => Number(insertAttachment.run(c.id, c.revision, paper.name, paper.sha256, paper.size, paper.pages, drafter, isoAt(sim)).lastInsertRowid),
        (attachmentId) => ({ attachmentId, name: paper.name, sha256: paper.sha256, size: paper.size, pages: paper.pages }));
    }
    simNow += 10 * 60_000;
    service.submit(caller(drafter), made.id, made.version);
    for (;;) {
      const c = cases.load(made.id)?.case;
      const step = c && allSteps(c.route).find((s) => s.blocking && s.status === 'pending');
      if (!c || !step) break;
      simNow += 40 * 60_000;
      service.apply(caller(step.assigneeId), c.id, { action: actionOf[step.kind], version: c.version });
    }
  }

  simNow = clock.now() - HOUR_MS;
  const linksRepo = createCaseLinksRepo(db);
  const byTitle = (title: string) => must(idOf('SELECT id FROM cases WHERE title = ? ORDER BY id DESC LIMIT 1', title), title);
  const adminId = must(idOf("SELECT id FROM users WHERE login = 'admin'"), 'admin');
  const at = isoAt(sim);
  for (const l of links) {
    const pair = [byTitle(l.a), byTitle(l.b)] as const;
    linksRepo.add(pair[0], pair[1], l.note, adminId, at);
    for (const [self, other] of [pair, [pair[1], pair[0]]] as const) {
      audit.append({ at, actorId: adminId, onBehalfOf: null, clientIp: '10.20.1.10', action: 'case.link.add', caseId: self, version: cases.load(self)?.case.version ?? null, data: { otherCaseId: other, note: l.note } });
    }
  }
  return { oldCases: oldCases.length, links: links.length };
}
