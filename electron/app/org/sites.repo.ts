import type { z } from 'zod';
import type { Site, siteInputSchema, sitePatchSchema } from '../../../shared/api/org.js';
import { AppError } from '../app-error.js';
import { isoAt, type Clock } from '../clock.js';
import type { Db } from '../db/connection.js';
import { rethrowUnique } from '../db/sqlite-errors.js';

type SiteInput = z.output<typeof siteInputSchema>;
type SitePatch = z.output<typeof sitePatchSchema>;

interface SiteRow {
  id: number;
  code: string;
  name: string;
  kind: Site['kind'];
  address: string;
  active: number;
  sort_order: number;
}

const toSite = (r: SiteRow): Site => ({
  id: r.id, code: r.code, name: r.name, kind: r.kind, address: r.address, active: r.active === 1, sortOrder: r.sort_order,
});

const unique = { code: 'body.code' };

export function createSitesRepo(db: Db, clock: Clock) {
  const all = db.prepare('SELECT * FROM sites ORDER BY sort_order, id');
  const byId = db.prepare('SELECT * FROM sites WHERE id = ?');
  const insert = db.prepare(
    'INSERT INTO sites (code, name, kind, address, sort_order, created_at, updated_at) VALUES (@code, @name, @kind, @address, @sortOrder, @now, @now)',
  );
  const update = db.prepare(
    'UPDATE sites SET code = @code, name = @name, kind = @kind, address = @address, sort_order = @sortOrder, active = @active, updated_at = @now WHERE id = @id',
  );
  const activeDepartments = db.prepare('SELECT count(*) AS n FROM departments WHERE site_id = ? AND active = 1');

  const get = (id: number): Site => {
    const row = byId.get(id) as SiteRow | undefined;
    if (!row) throw new AppError('not_found', { field: 'params.id' });
    return toSite(row);
  };

  return {
    list: (): Site[] => (all.all() as SiteRow[]).map(toSite),
    get,
    create(input: SiteInput): Site {
      try {
        const { lastInsertRowid } = insert.run({ ...input, now: isoAt(clock) });
        return get(Number(lastInsertRowid));
      } catch (err) {
        rethrowUnique(err, unique);
      }
    },
    update(id: number, patch: SitePatch): Site {
      const next = { ...get(id), ...patch };
      if (!next.active && (activeDepartments.get(id) as { n: number }).n > 0) {
        throw new AppError('in_use', { field: 'body.active', detail: 'active departments are at this site' });
      }
      try {
        update.run({ ...next, id, active: next.active ? 1 : 0, now: isoAt(clock) });
      } catch (err) {
        rethrowUnique(err, unique);
      }
      return get(id);
    },
    /** An id the caller may attach new records to: it exists and is active. */
    requireActive(id: number, field: string): Site {
      const row = byId.get(id) as SiteRow | undefined;
      if (!row || row.active !== 1) throw new AppError('unknown_reference', { field });
      return toSite(row);
    },
  };
}
export type SitesRepo = ReturnType<typeof createSitesRepo>;
