/**
 * What the record page (決裁記録) and the approval box (決裁欄) of an archive
 * PDF say, worked out from the case view alone (pure): the same route, marks
 * and comments the case page shows, put into the words of a paper record.
 */
import type { Attachment, CaseStep, CaseView, TimelineEntry } from '../../../shared/api/approvals.js';
import type { Retention } from '../../../shared/domain/approval/index.js';
import { formatWarekiDate, formatWarekiDateTime } from '../../../shared/domain/wareki.js';

export interface RecordRouteRow {
  stage: string;
  kind: string;
  position: string;
  name: string;
  action: string;
  at: string;
  /** 代理, 代決, 後閲済 / 後閲待ち. */
  marks: string[];
  comment: string;
}

/** One small cell of the 決裁欄: a position and the seal of who acted there. */
export interface SealCell {
  position: string;
  /** The family name, as a seal (印) carries it. */
  seal: string;
  /** 8.4.1: the date as a dated seal shows it (era year, month, day). */
  date: string;
  /** 代理 / 代決 under the seal. */
  mark: string | null;
  decided: boolean;
}

export interface ArchiveRecord {
  townName: string;
  number: string;
  title: string;
  typeName: string;
  amount: string;
  finalRule: string;
  drafter: { name: string; department: string; site: string };
  dates: [label: string, value: string][];
  route: RecordRouteRow[];
  history: { at: string; who: string; action: string; comment: string }[];
  retention: string;
  disposal: string;
  attachments: { name: string; revision: number; pages: number; size: string; sha256: string }[];
  /** The 決裁欄: the decision first, then the others from the highest step down. */
  seals: SealCell[];
  decision: { position: string; name: string; at: string } | null;
  caseVersion: number;
  madeAt: string;
}

const KIND: Record<CaseStep['kind'], string> = { approve: '承認', consult: '合議', inform: '供覧', final: '決裁' };

const STATUS: Record<CaseStep['status'], string> = {
  waiting: '未着',
  pending: '処理待ち',
  approved: '承認',
  final_approved: '決裁',
  agreed: '合議（同意）',
  disagreed: '合議（不同意）',
  acknowledged: '供覧',
  skipped: '省略',
  sent_back: '差戻し',
  rejected: '否決',
};

const ACTION: Record<string, string> = {
  create: '起案',
  edit: '修正',
  submit: '提出',
  resubmit: '再提出',
  approve: '承認',
  final_approve: '決裁',
  agree: '合議（同意）',
  disagree: '合議（不同意）',
  acknowledge: '供覧',
  send_back: '差戻し',
  recall: '引戻し',
  reject: '否決',
  withdraw: '取下げ',
  enforce: '施行',
  review: '後閲',
  comment: 'コメント',
};

const VIA: Record<'proxy' | 'deputy', string> = { proxy: '代理', deputy: '代決' };

const RETENTION_LABEL: Record<Retention, string> = { '1': '1年', '3': '3年', '5': '5年', '10': '10年', '30': '30年', permanent: '永年' };

/** A Tokyo calendar date (YYYY-MM-DD) as an instant at its noon, which is that date in every era formatter. */
const dayOf = (isoDate: string) => `${isoDate}T12:00:00+09:00`;

/** 令和8年4月1日 → 8.4.1 (元年 → 1). */
export function sealDate(at: string): string {
  const m = /(\d+|元)年(\d+)月(\d+)日$/.exec(formatWarekiDate(at, 'ja'));
  if (!m) return '';
  return `${m[1] === '元' ? '1' : m[1]}.${m[2]}.${m[3]}`;
}

/** The family name of "課長 四郎" (names are stored family name first, a space between); the whole name when it has no space. */
export function familyName(name: string): string {
  const trimmed = name.trim();
  const family = trimmed.split(/[\s\u3000]+/)[0] ?? trimmed;
  return family === '' ? trimmed : family;
}

/** 1234567 → '1,234,567円'; null → '—'. */
export function yen(amount: number | null): string {
  return amount === null ? '—' : `${new Intl.NumberFormat('ja-JP').format(amount)}円`;
}

/** 1536 → '1.5 KB'. */
export function byteSize(size: number): string {
  if (size < 1024) return `${size} B`;
  if (size < 1024 * 1024) return `${(size / 1024).toFixed(1)} KB`;
  return `${(size / 1024 / 1024).toFixed(1)} MB`;
}

type Review = CaseView['reviews'][number];

/** 代理 / 代決 for how the step was acted on, 後閲済 / 後閲待ち for its review afterwards. */
export function stepMarks(step: CaseStep, review: Review | undefined): string[] {
  const marks: string[] = [];
  if (step.actedVia === 'proxy' || step.actedVia === 'deputy') marks.push(VIA[step.actedVia]);
  if (review) marks.push(review.doneAt === null ? '後閲待ち' : `後閲済 ${formatWarekiDateTime(review.doneAt, 'ja')}`);
  return marks;
}

/** Who is named in a step's row: its assignee, and who acted for them when that was someone else. */
function stepName(step: CaseStep, separator: string): string {
  const actor = step.actedBy;
  if (actor === null || actor.id === step.assignee.id) return step.assignee.name;
  const via = step.actedVia === 'proxy' || step.actedVia === 'deputy' ? VIA[step.actedVia] : '';
  return `${step.assignee.name}${separator}（${via}${via === '' ? '' : ' '}${actor.name}）`;
}

function stepComment(step: CaseStep, review: Review | undefined): string {
  const parts: string[] = [];
  if (step.comment) parts.push(step.comment);
  if (review?.comment) parts.push(`後閲: ${review.comment}`);
  return parts.join('\n');
}

const ACTED: ReadonlySet<CaseStep['status']> = new Set(['approved', 'final_approved', 'agreed', 'disagreed', 'acknowledged']);

/** The 決裁欄's cells: every step acted on, the decision first, then the others from the last step back to the first. */
export function sealCells(view: Pick<CaseView, 'route'>): SealCell[] {
  const acted = view.route.stages.flatMap((s) => s.steps).filter((s) => ACTED.has(s.status) && s.actedAt !== null);
  const decided = acted.filter((s) => s.status === 'final_approved');
  const others = acted.filter((s) => s.status !== 'final_approved').reverse();
  return [...decided, ...others].map((s) => ({
    position: s.kind === 'consult' ? `合議 ${s.position}` : s.position,
    seal: familyName((s.actedBy ?? s.assignee).name),
    date: sealDate(s.actedAt ?? ''),
    mark: s.actedVia === 'proxy' || s.actedVia === 'deputy' ? VIA[s.actedVia] : null,
    decided: s.status === 'final_approved',
  }));
}

function historyRow(e: TimelineEntry): ArchiveRecord['history'][number] {
  const via = e.via === 'proxy' || e.via === 'deputy' ? `（${VIA[e.via]}${e.onBehalfOf ? `: ${e.onBehalfOf.name}` : ''}）` : '';
  const comment = [e.comment, e.reason === null ? null : `理由: ${e.reason}`].filter((c): c is string => c !== null && c !== '').join('\n');
  return { at: formatWarekiDateTime(e.at, 'ja'), who: `${e.actor.name}${via}`, action: ACTION[e.action] ?? e.action, comment };
}

/** The attachments the archive carries: those on the case when it was decided (taken-off ones are not). */
export function archivedAttachments(attachments: readonly Attachment[]): Attachment[] {
  return attachments.filter((a) => a.removedAt === null);
}

export function archiveRecord(view: CaseView, townName: string, madeAt: string): ArchiveRecord {
  const steps = view.route.stages.flatMap((stage, i) => stage.steps.map((step) => ({ step, stage: i + 1 })));
  const reviewOf = (stepId: number) => view.reviews.find((r) => r.stepId === stepId);
  const decided = steps.find(({ step }) => step.status === 'final_approved')?.step;
  const dates: [string, string][] = [['起案日', formatWarekiDate(view.createdAt, 'ja')]];
  if (view.submittedAt) dates.push(['提出日', formatWarekiDateTime(view.submittedAt, 'ja')]);
  if (view.approvedAt) dates.push(['決裁日', formatWarekiDateTime(view.approvedAt, 'ja')]);
  if (view.enforcedOn) dates.push(['施行日', formatWarekiDate(dayOf(view.enforcedOn), 'ja')]);
  return {
    townName,
    number: view.number ?? '—',
    title: view.title,
    typeName: view.type.name,
    amount: yen(view.amount),
    finalRule: view.route.finalRule?.label ?? '',
    drafter: { name: view.drafter.name, department: view.department.name, site: view.site.name },
    dates,
    route: steps.map(({ step, stage }) => ({
      stage: String(stage),
      kind: KIND[step.kind],
      position: step.position,
      name: stepName(step, '\n'),
      action: STATUS[step.status],
      at: step.actedAt === null ? '' : formatWarekiDateTime(step.actedAt, 'ja'),
      marks: stepMarks(step, reviewOf(step.id)),
      comment: stepComment(step, reviewOf(step.id)),
    })),
    history: view.timeline.filter((e) => e.action !== 'edit').map(historyRow),
    retention: RETENTION_LABEL[view.retention],
    disposal: view.disposalOn === null ? (view.retention === 'permanent' ? '廃棄しない（永年保存）' : '—') : formatWarekiDate(dayOf(view.disposalOn), 'ja'),
    attachments: archivedAttachments(view.attachments).map((a) => ({ name: a.name, revision: a.revision, pages: a.pages, size: byteSize(a.size), sha256: a.sha256 })),
    seals: sealCells(view),
    decision: decided?.actedAt ? { position: decided.position, name: stepName(decided, ''), at: formatWarekiDateTime(decided.actedAt, 'ja') } : null,
    caseVersion: view.version,
    madeAt: formatWarekiDateTime(madeAt, 'ja'),
  };
}
