import {
  CONTACT_WRITABLE_FIELDS,
  type Contact,
  type ContactListQuery,
  type ContactPage,
  type ContactWriteResult,
  type CreateContactBody,
  type UpdateContactBody,
} from '@guanxi/contract';
import { sql } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.js';
import { recordAudit } from '../../platform/audit/audit.js';
import type { Db } from '../../platform/db/client.js';
import { newId } from '../../platform/db/ids.js';
import { givenValues, insertValues } from '../../platform/db/shapes.js';
import { AppError, invalidField, notFound, staleVersion } from '../../platform/errors/app-error.js';
import { decodeCursor, keysetPage } from '../../platform/pagination.js';
import { buildSearchQuery } from '../../platform/search/search-tokens.js';
import { findReadableCustomer } from '../customers/index.js';
import { checkCustomFieldValues } from '../custom-fields/index.js';
import { duplicateCheck } from '../duplicates/index.js';
import { lockContact, lockEditableCustomer } from './contacts.access.js';
import { assertWritableContactFields, contactFieldAccess, toContact } from './contacts.fields.js';
import { primaryContacts } from './contacts.primary.js';
import { contactsRepository, type ContactFilters } from './contacts.repository.js';
import { contactDerivedColumns } from './contacts.values.js';

/** A customer shows at most this many contacts on its contacts tab. */
const CUSTOMER_CONTACTS_LIMIT = 200;

export function createContactsService({ db }: { db: Db }) {
  const readBack = async (actor: Actor, id: string): Promise<Contact> => {
    const row = await contactsRepository.getById(db, actor, id, { includeDeleted: true });
    if (!row) throw notFound('entity.contact');
    return toContact(row, actor);
  };

  return {
    async list(actor: Actor, query: ContactListQuery): Promise<ContactPage> {
      const limit = query.limit ?? 50;
      const filters: ContactFilters = {
        customerId: query.customerId,
        isDecisionMaker: query.isDecisionMaker,
        deleted: query.deleted,
      };
      if (query.q !== undefined) {
        const searchQuery = buildSearchQuery(query.q, {
          phone: contactFieldAccess(actor, 'mobile') !== 'hidden',
          email: contactFieldAccess(actor, 'email') !== 'hidden',
        });
        if (searchQuery === null) return { items: [], nextCursor: null };
        filters.searchQuery = searchQuery;
      }
      const cursor = decodeCursor(query.cursor, 'timestamp');
      const page = await contactsRepository.findPage(db, actor, { filters, cursor, limit: limit + 1 });
      const { rows, nextCursor } = keysetPage(page.rows, { limit, sortValueOf: (_, i) => page.sortValues[i] ?? null });
      return { items: rows.map((r) => toContact(r, actor)), nextCursor };
    },

    /** The contacts tab of a customer; an invisible customer answers 404. */
    async listForCustomer(actor: Actor, customerId: string): Promise<ContactPage> {
      if (!(await findReadableCustomer(db, actor, customerId))) throw notFound('entity.customer');
      const rows = await contactsRepository.findByCustomer(db, actor, customerId, CUSTOMER_CONTACTS_LIMIT);
      return {
        items: rows.map((r) => toContact(r, actor)),
        nextCursor: null,
        total: rows.length,
        totalIsEstimate: false,
      };
    },

    async get(actor: Actor, id: string): Promise<Contact> {
      const row = await contactsRepository.getById(db, actor, id);
      if (!row) throw notFound('entity.contact');
      return toContact(row, actor);
    },

    async create(actor: Actor, body: CreateContactBody): Promise<ContactWriteResult> {
      assertWritableContactFields(actor, body);
      const id = newId();
      const name = body.name.trim();
      if (name === '') throw invalidField('name', 'validation.required');
      const duplicateWarnings = await db.transaction(async (tx) => {
        await lockEditableCustomer(tx, actor, body.customerId);
        const customFields = await checkCustomFieldValues(tx, actor, {
          entity: 'contact',
          input: body.customFields,
          before: null,
        });
        const warnings = await duplicateCheck.contactWrite(tx, actor, {
          customerId: body.customerId,
          name,
          mobile: body.mobile,
          email: body.email,
        });
        const isPrimary = await primaryContacts.resolveOnJoin(tx, actor, {
          customerId: body.customerId,
          contactId: id,
          wantsPrimary: body.isPrimary ?? false,
        });
        const values = {
          orgId: actor.orgId,
          id,
          ...insertValues(CONTACT_WRITABLE_FIELDS, { ...body, name, isPrimary }, { isDecisionMaker: false }),
          customFields,
          createdBy: actor.userId,
        };
        await contactsRepository.insert(tx, { ...values, ...contactDerivedColumns(values) });
        await recordAudit(tx, actor, { action: 'create', entity: 'contact', entityId: id, after: values });
        return warnings;
      });
      return { ...(await readBack(actor, id)), duplicateWarnings };
    },

    async update(actor: Actor, id: string, body: UpdateContactBody): Promise<ContactWriteResult> {
      const { version, customFields: customInput, ...input } = body;
      assertWritableContactFields(actor, input);
      const changes = { ...input, ...(input.name === undefined ? {} : { name: input.name.trim() }) };
      if (changes.name === '') throw invalidField('name', 'validation.required');
      const duplicateWarnings = await db.transaction(async (tx) => {
        const before = await lockContact(tx, actor, id, { deleted: false, alsoCustomerId: changes.customerId });
        if (before.version !== version) throw staleVersion();
        const customFields =
          customInput === undefined
            ? undefined
            : await checkCustomFieldValues(tx, actor, {
                entity: 'contact',
                input: customInput,
                before: before.customFields,
              });
        const customerId = changes.customerId ?? before.customerId;
        const moving = customerId !== before.customerId;
        const changed = <K extends 'name' | 'mobile' | 'email'>(key: K) =>
          changes[key] !== undefined && changes[key] !== before[key] ? changes[key] : undefined;
        const warnings = await duplicateCheck.contactWrite(tx, actor, {
          excludeId: id,
          customerId,
          name: moving ? (changes.name ?? before.name) : changed('name'),
          mobile: changed('mobile'),
          email: changed('email'),
        });
        let isPrimary = before.isPrimary;
        if (moving) {
          isPrimary = await primaryContacts.resolveOnJoin(tx, actor, {
            customerId,
            contactId: id,
            wantsPrimary: changes.isPrimary ?? false,
          });
        } else if (changes.isPrimary === true && !before.isPrimary) {
          isPrimary = await primaryContacts.resolveOnJoin(tx, actor, { customerId, contactId: id, wantsPrimary: true });
        } else if (changes.isPrimary === false && before.isPrimary) {
          throw new AppError('business_rule', 'error.primaryContactRequired', {
            fields: [{ field: 'isPrimary', key: 'validation.invalid' }],
          });
        }
        const next = { ...before, ...changes, isPrimary };
        const updated = await contactsRepository.update(
          tx,
          { orgId: actor.orgId, id, version },
          {
            ...givenValues(CONTACT_WRITABLE_FIELDS, changes),
            ...(customFields === undefined ? {} : { customFields }),
            isPrimary,
            ...contactDerivedColumns(next),
          },
        );
        if (!updated) throw staleVersion();
        if (moving && before.isPrimary)
          await primaryContacts.promoteAfterLeave(tx, actor, { customerId: before.customerId, contactId: id });
        const { customerName: _before, ...beforeRow } = before;
        const { customerName: _after, ...afterRow } = (await contactsRepository.getById(
          tx,
          { ...actor, dataScope: 'all' },
          id,
        ))!;
        await recordAudit(tx, actor, {
          action: 'update',
          entity: 'contact',
          entityId: id,
          before: beforeRow,
          after: afterRow,
        });
        return warnings;
      });
      return { ...(await readBack(actor, id)), duplicateWarnings };
    },

    /** Soft delete: the contact moves to the trash; a deleted primary hands over to the next contact. */
    async delete(actor: Actor, id: string): Promise<void> {
      await db.transaction(async (tx) => {
        const before = await lockContact(tx, actor, id, { deleted: false });
        const deletedAt = sql`now()` as unknown as Date;
        await contactsRepository.update(
          tx,
          { orgId: actor.orgId, id, version: before.version },
          { deletedAt, deletedBy: actor.userId, isPrimary: false },
        );
        if (before.isPrimary)
          await primaryContacts.promoteAfterLeave(tx, actor, { customerId: before.customerId, contactId: id });
        await recordAudit(tx, actor, {
          action: 'delete',
          entity: 'contact',
          entityId: id,
          before: { deletedAt: null, isPrimary: before.isPrimary },
        });
      });
    },

    /** Restores a contact whole; it is primary again only if its customer has no primary now. */
    async restore(actor: Actor, id: string): Promise<Contact> {
      await db.transaction(async (tx) => {
        const before = await lockContact(tx, actor, id, { deleted: true });
        const isPrimary = await primaryContacts.resolveOnJoin(tx, actor, {
          customerId: before.customerId,
          contactId: id,
          wantsPrimary: false,
        });
        await contactsRepository.update(
          tx,
          { orgId: actor.orgId, id, version: before.version },
          { deletedAt: null, deletedBy: null, isPrimary },
        );
        await recordAudit(tx, actor, {
          action: 'restore',
          entity: 'contact',
          entityId: id,
          before: { deletedAt: before.deletedAt },
          after: { deletedAt: null, isPrimary },
        });
      });
      return readBack(actor, id);
    },
  };
}
export type ContactsService = ReturnType<typeof createContactsService>;
