import fastifyCookie from '@fastify/cookie';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import Fastify, { type FastifyInstance, type FastifyServerOptions, type RouteOptions } from 'fastify';
import type { Mode } from '../../../shared/api/auth.js';
import type { Endpoint } from '../../../shared/api/endpoint.js';
import { api } from '../../../shared/api/endpoints.js';
import { systemClock, type Clock } from '../clock.js';
import type { Db } from '../db/connection.js';
import { createImportRunner } from '../printlog/import-runner.js';
import { createServices, defaultPolicies, type Policies } from '../services.js';
import { appVersion } from '../version.js';
import { registerAccessHook } from './access-hook.js';
import { registerErrorHandler } from './error-handler.js';
import { buildOpenApi } from './openapi.js';
import { authPlugin } from './plugins/auth.plugin.js';
import { healthPlugin } from './plugins/health.plugin.js';
import { orgPlugin } from './plugins/org.plugin.js';
import { printlogPlugin } from './plugins/printlog.plugin.js';
import { ingestPlugin } from './plugins/ingest.plugin.js';
import { IngestStore, ingestFolderName } from '../printlog/ingest-store.js';
import { setupPlugin } from './plugins/setup.plugin.js';
import { sourcesPlugin } from './plugins/sources.plugin.js';
import { usersPlugin } from './plugins/users.plugin.js';
import { eventsPlugin } from './plugins/events.plugin.js';
import { kpiPlugin } from './plugins/kpi.plugin.js';
import { approvalsPlugin } from './plugins/approvals.plugin.js';
import { searchPlugin } from './plugins/search.plugin.js';
import { archivePlugin } from './plugins/archive.plugin.js';
import { relatedPlugin } from './plugins/related.plugin.js';
import { retentionPlugin } from './plugins/retention.plugin.js';
import { kpiEvaluationPlugin } from './plugins/kpi-evaluation.plugin.js';
import { createKpiReports } from '../kpi/kpi-report.js';
import { EventHub } from './event-hub.js';
import { createCasesRepo } from '../approvals/cases.repo.js';
import { createProxiesRepo } from '../approvals/proxies.repo.js';
import { createReminders, type Reminders } from '../approvals/overdue.js';
import { registerRenderer } from './static.js';
import { createMailService, defaultMailIntervalMs, type MailService } from '../mail/mail-service.js';
import { mailPlugin } from './plugins/mail.plugin.js';

export interface AppOptions {
  db: Db;
  mode: Mode;
  clock?: Clock;
  policies?: Policies;
  /** Desktop only: every request must carry it (x-kamiless-secret). */
  secret?: string;
  /** The built renderer to serve; omitted in tests and in the desktop core. */
  rendererDir?: string;
  /** TLS material; when given the cookies are Secure. */
  https?: { cert: string | Buffer; key: string | Buffer };
  logger?: FastifyServerOptions['logger'];
  /** Honour X-Forwarded-For from a reverse proxy in front of the hub. */
  trustProxy?: boolean;
  /** Called for every route as it is registered (the route-rule test collects them all with it). */
  onRoute?: (route: RouteOptions) => void;
  /** The data folder (uploads are spooled in its `imports/`, agents' files kept in `ingest/`); by default the database file's folder. */
  dataDir?: string;
  /**
   * better-sqlite3 built for Electron (the desktop core): import workers open the database with it.
   * By default KAMILESS_SQLITE_BINDING, which is how the desktop core is given it.
   */
  sqliteBinding?: string;
  /** A lower upload limit than the endpoint's (a hub with little disk; the tests). */
  importMaxBytes?: number;
  /** A lower limit for case attachments than the endpoint's 50 MB (the tests). */
  attachmentMaxBytes?: number;
  /** Where server events are published (the core passes its own, which its watchers publish to). */
  events?: EventHub;
  /** Called after a log source is added, changed, removed or given a new token (the core refreshes its watchers at once). */
  onSourcesChanged?: () => void;
  /** How often overdue steps are looked for and their assignees reminded (default 15 minutes; 0: never, the tests call `app.approvalReminders.check`). */
  reminderIntervalMs?: number;
  /** How often the mail outbox is looked at for retries (default 30 s; 0: never, the tests call `app.mail.flush`). */
  mailIntervalMs?: number;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The reminder check (催促) the timer runs; tests call it with their own `now`. */
    approvalReminders: Reminders;
    /** E-mail notices: the outbox and its sender (tests flush it). */
    mail: MailService;
    /** Settles when the work requests started in the background (archive PDFs) is done: tests wait on it before comparing the database. */
    settled: () => Promise<void>;
  }
}

const defaultReminderIntervalMs = 15 * 60_000;

/**
 * A folder of the data folder: uploads wait in `imports/` while they are
 * imported, branch agents' files are kept in `ingest/`. Beside the database by
 * default; in a temp folder for an in-memory database.
 */
function folderInData(opts: Pick<AppOptions, 'db' | 'dataDir'>, name: string): string {
  if (opts.dataDir !== undefined) return join(opts.dataDir, name);
  if (opts.db.memory || opts.db.name === '') return join(tmpdir(), `kamiless-${name}`);
  return join(dirname(opts.db.name), name);
}

/**
 * The one factory for the HTTP API: the hub, the desktop core and the tests
 * all build the app here, so they can never drift apart.
 */
export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const base = { logger: opts.logger ?? false, trustProxy: opts.trustProxy ?? false, bodyLimit: 1024 * 1024 };
  const app = (opts.https ? Fastify({ ...base, https: opts.https }) : Fastify(base)) as unknown as FastifyInstance;
  // First, so that no route (a plugin's, the renderer's, one added later) escapes it.
  if (opts.onRoute) app.addHook('onRoute', opts.onRoute);
  const clock = opts.clock ?? systemClock;
  const services = createServices(opts.db, clock, opts.policies ?? defaultPolicies);
  const events = opts.events ?? new EventHub();
  const secureCookies = opts.https !== undefined;

  // JSON only: a cross-site HTML form cannot send application/json without a CORS preflight.
  app.removeContentTypeParser('text/plain');
  await app.register(fastifyCookie);
  registerErrorHandler(app);
  registerAccessHook(app, services, { secret: opts.secret });

  const info = { version: appVersion, mode: opts.mode };
  await app.register(healthPlugin(services, info));
  await app.register(setupPlugin(services, { secureCookies }));
  await app.register(authPlugin(services, { secureCookies }));
  await app.register(orgPlugin(services));
  await app.register(usersPlugin(services));
  const runner = createImportRunner({
    db: opts.db,
    clock,
    nativeBinding: opts.sqliteBinding ?? process.env['KAMILESS_SQLITE_BINDING'],
  });
  await app.register(printlogPlugin({
    db: opts.db, clock, runner, events, spoolDir: folderInData(opts, 'imports'), ...(opts.importMaxBytes !== undefined && { maxBytes: opts.importMaxBytes }),
  }));

  await app.register(kpiPlugin(services, createKpiReports(opts.db, clock)));
  await app.register(kpiEvaluationPlugin(services, opts.db, clock));
  await app.register(ingestPlugin(services, { store: new IngestStore(folderInData(opts, ingestFolderName)) }));

  const mail = createMailService({ db: opts.db, clock, settings: services.settings, events, intervalMs: opts.mailIntervalMs ?? defaultMailIntervalMs, onError: (err) => app.log.error({ err }, 'mail notices failed') });
  app.decorate('mail', mail);
  app.addHook('onClose', async () => mail.stop());
  await app.register(mailPlugin(services, mail));

  await app.register(approvalsPlugin(services, {
    blobDir: folderInData(opts, 'blobs'), events, queueNotices: (data) => mail.queue(data), ...(opts.attachmentMaxBytes !== undefined && { maxBytes: opts.attachmentMaxBytes }),
  }));
  const background: (() => Promise<void>)[] = [];
  app.decorate('settled', async () => {
    for (const idle of background) await idle();
  });
  await app.register(archivePlugin(services, { blobDir: folderInData(opts, 'blobs'), events, background }));
  await app.register(relatedPlugin(services));
  await app.register(retentionPlugin(services, { blobDir: folderInData(opts, 'blobs') }));

  await app.register(searchPlugin(services, { blobDir: folderInData(opts, 'blobs'), events }));

  await app.register(sourcesPlugin(services, { ...(opts.onSourcesChanged && { onSourcesChanged: opts.onSourcesChanged }) }));

  const endpoints: Endpoint[] = Object.values(api);
  const openapi = buildOpenApi(endpoints, appVersion);
  await app.register(eventsPlugin({ hub: events }));
  app.route({ method: 'GET', url: '/api/openapi.json', config: { access: { kind: 'public' } }, handler: async () => openapi });

  await registerRenderer(app, opts.rendererDir);

  // Reminders (催促) run beside the API in the same process: the hub's and the desktop core's alike, stopped with the app.
  const reminderProxies = createProxiesRepo(opts.db);
  const reminders = createReminders({
    db: opts.db,
    cases: createCasesRepo(opts.db),
    settings: services.settings,
    proxiesOf: (userId, now) => reminderProxies.proxiesOf(userId, now),
    publish: (data) => events.publish('case', data),
  });
  app.decorate('approvalReminders', reminders);
  const interval = opts.reminderIntervalMs ?? defaultReminderIntervalMs;
  if (interval > 0) {
    const timer = setInterval(() => {
      try {
        reminders.check(clock.now());
      } catch (err) {
        app.log.error({ err }, 'approval reminders failed');
      }
    }, interval);
    timer.unref();
    app.addHook('onClose', async () => clearInterval(timer));
  }
  return app;
}
