import { execFileSync, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseView } from '../../../shared/api/approvals.js';
import { api } from '../../../shared/api/endpoints.js';
import { kpiReportSchema } from '../../../shared/api/kpi.js';
import type { Db } from '../../../electron/app/db/connection.js';
import { APPROVAL_EFFECT_KEYS } from '../../../electron/app/kpi/approval-effect.repo.js';
import { evaluationPdf } from '../../../electron/app/kpi/evaluation-pdf.js';
import { createKpiReports } from '../../../electron/app/kpi/kpi-report.js';
import { hashPassword } from '../../../electron/app/org/passwords.js';
import { buildApp } from '../../../electron/app/server/app.js';
import { createServices } from '../../../electron/app/services.js';
import { approvalTown, type ApprovalTown } from '../../helpers/approval-town.js';
import { bodyOf, dbSnapshot, errorOf, makeTempDir, removeTempDir, signIn, testFileDb, testPassword, type Client } from '../../helpers/test-app.js';

// The e-approval effect (電子決裁による削減効果): the cases finally approved (承認済・施行済) on a Tokyo date inside a
// fiscal year, each worth 1 page (the 起案用紙) + its current attachments' pages, printed once per paper copy a paper
// route needs (a setting, 2 by default; one-sided by default). Built through the real approval service: PDFs
// uploaded as multipart, routes walked to their final step with the clock set to the approval instant.

let dir: string;
let db: Db;
let app: FastifyInstance;
let town: ApprovalTown;
let now = Date.parse('2025-03-01T09:00:00+09:00');
const clock = { now: () => now, advance: (ms: number) => { now += ms; } };
let clients = new Map<string, Client>();

/** Moves the clock (sessions idle out after an hour, so everyone signs in again). */
function at(iso: string): void {
  now = Date.parse(iso);
  clients = new Map();
}
async function as(login: string): Promise<Client> {
  const c = clients.get(login) ?? (await signIn(app, login));
  clients.set(login, c);
  return c;
}

async function pdf(pages: number): Promise<Buffer> {
  const doc = await PDFDocument.create();
  for (let i = 0; i < pages; i++) doc.addPage([595, 842]).drawText(`page ${i + 1}`, { x: 50, y: 780, size: 12 });
  return Buffer.from(await doc.save());
}

function multipart(filename: string, bytes: Buffer): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----kamiless${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/pdf\r\n\r\n`, 'utf8');
  return { payload: Buffer.concat([head, bytes, Buffer.from(`\r\n--${boundary}--\r\n`, 'utf8')]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

const caseOf = (res: LightMyRequestResponse): CaseView => bodyOf(api.getCase, res);
async function act(login: string, c: CaseView, payload: Record<string, unknown>): Promise<CaseView> {
  return caseOf(await (await as(login)).inject({ method: 'POST', url: `/api/cases/${c.id}/actions`, payload: { version: c.version, ...payload } }));
}

type Kind = 'notice' | 'spending';
/**
 * A case drafted by `clerk` with PDFs of the given page counts (those in `remove` taken off again before
 * submission), submitted, and taken as far as `to`. notice: 係長 → 課長 (決裁); spending under ¥500,000: 係長 →
 * 課長補佐 → 課長 (専決).
 */
async function aCase(kind: Kind, attachments: number[], to: 'draft' | 'in_progress' | 'approved' | 'enforced' | 'rejected' | 'withdrawn', remove: number[] = []): Promise<CaseView> {
  const clerk = await as('clerk');
  const type = kind === 'notice' ? town.types.notice : town.types.spending;
  let c = bodyOf(api.createCase, await clerk.inject({
    method: 'POST', url: '/api/cases', payload: { typeId: type.id, title: `${kind} ${to}`, ...(kind === 'spending' && { amount: 120_000 }) },
  }));
  for (const [i, pages] of attachments.entries()) {
    const att = bodyOf(api.addAttachment, await clerk.inject({ method: 'POST', url: `/api/cases/${c.id}/attachments`, ...multipart(`添付${i + 1}.pdf`, await pdf(pages)) }));
    expect(att.pages).toBe(pages);
    if (remove.includes(i)) {
      const res = await clerk.inject({ method: 'DELETE', url: `/api/cases/${c.id}/attachments/${att.id}` });
      expect(res.statusCode, res.body).toBe(200);
    }
  }
  c = caseOf(await clerk.inject({ method: 'GET', url: `/api/cases/${c.id}` }));
  if (to === 'draft') return c;
  if (to === 'withdrawn') return act('clerk', c, { action: 'withdraw', comment: '取下げ' });
  c = bodyOf(api.submitCase, await clerk.inject({ method: 'POST', url: `/api/cases/${c.id}/submit`, payload: { version: c.version } }));
  c = await act('kakaricho', c, { action: 'approve' });
  if (to === 'in_progress') return c;
  if (kind === 'spending') c = await act('hosa', c, { action: 'approve' });
  if (to === 'rejected') return act('kacho', c, { action: 'reject', comment: '必要性が認められない' });
  c = await act('kacho', c, { action: 'final_approve' });
  expect(c.state).toBe('approved');
  if (to === 'enforced') {
    c = await act('clerk', c, { action: 'enforce', enforcedOn: new Date(now + 9 * 3_600_000).toISOString().slice(0, 10) });
    expect(c.state).toBe('enforced');
  }
  return c;
}

const effect = async (fy: number, login = 'dx') => bodyOf(api.kpiApprovalEffect, await (await as(login)).inject({ method: 'GET', url: `/api/kpi/approval-effect?fy=${fy}` }));
const putSettings = async (payload: unknown, login = 'dx') => (await as(login)).inject({ method: 'PUT', url: '/api/kpi/approval-effect/settings', payload: payload as Record<string, unknown> });

beforeAll(async () => {
  dir = makeTempDir('kamiless-approval-effect-');
  db = testFileDb(dir);
  town = await approvalTown(db, clock);
  const s = createServices(db, clock);
  s.users.create(
    { login: 'dx', name: 'DX 担当', kana: '', email: '', departmentId: town.departments.somu.id, positionId: town.positions.shuji.id, roles: ['dx', 'clerk'] },
    await hashPassword(testPassword),
  );
  app = await buildApp({ db, mode: 'hub', clock, dataDir: dir });

  // 令和6年度 (FY2024): 23:59 JST on 31 March 2025.
  at('2025-03-31T14:59:00Z');
  await aCase('notice', [3], 'approved'); // 1 + 3 = 4 pages
  // 令和7年度 (FY2025): 00:30 JST on 1 April 2025, though still 31 March in UTC.
  at('2025-03-31T15:30:00Z');
  await aCase('notice', [2, 5], 'approved'); // 1 + 2 + 5 = 8 pages
  at('2025-06-02T01:00:00Z');
  await aCase('notice', [10], 'rejected');
  await aCase('notice', [7], 'withdrawn');
  await aCase('notice', [9], 'in_progress');
  await aCase('notice', [11], 'draft');
  at('2025-09-10T01:00:00Z');
  await aCase('spending', [4, 6], 'enforced', [1]); // 1 + 4 = 5 pages: the removed 6 pages do not count
  at('2026-03-31T14:59:59Z');
  await aCase('notice', [], 'approved'); // the cover sheet alone: 1 page
  // 令和8年度 (FY2026): midnight JST on 1 April 2026.
  at('2026-03-31T15:00:00Z');
  await aCase('notice', [1], 'approved'); // 2 pages
  at('2026-04-10T09:00:00+09:00');
}, 60_000);

afterAll(async () => {
  await app?.close();
  if (db?.open) db.close();
  removeTempDir(dir);
});

describe('GET /api/kpi/approval-effect', () => {
  it('counts the cases finally approved in the Tokyo fiscal year: 1 page for the 起案用紙 + current attachments, × 2 copies one-sided by default', async () => {
    const e = await effect(2025);
    expect(e).toMatchObject({ fiscalYear: 2025, cases: 3, pages: 8 + 5 + 1, paperCopies: 2, duplex: false, sheets: (8 + 5 + 1) * 2 });
    expect(e.byType).toEqual([
      { typeId: town.types.notice.id, name: '通知・照会への回答', cases: 2, pages: 9, sheets: 18 },
      { typeId: town.types.spending.id, name: '支出負担行為', cases: 1, pages: 5, sheets: 10 },
    ]);
    expect(e.byMonth.map((m) => m.month)).toEqual(['2025-04', '2025-05', '2025-06', '2025-07', '2025-08', '2025-09', '2025-10', '2025-11', '2025-12', '2026-01', '2026-02', '2026-03']);
    expect(e.byMonth.filter((m) => m.cases > 0)).toEqual([
      { month: '2025-04', cases: 1, sheets: 16 },
      { month: '2025-09', cases: 1, sheets: 10 },
      { month: '2026-03', cases: 1, sheets: 2 },
    ]);
  });

  it('places a case by the Tokyo date of its final approval: 31 March 23:59 JST is the year before, 1 April 00:00 JST the year after', async () => {
    expect(await effect(2024)).toMatchObject({ cases: 1, pages: 4, sheets: 8, byType: [{ name: '通知・照会への回答', cases: 1 }] });
    expect(await effect(2026)).toMatchObject({ cases: 1, pages: 2, sheets: 4 });
    const empty = await effect(2023);
    expect(empty).toMatchObject({ cases: 0, pages: 0, sheets: 0, byType: [] });
    expect(empty.byMonth).toHaveLength(12);
  });

  it('is carried by the report (and so kamiless report --json) apart from the measured figures, which it never changes', async () => {
    const dx = await as('dx');
    const report = bodyOf(api.kpiReport, await dx.inject({ method: 'GET', url: '/api/kpi/report?fy=2025' }));
    expect(report.approvalEffect).toEqual({ cases: 3, pages: 14, paperCopies: 2, duplex: false, sheets: 28 });
    // No print job was imported: the measured sheets and reduction stay 0 whatever e-approval is estimated to save.
    expect(report.sheets).toBe(0);
    expect(report.reduction).toBe(0);
    expect(report.months.every((m) => m.sheets === 0)).toBe(true);
    expect(createKpiReports(db, clock).report(2025).approvalEffect).toEqual(report.approvalEffect);

    const kamiless = (args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', new URL('../../helpers/run-cli.ts', import.meta.url).pathname, ...args], { encoding: 'utf8' });
    const cli = kamiless(['report', '--data', dir, '--fy', '2025', '--json']);
    expect(cli.status, cli.stderr).toBe(0);
    const json = kpiReportSchema.parse(JSON.parse(cli.stdout));
    expect(json.approvalEffect).toEqual({ cases: 3, pages: 14, paperCopies: 2, duplex: false, sheets: 28 });
    expect(json.sheets).toBe(0);
    const text = kamiless(['report', '--data', dir, '--fy', '2025']);
    expect(text.status, text.stderr).toBe(0);
    expect(text.stdout).toContain('電子決裁による削減効果（推計, not in the reduction above）: 28 sheets — 3 cases, 14 pages × 2 copies');
  }, 30_000);

  it('adds a line of reference to the evaluation PDF, said to be an estimate left out of the reduction', async () => {
    const file = join(dir, 'evaluation-2025.pdf');
    writeFileSync(file, await evaluationPdf(db, clock, 2025));
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(text).toContain('電子決裁による削減効果（推計）');
    expect(text).toContain('約28枚（電子決裁3件・14ページ×紙の回議で要る部数2部、片面）');
    expect(text).toContain('含めていません');
    // A year without cases has no such line.
    writeFileSync(file, await evaluationPdf(db, clock, 2023));
    expect(execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' })).not.toContain('電子決裁');
  });

  it('is for the DX office and administrators: a clerk gets 403, a bad year 400', async () => {
    expect((await effect(2025, 'admin')).sheets).toBe(28);
    const clerk = await as('clerk');
    expect((await clerk.inject({ method: 'GET', url: '/api/kpi/approval-effect?fy=2025' })).statusCode).toBe(403);
    const bad = await (await as('dx')).inject({ method: 'GET', url: '/api/kpi/approval-effect?fy=12' });
    expect(bad.statusCode).toBe(400);
    expect(errorOf(bad).field).toBe('query.fy');
  });
});

describe('PUT /api/kpi/approval-effect/settings', () => {
  it('sets the copies and duplex, stored in settings and the admin log, and the estimate follows', async () => {
    const res = await putSettings({ paperCopies: 3, duplex: true });
    expect(bodyOf(api.setKpiApprovalEffectSettings, res)).toEqual({ paperCopies: 3, duplex: true });
    expect(db.prepare('SELECT key, value FROM settings WHERE key LIKE ? ORDER BY key').all('kpi.approvalEffect.%')).toEqual([
      { key: APPROVAL_EFFECT_KEYS.duplex, value: 'true' },
      { key: APPROVAL_EFFECT_KEYS.paperCopies, value: '3' },
    ]);
    const log = db.prepare("SELECT action, target, detail FROM admin_log WHERE action = 'kpi.approvalEffect.set'").all() as { detail: string }[];
    expect(log).toHaveLength(1);
    expect(JSON.parse(log[0]?.detail ?? '{}')).toEqual({ before: { paperCopies: 2, duplex: false }, after: { paperCopies: 3, duplex: true } });
    // Duplex: ceil(pages ÷ 2) a copy. 8 → 4 × 3, 5 → 3 × 3, 1 → 1 × 3.
    const e = await effect(2025);
    expect(e).toMatchObject({ cases: 3, pages: 14, paperCopies: 3, duplex: true, sheets: 12 + 9 + 3 });
    expect(e.byType.map((t) => t.sheets)).toEqual([15, 9]);
    // 0 copies is allowed (a town whose paper route was already gone): nothing avoided. The admin may set it too.
    bodyOf(api.setKpiApprovalEffectSettings, await putSettings({ paperCopies: 0, duplex: false }, 'admin'));
    expect((await effect(2025)).sheets).toBe(0);
    bodyOf(api.setKpiApprovalEffectSettings, await putSettings({ paperCopies: 20, duplex: false }));
    expect((await effect(2025)).sheets).toBe(14 * 20);
    bodyOf(api.setKpiApprovalEffectSettings, await putSettings({ paperCopies: 2, duplex: false }));
  });

  it('refuses −1, 21, 1.5, a text or a missing field with 400 naming it, and changes nothing', async () => {
    const dx = await as('dx');
    await as('clerk');
    const before = dbSnapshot(db);
    for (const [payload, field] of [
      [{ paperCopies: -1, duplex: false }, 'body.paperCopies'],
      [{ paperCopies: 21, duplex: false }, 'body.paperCopies'],
      [{ paperCopies: 1.5, duplex: false }, 'body.paperCopies'],
      [{ paperCopies: '2', duplex: false }, 'body.paperCopies'],
      [{ paperCopies: 2 }, 'body.duplex'],
      [{ paperCopies: 2, duplex: 'yes' }, 'body.duplex'],
    ] as const) {
      const res = await dx.inject({ method: 'PUT', url: '/api/kpi/approval-effect/settings', payload });
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(errorOf(res)).toMatchObject({ code: 'validation', field });
    }
    const clerk = await putSettings({ paperCopies: 5, duplex: true }, 'clerk');
    expect(clerk.statusCode).toBe(403);
    expect(dbSnapshot(db)).toEqual(before);
    expect(await effect(2025)).toMatchObject({ paperCopies: 2, duplex: false, sheets: 28 });
  });

  it('falls back to the defaults when a stored value is unreadable (edited by hand)', async () => {
    const put = db.prepare('UPDATE settings SET value = ? WHERE key = ?');
    put.run('many', APPROVAL_EFFECT_KEYS.paperCopies);
    put.run('1', APPROVAL_EFFECT_KEYS.duplex);
    expect(await effect(2025)).toMatchObject({ paperCopies: 2, duplex: false, sheets: 28 });
    bodyOf(api.setKpiApprovalEffectSettings, await putSettings({ paperCopies: 2, duplex: false }));
  });
});
