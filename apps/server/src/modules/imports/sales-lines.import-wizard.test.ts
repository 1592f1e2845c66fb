import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ImportJob } from '@guanxi/contract';
import { and, count, eq, isNotNull, sum } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog, contacts, customers, orderLines, orders, products } from '../../platform/db/schema/index.js';
import { useTestContext } from '../../test/file-context.js';
import type { Client } from '../../test/test-app.js';
import { orderFixtures as fx } from '../../test/order-fixtures.js';
import { importThroughWizard, remap } from './import-wizard.fixtures.js';
import { expectedFromSalesFile, readSalesFile } from './sales-file.fixtures.js';

const dataDir = await mkdtemp(path.join(tmpdir(), 'guanxi-sales-import-'));
const ctx = useTestContext({ dataDir });
let admin: Client;
let orgId: string;
const { bytes, records } = readSalesFile();
const expected = expectedFromSalesFile(records);

beforeAll(async () => {
  const org = await ctx.createOrg();
  orgId = org.orgId;
  admin = await ctx.login(await ctx.createUser({ orgId, roleIds: [org.roleIds.admin!] }));
  await fx.warehouse(ctx.database.db, orgId);
});

/** The file's US dates need the month first; everything else is the server's own suggestion. */
const usDates = (suggested: ImportJob['mapping'], job: ImportJob) => remap(suggested, job, {}, { dateOrder: 'mdy' });

async function counts() {
  const db = ctx.database.db;
  const imported = and(eq(orders.orgId, orgId), isNotNull(orders.externalId));
  const [o] = await db
    .select({ n: count(), total: sum(orders.totalFen) })
    .from(orders)
    .where(imported);
  const [l] = await db
    .select({ n: count() })
    .from(orderLines)
    .innerJoin(orders, and(eq(orders.orgId, orderLines.orgId), eq(orders.id, orderLines.orderId)))
    .where(imported);
  const n = async (table: typeof customers | typeof products | typeof contacts) =>
    (await db.select({ n: count() }).from(table).where(eq(table.orgId, orgId)))[0]!.n;
  return {
    orders: o!.n,
    totalFen: Number(o!.total),
    lines: l!.n,
    customers: await n(customers),
    contacts: await n(contacts),
    products: await n(products),
  };
}

describe('the Classic Models sales file through the import wizard', () => {
  it('is read as CP850 with its columns suggested, checked clean, and imported whole', async () => {
    let suggestedColumns: Record<string, number> = {};
    let job: ImportJob | undefined;
    const { checked, completed, seconds } = await importThroughWizard(ctx, admin, {
      kind: 'sales_lines',
      fileName: 'sales_data_sample.csv',
      bytes,
      dataDir,
      mapping: (suggested, uploaded) => {
        suggestedColumns = suggested.columns;
        job = uploaded;
        return usDates(suggested, uploaded);
      },
    });
    console.info(
      `sales file through the wizard: ${records.length} rows in ${seconds.toFixed(1)} s = ${Math.round(records.length / seconds)} rows/s`,
    );
    expect(job!.source).toMatchObject({ format: 'csv', encoding: 'cp850' });
    const header = (field: string) => job!.columns[suggestedColumns[field]!]?.header;
    expect({
      orderNo: header('orderNo'),
      quantity: header('quantity'),
      unitPrice: header('unitPrice'),
      amount: header('amount'),
      productCode: header('productCode'),
      customerName: header('customerName'),
      status: header('status'),
      orderDate: header('orderDate'),
    }).toEqual({
      orderNo: 'ORDERNUMBER',
      quantity: 'QUANTITYORDERED',
      unitPrice: 'PRICEEACH',
      amount: 'SALES',
      productCode: 'PRODUCTCODE',
      customerName: 'CUSTOMERNAME',
      status: 'STATUS',
      orderDate: 'ORDERDATE',
    });
    expect(checked.checkSummary).toMatchObject({ created: expected.lines, errors: 0 });
    expect(completed.runSummary).toMatchObject({ created: expected.lines, errors: 0 });
    const after = await counts();
    expect(after).toEqual({
      orders: expected.orders,
      lines: expected.lines,
      customers: expected.customers,
      contacts: expected.customers,
      products: expected.products,
      totalFen: expected.totalFen,
    });
    expect(Math.abs(after.totalFen - expected.fileSalesFen)).toBeLessThan(100);

    const martin = (await admin.get('/api/v1/contacts?q=Sommer')).json().items[0];
    expect(martin.name).toBe('Martín Sommer');
    const order = (await admin.get('/api/v1/orders?q=10107')).json().items[0];
    expect(order).toMatchObject({ orderNo: '10107', orderDate: '2003-02-24', status: 'shipped' });

    // Created records are counted in the import's own audit entries (one per batch), not one each.
    const audits = await ctx.database.db
      .select({ entity: auditLog.entity, action: auditLog.action, n: count() })
      .from(auditLog)
      .where(and(eq(auditLog.orgId, orgId), eq(auditLog.action, 'create')))
      .groupBy(auditLog.entity, auditLog.action);
    expect(audits.filter((a) => ['order', 'customer', 'product', 'contact'].includes(a.entity))).toEqual([]);
    const importAudits = await ctx.database.db
      .select({ after: auditLog.after })
      .from(auditLog)
      .where(and(eq(auditLog.orgId, orgId), eq(auditLog.action, 'import')));
    expect(importAudits.reduce((s, a) => s + (a.after as { created: number }).created, 0)).toBe(expected.lines);
  }, 900_000);

  it('imported again creates nothing: every row is a duplicate and the counts stay', async () => {
    const before = await counts();
    const { completed } = await importThroughWizard(ctx, admin, {
      kind: 'sales_lines',
      fileName: 'sales_data_sample.csv',
      bytes,
      dataDir,
      mapping: usDates,
    });
    expect(completed.runSummary).toMatchObject({ created: 0, updated: 0, duplicates: expected.lines, errors: 0 });
    expect(await counts()).toEqual(before);
  }, 900_000);

  it('refuses an order whose one line is bad, row by row, and writes nothing of it', async () => {
    const text = bytes.toString('latin1').split('\r\n');
    const header = text[0]!;
    const lines = text.filter((line) => line.startsWith('10107,'));
    // A new order number and customer; the third line's quantity is no number.
    const changed = lines.map((line, i) => {
      const cells = line.replace('Land of Toys Inc.', 'Half Written Toys').split(',');
      cells[0] = '90001';
      if (i === 2) cells[1] = 'many';
      return cells.join(',');
    });
    const file = Buffer.from([header, ...changed].join('\r\n') + '\r\n', 'latin1');
    const before = await counts();
    const { checked, completed } = await importThroughWizard(ctx, admin, {
      kind: 'sales_lines',
      fileName: 'bad-line.csv',
      bytes: file,
      dataDir,
      mapping: usDates,
    });
    expect(checked.checkSummary).toMatchObject({ created: 0, errors: lines.length });
    expect(completed.runSummary).toMatchObject({ created: 0, errors: lines.length });
    const errors = (await admin.get(`/api/v1/imports/${completed.id}/errors?phase=run`)).json().items;
    expect(errors.map((e: { rowNumber: number }) => e.rowNumber).sort((a: number, b: number) => a - b)).toEqual(
      changed.map((_, i) => i + 2),
    );
    expect(await counts()).toEqual(before);
    expect((await admin.get('/api/v1/customers?q=Half%20Written')).json().items).toEqual([]);
  }, 300_000);
});
