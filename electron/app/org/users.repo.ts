import type { z } from 'zod';
import type { Role } from '../../../shared/api/roles.js';
import type { Language, User, UserRow, userInputSchema, userPatchSchema } from '../../../shared/api/org.js';
import { AppError } from '../app-error.js';
import { isoAt, type Clock } from '../clock.js';
import type { Db } from '../db/connection.js';
import { rethrowUnique } from '../db/sqlite-errors.js';
import type { DepartmentsRepo } from './departments.repo.js';
import type { PositionsRepo } from './positions.repo.js';

type UserInput = Omit<z.output<typeof userInputSchema>, 'password'>;
type UserPatch = z.output<typeof userPatchSchema>;

interface UserDbRow {
  id: number;
  login: string;
  name: string;
  kana: string;
  email: string;
  department_id: number | null;
  position_id: number | null;
  active: number;
  language: Language;
  roles: string | null;
  department_name: string | null;
  site_name: string | null;
  position_name: string | null;
}

const roleOrder: Record<Role, number> = { admin: 0, dx: 1, clerk: 2 };

const toUserRow = (r: UserDbRow): UserRow => ({
  id: r.id,
  login: r.login,
  name: r.name,
  kana: r.kana,
  email: r.email,
  departmentId: r.department_id,
  positionId: r.position_id,
  roles: ((r.roles ?? '').split(',').filter(Boolean) as Role[]).sort((a, b) => roleOrder[a] - roleOrder[b]),
  active: r.active === 1,
  language: r.language,
  departmentName: r.department_name,
  siteName: r.site_name,
  positionName: r.position_name,
});

export function toUser(row: UserRow): User {
  const { departmentName: _d, siteName: _s, positionName: _p, ...user } = row;
  return user;
}

const select = `SELECT u.id, u.login, u.name, u.kana, u.email, u.department_id, u.position_id, u.active, u.language,
    (SELECT group_concat(role) FROM user_roles WHERE user_id = u.id) AS roles,
    d.name AS department_name, s.name AS site_name, p.name AS position_name
  FROM users u
  LEFT JOIN departments d ON d.id = u.department_id
  LEFT JOIN sites s ON s.id = d.site_id
  LEFT JOIN positions p ON p.id = u.position_id`;

const searchWhere = `WHERE (@includeInactive = 1 OR u.active = 1)
  AND (@q IS NULL OR u.login LIKE @q ESCAPE '\\' OR u.name LIKE @q ESCAPE '\\' OR u.kana LIKE @q ESCAPE '\\'
       OR u.email LIKE @q ESCAPE '\\' OR d.name LIKE @q ESCAPE '\\')`;

const unique = { login: 'body.login' };

export interface UserSearch {
  q?: string | undefined;
  page: number;
  pageSize: number;
  includeInactive: boolean;
}

export function createUsersRepo(db: Db, clock: Clock, departments: DepartmentsRepo, positions: PositionsRepo) {
  const byId = db.prepare(`${select} WHERE u.id = ?`);
  const byLogin = db.prepare('SELECT id, password_hash, active FROM users WHERE login = ?');
  const page = db.prepare(`${select} ${searchWhere} ORDER BY u.active DESC, coalesce(d.sort_order, 9999), u.department_id, p.rank DESC, u.kana, u.id LIMIT @limit OFFSET @offset`);
  const count = db.prepare(`SELECT count(*) AS n FROM users u LEFT JOIN departments d ON d.id = u.department_id ${searchWhere}`);
  const insert = db.prepare(`INSERT INTO users (login, name, kana, email, department_id, position_id, password_hash, password_changed_at, created_at, updated_at)
    VALUES (@login, @name, @kana, @email, @departmentId, @positionId, @passwordHash, @now, @now, @now)`);
  const update = db.prepare(`UPDATE users SET name = @name, kana = @kana, email = @email, department_id = @departmentId,
    position_id = @positionId, active = @active, updated_at = @now WHERE id = @id`);
  const clearRoles = db.prepare('DELETE FROM user_roles WHERE user_id = ?');
  const addRole = db.prepare('INSERT INTO user_roles (user_id, role) VALUES (?, ?)');
  const setPassword = db.prepare('UPDATE users SET password_hash = ?, password_changed_at = ?, updated_at = ? WHERE id = ?');
  const setLanguage = db.prepare('UPDATE users SET language = ?, updated_at = ? WHERE id = ?');
  const countUsers = db.prepare('SELECT count(*) AS n FROM users');
  const activeAdmins = db.prepare(`SELECT count(*) AS n FROM users u JOIN user_roles r ON r.user_id = u.id AND r.role = 'admin' WHERE u.active = 1 AND u.id <> ?`);

  const find = (id: number): UserRow | undefined => {
    const row = byId.get(id) as UserDbRow | undefined;
    return row ? toUserRow(row) : undefined;
  };
  const get = (id: number): UserRow => {
    const row = find(id);
    if (!row) throw new AppError('not_found', { field: 'params.id' });
    return row;
  };
  const checkReferences = (d: { departmentId?: number | null | undefined; positionId?: number | null | undefined }) => {
    if (d.departmentId != null) departments.requireActive(d.departmentId, 'body.departmentId');
    if (d.positionId != null) positions.requireActive(d.positionId, 'body.positionId');
  };
  const writeRoles = (id: number, roles: readonly Role[]) => {
    clearRoles.run(id);
    for (const role of new Set(roles)) addRole.run(id, role);
  };

  return {
    find,
    get,
    count: (): number => (countUsers.get() as { n: number }).n,
    credentialsFor(login: string): { id: number; passwordHash: string; active: boolean } | undefined {
      const row = byLogin.get(login) as { id: number; password_hash: string; active: number } | undefined;
      return row && { id: row.id, passwordHash: row.password_hash, active: row.active === 1 };
    },
    search(s: UserSearch): { items: UserRow[]; total: number } {
      const q = s.q ? `%${s.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
      const where = { q, includeInactive: s.includeInactive ? 1 : 0 };
      const items = (page.all({ ...where, limit: s.pageSize, offset: (s.page - 1) * s.pageSize }) as UserDbRow[]).map(toUserRow);
      return { items, total: (count.get(where) as { n: number }).n };
    },
    /** The password is hashed by the caller (async scrypt) before the write transaction. */
    create(input: UserInput, passwordHash: string): UserRow {
      checkReferences(input);
      return db.transaction(() => {
        try {
          const { lastInsertRowid } = insert.run({ ...input, passwordHash, now: isoAt(clock) });
          const id = Number(lastInsertRowid);
          writeRoles(id, input.roles);
          return get(id);
        } catch (err) {
          rethrowUnique(err, unique);
        }
      })();
    },
    update(id: number, patch: UserPatch): UserRow {
      const current = get(id);
      const next = { ...current, ...patch };
      // Reactivating re-checks what the user points at: their department may have closed meanwhile.
      const reactivating = !current.active && next.active;
      checkReferences({
        departmentId: reactivating || patch.departmentId !== current.departmentId ? next.departmentId : undefined,
        positionId: reactivating || patch.positionId !== current.positionId ? next.positionId : undefined,
      });
      const losesAdmin = current.active && current.roles.includes('admin') && (!next.active || !next.roles.includes('admin'));
      if (losesAdmin && (activeAdmins.get(id) as { n: number }).n === 0) {
        throw new AppError('last_admin', { field: patch.active === false ? 'body.active' : 'body.roles' });
      }
      db.transaction(() => {
        update.run({ ...next, id, active: next.active ? 1 : 0, now: isoAt(clock) });
        if (patch.roles) writeRoles(id, patch.roles);
      })();
      return get(id);
    },
    setPasswordHash(id: number, hash: string): void {
      const now = isoAt(clock);
      setPassword.run(hash, now, now, id);
    },
    setLanguage(id: number, language: Language): void {
      setLanguage.run(language, isoAt(clock), id);
    },
  };
}
export type UsersRepo = ReturnType<typeof createUsersRepo>;
