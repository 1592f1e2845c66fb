import type { Department, User, UserManagementScope } from '@guanxi/contract';
import { buildDepartmentTree, type DepartmentNode } from '../departments';

/** True when the caller's management scope covers this user (the server answers 404 otherwise). */
export const mayManageUser = (scope: UserManagementScope | undefined, userId: string): boolean =>
  Boolean(scope && (scope.unbounded || scope.userIds.includes(userId)));

/**
 * The department tree for placing a user: only the departments the scope covers can be chosen.
 * Branches holding none of them are left out, except the one holding the user's current
 * department, which stays visible (disabled) so the field still shows its name.
 */
export function placementTree(
  departments: readonly Department[],
  scope: UserManagementScope,
  currentId: string | null,
): DepartmentNode[] {
  const tree = buildDepartmentTree(departments);
  if (scope.unbounded) return tree;
  const allowed = new Set(scope.departmentIds);
  const keep = (node: DepartmentNode): DepartmentNode | null => {
    const children = node.children.map(keep).filter((child): child is DepartmentNode => child !== null);
    const selectable = allowed.has(node.key);
    if (!selectable && children.length === 0 && node.key !== currentId) return null;
    return { ...node, children, disabled: !selectable };
  };
  return tree.map(keep).filter((node): node is DepartmentNode => node !== null);
}

/**
 * Managers the caller may choose for `edited` (a new user when undefined): users inside the scope,
 * never the user themselves; the current manager stays listed (disabled) when outside the scope.
 */
export function managerOptions(users: readonly User[], scope: UserManagementScope, edited?: User) {
  const allowed = new Set(scope.userIds);
  const options = users
    .filter((candidate) => candidate.id !== edited?.id && (scope.unbounded || allowed.has(candidate.id)))
    .map((candidate) => ({
      value: candidate.id,
      label: `${candidate.displayName} (${candidate.username})`,
      disabled: false,
    }));
  if (edited?.managerId && !options.some((option) => option.value === edited.managerId)) {
    options.push({ value: edited.managerId, label: edited.managerName ?? '', disabled: true });
  }
  return options;
}
