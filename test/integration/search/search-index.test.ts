import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { CaseView } from '../../../shared/api/approvals.js';
import { api } from '../../../shared/api/endpoints.js';
import { buildApp } from '../../../electron/app/server/app.js';
import { bodyOf, signIn } from '../../helpers/test-app.js';
import { acted, draft, getCase, openTown, submit, upload } from '../approvals/harness.js';
import { eventuallyFinds, ids, japanesePdf, q, search } from './search-harness.js';

// The index follows the cases: an edit, a new attachment, a removed one and a resubmission are found (or no
// longer found) at once or as soon as the PDF is read; disposal drops the PDF text; and what a crash left
// pending is indexed on the next start.

let t: Awaited<ReturnType<typeof openTown>>;
beforeAll(async () => {
  t = await openTown();
}, 30_000);
afterAll(async () => t.close());

const indexedRow = (id: number) => t.db.prepare('SELECT title, pdf FROM case_search WHERE rowid = ?').get(id) as { title: string; pdf: string } | undefined;
const pending = () => (t.db.prepare('SELECT count(*) AS n FROM case_search_pending').get() as { n: number }).n;

describe('following changes', () => {
  let c: CaseView;

  it('an edit of a draft is found at once, and the old words no longer', async () => {
    const clerk = await t.as('clerk');
    c = await draft(clerk, { typeId: t.town.types.notice.id, title: '公民館の修繕について', body: '屋根の雨漏り' });
    expect(ids(await search(clerk, q('公民館の修繕')))).toEqual([c.id]);
    c = bodyOf(api.updateCase, await clerk.inject({ method: 'PATCH', url: `/api/cases/${c.id}`, payload: { version: c.version, title: '体育館の修繕について', body: '床の張替え' } }));
    expect(ids(await search(clerk, q('公民館の修繕')))).toEqual([]);
    expect(ids(await search(clerk, q('雨漏り')))).toEqual([]);
    expect(ids(await search(clerk, q('体育館の修繕')))).toEqual([c.id]);
    expect(ids(await search(clerk, q('床の張替え')))).toEqual([c.id]);
  });

  it('a new attachment is found once its text is read', async () => {
    const clerk = await t.as('clerk');
    bodyOf(api.addAttachment, await upload(clerk, c.id, '工事内訳.pdf', await japanesePdf(['工事内訳書 床材フローリング張替'])));
    await eventuallyFinds(clerk, q('フローリング'), c.id);
  });

  it('a resubmission with its attachment replaced finds the new text and no longer the removed one', async () => {
    const clerk = await t.as('clerk');
    c = await submit(clerk, c);
    c = await acted(await t.as('kakaricho'), c.id, { action: 'send_back', version: c.version, comment: '見積を二社から取ってください' });
    expect(ids(await search(clerk, q('二社から')))).toEqual([c.id]);
    const view = bodyOf(api.getCase, await getCase(clerk, c.id));
    for (const a of view.attachments) await clerk.inject({ method: 'DELETE', url: `/api/cases/${c.id}/attachments/${a.id}` });
    bodyOf(api.addAttachment, await upload(clerk, c.id, '相見積.pdf', await japanesePdf(['相見積書 二社比較表'])));
    expect(ids(await search(clerk, q('フローリング')))).toEqual([]);
    await eventuallyFinds(clerk, q('二社比較表'), c.id);
    c = await acted(clerk, c.id, { action: 'resubmit', version: bodyOf(api.getCase, await getCase(clerk, c.id)).version });
    expect(ids(await search(clerk, q('二社比較表')))).toEqual([c.id]);
    expect(ids(await search(clerk, q('見積を二社')))).toEqual([c.id]);
  });

  it('a disposed case keeps its record fields findable but not the text of its files', async () => {
    const clerk = await t.as('clerk');
    t.db.prepare("UPDATE cases SET disposed_at = '2031-04-01T00:00:00Z' WHERE id = ?").run(c.id);
    expect(ids(await search(clerk, q('二社比較表')))).toEqual([]);
    const r = await search(clerk, q('体育館の修繕'));
    expect(r.items.map((i) => [i.caseId, i.disposed])).toEqual([[c.id, true]]);
    expect(indexedRow(c.id)?.pdf).toBe('');
  });
});

describe('after a crash', () => {
  it('a change committed while nothing indexed it is taken up on the next start', async () => {
    const clerk = await t.as('clerk');
    const c = await draft(clerk, { typeId: t.town.types.notice.id, title: '防災訓練の実施' });
    expect(ids(await search(clerk, q('防災訓練')))).toEqual([c.id]);
    await t.app.close();
    // What a commit does, with the process gone before any indexing: the row changes, a trigger marks it.
    t.db.prepare("UPDATE cases SET title = '避難所の開設訓練' WHERE id = ?").run(c.id);
    expect(pending()).toBeGreaterThan(0);
    expect(indexedRow(c.id)?.title).toBe('防災訓練の実施');

    const restarted = await buildApp({ db: t.db, mode: 'hub', clock: t.clock, dataDir: t.dataDir });
    try {
      // Without a request: the start itself catches up.
      await vi.waitFor(() => expect(pending()).toBe(0), { timeout: 10_000 });
      expect(indexedRow(c.id)?.title).toBe('避難所の開設訓練');
      expect(ids(await search(await signIn(restarted, 'clerk'), q('避難所の開設')))).toEqual([c.id]);
    } finally {
      await restarted.close();
    }
  });

  it('an index row lost entirely is rebuilt from its pending mark', async () => {
    const first = await buildApp({ db: t.db, mode: 'hub', clock: t.clock, dataDir: t.dataDir });
    const clerk = await signIn(first, 'clerk');
    const c = await draft(clerk, { typeId: t.town.types.notice.id, title: '除雪計画の策定' });
    expect(ids(await search(clerk, q('除雪計画')))).toEqual([c.id]);
    await first.close();
    t.db.prepare('DELETE FROM case_search WHERE rowid = ?').run(c.id);
    t.db.prepare('INSERT INTO case_search_pending (case_id) VALUES (?)').run(c.id);
    const restarted = await buildApp({ db: t.db, mode: 'hub', clock: t.clock, dataDir: t.dataDir });
    try {
      await vi.waitFor(() => expect(indexedRow(c.id)?.title).toBe('除雪計画の策定'), { timeout: 10_000 });
    } finally {
      await restarted.close();
    }
  });
});
