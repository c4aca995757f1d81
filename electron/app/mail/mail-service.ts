import type { Clock } from '../clock.js';
import type { Db } from '../db/connection.js';
import type { SettingsRepo } from '../org/settings.repo.js';
import type { CaseEventData, EventHub } from '../server/event-hub.js';
import { createMailNotifier } from './mail-notifier.js';
import { createMailOptOutRepo } from './mail-opt-out.repo.js';
import { createMailSender, type MailSenderDeps } from './mail-sender.js';
import { createOutboxRepo } from './outbox.repo.js';

export interface MailServiceDeps {
  db: Db;
  clock: Clock;
  settings: SettingsRepo;
  events: EventHub;
  /** How often the outbox is looked at for retries (0: never; the tests call `flush`). */
  intervalMs: number;
  onError: (err: unknown) => void;
  send?: MailSenderDeps['send'];
}

export const defaultMailIntervalMs = 30_000;

/**
 * E-mail notices beside the API: every case notice published to the server
 * events (case changes right after their commit, reminders inside theirs) is
 * queued in the outbox synchronously, and the sender is woken to deliver it
 * outside the request. A failure here is logged and never reaches the action.
 */
export function createMailService(deps: MailServiceDeps) {
  const outbox = createOutboxRepo(deps.db);
  const optOut = createMailOptOutRepo(deps.db);
  const notifier = createMailNotifier({ db: deps.db, clock: deps.clock, settings: deps.settings, outbox, optOut });
  const sender = createMailSender({ clock: deps.clock, settings: deps.settings, outbox, ...(deps.send && { send: deps.send }) });
  let stopped = false;
  const wake = () => {
    setImmediate(() => {
      if (stopped) return;
      sender.flush().catch(deps.onError);
    });
  };
  const queue = (data: CaseEventData): void => {
    try {
      if (notifier.enqueue(data) > 0) wake();
    } catch (err) {
      deps.onError(err);
    }
  };
  // Reminders publish inside their transaction; case actions hand their notices over inside theirs (`queue`) and
  // publish after the commit, which then adds nothing: each notice has a key.
  const unsubscribe = deps.events.subscribe((name, data) => {
    if (name === 'case') queue(data as CaseEventData);
  });
  const timer = deps.intervalMs > 0 ? setInterval(wake, deps.intervalMs) : null;
  timer?.unref();
  return {
    outbox,
    optOut,
    /** Queues the mails of a case notice (inside the change's transaction); never throws. */
    queue,
    /** Sends what is due now (the timer does this on its own). */
    flush: () => sender.flush(),
    /** Puts the failed mails back in the queue, due now, and wakes the sender; answers how many. */
    retryFailed(): number {
      const retried = outbox.retryNow(deps.clock.now());
      if (retried > 0) wake();
      return retried;
    },
    /** Stops listening and the timer, and waits for a send under way to be recorded. */
    async stop(): Promise<void> {
      stopped = true;
      unsubscribe();
      if (timer) clearInterval(timer);
      await sender.idle();
    },
  };
}
export type MailService = ReturnType<typeof createMailService>;
