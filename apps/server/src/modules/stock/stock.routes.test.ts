import { MAX_STOCK_QUANTITY } from '@guanxi/contract';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../../test/test-app.js';
import { auditRows, insertProduct, levelOf } from './stock.fixtures.js';
import { usePersonas } from '../../test/file-context.js';

const { ctx, p } = usePersonas({ customersEach: 0 });
let main: { id: string; version: number };
let south: { id: string; version: number };

beforeAll(async () => {
  main = (await p.clients.warehouse.post('/api/v1/warehouses', { code: 'MAIN', name: '主仓', isDefault: true })).json();
  south = (await p.clients.warehouse.post('/api/v1/warehouses', { code: 'SOUTH', name: '华南仓' })).json();
});

const move = (client: Client, body: Record<string, unknown>) => client.post('/api/v1/stock-movements', body);

async function receive(productId: string, quantity: number, warehouseId = main.id) {
  const response = await move(p.clients.warehouse, { kind: 'receipt', warehouseId, productId, quantity });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

describe('warehouses', () => {
  it('keeps exactly one default: making another the default clears the old one', async () => {
    const created = await p.clients.warehouse.post('/api/v1/warehouses', {
      code: 'NORTH',
      name: '华北仓',
      isDefault: true,
    });
    expect(created.statusCode, created.body).toBe(201);
    let list = (await p.clients.r1.get('/api/v1/warehouses')).json().items as {
      id: string;
      isDefault: boolean;
      version: number;
    }[];
    expect(list.filter((w) => w.isDefault).map((w) => w.id)).toEqual([created.json().id]);
    const back = await p.clients.warehouse.patch(`/api/v1/warehouses/${main.id}`, {
      isDefault: true,
      version: list.find((w) => w.id === main.id)!.version,
    });
    expect(back.statusCode, back.body).toBe(200);
    list = (await p.clients.warehouse.get('/api/v1/warehouses')).json().items;
    expect(list.filter((w) => w.isDefault).map((w) => w.id)).toEqual([main.id]);
    main = back.json();
    const audits = await auditRows(ctx, p.orgId, 'warehouse', created.json().id);
    expect(audits.map((a) => a.action).sort()).toEqual(['create', 'update']);
  });

  it('answers 409 for a taken code and for a stale version', async () => {
    const taken = await p.clients.warehouse.post('/api/v1/warehouses', { code: 'MAIN', name: '重复' });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.message).toBe('已存在相同编码的仓库。');
    const stale = await p.clients.warehouse.patch(`/api/v1/warehouses/${south.id}`, {
      name: '改名',
      version: south.version + 5,
    });
    expect(stale.statusCode).toBe(409);
    const renamed = await p.clients.warehouse.patch(`/api/v1/warehouses/${south.id}`, {
      name: ' 华南仓 ',
      version: south.version,
    });
    expect(renamed.json()).toMatchObject({ name: '华南仓', version: south.version + 1 });
    south = renamed.json();
  });

  it('refuses an inactive default warehouse (422) and keeps the current default', async () => {
    const inactiveDefault = await p.clients.warehouse.post('/api/v1/warehouses', {
      code: 'OFF',
      name: '停用默认',
      isDefault: true,
      active: false,
    });
    expect(inactiveDefault.statusCode).toBe(422);
    const deactivate = await p.clients.warehouse.patch(`/api/v1/warehouses/${main.id}`, {
      active: false,
      version: main.version,
    });
    expect(deactivate.statusCode).toBe(422);
    const list = (await p.clients.warehouse.get('/api/v1/warehouses')).json().items as {
      code: string;
      isDefault: boolean;
    }[];
    expect(list.filter((w) => w.isDefault).map((w) => w.code)).toEqual(['MAIN']);
    expect(list.map((w) => w.code)).not.toContain('OFF');
  });

  it('lets only stock managers change warehouses', async () => {
    expect((await p.clients.r1.post('/api/v1/warehouses', { code: 'X1', name: 'x' })).statusCode).toBe(403);
    expect(
      (await p.clients.finance.patch(`/api/v1/warehouses/${south.id}`, { name: 'x', version: south.version }))
        .statusCode,
    ).toBe(403);
    expect((await p.clients.service.get('/api/v1/warehouses')).statusCode).toBe(403);
  });
});

describe('movements: stock math', () => {
  it('adds receipts, moves transfers between warehouses and applies signed adjustments', async () => {
    const product = await insertProduct(ctx, p.orgId);
    await receive(product.id, 10);
    await receive(product.id, 5);
    expect(await levelOf(ctx, p.orgId, main.id, product.id)).toEqual({ onHand: 15, reserved: 0 });

    const transfer = await move(p.clients.warehouse, {
      kind: 'transfer',
      warehouseId: main.id,
      toWarehouseId: south.id,
      productId: product.id,
      quantity: 4,
      reason: '华南补货',
    });
    expect(transfer.statusCode, transfer.body).toBe(201);
    expect(transfer.json()).toMatchObject({
      kind: 'transfer',
      status: 'done',
      warehouseName: '主仓',
      toWarehouseName: '华南仓',
      quantity: 4,
    });
    expect(await levelOf(ctx, p.orgId, main.id, product.id)).toEqual({ onHand: 11, reserved: 0 });
    expect(await levelOf(ctx, p.orgId, south.id, product.id)).toEqual({ onHand: 4, reserved: 0 });

    const down = await move(p.clients.warehouse, {
      kind: 'adjustment',
      warehouseId: south.id,
      productId: product.id,
      quantity: -3,
      reason: '盘亏',
    });
    expect(down.statusCode, down.body).toBe(201);
    const up = await move(p.clients.warehouse, {
      kind: 'adjustment',
      warehouseId: south.id,
      productId: product.id,
      quantity: 2,
      reason: '盘盈',
    });
    expect(up.statusCode).toBe(201);
    expect(await levelOf(ctx, p.orgId, south.id, product.id)).toEqual({ onHand: 3, reserved: 0 });

    const sample = await move(p.clients.warehouse, {
      kind: 'issue',
      warehouseId: main.id,
      productId: product.id,
      quantity: 1,
      reason: '样品',
    });
    expect(sample.statusCode).toBe(201);

    const stock = await p.clients.r1.get(`/api/v1/stock?productId=${product.id}`);
    expect(stock.statusCode).toBe(200);
    expect(stock.json().items).toEqual(
      [
        expect.objectContaining({
          warehouseId: main.id,
          onHand: 10,
          reserved: 0,
          available: 10,
          low: false,
          productName: product.name,
        }),
        expect.objectContaining({ warehouseId: south.id, onHand: 3, available: 3, low: true }),
      ].sort((a, b) =>
        (a as { warehouseId: string }).warehouseId < (b as { warehouseId: string }).warehouseId ? -1 : 1,
      ),
    );
    const summary = await p.clients.r1.get(`/api/v1/stock/summary?productId=${product.id}`);
    expect(summary.json().items).toEqual([expect.objectContaining({ onHand: 13, reserved: 0, available: 13 })]);

    const movements = await p.clients.warehouse.get(`/api/v1/stock-movements?productId=${product.id}`);
    expect(movements.json().items.map((m: { kind: string; quantity: number }) => `${m.kind}:${m.quantity}`)).toEqual([
      'issue:1',
      'adjustment:2',
      'adjustment:-3',
      'transfer:4',
      'receipt:5',
      'receipt:10',
    ]);
    const southOnly = await p.clients.warehouse.get(
      `/api/v1/stock-movements?productId=${product.id}&warehouseId=${south.id}&kind=adjustment`,
    );
    expect(southOnly.json().items).toHaveLength(2);
    const audits = await auditRows(ctx, p.orgId, 'stock_movement', transfer.json().id);
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ action: 'create', actorId: p.users.warehouse.id });
  });

  it('never goes negative: a shortage is a 409 naming the product and changes nothing', async () => {
    const product = await insertProduct(ctx, p.orgId, { name: '不锈钢阀门' });
    await receive(product.id, 2);
    for (const body of [
      { kind: 'issue', quantity: 3, reason: '样品' },
      { kind: 'adjustment', quantity: -3, reason: '盘亏' },
      { kind: 'transfer', quantity: 3, reason: '调拨', toWarehouseId: south.id },
    ]) {
      const response = await move(p.clients.warehouse, { warehouseId: main.id, productId: product.id, ...body });
      expect(response.statusCode, body.kind).toBe(409);
      expect(response.json().error.message).toBe('不锈钢阀门 库存不足：可用 2，需要 3。');
    }
    expect(await levelOf(ctx, p.orgId, main.id, product.id)).toEqual({ onHand: 2, reserved: 0 });
    expect(await levelOf(ctx, p.orgId, south.id, product.id)).toEqual({ onHand: 0, reserved: 0 });
    const movements = await p.clients.warehouse.get(`/api/v1/stock-movements?productId=${product.id}`);
    expect(movements.json().items).toHaveLength(1);
  });

  it('paginates stock levels and movements with a cursor', async () => {
    const product = await insertProduct(ctx, p.orgId);
    for (const quantity of [1, 2, 3]) await receive(product.id, quantity);
    const first = (await p.clients.warehouse.get(`/api/v1/stock-movements?productId=${product.id}&limit=2`)).json();
    expect(first.items).toHaveLength(2);
    const second = (
      await p.clients.warehouse.get(
        `/api/v1/stock-movements?productId=${product.id}&limit=2&cursor=${first.nextCursor}`,
      )
    ).json();
    expect(second.items.map((m: { quantity: number }) => m.quantity)).toEqual([1]);
    expect(second.nextCursor).toBeNull();
    const levelsFirst = (await p.clients.warehouse.get('/api/v1/stock?limit=1')).json();
    const levelsNext = (await p.clients.warehouse.get(`/api/v1/stock?limit=1&cursor=${levelsFirst.nextCursor}`)).json();
    expect(levelsNext.items[0].id).not.toBe(levelsFirst.items[0].id);
    expect((await p.clients.warehouse.get('/api/v1/stock?cursor=bogus')).statusCode).toBe(400);
  });
});

describe('movements: validation and permissions', () => {
  it('rejects a transfer to the same warehouse and a missing reason, naming the field', async () => {
    const product = await insertProduct(ctx, p.orgId);
    await receive(product.id, 5);
    const same = await move(p.clients.warehouse, {
      kind: 'transfer',
      warehouseId: main.id,
      toWarehouseId: main.id,
      productId: product.id,
      quantity: 1,
      reason: '调拨',
    });
    expect(same.statusCode).toBe(400);
    expect(same.json().error.fields).toEqual([{ field: 'toWarehouseId', message: '目标仓库必须与来源仓库不同' }]);
    for (const kind of ['adjustment', 'transfer', 'issue']) {
      const noReason = await move(p.clients.warehouse, {
        kind,
        warehouseId: main.id,
        toWarehouseId: kind === 'transfer' ? south.id : undefined,
        productId: product.id,
        quantity: 1,
        reason: '  ',
      });
      expect(noReason.statusCode, kind).toBe(400);
      expect(noReason.json().error.fields).toEqual([{ field: 'reason', message: '原因此类出入库必须填写' }]);
    }
    await p.clients.warehouse.patch('/api/v1/auth/me', { locale: 'en' });
    const english = await move(p.clients.warehouse, {
      kind: 'adjustment',
      warehouseId: main.id,
      productId: product.id,
      quantity: 0,
      reason: 'x',
    });
    await p.clients.warehouse.patch('/api/v1/auth/me', { locale: 'zh-CN' });
    expect(english.statusCode).toBe(400);
    expect(english.json().error.fields[0]).toMatchObject({ field: 'quantity' });
    expect(english.json().error.fields[0].message).toMatch(/must be a whole number greater than 0/);
    expect(await levelOf(ctx, p.orgId, main.id, product.id)).toEqual({ onHand: 5, reserved: 0 });
  });

  it('refuses a receipt, adjustment or transfer that would take stock on hand past the limit, naming the quantity', async () => {
    const product = await insertProduct(ctx, p.orgId);
    await receive(product.id, MAX_STOCK_QUANTITY - 1);
    await receive(product.id, 1);
    await receive(product.id, MAX_STOCK_QUANTITY, south.id);
    const over = [
      { kind: 'receipt', warehouseId: main.id, quantity: 1 },
      { kind: 'receipt', warehouseId: main.id, quantity: MAX_STOCK_QUANTITY },
      { kind: 'adjustment', warehouseId: main.id, quantity: 1, reason: '盘盈' },
      { kind: 'transfer', warehouseId: south.id, toWarehouseId: main.id, quantity: 1, reason: '调拨' },
    ];
    for (const body of over) {
      const response = await move(p.clients.warehouse, { ...body, productId: product.id });
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(response.json().error.fields).toEqual([{ field: 'quantity', message: '数量会使库存超过上限 1000000000' }]);
    }
    await p.clients.warehouse.patch('/api/v1/auth/me', { locale: 'en' });
    const english = await move(p.clients.warehouse, { ...over[0], productId: product.id });
    await p.clients.warehouse.patch('/api/v1/auth/me', { locale: 'zh-CN' });
    expect(english.json().error.fields).toEqual([
      { field: 'quantity', message: 'Quantity would take the stock on hand above 1000000000 units' },
    ]);
    expect(await levelOf(ctx, p.orgId, main.id, product.id)).toEqual({ onHand: MAX_STOCK_QUANTITY, reserved: 0 });
    expect(await levelOf(ctx, p.orgId, south.id, product.id)).toEqual({ onHand: MAX_STOCK_QUANTITY, reserved: 0 });
  });

  it('rejects unknown or inactive products and warehouses, naming the field', async () => {
    const inactive = await insertProduct(ctx, p.orgId, { active: false });
    const product = await insertProduct(ctx, p.orgId);
    const closed = (
      await p.clients.warehouse.post('/api/v1/warehouses', { code: 'CLOSED', name: '停用仓', active: false })
    ).json();
    const cases: [Record<string, unknown>, string][] = [
      [{ productId: inactive.id }, 'productId'],
      [{ productId: '01900000-0000-7000-8000-000000000000' }, 'productId'],
      [{ warehouseId: closed.id }, 'warehouseId'],
      [{ warehouseId: '01900000-0000-7000-8000-000000000000' }, 'warehouseId'],
      [{ quantity: -1 }, 'quantity'],
      [{ quantity: 1.5 }, 'quantity'],
    ];
    for (const [patch, field] of cases) {
      const response = await move(p.clients.warehouse, {
        kind: 'receipt',
        warehouseId: main.id,
        productId: product.id,
        quantity: 1,
        ...patch,
      });
      expect(response.statusCode, JSON.stringify(patch)).toBe(400);
      expect(response.json().error.fields).toEqual([expect.objectContaining({ field })]);
    }
    expect(await levelOf(ctx, p.orgId, main.id, product.id)).toEqual({ onHand: 0, reserved: 0 });
  });

  it('lets salespeople read stock but not record movements', async () => {
    const product = await insertProduct(ctx, p.orgId);
    const denied = await move(p.clients.r1, {
      kind: 'receipt',
      warehouseId: main.id,
      productId: product.id,
      quantity: 1,
    });
    expect(denied.statusCode).toBe(403);
    expect((await p.clients.r1.get('/api/v1/stock')).statusCode).toBe(200);
    expect((await p.clients.r1.get('/api/v1/stock-movements')).statusCode).toBe(200);
    expect((await p.clients.service.get('/api/v1/stock')).statusCode).toBe(403);
    expect(await levelOf(ctx, p.orgId, main.id, product.id)).toEqual({ onHand: 0, reserved: 0 });
  });
});
