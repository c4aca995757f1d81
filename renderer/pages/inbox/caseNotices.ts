import type { TFunction } from 'i18next';
import { z } from 'zod';
import { assertNever } from '../../lib/assertNever.js';

/**
 * The hub's `event: case` (electron/app/server/plugins/events.plugin.ts): a
 * case I am on changed; `notify` holds only my own notices.
 */
export const caseEventSchema = z.object({
  caseId: z.number().int(),
  number: z.string().nullable(),
  title: z.string(),
  state: z.string(),
  version: z.number().int(),
  notify: z.array(
    z.object({
      userId: z.number().int(),
      kind: z.enum(['arrived', 'sent_back', 'completed', 'rejected', 'review', 'reminder']),
      asProxyFor: z.number().int().nullable(),
      /** A reminder's working days waited. */
      waitingWorkingDays: z.number().int().optional(),
    }),
  ),
});
export type CaseEvent = z.infer<typeof caseEventSchema>;
export type CaseNotice = CaseEvent['notify'][number];

/** The event's data, or null for anything malformed (a newer hub, a proxy's garbage). */
export function parseCaseEvent(data: unknown): CaseEvent | null {
  if (typeof data !== 'string') return null;
  try {
    const parsed = caseEventSchema.safeParse(JSON.parse(data));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** A toast's title for a notice: 受信箱に届きました, 差し戻されました, 決裁されました, 〇〇の承認をお願いします（4営業日経過） … */
export function noticeTitle(notice: CaseNotice, t: TFunction, name = ''): string {
  const proxy = notice.asProxyFor !== null;
  switch (notice.kind) {
    case 'arrived':
      return proxy ? t('desk.notice.arrivedProxy') : t('desk.notice.arrived');
    case 'sent_back':
      return t('desk.notice.sentBack');
    case 'completed':
      return t('desk.notice.completed');
    case 'rejected':
      return t('desk.notice.rejected');
    case 'review':
      return t('desk.notice.review');
    case 'reminder':
      return t('desk.notice.reminder', { name, days: notice.waitingWorkingDays ?? 0 });
    default:
      return assertNever(notice.kind);
  }
}

export function noticeColor(notice: CaseNotice): string {
  switch (notice.kind) {
    case 'arrived':
      return 'indigo';
    case 'sent_back':
      return 'orange';
    case 'completed':
      return 'teal';
    case 'rejected':
      return 'red';
    case 'review':
      return 'yellow';
    case 'reminder':
      return 'red';
    default:
      return assertNever(notice.kind);
  }
}

/** "北広総第12号 備品購入について" (a draft has no number yet). */
export function caseName(event: Pick<CaseEvent, 'number' | 'title'>): string {
  return event.number ? `${event.number} ${event.title}` : event.title;
}

/** "(3) 受信箱 | 紙レス Kamiless": the count in front of whatever the page called itself; none at 0. */
export function titleWithCount(title: string, count: number): string {
  const bare = title.replace(/^\(\d+\+?\) /, '');
  if (count <= 0) return bare;
  return `(${count > 99 ? '99+' : count}) ${bare}`;
}
