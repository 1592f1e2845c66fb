import type { Department, DepartmentManagementScope } from '@guanxi/contract';
import { buildDepartmentTree, type DepartmentNode } from './departmentTree';

/**
 * What the caller may do with one department, from GET /departments/management-scope: `change`
 * (add a sub-department, rename, delete) and `move`. The server answers 404 or 400 otherwise.
 */
export function departmentActions(
  scope: DepartmentManagementScope | undefined,
  departmentId: string,
): { change: boolean; move: boolean } {
  if (!scope?.canChange) return { change: false, move: false };
  if (scope.unbounded) return { change: true, move: true };
  return {
    change: scope.departmentIds.includes(departmentId),
    move: scope.movableDepartmentIds.includes(departmentId),
  };
}

/**
 * The new parents offered when moving `movingId`: never the department itself or anything below it,
 * and for a bounded scope only the covered departments. Branches holding none of those are left out;
 * the departments above them stay visible (disabled) so the tree keeps its shape.
 */
export function parentChoices(
  departments: readonly Department[],
  scope: DepartmentManagementScope,
  movingId: string,
): DepartmentNode[] {
  const tree = buildDepartmentTree(departments, { disabledSubtreeOf: movingId });
  if (scope.unbounded) return tree;
  const covered = new Set(scope.departmentIds);
  const keep = (node: DepartmentNode): DepartmentNode | null => {
    const children = node.children.map(keep).filter((child): child is DepartmentNode => child !== null);
    const selectable = covered.has(node.key) && !node.disabled;
    if (!selectable && children.length === 0) return null;
    return { ...node, children, disabled: !selectable };
  };
  return tree.map(keep).filter((node): node is DepartmentNode => node !== null);
}
