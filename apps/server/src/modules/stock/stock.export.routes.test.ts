import { beforeAll, describe, expect, it } from 'vitest';
import { insertProduct } from './stock.fixtures.js';
import { usePersonas } from '../../test/file-context.js';
import { columnOf, csvRows, xlsxRows } from '../../test/export-files.js';

const { ctx, p } = usePersonas({ customersEach: 1 });
let mainId: string;

beforeAll(async () => {
  mainId = (
    await p.clients.warehouse.post('/api/v1/warehouses', { code: 'MAIN', name: '主仓', isDefault: true })
  ).json().id;
});

const receive = async (productId: string, quantity: number, reason?: string) => {
  const body = { kind: 'receipt', warehouseId: mainId, productId, quantity, ...(reason ? { reason } : {}) };
  const response = await p.clients.warehouse.post('/api/v1/stock-movements', body);
  expect(response.statusCode, response.body).toBe(201);
};

describe('stock exports', () => {
  it('the movements (出入库) in a file with the list filters: kinds and statuses by name, formulas inert', async () => {
    const product = await insertProduct(ctx, p.orgId, { name: '+智能网关' });
    await receive(product.id, 10, '=1+2 采购入库');
    const adjust = await p.clients.warehouse.post('/api/v1/stock-movements', {
      kind: 'adjustment',
      warehouseId: mainId,
      productId: product.id,
      quantity: -2,
      reason: '盘亏',
    });
    expect(adjust.statusCode, adjust.body).toBe(201);

    const rows = csvRows(await p.clients.warehouse.get(`/api/v1/stock-movements/export?format=csv&kind=receipt`));
    expect(rows[0]!.slice(0, 4)).toEqual(['创建时间', '类型', '状态', '仓库']);
    expect(columnOf(rows, '类型')).toEqual(['入库']);
    expect(columnOf(rows, '状态')).toEqual(['已完成']);
    expect(columnOf(rows, '产品')).toEqual(["'+智能网关"]);
    expect(columnOf(rows, '原因')).toEqual(["'=1+2 采购入库"]);
    expect(columnOf(rows, '数量')).toEqual(['10']);

    const all = await xlsxRows(await p.clients.warehouse.get('/api/v1/stock-movements/export?format=xlsx'));
    expect(columnOf(all, '数量').sort()).toEqual([-2, 10]);
  });

  it('the stock levels in a file: on hand, reserved and available as numbers', async () => {
    const product = await insertProduct(ctx, p.orgId, { name: '温控器' });
    await receive(product.id, 7);
    const sheet = await xlsxRows(await p.clients.warehouse.get('/api/v1/stock/export?format=xlsx&q=温控器'));
    expect(sheet[0]).toContain('现有库存');
    expect(columnOf(sheet, '产品')).toEqual(['温控器']);
    expect(columnOf(sheet, '现有库存')).toEqual([7]);
    expect(columnOf(sheet, '可用库存')).toEqual([7]);
  });

  it("an order's movements stay out of the file of a reader whose scope does not cover the order", async () => {
    const product = await insertProduct(ctx, p.orgId, { name: '工控屏' });
    await receive(product.id, 5);
    const created = await p.clients.r1.post('/api/v1/orders', {
      customerId: p.customers.r1[0]!,
      lines: [{ productId: product.id, quantity: 2 }],
    });
    expect(created.statusCode, created.body).toBe(201);
    const orderId = created.json().id as string;
    expect((await p.clients.r1.post(`/api/v1/orders/${orderId}/submit`, {})).statusCode).toBe(200);
    expect((await p.clients.finance.post(`/api/v1/orders/${orderId}/confirm`, {})).statusCode).toBe(200);
    expect((await p.clients.warehouse.post(`/api/v1/orders/${orderId}/ship`, {})).statusCode).toBe(200);

    const role = await ctx.createRole(p.orgId, {
      code: 'stock_exporter_own',
      permissions: ['stock.view', 'stock.export'],
      dataScope: 'own',
    });
    const outsider = await ctx.login(await ctx.createUser({ orgId: p.orgId, roleIds: [role] }));
    const url = `/api/v1/stock-movements/export?format=csv&orderId=${orderId}`;
    expect(csvRows(await outsider.get(url)).slice(1)).toEqual([]);
    const warehouseRows = csvRows(await p.clients.warehouse.get(url));
    expect(columnOf(warehouseRows, '类型')).toEqual(['出库']);
    expect(columnOf(warehouseRows, '订单编号')[0]).toMatch(/\S/);
  });

  it('roles without stock.export get 403 (the salesperson sees stock but may not take it away)', async () => {
    expect((await p.clients.r1.get('/api/v1/stock-movements/export?format=csv')).statusCode).toBe(403);
    expect((await p.clients.r1.get('/api/v1/stock/export?format=csv')).statusCode).toBe(403);
  });
});
