import { describe, expect, it } from 'vitest';
import { renderArchivePdf } from '../../../electron/app/archive/archive-pdf.js';
import type { ArchiveRecord } from '../../../electron/app/archive/archive-record.js';
import { pdfPages, pdfText } from './archive-harness.js';

const record: ArchiveRecord = {
  townName: 'テスト町', number: '総務課第9号', title: '読めない添付', typeName: '支出負担行為', amount: '—', finalRule: '',
  drafter: { name: '起案 七子', department: '人事係', site: '本庁' }, dates: [['起案日', '令和8年4月1日']],
  route: [{ stage: '1', kind: '決裁', position: '課長', name: '課長 四郎', action: '決裁', at: '令和8年4月1日 9:00', marks: [], comment: '' }],
  history: [], retention: '1年', disposal: '令和10年3月31日',
  attachments: [{ name: '壊れた.pdf', revision: 1, pages: 1, size: '1 KB', sha256: 'ab'.repeat(32) }],
  seals: [{ position: '課長', seal: '課長', date: '8.4.1', mark: null, decided: true }],
  decision: { position: '課長', name: '課長 四郎', at: '令和8年4月1日 9:00' }, caseVersion: 5, madeAt: '令和8年4月1日 9:01',
};

describe('renderArchivePdf', () => {
  it('stands a page in for an attachment whose pages cannot be copied, naming it and its hash, and still makes the record', async () => {
    const { bytes, pages } = await renderArchivePdf({ record, attachments: [new TextEncoder().encode('%PDF-1.7 nothing more')], createdAt: Date.parse('2026-04-01T00:01:00Z') });
    expect(pages).toBe(2);
    expect(pdfPages(bytes)).toBe(2);
    const first = pdfText(bytes, { first: 1, last: 1 });
    expect(first).toContain('壊れた.pdf');
    expect(first).toContain('収められませんでした');
    expect(first).toContain('ab'.repeat(32));
    expect(first).toContain('決裁欄');
    expect(pdfText(bytes, { first: 2 })).toContain('総務課第9号');
  }, 30_000);
});
