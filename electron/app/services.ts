import type { Clock } from './clock.js';
import type { Db } from './db/connection.js';
import { createAdminLog } from './org/admin-log.js';
import { createDepartmentsRepo } from './org/departments.repo.js';
import { createLoginThrottle, defaultThrottlePolicy, type ThrottlePolicy } from './org/login-throttle.js';
import { createPositionsRepo } from './org/positions.repo.js';
import { createSessionsRepo, defaultSessionPolicy, type SessionPolicy } from './org/sessions.repo.js';
import { createSettingsRepo } from './org/settings.repo.js';
import { createSitesRepo } from './org/sites.repo.js';
import { createUsersRepo } from './org/users.repo.js';
import { createSourcesRepo } from './printlog/sources.repo.js';

export interface Policies {
  session: SessionPolicy;
  throttle: ThrottlePolicy;
}

export const defaultPolicies: Policies = { session: defaultSessionPolicy, throttle: defaultThrottlePolicy };

/** Every repository of the core over one connection; built once per app. */
export function createServices(db: Db, clock: Clock, policies: Policies = defaultPolicies) {
  const sites = createSitesRepo(db, clock);
  const departments = createDepartmentsRepo(db, clock, sites);
  const positions = createPositionsRepo(db, clock);
  return {
    db,
    clock,
    settings: createSettingsRepo(db),
    sites,
    departments,
    positions,
    users: createUsersRepo(db, clock, departments, positions),
    sessions: createSessionsRepo(db, clock, policies.session),
    throttle: createLoginThrottle(db, clock, policies.throttle),
    adminLog: createAdminLog(db, clock),
    sources: createSourcesRepo(db, clock),
  };
}
export type Services = ReturnType<typeof createServices>;
