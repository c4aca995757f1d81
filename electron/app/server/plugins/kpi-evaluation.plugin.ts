import type { FastifyInstance, FastifyReply } from 'fastify';
import type { z } from 'zod';
import { roles } from '../../../../shared/api/endpoint.js';
import { api } from '../../../../shared/api/endpoints.js';
import { evaluationDownloads } from '../../../../shared/api/kpi-evaluation.js';
import { AppError } from '../../app-error.js';
import type { Clock } from '../../clock.js';
import type { Db } from '../../db/connection.js';
import { evaluationPdf } from '../../kpi/evaluation-pdf.js';
import { contentDisposition, createEvaluationRepo, evaluationCsv, evaluationFileNames, evaluationOf } from '../../kpi/evaluation.repo.js';
import { createFiscalYears } from '../../kpi/fiscal-years.js';
import { createKpiReports } from '../../kpi/kpi-report.js';
import { importPurchasesCsv } from '../../kpi/purchases-import.js';
import { createPurchasesRepo } from '../../kpi/purchases.repo.js';
import { encodeShiftJis, encodeUtf8WithBom } from '../../kpi/shift-jis.js';
import type { Services } from '../../services.js';
import { route } from '../route.js';

/** A download's query, checked like route() checks an endpoint's: a 400 naming the field. */
function parseQuery<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const result = schema.safeParse(value ?? {});
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const path = issue?.path.map(String).join('.') ?? '';
  throw new AppError('validation', { field: path ? `query.${path}` : 'query', detail: issue?.message ?? 'invalid' });
}

/** Bytes as a file download; never cached, since the figures change with every import. */
function sendFile(reply: FastifyReply, bytes: Uint8Array, type: string, disposition: string): FastifyReply {
  return reply
    .header('content-type', type)
    .header('content-disposition', disposition)
    .header('cache-control', 'no-store')
    .header('x-content-type-options', 'nosniff')
    .send(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
}

/**
 * The evaluation report (評価): the typed-in KPIs of a year beside the
 * paperless one from the data, its CSV for Excel and its printable PDF; the
 * paper purchases, the KPI's third measure (by month, or from a CSV); and the
 * fiscal years the dashboard offers.
 */
export function kpiEvaluationPlugin(services: Services, db: Db, clock: Clock) {
  const reports = createKpiReports(db, clock);
  const evaluations = createEvaluationRepo(db, clock);
  const purchases = createPurchasesRepo(db, clock);
  const fiscalYears = createFiscalYears(db, clock);
  const tableOf = (fiscalYear: number, lang: 'ja' | 'en') => evaluationOf(evaluations.get(fiscalYear), reports.build(fiscalYear).kpi, lang);
  // The downloads answer bytes, which route() (JSON through a response schema) does not; they carry the same access rule as the table.
  const downloadAccess = roles('dx', 'admin');

  return async (app: FastifyInstance) => {
    route(app, api.kpiEvaluation, ({ query }) => tableOf(query.fy, query.lang));
    route(app, api.setKpiEvaluation, ({ body, me }) => {
      const saved = evaluations.set(body.fiscalYear, body.rows, body.paperlessComment);
      services.adminLog.record(me().user.id, 'kpi.evaluation.set', String(body.fiscalYear), {
        keys: saved.rows.map((r) => r.key),
        ...(body.paperlessComment !== undefined && { paperlessComment: saved.paperlessComment }),
      });
      return tableOf(body.fiscalYear, 'ja');
    });

    app.route({
      method: evaluationDownloads.csv.method,
      url: evaluationDownloads.csv.path,
      config: { access: downloadAccess },
      handler: async (req, reply) => {
        const query = parseQuery(evaluationDownloads.csv.query, req.query);
        const csv = evaluationCsv(tableOf(query.fy, query.lang), query.lang);
        const sjis = query.encoding === 'shift_jis';
        return sendFile(reply, sjis ? encodeShiftJis(csv) : encodeUtf8WithBom(csv), `text/csv; charset=${sjis ? 'Shift_JIS' : 'utf-8'}`,
          contentDisposition(evaluationFileNames(query.fy, 'csv')));
      },
    });
    app.route({
      method: evaluationDownloads.pdf.method,
      url: evaluationDownloads.pdf.path,
      config: { access: downloadAccess },
      handler: async (req, reply) => {
        const query = parseQuery(evaluationDownloads.pdf.query, req.query);
        const pdf = await evaluationPdf(db, clock, query.fy, services.settings.townName());
        return sendFile(reply, pdf, 'application/pdf', contentDisposition(evaluationFileNames(query.fy, 'pdf')));
      },
    });

    route(app, api.kpiPurchases, ({ query }) => purchases.list(query.fy));
    route(app, api.setKpiPurchase, ({ body, me }) => {
      const saved = purchases.set(body);
      services.adminLog.record(me().user.id, 'kpi.purchase.set', saved.month, { reams: saved.reams, note: saved.note });
      return saved;
    });
    route(app, api.importKpiPurchases, ({ body, me }) => {
      const result = importPurchasesCsv(purchases, body);
      services.adminLog.record(me().user.id, 'kpi.purchase.import', `${result.months} months`, {
        months: result.items.map((p) => p.month), reams: result.reams, rows: result.rows, encoding: result.encoding,
      });
      return result;
    });

    route(app, api.kpiFiscalYears, () => fiscalYears.list());
  };
}
