import type { FastifyInstance } from 'fastify';
import { api } from '../../../../shared/api/endpoints.js';
import type { KpiReports } from '../../kpi/kpi-report.js';
import { route } from '../route.js';

/** The paper KPI (紙削減): the report of a fiscal year. */
export function kpiPlugin(reports: KpiReports) {
  return async (app: FastifyInstance) => {
    route(app, api.kpiReport, ({ query }) => reports.report(query.fy, query.measure));
  };
}
