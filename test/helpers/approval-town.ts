import type { FastifyInstance } from 'fastify';
import { createDocumentTypesRepo } from '../../electron/app/approvals/document-types.repo.js';
import type { Db } from '../../electron/app/db/connection.js';
import { buildApp } from '../../electron/app/server/app.js';
import type { EventHub } from '../../electron/app/server/event-hub.js';
import { hashPassword } from '../../electron/app/org/passwords.js';
import { createServices } from '../../electron/app/services.js';
import type { RouteTemplate } from '../../shared/domain/approval/index.js';
import { makeTempDir, settlesWith, signIn, testClock, testDb, testPassword, type Client } from './test-app.js';

/**
 * A town for e-approval tests: 総務部 → 総務課 → 人事係, a 財政課, and the
 * posts a route needs (係長, 課長, 部長, 副町長, 町長) plus a clerk who drafts.
 * One document type (支出負担行為) with 専決 bands: < ¥500,000 課長,
 * < ¥5,000,000 部長, < ¥10,000,000 副町長, else 町長.
 */
export async function approvalTown(db: Db, clock = testClock()) {
  const s = createServices(db, clock);
  s.settings.set('town.name', 'テスト町');
  const hq = s.sites.create({ code: 'HQ', name: '本庁', kind: 'honcho', address: '', sortOrder: 0 });
  const branch = s.sites.create({ code: 'BR', name: '北支所', kind: 'shisho', address: '', sortOrder: 1 });
  const somuBu = s.departments.create({ code: 'SOMU-BU', name: '総務部', kind: 'bu', parentId: null, siteId: hq.id, sortOrder: 0 });
  const somu = s.departments.create({ code: 'SOMU', name: '総務課', kind: 'ka', parentId: somuBu.id, siteId: hq.id, sortOrder: 1 });
  const jinji = s.departments.create({ code: 'JINJI', name: '人事係', kind: 'kakari', parentId: somu.id, siteId: hq.id, sortOrder: 2 });
  const zaisei = s.departments.create({ code: 'ZAISEI', name: '財政課', kind: 'ka', parentId: somuBu.id, siteId: hq.id, sortOrder: 3 });
  const kita = s.departments.create({ code: 'KITA', name: '北支所 地域課', kind: 'ka', parentId: null, siteId: branch.id, sortOrder: 4 });
  const pos = {
  chocho: s.positions.create({ name: '町長', rank: 100 }),
  fuku: s.positions.create({ name: '副町長', rank: 90 }),
  bucho: s.positions.create({ name: '部長', rank: 80 }),
  kacho: s.positions.create({ name: '課長', rank: 70 }),
  hosa: s.positions.create({ name: '課長補佐', rank: 60 }),
  kakaricho: s.positions.create({ name: '係長', rank: 50 }),
  shuji: s.positions.create({ name: '主事', rank: 20 }),
  };
  const hash = await hashPassword(testPassword);
  const mk = (login: string, name: string, departmentId: number, positionId: number, roles: ('admin' | 'clerk' | 'dx')[] = ['clerk']) =>
    s.users.create({ login, name, kana: '', email: '', departmentId, positionId, roles }, hash);
  const users = {
    admin: mk('admin', '管理 者', somu.id, pos.shuji.id, ['admin', 'clerk']),
    chocho: mk('chocho', '町長 一郎', somu.id, pos.chocho.id),
    fuku: mk('fuku', '副町 二郎', somu.id, pos.fuku.id),
    bucho: mk('bucho', '部長 三郎', somuBu.id, pos.bucho.id),
    kacho: mk('kacho', '課長 四郎', somu.id, pos.kacho.id),
    hosa: mk('hosa', '補佐 五郎', somu.id, pos.hosa.id),
    kakaricho: mk('kakaricho', '係長 六子', jinji.id, pos.kakaricho.id),
    clerk: mk('clerk', '起案 七子', jinji.id, pos.shuji.id),
    clerk2: mk('clerk2', '同僚 八子', jinji.id, pos.shuji.id),
    zaiseiKacho: mk('zaisei', '財政 九郎', zaisei.id, pos.kacho.id),
    kitaKacho: mk('kita', '北 十子', kita.id, pos.kacho.id),
    kitaClerk: mk('kitaclerk', '北 支所員', kita.id, pos.shuji.id),
    outsider: mk('outsider', '無関係 者', zaisei.id, pos.shuji.id),
  };
  const template: RouteTemplate = {
    stages: [
      { key: 'kakaricho', mode: 'all', steps: [{ key: 'kakaricho', kind: 'approve', assignee: { kind: 'chain', positionId: pos.kakaricho.id }, optional: true }] },
      { key: 'hosa', mode: 'all', steps: [{ key: 'hosa', kind: 'approve', assignee: { kind: 'chain', positionId: pos.hosa.id }, optional: true }] },
      { key: 'kacho', mode: 'all', steps: [{ key: 'kacho', kind: 'approve', assignee: { kind: 'chain', positionId: pos.kacho.id }, optional: false }] },
      { key: 'zaisei', mode: 'all', steps: [{ key: 'zaisei', kind: 'consult', assignee: { kind: 'department', departmentId: zaisei.id, positionId: pos.kacho.id }, optional: false }] },
      { key: 'bucho', mode: 'all', steps: [{ key: 'bucho', kind: 'approve', assignee: { kind: 'chain', positionId: pos.bucho.id }, optional: false }] },
      { key: 'fuku', mode: 'all', steps: [{ key: 'fuku', kind: 'approve', assignee: { kind: 'office', positionId: pos.fuku.id }, optional: false }] },
      { key: 'chocho', mode: 'all', steps: [{ key: 'chocho', kind: 'final', assignee: { kind: 'office', positionId: pos.chocho.id }, optional: false }] },
    ],
    bands: [
      { below: 500_000, finalStepKey: 'kacho', label: '課長専決' },
      { below: 5_000_000, finalStepKey: 'bucho', label: '部長専決' },
      { below: 10_000_000, finalStepKey: 'fuku', label: '副町長決裁' },
      { below: null, finalStepKey: 'chocho', label: '町長決裁' },
    ],
    amountRequired: true,
    allowAddedConsult: true,
    addedConsultPositionId: pos.kacho.id,
    resubmit: 'restart',
  };
  const exists = () => true;
  const types = createDocumentTypesRepo(db, clock, { positionExists: exists, departmentExists: exists, userExists: exists });
  const spending = types.create({ code: 'SHISHUTSU', name: '支出負担行為', retention: '5', sortOrder: 0, template }, null);
  const notice = types.create(
    {
      code: 'KAITO',
      name: '通知・照会への回答',
      retention: '1',
      sortOrder: 1,
      template: {
        stages: [
          { key: 'kakaricho', mode: 'all', steps: [{ key: 'kakaricho', kind: 'approve', assignee: { kind: 'chain', positionId: pos.kakaricho.id }, optional: true }] },
          { key: 'kacho', mode: 'all', steps: [{ key: 'kacho', kind: 'final', assignee: { kind: 'chain', positionId: pos.kacho.id }, optional: false }] },
        ],
        bands: [],
        amountRequired: false,
        allowAddedConsult: false,
        addedConsultPositionId: null,
        resubmit: 'restart',
      },
    },
    null,
  );
  return { sites: { hq, branch }, departments: { somuBu, somu, jinji, zaisei, kita }, positions: pos, users, types: { spending, notice } };
}

export type ApprovalTown = Awaited<ReturnType<typeof approvalTown>>;

/** An app over a fresh database with the approval town, and a signed-in client per login on demand; `events` to listen to what it publishes. */
export async function approvalApp(opts: { events?: EventHub } = {}) {
  const db = testDb();
  const clock = testClock();
  const town = await approvalTown(db, clock);
  const dataDir = makeTempDir('kamiless-approvals-');
  const app: FastifyInstance = await buildApp({ db, mode: 'hub', clock, dataDir, ...(opts.events && { events: opts.events }) });
  settlesWith(db, app);
  const clients = new Map<string, Client>();
  const as = async (login: string): Promise<Client> => {
    const known = clients.get(login);
    if (known) return known;
    const c = await signIn(app, login);
    clients.set(login, c);
    return c;
  };
  return { app, db, clock, town, dataDir, as };
}
