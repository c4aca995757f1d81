// Helpers shared by the archive tests in this folder (not a test file itself).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CaseView } from '../../../shared/api/approvals.js';
import type { Client } from '../../helpers/test-app.js';
import { makeTempDir, removeTempDir } from '../../helpers/test-app.js';
import { acted, draft, pdfBytes, step, submit, upload, type Res, type Town } from '../approvals/harness.js';

export const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

export const archivePdf = (c: Client, id: number): Promise<Res> => c.inject({ method: 'GET', url: `/api/cases/${id}/archive.pdf` });
export const exportZip = (c: Client, id: number): Promise<Res> => c.inject({ method: 'GET', url: `/api/cases/${id}/export.zip` });

/** What pdftotext reads in the PDF (pages `first`..`last` when given), layout kept. */
export function pdfText(bytes: Uint8Array, pages: { first?: number; last?: number } = {}): string {
  const dir = makeTempDir('kamiless-archive-text-');
  try {
    const file = join(dir, 'a.pdf');
    writeFileSync(file, bytes);
    const range = [...(pages.first ? ['-f', String(pages.first)] : []), ...(pages.last ? ['-l', String(pages.last)] : [])];
    return execFileSync('pdftotext', ['-layout', ...range, file, '-'], { encoding: 'utf8' });
  } finally {
    removeTempDir(dir);
  }
}

/** The page count pdfinfo reports. */
export function pdfPages(bytes: Uint8Array): number {
  const dir = makeTempDir('kamiless-archive-info-');
  try {
    const file = join(dir, 'a.pdf');
    writeFileSync(file, bytes);
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
  } finally {
    removeTempDir(dir);
  }
}

/** Renders one page to test-results/<name>.png (to look at). */
export function renderPage(bytes: Uint8Array, page: number, name: string, dpi = 60): string {
  const out = join(process.cwd(), 'test-results');
  mkdirSync(out, { recursive: true });
  const dir = makeTempDir('kamiless-archive-png-');
  try {
    const file = join(dir, 'a.pdf');
    writeFileSync(file, bytes);
    execFileSync('pdftoppm', ['-png', '-r', String(dpi), '-f', String(page), '-l', String(page), '-singlefile', file, join(out, name)]);
  } finally {
    removeTempDir(dir);
  }
  return join(out, `${name}.png`);
}

/**
 * A 支出負担行為 of ¥3,200,000 (部長専決) with two attachments, taken along
 * its route up to the 部長's step (係長 comments, 財政課 agrees with a comment).
 */
export async function spendingCaseAtBucho(t: Town, title = '公用車購入') {
  const clerk = await t.as('clerk');
  const drafted = await draft(clerk, { typeId: t.town.types.spending.id, title, amount: 3_200_000, body: '老朽化した公用車の更新' });
  const files = [await pdfBytes(2), await pdfBytes(1)];
  for (const [i, f] of files.entries()) {
    const res = await upload(clerk, drafted.id, ['見積書.pdf', '仕様書.pdf'][i] ?? 'x.pdf', f);
    if (res.statusCode !== 200) throw new Error(res.body);
  }
  let c = await submit(clerk, drafted);
  c = await acted(await t.as('kakaricho'), c.id, { action: 'approve', version: c.version, comment: '確認しました' });
  c = await acted(await t.as('hosa'), c.id, { action: 'approve', version: c.version });
  c = await acted(await t.as('kacho'), c.id, { action: 'approve', version: c.version });
  c = await acted(await t.as('zaisei'), c.id, { action: 'agree', version: c.version, comment: '予算の範囲内' });
  return { clerk, c, files };
}

/** The 課長 decides for the absent 部長 (代決), which leaves the 部長 a 後閲 task. */
export async function decideForBucho(t: Town, c: CaseView): Promise<CaseView> {
  const decided = await acted(await t.as('kacho'), c.id, { action: 'final_approve', version: c.version, onBehalfOfUserId: t.town.users.bucho.id, reason: '部長出張のため' });
  if (step(decided, 'bucho').actedVia !== 'deputy' || decided.state !== 'approved') throw new Error('expected 代決 and 決裁済');
  return decided;
}

/** A page rendered in grey as a viewer shows it (turned by its /Rotate): its size in pixels and whether a pixel is dark. */
export function greyPage(bytes: Uint8Array, page: number, dpi: number): { width: number; height: number; dark: (x: number, y: number) => boolean } {
  const dir = makeTempDir('kamiless-archive-grey-');
  try {
    const file = join(dir, 'a.pdf');
    writeFileSync(file, bytes);
    const pgm = execFileSync('pdftoppm', ['-gray', '-r', String(dpi), '-f', String(page), '-l', String(page), '-singlefile', file]);
    const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.subarray(0, 40).toString('latin1'));
    if (!header) throw new Error('pdftoppm -gray did not write a PGM');
    const [width, height, offset] = [Number(header[1]), Number(header[2]), header[0].length];
    return { width, height, dark: (x, y) => (pgm[offset + y * width + x] ?? 255) < 128 };
  } finally {
    removeTempDir(dir);
  }
}
