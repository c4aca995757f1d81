import type { CaseState } from '../../../shared/domain/approval/index.js';
import { visibilityWhere, type CaseRow, type Visibility } from '../approvals/cases.repo.js';
import type { Db } from '../db/connection.js';
import { ftsExpression, LIKE_ESCAPE, likeContains, type SearchTerms } from './search-terms.js';

/** The filters as the query needs them: instants for the date range, a department with its 課/係 below. */
export interface SearchConditions {
  terms: SearchTerms;
  visibility: Visibility;
  typeId?: number | undefined;
  departmentId?: number | undefined;
  siteId?: number | undefined;
  state?: CaseState | undefined;
  drafterId?: number | undefined;
  /** created_at ≥ this instant */
  createdFrom?: string | undefined;
  /** created_at < this instant */
  createdBefore?: string | undefined;
}

/** One case's indexed text, as normalised for the index. */
export interface IndexedText {
  number: string;
  title: string;
  body: string;
  comments: string;
  pdf: string;
}

/** A hit: the case row's list columns and whether it was disposed of. */
export type HitRow = Pick<CaseRow, 'id' | 'type_id' | 'drafter_id' | 'department_id' | 'site_id' | 'state' | 'number' | 'title' | 'created_at' | 'updated_at'> & {
  disposed_at: string | null;
};

/**
 * The LIKE scan reads FTS5's own content table (`case_search_content`, columns
 * c0…c4 = number, title, body, comments, pdf in declared order) rather than the
 * virtual table's columns: the same text, read three to four times faster.
 */
const contentColumns = ['c0', 'c1', 'c2', 'c3', 'c4'] as const;

/**
 * Where the hits come from, in order of preference: the trigram index, the
 * index of characters and pairs, or a LIKE scan of the indexed text. The first
 * one the query needs drives (hands over ids, newest first); the others are
 * conditions on its id.
 */
interface TextSource {
  /** `FROM` of the driving table; null when the query has no words. */
  from: string | null;
  id: string;
  where: string[];
  args: unknown[];
}

const likeAny = (alias: string, term: string): { sql: string; args: string[] } => ({
  sql: `(${contentColumns.map((col) => `${alias}.${col} LIKE ? ESCAPE '${LIKE_ESCAPE}'`).join(' OR ')})`,
  args: contentColumns.map(() => likeContains(term)),
});

/** The word conditions (SQLite: FTS5 MATCH, LIKE over the content table) around the driving table. */
function textSource(terms: SearchTerms): TextSource {
  const trigram = ftsExpression(terms.indexed);
  const short = ftsExpression(terms.short);
  const where: string[] = [];
  const args: unknown[] = [];
  let from: string | null = null;
  let id = 'c.id';
  if (trigram !== null) {
    from = 'case_search';
    id = 'case_search.rowid';
    where.push('case_search MATCH ?');
    args.push(trigram);
  } else if (short !== null) {
    from = 'case_search_short';
    id = 'case_search_short.rowid';
  } else if (terms.scanned.length > 0) {
    from = 'case_search_content s';
    id = 's.id';
  }
  if (short !== null) {
    where.push(from === 'case_search_short' ? 'case_search_short MATCH ?' : `${id} IN (SELECT rowid FROM case_search_short WHERE case_search_short MATCH ?)`);
    args.push(short);
  }
  if (terms.scanned.length > 0) {
    const likes = terms.scanned.map((t) => likeAny('s', t));
    const sql = likes.map((l) => l.sql).join(' AND ');
    where.push(from === 'case_search_content s' ? sql : `EXISTS (SELECT 1 FROM case_search_content s WHERE s.id = ${id} AND ${sql})`);
    args.push(...likes.flatMap((l) => l.args));
  }
  return { from, id, where, args };
}

/** The conditions on the case rows (visibility, filters) and their arguments. */
function caseConditions(q: SearchConditions): { where: string[]; args: unknown[] } {
  const where: string[] = [];
  const args: unknown[] = [];
  const visible = visibilityWhere(q.visibility);
  if (visible) {
    where.push(visible.sql);
    args.push(...visible.args);
  }
  const equal = (column: string, value: unknown) => {
    if (value === undefined) return;
    where.push(`${column} = ?`);
    args.push(value);
  };
  equal('c.type_id', q.typeId);
  equal('c.site_id', q.siteId);
  equal('c.state', q.state);
  equal('c.drafter_id', q.drafterId);
  if (q.departmentId !== undefined) {
    // A 課 finds its 係's cases too.
    where.push(`c.department_id IN (WITH RECURSIVE below(id) AS (VALUES (?) UNION SELECT d.id FROM departments d JOIN below ON d.parent_id = below.id)
      SELECT id FROM below)`);
    args.push(q.departmentId);
  }
  if (q.createdFrom !== undefined) {
    where.push('c.created_at >= ?');
    args.push(q.createdFrom);
  }
  if (q.createdBefore !== undefined) {
    where.push('c.created_at < ?');
    args.push(q.createdBefore);
  }
  return { where, args };
}

const whereClause = (conditions: readonly string[]): string => (conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '');

const hitColumns = 'c.id, c.type_id, c.drafter_id, c.department_id, c.site_id, c.state, c.number, c.title, c.created_at, c.updated_at, c.disposed_at';

/**
 * The read side of search over the index and the case rows (SQLite-only SQL:
 * FTS5), visibility applied in the same statement so nothing invisible is
 * ever counted.
 */
export function createSearchQueries(db: Db) {
  const s = {
    text: db.prepare('SELECT rowid AS id, number, title, body, comments, pdf FROM case_search WHERE rowid = ?'),
    scans: db.prepare(`SELECT DISTINCT a.case_id FROM case_attachments a JOIN pdf_texts p ON p.sha256 = a.sha256
      WHERE a.case_id IN (SELECT value FROM json_each(?)) AND a.removed_at IS NULL AND p.has_text_layer = 0`),
    links: db.prepare(`SELECT case_a AS id, case_b AS other FROM case_links WHERE case_a IN (SELECT value FROM json_each(@ids))
      UNION SELECT case_b, case_a FROM case_links WHERE case_b IN (SELECT value FROM json_each(@ids))`),
  };

  return {
    /**
     * One page of hits, newest case first, and how many there are in all. In
     * id order the index hands over its hits already sorted, so a page stops
     * after its rows instead of sorting every hit of a common word.
     */
    page(q: SearchConditions, limit: number, offset: number): { rows: HitRow[]; total: number } {
      const text = textSource(q.terms);
      const cases = caseConditions(q);
      const all = [...text.where, ...cases.where];
      const args = [...text.args, ...cases.args];
      // The word index drives and the case rows are looked up by id (CROSS JOIN fixes that order): the
      // planner must not walk every case probing the index.
      const from = text.from === null ? 'cases c' : `${text.from} CROSS JOIN cases c ON c.id = ${text.id}`;
      const rows = db.prepare(`SELECT ${hitColumns} FROM ${from} ${whereClause(all)} ORDER BY ${text.id} DESC LIMIT ? OFFSET ?`).all(...args, limit, offset) as HitRow[];
      // Seeing everything without filters, the index alone counts; otherwise the case conditions pick the
      // cases (a clerk's few through their participant rows) and each is looked up among the index's hits.
      const count =
        text.from === null ? `SELECT count(*) AS n FROM cases c ${whereClause(cases.where)}`
        : cases.where.length === 0 ? `SELECT count(*) AS n FROM ${text.from} ${whereClause(text.where)}`
        : `SELECT count(*) AS n FROM cases c WHERE c.id IN (SELECT ${text.id} FROM ${text.from} ${whereClause(text.where)}) AND ${cases.where.join(' AND ')}`;
      const total = rows.length < limit && (offset === 0 || rows.length > 0) ? offset + rows.length : (db.prepare(count).get(...args) as { n: number }).n;
      return { rows, total };
    },
    text: (caseId: number): IndexedText | undefined => s.text.get(caseId) as IndexedText | undefined,
    /** Of these cases, those with a current attachment that is a scan without a text layer. */
    withScans: (ids: readonly number[]): Set<number> => new Set((s.scans.all(JSON.stringify(ids)) as { case_id: number }[]).map((r) => r.case_id)),
    /** 関連文書 of these cases, both directions, as (case, other) pairs. */
    links: (ids: readonly number[]): { id: number; other: number }[] => s.links.all({ ids: JSON.stringify(ids) }) as { id: number; other: number }[],
    /** Which of these cases the caller may see, with what a link shows of them. */
    visibleRefs(ids: readonly number[], visibility: Visibility): { id: number; number: string | null; title: string }[] {
      if (ids.length === 0) return [];
      const visible = visibilityWhere(visibility);
      return db
        .prepare(`SELECT c.id, c.number, c.title FROM cases c WHERE c.id IN (SELECT value FROM json_each(?)) ${visible ? `AND ${visible.sql}` : ''} ORDER BY c.id`)
        .all(JSON.stringify(ids), ...(visible?.args ?? [])) as { id: number; number: string | null; title: string }[];
    },
  };
}
export type SearchQueries = ReturnType<typeof createSearchQueries>;
