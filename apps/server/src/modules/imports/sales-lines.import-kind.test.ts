import { and, count, eq, isNotNull, sql, sum } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { contacts, customers, orderLines, orders, products } from '../../platform/db/schema/index.js';
import { usePersonas } from '../../test/file-context.js';
import { mapOrderStatus } from '../orders/index.js';
import { orderFixtures as fx } from '../../test/order-fixtures.js';
import type { ImportValue } from './import-kind.js';
import { errorsOf, kindRunner, outcomes } from './import-kinds.fixtures.js';
import { expectedFromSalesFile, fenOf, readSalesFile, type SalesRecord } from './sales-file.fixtures.js';
import { salesLinesImportKind } from './sales-lines.import-kind.js';

const { ctx, p } = usePersonas({ customersEach: 1 });
const run = kindRunner(ctx, () => p.clients.admin);

/** A record as the engine hands it over once mapped and converted (US dates, money in fen). */
function converted(r: SalesRecord): Record<string, ImportValue | undefined> {
  const [month, day, year] = r.ORDERDATE!.split('/');
  const text = (v: string | undefined) => (v && v.trim() !== '' ? v.trim() : undefined);
  return {
    orderNo: r.ORDERNUMBER,
    lineNo: Number(r.ORDERLINENUMBER),
    quantity: Number(r.QUANTITYORDERED),
    unitPrice: fenOf(r.PRICEEACH!),
    amount: fenOf(r.SALES!),
    orderDate: `20${year}-${month}-${day}`,
    status: mapOrderStatus(r.STATUS) ?? undefined,
    productCategory: text(r.PRODUCTLINE),
    listPrice: fenOf(r.MSRP!),
    productCode: r.PRODUCTCODE,
    customerName: r.CUSTOMERNAME,
    customerPhone: text(r.PHONE),
    addressLine1: text(r.ADDRESSLINE1),
    addressLine2: text(r.ADDRESSLINE2),
    city: text(r.CITY),
    state: text(r.STATE),
    postalCode: text(r.POSTALCODE),
    country: text(r.COUNTRY),
    contactLastName: text(r.CONTACTLASTNAME),
    contactFirstName: text(r.CONTACTFIRSTNAME),
  };
}

/** Lines of one order together, as the engine batches a kind with a group key. */
function byOrder(rows: Record<string, ImportValue | undefined>[]) {
  const groups = new Map<unknown, Record<string, ImportValue | undefined>[]>();
  for (const row of rows) groups.set(row.orderNo, [...(groups.get(row.orderNo) ?? []), row]);
  return [...groups.values()].flat();
}

const { records } = readSalesFile();
const expected = expectedFromSalesFile(records);

async function totals(orgId: string) {
  const db = ctx.database.db;
  const [o] = await db
    .select({ n: count(), total: sum(orders.totalFen) })
    .from(orders)
    .where(and(eq(orders.orgId, orgId), isNotNull(orders.externalId)));
  const [l] = await db
    .select({ n: count() })
    .from(orderLines)
    .innerJoin(orders, and(eq(orders.orgId, orderLines.orgId), eq(orders.id, orderLines.orderId)))
    .where(and(eq(orderLines.orgId, orgId), isNotNull(orders.externalId)));
  const [c] = await db
    .select({ n: count() })
    .from(customers)
    .where(and(eq(customers.orgId, orgId), sql`${customers.name} not like '%贸易有限公司'`));
  const [pr] = await db.select({ n: count() }).from(products).where(eq(products.orgId, orgId));
  const [ct] = await db.select({ n: count() }).from(contacts).where(eq(contacts.orgId, orgId));
  return { orders: o!.n, totalFen: Number(o!.total), lines: l!.n, customers: c!.n, products: pr!.n, contacts: ct!.n };
}

beforeAll(async () => {
  await fx.warehouse(ctx.database.db, p.orgId);
});

describe('sales lines kind on the Classic Models file', () => {
  it('creates the orders, lines, customers, contacts and products of the file, and the same again changes nothing', async () => {
    const rows = byOrder(records.map(converted));
    const started = Date.now();
    const results = await run(salesLinesImportKind, rows, { batchSize: 500 });
    const seconds = (Date.now() - started) / 1000;
    console.info(
      `sales file via the kind: ${rows.length} rows in ${seconds.toFixed(1)} s = ${Math.round(rows.length / seconds)} rows/s`,
    );
    expect(results.flatMap((r, i) => (r.outcome === 'error' ? [`${i}:${errorsOf(r).join()}`] : []))).toEqual([]);
    const after = await totals(p.orgId);
    expect(after).toMatchObject({
      orders: expected.orders,
      lines: expected.lines,
      customers: expected.customers,
      products: expected.products,
      contacts: expected.customers,
      totalFen: expected.totalFen,
    });
    // The amounts win over the capped PRICEEACH; five lines do not divide evenly (a few fen each).
    expect(Math.abs(after.totalFen - expected.fileSalesFen)).toBeLessThan(100);

    const names = (await p.clients.admin.get('/api/v1/contacts?q=Sommer'))
      .json()
      .items.map((c: { name: string }) => c.name);
    expect(names).toContain('Martín Sommer');
    const addressOf = async (contactSurname: string) => {
      const contact = (await p.clients.admin.get(`/api/v1/contacts?q=${contactSurname}`)).json().items[0];
      return (await p.clients.admin.get(`/api/v1/customers/${contact.customerId}`)).json().address as string;
    };
    expect(await addressOf('Saavedra')).toContain('Rambla de Cataluña');
    expect(await addressOf('Berglund')).toContain('Berguvsvägen');
    const nyc = (await p.clients.admin.get('/api/v1/customers?q=Land%20of%20Toys')).json().items[0];
    expect(nyc).toMatchObject({ phone: '+12125557818', stage: 'repeat' });
    const reims = (await p.clients.admin.get('/api/v1/customers?q=Reims')).json().items[0];
    expect(reims.phone).toBeNull();
    expect(reims.remarks).toContain('26.47.1555');

    const again = await run(salesLinesImportKind, rows, { batchSize: 500 });
    expect(new Set(outcomes(again))).toEqual(new Set(['duplicate']));
    const unchanged = await run(salesLinesImportKind, rows, { batchSize: 500, policy: 'update' });
    expect(new Set(outcomes(unchanged))).toEqual(new Set(['unchanged']));
    expect(await totals(p.orgId)).toEqual(after);
  }, 600_000);

  it('refuses an order with one bad line whole, with its new customer, and says so on every row', async () => {
    const lines = records.filter((r) => r.ORDERNUMBER === '10107').map(converted);
    const rows = lines.map((l, i) => ({
      ...l,
      orderNo: 'BAD-1',
      customerName: 'Half Written Toys Ltd.',
      ...(i === 2 ? { quantity: 0 } : {}),
    }));
    const results = await run(salesLinesImportKind, rows);
    expect(errorsOf(results[2])).toEqual(['quantity:imports.rowError.invalid']);
    expect(errorsOf(results[0])).toEqual(['-:imports.orders.error.orderRefused']);
    expect(results.every((r) => r.outcome === 'error')).toBe(true);
    expect((await p.clients.admin.get('/api/v1/customers?q=Half%20Written')).json().items).toEqual([]);
    expect((await p.clients.admin.get('/api/v1/orders?q=BAD-1')).json().items).toEqual([]);
  });

  it('rolls back the customer and products made for an order whose write fails', async () => {
    const line = converted(records[0]!);
    const rows = [
      { ...line, orderNo: 'BAD-2', customerName: 'Rolled Back Co.', productCode: 'NEW-ROLLBACK', lineNo: 1 },
      // A unit price over the cap fails in the orders rules, after the customer and product were made.
      {
        ...line,
        orderNo: 'BAD-2',
        customerName: 'Rolled Back Co.',
        lineNo: 2,
        quantity: 10_000_000,
        unitPrice: 99_999_999_999,
        amount: undefined,
      },
    ];
    const results = await run(salesLinesImportKind, rows);
    expect(outcomes(results)).toEqual(['error', 'error']);
    expect((await p.clients.admin.get('/api/v1/customers?q=Rolled%20Back')).json().items).toEqual([]);
    expect((await p.clients.admin.get('/api/v1/products?q=NEW-ROLLBACK')).json().items).toEqual([]);
  });
});
