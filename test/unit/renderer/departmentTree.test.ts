import { describe, expect, it } from 'vitest';
import type { Department } from '../../../shared/api/index.js';
import {
  buildDepartmentTree,
  mayBeTopLevel,
  parentCandidates,
  subtreeIds,
} from '../../../renderer/pages/admin/departments/departmentTree.js';

function dept(id: number, name: string, kind: Department['kind'], parentId: number | null, sortOrder = 0): Department {
  return { id, code: `D${id}`, name, kind, parentId, siteId: 1, active: true, sortOrder, docPrefix: '' };
}

const org: Department[] = [
  dept(5, '庶務係', 'kakari', 2),
  dept(2, '総務課', 'ka', 1, 1),
  dept(3, '企画課', 'ka', 1, 0),
  dept(1, '総務部', 'bu', null),
  dept(4, '住民課', 'ka', null, 5),
];

describe('buildDepartmentTree', () => {
  it('lists each department after its parent, siblings by sort order', () => {
    const tree = buildDepartmentTree(org);
    expect(tree.map((n) => [n.department.name, n.depth])).toEqual([
      ['総務部', 0],
      ['企画課', 1],
      ['総務課', 1],
      ['庶務係', 2],
      ['住民課', 0],
    ]);
    expect(tree[3]?.path).toEqual(['総務部', '総務課', '庶務係']);
  });

  it('keeps departments whose parent is missing or that form a cycle', () => {
    const broken = [dept(1, 'A', 'ka', 99), dept(2, 'B', 'ka', 3), dept(3, 'C', 'ka', 2)];
    expect(buildDepartmentTree(broken).map((n) => n.department.id).sort()).toEqual([1, 2, 3]);
  });
});

describe('subtreeIds', () => {
  it('collects a department and all below it', () => {
    expect([...subtreeIds(org, 1)].sort()).toEqual([1, 2, 3, 5]);
    expect([...subtreeIds(org, 4)]).toEqual([4]);
  });
});

describe('parentCandidates', () => {
  it('offers the kinds the server accepts, never the department itself or its children', () => {
    expect(parentCandidates(org, 'kakari', null).map((n) => n.department.id)).toEqual([3, 2, 4]);
    expect(parentCandidates(org, 'ka', null).map((n) => n.department.id)).toEqual([1]);
    expect(parentCandidates(org, 'ka', 2).map((n) => n.department.id)).toEqual([1]);
    expect(parentCandidates(org, 'bu', null)).toEqual([]);
    expect(parentCandidates(org, 'kakari', 1).map((n) => n.department.id)).toEqual([4]);
  });

  it('skips inactive departments', () => {
    const withInactive = org.map((d) => (d.id === 3 ? { ...d, active: false } : d));
    expect(parentCandidates(withInactive, 'kakari', null).map((n) => n.department.id)).toEqual([2, 4]);
  });
});

describe('mayBeTopLevel', () => {
  it('lets 部 and 課 stand at the top but not 係', () => {
    expect(mayBeTopLevel('bu')).toBe(true);
    expect(mayBeTopLevel('ka')).toBe(true);
    expect(mayBeTopLevel('kakari')).toBe(false);
  });
});
