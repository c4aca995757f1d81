import { createHash } from 'node:crypto';
import type { Db } from '../db/connection.js';
import { canonicalJson } from './canonical-json.js';

/** What an audit row says; `id`, `prev_hash` and `hash` are added when it is appended. */
export interface AuditEntry {
  at: string;
  actorId: number | null;
  onBehalfOf: number | null;
  clientIp: string;
  action: string;
  caseId: number | null;
  version: number | null;
  data: Record<string, unknown>;
}

interface Row {
  id: number;
  at: string;
  actor_id: number | null;
  on_behalf_of: number | null;
  client_ip: string;
  action: string;
  case_id: number | null;
  version: number | null;
  data: string;
  prev_hash: string;
  hash: string;
}

/** The first row's predecessor. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * The hash of a row: sha256(prev_hash + canonical JSON of every column but the
 * hash). `data` is hashed as parsed JSON, so the stored text's spacing cannot
 * matter but any change of a value does.
 */
export function auditHash(row: Omit<Row, 'hash'>): string {
  const { prev_hash: prev, ...rest } = row;
  const body = canonicalJson({ ...rest, data: JSON.parse(rest.data) as unknown, prev_hash: prev });
  return createHash('sha256').update(prev).update(body).digest('hex');
}

export type VerifyResult = { ok: true; rows: number } | { ok: false; rows: number; brokenId: number; reason: string };

export function createAuditRepo(db: Db) {
  const s = {
    last: db.prepare('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1'),
    insert: db.prepare(`INSERT INTO audit_log (id, at, actor_id, on_behalf_of, client_ip, action, case_id, version, data, prev_hash, hash)
      VALUES (@id, @at, @actor_id, @on_behalf_of, @client_ip, @action, @case_id, @version, @data, @prev_hash, @hash)`),
    all: db.prepare('SELECT * FROM audit_log ORDER BY id'),
    forCase: db.prepare('SELECT * FROM audit_log WHERE case_id = ? ORDER BY id'),
  };
  return {
    /** Appends one row to the chain; call inside the transaction of the change it records. */
    append(entry: AuditEntry): void {
      const last = s.last.get() as { id: number; hash: string } | undefined;
      const row: Omit<Row, 'hash'> = {
        id: (last?.id ?? 0) + 1,
        at: entry.at,
        actor_id: entry.actorId,
        on_behalf_of: entry.onBehalfOf,
        client_ip: entry.clientIp,
        action: entry.action,
        case_id: entry.caseId,
        version: entry.version,
        data: canonicalJson(entry.data),
        prev_hash: last?.hash ?? GENESIS_HASH,
      };
      s.insert.run({ ...row, hash: auditHash(row) });
    },
    /** Re-hashes the whole chain; names the first row that does not follow from the one before it. */
    verify(): VerifyResult {
      let prev = GENESIS_HASH;
      let expectedId = 1;
      let rows = 0;
      for (const raw of s.all.iterate() as IterableIterator<Row>) {
        rows++;
        if (raw.id !== expectedId) return { ok: false, rows, brokenId: raw.id, reason: `row ${expectedId} is missing` };
        if (raw.prev_hash !== prev) return { ok: false, rows, brokenId: raw.id, reason: 'its prev_hash is not the hash of the row before it' };
        const { hash: stored, ...unhashed } = raw;
        let hash: string;
        try {
          hash = auditHash(unhashed);
        } catch {
          return { ok: false, rows, brokenId: raw.id, reason: 'its data is not valid JSON' };
        }
        if (hash !== stored) return { ok: false, rows, brokenId: raw.id, reason: 'its contents do not match its hash' };
        prev = stored;
        expectedId++;
      }
      return { ok: true, rows };
    },
    forCase(caseId: number): Row[] {
      return s.forCase.all(caseId) as Row[];
    },
  };
}
export type AuditRepo = ReturnType<typeof createAuditRepo>;
