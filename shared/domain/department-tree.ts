import type { DepartmentKind } from '../api/org.js';

/**
 * The 部 → 課 → 係 hierarchy: which kind may sit under which. A 課 may also
 * stand on its own (会計課, 議会事務局 often report to no 部).
 */
export function allowedParentKinds(kind: DepartmentKind): readonly (DepartmentKind | null)[] {
  switch (kind) {
    case 'bu':
      return [null];
    case 'ka':
      return ['bu', null];
    case 'kakari':
      return ['ka'];
    default: {
      const never: never = kind;
      return never;
    }
  }
}

/** True when making `parentId` the parent of `id` would close a loop. */
export function wouldCycle(id: number, parentId: number | null, parentOf: (id: number) => number | null): boolean {
  const seen = new Set<number>();
  for (let cur = parentId; cur !== null; cur = parentOf(cur)) {
    if (cur === id || seen.has(cur)) return true;
    seen.add(cur);
  }
  return false;
}
