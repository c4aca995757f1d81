import { RelatedCases } from '../case/RelatedCases.js';

interface RelatedFieldProps {
  caseId: number | null;
  /** Saves the draft first when it has no case yet (links belong to a case). */
  ensureCase: () => Promise<number | null>;
}

/** 関連文書 on the drafting page: linked as the drafter picks them, saved with the draft, in the page's larger type. */
export function RelatedField({ caseId, ensureCase }: RelatedFieldProps) {
  return <RelatedCases caseId={caseId} ensureCase={ensureCase} large />;
}
