import { and, eq, inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog } from '../../platform/db/schema/index.js';
import { newId } from '../../platform/db/ids.js';
import { usePersonas } from '../../test/file-context.js';

/* Issue 14 item 8: the customer list's batch actions answer per record, on both databases. */
const { ctx, p } = usePersonas({ customersEach: 4 });

const get = (id: string) => p.clients.admin.get(`/api/v1/customers/${id}`).then((r) => r.json());
const auditsOf = (ids: string[]) =>
  ctx.database.db
    .select({ entityId: auditLog.entityId, action: auditLog.action, actorId: auditLog.actorId })
    .from(auditLog)
    .where(and(eq(auditLog.orgId, p.orgId), inArray(auditLog.entityId, ids)));
const actionsBy = async (id: string, actorId: string) =>
  (await auditsOf([id])).filter((a) => a.actorId === actorId && a.action !== 'create').map((a) => a.action);

describe('batch transfer', () => {
  it('transfers the in-scope customers; out-of-scope and unknown ids are not found and untouched', async () => {
    const [mine] = p.customers.r1;
    const others = p.customers.r3[0]!;
    const unknown = newId();
    const response = await p.clients.r1.post('/api/v1/customers/bulk/transfer', {
      customerIds: [mine, others, unknown],
      userId: p.users.r2.id,
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({ done: [mine], notFound: [others, unknown], pendingApproval: [], failed: [] });
    expect((await get(mine!)).ownerId).toBe(p.users.r2.id);
    expect(await actionsBy(mine!, p.users.r1.id)).toEqual(['transfer']);
    expect(await get(others)).toMatchObject({ ownerId: p.users.r3.id, version: 1 });
    expect(await actionsBy(others, p.users.r1.id)).toEqual([]);
  });

  it('a refused row says why in the caller’s language; the others still move', async () => {
    const [, a, b] = p.customers.r1;
    await p.clients.r1.post('/api/v1/customers/bulk/transfer', { customerIds: [a], userId: p.users.r2.id });
    // `a` now belongs to r2: outside r1's own scope. r2 transferring it to r2 again is refused on its row.
    const response = await p.clients.r2.post('/api/v1/customers/bulk/transfer', {
      customerIds: [a, b],
      userId: p.users.r2.id,
    });
    const result = response.json();
    expect(result.notFound).toEqual([b]);
    expect(result.failed).toEqual([{ id: a, code: 'conflict', message: expect.any(String) }]);
    expect(result.failed[0].message).toBe('该客户已属于此用户。');
  });

  it('an unknown or disabled target user is refused whole, naming the field, and nothing changes', async () => {
    const id = p.customers.r1[3]!;
    const response = await p.clients.r1.post('/api/v1/customers/bulk/transfer', {
      customerIds: [id],
      userId: newId(),
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields[0].field).toBe('userId');
    expect(await get(id)).toMatchObject({ ownerId: p.users.r1.id, version: 1 });
  });
});

describe('batch change owner', () => {
  it('needs customers.assign (403 before anything is read)', async () => {
    const response = await p.clients.r1.post('/api/v1/customers/bulk/assign', {
      customerIds: [p.customers.r1[3]!],
      userId: p.users.r2.id,
    });
    expect(response.statusCode).toBe(403);
    expect((await get(p.customers.r1[3]!)).ownerId).toBe(p.users.r1.id);
  });

  it('a manager reassigns within the department; another department’s customer is not found', async () => {
    const east = p.customers.r1[3]!;
    const west = p.customers.r3[1]!;
    const response = await p.clients.eastManager.post('/api/v1/customers/bulk/assign', {
      customerIds: [east, west],
      userId: p.users.r2.id,
    });
    expect(response.json()).toEqual({ done: [east], notFound: [west], pendingApproval: [], failed: [] });
    expect((await get(east)).ownerId).toBe(p.users.r2.id);
    expect(await actionsBy(east, p.users.eastManager.id)).toEqual(['assign']);
    expect((await get(west)).ownerId).toBe(p.users.r3.id);
  });
});

describe('batch add tags', () => {
  it('adds the missing tags to in-scope customers, audited as edits; out-of-scope ones are not found', async () => {
    const mine = p.customers.r2[1]!;
    const others = p.customers.r3[2]!;
    const response = await p.clients.r2.post('/api/v1/customers/bulk/add-tags', {
      customerIds: [mine, others],
      tags: ['重点', 'VIP'],
    });
    expect(response.json()).toEqual({ done: [mine], notFound: [others], pendingApproval: [], failed: [] });
    expect((await get(mine)).tags).toEqual(['重点', 'VIP']);
    expect(await actionsBy(mine, p.users.r2.id)).toEqual(['update']);
    expect(await get(others)).toMatchObject({ tags: [], version: 1 });

    const again = await p.clients.r2.post('/api/v1/customers/bulk/add-tags', { customerIds: [mine], tags: ['VIP'] });
    expect(again.json().done).toEqual([mine]);
    expect((await get(mine)).version).toBe(2);
  });

  it('a customer that would carry more than 20 tags fails on its row, named and localized', async () => {
    const id = p.customers.r2[2]!;
    const tags = Array.from({ length: 10 }, (_, i) => `标签${i}`);
    await p.clients.r2.post('/api/v1/customers/bulk/add-tags', { customerIds: [id], tags });
    const more = Array.from({ length: 10 }, (_, i) => `新${i}`);
    await p.clients.r2.post('/api/v1/customers/bulk/add-tags', { customerIds: [id], tags: more });
    const response = await p.clients.r2.post('/api/v1/customers/bulk/add-tags', { customerIds: [id], tags: ['多'] });
    const failed = response.json().failed;
    expect(failed).toEqual([{ id, code: 'validation', message: expect.stringContaining('标签') }]);
    expect((await get(id)).tags).toHaveLength(20);
  });

  it('rejects an empty or over-long tag with 400 naming the field', async () => {
    const response = await p.clients.r2.post('/api/v1/customers/bulk/add-tags', {
      customerIds: [p.customers.r2[0]!],
      tags: ['x'.repeat(21)],
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields[0].field).toMatch(/^tags/);
  });
});

describe('batch delete', () => {
  it('needs customers.delete', async () => {
    const response = await p.clients.r1.post('/api/v1/customers/bulk/delete', { customerIds: [p.customers.r1[0]!] });
    expect(response.statusCode).toBe(403);
  });

  it('moves in-scope customers to the trash, audited; another department’s customer is not found', async () => {
    const east = p.customers.r2[3]!;
    const west = p.customers.r3[3]!;
    const response = await p.clients.eastManager.post('/api/v1/customers/bulk/delete', {
      customerIds: [east, west],
    });
    expect(response.json()).toEqual({ done: [east], notFound: [west], pendingApproval: [], failed: [] });
    expect((await p.clients.admin.get(`/api/v1/customers/${east}`)).statusCode).toBe(404);
    expect(await actionsBy(east, p.users.eastManager.id)).toEqual(['delete']);
    expect((await get(west)).deletedAt).toBeNull();
  });
});

describe('batch return to pool', () => {
  it('an unknown pool is refused whole with 400 naming the pool, and nobody is returned', async () => {
    const id = p.customers.head[0]!;
    const response = await p.clients.head.post('/api/v1/customers/bulk/return-to-pool', {
      customerIds: [id],
      reason: '不再跟进',
      poolId: newId(),
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields[0].field).toBe('poolId');
    expect((await get(id)).ownerId).toBe(p.users.head.id);
  });

  it('a blank reason is refused whole', async () => {
    const response = await p.clients.head.post('/api/v1/customers/bulk/return-to-pool', {
      customerIds: [p.customers.head[0]!],
      reason: '   ',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields[0].field).toBe('reason');
  });

  it('returns to the chosen pool', async () => {
    const pools = (await p.clients.admin.get('/api/v1/customer-pools')).json().items as { id: string }[];
    const id = p.customers.head[1]!;
    const response = await p.clients.head.post('/api/v1/customers/bulk/return-to-pool', {
      customerIds: [id],
      reason: '不再跟进',
      poolId: pools[0]!.id,
    });
    expect(response.json().done).toEqual([id]);
    expect(await actionsBy(id, p.users.head.id)).toEqual(['return']);
  });
});
