import type { TFunction } from 'i18next';
import type { MailFailure } from '../../../../shared/api/mail.js';
import { assertNever } from '../../../lib/assertNever.js';

/** Why a test mail failed, in plain words. */
export function mailFailureText(reason: MailFailure, t: TFunction): string {
  switch (reason) {
    case 'not_configured':
      return t('mail.failure.not_configured');
    case 'connection':
      return t('mail.failure.connection');
    case 'auth':
      return t('mail.failure.auth');
    case 'tls':
      return t('mail.failure.tls');
    case 'timeout':
      return t('mail.failure.timeout');
    case 'rejected':
      return t('mail.failure.rejected');
    case 'other':
      return t('mail.failure.other');
    default:
      return assertNever(reason);
  }
}
