import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuditRepo } from '../../../electron/app/approvals/audit.repo.js';
import { verifyCaseSnapshots } from '../../../electron/app/approvals/case-replay.js';
import { createProxiesRepo } from '../../../electron/app/approvals/proxies.repo.js';
import type { Clock } from '../../../electron/app/clock.js';
import type { Db } from '../../../electron/app/db/connection.js';
import type { DemoApprovalsSummary } from '../../../electron/app/demo/demo-approvals.js';
import { demoDocPrefixes } from '../../../electron/app/demo/demo-approvals-plan.js';
import { checkPdf } from '../../../electron/app/approvals/pdf-check.js';
import { createDemoTown } from '../../../electron/app/demo/demo.js';
import { demoUsers } from '../../../electron/app/demo/demo-town.js';
import { buildApp } from '../../../electron/app/server/app.js';
import { api } from '../../../shared/api/endpoints.js';
import { bandFor, caseProblems, caseStates, type Case, type RouteTemplate } from '../../../shared/domain/approval/index.js';
import { bodyOf, makeTempDir, removeTempDir, signIn, testDb } from '../../helpers/test-app.js';

/**
 * `kamiless demo`'s e-approval data (demo-approvals.ts), made through the real
 * case service on a frozen day: every approver has work waiting, every state
 * occurs, and the record replays and verifies.
 */

const password = 'demo-password-123';
// Noon in Tokyo, Wednesday 25 November 2026.
const now = Date.parse('2026-11-25T03:00:00.000Z');
const clock: Clock = { now: () => now };
const approverPosts = ['係長', '課長補佐', '課長', '部長', '支所長', '副町長', '町長'];

interface Town {
  db: Db;
  summary: DemoApprovalsSummary;
}

async function demo(at: number, blobDir?: string): Promise<Town> {
  const db = testDb();
  let summary: DemoApprovalsSummary | undefined;
  await createDemoTown(db, { now: () => at }, password, { onApprovals: (s) => (summary = s), ...(blobDir !== undefined && { blobDir }) });
  if (!summary) throw new Error('the demo reported no e-approval data');
  return { db, summary };
}

const all = <T>(db: Db, sql: string, ...args: unknown[]): T[] => db.prepare(sql).all(...args) as T[];
const snapshots = (db: Db): Case[] => all<{ snapshot: string }>(db, 'SELECT snapshot FROM cases ORDER BY id').map((r) => JSON.parse(r.snapshot) as Case);
const idOf = (db: Db, login: string): number => (db.prepare('SELECT id FROM users WHERE login = ?').get(login) as { id: number }).id;
const loginAt = (department: string, position: string): string => demoUsers.find((u) => u.department === department && u.position === position)?.login ?? '';

let town: Town;
let app: FastifyInstance;
let dataDir: string;

beforeAll(async () => {
  dataDir = makeTempDir('kamiless-demo-approvals-');
  town = await demo(now, join(dataDir, 'blobs'));
  app = await buildApp({ db: town.db, mode: 'hub', clock, dataDir });
}, 120_000);

afterAll(async () => {
  await app?.close();
  town?.db.close();
  if (dataDir) removeTempDir(dataDir);
});

describe('kamiless demo: e-approval cases', () => {
  it('gives every case the paper of its type (見積書, 新旧対照表 …) as a readable PDF attachment, recorded in the audit trail', async () => {
    const rows = all<{ case_id: number; id: number; name: string; pages: number }>(town.db, 'SELECT case_id, id, name, pages FROM case_attachments ORDER BY case_id');
    expect(new Set(rows.map((r) => r.case_id)).size).toBe(town.summary.cases);
    const drafter = await signIn(app, 'admin', password);
    const first = rows[0];
    if (!first) throw new Error('no attachment');
    const res = await drafter.inject({ method: 'GET', url: `/api/cases/${first.case_id}/attachments/${first.id}` });
    expect(res.statusCode).toBe(200);
    expect(await checkPdf(res.rawPayload)).toEqual({ ok: true, pages: first.pages });
    expect(all(town.db, "SELECT 1 FROM audit_log WHERE action = 'case.attachment.add'").length).toBe(rows.length);
  });

  it('gives every decided case its archive PDF (決裁記録), recorded in the audit trail and served as is', async () => {
    const decided = all<{ id: number; version: number }>(town.db, "SELECT id, version FROM cases WHERE state IN ('approved', 'enforced') ORDER BY id");
    expect(decided.length).toBeGreaterThan(0);
    const archives = all<{ case_id: number; case_version: number; sha256: string }>(town.db, 'SELECT case_id, case_version, sha256 FROM case_archives ORDER BY case_id');
    expect(archives.map((a) => [a.case_id, a.case_version])).toEqual(decided.map((c) => [c.id, c.version]));
    expect(all(town.db, "SELECT 1 FROM audit_log WHERE action = 'case.archive'").length).toBe(archives.length);
    const first = archives[0];
    if (!first) throw new Error('no archive');
    const res = await (await signIn(app, 'admin', password)).inject({ method: 'GET', url: `/api/cases/${first.case_id}/archive.pdf` });
    expect(res.statusCode).toBe(200);
    expect(createHash('sha256').update(res.rawPayload).digest('hex')).toBe(first.sha256);
  });

  it('leaves work in GET /api/inbox for every 係長, 課長補佐, 課長, 部長, 支所長, the 副町長 and the 町長', async () => {
    const approvers = demoUsers.filter((u) => approverPosts.includes(u.position));
    expect(approvers.length).toBeGreaterThanOrEqual(29);
    const empty: string[] = [];
    for (const u of approvers) {
      const client = await signIn(app, u.login, password);
      const inbox = bodyOf(api.inbox, await client.inject({ method: 'GET', url: '/api/inbox' }));
      // Their own work, not only a principal's.
      if (!inbox.items.some((i) => i.asProxyFor === null)) empty.push(`${u.login} (${u.department} ${u.position})`);
    }
    expect(empty).toEqual([]);

    // The 建設課長 is the 産業建設部長's standing proxy now: their case shows as 代理.
    const kensetsu = await signIn(app, loginAt('KENSETSU', '課長'), password);
    const items = bodyOf(api.inbox, await kensetsu.inject({ method: 'GET', url: '/api/inbox' })).items;
    expect(items.some((i) => i.asProxyFor?.login === loginAt('SANGYO-BU', '部長'))).toBe(true);
  }, 120_000);

  it('has cases in every state, drafted all over the town, 支所 included', () => {
    const states = all<{ state: string; n: number }>(town.db, 'SELECT state, count(*) AS n FROM cases GROUP BY state');
    const byState = Object.fromEntries(states.map((r) => [r.state, r.n]));
    for (const s of caseStates) expect(byState[s], s).toBeGreaterThan(0);
    expect(town.summary.byState).toEqual(Object.fromEntries(caseStates.map((s) => [s, byState[s]])));
    expect(town.summary.cases).toBeGreaterThanOrEqual(40);
    expect(town.summary.types).toBe(7);
    const sites = all<{ name: string }>(town.db, 'SELECT DISTINCT s.name FROM cases c JOIN sites s ON s.id = c.site_id').map((r) => r.name);
    expect(sites).toEqual(expect.arrayContaining(['本庁（千代田）', '芸北支所', '大朝支所', '豊平支所']));
    expect(all(town.db, 'SELECT DISTINCT department_id FROM cases').length).toBeGreaterThanOrEqual(12);
    // In progress at every kind of step: approvals, 合議 and the final decision.
    const waiting = all<{ kind: string }>(town.db, "SELECT DISTINCT kind FROM case_steps WHERE status = 'pending'").map((r) => r.kind).sort();
    expect(waiting).toEqual(['approve', 'consult', 'final', 'inform']);
  });

  it('replays every case from its events, keeps every invariant, and verifies the audit chain', () => {
    expect(verifyCaseSnapshots(town.db)).toEqual({ ok: true, cases: town.summary.cases });
    const problems = snapshots(town.db).flatMap((c) => caseProblems(c).map((p) => `${c.id}: ${p}`));
    expect(problems).toEqual([]);
    const events = all(town.db, 'SELECT 1 FROM case_events').length;
    expect(events).toBe(town.summary.events);
    // One audit row per case event, per attachment, per document type, per proxy and per archive PDF.
    const attachments = all(town.db, 'SELECT 1 FROM case_attachments').length;
    const archives = all(town.db, 'SELECT 1 FROM case_archives').length;
    expect(createAuditRepo(town.db).verify()).toEqual({ ok: true, rows: events + attachments + town.summary.types + town.summary.proxies + archives });
  });

  it('records 代理 and 代決 with their 後閲, and standing proxies past, present and to come', () => {
    const steps = snapshots(town.db).flatMap((c) => c.route.flatMap((s) => s.steps));
    expect(steps.filter((s) => s.actedVia === 'proxy').length).toBeGreaterThanOrEqual(2);
    expect(steps.filter((s) => s.actedVia === 'deputy').length).toBeGreaterThanOrEqual(3);
    const reviews = snapshots(town.db).flatMap((c) => c.reviews);
    expect(reviews.some((r) => r.doneAt === null)).toBe(true);
    expect(reviews.some((r) => r.doneAt !== null)).toBe(true);
    expect(all(town.db, 'SELECT 1 FROM case_reviews').length).toBe(reviews.filter((r) => r.doneAt === null).length);
    const proxies = createProxiesRepo(town.db).list(null, new Date(now).toISOString());
    const today = '2026-11-25';
    expect(proxies.filter((p) => p.active)).toHaveLength(1);
    expect(proxies.filter((p) => p.toDate < today)).toHaveLength(1);
    expect(proxies.filter((p) => p.fromDate > today)).toHaveLength(1);
  });

  it('numbers cases per 課 and fiscal year with the 課\'s prefix, gap-free', () => {
    const rows = all<{ number: string | null; number_dept: number | null; number_fy: number | null; number_seq: number | null; state: string; doc_prefix: string }>(
      town.db,
      'SELECT c.number, c.number_dept, c.number_fy, c.number_seq, c.state, d.doc_prefix FROM cases c LEFT JOIN departments d ON d.id = c.number_dept ORDER BY c.number_dept, c.number_seq',
    );
    const prefixes = Object.values(demoDocPrefixes);
    const series = new Map<string, number[]>();
    for (const r of rows) {
      if (r.number === null) {
        expect(['draft', 'withdrawn']).toContain(r.state);
        continue;
      }
      expect(r.number).toBe(`${r.doc_prefix}第${r.number_seq}号`);
      expect(prefixes).toContain(r.doc_prefix);
      expect(r.number_fy).toBe(2026);
      const key = `${r.number_dept}/${r.number_fy}`;
      series.set(key, [...(series.get(key) ?? []), r.number_seq ?? 0]);
    }
    for (const seqs of series.values()) expect(seqs).toEqual(seqs.map((_, i) => i + 1));
    expect(rows.map((r) => r.number)).toEqual(expect.arrayContaining(['北広総第1号', '北広財第1号', '北広芸支第1号', '北広大支第1号', '北広豊支第1号']));
  });

  it('routes by the 専決 bands: the amount picks who decides, and a 支所長 decides for the 課長 a 支所 does not have', () => {
    const types = new Map(all<{ id: number; code: string; definition: string }>(town.db, 'SELECT t.id, t.code, r.definition FROM document_types t JOIN route_templates r ON r.id = t.current_template_id')
      .map((t) => [t.id, { code: t.code, template: JSON.parse(t.definition) as RouteTemplate }]));
    expect([...types.values()].map((t) => t.code)).toEqual(['SHISHUTSU', 'KEIYAKU', 'KAITO', 'REIKI', 'HOJOKIN', 'KOHO', 'KYUKA']);
    const branchHeads = new Map(all<{ dept: number; user: number }>(town.db, `SELECT d.id AS dept, u.id AS user FROM departments d JOIN users u ON u.department_id = d.id
      JOIN positions p ON p.id = u.position_id WHERE d.code LIKE '%-SS' AND p.name = '支所長'`).map((r) => [r.dept, r.user]));
    let escalated = 0;
    for (const c of snapshots(town.db)) {
      const type = types.get(c.typeId);
      const band = type && bandFor(type.template.bands, c.amount ?? 0);
      expect(c.finalRule.label, `${c.title} ¥${c.amount}`).toBe(band?.label);
      const decider = c.route[c.route.length - 1]?.steps[0];
      expect(decider?.kind).toBe('final');
      if (branchHeads.has(c.departmentId) && band?.finalStepKey === 'kacho') {
        expect(decider?.assigneeId).toBe(branchHeads.get(c.departmentId));
        expect(c.finalRule.escalatedFrom).toBe('kacho');
        escalated++;
      }
    }
    expect(escalated).toBeGreaterThanOrEqual(4);
    // 広報掲載: 企画課 合議, and 総務課長 for information only (the route does not wait for it).
    const publicity = snapshots(town.db).find((c) => types.get(c.typeId)?.code === 'KOHO' && c.state === 'in_progress' && c.route.some((s) => s.key === 'kikaku'));
    const inform = publicity?.route.flatMap((s) => s.steps).find((s) => s.kind === 'inform');
    expect(inform).toMatchObject({ blocking: false, assigneeId: idOf(town.db, loginAt('SOMU', '課長')) });
  });

  it('spreads the cases over the last weeks, on weekdays in office hours, before now, and the audit trail in time order', () => {
    const times = all<{ at: string }>(town.db, 'SELECT at FROM case_events').map((r) => Date.parse(r.at));
    expect(Math.max(...times)).toBeLessThan(now);
    expect(Math.min(...times)).toBeGreaterThan(now - 60 * 86_400_000);
    const outside = times.filter((t) => {
      const tokyo = new Date(t + 9 * 3_600_000);
      const minute = tokyo.getUTCHours() * 60 + tokyo.getUTCMinutes();
      return [0, 6].includes(tokyo.getUTCDay()) || minute < 8 * 60 + 30 || minute > 17 * 60 + 15;
    });
    expect(outside).toEqual([]);
    const audit = all<{ at: string }>(town.db, 'SELECT at FROM audit_log ORDER BY id').map((r) => r.at);
    expect(audit).toEqual([...audit].sort());
  });
});

describe('kamiless demo: e-approval cases on other days', () => {
  it('makes the same cases, to the audit hash, for the same day', async () => {
    const again = await demo(now, join(dataDir, 'blobs-again'));
    try {
      const cases = (db: Db) => all(db, 'SELECT id, state, version, number, title, snapshot FROM cases ORDER BY id');
      expect(cases(again.db)).toEqual(cases(town.db));
      const last = (db: Db) => db.prepare('SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1').get();
      expect(last(again.db)).toEqual(last(town.db));
    } finally {
      again.db.close();
    }
  }, 120_000);

  it('fits any day: at the turn of the fiscal year the numbers restart in April', async () => {
    // Monday 5 April 2027, 09:30 in Tokyo: six weeks back is February.
    const april = Date.parse('2027-04-05T00:30:00.000Z');
    const other = await demo(april);
    try {
      for (const s of caseStates) expect(other.summary.byState[s], s).toBeGreaterThan(0);
      expect(verifyCaseSnapshots(other.db).ok).toBe(true);
      expect(createAuditRepo(other.db).verify().ok).toBe(true);
      const years = all<{ fy: number; first: number }>(other.db, 'SELECT number_fy AS fy, min(number_seq) AS first FROM cases WHERE number IS NOT NULL GROUP BY number_fy ORDER BY fy');
      expect(years).toEqual([{ fy: 2026, first: 1 }, { fy: 2027, first: 1 }]);
      const waiting = new Set(all<{ assignee_id: number }>(other.db, "SELECT DISTINCT assignee_id FROM case_steps WHERE status = 'pending'").map((r) => r.assignee_id));
      const idle = demoUsers.filter((u) => approverPosts.includes(u.position) && !waiting.has(idOf(other.db, u.login))).map((u) => u.login);
      expect(idle).toEqual([]);
      expect(Math.max(...all<{ at: string }>(other.db, 'SELECT at FROM case_events').map((r) => Date.parse(r.at)))).toBeLessThan(april);
    } finally {
      other.db.close();
    }
  }, 120_000);
});
