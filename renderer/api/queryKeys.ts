import type { api, QueryOf } from '../../shared/api/index.js';

export type UserListQuery = QueryOf<typeof api.listUsers>;

/** Every cache key in one place, so a mutation invalidates exactly what it changed. */
export const queryKeys = {
  health: ['health'],
  session: ['session'],
  sites: ['org', 'sites'],
  departments: ['org', 'departments'],
  positions: ['org', 'positions'],
  users: ['users'],
  userList: (query: UserListQuery) => ['users', query],
} as const;
