import { describe, expect, it } from 'vitest';
import { createOtherOrgAdmin } from '../../test/personas.js';
import type { Client } from '../../test/test-app.js';
import { usePersonas } from '../../test/file-context.js';

const { ctx, p } = usePersonas({ customersEach: 1 });

async function open(client: Client, customerId: string, name = '安全测试项目') {
  const response = await client.post('/api/v1/opportunities', { customerId, name, amountFen: 100_000 });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

describe('opportunities: security checks', () => {
  it('system fields and unknown properties in a body answer 400 and create nothing', async () => {
    const customerId = p.customers.r1[0]!;
    for (const extra of [
      { status: 'won' },
      { version: 3 },
      { orgId: p.orgId },
      { createdBy: p.users.admin.id },
      { closedAt: '2030-01-01T00:00:00Z' },
    ]) {
      const response = await p.clients.r1.post('/api/v1/opportunities', {
        customerId,
        name: '越权字段',
        amountFen: 100,
        ...extra,
      });
      expect(response.statusCode).toBe(400);
    }
    const notMine = await p.clients.r1.post('/api/v1/opportunities', {
      customerId,
      name: '越权负责人',
      amountFen: 100,
      ownerId: p.users.r2.id,
    });
    expect(notMine.statusCode).toBe(400);
    expect(notMine.json().error.fields[0].field).toBe('ownerId');
    const list = await p.clients.r1.get(`/api/v1/opportunities?customerId=${customerId}&status=open`);
    expect(list.json().items).toHaveLength(0);
  });

  it('hostile filter values answer 400 or match nothing, never 500 or extra rows', async () => {
    await open(p.clients.r1, p.customers.r1[0]!);
    for (const q of ["' OR '1'='1", ';select pg_sleep(3)--', '％＜img src=x onerror=alert(1)＞', '😀']) {
      const response = await p.clients.r1.get(`/api/v1/opportunities?q=${encodeURIComponent(q)}`);
      expect(response.statusCode).toBe(200);
      expect(response.json().items).toHaveLength(0);
    }
    for (const query of [
      'expectedFrom=yesterday',
      'status=maybe',
      'cursor=abc',
      'limit=500',
      'sort=name',
      'ownerId=1%27',
    ]) {
      expect((await p.clients.r1.get(`/api/v1/opportunities?${query}`)).statusCode).toBe(400);
    }
    expect((await p.clients.r1.get('/api/v1/opportunities/pipeline?from=2030-02-01&to=2030-01-01')).statusCode).toBe(
      400,
    );
  });

  it('keyset pages cover every row exactly once', async () => {
    const customerId = p.customers.r2[0]!;
    for (let i = 0; i < 5; i++) await open(p.clients.r2, customerId, `分页${i}`);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { id: string }[]; nextCursor: string | null } = (
        await p.clients.r2.get(
          `/api/v1/opportunities?limit=2&customerId=${customerId}${cursor ? `&cursor=${cursor}` : ''}`,
        )
      ).json();
      seen.push(...page.items.map((o) => o.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(5);
    expect(new Set(seen).size).toBe(5);
  });

  it('a deleted opportunity disappears from every read and comes back whole; only a manager deletes and restores', async () => {
    const opportunity = await open(p.clients.r1, p.customers.r1[0]!, '待删除');
    expect((await p.clients.r1.delete(`/api/v1/opportunities/${opportunity.id}`)).statusCode).toBe(403);
    expect((await p.clients.eastManager.delete(`/api/v1/opportunities/${opportunity.id}`)).statusCode).toBe(204);
    expect((await p.clients.r1.get(`/api/v1/opportunities/${opportunity.id}`)).statusCode).toBe(404);
    expect((await p.clients.r1.get(`/api/v1/opportunities/${opportunity.id}/contacts`)).statusCode).toBe(404);
    const list = (await p.clients.r1.get('/api/v1/opportunities?limit=200'))
      .json()
      .items.map((o: { id: string }) => o.id);
    expect(list).not.toContain(opportunity.id);
    const trash = (await p.clients.eastManager.get('/api/v1/opportunities?deleted=true&limit=200'))
      .json()
      .items.map((o: { id: string }) => o.id);
    expect(trash).toEqual([opportunity.id]);
    expect((await p.clients.r1.post(`/api/v1/opportunities/${opportunity.id}/restore`)).statusCode).toBe(403);
    const restored = await p.clients.eastManager.post(`/api/v1/opportunities/${opportunity.id}/restore`);
    expect(restored.statusCode, restored.body).toBe(200);
    expect(restored.json()).toMatchObject({
      id: opportunity.id,
      name: '待删除',
      stageId: opportunity.stageId,
      status: 'open',
    });
    expect((await p.clients.r1.get(`/api/v1/opportunities/${opportunity.id}`)).statusCode).toBe(200);
    expect((await p.clients.eastManager.get('/api/v1/opportunities?deleted=true')).json().items).toEqual([]);
  });

  it('a name of only spaces answers 400 naming the field, on create and on edit', async () => {
    const customerId = p.customers.r1[0]!;
    const created = await p.clients.r1.post('/api/v1/opportunities', { customerId, name: '   ', amountFen: 100 });
    expect(created.statusCode).toBe(400);
    expect(created.json().error.fields[0].field).toBe('name');
    const opportunity = await open(p.clients.r1, customerId, '改名');
    const edited = await p.clients.r1.patch(`/api/v1/opportunities/${opportunity.id}`, { name: ' ', version: 1 });
    expect(edited.statusCode).toBe(400);
    expect(edited.json().error.fields[0].field).toBe('name');
    expect((await p.clients.r1.get(`/api/v1/opportunities/${opportunity.id}`)).json().name).toBe('改名');
  });

  it('the manager moves a team member’s deal; another organization sees nothing', async () => {
    const opportunity = await open(p.clients.r1, p.customers.r1[0]!, '经理推进');
    const stages = (await p.clients.eastManager.get(`/api/v1/sales-processes/${opportunity.processId}`)).json().stages;
    const moved = await p.clients.eastManager.post(`/api/v1/opportunities/${opportunity.id}/stage`, {
      stageId: stages[2].id,
      version: 1,
    });
    expect(moved.statusCode, moved.body).toBe(200);
    const other = await createOtherOrgAdmin(ctx);
    expect((await other.client.get(`/api/v1/opportunities/${opportunity.id}`)).statusCode).toBe(404);
    expect((await other.client.get(`/api/v1/sales-processes/${opportunity.processId}`)).statusCode).toBe(404);
    expect((await other.client.post(`/api/v1/opportunities/${opportunity.id}/won`, {})).statusCode).toBe(404);
    expect((await other.client.get('/api/v1/opportunities')).json().items).toHaveLength(0);
  });
});
