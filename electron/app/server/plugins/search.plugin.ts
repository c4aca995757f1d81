import type { FastifyInstance, FastifyRequest } from 'fastify';
import { signedIn } from '../../../../shared/api/endpoint.js';
import { api } from '../../../../shared/api/endpoints.js';
import { SEARCH_CSV_MAX_ROWS, searchDownloads } from '../../../../shared/api/search.js';
import { formatWarekiDate } from '../../../../shared/domain/wareki.js';
import { AppError } from '../../app-error.js';
import { BlobStore } from '../../approvals/blob-store.js';
import { createCaseVisibility, type Caller } from '../../approvals/case-service.js';
import { createNames } from '../../approvals/case-view.js';
import { createProxiesRepo } from '../../approvals/proxies.repo.js';
import { isoAt } from '../../clock.js';
import { contentDisposition } from '../../kpi/evaluation.repo.js';
import { encodeShiftJis, encodeUtf8WithBom } from '../../kpi/shift-jis.js';
import { defaultPdfTextLimits, readPdfText, type PdfTextLimits } from '../../search/pdf-text-reader.js';
import { searchCsv } from '../../search/search-csv.js';
import { createSearchIndex } from '../../search/search-index.sqlite.js';
import { createSearchIndexer } from '../../search/search-indexer.js';
import { createSearchQueries } from '../../search/search-queries.sqlite.js';
import { createSearchService } from '../../search/search-service.js';
import type { Services } from '../../services.js';
import type { EventHub } from '../event-hub.js';
import { route } from '../route.js';

export interface SearchPluginOptions {
  /** `DATA/blobs`: the attachments whose text is read. */
  blobDir: string;
  /** Case changes published here bring the index up to date at once. */
  events?: EventHub;
  pdfTextLimits?: PdfTextLimits;
}

/** How often the indexer looks for work nobody announced (a new attachment, a change by another process). */
const INDEX_INTERVAL_MS = 5_000;

/**
 * 案件検索: the search and its CSV, and the indexer that keeps the index in
 * step: started with the app (catching up on whatever a crash left pending),
 * woken by case changes and a timer, stopped with the app.
 */
export function searchPlugin(services: Services, opts: SearchPluginOptions) {
  const { db, clock } = services;
  const index = createSearchIndex(db);
  const blobs = new BlobStore(opts.blobDir);

  return async (app: FastifyInstance) => {
    const indexer = createSearchIndexer({
      index,
      clock,
      blobPath: (sha256) => blobs.pathOf(sha256),
      read: readPdfText,
      limits: opts.pdfTextLimits ?? defaultPdfTextLimits,
      onError: (err) => app.log.error({ err }, 'search indexing failed'),
    });
    const service = createSearchService({
      db,
      clock,
      queries: createSearchQueries(db),
      index,
      visibility: createCaseVisibility({ proxies: createProxiesRepo(db), settings: services.settings }),
      names: createNames(db),
      kick: () => void indexer.drain(),
    });
    const callerOf = (req: FastifyRequest): Caller => {
      if (!req.auth) throw new AppError('unauthenticated');
      return { userId: req.auth.user.id, isAdmin: req.auth.user.roles.includes('admin'), ip: req.ip };
    };

    route(app, api.search, ({ query, req }) => {
      const { page, ...filter } = query;
      return service.search(callerOf(req), filter, page);
    });

    app.route({
      method: searchDownloads.csv.method,
      url: searchDownloads.csv.path,
      config: { access: signedIn },
      handler: async (req, reply) => {
        const parsed = searchDownloads.csv.query.safeParse(req.query ?? {});
        if (!parsed.success) {
          const issue = parsed.error.issues[0];
          throw new AppError('validation', { field: `query.${issue?.path.map(String).join('.') ?? ''}`, detail: issue?.message ?? 'invalid' });
        }
        const { encoding, ...filter } = parsed.data;
        const { items, total } = service.all(callerOf(req), filter, SEARCH_CSV_MAX_ROWS);
        const csv = searchCsv(items, total);
        const sjis = encoding === 'sjis';
        const day = isoAt(clock).slice(0, 10);
        return reply
          .header('content-type', `text/csv; charset=${sjis ? 'Shift_JIS' : 'utf-8'}`)
          .header('content-disposition', contentDisposition({ ascii: `search-${day}.csv`, japanese: `案件検索_${formatWarekiDate(isoAt(clock), 'ja')}.csv` }))
          .header('cache-control', 'no-store')
          .header('x-content-type-options', 'nosniff')
          .send(sjis ? encodeShiftJis(csv) : encodeUtf8WithBom(csv));
      },
    });

    const timer = setInterval(() => void indexer.drain(), INDEX_INTERVAL_MS);
    timer.unref();
    const unsubscribe = opts.events?.subscribe((name) => {
      if (name === 'case') void indexer.drain();
    });
    app.addHook('onClose', async () => {
      clearInterval(timer);
      unsubscribe?.();
      await indexer.stop();
    });
    // Catch-up: whatever was left pending or unread when the app last stopped.
    void indexer.drain();
  };
}
