import { describe, expect, it } from 'vitest';
import { activeFilterCount, hasCriteria, paramsOfSearch, searchFromParams } from '../../../renderer/pages/search/searchParams.js';

describe('search page URL', () => {
  it('reads words, filters and page, and writes them back without empty ones or page 1', () => {
    const query = searchFromParams(new URLSearchParams('q=%E9%81%93%E8%B7%AF&type=3&state=approved&fy=2025&from=2025-04-01&page=2'));
    expect(query).toEqual({ q: '道路', type: 3, state: 'approved', fy: 2025, from: '2025-04-01', page: 2 });
    expect(paramsOfSearch(query).toString()).toBe('q=%E9%81%93%E8%B7%AF&type=3&state=approved&fy=2025&from=2025-04-01&page=2');
    expect(paramsOfSearch({ ...query, page: 1, type: undefined }).toString()).toBe('q=%E9%81%93%E8%B7%AF&state=approved&fy=2025&from=2025-04-01');
  });

  it('drops what the API would refuse instead of failing the page', () => {
    expect(searchFromParams(new URLSearchParams('q=x&state=lost&from=yesterday&site=2'))).toEqual({ q: 'x', site: 2, page: 1 });
  });

  it('counts the filters besides the words; nothing to search without words or filters', () => {
    const none = searchFromParams(new URLSearchParams(''));
    expect(hasCriteria(none)).toBe(false);
    expect(activeFilterCount({ ...none, q: '道路' })).toBe(0);
    expect(hasCriteria({ ...none, q: '道路' })).toBe(true);
    expect(activeFilterCount({ ...none, drafter: 4, to: '2026-03-31' })).toBe(2);
  });
});
