import { endpoint, signedIn } from './endpoint.js';
import { searchQuerySchema, searchResultSchema } from './search.js';

/** Full-text search (案件検索) endpoints; spread into `api` (endpoints.ts). */
export const searchApi = {
  search: endpoint({
    method: 'GET', path: '/api/search', access: signedIn, tag: 'search',
    summary:
      'Cases I may open whose number, title, body, comments or attached PDFs contain every word of ?q= (public contract); '
      + 'filters type, department, site, state, fy, drafter, from/to; 20 a page, newest case first; CSV at /api/search.csv',
    query: searchQuerySchema,
    response: searchResultSchema,
  }),
} as const;
