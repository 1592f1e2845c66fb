import { CUSTOMER_WRITABLE_FIELDS, type CreateCustomerBody } from '@guanxi/contract';
import type { Actor } from '../../platform/auth/actor.js';
import type { Executor } from '../../platform/db/client.js';
import { newId } from '../../platform/db/ids.js';
import { insertValues } from '../../platform/db/shapes.js';
import type { EventBus } from '../../platform/events/index.js';
import { invalidField } from '../../platform/errors/app-error.js';
import { duplicateCheck } from '../duplicates/index.js';
import { assertStageOpenAtCreation } from '../lifecycle/index.js';
import { assertWritableFields } from './customers.fields.js';
import { customersRepository } from './customers.repository.js';
import { assertValidCustomer, cleanCustomerInput, customerDerivedColumns } from './customers.values.js';

/**
 * Creates a customer for an import in the caller's transaction, by the rules of a hand-made one:
 * the importer's field permissions, the kind's fields, the credit code check, the blocking duplicate
 * check (same phone, email or credit code → 409 naming the field), a customer number from the
 * sequence, search tokens, and `customer.created` (the lifecycle's first transition). The owner is
 * the importer unless given (an import chooses owners by the engine's rules). The creation is
 * covered by the import's audit entry, so none is written per customer.
 */
export async function insertImportedCustomer(
  tx: Executor,
  context: { actor: Actor; events: EventBus; now: Date },
  input: CreateCustomerBody & { externalId?: string | null },
): Promise<{ id: string; customerNo: string }> {
  const { actor } = context;
  const { externalId, ...fields } = input;
  assertWritableFields(actor, fields);
  const body = cleanCustomerInput(fields);
  assertValidCustomer(body);
  // Giving a customer to someone else needs the assign right and an owner in reach, as by hand.
  if (body.ownerId !== undefined && body.ownerId !== actor.userId) {
    if (
      !actor.permissions.has('customers.assign') ||
      !(await customersRepository.isAssignableOwner(tx, actor, body.ownerId))
    )
      throw invalidField('ownerId', 'validation.invalid');
  }
  if (body.stage !== undefined) await assertStageOpenAtCreation(tx, actor, body.stage);
  await duplicateCheck.customerWrite(tx, actor, body);
  const id = newId();
  const customerNo = await customersRepository.nextCustomerNo(tx, actor.orgId);
  const values = {
    orgId: actor.orgId,
    id,
    customerNo,
    ...insertValues(CUSTOMER_WRITABLE_FIELDS, body, { stage: 'prospect', tags: [] as string[] }),
    ownerId: body.ownerId ?? actor.userId,
    createdBy: actor.userId,
    externalId: externalId ?? null,
  };
  await customersRepository.insert(tx, { ...values, ...customerDerivedColumns(values) });
  await context.events.publish(tx, {
    type: 'customer.created',
    orgId: actor.orgId,
    customerId: id,
    actorId: actor.userId,
    at: context.now,
  });
  return { id, customerNo };
}
