import { phoneKey } from '@guanxi/contract';
import { sql } from 'drizzle-orm';
import { describe, expect, it, onTestFinished } from 'vitest';
import { queryRows } from '../../platform/db/query.js';
import { postCustomer } from '../../test/customer-requests.js';
import { usePersonas } from '../../test/file-context.js';
import { singleMigrationFolder } from '../../test/single-migration.js';

// Issue 12: the E.164 and extension columns, backfilled from the numbers stored before them.
const { ctx, p } = usePersonas({ customersEach: 0 });

/** Spellings a stored number may have, each with the key the contract's rule gives it. */
const SPELLINGS = [
  '13800138000',
  '021-66668888',
  '02166668888',
  '0755-88889999',
  '+86 21 6666 8888',
  '0086-21-66668888',
  '8613900139000',
  '１３７００１３７０００',
  '+1 650 253 0000',
];

describe('backfilling the E.164 keys', () => {
  it('gives every stored number the key the contract’s rule gives it, so old and new rows match', async () => {
    const db = ctx.database.db;
    const ids: string[] = [];
    for (const [i, phone] of SPELLINGS.entries()) {
      const created = await postCustomer(p.clients.r2, { kind: 'company', name: `旧客户${i}` });
      ids.push(created.json().id);
      await db.execute(sql`update customers set phone = ${phone} where id = ${created.json().id}`);
    }
    const customer = ids[0]!;
    const contact = await p.clients.r2.post('/api/v1/contacts', {
      customerId: customer,
      name: '旧联系人',
      mobile: '13500135000',
    });
    const lead = await p.clients.r2.post('/api/v1/leads', {
      name: '旧线索',
      mobile: '13600136000',
      phone: '010-62345678',
    });
    const oldLexemes = "'p:02166668888' 'r:88886666120'";
    // What the search lexemes of a landline stored as 021-66668888 were: its digits with the trunk 0.
    await db.execute(sql`update customers set search_tokens = ${oldLexemes}::tsvector where id = ${ids[1]!}`);
    // The schema as it was before: no E.164 or extension columns.
    await db.execute(sql`alter table customers drop column phone_e164, drop column phone_ext`);
    await db.execute(sql`alter table contacts drop column mobile_e164`);
    await db.execute(sql`alter table leads drop column mobile_e164, drop column phone_e164, drop column phone_ext`);

    const migration = singleMigrationFolder('20261206215348_phone_e164');
    onTestFinished(() => migration.remove());
    await migration.runAgain(ctx, '__phone_e164_migration_check');

    const customers = await queryRows<{ id: string; e164: string | null; ext: string | null }>(
      db,
      sql`select id, phone_e164 as e164, phone_ext as ext from customers where org_id = ${p.orgId} and phone is not null`,
    );
    const byId = new Map(customers.map((row) => [row.id, row]));
    for (const [i, phone] of SPELLINGS.entries()) {
      expect(byId.get(ids[i]!), phone).toEqual({ id: ids[i], e164: phoneKey(phone), ext: null });
    }
    expect(await queryRows(db, sql`select mobile_e164 as e164 from contacts where id = ${contact.json().id}`)).toEqual([
      { e164: '+8613500135000' },
    ]);
    expect(
      await queryRows(
        db,
        sql`select mobile_e164 as mobile, phone_e164 as phone, phone_ext as ext from leads where id = ${lead.json().id}`,
      ),
    ).toEqual([{ mobile: '+8613600136000', phone: '+861062345678', ext: null }]);

    for (const q of ['2166668888', '02166668888', '8888']) {
      const found = (await p.clients.r2.get(`/api/v1/customers?q=${q}`)).json().items.map((c: { id: string }) => c.id);
      expect(found, q).toContain(ids[1]);
    }
    // A number stored before the migration now blocks the same number written another way.
    const duplicate = await postCustomer(p.clients.r1, { kind: 'company', name: '新客户', phone: '+86 755 8888 9999' });
    expect(duplicate.statusCode).toBe(409);
  });
});
