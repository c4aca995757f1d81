import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCaseVisibility, type Caller } from '../../electron/app/approvals/case-service.js';
import { createNames } from '../../electron/app/approvals/case-view.js';
import { createProxiesRepo } from '../../electron/app/approvals/proxies.repo.js';
import { openDatabase } from '../../electron/app/db/connection.js';
import { migrate } from '../../electron/app/db/migrate.js';
import { createSettingsRepo } from '../../electron/app/org/settings.repo.js';
import { createSearchIndex } from '../../electron/app/search/search-index.sqlite.js';
import { INDEX_BATCH } from '../../electron/app/search/search-indexer.js';
import { createSearchQueries } from '../../electron/app/search/search-queries.sqlite.js';
import { createSearchService } from '../../electron/app/search/search-service.js';
import { approvalTown } from '../helpers/approval-town.js';
import { testClock } from '../helpers/test-app.js';

export interface SearchFigures {
  cases: number;
  buildSeconds: number;
  indexSeconds: number;
  dbMb: number;
  samples: number;
  /** p95 over every query run, per user. */
  p95Ms: { all: number; few: number };
  /** Each query's median and hits, per user. */
  queries: { q: string; allMs: number; allTotal: number; fewMs: number; fewTotal: number }[];
}

/** The ten queries: phrases clerks type, one and two characters among them (the LIKE scan). */
export const benchQueries = ['支出負担行為', '道路補修', '見積書', '芸北', '委託契約', '課', '補助金交付', '特記仕様書', '災害復旧', '議会'];

const quantile = (xs: number[], q: number): number => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? 0;
};

/** A fixed pseudo-random sequence: the same corpus every run. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const heads = ['道路', '河川', '公園', '学校', '庁舎', '水道', '下水道', '農地', '林道', '橋梁', '住宅', '福祉', '保健', '観光', '商工', '消防', '防災', '選挙', '税務', '財政',
  '支出', '委託', '補助金', '特記', '災害', '議会', '芸北', '大朝', '千代田', '豊平', '地域', '交通', '環境', '文化', '体育', '給食', '図書館', '公民館', '保育', '介護'];
const tails = ['補修', '計画', '契約', '交付', '仕様書', '復旧', '負担行為', '見積書', '報告', '調査', '設計', '工事', '管理', '事業', '申請', '決定', '変更', '検査', '通知', '照会'];
const joins = ['の', 'に係る', 'について', 'を', 'に関する', 'と'];
const ends = ['を実施する。', 'を行う。', 'について協議した。', 'の件。', 'を決定した。', 'とする。'];

/** About 1 KB of UTF-8 (≈ 340 characters) of official-looking Japanese from the words above. */
function documentText(next: () => number): string {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T;
  let text = '';
  while (Buffer.byteLength(text) < 1000) {
    const n = 3 + Math.floor(next() * 3);
    const words = Array.from({ length: n }, () => `${pick(heads)}${pick(tails)}`);
    text += words.map((w, i) => (i < n - 1 ? `${w}${pick(joins)}` : w)).join('') + pick(ends);
  }
  return text;
}

/**
 * 100,000 cases (BENCH_SEARCH_CASES) with 1 KB of extracted PDF text each, written
 * with SQL, indexed by the indexer the app runs, then the ten queries through
 * the search service the API calls (visibility, filters, page, total, snippets,
 * related): as an administrator who sees everything and as a clerk who is on
 * one case in a hundred.
 */
export async function searchBench(cases: number, runs = 5): Promise<SearchFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'kamiless-search-bench-'));
  try {
    const file = join(dir, 'bench.db');
    const db = openDatabase(file);
    migrate(db);
    const clock = testClock();
    const town = await approvalTown(db, clock);
    const notice = town.types.notice;
    const templateId = (db.prepare('SELECT current_template_id AS id FROM document_types WHERE id = ?').get(notice.id) as { id: number }).id;
    const drafters = [town.users.clerk.id, town.users.kitaClerk.id, town.users.kakaricho.id];
    const departments = [town.departments.jinji.id, town.departments.kita.id, town.departments.jinji.id];
    const sites = [town.sites.hq.id, town.sites.branch.id, town.sites.hq.id];
    const few = town.users.clerk2;

    const started = performance.now();
    const next = random(20260401);
    const insertCase = db.prepare(`INSERT INTO cases (id, type_id, template_id, drafter_id, department_id, site_id, state, version, revision, number, number_fy,
        title, retention, snapshot, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 'approved', 1, 1, ?, 2025, ?, '1', json_object('body', ?), ?, ?)`);
    const insertAttachment = db.prepare(`INSERT INTO case_attachments (case_id, revision, name, sha256, size, pages, created_by, created_at)
      VALUES (?, 1, '資料.pdf', ?, 1000, 1, ?, ?)`);
    const insertText = db.prepare("INSERT INTO pdf_texts (sha256, text, pages, has_text_layer, error, extracted_at) VALUES (?, ?, 1, 1, NULL, '2026-04-01T00:00:00Z')");
    const participant = db.prepare('INSERT OR IGNORE INTO case_participants (user_id, case_id) VALUES (?, ?)');
    db.transaction(() => {
      for (let id = 1; id <= cases; id++) {
        const k = id % 3;
        const drafter = drafters[k] as number;
        const at = new Date(Date.parse('2025-04-01T00:00:00Z') + id * 300_000).toISOString();
        const pick = () => `${heads[Math.floor(next() * heads.length)]}${tails[Math.floor(next() * tails.length)]}`;
        insertCase.run(id, notice.id, templateId, drafter, departments[k], sites[k], `${k === 1 ? '北支所地域課' : '総務課'}第${id}号`, `${pick()}の${pick()}について`, `${pick()}を${pick()}する。`, at, at);
        participant.run(drafter, id);
        if (id % 100 === 0) participant.run(few.id, id);
        const sha256 = id.toString(16).padStart(64, '0');
        insertText.run(sha256, documentText(next));
        insertAttachment.run(id, sha256, drafter, at);
      }
    })();
    const buildSeconds = (performance.now() - started) / 1000;

    const index = createSearchIndex(db);
    const indexStarted = performance.now();
    while (index.flush(INDEX_BATCH) > 0);
    const indexSeconds = (performance.now() - indexStarted) / 1000;
    db.pragma('wal_checkpoint(TRUNCATE)');

    const service = createSearchService({
      db,
      clock,
      queries: createSearchQueries(db),
      index,
      visibility: createCaseVisibility({ proxies: createProxiesRepo(db), settings: createSettingsRepo(db) }),
      names: createNames(db),
      kick: () => undefined,
    });
    const admin: Caller = { userId: town.users.admin.id, isAdmin: true, ip: '' };
    const clerk: Caller = { userId: few.id, isAdmin: false, ip: '' };
    const time = (me: Caller, q: string): { ms: number; total: number } => {
      const t0 = performance.now();
      const r = service.search(me, { q }, 1);
      return { ms: performance.now() - t0, total: r.total };
    };
    for (const q of benchQueries) time(admin, q);
    const all: number[] = [];
    const some: number[] = [];
    const queries = benchQueries.map((q) => {
      const a: number[] = [];
      const f: number[] = [];
      let allTotal = 0;
      let fewTotal = 0;
      for (let i = 0; i < runs; i++) {
        const x = time(admin, q);
        const y = time(clerk, q);
        a.push(x.ms);
        f.push(y.ms);
        allTotal = x.total;
        fewTotal = y.total;
      }
      all.push(...a);
      some.push(...f);
      return { q, allMs: quantile(a, 0.5), allTotal, fewMs: quantile(f, 0.5), fewTotal };
    });
    const dbMb = statSync(file).size / 1024 / 1024;
    db.close();
    return { cases, buildSeconds, indexSeconds, dbMb, samples: all.length, p95Ms: { all: quantile(all, 0.95), few: quantile(some, 0.95) }, queries };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The bench's line for run.ts. */
export function searchLine(s: SearchFigures): string {
  const n = (x: number) => x.toLocaleString('en-US');
  const each = s.queries.map((q) => `${q.q} ${q.allMs.toFixed(1)}/${q.fewMs.toFixed(1)} ms (${n(q.allTotal)}/${n(q.fewTotal)} hits)`).join(', ');
  return `Search over ${n(s.cases)} cases with 1 KB of PDF text each (built with SQL in ${s.buildSeconds.toFixed(1)} s, indexed in ${s.indexSeconds.toFixed(1)} s, ${s.dbMb.toFixed(0)} MB): `
    + `p95 of ten queries × ${s.samples / 10} runs through the search service: ${s.p95Ms.all.toFixed(1)} ms seeing everything, ${s.p95Ms.few.toFixed(1)} ms seeing 1 % `
    + `(goal ≤ 50 ms) | ratio ${(Math.max(s.p95Ms.all, s.p95Ms.few) / 50).toFixed(2)}× the goal | median each, everything/1 %: ${each}`;
}
