import type { UserManagementScope } from '@guanxi/contract';
import type { Actor } from '../../platform/auth/actor.js';
import type { Executor } from '../../platform/db/client.js';
import { AppError, notFound } from '../../platform/errors/app-error.js';
import type { MessageKey } from '../../platform/i18n/messages.js';
import { userBoundsRepository } from './user-bounds.repository.js';

/*
 * Managing users is bounded by the manager's own data scope, like granting roles is bounded by
 * their own grants (security A8): otherwise a holder of `users.manage` could move themselves or an
 * account they control into another department and see its customers (issue 10, defect 3).
 *
 * - `all`: unbounded.
 * - `department`, `department_tree`: the users and departments of the scope; users are created in,
 *   moved into and out of those departments only (never to "no department", which no department
 *   scope covers); a manager must be a user of the scope.
 * - `own_subordinates`: a team lead. Users keep the lead's own department; a new or edited user must
 *   report to the lead or someone below them, so they stay in the team.
 * - `own`: covers nobody but oneself, so no users can be created and nobody else edited.
 * - Nobody but an `all` actor changes their own department or manager.
 * Users outside the scope are not found (404) for edits. Reading the user directory stays
 * organization-wide: pickers (transfers, report recipients, approval steps) need every colleague.
 */

const isPersonal = (actor: Actor) => actor.dataScope === 'own' || actor.dataScope === 'own_subordinates';

const refuse = (
  field: 'departmentId' | 'managerId',
  key: MessageKey,
  fieldKey: MessageKey = 'validation.outsideScope',
) => new AppError('validation', key, { fields: [{ field, key: fieldKey }] });

async function assertDepartmentChoice(executor: Executor, actor: Actor, departmentId: string | null): Promise<void> {
  const allowed = isPersonal(actor)
    ? departmentId === actor.departmentId
    : departmentId !== null && (await userBoundsRepository.isDepartmentInScope(executor, actor, departmentId));
  if (!allowed) throw refuse('departmentId', 'error.departmentOutsideScope');
}

async function assertManagerChoice(executor: Executor, actor: Actor, managerId: string | null): Promise<void> {
  if (managerId === null) {
    if (actor.dataScope === 'own_subordinates')
      throw refuse('managerId', 'error.managerOutsideTeam', 'validation.outsideTeam');
    return;
  }
  if (!(await userBoundsRepository.isUserInScope(executor, actor, managerId)))
    throw refuse('managerId', 'error.managerOutsideScope');
}

/** A new user must land inside the creator's data scope. */
export async function assertCreateWithinScope(
  executor: Executor,
  actor: Actor,
  placement: { departmentId: string | null; managerId: string | null },
): Promise<void> {
  if (actor.dataScope === 'all') return;
  if (actor.dataScope === 'own') throw new AppError('forbidden', 'error.createOutsideScope');
  await assertDepartmentChoice(executor, actor, placement.departmentId);
  await assertManagerChoice(executor, actor, placement.managerId);
}

/**
 * An edited user must be inside the editor's data scope (else 404) and stay there; one's own
 * department and manager are fixed unless the scope is `all`.
 */
export async function assertEditWithinScope(
  executor: Executor,
  actor: Actor,
  target: { id: string; departmentId: string | null; managerId: string | null },
  changes: { departmentId?: string | null | undefined; managerId?: string | null | undefined },
): Promise<void> {
  if (actor.dataScope === 'all') return;
  if (!(await userBoundsRepository.isUserInScope(executor, actor, target.id))) throw notFound('entity.user');
  const movesDepartment = changes.departmentId !== undefined && changes.departmentId !== target.departmentId;
  const changesManager = changes.managerId !== undefined && changes.managerId !== target.managerId;
  if (target.id === actor.userId) {
    if (movesDepartment) throw refuse('departmentId', 'error.ownPlacement', 'validation.ownPlacement');
    if (changesManager) throw refuse('managerId', 'error.ownPlacement', 'validation.ownPlacement');
    return;
  }
  if (movesDepartment) await assertDepartmentChoice(executor, actor, changes.departmentId ?? null);
  if (changesManager) await assertManagerChoice(executor, actor, changes.managerId ?? null);
}

/** The same bounds as lists of ids, so the web app offers only what the server will accept. */
export async function managementScopeOf(executor: Executor, actor: Actor): Promise<UserManagementScope> {
  if (actor.dataScope === 'all') {
    return {
      unbounded: true,
      canCreate: true,
      departmentIds: [],
      noDepartmentAllowed: true,
      userIds: [],
      managerRequired: false,
    };
  }
  const personal = isPersonal(actor);
  const departmentIds = personal
    ? actor.departmentId === null
      ? []
      : [actor.departmentId]
    : await userBoundsRepository.findDepartmentIdsInScope(executor, actor);
  return {
    unbounded: false,
    canCreate: actor.dataScope !== 'own',
    departmentIds,
    noDepartmentAllowed: personal && actor.departmentId === null,
    userIds: await userBoundsRepository.findUserIdsInScope(executor, actor),
    managerRequired: actor.dataScope === 'own_subordinates',
  };
}
