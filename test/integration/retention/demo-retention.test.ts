import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuditRepo } from '../../../electron/app/approvals/audit.repo.js';
import { verifyCaseSnapshots } from '../../../electron/app/approvals/case-replay.js';
import type { Db } from '../../../electron/app/db/connection.js';
import { createDemoTown } from '../../../electron/app/demo/demo.js';
import { makeTempDir, removeTempDir, testDb } from '../../helpers/test-app.js';

// `kamiless demo` (retention on, as the CLI asks): old decided cases whose retention is over, so 保存・廃棄
// has work, and 関連文書 links between demo cases; made through the case service, so they replay and verify.

// Noon in Tokyo, Wednesday 25 November 2026 (FY2026).
const now = Date.parse('2026-11-25T03:00:00.000Z');
let db: Db;
let dataDir: string;

beforeAll(async () => {
  db = testDb();
  dataDir = makeTempDir('kamiless-demo-retention-');
  await createDemoTown(db, { now: () => now }, 'demo-password-123', { retention: true, blobDir: `${dataDir}/blobs` });
}, 120_000);
afterAll(() => {
  db.close();
  removeTempDir(dataDir);
});

describe('kamiless demo: retention and related documents', () => {
  it('has decided cases whose retention ended last fiscal year, one ending this year, and none permanent among them', () => {
    const old = db.prepare("SELECT retention, state, disposal_on, number_fy FROM cases WHERE disposal_on < '2026-04-01' ORDER BY id").all() as { retention: string; state: string; disposal_on: string; number_fy: number }[];
    expect(old.length).toBe(4);
    for (const c of old) expect(c).toMatchObject({ state: 'approved', disposal_on: '2026-03-31' });
    expect(old.map((c) => c.retention).sort()).toEqual(['1', '1', '3', '5']);
    expect(old.every((c) => c.number_fy < 2026)).toBe(true);
    expect(db.prepare("SELECT count(*) AS n FROM cases WHERE disposal_on = '2027-03-31' AND title LIKE '%（前年度）'").get()).toEqual({ n: 1 });
    // Each carries its type's paper, as the recent cases do.
    expect(db.prepare("SELECT count(DISTINCT case_id) AS n FROM case_attachments WHERE case_id IN (SELECT id FROM cases WHERE disposal_on < '2026-04-01')").get()).toEqual({ n: 4 });
  });

  it('links related demo cases, with an audit row on each side, and everything still replays and verifies', () => {
    const links = db.prepare('SELECT case_a, case_b, note FROM case_links').all() as { case_a: number; case_b: number }[];
    expect(links).toHaveLength(4);
    const audited = db.prepare("SELECT case_id, data FROM audit_log WHERE action = 'case.link.add'").all() as { case_id: number; data: string }[];
    expect(audited).toHaveLength(8);
    for (const l of links) {
      expect(audited.map((r) => r.case_id)).toEqual(expect.arrayContaining([l.case_a, l.case_b]));
    }
    expect(verifyCaseSnapshots(db).ok).toBe(true);
    expect(createAuditRepo(db).verify().ok).toBe(true);
  });
});
