import type { DepartmentManagementScope } from '@guanxi/contract';
import type { Actor } from '../../platform/auth/actor.js';
import type { Executor } from '../../platform/db/client.js';
import { AppError, notFound } from '../../platform/errors/app-error.js';
import { departmentsRepository } from './departments.repository.js';
import { userBoundsRepository } from './user-bounds.repository.js';

/*
 * Managing departments is bounded by the manager's data scope, like managing users
 * (user-bounds.ts): otherwise a holder of `departments.manage` with a department-tree scope could
 * move another department, with its users and their customers, under their own and see it all
 * (issue 10, defect 3). The covered departments are `visibleDepartmentIds`, the set that scopes
 * customers, so managing departments can never make it grow.
 *
 * - `all`: unbounded.
 * - `department`, `department_tree`: sub-departments are created only under a covered department
 *   (never at the top level); only covered departments are renamed, reordered, deleted or moved
 *   (others are not found, 404); a move goes under a covered department only and never takes the
 *   actor's own department or one above it.
 * - `own`, `own_subordinates` (and a department scope without a department) cover no department:
 *   no department changes at all (403). Reading the tree stays open to `departments.view`.
 */

const coversDepartments = (actor: Actor): boolean =>
  actor.dataScope === 'all' ||
  ((actor.dataScope === 'department' || actor.dataScope === 'department_tree') && actor.departmentId !== null);

/** A scope that covers no department may change none. */
export function assertMayChangeDepartments(actor: Actor): void {
  if (!coversDepartments(actor)) throw new AppError('forbidden', 'error.departmentsOutsideScope');
}

async function assertParentWithinScope(executor: Executor, actor: Actor, parentId: string | null): Promise<void> {
  const covered = parentId !== null && (await userBoundsRepository.isDepartmentInScope(executor, actor, parentId));
  if (!covered) {
    throw new AppError('validation', 'error.parentOutsideScope', {
      fields: [{ field: 'parentId', key: 'validation.outsideScope' }],
    });
  }
}

/** A new department must hang below a department the creator's scope covers. */
export async function assertCreateDepartmentWithinScope(
  executor: Executor,
  actor: Actor,
  parentId: string | null,
): Promise<void> {
  assertMayChangeDepartments(actor);
  if (actor.dataScope === 'all') return;
  await assertParentWithinScope(executor, actor, parentId);
}

/** A department to rename, reorder, move or delete must be covered by the scope (else 404). */
export async function assertDepartmentWithinScope(
  executor: Executor,
  actor: Actor,
  departmentId: string,
): Promise<void> {
  if (actor.dataScope === 'all') return;
  if (!(await userBoundsRepository.isDepartmentInScope(executor, actor, departmentId)))
    throw notFound('entity.department');
}

/**
 * A move stays inside the covered set: never the actor's own department or one above it (that
 * would carry the actor, or take their department out of a wider manager's tree), and only
 * under a covered department.
 */
export async function assertMoveDepartmentWithinScope(
  executor: Executor,
  actor: Actor,
  move: { departmentId: string; parentId: string | null },
): Promise<void> {
  if (actor.dataScope === 'all') return;
  if (
    actor.departmentId !== null &&
    (await departmentsRepository.isSelfOrDescendant(executor, actor, {
      departmentId: move.departmentId,
      candidateId: actor.departmentId,
    }))
  ) {
    throw new AppError('validation', 'error.ownDepartmentMove', {
      fields: [{ field: 'parentId', key: 'validation.ownDepartment' }],
    });
  }
  await assertParentWithinScope(executor, actor, move.parentId);
}

/** The same bounds as lists of ids, so the web app offers only what the server will accept. */
export async function departmentManagementScopeOf(
  executor: Executor,
  actor: Actor,
): Promise<DepartmentManagementScope> {
  if (actor.dataScope === 'all')
    return { unbounded: true, canChange: true, departmentIds: [], movableDepartmentIds: [] };
  if (!coversDepartments(actor))
    return { unbounded: false, canChange: false, departmentIds: [], movableDepartmentIds: [] };
  const departmentIds = await userBoundsRepository.findDepartmentIdsInScope(executor, actor);
  // The covered set is the own department and the tree below it, so only the own one is fixed.
  return {
    unbounded: false,
    canChange: true,
    departmentIds,
    movableDepartmentIds: departmentIds.filter((id) => id !== actor.departmentId),
  };
}
