import type { Actor } from '../../platform/auth/actor.js';
import { credentialsRepository } from '../../platform/auth/credentials.repository.js';
import { recordAudit } from '../../platform/audit/audit.js';
import type { Executor } from '../../platform/db/client.js';
import { AppError, notFound, staleVersion } from '../../platform/errors/app-error.js';
import { ADMIN_ROLE_CODE } from './default-roles.js';
import { rolesRepository } from './roles.repository.js';
import { assertEditWithinScope } from './user-bounds.js';
import { userBoundsRepository } from './user-bounds.repository.js';
import { usersRepository, type UserRow } from './users.repository.js';

/** Audit snapshots keep the stored columns (never the password hash), not the joined names. */
export const userSnapshot = ({ departmentName: _d, managerName: _m, roles: _r, ...rest }: UserRow) => rest;

/**
 * Ends a user's access in the caller's transaction: their sessions always, and when they are being
 * disabled their API tokens too — revoked, not just blocked, so enabling them again revives none.
 */
export async function endUserAccess(
  tx: Executor,
  actor: Actor,
  options: { userId: string; revokeTokens: boolean },
): Promise<void> {
  await credentialsRepository.deleteUserSessions(tx, actor.orgId, options.userId);
  if (!options.revokeTokens) return;
  for (const token of await credentialsRepository.revokeUserApiTokens(tx, actor.orgId, options.userId)) {
    await recordAudit(tx, actor, {
      action: 'delete',
      entity: 'api_token',
      entityId: token.id,
      before: { ...token, userId: options.userId },
    });
  }
}

/** True when the organization would be left without an enabled administrator. */
export async function wouldLoseLastAdmin(tx: Executor, actor: Actor, userId: string): Promise<boolean> {
  return (
    (await usersRepository.countEnabledHolders(tx, actor, { roleCode: ADMIN_ROLE_CODE, exceptUserId: userId })) === 0
  );
}

/**
 * A user the caller may manage (hand over, deactivate), read in the caller's transaction: outside
 * the caller's user-management scope it is not found (404), like an edit.
 */
export async function getManagedUser(executor: Executor, actor: Actor, id: string): Promise<UserRow> {
  const user = await usersRepository.getById(executor, actor, id);
  if (!user) throw notFound('entity.user');
  await assertEditWithinScope(executor, actor, user, {});
  return user;
}

/**
 * Disables a user as the user edit does (sessions ended, API tokens revoked, last administrator
 * kept, audited), inside the caller's transaction — the hand-over's last step. Returns false when
 * the user was already disabled, so running it twice changes nothing.
 */
export async function deactivateUserWithin(tx: Executor, actor: Actor, id: string): Promise<boolean> {
  await usersRepository.lockOrgUsers(tx, actor);
  const before = await usersRepository.lockById(tx, actor, id);
  if (!before) throw notFound('entity.user');
  await assertEditWithinScope(tx, actor, before, {});
  if (before.disabled) return false;
  const roles = await rolesRepository.findByIds(tx, actor, before.roleIds);
  if (roles.some((r) => r.code === ADMIN_ROLE_CODE) && (await wouldLoseLastAdmin(tx, actor, id))) {
    throw new AppError('business_rule', 'error.lastAdmin');
  }
  const updated = await usersRepository.update(
    tx,
    { orgId: actor.orgId, id, version: before.version },
    { disabled: true },
  );
  if (!updated) throw staleVersion();
  await endUserAccess(tx, actor, { userId: id, revokeTokens: true });
  const after = (await usersRepository.getById(tx, actor, id))!;
  await recordAudit(tx, actor, {
    action: 'update',
    entity: 'user',
    entityId: id,
    before: userSnapshot(before),
    after: userSnapshot(after),
  });
  return true;
}

/** The enabled users of the organization among `ids`, with their names (hand-over targets). */
export async function findEnabledUserNames(
  executor: Executor,
  actor: Actor,
  ids: readonly string[],
): Promise<Map<string, string>> {
  return usersRepository.findEnabledNames(executor, actor, ids);
}

/** The users the caller may manage by data scope, themselves excepted (whom they may hand over). */
export async function findManagedUsers(executor: Executor, actor: Actor) {
  return (await userBoundsRepository.findUsersInScope(executor, actor)).filter((user) => user.id !== actor.userId);
}
