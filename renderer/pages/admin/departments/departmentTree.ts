import type { Department, DepartmentKind } from '../../../../shared/api/index.js';
import { allowedParentKinds } from '../../../../shared/domain/department-tree.js';

export interface DepartmentNode {
  department: Department;
  /** 0 for a top-level 部 (or a 課 without 部), 1 below it, … */
  depth: number;
  /** Names from the top down to this department, e.g. ["総務部", "総務課"]. */
  path: string[];
}

function byOrder(a: Department, b: Department): number {
  return a.sortOrder - b.sortOrder || a.code.localeCompare(b.code) || a.id - b.id;
}

/**
 * The flat list from the API (parent ids) as a depth-first list ready for an
 * indented table: each department right after its parent, siblings by sort
 * order. A department whose parent is missing, or that sits in a cycle,
 * is shown at the top rather than lost.
 */
export function buildDepartmentTree(departments: readonly Department[]): DepartmentNode[] {
  const ids = new Set(departments.map((d) => d.id));
  const children = new Map<number | null, Department[]>();
  for (const d of departments) {
    const parent = d.parentId !== null && ids.has(d.parentId) && d.parentId !== d.id ? d.parentId : null;
    const list = children.get(parent) ?? [];
    list.push(d);
    children.set(parent, list);
  }
  for (const list of children.values()) list.sort(byOrder);

  const out: DepartmentNode[] = [];
  const seen = new Set<number>();
  const visit = (d: Department, depth: number, path: string[]) => {
    if (seen.has(d.id)) return;
    seen.add(d.id);
    const here = [...path, d.name];
    out.push({ department: d, depth, path: here });
    for (const child of children.get(d.id) ?? []) visit(child, depth + 1, here);
  };
  for (const root of children.get(null) ?? []) visit(root, 0, []);
  // Whatever a cycle kept unreachable from the top.
  for (const d of [...departments].sort(byOrder)) visit(d, 0, []);
  return out;
}

/** A department and everything below it: none of them can become its parent. */
export function subtreeIds(departments: readonly Department[], rootId: number): Set<number> {
  const result = new Set<number>([rootId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const d of departments) {
      if (d.parentId !== null && result.has(d.parentId) && !result.has(d.id)) {
        result.add(d.id);
        grew = true;
      }
    }
  }
  return result;
}

/** Whether a department of `kind` may stand at the top (a 課 may; a 係 needs its 課). */
export function mayBeTopLevel(kind: DepartmentKind): boolean {
  return allowedParentKinds(kind).includes(null);
}

/**
 * Departments that may be the parent of one of `kind`, by the server's own
 * rule (shared/domain/department-tree.ts), active, and neither the
 * department itself nor anything below it.
 */
export function parentCandidates(
  departments: readonly Department[],
  kind: DepartmentKind,
  editingId: number | null,
): DepartmentNode[] {
  const excluded = editingId === null ? new Set<number>() : subtreeIds(departments, editingId);
  const allowed = allowedParentKinds(kind);
  return buildDepartmentTree(departments).filter(
    ({ department: d }) => d.active && !excluded.has(d.id) && allowed.includes(d.kind),
  );
}
