import type { z } from 'zod';
import type { Position, positionInputSchema, positionPatchSchema } from '../../../shared/api/org.js';
import { AppError } from '../app-error.js';
import { isoAt, type Clock } from '../clock.js';
import type { Db } from '../db/connection.js';
import { rethrowUnique } from '../db/sqlite-errors.js';

type PositionInput = z.output<typeof positionInputSchema>;
type PositionPatch = z.output<typeof positionPatchSchema>;

interface PositionRow {
  id: number;
  name: string;
  rank: number;
  active: number;
}

const toPosition = (r: PositionRow): Position => ({ id: r.id, name: r.name, rank: r.rank, active: r.active === 1 });
const unique = { name: 'body.name' };

export function createPositionsRepo(db: Db, clock: Clock) {
  const all = db.prepare('SELECT * FROM positions ORDER BY rank DESC, id');
  const byId = db.prepare('SELECT * FROM positions WHERE id = ?');
  const insert = db.prepare('INSERT INTO positions (name, rank, created_at, updated_at) VALUES (@name, @rank, @now, @now)');
  const update = db.prepare('UPDATE positions SET name = @name, rank = @rank, active = @active, updated_at = @now WHERE id = @id');
  const activeHolders = db.prepare('SELECT count(*) AS n FROM users WHERE position_id = ? AND active = 1');

  const get = (id: number): Position => {
    const row = byId.get(id) as PositionRow | undefined;
    if (!row) throw new AppError('not_found', { field: 'params.id' });
    return toPosition(row);
  };

  return {
    list: (): Position[] => (all.all() as PositionRow[]).map(toPosition),
    get,
    create(input: PositionInput): Position {
      try {
        const { lastInsertRowid } = insert.run({ ...input, now: isoAt(clock) });
        return get(Number(lastInsertRowid));
      } catch (err) {
        rethrowUnique(err, unique);
      }
    },
    update(id: number, patch: PositionPatch): Position {
      const current = get(id);
      const next = { ...current, ...patch };
      if (current.active && !next.active && (activeHolders.get(id) as { n: number }).n > 0) {
        throw new AppError('in_use', { field: 'body.active', detail: 'active users hold this position' });
      }
      try {
        update.run({ ...next, id, active: next.active ? 1 : 0, now: isoAt(clock) });
      } catch (err) {
        rethrowUnique(err, unique);
      }
      return get(id);
    },
    requireActive(id: number, field: string): Position {
      const row = byId.get(id) as PositionRow | undefined;
      if (!row || row.active !== 1) throw new AppError('unknown_reference', { field });
      return toPosition(row);
    },
  };
}
export type PositionsRepo = ReturnType<typeof createPositionsRepo>;
