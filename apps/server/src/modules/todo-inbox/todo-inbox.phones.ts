import { customerFieldAccess, type InboxItem, type InboxSection } from '@guanxi/contract';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.js';
import type { Executor } from '../../platform/db/client.js';
import { contacts, customers } from '../../platform/db/schema/index.js';
import { customerReadScope } from '../../platform/scope/data-scope.js';

/** The customer an item is about: the customer itself, or a task's related customer. */
export const customerIdOf = (item: InboxItem): string | null =>
  item.entity === 'customer'
    ? item.entityId
    : typeof item.params.customerId === 'string' && item.entity === 'task'
      ? item.params.customerId
      : null;

interface PhoneRow {
  id: string;
  phone: string | null;
  phoneE164: string | null;
  phoneExt: string | null;
  contactName: string | null;
  mobile: string | null;
  mobileE164: string | null;
}

/** What a phone dials: the E.164 form where known (an extension after a pause), else the digits as typed. */
function dialString(e164: string | null, typed: string | null, ext: string | null): string | null {
  const base = e164 ?? typed?.replace(/[^\d+]/g, '') ?? '';
  if (base === '') return null;
  return ext ? `${base},${ext}` : base;
}

/**
 * Adds the number to call to every customer item (and task on a customer) the caller may read:
 * the primary contact's mobile, else the customer's own phone. A role that may not see customers'
 * phones gets none (the field permission guards contacts' mobiles too); out-of-scope customers none.
 */
export async function addCustomerPhones(db: Executor, actor: Actor, sections: InboxSection[]): Promise<void> {
  if (customerFieldAccess(actor.fieldPermissions, 'phone') === 'hidden') return;
  const ids = [...new Set(sections.flatMap((s) => s.items.map(customerIdOf)).filter((id) => id !== null))];
  if (ids.length === 0) return;
  const rows = (await db
    .select({
      id: customers.id,
      phone: customers.phone,
      phoneE164: customers.phoneE164,
      phoneExt: customers.phoneExt,
      contactName: contacts.name,
      mobile: contacts.mobile,
      mobileE164: contacts.mobileE164,
    })
    .from(customers)
    .leftJoin(
      contacts,
      and(
        eq(contacts.orgId, customers.orgId),
        eq(contacts.customerId, customers.id),
        eq(contacts.isPrimary, true),
        isNull(contacts.deletedAt),
      ),
    )
    .where(
      and(customerReadScope(actor, customers), inArray(customers.id, ids), isNull(customers.deletedAt)),
    )) as PhoneRow[];
  const byId = new Map(rows.map((r) => [r.id, r]));
  for (const item of sections.flatMap((s) => s.items)) {
    const id = customerIdOf(item);
    const row = id ? byId.get(id) : undefined;
    if (!row) continue;
    const mobileTel = dialString(row.mobileE164, row.mobile, null);
    const phoneTel = dialString(row.phoneE164, row.phone, row.phoneExt);
    if (mobileTel) {
      item.params.phone = row.mobile;
      item.params.tel = mobileTel;
      item.params.contactName = row.contactName;
    } else if (phoneTel) {
      item.params.phone = row.phone;
      item.params.tel = phoneTel;
    }
  }
}
