import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from '../../../shared/api/endpoints.js';
import { bodyOf } from '../../helpers/test-app.js';
import { acted, caseOf, draft, getCase, openTown, pdfBytes, submit, upload } from './harness.js';

// 版 on the case view: each submission's files and content, and what changed against the one before,
// so the approver sees what the drafter changed after a send-back; older files stay readable.

let town: Awaited<ReturnType<typeof openTown>>;
beforeAll(async () => {
  town = await openTown();
});
afterAll(async () => {
  await town.close();
});

describe('GET /api/cases/:id revisions', () => {
  it('a case sent back and resubmitted with a replaced, an added and a removed file and new title, amount and body', async () => {
    const clerk = await town.as('clerk');
    const kakaricho = await town.as('kakaricho');
    let c = await draft(clerk, { typeId: town.town.types.spending.id, title: '消耗品の購入', amount: 320_000, body: '事務用品を購入する。' });
    const quote1 = bodyOf(api.addAttachment, await upload(clerk, c.id, '見積書.pdf', await pdfBytes(1)));
    const spec = bodyOf(api.addAttachment, await upload(clerk, c.id, '仕様書.pdf', await pdfBytes(2)));
    const map = bodyOf(api.addAttachment, await upload(clerk, c.id, '地図.pdf', await pdfBytes(1)));
    const mistake = bodyOf(api.addAttachment, await upload(clerk, c.id, '誤り.pdf', await pdfBytes(1)));
    await clerk.inject({ method: 'DELETE', url: `/api/cases/${c.id}/attachments/${mistake.id}` });
    c = await submit(clerk, caseOf(await getCase(clerk, c.id)));
    expect(c.revisions).toEqual([
      expect.objectContaining({
        revision: 1,
        submittedBy: expect.objectContaining({ login: 'clerk' }),
        attachmentIds: [quote1.id, spec.id, map.id],
        files: [
          { kind: 'added', id: quote1.id },
          { kind: 'added', id: spec.id },
          { kind: 'added', id: map.id },
        ],
        title: null,
        amount: null,
        body: null,
      }),
    ]);

    c = await acted(kakaricho, c.id, { action: 'send_back', version: c.version, comment: '見積書を取り直してください' });
    await clerk.inject({ method: 'DELETE', url: `/api/cases/${c.id}/attachments/${quote1.id}` });
    await clerk.inject({ method: 'DELETE', url: `/api/cases/${c.id}/attachments/${map.id}` });
    const quote2 = bodyOf(api.addAttachment, await upload(clerk, c.id, '見積書.pdf', await pdfBytes(3)));
    const photo = bodyOf(api.addAttachment, await upload(clerk, c.id, '写真.pdf', await pdfBytes(1)));
    expect(quote2.revision).toBe(2);

    // While the drafter revises, the next revision already shows the changes, not yet sent.
    const preparing = caseOf(await getCase(kakaricho, c.id)).revisions;
    expect(preparing.map((r) => [r.revision, r.submittedAt === null])).toEqual([
      [1, false],
      [2, true],
    ]);

    c = caseOf(await clerk.inject({ method: 'PATCH', url: `/api/cases/${c.id}`, payload: { version: c.version, title: '消耗品の購入（再見積）', amount: 298_000, body: '事務用品を購入する。\n再見積の結果、減額した。' } }));
    c = await acted(clerk, c.id, { action: 'resubmit', version: c.version });

    const seen = caseOf(await getCase(kakaricho, c.id));
    expect(seen.revisions).toHaveLength(2);
    const [first, second] = seen.revisions;
    expect(first?.attachmentIds).toEqual([quote1.id, spec.id, map.id]);
    expect(second).toEqual({
      revision: 2,
      submittedAt: seen.timeline.find((e) => e.action === 'resubmit')?.at,
      submittedBy: expect.objectContaining({ login: 'clerk' }),
      attachmentIds: [spec.id, quote2.id, photo.id],
      files: [
        { kind: 'unchanged', id: spec.id },
        { kind: 'replaced', before: quote1.id, after: quote2.id },
        { kind: 'added', id: photo.id },
        { kind: 'removed', id: map.id },
      ],
      title: { before: '消耗品の購入', after: '消耗品の購入（再見積）' },
      amount: { before: 320_000, after: 298_000 },
      body: { before: '事務用品を購入する。', after: '事務用品を購入する。\n再見積の結果、減額した。' },
    });
    // The replaced file's old and new sizes and pages, from the attachment list.
    const byId = new Map(seen.attachments.map((a) => [a.id, a]));
    expect([byId.get(quote1.id)?.pages, byId.get(quote2.id)?.pages]).toEqual([1, 3]);

    // The earlier revision's file is still served to an approver (the viewer opens it).
    const old = await kakaricho.inject({ method: 'GET', url: `/api/cases/${c.id}/attachments/${quote1.id}` });
    expect(old.statusCode).toBe(200);
    expect(old.headers['content-type']).toBe('application/pdf');
  });

  it('a user who may not see the case sees no revisions either', async () => {
    const clerk = await town.as('clerk');
    const c = await submit(clerk, await draft(clerk, { typeId: town.town.types.notice.id, title: '回答' }));
    const res = await getCase(await town.as('outsider'), c.id);
    expect(res.statusCode).toBe(404);
  });
});
