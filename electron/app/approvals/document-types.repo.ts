import type { z } from 'zod';
import type { DocumentType, documentTypeInputSchema, documentTypePatchSchema } from '../../../shared/api/approvals.js';
import { templateProblems, type Retention, type RouteTemplate } from '../../../shared/domain/approval/index.js';
import { AppError } from '../app-error.js';
import { isoAt, type Clock } from '../clock.js';
import type { Db } from '../db/connection.js';
import { rethrowUnique } from '../db/sqlite-errors.js';

type TypeInput = z.output<typeof documentTypeInputSchema>;
type TypePatch = z.output<typeof documentTypePatchSchema>;

interface Row {
  id: number;
  code: string;
  name: string;
  retention: Retention;
  active: number;
  sort_order: number;
  template_id: number;
  template_version: number;
  definition: string;
}

const select = `SELECT t.id, t.code, t.name, t.retention, t.active, t.sort_order, r.id AS template_id, r.version AS template_version, r.definition
  FROM document_types t JOIN route_templates r ON r.id = t.current_template_id`;

const toType = (r: Row): DocumentType => ({
  id: r.id,
  code: r.code,
  name: r.name,
  retention: r.retention,
  active: r.active === 1,
  sortOrder: r.sort_order,
  templateId: r.template_id,
  templateVersion: r.template_version,
  template: JSON.parse(r.definition) as RouteTemplate,
});

/**
 * Document types (文書種別) and their route templates. A template is never
 * changed: a new one is a new version, and cases keep the version they were
 * drafted under (`cases.template_id`).
 */
/** What a route template may point at: active positions, departments and users. */
export interface ActiveReferences {
  positionExists(id: number): boolean;
  departmentExists(id: number): boolean;
  userExists(id: number): boolean;
}

/** The checks a route template's references are held to, against the organisation as stored. */
export function activeReferences(db: Db): ActiveReferences {
  const exists = (table: 'positions' | 'departments' | 'users') => {
    const q = db.prepare(`SELECT 1 FROM ${table} WHERE id = ? AND active = 1`);
    return (id: number) => q.get(id) !== undefined;
  };
  return { positionExists: exists('positions'), departmentExists: exists('departments'), userExists: exists('users') };
}

export function createDocumentTypesRepo(db: Db, clock: Clock, refs: ActiveReferences) {
  const s = {
    all: db.prepare(`${select} ORDER BY t.sort_order, t.id`),
    one: db.prepare(`${select} WHERE t.id = ?`),
    template: db.prepare('SELECT definition FROM route_templates WHERE id = ?'),
    insertType: db.prepare(`INSERT INTO document_types (code, name, retention, sort_order, created_at, updated_at)
      VALUES (@code, @name, @retention, @sortOrder, @now, @now)`),
    insertTemplate: db.prepare(`INSERT INTO route_templates (type_id, version, definition, created_at, created_by)
      VALUES (@typeId, (SELECT coalesce(max(version), 0) + 1 FROM route_templates WHERE type_id = @typeId), @definition, @now, @by)`),
    setCurrent: db.prepare('UPDATE document_types SET current_template_id = ?, updated_at = ? WHERE id = ?'),
    update: db.prepare(`UPDATE document_types SET name = @name, retention = @retention, sort_order = @sortOrder, active = @active, updated_at = @now WHERE id = @id`),
  };

  const get = (id: number): DocumentType => {
    const row = s.one.get(id) as Row | undefined;
    if (!row) throw new AppError('not_found', { field: 'params.id' });
    return toType(row);
  };

  /** Structural rules (templateProblems) and references to people, posts and departments that exist. */
  const check = (t: RouteTemplate, field: string): void => {
    const problem = templateProblems(t)[0];
    if (problem) throw new AppError('validation', { field: `${field}.${problem.path}`, detail: problem.detail });
    t.stages.forEach((stage, i) =>
      stage.steps.forEach((step, j) => {
        const a = step.assignee;
        const at = `${field}.stages.${i}.steps.${j}.assignee`;
        if ('positionId' in a && !refs.positionExists(a.positionId)) throw new AppError('unknown_reference', { field: `${at}.positionId` });
        if (a.kind === 'department' && !refs.departmentExists(a.departmentId)) throw new AppError('unknown_reference', { field: `${at}.departmentId` });
        if (a.kind === 'user' && !refs.userExists(a.userId)) throw new AppError('unknown_reference', { field: `${at}.userId` });
      }),
    );
    if (t.addedConsultPositionId !== null && !refs.positionExists(t.addedConsultPositionId)) {
      throw new AppError('unknown_reference', { field: `${field}.addedConsultPositionId` });
    }
  };

  const addTemplate = (typeId: number, template: RouteTemplate, by: number | null, now: string): number => {
    const { lastInsertRowid } = s.insertTemplate.run({ typeId, definition: JSON.stringify(template), now, by });
    s.setCurrent.run(Number(lastInsertRowid), now, typeId);
    return Number(lastInsertRowid);
  };

  return {
    list: (): DocumentType[] => (s.all.all() as Row[]).map(toType),
    get,
    /** A template version by its id (a running case's). */
    template(templateId: number): RouteTemplate {
      const row = s.template.get(templateId) as { definition: string } | undefined;
      if (!row) throw new AppError('not_found', { detail: `route template ${templateId}` });
      return JSON.parse(row.definition) as RouteTemplate;
    },
    create(input: TypeInput, by: number | null): DocumentType {
      check(input.template, 'body.template');
      const now = isoAt(clock);
      return db.transaction(() => {
        try {
          const { lastInsertRowid } = s.insertType.run({ code: input.code, name: input.name, retention: input.retention, sortOrder: input.sortOrder, now });
          const id = Number(lastInsertRowid);
          addTemplate(id, input.template, by, now);
          return get(id);
        } catch (err) {
          rethrowUnique(err, { code: 'body.code' });
        }
      })();
    },
    update(id: number, patch: TypePatch, by: number | null): DocumentType {
      const current = get(id);
      if (patch.template) check(patch.template, 'body.template');
      const now = isoAt(clock);
      return db.transaction(() => {
        s.update.run({
          id,
          name: patch.name ?? current.name,
          retention: patch.retention ?? current.retention,
          sortOrder: patch.sortOrder ?? current.sortOrder,
          active: (patch.active ?? current.active) ? 1 : 0,
          now,
        });
        if (patch.template) addTemplate(id, patch.template, by, now);
        return get(id);
      })();
    },
  };
}
export type DocumentTypesRepo = ReturnType<typeof createDocumentTypesRepo>;
