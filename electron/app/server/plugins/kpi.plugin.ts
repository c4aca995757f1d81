import type { FastifyInstance } from 'fastify';
import { api } from '../../../../shared/api/endpoints.js';
import { parseRulesCsv } from '../../../../shared/domain/kpi/index.js';
import { AppError } from '../../app-error.js';
import type { KpiReports } from '../../kpi/kpi-report.js';
import type { Services } from '../../services.js';
import { route } from '../route.js';

/** The paper KPI (紙削減): reports, drill-downs, the fiscal years' settings and the organisation mapping. */
export function kpiPlugin(services: Services, reports: KpiReports) {
  /** Whether `get` finds the row: the repositories' get throws not_found for a missing one. */
  const exists = (id: number | null, get: (id: number) => unknown) => {
    if (id === null) return true;
    try {
      get(id);
      return true;
    } catch (err) {
      if (err instanceof AppError && err.code === 'not_found') return false;
      throw err;
    }
  };

  return async (app: FastifyInstance) => {
    route(app, api.kpiReport, ({ query }) => reports.report(query.fy, query.measure));
    route(app, api.kpiBreakdown, ({ query }) => reports.breakdown(query.fy, { siteId: query.siteId, departmentId: query.departmentId }));
    route(app, api.kpiDocuments, ({ query }) => reports.documents(query.fy, query.limit));
    route(app, api.kpiNames, ({ query }) => ({ items: reports.logNames(query.fy, query.subject) }));

    route(app, api.listKpiYears, () => ({ items: reports.years.list() }));
    route(app, api.kpiYear, ({ query }) => reports.years.get(query.fy));
    route(app, api.setKpiYear, ({ body, me }) => {
      const { fiscalYear, ...input } = body;
      const saved = reports.years.set(fiscalYear, input);
      services.adminLog.record(me().user.id, 'kpi.year.set', String(fiscalYear), { ...input });
      return saved;
    });

    // The e-approval effect: an estimate shown apart from the measured reduction, with its two settings.
    route(app, api.kpiApprovalEffect, ({ query }) => reports.approvalEffects.forYear(query.fy));
    route(app, api.setKpiApprovalEffectSettings, ({ body, me }) => {
      const before = reports.approvalEffects.settings();
      const saved = reports.approvalEffects.setSettings(body);
      services.adminLog.record(me().user.id, 'kpi.approvalEffect.set', 'settings', { before, after: saved });
      return saved;
    });

    route(app, api.listNameMaps, () => ({ items: reports.names.list() }));
    route(app, api.createNameMap, ({ body, me }) => {
      if (!exists(body.departmentId, services.departments.get)) throw new AppError('unknown_reference', { field: 'body.departmentId' });
      if (!exists(body.siteId, services.sites.get)) throw new AppError('unknown_reference', { field: 'body.siteId' });
      const map = reports.names.add(body);
      services.adminLog.record(me().user.id, 'kpi.map.add', `${map.subject}:${map.kind}:${map.pattern}`, { departmentId: map.departmentId, siteId: map.siteId });
      return map;
    });
    route(app, api.importNameMaps, ({ body, me }) => {
      const parsed = parseRulesCsv(body.csv);
      const errors = parsed.ok ? [] : [...parsed.errors];
      const byCode = <T extends { id: number; code: string }>(rows: T[]) => new Map(rows.map((r) => [r.code.toLowerCase(), r.id]));
      const departments = byCode(services.departments.list());
      const sites = byCode(services.sites.list());
      const maps = (parsed.ok ? parsed.rules : []).map((r) => {
        const departmentId = r.departmentCode === null ? null : (departments.get(r.departmentCode.toLowerCase()) ?? null);
        const siteId = r.siteCode === null ? null : (sites.get(r.siteCode.toLowerCase()) ?? null);
        if (r.departmentCode !== null && departmentId === null) errors.push(`line ${r.line}: no department with the code ${r.departmentCode}`);
        if (r.siteCode !== null && siteId === null) errors.push(`line ${r.line}: no site with the code ${r.siteCode}`);
        return { subject: r.subject, kind: r.kind, pattern: r.pattern, departmentId, siteId };
      });
      if (errors.length > 0) throw new AppError('validation', { field: 'body.csv', detail: errors.slice(0, 50).join('; ') });
      const result = reports.names.addAll(maps);
      services.adminLog.record(me().user.id, 'kpi.map.import', `${maps.length} rules`, result);
      return result;
    });
    route(app, api.removeNameMap, ({ params, me }) => {
      reports.names.remove(params.id);
      services.adminLog.record(me().user.id, 'kpi.map.remove', String(params.id));
      return { ok: true as const };
    });
  };
}
