import { unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import yauzl from 'yauzl';
import type { CaseView } from '../../../shared/api/approvals.js';
import { main } from '../../../electron/app/cli/main.js';
import { buildApp } from '../../../electron/app/server/app.js';
import type { Db } from '../../../electron/app/db/connection.js';
import { approvalTown } from '../../helpers/approval-town.js';
import { captureOutput } from '../../helpers/capture-output.js';
import { makeTempDir, removeTempDir, signIn, testClock, testFileDb, type Client } from '../../helpers/test-app.js';
import { acted } from '../approvals/harness.js';
import { archivePdf, decideForBucho, exportZip, sha256, spendingCaseAtBucho } from './archive-harness.js';

/** Every entry of a ZIP with its bytes, read with a ZIP library (not the one that wrote it). */
function unzip(bytes: Buffer): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(bytes, { lazyEntries: true }, (err, zip) => {
      if (err) return reject(err);
      const out = new Map<string, Buffer>();
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (e, stream) => {
          if (e) return reject(e);
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            out.set(entry.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolve(out));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

const { out, err } = captureOutput();

// A data folder with a file database, as `kamiless verify` opens it.
let dataDir: string;
let db: Db;
let t: Awaited<ReturnType<typeof folderTown>>;

async function folderTown() {
  const clock = testClock();
  const town = await approvalTown(db, clock);
  const app = await buildApp({ db, mode: 'hub', clock, dataDir });
  const clients = new Map<string, Client>();
  const as = async (login: string) => clients.get(login) ?? clients.set(login, await signIn(app, login)).get(login) as Client;
  return { app, db, clock, town, dataDir, as };
}

let c: CaseView;
let attachments: Uint8Array[];

beforeAll(async () => {
  dataDir = makeTempDir('kamiless-archive-verify-');
  db = testFileDb(dataDir);
  t = await folderTown();
  const atBucho = await spendingCaseAtBucho(t, '庁舎修繕');
  attachments = atBucho.files;
  c = await decideForBucho(t, atBucho.c);
}, 30_000);
afterAll(async () => {
  await t.app.close();
  if (db.open) db.close();
  removeTempDir(dataDir);
});

describe('the export ZIP of a decided case', () => {
  it('holds the archive PDF, the originals by revision, the record and its audit rows', async () => {
    const clerk = await t.as('clerk');
    const res = await exportZip(clerk, c.id);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    expect(res.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent(`${c.number ?? ''}.zip`)}`);
    const files = await unzip(res.rawPayload);
    const ids = c.attachments.map((a) => a.id);
    expect([...files.keys()].sort()).toEqual(['archive.pdf', `attachments/r1/${ids[0]}_見積書.pdf`, `attachments/r1/${ids[1]}_仕様書.pdf`, 'audit.json', 'record.json'].sort());
    expect(sha256(files.get('archive.pdf') ?? Buffer.alloc(0))).toBe(sha256((await archivePdf(clerk, c.id)).rawPayload));
    expect(sha256(files.get(`attachments/r1/${ids[0]}_見積書.pdf`) ?? Buffer.alloc(0))).toBe(sha256(attachments[0] ?? new Uint8Array()));
    expect(sha256(files.get(`attachments/r1/${ids[1]}_仕様書.pdf`) ?? Buffer.alloc(0))).toBe(sha256(attachments[1] ?? new Uint8Array()));
    const record = JSON.parse(files.get('record.json')?.toString('utf8') ?? '{}') as CaseView;
    expect(record).toMatchObject({ id: c.id, number: c.number, title: '庁舎修繕', state: 'approved', version: c.version });
    const audit = JSON.parse(files.get('audit.json')?.toString('utf8') ?? '[]') as { action: string; case_id: number; hash: string }[];
    expect(audit.map((r) => r.action)).toEqual(expect.arrayContaining(['case.created', 'case.submitted', 'case.acted', 'case.archive']));
    expect(audit.every((r) => r.case_id === c.id && /^[0-9a-f]{64}$/.test(r.hash))).toBe(true);
  }, 30_000);
});

describe('kamiless verify', () => {
  const blobPath = (sha: string) => join(dataDir, 'blobs', sha.slice(0, 2), sha);

  it('re-hashes the stored files: intact, then an altered archive and a missing attachment are named with their case, exit 1', async () => {
    // The 後閲 makes a second archive; wait for it through the request that serves it.
    const reviewed = await acted(await t.as('bucho'), c.id, { action: 'review', version: c.version });
    const latest = await archivePdf(await t.as('clerk'), c.id);
    expect(latest.statusCode).toBe(200);

    expect(await main(['verify', '--data', dataDir])).toBe(0);
    expect(out.join('')).toMatch(/Stored files intact: 4 attachments and archive PDFs re-hashed/);

    const archiveSha = sha256(latest.rawPayload);
    writeFileSync(blobPath(archiveSha), 'not the archive');
    const attachment = c.attachments[0];
    if (!attachment) throw new Error('no attachment');
    unlinkSync(blobPath(attachment.sha256));
    out.length = 0;
    expect(await main(['verify', '--data', dataDir])).toBe(1);
    const said = err.join('');
    expect(said).toContain('2 of 4 stored files are missing or altered');
    expect(said).toContain(`altered ${archiveSha}: case ${c.id} archive (version ${reviewed.version})`);
    expect(said).toContain(`missing ${attachment.sha256}: case ${c.id} attachment ${attachment.id} 見積書.pdf (revision 1)`);
  }, 30_000);
});
