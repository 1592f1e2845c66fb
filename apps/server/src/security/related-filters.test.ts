import { beforeAll, describe, expect, it } from 'vitest';
import { orderFixtures as fx } from '../test/order-fixtures.js';
import { newId } from '../platform/db/ids.js';
import type { Client } from '../test/test-app.js';
import { usePersonas } from '../test/file-context.js';

/**
 * Side doors through list filters (issue 10, defect 9): a list filtered by the id of a related
 * record (customer, order, opportunity, lead) applies that record's read scope. Given an id the
 * caller cannot open, every list answers 200 with an empty page — the same as for an unknown id —
 * never the related record's rows, anonymized or not. The owner gets the rows.
 */

const { ctx, p } = usePersonas({ customersEach: 1 });
/** List URLs filtered by one of r1's records; r1 sees rows in each, r2 must see none. */
const filtered: string[] = [];

async function created(
  client: Client,
  url: string,
  body: object,
  method: 'POST' | 'PUT' = 'POST',
): Promise<{ id: string }> {
  const response = await client.request({ method, url, payload: body });
  if (response.statusCode >= 300) throw new Error(`${method} ${url} failed: ${response.statusCode} ${response.body}`);
  return response.json() as { id: string };
}

beforeAll(async () => {
  const db = ctx.database.db;
  const r1 = p.clients.r1;
  const customerId = p.customers.r1[0]!;
  const warehouseId = await fx.warehouse(db, p.orgId);
  const productId = await fx.product(db, p.orgId, { listPriceFen: 10_000, costPriceFen: 6_000 });
  await fx.stock(db, { orgId: p.orgId, warehouseId, productId }, 100);

  await created(r1, '/api/v1/contacts', { customerId, name: '李采购', mobile: '13900002222' });
  const opportunity = await created(r1, '/api/v1/opportunities', { customerId, name: '年度采购', amountFen: 500_000 });
  await created(r1, '/api/v1/follow-ups', {
    customerId,
    opportunityId: opportunity.id,
    type: 'call',
    content: '电话沟通报价',
  });
  const lead = await created(r1, '/api/v1/leads', { name: '赵先生', mobile: '13900003333' });
  await created(r1, '/api/v1/follow-ups', { leadId: lead.id, type: 'call', content: '初次联系' });
  const order = await created(r1, '/api/v1/orders', { customerId, lines: [{ productId, quantity: 2 }] });
  await created(
    r1,
    `/api/v1/orders/${order.id}/payment-plan`,
    { version: 0, installments: [{ dueDate: '2030-01-31', amountFen: 20_000 }] },
    'PUT',
  );
  await created(r1, `/api/v1/orders/${order.id}/submit`, {});
  await created(p.clients.finance, `/api/v1/orders/${order.id}/confirm`, {});
  const today = new Date().toISOString().slice(0, 10);
  await created(p.clients.finance, '/api/v1/payments', {
    orderId: order.id,
    amountFen: 5_000,
    method: 'cash',
    receivedOn: today,
  });
  await created(r1, '/api/v1/expenses', {
    category: 'meals',
    amountFen: 8_800,
    spentOn: today,
    customerId,
    description: '招待客户',
  });
  await created(r1, '/api/v1/tasks', { title: '寄样品', relatedType: 'customer', relatedId: customerId });
  await created(r1, '/api/v1/visits', { customerId, address: '上海市浦东新区张江路 1 号', note: '上门拜访' });

  filtered.push(
    `/api/v1/contacts?customerId=${customerId}`,
    `/api/v1/follow-ups?customerId=${customerId}`,
    `/api/v1/follow-ups?opportunityId=${opportunity.id}`,
    `/api/v1/follow-ups?leadId=${lead.id}`,
    `/api/v1/opportunities?customerId=${customerId}`,
    `/api/v1/orders?customerId=${customerId}`,
    `/api/v1/payments?orderId=${order.id}`,
    `/api/v1/payments?customerId=${customerId}`,
    `/api/v1/payment-plans?orderId=${order.id}`,
    `/api/v1/payment-plans?customerId=${customerId}`,
    `/api/v1/stock-movements?orderId=${order.id}`,
    `/api/v1/expenses?customerId=${customerId}`,
    `/api/v1/tasks?relatedId=${customerId}`,
    `/api/v1/visits?customerId=${customerId}`,
  );
});

const itemsOf = async (client: Client, url: string) => {
  const response = await client.get(url);
  expect(response.statusCode, `${url}: ${response.body}`).toBe(200);
  return (response.json() as { items: unknown[] }).items;
};

describe('list filters by a related record apply that record’s scope (issue 10, defect 9)', () => {
  it('the owner finds the related rows through every filter', async () => {
    const empty: string[] = [];
    for (const url of filtered) if ((await itemsOf(p.clients.r1, url)).length === 0) empty.push(url);
    expect(empty).toEqual([]);
  });

  it('a salesperson who cannot open the record gets an empty page from every filter, as for an unknown id', async () => {
    const answers: string[] = [];
    for (const url of filtered) {
      for (const probe of [url, url.replace(/=[0-9a-f-]{36}$/, `=${newId()}`)]) {
        const response = await p.clients.r2.get(probe);
        const rows = response.statusCode === 200 ? (response.json() as { items: unknown[] }).items.length : null;
        if (rows !== 0) answers.push(`${probe} → ${response.statusCode}${rows === null ? '' : `, ${rows} rows`}`);
      }
    }
    expect(answers).toEqual([]);
  });
});
