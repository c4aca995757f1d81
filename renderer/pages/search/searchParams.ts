import { searchQuerySchema, type SearchQuery } from '../../../shared/api/search.js';

/** The filters a search page URL can carry (the API's query, `page` included). */
export const searchParamNames = ['q', 'type', 'department', 'site', 'state', 'fy', 'drafter', 'from', 'to', 'page'] as const;

/**
 * The search as the URL holds it, so a result can be bookmarked, shared and
 * returned to with Back; anything the API would refuse is left out.
 */
export function searchFromParams(params: URLSearchParams): SearchQuery {
  const raw: Record<string, string> = {};
  for (const name of searchParamNames) {
    const value = params.get(name);
    if (value !== null && value !== '') raw[name] = value;
  }
  const parsed = searchQuerySchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const bad = new Set(parsed.error.issues.map((i) => String(i.path[0])));
  return searchQuerySchema.parse(Object.fromEntries(Object.entries(raw).filter(([k]) => !bad.has(k))));
}

/** The URL parameters of a search; empty filters and page 1 are left out. */
export function paramsOfSearch(query: SearchQuery): URLSearchParams {
  const params = new URLSearchParams();
  for (const name of searchParamNames) {
    const value = query[name];
    if (value === undefined || value === '' || (name === 'page' && value === 1)) continue;
    params.set(name, String(value));
  }
  return params;
}

/** How many filters besides the words are set (shown on the collapsed filter button). */
export function activeFilterCount(query: SearchQuery): number {
  return searchParamNames.filter((n) => n !== 'q' && n !== 'page' && query[n] !== undefined).length;
}

/** Whether there is anything to search for: words or a filter. */
export const hasCriteria = (query: SearchQuery): boolean => query.q !== '' || activeFilterCount(query) > 0;
