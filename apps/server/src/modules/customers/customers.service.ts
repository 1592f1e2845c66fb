import {
  CUSTOMER_WRITABLE_FIELDS,
  type CreateCustomerBody,
  type Customer,
  type CustomerListQuery,
  type CustomerPage,
  type CustomerWriteResult,
  type UpdateCustomerBody,
} from '@guanxi/contract';
import type { Actor } from '../../platform/auth/actor.js';
import { recordAudit } from '../../platform/audit/audit.js';
import type { Db, Executor } from '../../platform/db/client.js';
import type { EventBus } from '../../platform/events/index.js';
import { newId } from '../../platform/db/ids.js';
import { givenValues, insertValues } from '../../platform/db/shapes.js';
import { softDeletedBy } from '../../platform/db/row-values.js';
import { AppError, notFound, staleVersion } from '../../platform/errors/app-error.js';
import { assertDictionaryValues } from '../dictionaries/index.js';
import { checkCustomFieldValues } from '../custom-fields/index.js';
import { duplicateCheck } from '../duplicates/index.js';
import { assertStageOpenAtCreation } from '../lifecycle/index.js';
import { createOwnershipService } from '../pools/index.js';
import { assertWritableFields, toCustomer } from './customers.fields.js';
import { listCustomerFileRows, listCustomers } from './customers.list.js';
import { customersRepository, type CustomerRow } from './customers.repository.js';
import { assertValidCustomer, cleanCustomerInput, customerDerivedColumns } from './customers.values.js';

/** What a new customer gets for a writable field the body leaves out (null for the rest). */
const CREATE_DEFAULTS = { stage: 'prospect', tags: [] as string[] } as const;

/** The fields whose values come from the organization's dictionaries. */
const dictionaryValuesOf = ({
  source,
  tier,
  industry,
}: Partial<Pick<CustomerRow, 'source' | 'tier' | 'industry'>>) => ({
  source,
  tier,
  industry,
});

/** Audit snapshots leave out derived columns. */
const snapshot = (row: CustomerRow) => {
  const { ownerName: _ownerName, ...rest } = row;
  return rest;
};

export function createCustomersService({ db, events }: { db: Db; events: EventBus }) {
  const ownership = createOwnershipService({ db });
  /**
   * Creating for oneself needs no extra right; giving a customer to anyone else, or changing the
   * owner of an existing one (even to oneself, which would bypass the pool's claim rules), needs
   * `customers.assign`.
   */
  async function assertOwnerAllowed(
    executor: Executor,
    actor: Actor,
    ownerId: string | undefined,
    currentOwnerId: string | null,
  ) {
    if (ownerId === undefined || ownerId === currentOwnerId) return;
    if (!actor.permissions.has('customers.assign')) {
      throw new AppError('validation', 'error.ownerNotAllowed', {
        fields: [{ field: 'ownerId', key: 'validation.invalid' }],
      });
    }
    if (!(await customersRepository.isAssignableOwner(executor, actor, ownerId))) {
      throw new AppError('validation', 'error.unknownOwner', {
        fields: [{ field: 'ownerId', key: 'validation.invalid' }],
      });
    }
  }

  return {
    async list(actor: Actor, query: CustomerListQuery): Promise<CustomerPage> {
      return listCustomers(db, actor, query);
    },

    /** The same list as flat rows for a file (list export): same scope, filters, sort and hidden fields. */
    listFileRows(actor: Actor, query: CustomerListQuery) {
      return listCustomerFileRows(db, actor, query);
    },

    async get(actor: Actor, id: string): Promise<Customer> {
      const row = await customersRepository.getById(db, actor, id);
      if (!row) throw notFound('entity.customer');
      return toCustomer(row, actor);
    },

    /**
     * `carried`: dictionary values the new customer takes over from a record that already holds them
     * (a converted lead's source), accepted even when the entry has been deactivated since.
     */
    async create(
      actor: Actor,
      input: CreateCustomerBody,
      options: { carried?: Pick<CreateCustomerBody, 'source'> } = {},
    ): Promise<CustomerWriteResult> {
      assertWritableFields(actor, input);
      const body = cleanCustomerInput(input);
      assertValidCustomer(body);
      const id = newId();
      const duplicateWarnings = await db.transaction(async (tx) => {
        await assertOwnerAllowed(tx, actor, body.ownerId, actor.userId);
        // Creation never skips a stage approval (lead conversion creates through here too).
        if (body.stage !== undefined) await assertStageOpenAtCreation(tx, actor, body.stage);
        await assertDictionaryValues(tx, {
          orgId: actor.orgId,
          values: dictionaryValuesOf(body),
          previous: options.carried,
        });
        const warnings = await duplicateCheck.customerWrite(tx, actor, body);
        const customFields = await checkCustomFieldValues(tx, actor, {
          entity: 'customer',
          input: body.customFields,
          before: null,
        });
        const customerNo = await customersRepository.nextCustomerNo(tx, actor.orgId);
        const values = {
          orgId: actor.orgId,
          id,
          customerNo,
          ...insertValues(CUSTOMER_WRITABLE_FIELDS, body, CREATE_DEFAULTS),
          customFields,
          ownerId: body.ownerId ?? actor.userId,
          createdBy: actor.userId,
        };
        await customersRepository.insert(tx, { ...values, ...customerDerivedColumns(values) });
        await recordAudit(tx, actor, { action: 'create', entity: 'customer', entityId: id, after: values });
        await events.publish(tx, {
          type: 'customer.created',
          orgId: actor.orgId,
          customerId: id,
          actorId: actor.userId,
          at: new Date(),
        });
        return warnings;
      });
      // Read back through the scope: a clerk who hands the customer to someone outside their
      // scope gets the record once, as created.
      const created = await customersRepository.getById(db, { ...actor, dataScope: 'all' }, id);
      return { ...toCustomer(created!, actor), duplicateWarnings };
    },

    async update(actor: Actor, id: string, body: UpdateCustomerBody): Promise<CustomerWriteResult> {
      const { version, ...input } = body;
      assertWritableFields(actor, input);
      const changes = cleanCustomerInput(input);
      return db.transaction(async (tx) => {
        const before = await customersRepository.lockById(tx, actor, id);
        if (!before || before.deletedAt !== null) throw notFound('entity.customer');
        if (before.version !== version) throw staleVersion();
        await assertDictionaryValues(tx, {
          orgId: actor.orgId,
          values: dictionaryValuesOf(changes),
          previous: dictionaryValuesOf(before),
        });
        await assertOwnerAllowed(tx, actor, changes.ownerId, before.ownerId);
        const { ownerId, customFields: customInput, ...fields } = changes;
        const next = { ...before, ...fields };
        const customFields =
          customInput === undefined
            ? undefined
            : await checkCustomFieldValues(tx, actor, {
                entity: 'customer',
                input: customInput,
                before: before.customFields,
              });
        assertValidCustomer(next);
        // Only values that change are checked: a record is never blocked by an old duplicate.
        const changed = <K extends 'name' | 'phone' | 'email' | 'creditCode'>(key: K) =>
          fields[key] !== undefined && fields[key] !== before[key] ? fields[key] : undefined;
        const duplicateWarnings = await duplicateCheck.customerWrite(tx, actor, {
          excludeId: id,
          name: changed('name'),
          phone: changed('phone'),
          email: changed('email'),
          creditCode: changed('creditCode'),
        });
        const isOwnerChange = ownerId !== undefined && ownerId !== before.ownerId;
        // An owner change is an assignment: the pool's rules, an ownership event (reason `edit`) and its audit entry.
        if (isOwnerChange) await ownership.assignWithin(tx, actor, { id, userId: ownerId, reason: 'edit' });
        if (isOwnerChange && customFields === undefined && Object.values(fields).every((v) => v === undefined)) {
          const assigned = await customersRepository.getById(tx, { ...actor, dataScope: 'all' }, id);
          return { ...toCustomer(assigned!, actor), duplicateWarnings };
        }
        const updated = await customersRepository.update(
          tx,
          { orgId: actor.orgId, id, version: isOwnerChange ? version + 1 : version },
          {
            ...givenValues(CUSTOMER_WRITABLE_FIELDS, fields),
            ...(customFields === undefined ? {} : { customFields }),
            ...customerDerivedColumns(next),
          },
        );
        if (!updated) throw staleVersion();
        const after = await customersRepository.getById(tx, { ...actor, dataScope: 'all' }, id);
        const { searchTokens: _tokens, ...beforeRow } = before;
        await recordAudit(tx, actor, {
          action: 'update',
          entity: 'customer',
          entityId: id,
          before: snapshot(beforeRow),
          after: snapshot(after!),
        });
        return { ...toCustomer(after!, actor), duplicateWarnings };
      });
    },

    /** Soft delete: the record moves to the trash and can be restored whole. */
    async delete(actor: Actor, id: string): Promise<void> {
      await db.transaction(async (tx) => {
        const before = await customersRepository.lockById(tx, actor, id);
        if (!before || before.deletedAt !== null) throw notFound('entity.customer');
        await customersRepository.update(
          tx,
          { orgId: actor.orgId, id, version: before.version },
          softDeletedBy(actor.userId),
        );
        await recordAudit(tx, actor, {
          action: 'delete',
          entity: 'customer',
          entityId: id,
          before: { deletedAt: null },
        });
      });
    },

    async restore(actor: Actor, id: string): Promise<Customer> {
      return db.transaction(async (tx) => {
        const before = await customersRepository.lockById(tx, actor, id);
        if (!before) throw notFound('entity.customer');
        if (before.deletedAt === null) throw new AppError('conflict', 'error.notDeleted');
        await customersRepository.update(
          tx,
          { orgId: actor.orgId, id, version: before.version },
          { deletedAt: null, deletedBy: null },
        );
        const after = await customersRepository.getById(tx, actor, id);
        await recordAudit(tx, actor, {
          action: 'restore',
          entity: 'customer',
          entityId: id,
          before: { deletedAt: before.deletedAt },
          after: { deletedAt: null },
        });
        return toCustomer(after!, actor);
      });
    },
  };
}
export type CustomersService = ReturnType<typeof createCustomersService>;
