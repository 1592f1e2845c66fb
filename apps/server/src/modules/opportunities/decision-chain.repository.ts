import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { contacts, opportunityContacts } from '../../platform/db/schema/index.js';
import { columnsEqual } from '../../platform/db/row-reads.js';

export interface DecisionChainRow {
  contactId: string;
  contactName: string;
  contactTitle: string | null;
  role: string;
  attitude: string;
  remarks: string | null;
}

/** The decision chain of an opportunity; callers check the opportunity's scope first. */
export const decisionChainRepository = {
  async findByOpportunity(db: Executor, orgId: string, opportunityId: string): Promise<DecisionChainRow[]> {
    return db
      .select({
        contactId: opportunityContacts.contactId,
        contactName: contacts.name,
        contactTitle: contacts.title,
        role: opportunityContacts.role,
        attitude: opportunityContacts.attitude,
        remarks: opportunityContacts.remarks,
      })
      .from(opportunityContacts)
      .innerJoin(
        contacts,
        and(eq(contacts.orgId, opportunityContacts.orgId), eq(contacts.id, opportunityContacts.contactId)),
      )
      .where(and(columnsEqual(opportunityContacts, { orgId, opportunityId }), isNull(contacts.deletedAt)))
      .orderBy(asc(opportunityContacts.role), asc(contacts.name));
  },

  /** Of the given ids, those that are live contacts of the customer. */
  async findCustomerContactIds(
    db: Executor,
    options: { orgId: string; customerId: string; contactIds: string[] },
  ): Promise<Set<string>> {
    if (options.contactIds.length === 0) return new Set();
    const { orgId, customerId, contactIds } = options;
    const rows = await db
      .select({ id: contacts.id })
      .from(contacts)
      .where(
        and(
          columnsEqual(contacts, { orgId, customerId }),
          inArray(contacts.id, contactIds),
          isNull(contacts.deletedAt),
        ),
      );
    return new Set(rows.map((r) => r.id));
  },

  async replace(
    db: Executor,
    key: { orgId: string; opportunityId: string },
    rows: (typeof opportunityContacts.$inferInsert)[],
  ): Promise<void> {
    await db
      .delete(opportunityContacts)
      .where(columnsEqual(opportunityContacts, { orgId: key.orgId, opportunityId: key.opportunityId }));
    if (rows.length > 0) await db.insert(opportunityContacts).values(rows);
  },
};
