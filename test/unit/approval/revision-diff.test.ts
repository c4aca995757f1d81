import { describe, expect, it } from 'vitest';
import { caseRevisions, diffFiles, type RevisionFile } from '../../../shared/domain/approval/index.js';
import { Desk } from './desk.js';
import { serialTemplate, town, U } from './town.js';

const file = (id: number, name: string, sha: string, revision = 1, removedAtVersion: number | null = null): RevisionFile => ({
  id,
  name,
  sha256: sha.repeat(64).slice(0, 64),
  revision,
  removedAtVersion,
});

/** Submitted, then sent back to the drafter by 係長 (step 1). */
function sentBack(): Desk {
  const desk = new Desk({ template: serialTemplate(), org: town(), drafterId: U.jinjiShuji, amount: 3_200_000 });
  desk.submit();
  desk.act(U.jinjiKakaricho, { action: 'send_back', comment: '見積書を差し替えてください' });
  return desk;
}

describe('diffFiles', () => {
  it('pairs files by name: same content unchanged, other content replaced, new names added, missing names removed', () => {
    const before = [file(1, '見積書.pdf', 'a'), file(2, '仕様書.pdf', 'b'), file(3, '古い地図.pdf', 'c')];
    const after = [file(1, '見積書.pdf', 'a'), file(4, '仕様書.pdf', 'd'), file(5, '写真.pdf', 'e')];
    expect(diffFiles(before, after)).toEqual([
      { kind: 'unchanged', id: 1 },
      { kind: 'replaced', before: 2, after: 4 },
      { kind: 'added', id: 5 },
      { kind: 'removed', id: 3 },
    ]);
  });

  it('a file uploaded again with the same bytes is unchanged; two files of one name pair in order', () => {
    expect(diffFiles([file(1, 'a.pdf', 'x'), file(2, 'a.pdf', 'y')], [file(3, 'a.pdf', 'x'), file(4, 'a.pdf', 'z'), file(5, 'a.pdf', 'w')])).toEqual([
      { kind: 'unchanged', id: 3 },
      { kind: 'replaced', before: 2, after: 4 },
      { kind: 'added', id: 5 },
    ]);
  });

  it('everything is added against nothing, everything removed against nothing after', () => {
    expect(diffFiles([], [file(1, 'a.pdf', 'x')])).toEqual([{ kind: 'added', id: 1 }]);
    expect(diffFiles([file(1, 'a.pdf', 'x')], [])).toEqual([{ kind: 'removed', id: 1 }]);
  });
});

describe('caseRevisions', () => {
  it('a draft has one revision being prepared, with no changes of content', () => {
    const desk = new Desk({ template: serialTemplate(), org: town(), drafterId: U.jinjiShuji });
    expect(caseRevisions({ events: desk.events, files: [file(1, 'a.pdf', 'x')], state: desk.case.state })).toEqual([
      { revision: 1, submitted: null, fileIds: [1], files: [{ kind: 'added', id: 1 }], title: null, amount: null, body: null },
    ]);
  });

  it('a resubmission after a send-back: files replaced, added and removed, and title, amount and body changed', () => {
    const desk = sentBack();
    const submitVersion = desk.events.find((e) => e.type === 'submitted')?.version ?? 0;
    const sentBackVersion = desk.case.version;
    desk.act(U.jinjiShuji, { action: 'edit', content: desk.content({ title: '備品の購入について', amount: 2_980_000, body: '見積を取り直しました。' }), route: desk.route() });
    desk.resubmit();
    const submittedAt = desk.events.at(-1)?.at;
    const files = [
      file(1, '見積書.pdf', 'a', 1, sentBackVersion),
      file(2, '仕様書.pdf', 'b'),
      file(3, '下書き.pdf', 'c', 1, submitVersion - 1),
      file(4, '見積書.pdf', 'd', 2),
      file(5, '写真.pdf', 'e', 2),
    ];
    const [first, second, ...more] = caseRevisions({ events: desk.events, files, state: desk.case.state });
    expect(more).toEqual([]);
    expect(first).toMatchObject({ revision: 1, submitted: { actorId: U.jinjiShuji }, fileIds: [1, 2], title: null, amount: null, body: null });
    expect(second).toEqual({
      revision: 2,
      submitted: { at: submittedAt, actorId: U.jinjiShuji },
      fileIds: [2, 4, 5],
      files: [
        { kind: 'unchanged', id: 2 },
        { kind: 'replaced', before: 1, after: 4 },
        { kind: 'added', id: 5 },
      ],
      title: { before: '消耗品の購入について', after: '備品の購入について' },
      amount: { before: 3_200_000, after: 2_980_000 },
      body: { before: '', after: '見積を取り直しました。' },
    });
  });

  it('while sent back, the next revision shows what the drafter has changed so far; a file added and taken off again is in none', () => {
    const desk = sentBack();
    const v = desk.case.version;
    const files = [file(1, '見積書.pdf', 'a', 1, v), file(2, '見積書.pdf', 'b', 2), file(3, '誤り.pdf', 'c', 2, v)];
    const revisions = caseRevisions({ events: desk.events, files, state: desk.case.state });
    expect(revisions.map((r) => [r.revision, r.submitted === null, r.fileIds])).toEqual([
      [1, false, [1]],
      [2, true, [2]],
    ]);
    expect(revisions[1]?.files).toEqual([{ kind: 'replaced', before: 1, after: 2 }]);
  });

  it('a case decided without a send-back has one revision, nothing pending', () => {
    const desk = new Desk({ template: serialTemplate(), org: town(), drafterId: U.jinjiShuji });
    desk.submit();
    desk.act(U.jinjiKakaricho, { action: 'approve' });
    expect(caseRevisions({ events: desk.events, files: [], state: desk.case.state }).map((r) => r.revision)).toEqual([1]);
  });
});
