import type { Department } from '@guanxi/contract';

export interface DepartmentNode {
  key: string;
  value: string;
  title: string;
  department: Department;
  children: DepartmentNode[];
  disabled?: boolean;
}

/**
 * Builds the department tree from the flat list. A department whose parent is missing (e.g.
 * outside the list) is shown at the top rather than lost.
 */
export function buildDepartmentTree(
  departments: readonly Department[],
  options: { disabledSubtreeOf?: string } = {},
): DepartmentNode[] {
  const nodes = new Map<string, DepartmentNode>();
  for (const department of departments) {
    nodes.set(department.id, {
      key: department.id,
      value: department.id,
      title: department.name,
      department,
      children: [],
    });
  }
  const roots: DepartmentNode[] = [];
  const sorted = [...departments].sort((a, b) => a.sortOrder - b.sortOrder || a.name.localeCompare(b.name, 'zh-CN'));
  for (const department of sorted) {
    const node = nodes.get(department.id);
    const parent = department.parentId ? nodes.get(department.parentId) : undefined;
    if (!node) continue;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  if (options.disabledSubtreeOf) {
    const disable = (node: DepartmentNode) => {
      node.disabled = true;
      node.children.forEach(disable);
    };
    const start = nodes.get(options.disabledSubtreeOf);
    if (start) disable(start);
  }
  return roots;
}
