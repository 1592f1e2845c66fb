import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db/query.js';
import { newId } from '../../platform/db/ids.js';
import { createLead, createLeadPool } from './leads.fixtures.js';
import { usePersonas } from '../../test/file-context.js';

const { ctx, p } = usePersonas({ customersEach: 1 });

const ids = (response: { json(): unknown }) =>
  (response.json() as { items: { id: string }[] }).items.map((l) => l.id).sort();

describe('bulk assignment', () => {
  it('deals trade-fair leads round-robin to two salespeople, who then each see only their own', async () => {
    const poolId = await createLeadPool(p.clients.eastManager, {
      name: '广交会秋季',
      memberDepartmentIds: [p.departments.east],
    });
    const cards = [];
    for (const company of ['蓝鲸', '白鹭', '青松', '赤兔'])
      cards.push(await createLead(p.clients.clerk, { poolId, companyName: `${company}展会贸易有限公司` }));
    expect(cards.every((c) => c.ownerId === null && c.status === 'new')).toBe(true);

    const response = await p.clients.eastManager.post('/api/v1/leads/assign', {
      leadIds: cards.map((c) => c.id),
      userIds: [p.users.r1.id, p.users.r2.id],
      mode: 'round_robin',
    });
    expect(response.statusCode).toBe(200);
    const { assigned, notFound } = response.json() as {
      assigned: { leadId: string; userId: string }[];
      notFound: string[];
    };
    expect(notFound).toEqual([]);
    expect(assigned.map((a) => a.userId)).toEqual([p.users.r1.id, p.users.r2.id, p.users.r1.id, p.users.r2.id]);
    const r1Leads = [cards[0]!.id, cards[2]!.id].sort();
    const r2Leads = [cards[1]!.id, cards[3]!.id].sort();

    expect(ids(await p.clients.r1.get('/api/v1/leads'))).toEqual(r1Leads);
    expect(ids(await p.clients.r2.get('/api/v1/leads'))).toEqual(r2Leads);
    const search = (await p.clients.r1.get(`/api/v1/search?q=${encodeURIComponent('展会')}`)).json() as {
      leads: { id: string }[];
    };
    expect(search.leads.map((l) => l.id).sort()).toEqual(r1Leads);
    expect((await p.clients.r1.get(`/api/v1/leads/${cards[1]!.id}`)).statusCode).toBe(404);
    expect((await p.clients.r2.get(`/api/v1/leads/${cards[0]!.id}`)).statusCode).toBe(404);
    expect((await p.clients.r1.get(`/api/v1/leads/${cards[0]!.id}`)).json()).toMatchObject({
      ownerId: p.users.r1.id,
      status: 'assigned',
    });
    expect(ids(await p.clients.r1.get(`/api/v1/lead-pools/${poolId}/leads`))).toEqual([]);
  });

  it('records every assignment in the audit log', async () => {
    const lead = await createLead(p.clients.eastManager);
    await p.clients.eastManager.post('/api/v1/leads/assign', {
      leadIds: [lead.id],
      userIds: [p.users.r2.id],
      mode: 'each',
    });
    const rows = await queryRows<{ before: { ownerId: string }; after: { ownerId: string } }>(
      ctx.database.db,
      sql`select before, after from audit_log where entity = 'lead' and action = 'assign' and entity_id = ${lead.id}`,
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]!.before.ownerId).toBe(p.users.eastManager.id);
    expect(rows[0]!.after.ownerId).toBe(p.users.r2.id);
  });

  it('reports leads out of reach as not found and leaves them unchanged', async () => {
    const west = await createLead(p.clients.r3);
    const own = await createLead(p.clients.r1);
    const unknown = newId();
    const response = await p.clients.eastManager.post('/api/v1/leads/assign', {
      leadIds: [west.id, own.id, unknown],
      userIds: [p.users.r2.id],
      mode: 'each',
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      assigned: [{ leadId: own.id, userId: p.users.r2.id }],
      notFound: [west.id, unknown],
      notAssignable: [],
    });
    expect((await p.clients.r3.get(`/api/v1/leads/${west.id}`)).json()).toMatchObject({
      ownerId: p.users.r3.id,
      version: west.version,
    });
  });

  it('refuses owners outside the caller scope and more than one user for "each"', async () => {
    const lead = await createLead(p.clients.eastManager);
    const outside = await p.clients.eastManager.post('/api/v1/leads/assign', {
      leadIds: [lead.id],
      userIds: [p.users.r3.id],
      mode: 'each',
    });
    expect(outside.statusCode).toBe(400);
    const two = await p.clients.eastManager.post('/api/v1/leads/assign', {
      leadIds: [lead.id],
      userIds: [p.users.r1.id, p.users.r2.id],
      mode: 'each',
    });
    expect(two.statusCode).toBe(400);
    expect(two.json().error.fields[0]).toEqual({ field: 'userIds', message: '销售员全部分给同一人时只能指定一位用户' });
    expect((await p.clients.eastManager.get(`/api/v1/leads/${lead.id}`)).json().ownerId).toBe(p.users.eastManager.id);
  });

  it('is not open to salespeople', async () => {
    const lead = await createLead(p.clients.r1);
    expect(
      (await p.clients.r1.post('/api/v1/leads/assign', { leadIds: [lead.id], userIds: [p.users.r1.id], mode: 'each' }))
        .statusCode,
    ).toBe(403);
  });
});

describe('claiming from a lead pool', () => {
  it('lets a member take an unassigned lead once; others get 409, non-members 404', async () => {
    const poolId = await createLeadPool(p.clients.eastManager, { memberDepartmentIds: [p.departments.east] });
    const lead = await createLead(p.clients.clerk, { poolId, companyName: '待领取科技有限公司' });
    expect(ids(await p.clients.r2.get(`/api/v1/lead-pools/${poolId}/leads`))).toEqual([lead.id]);
    expect((await p.clients.r2.get(`/api/v1/leads/${lead.id}`)).statusCode).toBe(200);
    expect((await p.clients.r3.get(`/api/v1/lead-pools/${poolId}/leads`)).statusCode).toBe(404);
    expect((await p.clients.r3.post(`/api/v1/leads/${lead.id}/claim`)).statusCode).toBe(404);
    expect((await p.clients.r3.get(`/api/v1/leads/${lead.id}`)).statusCode).toBe(404);

    const claimed = await p.clients.r1.post(`/api/v1/leads/${lead.id}/claim`);
    expect(claimed.statusCode).toBe(200);
    expect(claimed.json()).toMatchObject({ ownerId: p.users.r1.id, status: 'assigned', poolId });
    expect((await p.clients.r2.post(`/api/v1/leads/${lead.id}/claim`)).statusCode).toBe(409);
    expect((await p.clients.r2.get(`/api/v1/leads/${lead.id}`)).statusCode).toBe(404);
    expect(ids(await p.clients.r2.get(`/api/v1/lead-pools/${poolId}/leads`))).toEqual([]);
    expect(ids(await p.clients.r1.get('/api/v1/leads'))).toContain(lead.id);
    const audit = await queryRows<{ n: number }>(
      ctx.database.db,
      sql`select count(*)::int as n from audit_log where entity_id = ${lead.id} and action = 'claim'`,
    );
    expect(audit[0]!.n).toBe(1);
  });
});
