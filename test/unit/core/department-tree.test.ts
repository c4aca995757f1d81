import { describe, expect, it } from 'vitest';
import type { DepartmentKind } from '../../../shared/api/org.js';
import { allowedParentKinds, wouldCycle } from '../../../shared/domain/department-tree.js';

describe('allowedParentKinds', () => {
  it('puts a 部 at the top only, a 課 under a 部 or at the top, a 係 under a 課 only', () => {
    expect(allowedParentKinds('bu')).toEqual([null]);
    expect([...allowedParentKinds('ka')].sort()).toEqual(['bu', null].sort());
    expect(allowedParentKinds('kakari')).toEqual(['ka']);
  });

  it('never lets a kind sit under its own kind or a lower one', () => {
    const level: Record<DepartmentKind, number> = { bu: 0, ka: 1, kakari: 2 };
    for (const kind of ['bu', 'ka', 'kakari'] as const) {
      for (const parent of allowedParentKinds(kind)) {
        if (parent !== null) expect(level[parent]).toBeLessThan(level[kind]);
      }
    }
  });
});

/** A parent lookup over a plain map, as the repository does over its rows. */
const tree = (parents: Record<number, number | null>) => (id: number): number | null => parents[id] ?? null;

describe('wouldCycle', () => {
  // 1 (部) → 2 (課) → 3 (係); 4 stands alone.
  const parentOf = tree({ 1: null, 2: 1, 3: 2, 4: null });

  it('allows the top level and any parent outside the department’s own branch', () => {
    expect(wouldCycle(3, null, parentOf)).toBe(false);
    expect(wouldCycle(4, 3, parentOf)).toBe(false);
    expect(wouldCycle(3, 4, parentOf)).toBe(false);
    expect(wouldCycle(2, 1, parentOf)).toBe(false);
  });

  it('refuses the department itself as its parent', () => {
    expect(wouldCycle(2, 2, parentOf)).toBe(true);
  });

  it('refuses a child or any deeper descendant as the parent', () => {
    expect(wouldCycle(1, 2, parentOf)).toBe(true);
    expect(wouldCycle(1, 3, parentOf)).toBe(true);
    expect(wouldCycle(2, 3, parentOf)).toBe(true);
  });

  it('terminates and answers true on a tree that already has a loop', () => {
    // 5 → 6 → 7 → 5: broken data must not hang the server.
    const looped = tree({ 5: 6, 6: 7, 7: 5, 8: null });
    expect(wouldCycle(8, 5, looped)).toBe(true);
    expect(wouldCycle(8, 8, looped)).toBe(true);
    expect(wouldCycle(5, 8, looped)).toBe(false);
  });

  it('asks for each ancestor at most once', () => {
    const asked: number[] = [];
    const counting = (id: number) => {
      asked.push(id);
      return parentOf(id);
    };
    wouldCycle(4, 3, counting);
    expect(asked).toEqual([3, 2, 1]);
  });
});
