import type { FieldAccess } from '@guanxi/contract';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db/query.js';
import { columnOf, csvRows } from '../../test/export-files.js';
import { usePersonas } from '../../test/file-context.js';

const { ctx, p } = usePersonas({ customersEach: 1 });

const auditOf = (entityId: string) =>
  queryRows<{ action: string; before: Record<string, unknown> | null; after: Record<string, unknown> | null }>(
    ctx.database.db,
    sql`select action, before, after from audit_log where entity_id = ${entityId} order by at, id`,
  );

let grade: { id: string; key: string; version: number };

beforeAll(async () => {
  const created = await p.clients.admin.post('/api/v1/custom-fields', {
    entity: 'customer',
    label: '客户等级',
    labelEn: 'Grade',
    type: 'select',
    required: true,
    showInList: true,
    options: [
      { value: 'gold', label: '金牌', labelEn: 'Gold', active: true },
      { value: 'silver', label: '银牌', labelEn: 'Silver', active: true },
      { value: 'old', label: '旧等级', labelEn: 'Old', active: false },
    ],
  });
  expect(created.statusCode).toBe(201);
  grade = created.json();
  const text = await p.clients.admin.post('/api/v1/custom-fields', {
    entity: 'customer',
    key: 'tea',
    label: '喜好的茶',
    type: 'text',
  });
  expect(text.statusCode).toBe(201);
  expect(text.json().key).toBe('tea');
});

describe('custom field definitions', () => {
  it('an administrator adds a field; its key comes from the label; the change is audited', async () => {
    expect(grade).toMatchObject({ entity: 'customer', key: 'ke_hu_deng_ji', type: 'select', required: true });
    const audit = await auditOf(grade.id);
    expect(audit).toEqual([expect.objectContaining({ action: 'create' })]);
    expect(audit[0]!.after).toMatchObject({ label: '客户等级', type: 'select' });
  });

  it('a salesperson reads the definitions but may not add one', async () => {
    const list = await p.clients.r1.get('/api/v1/custom-fields?entity=customer');
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((f: { key: string }) => f.key)).toEqual(expect.arrayContaining([grade.key, 'tea']));
    const refused = await p.clients.r1.post('/api/v1/custom-fields', { entity: 'customer', label: 'x', type: 'text' });
    expect(refused.statusCode).toBe(403);
    // A role that sees no customers sees no customer fields either.
    const role = await ctx.createRole(p.orgId, {
      code: 'cf_products',
      permissions: ['products.view'],
      dataScope: 'own',
    });
    const user = await ctx.createUser({ orgId: p.orgId, roleIds: [role], departmentId: p.departments.office });
    expect((await (await ctx.login(user)).get('/api/v1/custom-fields?entity=customer')).json().items).toEqual([]);
  });

  it('a select needs options, and an option in use is deactivated rather than removed', async () => {
    const none = await p.clients.admin.post('/api/v1/custom-fields', {
      entity: 'customer',
      label: '空',
      type: 'select',
    });
    expect(none.statusCode).toBe(400);
    expect(none.json().error.fields[0].field).toBe('options');
    const removed = await p.clients.admin.patch(`/api/v1/custom-fields/${grade.id}`, {
      options: [{ value: 'gold', label: '金牌', labelEn: 'Gold', active: true }],
      version: grade.version,
    });
    expect(removed.statusCode).toBe(400);
  });
});

describe('custom field values on customers', () => {
  it('a customer is created with its values, read back, audited and found by a filter', async () => {
    const created = await p.clients.r1.post('/api/v1/customers', {
      kind: 'company',
      name: '自定义字段甲公司',
      customFields: { [grade.key]: 'gold', tea: ' 龙井 ' },
    });
    expect(created.statusCode).toBe(201);
    const customer = created.json();
    expect(customer.customFields).toEqual({ [grade.key]: 'gold', tea: '龙井' });
    const audit = await auditOf(customer.id);
    expect(audit[0]!.after).toMatchObject({ customFields: { [grade.key]: 'gold', tea: '龙井' } });

    const byGrade = await p.clients.r1.get(`/api/v1/customers?cf=${grade.key}:gold`);
    expect(byGrade.json().items.map((c: { id: string }) => c.id)).toEqual([customer.id]);
    const byTea = await p.clients.r1.get(`/api/v1/customers?cf=${encodeURIComponent('tea:龙')}`);
    expect(byTea.json().items.map((c: { id: string }) => c.id)).toEqual([customer.id]);
    expect((await p.clients.r1.get(`/api/v1/customers?cf=${grade.key}:silver`)).json().items).toEqual([]);
    // Out of scope: another salesperson's filter finds nothing of r1's.
    expect((await p.clients.r3.get(`/api/v1/customers?cf=${grade.key}:gold`)).json().items).toEqual([]);
    expect((await p.clients.r1.get('/api/v1/customers?cf=nosuch:x')).statusCode).toBe(400);
  });

  it('an update changes only the sent keys, with before and after in the audit log', async () => {
    const customer = (
      await p.clients.r1.post('/api/v1/customers', {
        kind: 'company',
        name: '自定义字段乙公司',
        customFields: { [grade.key]: 'gold', tea: '普洱' },
      })
    ).json();
    const updated = await p.clients.r1.patch(`/api/v1/customers/${customer.id}`, {
      customFields: { [grade.key]: 'silver' },
      version: customer.version,
    });
    expect(updated.statusCode).toBe(200);
    expect(updated.json().customFields).toEqual({ [grade.key]: 'silver', tea: '普洱' });
    const audit = await auditOf(customer.id);
    expect(audit.at(-1)).toMatchObject({
      action: 'update',
      before: { customFields: { [grade.key]: 'gold', tea: '普洱' } },
      after: { customFields: { [grade.key]: 'silver', tea: '普洱' } },
    });
  });

  it('bad values answer 400 naming each field by its label, in Chinese and English; nothing is written', async () => {
    const before = (await queryRows<{ n: number }>(ctx.database.db, sql`select count(*)::int as n from customers`))[0]!
      .n;
    const zh = await p.clients.r1.post('/api/v1/customers', {
      kind: 'company',
      name: '自定义字段错误公司',
      customFields: { [grade.key]: 'old', nosuch: 'x' },
    });
    expect(zh.statusCode).toBe(400);
    expect(zh.json().error.fields).toEqual([
      { field: `customFields.${grade.key}`, message: '客户等级不是该字段的可选项' },
      { field: 'customFields.nosuch', message: expect.stringContaining('不是可接受的字段') },
    ]);
    expect((await p.clients.r2.patch('/api/v1/auth/me', { locale: 'en' })).statusCode).toBe(200);
    const en = await p.clients.r2.post('/api/v1/customers', { kind: 'company', name: '自定义字段错误公司' });
    await p.clients.r2.patch('/api/v1/auth/me', { locale: 'zh-CN' });
    expect(en.statusCode).toBe(400);
    expect(en.json().error.fields).toEqual([{ field: `customFields.${grade.key}`, message: 'Grade is required' }]);
    const after = (await queryRows<{ n: number }>(ctx.database.db, sql`select count(*)::int as n from customers`))[0]!
      .n;
    expect(after).toBe(before);
  });

  it('amounts, numbers, dates and multiple choices are stored as they are typed', async () => {
    const add = (body: object) => p.clients.admin.post('/api/v1/custom-fields', { entity: 'customer', ...body });
    for (const body of [
      { key: 'budget', label: '预算', type: 'money' },
      { key: 'seats', label: '座席数', type: 'number' },
      { key: 'signed', label: '签约日期', type: 'date' },
      {
        key: 'lines',
        label: '产品线',
        type: 'multiselect',
        options: [
          { value: 'a', label: '甲', labelEn: null, active: true },
          { value: 'b', label: '乙', labelEn: null, active: true },
        ],
      },
    ])
      expect((await add(body)).statusCode).toBe(201);
    const values = { [grade.key]: 'gold', budget: 1234500, seats: 12.5, signed: '2026-03-01', lines: ['a', 'b'] };
    const created = await p.clients.r1.post('/api/v1/customers', {
      kind: 'company',
      name: '类型齐全公司',
      customFields: values,
    });
    expect(created.statusCode).toBe(201);
    expect(created.json().customFields).toEqual(values);
    const found = await p.clients.r1.get('/api/v1/customers?cf=lines:b&cf=budget:1234500');
    expect(found.json().items.map((c: { name: string }) => c.name)).toEqual(['类型齐全公司']);
    const bad = await p.clients.r1.post('/api/v1/customers', {
      kind: 'company',
      name: '类型错误公司',
      customFields: { [grade.key]: 'gold', budget: 12.5, signed: '2026-02-30', lines: ['c'] },
    });
    expect(bad.json().error.fields.map((f: { field: string }) => f.field)).toEqual([
      'customFields.budget',
      'customFields.signed',
      'customFields.lines',
    ]);
  });

  it('a person field takes an active colleague only', async () => {
    const field = (
      await p.clients.admin.post('/api/v1/custom-fields', {
        entity: 'customer',
        key: 'mentor',
        label: '对接人',
        type: 'person',
      })
    ).json();
    const ok = await p.clients.r1.post('/api/v1/customers', {
      kind: 'company',
      name: '对接人公司',
      customFields: { [grade.key]: 'gold', mentor: p.users.r2.id },
    });
    expect(ok.statusCode).toBe(201);
    const bad = await p.clients.r1.post('/api/v1/customers', {
      kind: 'company',
      name: '对接人错误公司',
      customFields: { [grade.key]: 'gold', mentor: '01900000-0000-7000-8000-000000000000' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toEqual([{ field: 'customFields.mentor', message: '对接人不是在职同事' }]);
    await p.clients.admin.patch(`/api/v1/custom-fields/${field.id}`, { archived: true, version: field.version });
  });

  it('a role that hides a field never sees it; a read-only field cannot be written', async () => {
    const role = await ctx.createRole(p.orgId, {
      code: 'cf_limited',
      permissions: ['customers.view', 'customers.create', 'customers.edit', 'customers.export'],
      dataScope: 'all',
      fieldPermissions: { 'custom.customer.tea': 'hidden', [`custom.customer.${grade.key}`]: 'read' } as Record<
        string,
        FieldAccess
      >,
    });
    const user = await ctx.createUser({ orgId: p.orgId, roleIds: [role], departmentId: p.departments.office });
    const client = await ctx.login(user);
    const customer = (
      await p.clients.r1.post('/api/v1/customers', {
        kind: 'company',
        name: '字段权限公司',
        customFields: { [grade.key]: 'gold', tea: '秘密' },
      })
    ).json();
    const read = (await client.get(`/api/v1/customers/${customer.id}`)).json();
    expect(read.customFields).toEqual({ [grade.key]: 'gold' });
    const listed = (await client.get('/api/v1/customers?limit=200'))
      .json()
      .items.find((c: { id: string }) => c.id === customer.id);
    expect(listed.customFields).toEqual({ [grade.key]: 'gold' });
    expect((await client.get('/api/v1/customers?cf=tea:秘')).statusCode).toBe(400);
    const defs = (await client.get('/api/v1/custom-fields?entity=customer'))
      .json()
      .items.map((f: { key: string }) => f.key);
    expect(defs).not.toContain('tea');

    const csv = csvRows(await client.get('/api/v1/customers/export?format=csv'));
    expect(csv[0]).toContain('客户等级');
    expect(csv[0]).not.toContain('喜好的茶');

    const write = await client.patch(`/api/v1/customers/${customer.id}`, {
      customFields: { [grade.key]: 'silver' },
      version: customer.version,
    });
    expect(write.statusCode).toBe(400);
    expect(write.json().error.fields).toEqual([
      { field: `customFields.${grade.key}`, message: '客户等级您的角色无权修改' },
    ]);
    // A read-only required field does not block this role's new customers.
    const created = await client.post('/api/v1/customers', { kind: 'company', name: '只读必填公司' });
    expect(created.statusCode).toBe(201);
  });

  it('the export has a column per visible field, headed by its label, holding option labels', async () => {
    const csv = csvRows(await p.clients.admin.get(`/api/v1/customers/export?format=csv&cf=${grade.key}:gold`));
    expect(columnOf(csv, '客户等级')).toEqual(expect.arrayContaining(['金牌']));
    expect(columnOf(csv, '客户等级').every((v) => v === '金牌')).toBe(true);
    expect(columnOf(csv, '喜好的茶')).toEqual(expect.arrayContaining(['龙井']));
  });
});
