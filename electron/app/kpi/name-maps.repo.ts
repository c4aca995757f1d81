import { compileRules, loginKey, resolveNameDetailed, type MappingRule, type MappingRuleKind } from '../../../shared/domain/kpi/index.js';
import { AppError } from '../app-error.js';
import { isoAt, type Clock } from '../clock.js';
import type { Db } from '../db/connection.js';
import { rethrowUnique } from '../db/sqlite-errors.js';

/** A rule or hand-made assignment of log names (kpi_name_maps). */
export interface NameMap {
  id: number;
  subject: 'user' | 'printer';
  kind: MappingRuleKind;
  pattern: string;
  departmentId: number | null;
  siteId: number | null;
}

/** Where a log user or printer belongs; null fields: not known. */
export interface Placement {
  departmentId: number | null;
  siteId: number | null;
}

/** Where a name is placed and why: its login, a rule of kpi_name_maps (ruleId), or nothing (未割当). */
export interface Explained extends Placement {
  via: 'login' | 'rule' | null;
  ruleId: number | null;
}

/** Resolves log user and printer names to departments and sites, for one report. */
export interface NameResolver {
  user(name: string): Placement;
  printer(name: string): Placement;
  explain(subject: 'user' | 'printer', name: string): Explained;
}

const unplaced: Placement = { departmentId: null, siteId: null };

/**
 * The organisation mapping of the paper KPI: a log user whose name is a login
 * belongs to that user's department; otherwise, and for printers, the rules of
 * kpi_name_maps decide; what nothing matches is 未割当.
 */
export function createNameMapsRepo(db: Db, clock: Clock) {
  const s = {
    insert: db.prepare(`INSERT INTO kpi_name_maps (subject, kind, pattern, department_id, site_id, created_at)
      VALUES (@subject, @kind, @pattern, @departmentId, @siteId, @now)`),
    remove: db.prepare('DELETE FROM kpi_name_maps WHERE id = ?'),
    insertIfNew: db.prepare(`INSERT OR IGNORE INTO kpi_name_maps (subject, kind, pattern, department_id, site_id, created_at)
      VALUES (@subject, @kind, @pattern, @departmentId, @siteId, @now)`),
    maps: db.prepare(`SELECT id, subject, kind, pattern, department_id AS departmentId, site_id AS siteId FROM kpi_name_maps ORDER BY id`),
    logins: db.prepare('SELECT login, department_id AS departmentId FROM users WHERE department_id IS NOT NULL'),
    departmentSites: db.prepare('SELECT id, site_id AS siteId FROM departments'),
  };

  return {
    list: (): NameMap[] => s.maps.all() as NameMap[],
    /** Adds a rule; one that does not compile (a bad or hanging regex, an empty pattern) is refused naming the pattern. */
    add(map: Omit<NameMap, 'id'>): NameMap {
      const compiled = compileRules([{ kind: map.kind, pattern: map.pattern, target: 0 }]);
      if (!compiled.ok) throw new AppError('validation', { field: 'body.pattern', detail: compiled.errors.map((e) => e.message).join('; ') });
      if (map.departmentId === null && map.siteId === null) throw new AppError('validation', { field: 'body.departmentId', detail: 'map the name to a department or a site' });
      try {
        const id = Number(s.insert.run({ ...map, now: isoAt(clock) }).lastInsertRowid);
        return { ...map, id };
      } catch (err) {
        rethrowUnique(err, { subject: 'body.pattern' });
      }
    },
    /** Adds rules in one transaction; a rule already there is left alone and counted as unchanged. */
    addAll(maps: readonly Omit<NameMap, 'id'>[]): { added: number; unchanged: number } {
      return db.transaction(() => {
        let added = 0;
        for (const map of maps) {
          const r = s.insertIfNew.run({ ...map, now: isoAt(clock) });
          added += r.changes;
        }
        return { added, unchanged: maps.length - added };
      })();
    },
    remove(id: number): void {
      if (s.remove.run(id).changes === 0) throw new AppError('not_found', { field: 'params.id' });
    },
    /** A resolver over the mapping as it is now (names are cached: a report asks about each many times). */
    resolver(): NameResolver {
      const maps = s.maps.all() as NameMap[];
      const siteOfDepartment = new Map((s.departmentSites.all() as { id: number; siteId: number }[]).map((d) => [d.id, d.siteId]));
      const byId = new Map(maps.map((m) => [m.id, m]));
      const matcherOf = (subject: NameMap['subject']) => {
        const rules: MappingRule[] = maps.filter((m) => m.subject === subject).map((m) => ({ kind: m.kind, pattern: m.pattern, target: m.id }));
        const compiled = compileRules(rules);
        // Stored rules were checked when saved; one that no longer compiles (a stricter check) maps nothing rather than everything.
        return compiled.ok ? compiled : { match: () => null, matchRule: () => null };
      };
      const userRules = matcherOf('user');
      const printerRules = matcherOf('printer');
      const byLogin = new Map((s.logins.all() as { login: string; departmentId: number }[]).map((u) => [loginKey(u.login), -u.departmentId]));
      const place = (mapId: number | null): Placement => {
        if (mapId === null) return unplaced;
        // Logins resolve to −department id, rules to their row id: one number space for resolveName.
        if (mapId < 0) return { departmentId: -mapId, siteId: siteOfDepartment.get(-mapId) ?? null };
        const m = byId.get(mapId);
        if (!m) return unplaced;
        return { departmentId: m.departmentId, siteId: m.siteId ?? (m.departmentId === null ? null : (siteOfDepartment.get(m.departmentId) ?? null)) };
      };
      const mappings = { user: { byLogin, rules: userRules }, printer: { byLogin: new Map<string, number>(), rules: printerRules } };
      const explain = (subject: 'user' | 'printer', name: string): Explained => {
        const hit = resolveNameDetailed(name, mappings[subject]);
        if (!hit) return { ...unplaced, via: null, ruleId: null };
        return { ...place(hit.target), via: hit.via, ruleId: hit.via === 'rule' ? hit.target : null };
      };
      const cache = { user: new Map<string, Placement>(), printer: new Map<string, Placement>() };
      const cached = (subject: 'user' | 'printer', name: string): Placement => {
        let p = cache[subject].get(name);
        if (!p) cache[subject].set(name, (p = explain(subject, name)));
        return p;
      };
      return { user: (name) => cached('user', name), printer: (name) => cached('printer', name), explain };
    },
  };
}
export type NameMapsRepo = ReturnType<typeof createNameMapsRepo>;
