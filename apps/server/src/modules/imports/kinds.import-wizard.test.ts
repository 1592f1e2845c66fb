import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestContext } from '../../test/file-context.js';
import type { Client } from '../../test/test-app.js';
import { importThroughWizard } from './import-wizard.fixtures.js';

const dataDir = await mkdtemp(path.join(tmpdir(), 'guanxi-kinds-import-'));
const ctx = useTestContext({ dataDir });
let admin: Client;

/** A CSV file as spreadsheets save it (UTF-8 with BOM, CRLF). */
const csvOf = (rows: (string | number)[][]) =>
  Buffer.from(
    '\ufeff' + rows.map((r) => r.map((c) => `"${String(c).replace(/"/g, '""')}"`).join(',')).join('\r\n') + '\r\n',
  );

/** An XLSX workbook with one sheet, built as Excel would store it (numbers and dates as cells of their type). */
async function xlsxOf(rows: (string | number | Date)[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('数据');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const wizard = (kind: string, fileName: string, bytes: Buffer) =>
  importThroughWizard(ctx, admin, { kind, fileName, bytes, dataDir });

beforeAll(async () => {
  const org = await ctx.createOrg();
  admin = await ctx.login(await ctx.createUser({ orgId: org.orgId, roleIds: [org.roleIds.admin!] }));
  for (const name of ['华东测试贸易有限公司', 'Westwind Trading Ltd.']) {
    const created = await admin.post('/api/v1/customers', { kind: 'company', name });
    expect(created.statusCode, created.body).toBe(201);
  }
});

describe('each kind from CSV and XLSX through the wizard', () => {
  it('products: Chinese headers in CSV, English in XLSX; prices in fen, categories by name, again nothing new', async () => {
    const csv = csvOf([
      ['产品编码', '产品名称', '产品分类', '单位', '标准价', '成本价'],
      ['GX-001', '工业控制器', '控制设备', '台', '¥1,280.00', '800'],
      ['GX-002', '温度传感器', '传感器', '', '35.5', ''],
    ]);
    const first = await wizard('products', 'products.csv', csv);
    expect(first.completed.runSummary).toMatchObject({ created: 2, errors: 0 });
    const xlsx = await xlsxOf([
      ['Product Code', 'Product Name', 'Product Line', 'MSRP'],
      ['S10_1678', '1969 Harley Davidson Ultimate Chopper', 'Motorcycles', 95],
    ]);
    expect((await wizard('products', 'products.xlsx', xlsx)).completed.runSummary).toMatchObject({ created: 1 });
    const items = (await admin.get('/api/v1/products?limit=50')).json().items;
    expect(
      items.map((p: { code: string; listPriceFen: number; unit: string; categoryName: string | null }) => [
        p.code,
        p.listPriceFen,
        p.unit,
        p.categoryName,
      ]),
    ).toEqual([
      ['GX-001', 128_000, '台', '控制设备'],
      ['GX-002', 3_550, '件', '传感器'],
      ['S10_1678', 9_500, '件', 'Motorcycles'],
    ]);
    expect((await wizard('products', 'products.csv', csv)).completed.runSummary).toMatchObject({
      created: 0,
      duplicates: 2,
    });
  });

  it('orders: XLSX and CSV lines grouped by order number, status words mapped, for existing customers and products', async () => {
    const xlsx = await xlsxOf([
      ['订单号', '客户名称', '产品编码', '数量', '单价', '订单日期', '状态'],
      ['XS-100', '华东测试贸易有限公司', 'GX-001', 2, 1200, new Date(Date.UTC(2024, 2, 1)), '已发货'],
      ['XS-100', '华东测试贸易有限公司', 'GX-002', 10, 30, new Date(Date.UTC(2024, 2, 1)), '已发货'],
    ]);
    expect((await wizard('orders', 'orders.xlsx', xlsx)).completed.runSummary).toMatchObject({ created: 2, errors: 0 });
    const csv = csvOf([
      ['Order No', 'Customer Name', 'Product Code', 'Qty', 'Unit Price', 'Order Date', 'Status'],
      ['EN-7', 'Westwind Trading Ltd.', 'S10_1678', '3', '90', '2024-04-02', 'In Process'],
    ]);
    expect((await wizard('orders', 'orders.csv', csv)).completed.runSummary).toMatchObject({ created: 1 });
    const xs = (await admin.get('/api/v1/orders?q=XS-100')).json().items[0];
    expect(xs).toMatchObject({ status: 'shipped', orderDate: '2024-03-01', totalFen: 2 * 120_000 + 10 * 3_000 });
    const en = (await admin.get('/api/v1/orders?q=EN-7')).json().items[0];
    expect(en).toMatchObject({ status: 'confirmed', totalFen: 27_000, customerStage: 'first_purchase' });
  });

  it('payments: against orders by number from CSV and XLSX; the paid amount follows; again nothing new', async () => {
    const csv = csvOf([
      ['订单号', '回款金额', '回款日期', '回款方式', '流水号'],
      ['XS-100', '1,000.00', '2024-03-05', '银行转账', 'BK-1'],
    ]);
    expect((await wizard('payments', 'payments.csv', csv)).completed.runSummary).toMatchObject({ created: 1 });
    const xlsx = await xlsxOf([
      ['Order Number', 'Amount', 'Payment Date', 'Payment Method'],
      ['EN-7', 270, '2024-04-03', 'Alipay'],
      ['EN-7', 10, '2024-04-04', 'Alipay'],
    ]);
    const run = await wizard('payments', 'payments.xlsx', xlsx);
    // The second would pay more than the order's total: refused by the payments rule, named.
    expect(run.completed.runSummary).toMatchObject({ created: 1, errors: 1 });
    const xs = (await admin.get('/api/v1/orders?q=XS-100')).json().items[0];
    expect(xs.paidFen).toBe(100_000);
    expect((await admin.get('/api/v1/orders?q=EN-7')).json().items[0].paidFen).toBe(27_000);
    expect((await wizard('payments', 'payments.csv', csv)).completed.runSummary).toMatchObject({
      created: 0,
      duplicates: 1,
    });
  });

  it('follow-ups: CSV with Chinese type words and XLSX with English ones move the customer’s last follow-up', async () => {
    const csv = csvOf([
      ['客户名称', '跟进方式', '跟进内容', '跟进时间'],
      ['华东测试贸易有限公司', '电话', '电话沟通报价', '2024-05-06 10:30'],
    ]);
    expect((await wizard('follow_ups', 'follow-ups.csv', csv)).completed.runSummary).toMatchObject({ created: 1 });
    const xlsx = await xlsxOf([
      ['Customer Name', 'Type', 'Content', 'Date'],
      ['Westwind Trading Ltd.', 'WeChat', 'Sent the catalogue', '2024-05-07'],
      ['Nobody Ltd.', 'WeChat', 'Lost', '2024-05-07'],
    ]);
    expect((await wizard('follow_ups', 'follow-ups.xlsx', xlsx)).completed.runSummary).toMatchObject({
      created: 1,
      errors: 1,
    });
    const customer = (await admin.get('/api/v1/customers?q=Westwind')).json().items[0];
    const list = (await admin.get(`/api/v1/follow-ups?customerId=${customer.id}`)).json().items;
    expect(list[0]).toMatchObject({ type: 'wechat', content: 'Sent the catalogue' });
    expect((await wizard('follow_ups', 'follow-ups.csv', csv)).completed.runSummary).toMatchObject({
      created: 0,
      duplicates: 1,
    });
  });
});
