import { Box, Select, type SelectProps } from '@mantine/core';
import type { DepartmentNode } from './departmentTree.js';

interface DepartmentSelectProps extends Omit<SelectProps, 'data' | 'renderOption'> {
  nodes: readonly DepartmentNode[];
}

const INDENT = 14;

/**
 * Departments as the organisation chart lists them: each option is just the
 * department's name (what people type and say), indented under its parent.
 */
export function DepartmentSelect({ nodes, ...props }: DepartmentSelectProps) {
  const depth = new Map(nodes.map((node) => [String(node.department.id), node.depth]));
  const data = nodes.map(({ department }) => ({ value: String(department.id), label: department.name }));
  return (
    <Select
      {...props}
      data={data}
      renderOption={({ option }) => (
        <Box component="span" pl={(depth.get(option.value) ?? 0) * INDENT}>
          {option.label}
        </Box>
      )}
    />
  );
}
