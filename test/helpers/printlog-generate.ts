import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import iconv from 'iconv-lite';
import { prng } from '../../electron/app/demo/demo-logs-plan.js';

/** The demo's small deterministic PRNG (mulberry32), so a failing run can be reproduced. */
export { prng };

export interface GeneratedTotals {
  jobs: number;
  pages: number;
  sheets: number;
}

const users = ['sato-k', 'suzuki-a', 'tanaka-h', 'ito-y', 'yamamoto-s', 'matsumoto-h'];
const printers = ['HONCHO-SOUMU-MFP01', 'HONCHO-ZAISEI-MFP01', 'GEIHOKU-MFP01', 'OASA-MFP01', 'TOYOHIRA-MFP01'];
const docs = ['令和6年度 予算資料.xlsx', 'invoice 2024-05.pdf', '㈱北広建設 見積書.pdf', '議事録①, 第2回.docx', '"重要" お知らせ～.pdf'];

/**
 * A PaperCut Print Logger file of `jobs` jobs in CP932 with CRLF, like a
 * Japanese Windows print server writes it. Every 500th job is written twice
 * (two identical jobs in the same second: two jobs).
 */
export async function writePrintLoggerFile(path: string, jobs: number, seed = 1): Promise<GeneratedTotals> {
  const rnd = prng(seed);
  const out = createWriteStream(path);
  const totals: GeneratedTotals = { jobs: 0, pages: 0, sheets: 0 };
  let chunk = 'PaperCut Print Logger - http://www.papercut.com/\r\nTime,User,Pages,Copies,Printer,Document Name,Client,Paper Size,Language,Height,Width,Duplex,Grayscale,Size\r\n';
  let t = Date.UTC(2024, 3, 1, 0, 0, 0);
  for (let i = 0; i < jobs; i++) {
    t += Math.floor(rnd() * 20_000);
    const d = new Date(t + 9 * 3600_000);
    const time = d.toISOString().slice(0, 19).replace('T', ' ');
    const pages = 1 + Math.floor(rnd() * 40);
    const copies = rnd() < 0.9 ? 1 : 2 + Math.floor(rnd() * 3);
    const duplex = rnd() < 0.4;
    const doc = (docs[i % docs.length] ?? 'x').replaceAll('"', '""');
    const line = `${time},${users[i % users.length]},${pages},${copies},${printers[i % printers.length]},"${doc} ${i}",PC-${i % 97},A4,PCL6,,,${duplex ? 'DUPLEX' : 'NOT DUPLEX'},${rnd() < 0.8 ? 'GRAYSCALE' : 'NOT GRAYSCALE'},${pages * 37}kb,\r\n`;
    const times = i % 500 === 499 && i + 1 < jobs ? 2 : 1;
    for (let k = 0; k < times; k++) {
      chunk += line;
      totals.jobs += 1;
      totals.pages += pages * copies;
      totals.sheets += Math.ceil(pages / (duplex ? 2 : 1)) * copies;
    }
    if (times === 2) i += 1;
    if (chunk.length > 64 * 1024) {
      if (!out.write(iconv.encode(chunk, 'cp932'))) await once(out, 'drain');
      chunk = '';
    }
  }
  out.write(iconv.encode(chunk, 'cp932'));
  out.end();
  await once(out, 'finish');
  return totals;
}
