import type {
  ColleagueList,
  CreateUserBody,
  Locale,
  UpdateUserBody,
  User,
  UserListQuery,
  UserManagementScope,
  UserPage,
} from '@guanxi/contract';
import { sql } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.js';
import { assertAcceptablePassword, hashPassword } from '../../platform/auth/passwords.js';
import { recordAudit } from '../../platform/audit/audit.js';
import type { Db, Executor } from '../../platform/db/client.js';
import { newId } from '../../platform/db/ids.js';
import { AppError, notFound, staleVersion } from '../../platform/errors/app-error.js';
import { decodeCursor, keysetPage } from '../../platform/pagination.js';
import { ADMIN_ROLE_CODE } from './default-roles.js';
import { departmentsRepository } from './departments.repository.js';
import { assertWithinGrants, ownRoleError } from './grants.js';
import { rolesRepository, type RoleRow } from './roles.repository.js';
import { isUniqueViolation } from './unique-violation.js';
import { usersRepository, type UserRow } from './users.repository.js';
import { assertCreateWithinScope, assertEditWithinScope, managementScopeOf } from './user-bounds.js';
import { endUserAccess, userSnapshot, wouldLoseLastAdmin } from './user-deactivation.js';

const organizationOf = (actor: Actor) => ({ name: actor.orgName, code: actor.orgCode });
const usernameTaken = () =>
  new AppError('conflict', 'error.usernameTaken', { fields: [{ field: 'username', key: 'validation.invalid' }] });

export const toUser = (row: UserRow): User => ({
  ...row,
  locale: (row.locale === 'en' ? 'en' : 'zh-CN') as Locale,
  createdAt: new Date(row.createdAt).toISOString(),
});

const snapshot = userSnapshot;

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));
const holdsAdmin = (roles: readonly RoleRow[]) => roles.some((r) => r.code === ADMIN_ROLE_CODE);

export function createUsersService({ db }: { db: Db }) {
  async function assertDepartmentExists(executor: Executor, actor: Actor, departmentId: string | null): Promise<void> {
    if (departmentId !== null && !(await departmentsRepository.getById(executor, actor, departmentId))) {
      throw new AppError('validation', 'error.unknownDepartment', {
        fields: [{ field: 'departmentId', key: 'validation.invalid' }],
      });
    }
  }

  /** The manager must be a user of the organization and must not report (indirectly) to the user. */
  async function assertManagerAllowed(
    executor: Executor,
    actor: Actor,
    managerId: string | null,
    userId: string | null,
  ): Promise<void> {
    if (managerId === null) return;
    if (!(await usersRepository.exists(executor, actor, managerId))) {
      throw new AppError('validation', 'error.unknownManager', {
        fields: [{ field: 'managerId', key: 'validation.invalid' }],
      });
    }
    if (userId !== null && (await usersRepository.isInManagerChain(executor, actor, { managerId, userId }))) {
      throw new AppError('business_rule', 'error.managerCycle', {
        fields: [{ field: 'managerId', key: 'validation.invalid' }],
      });
    }
  }

  /** Roles to assign: all of the organization, none giving more than the caller holds (security A8). */
  async function assignableRoles(executor: Executor, actor: Actor, roleIds: readonly string[]): Promise<RoleRow[]> {
    const found = await rolesRepository.findByIds(executor, actor, roleIds);
    if (found.length !== new Set(roleIds).size) {
      throw new AppError('validation', 'error.unknownRole', {
        fields: [{ field: 'roleIds', key: 'validation.invalid' }],
      });
    }
    assertWithinGrants(actor, found);
    return found;
  }

  return {
    async list(actor: Actor, query: UserListQuery): Promise<UserPage> {
      const limit = query.limit ?? 50;
      const rows = await usersRepository.findPage(db, actor, {
        filters: { q: query.q?.trim(), departmentId: query.departmentId, includeDisabled: query.includeDisabled },
        cursor: decodeCursor(query.cursor, 'text'),
        limit: limit + 1,
      });
      const page = keysetPage(rows, { limit, sortValueOf: (row) => row.username.toLowerCase() });
      return { items: page.rows.map(toUser), nextCursor: page.nextCursor };
    },

    /** Anyone signed in may name a colleague to hand work to; only names and departments are shown. */
    async directory(actor: Actor): Promise<ColleagueList> {
      return { items: await usersRepository.findColleagues(db, actor.orgId) };
    },

    async get(actor: Actor, id: string): Promise<User> {
      const row = await usersRepository.getById(db, actor, id);
      if (!row) throw notFound('entity.user');
      return toUser(row);
    },

    /** Which users and departments the caller may manage (the bounds of create and update). */
    async managementScope(actor: Actor): Promise<UserManagementScope> {
      return managementScopeOf(db, actor);
    },

    async create(actor: Actor, body: CreateUserBody): Promise<User> {
      assertAcceptablePassword(body.password, { username: body.username, organization: organizationOf(actor) });
      // Hashing is slow on purpose; it happens before the transaction so that stays short.
      const passwordHash = await hashPassword(body.password);
      const id = newId();
      try {
        return await db.transaction(async (tx) => {
          if (await usersRepository.isUsernameTaken(tx, actor, body.username)) throw usernameTaken();
          await assertDepartmentExists(tx, actor, body.departmentId);
          await assertManagerAllowed(tx, actor, body.managerId ?? null, null);
          await assertCreateWithinScope(tx, actor, {
            departmentId: body.departmentId,
            managerId: body.managerId ?? null,
          });
          await assignableRoles(tx, actor, body.roleIds);
          await usersRepository.insert(tx, {
            orgId: actor.orgId,
            id,
            username: body.username,
            displayName: body.displayName.trim(),
            passwordHash,
            email: body.email ?? null,
            mobile: body.mobile ?? null,
            departmentId: body.departmentId,
            managerId: body.managerId ?? null,
            locale: body.locale ?? 'zh-CN',
          });
          await rolesRepository.replaceUserRoles(tx, actor, id, body.roleIds);
          const created = (await usersRepository.getById(tx, actor, id))!;
          await recordAudit(tx, actor, { action: 'create', entity: 'user', entityId: id, after: snapshot(created) });
          return toUser(created);
        });
      } catch (error) {
        throw isUniqueViolation(error) ? usernameTaken() : error;
      }
    },

    /**
     * Edits a user. The caller must hold everything the user holds (so nobody takes over a
     * stronger account by resetting its password), cannot change their own roles, and cannot
     * leave the organization without an enabled administrator. Disabling the user or resetting
     * their password ends all their sessions at once; disabling also revokes their API tokens.
     */
    async update(actor: Actor, id: string, body: UpdateUserBody): Promise<User> {
      const { version, password, roleIds, ...changes } = body;
      if (password !== undefined) {
        // An unknown id fails below, in the transaction.
        const target = await usersRepository.getById(db, actor, id);
        assertAcceptablePassword(password, { username: target?.username, organization: organizationOf(actor) });
      }
      const passwordHash = password === undefined ? undefined : await hashPassword(password);
      return db.transaction(async (tx) => {
        if (changes.managerId !== undefined || changes.disabled !== undefined || roleIds !== undefined) {
          await usersRepository.lockOrgUsers(tx, actor);
        }
        const before = await usersRepository.lockById(tx, actor, id);
        if (!before) throw notFound('entity.user');
        // Before the version check: an out-of-scope user must look like no user at all.
        await assertEditWithinScope(tx, actor, before, changes);
        if (before.version !== version) throw staleVersion();
        const currentRoles = await rolesRepository.findByIds(tx, actor, before.roleIds);
        assertWithinGrants(actor, currentRoles);

        let nextRoles = currentRoles;
        const rolesChanged = roleIds !== undefined && !sameSet(roleIds, before.roleIds);
        if (rolesChanged) {
          if (id === actor.userId) throw ownRoleError();
          nextRoles = await assignableRoles(tx, actor, roleIds);
        }
        if (changes.departmentId !== undefined && changes.departmentId !== before.departmentId) {
          await assertDepartmentExists(tx, actor, changes.departmentId);
        }
        if (changes.managerId !== undefined && changes.managerId !== before.managerId) {
          await assertManagerAllowed(tx, actor, changes.managerId, id);
        }
        const isDisabling = changes.disabled === true && !before.disabled;
        const losesAdmin = !before.disabled && holdsAdmin(currentRoles) && (isDisabling || !holdsAdmin(nextRoles));
        if (losesAdmin && (await wouldLoseLastAdmin(tx, actor, id))) {
          throw new AppError('business_rule', 'error.lastAdmin');
        }

        const updated = await usersRepository.update(
          tx,
          { orgId: actor.orgId, id, version },
          {
            ...changes,
            ...(changes.displayName === undefined ? {} : { displayName: changes.displayName.trim() }),
            ...(passwordHash === undefined ? {} : { passwordHash, passwordChangedAt: sql`now()` as unknown as Date }),
          },
        );
        if (!updated) throw staleVersion();
        if (rolesChanged) await rolesRepository.replaceUserRoles(tx, actor, id, roleIds);
        if (isDisabling || passwordHash !== undefined)
          await endUserAccess(tx, actor, { userId: id, revokeTokens: isDisabling });
        const after = (await usersRepository.getById(tx, actor, id))!;
        await recordAudit(tx, actor, {
          action: 'update',
          entity: 'user',
          entityId: id,
          before: snapshot(before),
          after: { ...snapshot(after), ...(passwordHash === undefined ? {} : { passwordReset: true }) },
        });
        return toUser(after);
      });
    },
  };
}
export type UsersService = ReturnType<typeof createUsersService>;
