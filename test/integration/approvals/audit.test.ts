import { execFile } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditHash } from '../../../electron/app/approvals/audit.repo.js';
import { openDatabase, type Db } from '../../../electron/app/db/connection.js';
import { buildApp } from '../../../electron/app/server/app.js';
import { api } from '../../../shared/api/endpoints.js';
import { approvalTown } from '../../helpers/approval-town.js';
import { bodyOf, makeTempDir, removeTempDir, signIn, testClock, testFileDb } from '../../helpers/test-app.js';
import { acted, openTown, refused, submitted, type Town } from './harness.js';

// The audit trail: hash-chained rows that `GET /api/audit/verify` and `kamiless verify --data DIR`
// re-hash; triggers that stop plain UPDATE/DELETE; and raw-SQL tampering that verify catches and names.

const runCli = new URL('../../helpers/run-cli.ts', import.meta.url).pathname;
const run = promisify(execFile);

/** `kamiless verify --data dir`, from source. */
async function verify(dir: string): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', runCli, 'verify', '--data', dir], { encoding: 'utf8' });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

/** A flow through most actions: a 部長専決 case with a 代決 and its 後閲, a send-back and resubmission, a withdrawal. */
async function flow(as: (login: string) => Promise<Awaited<ReturnType<typeof signIn>>>, town: Town['town']): Promise<number[]> {
  const clerk = await as('clerk');
  let c = await submitted(clerk, { typeId: town.types.spending.id, title: '監査対象', amount: 3_200_000 });
  c = await acted(await as('kakaricho'), c.id, { action: 'approve', version: c.version });
  c = await acted(await as('hosa'), c.id, { action: 'send_back', version: c.version, comment: '見積書不足' });
  c = await acted(clerk, c.id, { action: 'resubmit', version: c.version });
  for (const login of ['kakaricho', 'hosa', 'kacho']) c = await acted(await as(login), c.id, { action: 'approve', version: c.version });
  c = await acted(await as('zaisei'), c.id, { action: 'agree', version: c.version });
  c = await acted(await as('kacho'), c.id, { action: 'final_approve', version: c.version, onBehalfOfUserId: town.users.bucho.id, reason: '出張' });
  c = await acted(await as('bucho'), c.id, { action: 'review', version: c.version });
  c = await acted(clerk, c.id, { action: 'enforce', version: c.version, enforcedOn: '2026-04-02' });
  const d = await submitted(clerk, { typeId: town.types.notice.id, title: '取下げ' });
  await acted(clerk, d.id, { action: 'withdraw', version: d.version });
  return [c.id, d.id];
}

const count = (db: Db): number => (db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;

describe('the audit chain over HTTP', () => {
  let t: Town & { close: () => Promise<void> };
  let spendingId: number;
  beforeAll(async () => {
    t = await openTown();
    spendingId = (await flow(t.as, t.town))[0] ?? 0;
  });
  afterAll(async () => t.close());

  it('verifies after a flow, for admins only; every change left a row with actor, on-behalf-of, address, action and version', async () => {
    // Archive PDFs are made in the background after approval; asking for the latest one waits for them.
    expect((await (await t.as('clerk')).inject({ method: 'GET', url: `/api/cases/${spendingId}/archive.pdf` })).statusCode).toBe(200);
    const n = count(t.db);
    // One row per case event (12 for the spending case, 3 for the withdrawn one), and one per archive PDF made.
    const eventRows = (t.db.prepare("SELECT count(*) AS n FROM audit_log WHERE action <> 'case.archive'").get() as { n: number }).n;
    expect(eventRows).toBe(15);
    expect(t.db.prepare('SELECT count(*) AS n FROM case_events').get()).toEqual({ n: eventRows });
    expect(n - eventRows).toBe((t.db.prepare('SELECT count(*) AS n FROM case_archives').get() as { n: number }).n);
    expect(bodyOf(api.auditVerify, await (await t.as('admin')).inject({ method: 'GET', url: '/api/audit/verify' }))).toEqual({ ok: true, rows: n, brokenId: null, reason: null, cases: expect.any(Number) as number, brokenCaseId: null });
    refused(await (await t.as('kacho')).inject({ method: 'GET', url: '/api/audit/verify' }), 403, 'forbidden');

    const rows = t.db.prepare('SELECT action, case_id, version, actor_id, on_behalf_of, client_ip FROM audit_log WHERE case_id IS NOT NULL ORDER BY id').all() as { action: string; version: number; on_behalf_of: number | null; client_ip: string }[];
    expect(rows.map((r) => r.action)).toEqual(expect.arrayContaining(['case.created', 'case.submitted', 'case.acted', 'case.sent_back', 'case.resubmitted', 'case.reviewed', 'case.enforced', 'case.withdrawn']));
    // Archive rows are the hub's own work, from no client.
    expect(rows.filter((r) => r.action !== 'case.archive').every((r) => r.client_ip === '127.0.0.1' && Number.isInteger(r.version))).toBe(true);
    expect(rows.filter((r) => r.on_behalf_of !== null)).toEqual([expect.objectContaining({ action: 'case.acted', on_behalf_of: t.town.users.bucho.id })]);
  });

  it('plain UPDATE and DELETE on audit_log and case_events fail (append-only triggers)', () => {
    expect(() => t.db.prepare("UPDATE audit_log SET client_ip = 'x' WHERE id = 1").run()).toThrow(/append-only/);
    expect(() => t.db.prepare('DELETE FROM audit_log WHERE id = 1').run()).toThrow(/append-only/);
    expect(() => t.db.prepare("UPDATE case_events SET at = 'x' WHERE version = 1").run()).toThrow(/append-only/);
    expect(() => t.db.prepare('DELETE FROM case_events').run()).toThrow(/append-only/);
    expect(() => t.db.prepare("UPDATE route_templates SET definition = '{}'").run()).toThrow(/never changed/);
  });

  it('names the first broken row: an edited row, and the row after one whose hash was recomputed to match', async () => {
    const admin = await t.as('admin');
    const check = async () => bodyOf(api.auditVerify, await admin.inject({ method: 'GET', url: '/api/audit/verify' }));
    const original = t.db.prepare('SELECT * FROM audit_log WHERE id = 5').get() as Parameters<typeof auditHash>[0] & { hash: string; id: number };
    t.db.exec('DROP TRIGGER audit_log_no_update');
    try {
      t.db.prepare("UPDATE audit_log SET client_ip = '203.0.113.9' WHERE id = 5").run();
      expect(await check()).toMatchObject({ ok: false, brokenId: 5, reason: 'its contents do not match its hash' });

      // A forger who also fixes the row's own hash breaks the link to the next row.
      const { hash: _old, ...forged } = { ...original, client_ip: '203.0.113.9' };
      t.db.prepare('UPDATE audit_log SET hash = ? WHERE id = 5').run(auditHash(forged));
      expect(await check()).toMatchObject({ ok: false, brokenId: 6, reason: 'its prev_hash is not the hash of the row before it' });

      t.db.prepare('UPDATE audit_log SET client_ip = ?, hash = ? WHERE id = 5').run(original.client_ip, original.hash);
      expect(await check()).toMatchObject({ ok: true });
    } finally {
      t.db.exec("CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END");
    }
  });
});

describe('kamiless verify --data DIR', () => {
  let dir: string;
  let caseId: number;
  let rows: number;
  beforeAll(async () => {
    dir = join(makeTempDir('kamiless-verify-'), 'data');
    const db = testFileDb(makeDir(dir));
    const clock = testClock();
    const town = await approvalTown(db, clock);
    const app = await buildApp({ db, mode: 'hub', clock, dataDir: dir });
    caseId = (await flow((login) => signIn(app, login), town))[0] ?? 0;
    // Closing waits for the archive PDFs still being made, which add their rows.
    await app.close();
    rows = count(db);
    db.close();
  }, 30_000);
  afterAll(() => removeTempDir(join(dir, '..')));

  it('prints the rows checked and exits 0; names a row edited with raw SQL and exits 1; catches a case whose stored state was changed', async () => {
    const ok = await verify(dir);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toContain(`Audit trail intact: ${rows} rows checked; 2 cases match their events.`);

    const db = openDatabase(join(dir, 'kamiless.db'));
    const original = db.prepare('SELECT data FROM audit_log WHERE id = 4').get() as { data: string };
    try {
      db.exec('DROP TRIGGER audit_log_no_update');
      db.prepare("UPDATE audit_log SET data = json_set(data, '$.event.comment', '改ざん') WHERE id = 4").run();
    } finally {
      db.close();
    }
    const broken = await verify(dir);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain('Audit trail broken at row 4');

    const db2 = openDatabase(join(dir, 'kamiless.db'));
    try {
      db2.prepare('UPDATE audit_log SET data = ? WHERE id = 4').run(original.data);
      // The chain is whole again; now the case itself is edited: 施行済 back to 決裁済.
      db2.prepare("UPDATE cases SET snapshot = json_set(snapshot, '$.state', 'approved'), state = 'approved' WHERE id = ?").run(caseId);
    } finally {
      db2.close();
    }
    const edited = await verify(dir);
    expect(edited.code).toBe(1);
    expect(edited.stderr).toContain(`Case ${caseId} does not match its events`);
  }, 30_000);
});

function makeDir(path: string): string {
  // testFileDb needs the folder to exist.
  mkdirSync(path, { recursive: true });
  return path;
}
