import type { CustomFieldEntity, FieldAccess, Permission } from '@guanxi/contract';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db/query.js';
import type { Client } from '../../test/test-app.js';
import { usePersonas } from '../../test/file-context.js';
import { orderFixtures as fx } from '../../test/order-fixtures.js';

// Custom fields (issue 14) on contacts, opportunities and orders: the same rules as on customers.
const { ctx, p } = usePersonas({ customersEach: 1 });

const auditOf = (entityId: string) =>
  queryRows<{ action: string; before: Record<string, unknown> | null; after: Record<string, unknown> | null }>(
    ctx.database.db,
    sql`select action, before, after from audit_log where entity_id = ${entityId} order by at, id`,
  );

/** A select "级别" (gold/silver) and a text "备注二" on the record type. */
async function defineFields(entity: CustomFieldEntity) {
  const level = await p.clients.admin.post('/api/v1/custom-fields', {
    entity,
    key: 'level',
    label: '级别',
    labelEn: 'Level',
    type: 'select',
    options: [
      { value: 'gold', label: '金牌', labelEn: 'Gold', active: true },
      { value: 'silver', label: '银牌', labelEn: 'Silver', active: true },
    ],
  });
  expect(level.statusCode).toBe(201);
  const secret = await p.clients.admin.post('/api/v1/custom-fields', {
    entity,
    key: 'secret',
    label: '内部备注',
    type: 'text',
  });
  expect(secret.statusCode).toBe(201);
}

/** A user whose role sees the record type but not its `secret` field. */
async function limitedClient(entity: CustomFieldEntity, permissions: Permission[]): Promise<Client> {
  const role = await ctx.createRole(p.orgId, {
    code: `cf_${entity}_limited`,
    permissions,
    dataScope: 'all',
    fieldPermissions: { [`custom.${entity}.secret`]: 'hidden' } as Record<string, FieldAccess>,
  });
  const user = await ctx.createUser({ orgId: p.orgId, roleIds: [role], departmentId: p.departments.office });
  return ctx.login(user);
}

describe('custom fields on contacts', () => {
  beforeAll(() => defineFields('contact'));

  it('a contact keeps its values, shown again on read; an edit changes only the keys sent; audited', async () => {
    const created = await p.clients.r1.post('/api/v1/contacts', {
      customerId: p.customers.r1[0]!,
      name: '字段联系人',
      customFields: { level: 'gold', secret: ' 爱喝茶 ' },
    });
    expect(created.statusCode).toBe(201);
    const contact = created.json();
    expect(contact.customFields).toEqual({ level: 'gold', secret: '爱喝茶' });
    expect((await p.clients.r1.get(`/api/v1/contacts/${contact.id}`)).json().customFields).toEqual({
      level: 'gold',
      secret: '爱喝茶',
    });
    const updated = await p.clients.r1.patch(`/api/v1/contacts/${contact.id}`, {
      customFields: { level: 'silver' },
      version: contact.version,
    });
    expect(updated.statusCode).toBe(200);
    expect(updated.json().customFields).toEqual({ level: 'silver', secret: '爱喝茶' });
    const audit = await auditOf(contact.id);
    expect(audit[0]!.after).toMatchObject({ customFields: { level: 'gold', secret: '爱喝茶' } });
    expect(audit[1]).toMatchObject({
      action: 'update',
      before: { customFields: { level: 'gold', secret: '爱喝茶' } },
      after: { customFields: { level: 'silver', secret: '爱喝茶' } },
    });
  });

  it('a value that is not an option is refused naming the field, and nothing is written', async () => {
    const refused = await p.clients.r1.post('/api/v1/contacts', {
      customerId: p.customers.r1[0]!,
      name: '错选项联系人',
      customFields: { level: 'bronze' },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.fields).toEqual([{ field: 'customFields.level', message: '级别不是该字段的可选项' }]);
    const found = await p.clients.r1.get(`/api/v1/contacts?q=${encodeURIComponent('错选项联系人')}`);
    expect(found.json().items).toEqual([]);
  });

  it('a role that hides a field never sees it on the contact', async () => {
    const client = await limitedClient('contact', [
      'customers.view',
      'customers.edit',
      'contacts.view',
      'contacts.edit',
    ]);
    const contact = (
      await p.clients.r1.post('/api/v1/contacts', {
        customerId: p.customers.r1[0]!,
        name: '隐藏字段联系人',
        customFields: { level: 'gold', secret: '秘密' },
      })
    ).json();
    expect((await client.get(`/api/v1/contacts/${contact.id}`)).json().customFields).toEqual({ level: 'gold' });
    const listed = (await client.get(`/api/v1/customers/${p.customers.r1[0]!}/contacts`))
      .json()
      .items.find((c: { id: string }) => c.id === contact.id);
    expect(listed.customFields).toEqual({ level: 'gold' });
    const write = await client.patch(`/api/v1/contacts/${contact.id}`, {
      customFields: { secret: '改' },
      version: contact.version,
    });
    expect(write.statusCode).toBe(400);
    expect(write.json().error.fields[0].field).toBe('customFields.secret');
  });
});

describe('custom fields on opportunities', () => {
  beforeAll(() => defineFields('opportunity'));
  const open = (name: string, customFields: Record<string, unknown>) =>
    p.clients.r1.post('/api/v1/opportunities', {
      customerId: p.customers.r1[0]!,
      name,
      amountFen: 100000,
      customFields,
    });

  it('an opportunity keeps its values, shown again on read; an edit changes only the keys sent; audited', async () => {
    const created = await open('字段商机', { level: 'gold', secret: '底价' });
    expect(created.statusCode).toBe(201);
    const opportunity = created.json();
    expect(opportunity.customFields).toEqual({ level: 'gold', secret: '底价' });
    const updated = await p.clients.r1.patch(`/api/v1/opportunities/${opportunity.id}`, {
      customFields: { level: 'silver' },
      version: opportunity.version,
    });
    expect(updated.statusCode).toBe(200);
    expect(updated.json().customFields).toEqual({ level: 'silver', secret: '底价' });
    expect((await p.clients.r1.get(`/api/v1/opportunities/${opportunity.id}`)).json().customFields).toEqual({
      level: 'silver',
      secret: '底价',
    });
    const audit = await auditOf(opportunity.id);
    expect(audit[0]!.after).toMatchObject({ customFields: { level: 'gold', secret: '底价' } });
    expect(audit.at(-1)).toMatchObject({
      action: 'update',
      before: { customFields: { level: 'gold', secret: '底价' } },
      after: { customFields: { level: 'silver', secret: '底价' } },
    });
  });

  it('a value that is not an option is refused naming the field, and nothing is written', async () => {
    const refused = await open('错选项商机', { level: 'bronze' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.fields).toEqual([{ field: 'customFields.level', message: '级别不是该字段的可选项' }]);
    const found = await p.clients.r1.get(`/api/v1/opportunities?q=${encodeURIComponent('错选项商机')}`);
    expect(found.json().items).toEqual([]);
  });

  it('a role that hides a field never sees it on the opportunity', async () => {
    const client = await limitedClient('opportunity', ['customers.view', 'opportunities.view', 'opportunities.edit']);
    const opportunity = (await open('隐藏字段商机', { level: 'gold', secret: '秘密' })).json();
    expect((await client.get(`/api/v1/opportunities/${opportunity.id}`)).json().customFields).toEqual({
      level: 'gold',
    });
    const listed = (await client.get(`/api/v1/opportunities?customerId=${p.customers.r1[0]!}`))
      .json()
      .items.find((o: { id: string }) => o.id === opportunity.id);
    expect(listed.customFields).toEqual({ level: 'gold' });
  });
});

describe('custom fields on orders', () => {
  let productId: string;
  beforeAll(async () => {
    await defineFields('order');
    await fx.warehouse(ctx.database.db, p.orgId);
    productId = await fx.product(ctx.database.db, p.orgId, { listPriceFen: 10_000, costPriceFen: 6_000 });
  });
  const draft = (customFields: Record<string, unknown>) =>
    p.clients.r1.post('/api/v1/orders', {
      customerId: p.customers.r1[0]!,
      lines: [{ productId, quantity: 1 }],
      customFields,
    });

  it('an order keeps its values, shown again on read; an edit changes only the keys sent; audited', async () => {
    const created = await draft({ level: 'gold', secret: '加急' });
    expect(created.statusCode).toBe(201);
    const order = created.json();
    expect(order.customFields).toEqual({ level: 'gold', secret: '加急' });
    const updated = await p.clients.r1.patch(`/api/v1/orders/${order.id}`, {
      customFields: { level: 'silver' },
      version: order.version,
    });
    expect(updated.statusCode).toBe(200);
    expect(updated.json().customFields).toEqual({ level: 'silver', secret: '加急' });
    expect((await p.clients.r1.get(`/api/v1/orders/${order.id}`)).json().customFields).toEqual({
      level: 'silver',
      secret: '加急',
    });
    const audit = await auditOf(order.id);
    expect(audit[0]!.after).toMatchObject({ customFields: { level: 'gold', secret: '加急' } });
    expect(audit.at(-1)).toMatchObject({
      action: 'update',
      before: { customFields: { level: 'gold', secret: '加急' } },
      after: { customFields: { level: 'silver', secret: '加急' } },
    });
  });

  it('a value that is not an option is refused naming the field, and nothing is written', async () => {
    const customerId = p.customers.r1[0]!;
    const before = (await p.clients.r1.get(`/api/v1/orders?customerId=${customerId}`)).json().items.length;
    const refused = await draft({ level: 'bronze' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.fields).toEqual([{ field: 'customFields.level', message: '级别不是该字段的可选项' }]);
    expect((await p.clients.r1.get(`/api/v1/orders?customerId=${customerId}`)).json().items).toHaveLength(before);
  });

  it('a role that hides a field never sees it on the order', async () => {
    const client = await limitedClient('order', ['customers.view', 'orders.view']);
    const order = (await draft({ level: 'gold', secret: '秘密' })).json();
    expect((await client.get(`/api/v1/orders/${order.id}`)).json().customFields).toEqual({ level: 'gold' });
  });
});
