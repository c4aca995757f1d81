import type { z } from 'zod';
import type { Department, departmentInputSchema, departmentPatchSchema } from '../../../shared/api/org.js';
import { allowedParentKinds, wouldCycle } from '../../../shared/domain/department-tree.js';
import { AppError } from '../app-error.js';
import { isoAt, type Clock } from '../clock.js';
import type { Db } from '../db/connection.js';
import { rethrowUnique } from '../db/sqlite-errors.js';
import type { SitesRepo } from './sites.repo.js';

/** What the schema gives; the number prefix may be left out by callers other than the API (seeding, tests). */
type DepartmentInput = Omit<z.output<typeof departmentInputSchema>, 'docPrefix'> & { docPrefix?: string };
type DepartmentPatch = z.output<typeof departmentPatchSchema>;

interface DepartmentRow {
  id: number;
  code: string;
  name: string;
  kind: Department['kind'];
  parent_id: number | null;
  site_id: number;
  active: number;
  sort_order: number;
  doc_prefix: string;
}

const toDepartment = (r: DepartmentRow): Department => ({
  id: r.id, code: r.code, name: r.name, kind: r.kind, parentId: r.parent_id, siteId: r.site_id,
  active: r.active === 1, sortOrder: r.sort_order, docPrefix: r.doc_prefix,
});

const unique = { code: 'body.code' };

export function createDepartmentsRepo(db: Db, clock: Clock, sites: SitesRepo) {
  const all = db.prepare('SELECT * FROM departments ORDER BY sort_order, id');
  const byId = db.prepare('SELECT * FROM departments WHERE id = ?');
  const insert = db.prepare(`INSERT INTO departments (code, name, kind, parent_id, site_id, sort_order, doc_prefix, created_at, updated_at)
    VALUES (@code, @name, @kind, @parentId, @siteId, @sortOrder, @docPrefix, @now, @now)`);
  const update = db.prepare(`UPDATE departments SET code = @code, name = @name, kind = @kind, parent_id = @parentId,
    site_id = @siteId, sort_order = @sortOrder, doc_prefix = @docPrefix, active = @active, updated_at = @now WHERE id = @id`);
  const activeChildren = db.prepare('SELECT count(*) AS n FROM departments WHERE parent_id = ? AND active = 1');
  const activeMembers = db.prepare('SELECT count(*) AS n FROM users WHERE department_id = ? AND active = 1');
  const activeChildKinds = db.prepare('SELECT DISTINCT kind FROM departments WHERE parent_id = ? AND active = 1');

  const find = (id: number): DepartmentRow | undefined => byId.get(id) as DepartmentRow | undefined;
  const get = (id: number): Department => {
    const row = find(id);
    if (!row) throw new AppError('not_found', { field: 'params.id' });
    return toDepartment(row);
  };

  /** Kind, parent and site must fit together whatever the change. */
  const checkPlacement = (id: number | null, d: Pick<Department, 'kind' | 'parentId' | 'siteId'>, siteChanged: boolean) => {
    if (siteChanged) sites.requireActive(d.siteId, 'body.siteId');
    let parentKind: Department['kind'] | null = null;
    if (d.parentId !== null) {
      const parent = find(d.parentId);
      if (!parent || parent.active !== 1) throw new AppError('unknown_reference', { field: 'body.parentId' });
      parentKind = parent.kind;
    }
    if (!allowedParentKinds(d.kind).includes(parentKind)) {
      throw new AppError('validation', { field: 'body.parentId', detail: `a ${d.kind} cannot be placed under ${parentKind ?? 'the top level'}` });
    }
    if (id !== null && wouldCycle(id, d.parentId, (x) => find(x)?.parent_id ?? null)) {
      throw new AppError('validation', { field: 'body.parentId', detail: 'a department cannot be placed under itself' });
    }
  };

  return {
    list: (): Department[] => (all.all() as DepartmentRow[]).map(toDepartment),
    get,
    create(input: DepartmentInput): Department {
      checkPlacement(null, input, true);
      try {
        const { lastInsertRowid } = insert.run({ ...input, docPrefix: input.docPrefix ?? '', now: isoAt(clock) });
        return get(Number(lastInsertRowid));
      } catch (err) {
        rethrowUnique(err, unique);
      }
    },
    update(id: number, patch: DepartmentPatch): Department {
      const current = get(id);
      const next = { ...current, ...patch };
      const placementChanged = patch.kind !== undefined || patch.parentId !== undefined || patch.siteId !== undefined;
      const reactivating = !current.active && next.active;
      if ((placementChanged || reactivating) && next.active) checkPlacement(id, next, reactivating || next.siteId !== current.siteId);
      // A new kind must still fit above the departments already under it (a 部 turned 課 would hold 課s).
      if (next.kind !== current.kind) {
        for (const { kind } of activeChildKinds.all(id) as { kind: Department['kind'] }[]) {
          if (!allowedParentKinds(kind).includes(next.kind)) {
            throw new AppError('validation', { field: 'body.kind', detail: `a ${kind} under it cannot be placed under a ${next.kind}` });
          }
        }
      }
      if (current.active && !next.active) {
        if ((activeChildren.get(id) as { n: number }).n > 0) throw new AppError('in_use', { field: 'body.active', detail: 'it has active sub-departments' });
        if ((activeMembers.get(id) as { n: number }).n > 0) throw new AppError('in_use', { field: 'body.active', detail: 'active users belong to it' });
      }
      try {
        update.run({ ...next, id, active: next.active ? 1 : 0, now: isoAt(clock) });
      } catch (err) {
        rethrowUnique(err, unique);
      }
      return get(id);
    },
    requireActive(id: number, field: string): Department {
      const row = find(id);
      if (!row || row.active !== 1) throw new AppError('unknown_reference', { field });
      return toDepartment(row);
    },
  };
}
export type DepartmentsRepo = ReturnType<typeof createDepartmentsRepo>;
