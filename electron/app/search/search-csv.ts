import { stringify } from 'csv-stringify/sync';
import type { MatchPlace, SearchItem } from '../../../shared/api/search.js';
import { snippetSegments } from '../../../shared/api/search.js';
import type { CaseState } from '../../../shared/domain/approval/index.js';
import { formatWarekiDate } from '../../../shared/domain/wareki.js';

/** As the screens name them (renderer/i18n ja: case.state.*). */
const STATE: Readonly<Record<CaseState, string>> = {
  draft: '起案中',
  in_progress: '回議中',
  sent_back: '差戻し',
  approved: '決裁済',
  enforced: '施行済',
  rejected: '否決',
  withdrawn: '取下げ',
};

const PLACE: Readonly<Record<MatchPlace, string>> = { number: '文書番号', title: '件名', body: '本文', comment: '意見・理由', pdf: '添付PDF' };

const HEADER = ['文書番号', '件名', '文書種別', '所属', '拠点', '起案者', '状態', '起案日', '最終更新日', '一致箇所', '抜粋', '備考', '関連文書'];

/** Excel runs a cell starting with = + - @ as a formula: text typed by users is kept text with a leading apostrophe. */
const cell = (value: string): string => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

/** A hit shown as 【hit】: a CSV cell has no highlighting. */
const plainSnippet = (snippet: string): string => snippetSegments(snippet).map((s) => (s.hit ? `【${s.text}】` : s.text)).join('');

/**
 * A search result as CSV for Excel, columns in Japanese, dates in 和暦; when
 * the result had more rows than the file holds, a last line says so.
 */
export function searchCsv(items: readonly SearchItem[], total: number): string {
  const rows = items.map((it) => [
    it.number ?? '',
    it.title,
    it.type.name,
    it.department.name,
    it.site.name,
    it.drafter.name,
    STATE[it.state],
    formatWarekiDate(it.createdAt, 'ja'),
    formatWarekiDate(it.updatedAt, 'ja'),
    it.matchedIn.map((p) => PLACE[p]).join('・'),
    plainSnippet(it.snippet),
    [it.disposed ? '廃棄済' : '', it.noTextLayer ? '文字情報のないPDFあり' : ''].filter(Boolean).join('・'),
    it.related.map((r) => r.number ?? r.title).join('・'),
  ].map(cell));
  const note = total > items.length ? [[`該当 ${total} 件のうち先頭 ${items.length} 件を出力しました。条件を絞ってください。`]] : [];
  return stringify([HEADER, ...rows, ...note], { record_delimiter: '\r\n' });
}
