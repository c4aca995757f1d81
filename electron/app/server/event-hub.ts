import { EventEmitter } from 'node:events';

/** What the hub tells signed-in windows as it happens (server-sent events). */
export interface ServerEvents {
  /** Jobs were stored (a watched file, an agent's bytes, a manual import): figures on screen are out of date. */
  printlog: { source: string; jobs: number; rejected: number };
  /**
   * A case changed. Sent only to its `audience` (the events plugin filters per
   * signed-in user), with `notify` cut down to the receiving user's own entries:
   * what a toast or an OS notification should tell them.
   */
  case: CaseEventData;
  /** A case reached final approval: figures counting decided cases (the e-approval effect) are out of date. No ids: everyone receives it. */
  decided: Record<string, never>;
}

/** `reminder`: a step of mine (or my principal's) has waited longer than the set working days (催促). */
export type CaseNoticeKind = 'arrived' | 'sent_back' | 'completed' | 'rejected' | 'review' | 'reminder';

export interface CaseEventData {
  caseId: number;
  number: string | null;
  title: string;
  state: string;
  version: number;
  /** Who should refresh what they show of this case. */
  audience: number[];
  /** `waitingWorkingDays` only on a reminder: how long the step has waited. */
  notify: { userId: number; kind: CaseNoticeKind; asProxyFor: number | null; waitingWorkingDays?: number }[];
}

export type ServerEventName = keyof ServerEvents;

/**
 * The one place server events go through: the watchers and the API publish,
 * each open event stream (GET /api/events) listens. In-process: the core is
 * one process, whose watcher thread reports through the core.
 */
export class EventHub {
  private readonly emitter = new EventEmitter();

  constructor() {
    // One listener per open window; a town hall has hundreds.
    this.emitter.setMaxListeners(0);
  }

  publish<K extends ServerEventName>(name: K, data: ServerEvents[K]): void {
    this.emitter.emit('event', name, data);
  }

  /** Calls `fn` for every event until the returned function is called. */
  subscribe(fn: <K extends ServerEventName>(name: K, data: ServerEvents[K]) => void): () => void {
    this.emitter.on('event', fn);
    return () => this.emitter.off('event', fn);
  }
}
