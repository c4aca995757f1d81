import type { Proxy } from '../../../shared/api/approvals.js';
import { AppError } from '../app-error.js';
import type { Db } from '../db/connection.js';
import { tokyoDate } from '../../../shared/domain/tokyo-date.js';

interface Row {
  id: number;
  principal_id: number;
  proxy_id: number;
  from_date: string;
  to_date: string;
  reason: string;
  revoked_at: string | null;
  p_name: string;
  p_login: string;
  x_name: string;
  x_login: string;
}

const select = `SELECT x.id, x.principal_id, x.proxy_id, x.from_date, x.to_date, x.reason, x.revoked_at,
    p.name AS p_name, p.login AS p_login, y.name AS x_name, y.login AS x_login
  FROM proxies x JOIN users p ON p.id = x.principal_id JOIN users y ON y.id = x.proxy_id`;

/**
 * Standing proxies (代理): B acts for A on the days from one date to another
 * (Tokyo dates, both included). Revoking ends one at once; rows are kept, since
 * the record of who acted as whose proxy must stay explainable.
 */
export function createProxiesRepo(db: Db) {
  const s = {
    proxiesOf: db.prepare(`SELECT proxy_id FROM proxies WHERE principal_id = ? AND revoked_at IS NULL AND from_date <= ? AND to_date >= ?`),
    activeFor: db.prepare(`SELECT principal_id FROM proxies WHERE proxy_id = ? AND revoked_at IS NULL AND from_date <= ? AND to_date >= ?`),
    isProxy: db.prepare(`SELECT 1 FROM proxies WHERE proxy_id = ? AND principal_id = ? AND revoked_at IS NULL AND from_date <= ? AND to_date >= ? LIMIT 1`),
    mine: db.prepare(`${select} WHERE x.principal_id = @me OR x.proxy_id = @me ORDER BY x.from_date DESC, x.id DESC`),
    all: db.prepare(`${select} ORDER BY x.from_date DESC, x.id DESC LIMIT 1000`),
    one: db.prepare(`${select} WHERE x.id = ?`),
    insert: db.prepare(`INSERT INTO proxies (principal_id, proxy_id, from_date, to_date, reason, created_by, created_at)
      VALUES (@principalId, @proxyId, @fromDate, @toDate, @reason, @by, @now)`),
    revoke: db.prepare('UPDATE proxies SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL'),
  };
  const toProxy = (r: Row, today: string): Proxy => ({
    id: r.id,
    principal: { id: r.principal_id, name: r.p_name, login: r.p_login },
    proxy: { id: r.proxy_id, name: r.x_name, login: r.x_login },
    fromDate: r.from_date,
    toDate: r.to_date,
    reason: r.reason,
    active: r.revoked_at === null && r.from_date <= today && r.to_date >= today,
    revokedAt: r.revoked_at,
  });
  const get = (id: number, now: string): Proxy => {
    const row = s.one.get(id) as Row | undefined;
    if (!row) throw new AppError('not_found', { field: 'params.id' });
    return toProxy(row, tokyoDate(now));
  };
  return {
    /** Whose work `proxyId` may do at instant `at`. */
    principalsOf(proxyId: number, at: string): number[] {
      const day = tokyoDate(at);
      return (s.activeFor.all(proxyId, day, day) as { principal_id: number }[]).map((r) => r.principal_id);
    },
    /** Who may do `principalId`'s work at instant `at`. */
    proxiesOf(principalId: number, at: string): number[] {
      const day = tokyoDate(at);
      return (s.proxiesOf.all(principalId, day, day) as { proxy_id: number }[]).map((r) => r.proxy_id);
    },
    isProxyFor(proxyId: number, principalId: number, at: string): boolean {
      const day = tokyoDate(at);
      return s.isProxy.get(proxyId, principalId, day, day) !== undefined;
    },
    list(me: number | null, now: string): Proxy[] {
      const rows = (me === null ? s.all.all() : s.mine.all({ me })) as Row[];
      const today = tokyoDate(now);
      return rows.map((r) => toProxy(r, today));
    },
    get,
    create(input: { principalId: number; proxyId: number; fromDate: string; toDate: string; reason: string }, by: number, now: string): Proxy {
      if (input.principalId === input.proxyId) throw new AppError('validation', { field: 'body.proxyId', detail: 'a person cannot be their own proxy' });
      const { lastInsertRowid } = s.insert.run({ ...input, by, now });
      return get(Number(lastInsertRowid), now);
    },
    revoke(id: number, now: string): Proxy {
      s.revoke.run(now, id);
      return get(id, now);
    },
  };
}
export type ProxiesRepo = ReturnType<typeof createProxiesRepo>;
