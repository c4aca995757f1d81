import type { OrgView } from '../../../shared/domain/approval/index.js';
import type { Statement } from 'better-sqlite3';
import type { Db } from '../db/connection.js';

interface UserRow {
  id: number;
  department_id: number | null;
  position_id: number | null;
}
interface DepartmentRow {
  id: number;
  name: string;
  kind: string;
  parent_id: number | null;
  site_id: number;
  doc_prefix: string;
}
interface PositionRow {
  id: number;
  name: string;
  rank: number;
}

/** The organisation, read once per request, with the lookups routing, visibility and 代決 need. */
export interface Org extends OrgView {
  department(id: number): DepartmentRow | undefined;
  /** The department and every one beneath it. */
  subtree(departmentId: number): number[];
  /** The department and every one above it, nearest first. */
  chain(departmentId: number): number[];
  rankOf(userId: number): number;
  /** Whose cases a user sees as a manager: their department's subtree when their rank is high enough. */
  managedDepartments(userId: number, minRank: number): number[];
  /**
   * 代決: who may decide for an absent approver — someone of lower rank in the
   * absent person's department chain (their 課長補佐 for a 課長; a 課長 of the 部
   * for a 部長; the 副町長 for a 町長 placed in 総務課), the highest rank present.
   */
  mayDeputize(actorId: number, absentId: number): boolean;
  userIds(): number[];
}

const statements = new WeakMap<Db, { users: Statement; departments: Statement; positions: Statement }>();

/** Runs `read` on the first call only. */
function once<T>(read: () => T): () => T {
  let value: { v: T } | undefined;
  return () => (value ??= { v: read() }).v;
}

/**
 * Reads the active organisation into memory: a town has hundreds of users, not
 * millions. Each table is read on first use, so an approval by someone on the
 * route (departments for the view, never the users) costs no read of the staff.
 */
export function loadOrg(db: Db): Org {
  let q = statements.get(db);
  if (!q) {
    q = {
      users: db.prepare('SELECT id, department_id, position_id FROM users WHERE active = 1'),
      departments: db.prepare('SELECT id, name, kind, parent_id, site_id, doc_prefix FROM departments'),
      positions: db.prepare('SELECT id, name, rank FROM positions'),
    };
    statements.set(db, q);
  }
  const { users: usersQuery, departments: departmentsQuery, positions: positionsQuery } = q;
  const deptState = once(() => {
    const departments = departmentsQuery.all() as DepartmentRow[];
    const children = new Map<number, number[]>();
    for (const d of departments) {
      if (d.parent_id === null) continue;
      const list = children.get(d.parent_id) ?? [];
      list.push(d.id);
      children.set(d.parent_id, list);
    }
    return { deptById: new Map(departments.map((d) => [d.id, d])), children };
  });
  const posById = once(() => new Map((positionsQuery.all() as PositionRow[]).map((p) => [p.id, p])));
  const userState = once(() => {
    const users = usersQuery.all() as UserRow[];
    const byDeptPos = new Map<string, number[]>();
    const byPos = new Map<number, number[]>();
    for (const u of [...users].sort((a, b) => a.id - b.id)) {
      if (u.position_id === null) continue;
      byPos.set(u.position_id, [...(byPos.get(u.position_id) ?? []), u.id]);
      if (u.department_id === null) continue;
      const key = `${u.department_id}:${u.position_id}`;
      byDeptPos.set(key, [...(byDeptPos.get(key) ?? []), u.id]);
    }
    return { users, userById: new Map(users.map((u) => [u.id, u])), byDeptPos, byPos };
  });
  const deptById = { get: (id: number) => deptState().deptById.get(id) };
  const children = { get: (id: number) => deptState().children.get(id) };
  const userById = { get: (id: number) => userState().userById.get(id) };
  const rankOf = (userId: number): number => {
    const p = userById.get(userId)?.position_id;
    return p == null ? -1 : (posById().get(p)?.rank ?? -1);
  };
  const chain = (departmentId: number): number[] => {
    const out: number[] = [];
    for (let d: number | null = departmentId; d !== null && !out.includes(d); d = deptById.get(d)?.parent_id ?? null) out.push(d);
    return out;
  };
  const subtree = (departmentId: number): number[] => {
    const out: number[] = [];
    const stack = [departmentId];
    while (stack.length > 0) {
      const d = stack.pop() as number;
      if (out.includes(d)) continue;
      out.push(d);
      stack.push(...(children.get(d) ?? []));
    }
    return out;
  };

  return {
    user: (id) => {
      const u = userById.get(id);
      return u ? { id: u.id, departmentId: u.department_id, positionId: u.position_id } : undefined;
    },
    parentOf: (id) => deptById.get(id)?.parent_id ?? null,
    holders: (departmentId, positionId) => userState().byDeptPos.get(`${departmentId}:${positionId}`) ?? [],
    officeHolders: (positionId) => userState().byPos.get(positionId) ?? [],
    positionRank: (id) => posById().get(id)?.rank,
    positionName: (id) => posById().get(id)?.name ?? '',
    departmentName: (id) => deptById.get(id)?.name ?? '',
    department: (id) => deptById.get(id),
    subtree,
    chain,
    rankOf,
    managedDepartments(userId, minRank) {
      const u = userById.get(userId);
      if (!u || u.department_id === null || rankOf(userId) < minRank) return [];
      return subtree(u.department_id);
    },
    mayDeputize(actorId, absentId) {
      const actor = userById.get(actorId);
      const absent = userById.get(absentId);
      if (!actor || !absent || actorId === absentId || absent.department_id === null || actor.department_id === null) return false;
      const absentRank = rankOf(absentId);
      const actorRank = rankOf(actorId);
      if (actorRank >= absentRank || actorRank < 0) return false;
      // The absent person's own department and the ones beneath it: their staff.
      const staff = new Set(subtree(absent.department_id));
      const below = userState().users.filter((u) => u.department_id !== null && staff.has(u.department_id) && u.id !== absentId && rankOf(u.id) < absentRank);
      if (below.length === 0) return false;
      const top = Math.max(...below.map((u) => rankOf(u.id)));
      return staff.has(actor.department_id) && actorRank === top;
    },
    userIds: () => userState().users.map((u) => u.id),
  };
}
