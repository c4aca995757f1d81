import type { MatchPlace, SearchFilter, SearchItem, SearchResult } from '../../../shared/api/search.js';
import { SEARCH_PAGE_SIZE } from '../../../shared/api/search.js';
import { fiscalYearRange, localDayRange } from '../../../shared/domain/wareki.js';
import type { Caller, createCaseVisibility } from '../approvals/case-service.js';
import type { Names } from '../approvals/case-view.js';
import type { Visibility } from '../approvals/cases.repo.js';
import { loadOrg } from '../approvals/org-view.js';
import { isoAt, type Clock } from '../clock.js';
import type { Db } from '../db/connection.js';
import type { SearchIndex } from './search-index.sqlite.js';
import type { HitRow, IndexedText, SearchConditions, SearchQueries } from './search-queries.sqlite.js';
import { parseTerms } from './search-terms.js';
import { buildSnippet, containsAny, termPattern } from './snippet.js';

/** Pending cases a search rebuilds itself before it reads, so a change just saved is found at once. */
const FLUSH_ON_READ = 500;

export interface SearchServiceDeps {
  db: Db;
  clock: Clock;
  queries: SearchQueries;
  index: SearchIndex;
  visibility: ReturnType<typeof createCaseVisibility>;
  names: Names;
  /** Asked to bring the index up to date in the background (PDFs still unread, a large backlog). */
  kick: () => void;
}

/** Which indexed column is which place, in the order a snippet prefers them: the text a title does not already show. */
const places: readonly { place: MatchPlace; column: keyof IndexedText }[] = [
  { place: 'body', column: 'body' },
  { place: 'comment', column: 'comments' },
  { place: 'pdf', column: 'pdf' },
  { place: 'title', column: 'title' },
  { place: 'number', column: 'number' },
];
const placeRank: Readonly<Record<MatchPlace, number>> = { title: 0, number: 1, body: 2, comment: 3, pdf: 4 };

/** Tokyo dates as instants, 年度 as its April–March range: the tighter bound of the two wins. */
function createdRange(filter: SearchFilter): { createdFrom?: string; createdBefore?: string } {
  const starts: string[] = [];
  const ends: string[] = [];
  const day = (date: string) => localDayRange(`${date}T12:00:00+09:00`);
  if (filter.fy !== undefined) {
    const fy = fiscalYearRange(filter.fy);
    starts.push(day(fy.start).start);
    ends.push(day(fy.end).end);
  }
  if (filter.from !== undefined) starts.push(day(filter.from).start);
  if (filter.to !== undefined) ends.push(day(filter.to).end);
  const from = starts.sort().at(-1);
  const before = ends.sort().at(0);
  return { ...(from !== undefined && { createdFrom: from }), ...(before !== undefined && { createdBefore: before }) };
}

/**
 * 案件検索: the words and filters of a query over the cases the caller may
 * open, as result items with a snippet, where the words were found, and the
 * related cases the caller may see.
 */
export function createSearchService(deps: SearchServiceDeps) {
  const { queries, names } = deps;

  const conditions = (me: Caller, filter: SearchFilter): { q: SearchConditions; visibility: Visibility } => {
    const visibility = deps.visibility.of(loadOrg(deps.db), me, isoAt(deps.clock));
    const q: SearchConditions = {
      terms: parseTerms(filter.q),
      visibility,
      typeId: filter.type,
      departmentId: filter.department,
      siteId: filter.site,
      state: filter.state,
      drafterId: filter.drafter,
      ...createdRange(filter),
    };
    return { q, visibility };
  };

  const itemsOf = (rows: readonly HitRow[], q: SearchConditions, visibility: Visibility): SearchItem[] => {
    const ids = rows.map((r) => r.id);
    const pattern = termPattern([...q.terms.indexed, ...q.terms.short, ...q.terms.scanned]);
    const scans = queries.withScans(ids);
    const links = queries.links(ids);
    const refs = new Map(queries.visibleRefs([...new Set(links.map((l) => l.other))], visibility).map((r) => [r.id, r]));
    return rows.map((r) => {
      const text = pattern ? queries.text(r.id) : undefined;
      const found = text && pattern ? places.filter((p) => containsAny(text[p.column], pattern)) : [];
      const first = found[0];
      const type = names.type(r.type_id);
      return {
        caseId: r.id,
        number: r.number,
        title: r.title,
        snippet: text && pattern && first ? (buildSnippet(text[first.column], pattern) ?? '') : '',
        matchedIn: found.map((p) => p.place).sort((a, b) => placeRank[a] - placeRank[b]),
        type: { id: type.id, name: type.name },
        department: names.department(r.department_id),
        site: names.site(r.site_id),
        drafter: names.person(r.drafter_id),
        state: r.state,
        createdAt: r.created_at,
        updatedAt: r.updated_at,
        noTextLayer: r.disposed_at === null && scans.has(r.id),
        disposed: r.disposed_at !== null,
        related: links
          .filter((l) => l.id === r.id)
          .flatMap((l) => {
            const ref = refs.get(l.other);
            return ref ? [{ caseId: ref.id, number: ref.number, title: ref.title }] : [];
          }),
      };
    });
  };

  const run = (me: Caller, filter: SearchFilter, limit: number, offset: number): { items: SearchItem[]; total: number } => {
    if (deps.index.flush(FLUSH_ON_READ) === FLUSH_ON_READ || deps.index.unreadBlobs(1).length > 0) deps.kick();
    const { q, visibility } = conditions(me, filter);
    const { rows, total } = queries.page(q, limit, offset);
    return { items: itemsOf(rows, q, visibility), total };
  };

  return {
    search(me: Caller, filter: SearchFilter, page: number): SearchResult {
      const { items, total } = run(me, filter, SEARCH_PAGE_SIZE, (page - 1) * SEARCH_PAGE_SIZE);
      return { items, total, page, pageSize: SEARCH_PAGE_SIZE };
    },
    /** Up to `max` rows of the whole result, for the CSV. */
    all(me: Caller, filter: SearchFilter, max: number): { items: SearchItem[]; total: number } {
      return run(me, filter, max, 0);
    },
  };
}
export type SearchService = ReturnType<typeof createSearchService>;
