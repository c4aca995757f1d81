import { useDepartments, usePositions } from '../../../api/hooks.js';
import { buildDepartmentTree, type DepartmentNode } from '../departments/departmentTree.js';

export interface SelectOption {
  value: string;
  label: string;
}

/**
 * Department and position choices for a user. Inactive ones are offered only
 * when already chosen, so editing an old user does not silently clear them.
 */
export function useOrgOptions(current: { departmentId: number | null; positionId: number | null }) {
  const departments = useDepartments();
  const positions = usePositions();

  const departmentNodes: DepartmentNode[] = buildDepartmentTree(departments.data ?? []).filter(
    ({ department: d }) => d.active || d.id === current.departmentId,
  );

  const positionOptions: SelectOption[] = [...(positions.data ?? [])]
    .filter((p) => p.active || p.id === current.positionId)
    .sort((a, b) => b.rank - a.rank)
    .map((p) => ({ value: String(p.id), label: p.name }));

  return {
    departmentNodes,
    positionOptions,
    loading: departments.isPending || positions.isPending,
    error: departments.error ?? positions.error,
  };
}
