import type { CreateRoleBody, Role, UpdateRoleBody } from '@guanxi/contract';
import type { Actor } from '../../platform/auth/actor.js';
import { auditTrail, recordAudit } from '../../platform/audit/audit.js';
import type { Db } from '../../platform/db/client.js';
import { newId } from '../../platform/db/ids.js';
import { AppError, notFound, staleVersion } from '../../platform/errors/app-error.js';
import { assertWithinGrants, ownRoleError } from './grants.js';
import { rolesRepository, type RoleRow } from './roles.repository.js';
import { isUniqueViolation } from './unique-violation.js';

const codeTaken = () =>
  new AppError('conflict', 'error.roleCodeTaken', { fields: [{ field: 'code', key: 'validation.invalid' }] });

/** The stored row in the API shape (the columns hold values the schema already checked). */
export const toRole = (row: RoleRow): Role => row as Role;

const snapshot = ({ userCount: _userCount, ...rest }: RoleRow) => rest;

const audit = auditTrail('role', snapshot);

export function createRolesService({ db }: { db: Db }) {
  return {
    async list(actor: Actor): Promise<{ items: Role[] }> {
      return { items: (await rolesRepository.findAll(db, actor)).map(toRole) };
    },

    /** A caller can only create a role that gives no more than they have themselves (security A8). */
    async create(actor: Actor, body: CreateRoleBody): Promise<Role> {
      const values = {
        orgId: actor.orgId,
        id: newId(),
        code: body.code,
        name: body.name.trim(),
        description: body.description ?? '',
        permissions: body.permissions,
        dataScope: body.dataScope,
        fieldPermissions: body.fieldPermissions ?? {},
        builtIn: false,
      };
      assertWithinGrants(actor, [values]);
      try {
        return await db.transaction(async (tx) => {
          if (await rolesRepository.findIdByCode(tx, actor, body.code)) throw codeTaken();
          await rolesRepository.insert(tx, values);
          const created = (await rolesRepository.getById(tx, actor, values.id))!;
          await audit.created(tx, { actor, entityId: values.id, after: created });
          return toRole(created);
        });
      } catch (error) {
        throw isUniqueViolation(error) ? codeTaken() : error;
      }
    },

    /**
     * Nobody edits a role they hold, and the role must stay within the caller's own grants before
     * and after the edit, so a lesser role manager cannot weaken or strengthen a greater role.
     */
    async update(actor: Actor, id: string, body: UpdateRoleBody): Promise<Role> {
      const { version, ...changes } = body;
      return db.transaction(async (tx) => {
        const before = await rolesRepository.lockById(tx, actor, id);
        if (!before) throw notFound('entity.role');
        if (before.version !== version) throw staleVersion();
        if ((await rolesRepository.findIdsOfUser(tx, actor, actor.userId)).includes(id)) throw ownRoleError();
        const next = { ...before, ...changes };
        assertWithinGrants(actor, [before, next]);
        const updated = await rolesRepository.update(
          tx,
          { orgId: actor.orgId, id, version },
          { ...changes, ...(changes.name === undefined ? {} : { name: changes.name.trim() }) },
        );
        if (!updated) throw staleVersion();
        const after = (await rolesRepository.getById(tx, actor, id))!;
        await audit.updated(tx, { actor, entityId: id, before, after });
        return toRole(after);
      });
    },

    /** Built-in roles stay; a role still assigned to someone must be taken off them first. */
    async delete(actor: Actor, id: string): Promise<void> {
      await db.transaction(async (tx) => {
        const before = await rolesRepository.lockById(tx, actor, id);
        if (!before) throw notFound('entity.role');
        if (before.builtIn) throw new AppError('business_rule', 'error.builtInRole');
        if (before.userCount > 0) throw new AppError('conflict', 'error.roleInUse');
        assertWithinGrants(actor, [before]);
        await rolesRepository.delete(tx, actor, id);
        await recordAudit(tx, actor, { action: 'delete', entity: 'role', entityId: id, before: snapshot(before) });
      });
    },
  };
}
export type RolesService = ReturnType<typeof createRolesService>;
