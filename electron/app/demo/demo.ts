import { AppError } from '../app-error.js';
import type { Clock } from '../clock.js';
import type { Db } from '../db/connection.js';
import { hashPassword } from '../org/passwords.js';
import { createServices, type Services } from '../services.js';
import { dirname, join } from 'node:path';
import { archiveDemoCases } from './demo-archives.js';
import { installDemoApprovals, type DemoApprovalsSummary } from './demo-approvals.js';
import { makeDemoPapers, type DemoPaper } from './demo-papers.js';
import { installDemoRetention, type DemoRetentionSummary } from './demo-retention.js';
import { assertNoDemoLogs, installDemoLogs, type DemoLogsOptions, type DemoLogsSummary } from './demo-logs.js';
import { demoDepartments, demoPositions, demoSites, demoTownName, demoUsers } from './demo-town.js';

export interface DemoUserSummary {
  login: string;
  name: string;
  department: string;
  site: string;
  position: string;
  roles: string[];
}

export interface DemoOptions {
  /**
   * Also write the town's print-server logs, FY2021 (the baseline) to
   * yesterday, into this folder and import them (demo-logs.ts). `onStart`
   * is called once the town is made and the logs begin (they take seconds),
   * `onLogs` with what was written and stored.
   */
  logs?: DemoLogsOptions & { onStart?: () => void; onLogs?: (summary: DemoLogsSummary) => void };
  /**
   * Where the demo cases' attachments (one PDF per document type) are stored; by default `blobs/` beside a
   * database file (as the hub reads them). Without a file database and no folder, the cases carry none.
   */
  blobDir?: string;
  /** Told what e-approval data the town got (document types, cases by state; demo-approvals.ts), and the old cases and links with `retention`. */
  onApprovals?: (summary: DemoApprovalsSummary, past: DemoRetentionSummary | null) => void;
  /** Also cases decided years ago, most past their retention (保存・廃棄 has work), and 関連文書 links (demo-retention.ts). */
  retention?: boolean;
}

/** Fills an empty database with the demo town; refuses a town that already has users. */
export async function createDemoTown(db: Db, clock: Clock, password: string, options: DemoOptions = {}): Promise<DemoUserSummary[]> {
  const s = createServices(db, clock);
  if (s.users.count() > 0) throw new AppError('setup_already_done', { detail: 'this data folder already holds a town; use an empty --data folder' });
  // Checked before the town is made, so a refusal leaves the data folder as it was.
  if (options.logs) assertNoDemoLogs(options.logs.dir);
  const blobDir = options.blobDir ?? (db.memory || db.name === '' ? undefined : join(dirname(db.name), 'blobs'));
  // Written before the town's transaction (PDF making is async); a blob nobody refers to is harmless.
  const papers = blobDir === undefined ? new Map<string, DemoPaper>() : await makeDemoPapers(blobDir, clock.now());
  const { users, approvals, past } = await createTown(db, s, password, papers, options.retention ?? false);
  // After the town's transaction: each archive commits on its own, as on the hub.
  if (blobDir !== undefined) await archiveDemoCases(db, clock, blobDir);
  options.onApprovals?.(approvals, past);
  if (options.logs) {
    // After the town: the log sources belong to its sites. Not in its transaction: the import commits in batches of its own.
    options.logs.onStart?.();
    const summary = await installDemoLogs(db, clock, options.logs);
    options.logs.onLogs?.(summary);
  }
  return users;
}

async function createTown(db: Db, s: Services, password: string, papers: ReadonlyMap<string, DemoPaper>, retention: boolean): Promise<{ users: DemoUserSummary[]; approvals: DemoApprovalsSummary; past: DemoRetentionSummary | null }> {
  // Hash outside the transaction (async, on the thread pool); each user gets their own salt.
  const hashes = await Promise.all(demoUsers.map(() => hashPassword(password)));
  return db.transaction(() => {
    s.settings.set('town.name', demoTownName);
    const siteIds = new Map(demoSites.map((site, i) => [site.code, s.sites.create({ ...site, sortOrder: i }).id]));
    const deptIds = new Map<string, number>();
    const siteOfDept = new Map<string, string>();
    demoDepartments.forEach((d, i) => {
      const siteId = siteIds.get(d.site);
      if (siteId === undefined) throw new Error(`demo data: unknown site ${d.site}`);
      const parentId = d.parent === null ? null : (deptIds.get(d.parent) ?? null);
      deptIds.set(d.code, s.departments.create({ code: d.code, name: d.name, kind: d.kind, parentId, siteId, sortOrder: i }).id);
      siteOfDept.set(d.code, demoSites.find((x) => x.code === d.site)?.name ?? '');
    });
    const positionIds = new Map(demoPositions.map((p) => [p.name, s.positions.create(p).id]));
    const users = demoUsers.map((u, i) => {
      s.users.create(
        {
          login: u.login, name: u.name, kana: u.kana, email: `${u.login}@town.kitahiroshima.example.jp`,
          departmentId: deptIds.get(u.department) ?? null, positionId: positionIds.get(u.position) ?? null, roles: u.roles,
        },
        hashes[i] ?? '',
      );
      return {
        login: u.login,
        name: u.name,
        department: demoDepartments.find((d) => d.code === u.department)?.name ?? '',
        site: siteOfDept.get(u.department) ?? '',
        position: u.position,
        roles: u.roles,
      };
    });
    // In the same transaction: a town without its cases is never left behind.
    const approvals = installDemoApprovals(db, s.clock, undefined, papers);
    const past = retention ? installDemoRetention(db, s.clock, papers) : null;
    return { users, approvals, past };
  })();
}
