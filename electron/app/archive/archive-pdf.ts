/**
 * The archive PDF of a decided case: its attachments' pages as they were
 * approved, then the record page (決裁記録), with the 決裁欄 stamped on the
 * first page. A case without attachments is the record page alone, the box on it.
 */
import { PDFDocument, PDFPage } from 'pdf-lib';
import { FONT_NOTICE } from '../pdf/fonts.js';
import { colors, PdfWriter } from '../pdf/layout.js';
import { drawTable, type TableCell } from '../pdf/table.js';
import type { ArchiveRecord } from './archive-record.js';
import { approvalBoxLayout, BOX } from './box-layout.js';
import { stampApprovalBox } from './approval-box.js';

export interface ArchivePdfInput {
  record: ArchiveRecord;
  /** The approved attachments' bytes, in the record's order. */
  attachments: readonly Uint8Array[];
  /** When the archive is made (ms since the epoch): the PDF's creation date. */
  createdAt: number;
}

function fieldRows(r: ArchiveRecord): [string, string][] {
  return [
    ['文書番号', r.number],
    ['件名', r.title],
    ['文書種別', r.typeName],
    ['金額', r.amount],
    ...(r.finalRule === '' ? [] : ([['決裁区分', r.finalRule]] as [string, string][])),
    ['起案者', `${r.drafter.name}（${r.drafter.department}・${r.drafter.site}）`],
    ...r.dates,
    ['保存年限', r.retention],
    ['廃棄予定日', r.disposal],
  ];
}

function drawRecord(w: PdfWriter, r: ArchiveRecord, boxAbove: number): void {
  if (r.townName !== '') w.drawText(r.townName, w.left, w.y - 11, { size: 11, color: colors.muted });
  w.space(boxAbove > 0 ? boxAbove : 18);
  w.drawText('決裁記録', w.left, w.y - 20, { size: 20, bold: true });
  w.drawText(`作成 ${r.madeAt}（記録版 ${r.caseVersion}）`, w.right, w.y - 18, { size: 8.5, color: colors.muted, align: 'right' });
  w.space(30);
  w.paragraph(`${r.number}\u3000${r.title}`, { size: 13, bold: true });
  w.space(8);
  drawTable(w, [{ header: '項目', weight: 22 }, { header: '内容', weight: 78 }], fieldRows(r).map(([k, v]) => [{ text: k, bold: true }, v]), { size: 9 });
  w.space(14);

  w.heading('回議経路');
  drawTable(
    w,
    [
      { header: '段', weight: 4, align: 'center' },
      { header: '区分', weight: 6 },
      { header: '職位', weight: 11 },
      { header: '氏名', weight: 17 },
      { header: '処理', weight: 11 },
      { header: '日時', weight: 20 },
      { header: '注記', weight: 14 },
      { header: '意見', weight: 17 },
    ],
    r.route.map((row) => [row.stage, row.kind, row.position, row.name, row.action, row.at, { text: row.marks.join('\n'), bold: true } satisfies TableCell, row.comment]),
    { size: 7.5, zebra: true },
  );
  w.space(14);

  w.heading('経過');
  drawTable(
    w,
    [
      { header: '日時', weight: 22 },
      { header: '処理者', weight: 26 },
      { header: '処理', weight: 14 },
      { header: '意見・理由', weight: 38 },
    ],
    r.history.map((h) => [h.at, h.who, h.action, h.comment]),
    { size: 7.5, zebra: true },
  );
  w.space(14);

  w.heading('添付文書（原本の SHA-256）');
  if (r.attachments.length === 0) w.paragraph('添付文書はありません。', { size: 9 });
  else {
    drawTable(
      w,
      [
        { header: 'ファイル名', weight: 30 },
        { header: '版', weight: 5, align: 'center' },
        { header: '頁', weight: 5, align: 'right' },
        { header: 'サイズ', weight: 10, align: 'right' },
        { header: 'SHA-256', weight: 50 },
      ],
      r.attachments.map((a) => [a.name, String(a.revision), String(a.pages), a.size, a.sha256]),
      { size: 7.5 },
    );
  }
  w.space(10);
  const where = r.attachments.length === 0 ? '' : '添付文書はこの PDF の前の頁に、承認された版のまま収めています。SHA-256 は保存された原本ファイルのハッシュ値で、原本の改変がないことを確かめられます。';
  w.paragraph(`この記録は電子決裁システム Kamiless が決裁の記録から作成したものです。${where}`, { size: 7.5, color: colors.muted });
  w.paragraph(FONT_NOTICE, { size: 6.5, color: colors.muted });
}

/**
 * A page standing in for an attachment whose pages cannot be copied (a PDF
 * pdf-lib reads but cannot take apart): the original stays in the store and
 * in the export, named here by its hash.
 */
function placeholderPage(w: PdfWriter, attachment: ArchiveRecord['attachments'][number] | undefined): PDFPage {
  const page = PDFPage.create(w.doc);
  page.setSize(w.size[0], w.size[1]);
  const top = w.size[1] - w.margins.top - 120;
  w.drawText(attachment?.name ?? '', w.left, top, { size: 14, bold: true, page });
  w.drawText('この添付文書は決裁記録の PDF に収められませんでした。原本は保存されています（SHA-256）:', w.left, top - 24, { size: 9, page });
  w.drawText(attachment?.sha256 ?? '', w.left, top - 40, { size: 8, color: colors.muted, page });
  return page;
}

/** The PDF's bytes and its page count. */
export async function renderArchivePdf(input: ArchivePdfInput): Promise<{ bytes: Uint8Array; pages: number }> {
  const { record } = input;
  const w = await PdfWriter.create({
    title: `${record.number} ${record.title} 決裁記録`,
    author: record.townName,
    subject: '決裁記録（電子決裁）',
    createdAt: input.createdAt,
  });
  // Alone, the record page carries the box itself: its heading starts below it.
  const boxAbove = input.attachments.length === 0 ? approvalBoxLayout(record.seals.length, { width: w.size[0], height: w.size[1] }).box.height + BOX.margin - w.margins.top + 12 : 0;
  drawRecord(w, record, boxAbove);

  let at = 0;
  for (const [i, bytes] of input.attachments.entries()) {
    let pages: PDFPage[];
    try {
      // Read as leniently as the upload check did (pdf-check.ts), so what was accepted can be archived.
      const source = await PDFDocument.load(bytes, { updateMetadata: false, throwOnInvalidObject: false });
      pages = await w.doc.copyPages(source, source.getPageIndices());
    } catch {
      pages = [placeholderPage(w, record.attachments[i])];
    }
    for (const page of pages) w.doc.insertPage(at++, page);
  }
  const attachmentPages = at;
  const first = w.doc.getPage(0);
  stampApprovalBox(first, w.fonts, record, attachmentPages > 0);

  const footer = `${record.townName} 決裁記録 ${record.number}`.trim();
  const bytes = await w.finish((page, i, count) => {
    if (i < attachmentPages) return;
    page.drawLine({ start: { x: w.left, y: 40 }, end: { x: w.right, y: 40 }, thickness: 0.5, color: colors.rule });
    w.drawText(footer, w.left, 28, { size: 8, color: colors.muted, page });
    w.drawText(`${i + 1} / ${count} ページ`, w.right, 28, { size: 8, color: colors.muted, align: 'right', page });
  });
  return { bytes, pages: w.doc.getPageCount() };
}
