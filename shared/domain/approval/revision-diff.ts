import type { CaseContent, CaseEvent, CaseState } from './types.js';

/**
 * 版 (revisions): what each submission of a case carried and what changed
 * against the one before, so an approver sees at a glance what the drafter
 * changed after a send-back. Built from the case's events (content and
 * submission times) and its attachment rows, which are never deleted.
 */

/** An attachment row as the diff needs it. */
export interface RevisionFile {
  id: number;
  name: string;
  sha256: string;
  /** The revision it was added for. */
  revision: number;
  /** The case version when it was taken off; null while attached. */
  removedAtVersion: number | null;
}

export type FileDiff =
  | { kind: 'added'; id: number }
  | { kind: 'removed'; id: number }
  /** Same name, other content: `before` is the earlier file, `after` the one that took its place. */
  | { kind: 'replaced'; before: number; after: number }
  | { kind: 'unchanged'; id: number };

export interface Change<T> {
  before: T;
  after: T;
}

export interface RevisionDiff {
  revision: number;
  /** Who sent it and when; null for the revision the drafter is still preparing (a draft, or a case sent back). */
  submitted: { at: string; actorId: number } | null;
  /** The files as they were in this revision, in the order they were attached. */
  fileIds: number[];
  /** Against the revision before (revision 1: every file added). */
  files: FileDiff[];
  title: Change<string> | null;
  amount: Change<number | null> | null;
  body: Change<string> | null;
}

/** A revision's own state before the diff: when (which version) it was sent, and its content then. */
interface Sent {
  revision: number;
  version: number | null;
  submitted: RevisionDiff['submitted'];
  content: CaseContent;
}

/** The submissions in order, and the one being prepared when the drafter holds the case. */
function sentRevisions(events: readonly CaseEvent[], state: CaseState): Sent[] {
  const sent: Sent[] = [];
  let content: CaseContent | null = null;
  for (const e of events) {
    if (e.type === 'created' || e.type === 'edited') content = e.content;
    if ((e.type === 'submitted' || e.type === 'resubmitted') && content) {
      sent.push({ revision: sent.length + 1, version: e.version, submitted: { at: e.at, actorId: e.actorId }, content });
    }
  }
  if ((state === 'draft' || state === 'sent_back') && content) sent.push({ revision: sent.length + 1, version: null, submitted: null, content });
  return sent;
}

/** Whether the file was on the case when revision `r` was sent (or, unsent, is on it now). */
function inRevision(f: RevisionFile, r: Sent): boolean {
  if (f.revision > r.revision) return false;
  if (f.removedAtVersion === null) return true;
  return r.version !== null && f.removedAtVersion >= r.version;
}

/**
 * Files of two revisions paired by name (files of the same name in attachment
 * order): the same content is unchanged, other content replaced; a name only
 * in the later revision is added, one only in the earlier removed.
 */
export function diffFiles(before: readonly RevisionFile[], after: readonly RevisionFile[]): FileDiff[] {
  const waiting = new Map<string, RevisionFile[]>();
  for (const f of before) waiting.set(f.name, [...(waiting.get(f.name) ?? []), f]);
  const changes: FileDiff[] = after.map((f) => {
    const old = waiting.get(f.name)?.shift();
    if (!old) return { kind: 'added', id: f.id };
    return old.sha256 === f.sha256 ? { kind: 'unchanged', id: f.id } : { kind: 'replaced', before: old.id, after: f.id };
  });
  for (const left of waiting.values()) for (const f of left) changes.push({ kind: 'removed', id: f.id });
  return changes;
}

const changed = <T>(before: T, after: T): Change<T> | null => (before === after ? null : { before, after });

/** Every revision of a case, oldest first, each with its files and what changed against the one before. */
export function caseRevisions(input: { events: readonly CaseEvent[]; files: readonly RevisionFile[]; state: CaseState }): RevisionDiff[] {
  let previous: { files: RevisionFile[]; content: CaseContent } | null = null;
  return sentRevisions(input.events, input.state).map((r) => {
    const files = input.files.filter((f) => inRevision(f, r));
    const before = previous;
    previous = { files, content: r.content };
    return {
      revision: r.revision,
      submitted: r.submitted,
      fileIds: files.map((f) => f.id),
      files: diffFiles(before?.files ?? [], files),
      title: before ? changed(before.content.title, r.content.title) : null,
      amount: before ? changed(before.content.amount, r.content.amount) : null,
      body: before ? changed(before.content.body, r.content.body) : null,
    };
  });
}
