import type { TFunction } from 'i18next';
import type { DisposeOutcome, RetentionItem } from '../../../shared/api/related.js';
import type { Retention } from '../../../shared/domain/approval/types.js';
import { assertNever } from '../../lib/assertNever.js';

/** 1年 … 永年. */
export function retentionLabel(retention: Retention, t: TFunction): string {
  switch (retention) {
    case '1':
      return t('retention.class.1');
    case '3':
      return t('retention.class.3');
    case '5':
      return t('retention.class.5');
    case '10':
      return t('retention.class.10');
    case '30':
      return t('retention.class.30');
    case 'permanent':
      return t('retention.class.permanent');
    default:
      return assertNever(retention);
  }
}

export function outcomeLabel(outcome: DisposeOutcome, t: TFunction): string {
  switch (outcome) {
    case 'disposed':
      return t('retention.outcome.disposed');
    case 'not_due':
      return t('retention.outcome.not_due');
    case 'permanent':
      return t('retention.outcome.permanent');
    case 'not_decided':
      return t('retention.outcome.not_decided');
    case 'already_disposed':
      return t('retention.outcome.already_disposed');
    case 'not_found':
      return t('retention.outcome.not_found');
    default:
      return assertNever(outcome);
  }
}

export type DisposalStatus = 'kept' | 'due' | 'disposed';

export function disposalStatus(item: Pick<RetentionItem, 'disposedAt' | 'due'>): DisposalStatus {
  if (item.disposedAt !== null) return 'disposed';
  return item.due ? 'due' : 'kept';
}

export function statusLabel(status: DisposalStatus, t: TFunction): string {
  switch (status) {
    case 'kept':
      return t('retention.status.kept');
    case 'due':
      return t('retention.status.due');
    case 'disposed':
      return t('retention.status.disposed');
    default:
      return assertNever(status);
  }
}

export const statusColor = (status: DisposalStatus): string => (status === 'disposed' ? 'dark' : status === 'due' ? 'orange' : 'teal');
