import type { CaseView, Department, RoutePreview, Site, TimelineEntry } from '../../../shared/api/index.js';
import { isApiError } from '../../api/ApiError.js';

/**
 * The pure part of the drafting page (起案): amounts as typed by a clerk, the
 * checks a file gets before it is sent, the server's refusals by reason, the
 * 合議 department choices and the latest send-back. No React, so unit-tested.
 */

/** The largest amount the API takes (shared/api/approvals.ts). */
export const MAX_YEN = 1e13;

export type AmountInput = { ok: true; value: number | null } | { ok: false };

const FULL_WIDTH_DIGITS = /[０-９]/g;

/**
 * Reads an amount as people type it: "3200000", "3,200,000", "￥3,200,000円",
 * full-width digits, "320万" (man = 10,000). Empty is null; anything else
 * (a minus sign, decimals of yen, letters) is not an amount.
 */
export function parseYen(text: string): AmountInput {
  const s = text
    .replace(FULL_WIDTH_DIGITS, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[\s,，、¥￥\\円]/g, '')
    .replace(/．/g, '.');
  if (s === '') return { ok: true, value: null };
  const man = /^(\d+(?:\.\d+)?)万$/.exec(s);
  let value: number;
  if (man?.[1]) {
    value = Math.round(Number(man[1]) * 10_000);
    if (!Number.isInteger(Number(man[1]) * 10_000)) return { ok: false };
  } else if (/^\d+$/.test(s)) {
    value = Number(s);
  } else {
    return { ok: false };
  }
  if (!Number.isSafeInteger(value) || value > MAX_YEN) return { ok: false };
  return { ok: true, value };
}

/** 3200000 → "3,200,000" (no symbol: for the input). */
export function formatYen(value: number): string {
  return value.toLocaleString('ja-JP');
}

/** 3200000 → "¥3,200,000". */
export function yenLabel(value: number): string {
  return `¥${formatYen(value)}`;
}

// ── Files ──────────────────────────────────────────────────────────────────────

export const ATTACHMENT_EXTENSIONS = ['.pdf', '.jpg', '.jpeg', '.png', '.tif', '.tiff'] as const;
const ATTACHMENT_TYPES = ['application/pdf', 'image/jpeg', 'image/png', 'image/tiff'] as const;

/** What the file picker offers and drag and drop takes. */
export const ATTACHMENT_ACCEPT: Record<string, string[]> = {
  'application/pdf': ['.pdf'],
  'image/jpeg': ['.jpg', '.jpeg'],
  'image/png': ['.png'],
  'image/tiff': ['.tif', '.tiff'],
};

/** Why a file is not even sent: the server would refuse it anyway, and a 50 MB upload takes minutes on a branch line. */
export type FileProblem = 'too_large' | 'unsupported' | 'empty';

export function fileProblem(file: { name: string; size: number; type: string }, maxBytes: number): FileProblem | null {
  const name = file.name.toLowerCase();
  const known = ATTACHMENT_EXTENSIONS.some((ext) => name.endsWith(ext)) || (ATTACHMENT_TYPES as readonly string[]).includes(file.type);
  if (!known) return 'unsupported';
  if (file.size === 0) return 'empty';
  if (file.size > maxBytes) return 'too_large';
  return null;
}

/** A JPEG, PNG or TIFF scan: the server turns it into PDF pages. */
export function isScan(name: string): boolean {
  return /\.(jpe?g|png|tiff?)$/i.test(name);
}

/** "12.3MB", "850KB", "20B": sizes as the clerk's file manager shows them, never broken over two lines. */
export function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1).replace(/\.0$/, '')}MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)}KB`;
  return `${bytes}B`;
}

/**
 * Why the server refused an attachment: the stable reason at the start of an
 * invalid_file detail (`encrypted: 見積書.pdf: …`), too_large for 413, null
 * for every other failure (network, session, state), which is shown as is.
 */
export type UploadRefusal = 'not_pdf' | 'unsupported' | 'encrypted' | 'broken' | 'image_unreadable' | 'too_large';
const REFUSALS: readonly UploadRefusal[] = ['not_pdf', 'unsupported', 'encrypted', 'broken', 'image_unreadable'];

export function uploadRefusal(error: unknown): UploadRefusal | null {
  if (!isApiError(error)) return null;
  if (error.code === 'too_large') return 'too_large';
  if (error.code !== 'invalid_file') return null;
  const reason = error.detail?.split(':', 1)[0]?.trim() ?? '';
  const known = REFUSALS.find((r) => r === reason);
  // An older hub says only "file: reason": still not a file we can take.
  return known ?? 'broken';
}

// ── 合議 departments ────────────────────────────────────────────────────────────

export interface DepartmentGroup {
  group: string;
  items: { value: string; label: string }[];
}

/**
 * The 課 a 合議 can go to, grouped by site (本庁 first, then 支所 and 出先 in
 * their order), each 課 in the organisation's order. Inactive ones are left
 * out unless already chosen (a draft saved before a reorganisation).
 */
export function consultGroups(departments: readonly Department[], sites: readonly Site[], chosen: readonly number[] = []): DepartmentGroup[] {
  const kindOrder = { honcho: 0, shisho: 1, outpost: 2 } as const;
  const orderedSites = [...sites].sort((a, b) => kindOrder[a.kind] - kindOrder[b.kind] || a.sortOrder - b.sortOrder || a.id - b.id);
  return orderedSites
    .map((site) => ({
      group: site.name,
      items: departments
        .filter((d) => d.siteId === site.id && d.kind === 'ka' && (d.active || chosen.includes(d.id)))
        .sort((a, b) => a.sortOrder - b.sortOrder || a.id - b.id)
        .map((d) => ({ value: String(d.id), label: d.name })),
    }))
    .filter((g) => g.items.length > 0);
}

// ── Route ──────────────────────────────────────────────────────────────────────

/** The step that decides the case (決裁), per the 専決 rule. */
export function decidingStep(route: Pick<RoutePreview, 'stages' | 'finalRule'>) {
  const steps = route.stages.flatMap((s) => s.steps);
  if (route.finalRule) return steps.find((s) => s.key === route.finalRule?.stepKey) ?? null;
  return steps[steps.length - 1] ?? null;
}

// ── Send-back ──────────────────────────────────────────────────────────────────

/** The send-back (差戻し) or recall (引戻し) that put the case back in the drafter's hands, if it is there now. */
export function latestReturn(view: Pick<CaseView, 'state' | 'timeline' | 'returned'>): TimelineEntry | null {
  if (view.state !== 'sent_back' || !view.returned) return null;
  const kind = view.returned.kind;
  for (let i = view.timeline.length - 1; i >= 0; i--) {
    const e = view.timeline[i];
    if (e && e.action === kind) return e;
  }
  return null;
}

/** The content a draft is saved with, trimmed as the server trims it, to tell whether anything changed. */
export interface DraftContent {
  title: string;
  amount: number | null;
  body: string;
  consultDepartmentIds: number[];
}

export function sameContent(a: DraftContent, b: DraftContent): boolean {
  const ids = (c: DraftContent) => [...c.consultDepartmentIds].sort((x, y) => x - y).join(',');
  return a.title.trim() === b.title.trim() && a.amount === b.amount && a.body === b.body && ids(a) === ids(b);
}
