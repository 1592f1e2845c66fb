import { describe, expect, it } from 'vitest';
import type { Personas } from '../../test/personas.js';
import { createLead, createLeadPool } from './leads.fixtures.js';
import { usePersonas } from '../../test/file-context.js';

const { ctx, p } = usePersonas({ customersEach: 1 });

const poolIds = async (client: Personas['clients']['r1']) =>
  (await client.get('/api/v1/lead-pools')).json().items.map((x: { id: string }) => x.id);

describe('lead pools API', () => {
  it('a manager sets up a pool; members see it, others do not', async () => {
    const response = await p.clients.eastManager.post('/api/v1/lead-pools', {
      name: '2025 上海工博会',
      description: '展位 3H-018 收集的名片',
      adminUserIds: [p.users.clerk.id],
      memberUserIds: [p.users.r3.id],
      memberDepartmentIds: [p.departments.east],
    });
    expect(response.statusCode).toBe(201);
    const pool = response.json();
    expect(pool).toMatchObject({
      name: '2025 上海工博会',
      adminUserIds: [p.users.clerk.id],
      memberDepartmentIds: [p.departments.east],
      version: 1,
    });
    expect(await poolIds(p.clients.r1)).toContain(pool.id);
    expect(await poolIds(p.clients.r3)).toContain(pool.id);
    expect(await poolIds(p.clients.clerk)).toContain(pool.id);
    const outsider = await ctx.login(
      await ctx.createUser({ orgId: p.orgId, roleIds: [p.roleIds.salesperson!], departmentId: p.departments.west }),
    );
    expect(await poolIds(outsider)).not.toContain(pool.id);
    expect((await outsider.get(`/api/v1/lead-pools/${pool.id}`)).statusCode).toBe(404);
  });

  it('only lead managers create and change pools', async () => {
    expect((await p.clients.r1.post('/api/v1/lead-pools', { name: '自建池' })).statusCode).toBe(403);
    expect((await p.clients.clerk.post('/api/v1/lead-pools', { name: '录入员建池' })).statusCode).toBe(403);
  });

  it('rejects a taken name, a stale version and unknown members', async () => {
    const id = await createLeadPool(p.clients.eastManager, { name: '网络询盘' });
    expect((await p.clients.eastManager.post('/api/v1/lead-pools', { name: '网络询盘' })).statusCode).toBe(409);
    const renamed = await p.clients.eastManager.patch(`/api/v1/lead-pools/${id}`, {
      name: '网络询盘 2',
      memberUserIds: [p.users.r1.id],
      version: 1,
    });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json()).toMatchObject({ name: '网络询盘 2', memberUserIds: [p.users.r1.id], version: 2 });
    expect(
      (await p.clients.eastManager.patch(`/api/v1/lead-pools/${id}`, { name: '旧的', version: 1 })).statusCode,
    ).toBe(409);
    const unknown = await p.clients.eastManager.patch(`/api/v1/lead-pools/${id}`, {
      memberUserIds: [p.orgId],
      version: 2,
    });
    expect(unknown.statusCode).toBe(400);
  });

  it('deletes an empty pool but keeps one that holds leads', async () => {
    const empty = await createLeadPool(p.clients.eastManager);
    const used = await createLeadPool(p.clients.eastManager);
    await createLead(p.clients.clerk, { poolId: used });
    expect((await p.clients.eastManager.delete(`/api/v1/lead-pools/${used}`)).statusCode).toBe(409);
    expect((await p.clients.eastManager.delete(`/api/v1/lead-pools/${empty}`)).statusCode).toBe(204);
    expect((await p.clients.eastManager.get(`/api/v1/lead-pools/${empty}`)).statusCode).toBe(404);
  });

  it('refuses a lead for an unknown pool', async () => {
    const response = await p.clients.clerk.post('/api/v1/leads', { name: '无池', poolId: p.orgId });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields[0].field).toBe('poolId');
  });
});
