import { isDeepStrictEqual } from 'node:util';
import { evolve, type Case, type CaseEvent } from '../../../shared/domain/approval/index.js';
import type { Db } from '../db/connection.js';

export type ReplayCheck = { ok: true; cases: number } | { ok: false; cases: number; caseId: number; reason: string };

/** Rebuilds a case from its events alone (the engine's state machine, nothing else). */
export function replay(events: readonly CaseEvent[]): Case | null {
  let c: Case | null = null;
  for (const e of events) c = evolve(c, e);
  return c;
}

/**
 * Every stored case equals the replay of its events: a snapshot edited behind
 * the application's back (a state flipped to 決裁済 with raw SQL) is caught even
 * though the snapshot itself is not hash-chained.
 */
export function verifyCaseSnapshots(db: Db): ReplayCheck {
  const events = db.prepare('SELECT data FROM case_events WHERE case_id = ? ORDER BY version');
  let cases = 0;
  for (const row of db.prepare('SELECT id, snapshot, version, state FROM cases ORDER BY id').iterate() as IterableIterator<{ id: number; snapshot: string; version: number; state: string }>) {
    cases++;
    const list = (events.all(row.id) as { data: string }[]).map((r) => JSON.parse(r.data) as CaseEvent);
    let rebuilt: Case | null;
    try {
      rebuilt = replay(list);
    } catch (err) {
      return { ok: false, cases, caseId: row.id, reason: `its events do not replay: ${err instanceof Error ? err.message : String(err)}` };
    }
    const snapshot = JSON.parse(row.snapshot) as Case;
    if (!rebuilt || !isDeepStrictEqual(rebuilt, snapshot)) return { ok: false, cases, caseId: row.id, reason: 'the stored case differs from the replay of its events' };
    if (row.version !== snapshot.version || row.state !== snapshot.state) return { ok: false, cases, caseId: row.id, reason: 'its state or version column differs from the stored case' };
  }
  return { ok: true, cases };
}
