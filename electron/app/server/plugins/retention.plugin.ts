import type { FastifyInstance } from 'fastify';
import { api } from '../../../../shared/api/endpoints.js';
import { BlobStore } from '../../approvals/blob-store.js';
import { callerOf, createCaseReader } from '../../approvals/case-reader.js';
import { createDisposalService } from '../../approvals/disposal-service.js';
import { createDisposalRepo } from '../../approvals/disposal.repo.js';
import type { Services } from '../../services.js';
import { route } from '../route.js';

export interface RetentionPluginOptions {
  /** `DATA/blobs`: the files a disposal deletes when no case uses them any more. */
  blobDir: string;
}

/** 保存・廃棄: the retention list by fiscal year, batch disposal (admins), a case's disposal record. */
export function retentionPlugin(services: Services, opts: RetentionPluginOptions) {
  const disposal = createDisposalService({ reader: createCaseReader(services), repo: createDisposalRepo(services.db), blobs: new BlobStore(opts.blobDir) });

  return async (app: FastifyInstance) => {
    // Finishes a batch a crash interrupted between its commit and its file deletions.
    app.addHook('onReady', async () => {
      try {
        await disposal.sweep();
      } catch (err) {
        app.log.error({ err }, 'disposal sweep failed');
      }
    });
    route(app, api.retentionAccess, ({ req }) => disposal.access(callerOf(req)));
    route(app, api.retentionList, ({ query, req }) => disposal.list(callerOf(req), query));
    route(app, api.disposeCases, ({ body, req }) => disposal.dispose(callerOf(req), body.caseIds, body.reason));
    route(app, api.caseDisposal, ({ params, req }) => disposal.disposalOf(callerOf(req), params.id));
  };
}
