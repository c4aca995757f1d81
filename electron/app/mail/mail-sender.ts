import type { MailTestResult } from '../../../shared/api/mail.js';
import { backoffDelay, type BackoffPolicy } from '../agent/backoff.js';
import { isoAt, type Clock } from '../clock.js';
import type { SettingsRepo } from '../org/settings.repo.js';
import { readSmtpSettings, type SmtpSettings } from './mail-settings.js';
import type { OutboxRepo } from './outbox.repo.js';
import { sendOverSmtp, type OutgoingMail } from './smtp-send.js';

/** From half a minute up to an hour between attempts; after `maxAttempts` a mail is given up (failed, kept with its error). */
export const mailBackoff: BackoffPolicy = { firstMs: 30_000, maxMs: 3_600_000, jitter: 0.2 };
export const mailMaxAttempts = 12;
const batchSize = 20;

export interface MailSenderDeps {
  clock: Clock;
  settings: SettingsRepo;
  outbox: OutboxRepo;
  send?: (s: SmtpSettings, mail: OutgoingMail) => Promise<MailTestResult>;
  backoff?: BackoffPolicy;
  maxAttempts?: number;
  random?: () => number;
}

/**
 * The background sender: takes the queued mails whose time has come, sends
 * each over SMTP, and marks it sent — or keeps the error and tries again
 * later, waiting longer each time. A row is marked only after the server's
 * answer, so a crash in between sends it again (with the same Message-ID)
 * rather than losing it. While mail is off, queued rows wait untouched.
 */
export function createMailSender(deps: MailSenderDeps) {
  const { clock, settings, outbox } = deps;
  const send = deps.send ?? sendOverSmtp;
  const maxAttempts = deps.maxAttempts ?? mailMaxAttempts;
  let running: Promise<number> | null = null;

  const drain = async (): Promise<number> => {
    let sent = 0;
    for (;;) {
      const smtp = readSmtpSettings(settings);
      if (!smtp.enabled) return sent;
      const rows = outbox.due(clock.now(), batchSize);
      if (rows.length === 0) return sent;
      for (const row of rows) {
        const result = await send(smtp, { to: row.to_address, subject: row.subject, text: row.body, messageId: `<kamiless-outbox-${row.id}.${Date.parse(row.created_at)}@kamiless.invalid>` });
        if (result.ok) {
          outbox.markSent(row.id, isoAt(clock), result.response);
          sent++;
          continue;
        }
        const error = `${result.reason}: ${result.message}`;
        const attempt = row.attempts + 1;
        if (attempt >= maxAttempts) outbox.markFailed(row.id, error);
        else outbox.markRetry(row.id, clock.now() + backoffDelay(attempt, deps.backoff ?? mailBackoff, deps.random), error);
      }
    }
  };

  return {
    /** Sends everything due now; a call while a run is going joins it (and the run goes on until nothing is due). */
    flush(): Promise<number> {
      running ??= drain().finally(() => {
        running = null;
      });
      return running;
    },
    /** Resolves once no run is going (the app waits for it before it closes the database). */
    async idle(): Promise<void> {
      await running?.catch(() => undefined);
    },
  };
}
export type MailSender = ReturnType<typeof createMailSender>;
