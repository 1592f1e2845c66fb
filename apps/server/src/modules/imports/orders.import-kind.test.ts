import { beforeAll, describe, expect, it } from 'vitest';
import { usePersonas } from '../../test/file-context.js';
import { orderFixtures as fx } from '../../test/order-fixtures.js';
import { errorsOf, kindRunner, outcomes } from './import-kinds.fixtures.js';
import { ordersImportKind } from './orders.import-kind.js';

const { ctx, p } = usePersonas({ customersEach: 2 });
const run = kindRunner(ctx, () => p.clients.r1);
let codes: string[];

beforeAll(async () => {
  const db = ctx.database.db;
  await fx.warehouse(db, p.orgId);
  const ids = [
    await fx.product(db, p.orgId, { listPriceFen: 10_000, costPriceFen: 6_000 }),
    await fx.product(db, p.orgId, { listPriceFen: 500, costPriceFen: 100 }),
  ];
  const products = (await p.clients.admin.get('/api/v1/products?limit=200')).json().items;
  codes = ids.map((id) => products.find((x: { id: string }) => x.id === id).code);
});

const customerName = () => 'r1客户0号贸易有限公司';

describe('orders import kind', () => {
  it('makes one order per order number with its lines, all or nothing, and re-importing changes nothing', async () => {
    const rows = [
      {
        orderNo: 'SO-1',
        customerName: customerName(),
        productCode: codes[0]!,
        quantity: 2,
        status: 'shipped',
        orderDate: '2024-03-01',
      },
      { orderNo: 'SO-2', customerName: customerName(), productCode: codes[1]!, quantity: 3, unitPrice: 450 },
      { orderNo: 'SO-1', customerName: customerName(), productCode: codes[1]!, quantity: 1, amount: 480 },
      { orderNo: 'SO-3', customerName: customerName(), productCode: codes[0]!, quantity: 1 },
      { orderNo: 'SO-3', customerName: customerName(), productCode: 'NO-SUCH', quantity: 1 },
    ];
    const check = await run(ordersImportKind, rows, { mode: 'check' });
    expect(outcomes(check)).toEqual(['created', 'created', 'created', 'error', 'error']);
    const first = await run(ordersImportKind, rows);
    expect(outcomes(first)).toEqual(['created', 'created', 'created', 'error', 'error']);
    expect(errorsOf(first[4])).toEqual(['productCode:imports.rowError.notFound']);
    expect(errorsOf(first[3])).toEqual(['-:imports.orders.error.orderRefused']);
    const orders = (await p.clients.r1.get('/api/v1/orders?q=SO-')).json().items;
    expect(orders.map((o: { orderNo: string }) => o.orderNo).sort()).toEqual(['SO-1', 'SO-2']);
    const so1 = (
      await p.clients.r1.get(`/api/v1/orders/${first[0]!.outcome === 'created' && first[0]!.recordId}`)
    ).json();
    expect(so1).toMatchObject({ status: 'shipped', orderDate: '2024-03-01', totalFen: 20_480 });
    expect(so1.lines.map((l: { unitPriceFen: number }) => l.unitPriceFen)).toEqual([10_000, 480]);

    const again = await run(ordersImportKind, rows.slice(0, 3));
    expect(outcomes(again)).toEqual(['duplicate', 'duplicate', 'duplicate']);
    const updated = await run(ordersImportKind, rows.slice(0, 3), { policy: 'update' });
    expect(outcomes(updated)).toEqual(['unchanged', 'unchanged', 'unchanged']);
  });

  it('refuses a whole order whose lines name two customers, and an unknown customer', async () => {
    const rows = [
      { orderNo: 'SO-9', customerName: customerName(), productCode: codes[0]!, quantity: 1 },
      { orderNo: 'SO-9', customerName: 'r1客户1号贸易有限公司', productCode: codes[0]!, quantity: 1 },
      { orderNo: 'SO-10', customerName: '不存在的公司', productCode: codes[0]!, quantity: 1 },
    ];
    const results = await run(ordersImportKind, rows);
    expect(errorsOf(results[0])).toEqual(['-:imports.orders.error.orderRefused']);
    expect(errorsOf(results[1])).toEqual(['customerName:imports.orders.error.orderConflict']);
    expect(errorsOf(results[2])).toEqual(['customerName:imports.rowError.notFound']);
    expect((await p.clients.r1.get('/api/v1/orders?q=SO-9')).json().items).toHaveLength(0);
  });

  it("does not reach another salesperson's customer", async () => {
    const rows = [{ orderNo: 'SO-20', customerName: 'r3客户0号贸易有限公司', productCode: codes[0]!, quantity: 1 }];
    expect(errorsOf((await run(ordersImportKind, rows))[0])).toEqual(['customerName:imports.rowError.notFound']);
  });

  it('updates a draft order with the update policy and refuses to change a confirmed one', async () => {
    const draft = [
      { orderNo: 'SO-30', customerName: customerName(), productCode: codes[0]!, quantity: 1, status: 'draft' },
    ];
    await run(ordersImportKind, draft);
    const changed = await run(ordersImportKind, [{ ...draft[0]!, quantity: 5 }], { policy: 'update' });
    expect(outcomes(changed)).toEqual(['updated']);
    const order = (await p.clients.r1.get('/api/v1/orders?q=SO-30')).json().items[0];
    expect(order.totalFen).toBe(50_000);
    const confirmed = [
      { orderNo: 'SO-1', customerName: customerName(), productCode: codes[0]!, quantity: 9, status: 'shipped' },
    ];
    expect(errorsOf((await run(ordersImportKind, confirmed, { policy: 'update' }))[0])).toEqual([
      'status:imports.orders.error.onlyDrafts',
    ]);
  });
});
