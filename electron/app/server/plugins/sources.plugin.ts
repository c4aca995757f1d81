import { statSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { api } from '../../../../shared/api/endpoints.js';
import { previewMaxBytes, type SourceInput as SourceBody, type SourceStatus } from '../../../../shared/api/sources.js';
import type { Mapping } from '../../../../shared/domain/printlog/mapping.js';
import { localDayRange } from '../../../../shared/domain/wareki.js';
import { AppError } from '../../app-error.js';
import { folderSample, previewSample, uploadedSample } from '../../printlog/preview.js';
import { compileGlob, formatMappingConflict, parseSourceMapping, SourceConfigError } from '../../printlog/source-config.js';
import { createSourceStatusRepo, noFigures, type SourceFigures } from '../../printlog/source-status.repo.js';
import { newSourceToken } from '../../printlog/source-token.js';
import type { LogSource, SourceInput } from '../../printlog/sources.repo.js';
import type { Services } from '../../services.js';
import { route } from '../route.js';

export interface SourcesPluginOptions {
  /** Called after a source is added, changed, removed or given a new token, so the watchers pick it up at once. */
  onSourcesChanged?: () => void;
}

const invalid = (field: string, detail: string) => new AppError('validation', { field: `body.${field}`, detail });

/** A folder source's folder: a full path to a folder that exists on this machine (the hub's, not the caller's). */
function checkFolder(folder: string): string {
  if (!isAbsolute(folder)) throw invalid('folder', `give the folder's full path (such as D:\\logs or /var/log/cups), not ${JSON.stringify(folder)}`);
  let isFolder: boolean;
  try {
    isFolder = statSync(folder).isDirectory();
  } catch {
    throw invalid('folder', `no such folder on this machine: ${folder}`);
  }
  if (!isFolder) throw invalid('folder', `not a folder: ${folder}`);
  return resolve(folder);
}

/** Unread bytes of the files still being read: a missing file (rotated away, deleted) counts 0. */
async function unreadBytes(files: SourceFigures['unfinished']): Promise<number> {
  const sizes = await Promise.all(files.map((f) => stat(f.path).then((s) => Math.max(0, s.size - f.position), () => 0)));
  return sizes.reduce((a, b) => a + b, 0);
}

/** What the admin log keeps of a source's settings: not the mapping's text (up to 100 kB), just whether there is one. */
const logged = (input: SourceInput) => ({
  name: input.name, kind: input.kind, folder: input.folder, glob: input.glob, format: input.format, mapping: input.mapping !== null,
  siteId: input.siteId, polling: input.polling, pollIntervalMs: input.pollIntervalMs,
});

/** The ログ取込 → 取込元 screen: log sources and their status, and the preview of a sample. */
export function sourcesPlugin(services: Services, opts: SourcesPluginOptions = {}) {
  const { sources, sites, adminLog, clock } = services;
  const figures = createSourceStatusRepo(services.db);
  const changed = () => opts.onSourcesChanged?.();

  /**
   * The checks of `kamiless sources add`, each naming its field. `current` is
   * the source being changed: it may keep a site deactivated since it was chosen.
   */
  function checkInput(body: SourceBody, current: LogSource | null): SourceInput {
    if (/\p{Cc}/u.test(body.name)) throw invalid('name', 'give 1 to 100 printable characters');
    const folder = body.kind === 'folder' ? checkFolder(body.folder) : body.folder;
    try {
      compileGlob(body.glob);
    } catch (err) {
      if (err instanceof SourceConfigError) throw invalid('glob', `the pattern ${err.message}`);
      throw err;
    }
    let mapping: Mapping | null = null;
    if (body.mapping !== null) {
      try {
        mapping = parseSourceMapping(body.mapping).mapping;
      } catch (err) {
        if (err instanceof SourceConfigError) throw invalid('mapping', err.message);
        throw err;
      }
    }
    const conflict = formatMappingConflict(body.format, mapping);
    if (conflict) throw invalid(body.mapping === null ? 'format' : 'mapping', conflict);
    if (body.siteId !== null && body.siteId !== current?.siteId) sites.requireActive(body.siteId, 'body.siteId');
    return { ...body, folder };
  }

  function statusOf(source: LogSource, f: SourceFigures, siteNames: Map<number, string>, unread: number): SourceStatus {
    return {
      id: source.id,
      name: source.name,
      kind: source.kind,
      folder: source.folder,
      glob: source.glob,
      format: source.format,
      mapping: source.mapping,
      siteId: source.siteId,
      siteCode: source.siteCode,
      siteName: source.siteId === null ? null : (siteNames.get(source.siteId) ?? null),
      polling: source.polling,
      pollIntervalMs: source.pollIntervalMs,
      active: source.active,
      lastError: source.lastError,
      lastErrorAt: source.lastErrorAt,
      files: f.files,
      jobs: f.jobs,
      jobsToday: f.jobsToday,
      rejected: f.rejected,
      lastJobTime: f.lastJobTime,
      lastReadAt: f.lastReadAt,
      // An agent's own backlog is unknown until it first calls; the hub's copies of its files are read like any other.
      lagBytes: source.kind === 'agent' ? (source.agentBacklog === null ? null : source.agentBacklog + unread) : unread,
      agent: source.kind === 'agent' ? { host: source.agentHost, version: source.agentVersion, seenAt: source.agentSeenAt } : null,
      createdAt: source.createdAt,
      updatedAt: source.updatedAt,
    };
  }

  const siteNames = () => new Map(sites.list().map((s) => [s.id, s.name]));
  const today = () => localDayRange(clock.now());

  async function statusOfOne(source: LogSource): Promise<SourceStatus> {
    const f = figures.of(source.name, today());
    return statusOf(source, f, siteNames(), await unreadBytes(f.unfinished));
  }

  const sourceById = (id: number): LogSource => {
    const source = sources.byId(id);
    if (!source) throw new AppError('not_found', { field: 'params.id', detail: `no source with id ${id}` });
    return source;
  };

  return async (app: FastifyInstance) => {
    route(app, api.listSources, async () => {
      const all = figures.all(today());
      const names = siteNames();
      // Active sources first, each group by name (list() orders by name; the sort is stable).
      const list = sources.list().sort((a, b) => Number(b.active) - Number(a.active));
      const items = await Promise.all(list.map(async (s) => {
        const f = all.get(s.name) ?? noFigures();
        return statusOf(s, f, names, await unreadBytes(f.unfinished));
      }));
      return { items };
    });

    route(app, api.createSource, async ({ body, me }) => {
      const input = checkInput(body, null);
      const { token, hash } = newSourceToken();
      const { source, revived } = sources.add(input, hash);
      adminLog.record(me().user.id, revived ? 'source.revive' : 'source.create', `source:${source.id}`, logged(input));
      changed();
      return { source: await statusOfOne(source), token };
    });

    route(app, api.updateSource, async ({ params, body, me }) => {
      const input = checkInput(body, sourceById(params.id));
      const source = sources.updateKeepingHistory(params.id, input);
      adminLog.record(me().user.id, 'source.update', `source:${source.id}`, logged(input));
      changed();
      return statusOfOne(source);
    });

    route(app, api.removeSource, async ({ params, me }) => {
      const { source, wasActive } = sources.deactivateSource(sourceById(params.id));
      if (wasActive) {
        adminLog.record(me().user.id, 'source.remove', `source:${source.id}`, { name: source.name });
        changed();
      }
      // Read back: removing changed its updated_at.
      return statusOfOne(sourceById(source.id));
    });

    route(app, api.renewSourceToken, ({ params, me }) => {
      const { token, hash } = newSourceToken();
      sources.setTokenHash(params.id, hash);
      adminLog.record(me().user.id, 'source.token-renew', `source:${params.id}`);
      changed();
      return { token };
    });

    route(app, api.previewSource, async ({ body }) => {
      let sample;
      if (body.sample !== undefined) {
        const bytes = Buffer.from(body.sample, 'base64');
        if (bytes.length > previewMaxBytes) {
          throw new AppError('too_large', { field: 'body.sample', detail: `the sample has ${bytes.length} bytes; at most ${previewMaxBytes} are previewed` });
        }
        sample = await uploadedSample(bytes);
      } else if (body.folder !== undefined && body.folder !== '') {
        sample = await folderSample(body.folder, body.glob ?? '');
      } else {
        throw invalid('sample', 'send a sample (base64), or a folder and a file name pattern to read one from');
      }
      if ('error' in sample) {
        return {
          file: null, encoding: 'utf-8' as const, encodingReason: 'nothing was read', format: null, formatReason: '',
          lines: [], columns: [], jobs: [], readings: [], rejected: [], error: sample.error,
        };
      }
      return previewSample(sample, { format: body.format, mapping: body.mapping });
    });
  };
}
