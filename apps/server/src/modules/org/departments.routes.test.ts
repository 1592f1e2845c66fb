import { describe, expect, it } from 'vitest';
import type { Client } from '../../test/test-app.js';
import { useOtherOrgAdmin, usePersonas } from '../../test/file-context.js';

const { ctx, p } = usePersonas({ customersEach: 1 });
const other = useOtherOrgAdmin(ctx);

interface DepartmentBody {
  id: string;
  name: string;
  parentId: string | null;
  sortOrder: number;
  userCount: number;
  version: number;
}
const listOf = async (client: Client) => (await client.get('/api/v1/departments')).json().items as DepartmentBody[];
const create = async (name: string, parentId: string | null) => {
  const response = await p.clients.admin.post('/api/v1/departments', { name, parentId });
  expect(response.statusCode).toBe(201);
  return response.json() as DepartmentBody;
};

describe('departments API', () => {
  it('lists the whole tree flat, with parents and user counts', async () => {
    const items = await listOf(p.clients.admin);
    const byId = new Map(items.map((d) => [d.id, d]));
    expect(byId.get(p.departments.east)).toMatchObject({
      name: 'Sales-East',
      parentId: p.departments.sales,
      userCount: 3,
    });
    expect(byId.get(p.departments.west)).toMatchObject({ parentId: p.departments.sales, userCount: 1 });
    expect(byId.get(p.departments.sales)).toMatchObject({ parentId: null, userCount: 2 });
  });

  it('an admin creates, renames and deletes a department', async () => {
    const created = await create('  Sales-North ', p.departments.sales);
    expect(created).toMatchObject({
      name: 'Sales-North',
      parentId: p.departments.sales,
      sortOrder: 0,
      userCount: 0,
      version: 1,
    });
    const renamed = await p.clients.admin.patch(`/api/v1/departments/${created.id}`, {
      name: '华北销售部',
      sortOrder: 3,
      version: 1,
    });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json()).toMatchObject({ name: '华北销售部', sortOrder: 3, version: 2 });
    expect((await p.clients.admin.delete(`/api/v1/departments/${created.id}`)).statusCode).toBe(204);
    expect((await listOf(p.clients.admin)).map((d) => d.id)).not.toContain(created.id);
  });

  it('moves a department to another parent and rejects moving it under itself or a descendant', async () => {
    const region = await create('Region', null);
    const branch = await create('Branch', region.id);
    const team = await create('Team', branch.id);
    const moved = await p.clients.admin.patch(`/api/v1/departments/${team.id}`, { parentId: region.id, version: 1 });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({ parentId: region.id, version: 2 });

    for (const parentId of [region.id, branch.id]) {
      const cycle = await p.clients.admin.patch(`/api/v1/departments/${region.id}`, { parentId, version: 1 });
      expect(cycle.statusCode).toBe(422);
      expect(cycle.json().error.message).toBe('不能将部门移动到其自身或其下属部门之下。');
      expect(cycle.json().error.fields[0].field).toBe('parentId');
    }
    const toRoot = await p.clients.admin.patch(`/api/v1/departments/${branch.id}`, { parentId: null, version: 1 });
    expect(toRoot.json()).toMatchObject({ parentId: null });
  });

  it('an unknown parent or a blank name answers 400 naming the field in Chinese', async () => {
    const response = await p.clients.admin.post('/api/v1/departments', {
      name: 'Lost',
      parentId: '0190f1d2-0000-7000-8000-000000000000',
    });
    expect(response.statusCode).toBe(400);
    const field = response.json().error.fields[0];
    expect(field.field).toBe('parentId');
    expect(field.message).toContain('上级部门');
    const blank = await p.clients.admin.post('/api/v1/departments', { name: '', parentId: null });
    expect(blank.statusCode).toBe(400);
    expect(blank.json().error.fields[0]).toMatchObject({ field: 'name', message: '名称为必填项' });
  });

  it('a department with users or sub-departments cannot be deleted', async () => {
    for (const id of [p.departments.east, p.departments.sales]) {
      const response = await p.clients.admin.delete(`/api/v1/departments/${id}`);
      expect(response.statusCode).toBe(409);
      expect(response.json().error.message).toBe('该部门下仍有用户或子部门。');
    }
    expect((await listOf(p.clients.admin)).map((d) => d.id)).toEqual(
      expect.arrayContaining([p.departments.east, p.departments.sales]),
    );
  });

  it('a stale version answers 409 and leaves the department as the first edit made it', async () => {
    const dept = await create('Versioned', null);
    expect(
      (await p.clients.admin.patch(`/api/v1/departments/${dept.id}`, { name: 'First', version: 1 })).statusCode,
    ).toBe(200);
    const second = await p.clients.admin.patch(`/api/v1/departments/${dept.id}`, { name: 'Second', version: 1 });
    expect(second.statusCode).toBe(409);
    expect((await listOf(p.clients.admin)).find((d) => d.id === dept.id)?.name).toBe('First');
  });

  it('an update writes an audit row with the before and after state', async () => {
    const dept = await create('Audited', null);
    await p.clients.admin.patch(`/api/v1/departments/${dept.id}`, { name: 'Audited 2', version: 1 });
    const log = await p.clients.admin.get(`/api/v1/audit-log?entity=department&entityId=${dept.id}`);
    expect(log.statusCode).toBe(200);
    const [update, creation] = log.json().items;
    expect(update).toMatchObject({
      action: 'update',
      actorId: p.users.admin.id,
      before: { name: 'Audited', version: 1 },
      after: { name: 'Audited 2', version: 2 },
    });
    expect(creation).toMatchObject({ action: 'create', after: { name: 'Audited' } });
  });

  it('the audit log pages newest first without repeats', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let previous = Infinity;
    do {
      const url: string = `/api/v1/audit-log?limit=3${cursor ? `&cursor=${cursor}` : ''}`;
      const body = (await p.clients.admin.get(url)).json();
      for (const entry of body.items as { id: string; at: string }[]) {
        expect(Date.parse(entry.at)).toBeLessThanOrEqual(previous);
        previous = Date.parse(entry.at);
        seen.push(entry.id);
      }
      cursor = body.nextCursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBeGreaterThan(10);
  });

  it('a salesperson can neither see nor change departments', async () => {
    expect((await p.clients.r1.get('/api/v1/departments')).statusCode).toBe(403);
    expect((await p.clients.r1.post('/api/v1/departments', { name: 'Mine', parentId: null })).statusCode).toBe(403);
    expect((await p.clients.head.post('/api/v1/departments', { name: 'Mine', parentId: null })).statusCode).toBe(403);
    expect((await p.clients.r1.get('/api/v1/audit-log')).statusCode).toBe(403);
  });

  it("another organization's admin neither sees nor changes this organization's departments", async () => {
    const ids = (await listOf(other.client)).map((d) => d.id);
    expect(ids).not.toContain(p.departments.east);
    expect(
      (await other.client.patch(`/api/v1/departments/${p.departments.office}`, { name: 'Taken', version: 1 }))
        .statusCode,
    ).toBe(404);
    expect((await other.client.delete(`/api/v1/departments/${p.departments.west}`)).statusCode).toBe(404);
    const foreignParent = await other.client.post('/api/v1/departments', {
      name: 'Sneaky',
      parentId: p.departments.sales,
    });
    expect(foreignParent.statusCode).toBe(400);
    expect(foreignParent.json().error.fields[0].field).toBe('parentId');
    const log = (await other.client.get(`/api/v1/audit-log?entity=department`)).json();
    expect(log.items).toHaveLength(0);
    expect((await listOf(p.clients.admin)).find((d) => d.id === p.departments.office)).toMatchObject({
      name: 'Office',
      version: 1,
    });
  });
});
