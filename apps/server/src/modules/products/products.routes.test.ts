import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db/query.js';
import { createOtherOrgAdmin } from '../../test/personas.js';
import type { Client } from '../../test/test-app.js';
import { usePersonas } from '../../test/file-context.js';

const { ctx, p } = usePersonas({ customersEach: 0 });

let n = 0;
async function createProduct(client: Client, body: Record<string, unknown> = {}) {
  const response = await client.post('/api/v1/products', {
    code: `P-${1000 + n++}`,
    name: `工业传感器 ${n}`,
    unit: '台',
    listPriceFen: 128_000,
    costPriceFen: 76_000,
    ...body,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}
async function createCategory(client: Client, body: Record<string, unknown>) {
  const response = await client.post('/api/v1/product-categories', body);
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}
const auditActions = async (entity: string, id: string) =>
  (
    await queryRows<{ action: string }>(
      ctx.database.db,
      sql`select action from audit_log where org_id = ${p.orgId} and entity = ${entity} and entity_id = ${id} order by id`,
    )
  ).map((a) => a.action);

describe('products: CRUD', () => {
  it('finance creates, reads, edits and soft-deletes a product, every step audited', async () => {
    const created = await createProduct(p.clients.finance, {
      code: ' P-7001 ',
      specification: '量程 0–10 bar',
      description: '不锈钢外壳',
    });
    expect(created).toMatchObject({
      code: 'P-7001',
      unit: '台',
      listPriceFen: 128_000,
      costPriceFen: 76_000,
      currency: 'CNY',
      active: true,
      specification: '量程 0–10 bar',
      categoryId: null,
      version: 1,
    });
    const read = await p.clients.r1.get(`/api/v1/products/${created.id}`);
    expect(read.statusCode).toBe(200);
    expect(read.json()).toEqual(created);

    const edited = await p.clients.finance.patch(`/api/v1/products/${created.id}`, {
      listPriceFen: 135_050,
      active: false,
      specification: '  ',
      version: 1,
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ listPriceFen: 135_050, active: false, specification: null, version: 2 });

    const deleted = await p.clients.finance.delete(`/api/v1/products/${created.id}`);
    expect(deleted.statusCode).toBe(204);
    expect((await p.clients.finance.get(`/api/v1/products/${created.id}`)).statusCode).toBe(404);
    expect(await auditActions('product', created.id)).toEqual(['create', 'update', 'delete']);
    const [update] = await queryRows<{ before: { listPriceFen: number }; after: { listPriceFen: number } }>(
      ctx.database.db,
      sql`select before, after from audit_log where entity = 'product' and entity_id = ${created.id} and action = 'update'`,
    );
    expect(update).toMatchObject({ before: { listPriceFen: 128_000 }, after: { listPriceFen: 135_050 } });
  });

  it('a code is unique among live products (409 naming code) and free again after a delete', async () => {
    const first = await createProduct(p.clients.admin, { code: 'DUP-1' });
    const taken = await p.clients.admin.post('/api/v1/products', {
      code: 'DUP-1',
      name: '另一个',
      unit: '个',
      listPriceFen: 1,
      costPriceFen: 1,
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.message).toBe('已有其他产品使用该编码。');
    expect(taken.json().error.fields).toEqual([{ field: 'code', message: '编码已被其他产品使用' }]);
    const other = await createProduct(p.clients.admin, { code: 'DUP-2' });
    const renamed = await p.clients.admin.patch(`/api/v1/products/${other.id}`, { code: 'DUP-1', version: 1 });
    expect(renamed.statusCode).toBe(409);
    await p.clients.admin.delete(`/api/v1/products/${first.id}`);
    const again = await createProduct(p.clients.admin, { code: 'DUP-1' });
    expect(again.code).toBe('DUP-1');
  });

  it('a stale version answers 409 and changes nothing', async () => {
    const product = await createProduct(p.clients.finance);
    await p.clients.finance.patch(`/api/v1/products/${product.id}`, { name: '新名称', version: 1 });
    const stale = await p.clients.finance.patch(`/api/v1/products/${product.id}`, { listPriceFen: 1, version: 1 });
    expect(stale.statusCode).toBe(409);
    const now = (await p.clients.finance.get(`/api/v1/products/${product.id}`)).json();
    expect(now).toMatchObject({ name: '新名称', listPriceFen: 128_000, version: 2 });
  });
});

describe('products: validation', () => {
  it('names the field of a bad price, blank name, missing unit or bad currency, and writes nothing', async () => {
    const base = { code: 'BAD-1', name: '传感器', unit: '台', listPriceFen: 100, costPriceFen: 50 };
    const cases: [Record<string, unknown>, string][] = [
      [{ listPriceFen: -1 }, 'listPriceFen'],
      [{ listPriceFen: 12.5 }, 'listPriceFen'],
      [{ costPriceFen: 100_000_000_000_000 }, 'costPriceFen'],
      [{ name: '   ' }, 'name'],
      [{ unit: undefined }, 'unit'],
      [{ code: 'X'.repeat(41) }, 'code'],
      [{ currency: 'rmb' }, 'currency'],
    ];
    for (const [change, field] of cases) {
      const response = await p.clients.finance.post('/api/v1/products', { ...base, ...change });
      expect(response.statusCode, JSON.stringify(change)).toBe(400);
      expect(response.json().error.fields.map((f: { field: string }) => f.field)).toEqual([field]);
    }
    const zh = await p.clients.finance.post('/api/v1/products', { ...base, name: ' ' });
    expect(zh.json().error.fields[0].message).toBe('名称为必填项');
    const list = await p.clients.finance.get('/api/v1/products?q=BAD-1');
    expect(list.json().items).toHaveLength(0);
  });

  it('answers in English for an English user', async () => {
    await p.clients.finance.patch('/api/v1/auth/me', { locale: 'en' });
    const response = await p.clients.finance.post('/api/v1/products', {
      code: 'EN-1',
      name: 'Sensor',
      unit: 'pc',
      listPriceFen: -5,
      costPriceFen: 0,
    });
    await p.clients.finance.patch('/api/v1/auth/me', { locale: 'zh-CN' });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields[0].message).toMatch(/^List price/);
  });

  it('refuses a category that does not exist (400 naming categoryId)', async () => {
    const response = await p.clients.finance.post('/api/v1/products', {
      code: 'CAT-X',
      name: '无分类',
      unit: '台',
      listPriceFen: 1,
      costPriceFen: 1,
      categoryId: '0190f3a2-0000-7000-8000-000000000000',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields[0].field).toBe('categoryId');
  });
});

describe('products: permissions', () => {
  it('salespeople read the catalog but cannot change it (403); people without products.view cannot read it', async () => {
    const product = await createProduct(p.clients.finance);
    expect((await p.clients.r1.get('/api/v1/products')).statusCode).toBe(200);
    const writes = [
      await p.clients.r1.post('/api/v1/products', {
        code: 'R1',
        name: 'x',
        unit: '台',
        listPriceFen: 1,
        costPriceFen: 1,
      }),
      await p.clients.r1.patch(`/api/v1/products/${product.id}`, { name: '改名', version: 1 }),
      await p.clients.r1.delete(`/api/v1/products/${product.id}`),
      await p.clients.r1.post('/api/v1/product-categories', { name: '分类' }),
    ];
    expect(writes.map((w) => w.statusCode)).toEqual([403, 403, 403, 403]);
    expect((await p.clients.service.get('/api/v1/products')).statusCode).toBe(403);
    expect((await p.clients.finance.get(`/api/v1/products/${product.id}`)).json().name).toBe(product.name);
  });

  it('another organization sees none of these products (404)', async () => {
    const product = await createProduct(p.clients.finance);
    const other = await createOtherOrgAdmin(ctx);
    expect((await other.client.get(`/api/v1/products/${product.id}`)).statusCode).toBe(404);
    expect((await other.client.patch(`/api/v1/products/${product.id}`, { name: 'x', version: 1 })).statusCode).toBe(
      404,
    );
    expect((await other.client.get('/api/v1/products')).json().items).toEqual([]);
  });
});

describe('products: list', () => {
  it('searches code or name case-insensitively, filters by category subtree and active, and pages by cursor', async () => {
    const root = await createCategory(p.clients.finance, { name: '线缆' });
    const child = await createCategory(p.clients.finance, { name: '屏蔽线缆', parentId: root.id });
    const a = await createProduct(p.clients.finance, { code: 'LIST-c', name: 'Cable Alpha', categoryId: root.id });
    const b = await createProduct(p.clients.finance, { code: 'LIST-a', name: '屏蔽电缆', categoryId: child.id });
    const c = await createProduct(p.clients.finance, { code: 'LIST-b', name: 'cable beta', active: false });
    const ids = (response: { json(): { items: { id: string }[] } }) => response.json().items.map((x) => x.id);

    expect(ids(await p.clients.r1.get('/api/v1/products?q=CABLE&sort=code'))).toEqual([c.id, a.id]);
    expect(ids(await p.clients.r1.get('/api/v1/products?q=list-a'))).toEqual([b.id]);
    expect(ids(await p.clients.r1.get(`/api/v1/products?categoryId=${root.id}`))).toEqual([b.id, a.id]);
    expect(ids(await p.clients.r1.get(`/api/v1/products?categoryId=${child.id}`))).toEqual([b.id]);
    expect(ids(await p.clients.r1.get('/api/v1/products?q=LIST-&active=false'))).toEqual([c.id]);
    const withCategory = (await p.clients.r1.get(`/api/v1/products/${a.id}`)).json();
    expect(withCategory.categoryName).toBe('线缆');

    for (const [sort, expected] of [
      ['code', [b.id, c.id, a.id]],
      ['-createdAt', [c.id, b.id, a.id]],
      ['name', [a.id, c.id, b.id]],
    ] as const) {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const query: string = `/api/v1/products?q=LIST-&sort=${sort}&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
        const page = await p.clients.r1.get(query);
        expect(page.statusCode, page.body).toBe(200);
        seen.push(...ids(page));
        cursor = page.json().nextCursor;
      } while (cursor);
      expect(seen, sort).toEqual(expected);
    }
    const bad = await p.clients.r1.get('/api/v1/products?cursor=garbage');
    expect(bad.statusCode).toBe(400);
  });
});

describe('product categories', () => {
  it('builds a tree, refuses cycles (400 naming parentId) and stale versions (409), audited', async () => {
    const top = await createCategory(p.clients.finance, { name: '控制器' });
    const mid = await createCategory(p.clients.finance, { name: 'PLC', parentId: top.id });
    const leaf = await createCategory(p.clients.finance, { name: '小型 PLC', parentId: mid.id });
    const cycle = await p.clients.finance.patch(`/api/v1/product-categories/${top.id}`, {
      parentId: leaf.id,
      version: top.version,
    });
    expect(cycle.statusCode).toBe(400);
    expect(cycle.json().error.fields[0].field).toBe('parentId');
    const self = await p.clients.finance.patch(`/api/v1/product-categories/${top.id}`, {
      parentId: top.id,
      version: 1,
    });
    expect(self.statusCode).toBe(400);
    const moved = await p.clients.finance.patch(`/api/v1/product-categories/${leaf.id}`, {
      parentId: top.id,
      version: 1,
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ parentId: top.id, version: 2 });
    const stale = await p.clients.finance.patch(`/api/v1/product-categories/${leaf.id}`, { name: '旧', version: 1 });
    expect(stale.statusCode).toBe(409);
    const list = (await p.clients.r1.get('/api/v1/product-categories')).json().items;
    expect(list.find((c: { id: string }) => c.id === leaf.id)).toMatchObject({ name: '小型 PLC', parentId: top.id });
    await createProduct(p.clients.finance, { categoryId: leaf.id });
    await createProduct(p.clients.finance, { categoryId: leaf.id });
    const counted = (await p.clients.r1.get('/api/v1/product-categories')).json().items;
    expect(counted.find((c: { id: string }) => c.id === leaf.id).productCount).toBe(2);
    expect(counted.find((c: { id: string }) => c.id === top.id).productCount).toBe(0);
    expect(await auditActions('product_category', leaf.id)).toEqual(['create', 'update']);
  });

  it('refuses to delete a category still used by products or sub-categories (409), then deletes it', async () => {
    const parent = await createCategory(p.clients.finance, { name: '传感器' });
    const child = await createCategory(p.clients.finance, { name: '压力传感器', parentId: parent.id });
    const product = await createProduct(p.clients.finance, { categoryId: child.id });

    const withChild = await p.clients.finance.delete(`/api/v1/product-categories/${parent.id}`);
    expect(withChild.statusCode).toBe(409);
    expect(withChild.json().error.message).toBe('该分类下仍有产品或子分类，请先移走或删除。');
    const withProduct = await p.clients.finance.delete(`/api/v1/product-categories/${child.id}`);
    expect(withProduct.statusCode).toBe(409);

    await p.clients.finance.patch(`/api/v1/products/${product.id}`, { categoryId: null, version: 1 });
    expect((await p.clients.finance.delete(`/api/v1/product-categories/${child.id}`)).statusCode).toBe(204);
    expect((await p.clients.finance.delete(`/api/v1/product-categories/${parent.id}`)).statusCode).toBe(204);
    const list = (await p.clients.finance.get('/api/v1/product-categories')).json().items;
    expect(list.map((c: { id: string }) => c.id)).not.toContain(parent.id);
    expect(await auditActions('product_category', parent.id)).toEqual(['create', 'delete']);
    // A deleted category cannot take new products.
    const late = await p.clients.finance.post('/api/v1/products', {
      code: 'LATE',
      name: '迟到',
      unit: '台',
      listPriceFen: 1,
      costPriceFen: 1,
      categoryId: child.id,
    });
    expect(late.statusCode).toBe(400);
  });
});
