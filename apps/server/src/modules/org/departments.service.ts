import type {
  CreateDepartmentBody,
  Department,
  DepartmentManagementScope,
  UpdateDepartmentBody,
} from '@guanxi/contract';
import type { Actor } from '../../platform/auth/actor.js';
import { auditTrail } from '../../platform/audit/audit.js';
import type { Db, Executor } from '../../platform/db/client.js';
import { newId } from '../../platform/db/ids.js';
import { AppError, notFound, staleVersion } from '../../platform/errors/app-error.js';
import {
  assertCreateDepartmentWithinScope,
  assertDepartmentWithinScope,
  assertMayChangeDepartments,
  assertMoveDepartmentWithinScope,
  departmentManagementScopeOf,
} from './department-bounds.js';
import { departmentsRepository, type DepartmentRow } from './departments.repository.js';

const unknownParent = () =>
  new AppError('validation', 'error.unknownDepartment', { fields: [{ field: 'parentId', key: 'validation.invalid' }] });

/** Audit snapshots leave out the derived user count. */
const snapshot = ({ userCount: _userCount, ...rest }: DepartmentRow) => rest;

const audit = auditTrail('department', snapshot);

export function createDepartmentsService({ db }: { db: Db }) {
  async function assertParentExists(executor: Executor, actor: Actor, parentId: string | null): Promise<void> {
    if (parentId !== null && !(await departmentsRepository.getById(executor, actor, parentId))) throw unknownParent();
  }

  return {
    /** The whole tree as a flat list; clients build the tree from `parentId`. */
    async list(actor: Actor): Promise<{ items: Department[] }> {
      return { items: await departmentsRepository.findAll(db, actor) };
    },

    /** What the caller may change, for the web app (department-bounds.ts holds the rule). */
    async managementScope(actor: Actor): Promise<DepartmentManagementScope> {
      return departmentManagementScopeOf(db, actor);
    },

    async create(actor: Actor, body: CreateDepartmentBody): Promise<Department> {
      const id = newId();
      return db.transaction(async (tx) => {
        await assertParentExists(tx, actor, body.parentId);
        await assertCreateDepartmentWithinScope(tx, actor, body.parentId);
        const values = {
          orgId: actor.orgId,
          id,
          name: body.name.trim(),
          parentId: body.parentId,
          sortOrder: body.sortOrder ?? 0,
        };
        await departmentsRepository.insert(tx, values);
        const created = (await departmentsRepository.getById(tx, actor, id))!;
        await audit.created(tx, { actor, entityId: id, after: created });
        return created;
      });
    },

    /** Renames, reorders or moves a department; a move may not put it under itself. */
    async update(actor: Actor, id: string, body: UpdateDepartmentBody): Promise<Department> {
      const { version, ...changes } = body;
      assertMayChangeDepartments(actor);
      return db.transaction(async (tx) => {
        const isMove = changes.parentId !== undefined;
        // Every move takes the lock first, so the scope and cycle checks below see a settled tree.
        if (isMove) await departmentsRepository.lockTree(tx, actor);
        const before = await departmentsRepository.lockById(tx, actor, id);
        if (!before) throw notFound('entity.department');
        await assertDepartmentWithinScope(tx, actor, id);
        if (before.version !== version) throw staleVersion();
        const newParentId = changes.parentId;
        if (newParentId !== undefined && newParentId !== before.parentId) {
          await assertParentExists(tx, actor, newParentId);
          await assertMoveDepartmentWithinScope(tx, actor, { departmentId: id, parentId: newParentId });
          if (
            newParentId !== null &&
            (await departmentsRepository.isSelfOrDescendant(tx, actor, { departmentId: id, candidateId: newParentId }))
          ) {
            throw new AppError('business_rule', 'error.departmentCycle', {
              fields: [{ field: 'parentId', key: 'validation.invalid' }],
            });
          }
        }
        const updated = await departmentsRepository.update(
          tx,
          { orgId: actor.orgId, id, version },
          { ...changes, ...(changes.name === undefined ? {} : { name: changes.name.trim() }) },
        );
        if (!updated) throw staleVersion();
        const after = (await departmentsRepository.getById(tx, actor, id))!;
        await audit.updated(tx, { actor, entityId: id, before, after });
        return after;
      });
    },

    /** Only an empty department can go: users and sub-departments must be moved first. */
    async delete(actor: Actor, id: string): Promise<void> {
      assertMayChangeDepartments(actor);
      await db.transaction(async (tx) => {
        const before = await departmentsRepository.lockById(tx, actor, id);
        if (!before) throw notFound('entity.department');
        await assertDepartmentWithinScope(tx, actor, id);
        if (before.userCount > 0 || (await departmentsRepository.hasChildren(tx, actor, id))) {
          throw new AppError('conflict', 'error.departmentNotEmpty');
        }
        await departmentsRepository.delete(tx, actor, id);
        await audit.deleted(tx, { actor, entityId: id, before });
      });
    },
  };
}
export type DepartmentsService = ReturnType<typeof createDepartmentsService>;
