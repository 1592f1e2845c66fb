import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db/query.js';
import { createLead } from './leads.fixtures.js';
import { usePersonas } from '../../test/file-context.js';

const { ctx, p } = usePersonas({ customersEach: 1 });

const count = async (query: ReturnType<typeof sql>) => (await queryRows<{ n: number }>(ctx.database.db, query))[0]!.n;

describe('converting a lead', () => {
  it('creates the customer and its primary contact once, keeps the link and starts the stage log', async () => {
    const lead = await createLead(p.clients.r1, {
      name: '李娜',
      companyName: '星辰智造科技有限公司',
      title: '采购经理',
      email: 'lina@xingchen.cn',
      wechat: 'lina_wx',
    });
    const response = await p.clients.r1.post(`/api/v1/leads/${lead.id}/convert`, { createContact: true });
    expect(response.statusCode).toBe(201);
    const { lead: converted, customer, contact } = response.json();
    expect(customer).toMatchObject({
      kind: 'company',
      name: '星辰智造科技有限公司',
      ownerId: p.users.r1.id,
      source: 'trade_fair',
      stage: 'prospect',
    });
    expect(contact).toMatchObject({
      customerId: customer.id,
      name: '李娜',
      title: '采购经理',
      wechat: 'lina_wx',
      isPrimary: true,
    });
    expect(converted).toMatchObject({
      status: 'converted',
      convertedCustomerId: customer.id,
      convertedContactId: contact.id,
    });
    expect(converted.convertedAt).toEqual(expect.any(String));

    const log = (await p.clients.r1.get(`/api/v1/customers/${customer.id}/stage-transitions`)).json().items;
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({
      from: null,
      to: 'prospect',
      triggeringEvent: 'customer.created',
      actorId: p.users.r1.id,
    });
    expect((await p.clients.r1.get(`/api/v1/customers/${customer.id}/contacts`)).json().items).toHaveLength(1);
    expect(
      await count(sql`select count(*)::int as n from audit_log where entity_id = ${lead.id} and action = 'convert'`),
    ).toBe(1);
  });

  it('refuses to convert a converted lead again and creates nothing more', async () => {
    const lead = await createLead(p.clients.r2, { companyName: '只转一次贸易有限公司' });
    expect((await p.clients.r2.post(`/api/v1/leads/${lead.id}/convert`, {})).statusCode).toBe(201);
    const again = await p.clients.r2.post(`/api/v1/leads/${lead.id}/convert`, {});
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toBe('该线索已转化，不能再次转化或修改。');
    expect(await count(sql`select count(*)::int as n from customers where name = '只转一次贸易有限公司'`)).toBe(1);
    expect((await p.clients.r2.patch(`/api/v1/leads/${lead.id}`, { title: '总经理', version: 2 })).statusCode).toBe(
      409,
    );
  });

  it('turns a lead without a company into a person customer, with overrides applied', async () => {
    const lead = await createLead(p.clients.r1, { name: '王小明' });
    const response = await p.clients.r1.post(`/api/v1/leads/${lead.id}/convert`, {
      customer: { tier: 'B' },
      createContact: false,
    });
    expect(response.statusCode).toBe(201);
    expect(response.json().customer).toMatchObject({ kind: 'person', name: '王小明', tier: 'B' });
    expect(response.json().contact).toBeNull();
  });

  it('is blocked by a customer with the same phone, without revealing it, and writes nothing', async () => {
    const taken = (await p.clients.admin.get(`/api/v1/customers/${p.customers.r2[0]}`)).json().phone as string;
    const lead = await createLead(p.clients.r1, { companyName: '撞号码有限公司', mobile: taken });
    expect(lead).toMatchObject({
      duplicateWarnings: [expect.objectContaining({ entity: 'customer', accessible: false })],
    });
    const response = await p.clients.r1.post(`/api/v1/leads/${lead.id}/convert`, {});
    expect(response.statusCode).toBe(409);
    const error = response.json().error;
    expect(error.code).toBe('duplicate');
    expect(error.duplicates[0]).toMatchObject({ entity: 'customer', id: p.customers.r2[0], accessible: false });
    expect(error.duplicates[0]).not.toHaveProperty('phone');
    expect((await p.clients.r1.get(`/api/v1/leads/${lead.id}`)).json()).toMatchObject({
      status: 'assigned',
      convertedCustomerId: null,
    });
    expect(await count(sql`select count(*)::int as n from customers where name = '撞号码有限公司'`)).toBe(0);
  });

  it("answers 404 for another salesperson's lead", async () => {
    const lead = await createLead(p.clients.r1);
    expect((await p.clients.r2.post(`/api/v1/leads/${lead.id}/convert`, {})).statusCode).toBe(404);
    expect((await p.clients.r1.get(`/api/v1/leads/${lead.id}`)).json().status).toBe('assigned');
  });

  it("lets a manager convert a salesperson's lead, which stays with the salesperson", async () => {
    const lead = await createLead(p.clients.r2, { companyName: '经理代转有限公司' });
    const response = await p.clients.eastManager.post(`/api/v1/leads/${lead.id}/convert`, {});
    expect(response.statusCode).toBe(201);
    expect(response.json().customer.ownerId).toBe(p.users.r2.id);
    expect((await p.clients.r2.get(`/api/v1/customers/${response.json().customer.id}`)).statusCode).toBe(200);
  });
});
