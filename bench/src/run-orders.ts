/**
 * Issue 5 workloads ("orders and money"): on an existing data set (generate.ts), adds orders once
 * (set-based SQL, idempotent), times the nightly jobs in-process, then measures over HTTP (serial,
 * keep-alive, after a warm-up) the order, payment, stock, credit, ageing, contribution, pyramid
 * and approval reads as a salesperson, a sales manager and an admin, and the order write path
 * (create → submit → confirm → ship, then a payment).
 *
 * `tsx bench/src/run-orders.ts --db URL | --pglite DIR [--iterations N] [--max-seconds S]`
 */
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { sql, type SQL } from 'drizzle-orm';
import { openStore } from '../../apps/server/src/server.js';
import type { Database } from '../../apps/server/src/platform/db/client.js';
import { queryRows } from '../../apps/server/src/platform/db/query.js';
import { DEMO_ORG_NAME } from '../../apps/server/src/modules/demo/demo-seed.js';
import { computeCustomerValues } from '../../apps/server/src/modules/customer-value/index.js';
import { markOverdueInstallments } from '../../apps/server/src/modules/payments/payments.jobs.js';
import { TARGET_OPTIONS, configFor, ms, parseArgs, parseCount, summarize, targetFrom, type Latency } from './common.js';
import { API, login, request, rssMb, startServer, stopServer } from './server-control.js';

const log = (line: string) => console.log(line);

/** Sizes of the supplement (bench data, not a workload parameter). */
const PRODUCTS = 200;
/** Every sixth live owned customer (by number) gets 1–3 orders: ≈ 150k customers, ≈ 300k orders at 1M. */
const CUSTOMER_STRIDE = 6;
const CREDIT_LIMITS = 20_000;
const EXPENSES = 50_000;
const PRODUCT_PREFIX = 'BENCH-P';

// ---------------------------------------------------------------------------------------------
// Data: orders, lines, payments, plans, credit limits, expenses — once, in one transaction

interface Supplement {
  added: boolean;
  seconds: number;
}

async function unbounded(database: Database, statements: SQL[]): Promise<void> {
  await database.db.transaction(async (tx) => {
    if (database.kind === 'postgres') await tx.execute(sql`set local statement_timeout = 0`);
    for (const statement of statements) await tx.execute(statement);
  });
}

async function supplementOrders(database: Database, orgId: string): Promise<Supplement> {
  const started = performance.now();
  const [present] = await queryRows<{ n: number }>(
    database.db,
    sql`select count(*)::int as n from products where org_id = ${orgId} and code = ${`${PRODUCT_PREFIX}0001`}`,
  );
  if ((present?.n ?? 0) > 0) return { added: false, seconds: 0 };
  const [org] = await queryRows<{
    timeZone: string;
    warehouseId: string | null;
    financeId: string;
    seq: number | null;
    prefix: string | null;
  }>(
    database.db,
    sql`select o.time_zone as "timeZone",
               (select id from warehouses w where w.org_id = o.id and w.is_default) as "warehouseId",
               (select id from users u where u.org_id = o.id and u.username = 'finance') as "financeId",
               (select next_value from org_sequences s where s.org_id = o.id and s.name = 'order')::int as seq,
               (select prefix from org_sequences s where s.org_id = o.id and s.name = 'order') as prefix
          from organizations o where o.id = ${orgId}`,
  );
  if (!org?.warehouseId) throw new Error('the demo organization has no default warehouse');
  const tz = org.timeZone;
  const base = org.seq ?? 1;
  const prefix = org.prefix ?? 'DD';
  const owed = sql`('confirmed', 'shipped', 'completed')`;
  // h: a per-order pseudo-random non-negative integer; fields take different "digits" of it.
  log(`  orders: adding products, orders, lines, payments, plans, credit limits, expenses (one transaction)…`);
  await unbounded(database, [
    sql`insert into products (org_id, id, code, name, unit, specification, list_price_fen, cost_price_fen)
        select ${orgId}, gen_random_uuid(), ${PRODUCT_PREFIX} || lpad(g::text, 4, '0'), '基准产品' || g, '件', '标准规格',
               1000 + (g * 7919) % 200000, (1000 + (g * 7919) % 200000) * (55 + g % 25) / 100
          from generate_series(1, ${PRODUCTS}) g`,
    sql`create temp table bench_products on commit drop as
        select row_number() over (order by code)::int as idx, id, code, name, unit, list_price_fen, cost_price_fen
          from products where org_id = ${orgId} and code like ${`${PRODUCT_PREFIX}%`}`,
    sql`insert into stock_levels (org_id, warehouse_id, product_id, on_hand, reserved)
        select ${orgId}, ${org.warehouseId}::uuid, id, 1000000000, 0 from bench_products`,
    sql`create temp table bench_customers on commit drop as
        select id, owner_id, (row_number() over (order by customer_no))::int as rn
          from (select id, owner_id, customer_no, row_number() over (order by customer_no) as n
                  from customers where org_id = ${orgId} and deleted_at is null and owner_id is not null) c
         where n % ${CUSTOMER_STRIDE} = 0`,
    sql`create temp table bench_orders on commit drop as
        select gen_random_uuid() as id, c.id as customer_id, c.owner_id, h,
               case when h % 100 < 3 then 'draft' when h % 100 < 4 then 'submitted' when h % 100 < 7 then 'cancelled'
                    when h % 100 < 32 then 'confirmed' when h % 100 < 60 then 'shipped' else 'completed' end as status,
               now() - make_interval(days => (h / 100) % 545, secs => (h / 54500) % 86400) - interval '3 days' as t,
               1 + (h / 13) % 4 as n_lines
          from bench_customers c
          cross join lateral generate_series(1, 1 + c.rn % 3) g
          cross join lateral (select abs(hashtext(c.id::text || ':' || g)) as h) r`,
    sql`create temp table bench_lines on commit drop as
        select gen_random_uuid() as id, o.id as order_id, ln as line_no, p.id as product_id, p.code, p.name, p.unit,
               1 + hl % 20 as quantity, p.list_price_fen,
               case hl % 10 when 0 then 500 when 1 then 1000 else 0 end as discount_bp, p.cost_price_fen
          from bench_orders o
          cross join lateral generate_series(1, o.n_lines) ln
          cross join lateral (select abs(hashtext(o.id::text || ':' || ln)) as hl) r
          join bench_products p on p.idx = 1 + hl % ${PRODUCTS}`,
    sql`create temp table bench_totals on commit drop as
        select order_id, sum((quantity::bigint * list_price_fen * (10000 - discount_bp) + 5000) / 10000)::bigint as total,
               sum(quantity::bigint * cost_price_fen)::bigint as cost
          from bench_lines group by order_id`,
    // 60 % of the owed orders are paid, a quarter of those partly (30–89 %).
    sql`insert into orders (org_id, id, order_no, customer_id, owner_id, status, currency, order_date, warehouse_id,
                            total_fen, cost_fen, paid_fen, submitted_at, confirmed_at, confirmed_by, shipped_at, completed_at,
                            cancelled_at, cancel_reason, created_by, created_at, updated_at)
        select ${orgId}, o.id,
               ${prefix} || lpad((${base} - 1 + row_number() over (order by o.t, o.id))::text,
                                 greatest(6, length((${base} - 1 + row_number() over (order by o.t, o.id))::text)), '0'),
               o.customer_id, o.owner_id, o.status, 'CNY', (o.t at time zone ${tz})::date, ${org.warehouseId}::uuid,
               x.total, x.cost,
               case when o.status in ${owed} and (o.h / 17) % 100 < 60
                    then case when (o.h / 19) % 4 = 0 then x.total * (30 + o.h % 60) / 100 else x.total end else 0 end,
               case when o.status <> 'draft' then o.t + interval '2 hours' end,
               case when o.status in ${owed} then o.t + interval '1 day' end,
               case when o.status in ${owed} then ${org.financeId}::uuid end,
               case when o.status in ('shipped', 'completed') then o.t + interval '2 days' end,
               case when o.status = 'completed' then o.t + interval '3 days' end,
               case when o.status = 'cancelled' then o.t + interval '1 day' end,
               case when o.status = 'cancelled' then '客户取消' end,
               o.owner_id, o.t, o.t + interval '3 days'
          from bench_orders o join bench_totals x on x.order_id = o.id`,
    sql`insert into order_lines (org_id, id, order_id, line_no, product_id, product_code, product_name, unit, quantity,
                                 unit_price_fen, discount_bp, line_total_fen, list_price_fen, unit_cost_fen)
        select ${orgId}, id, order_id, line_no, product_id, code, name, unit, quantity, list_price_fen, discount_bp,
               (quantity::bigint * list_price_fen * (10000 - discount_bp) + 5000) / 10000, list_price_fen, cost_price_fen
          from bench_lines`,
    sql`insert into payments (org_id, id, order_id, customer_id, amount_fen, method, received_on, reference, recorded_by, created_at)
        select ${orgId}, gen_random_uuid(), o.id, o.customer_id, o.paid_fen,
               (array['bank_transfer', 'bank_transfer', 'wechat', 'alipay', 'cash', 'acceptance_bill'])[1 + b.h % 6],
               least((now() at time zone ${tz})::date, (o.confirmed_at at time zone ${tz})::date + (b.h / 7) % 45),
               'BENCH-' || o.order_no, ${org.financeId}::uuid, o.confirmed_at + make_interval(days => (b.h / 7) % 45)
          from orders o join bench_orders b on b.id = o.id
         where o.org_id = ${orgId} and o.paid_fen > 0`,
    // Plans on 10 % of the owed orders: 2–3 monthly installments; what was paid settles the earliest first.
    sql`insert into payment_plans (org_id, id, order_id, customer_id, installment_no, due_date, amount_fen, paid_fen, status,
                                   created_by, created_at, updated_at)
        select ${orgId}, gen_random_uuid(), o.id, o.customer_id, i, (o.confirmed_at at time zone ${tz})::date + 30 * i,
               a.amount, a.paid,
               case when a.paid = a.amount then 'paid' when a.paid > 0 then 'partly_paid' else 'pending' end,
               o.owner_id, o.confirmed_at, o.confirmed_at
          from orders o join bench_orders b on b.id = o.id
          cross join lateral generate_series(1, 2 + b.h % 2) i
          cross join lateral (select case when i = 2 + b.h % 2 then o.total_fen - (1 + b.h % 2) * (o.total_fen / (2 + b.h % 2))
                                          else o.total_fen / (2 + b.h % 2) end as amount) s
          cross join lateral (select s.amount,
                                     least(s.amount, greatest(0, o.paid_fen - (i - 1) * (o.total_fen / (2 + b.h % 2)))) as paid) a
         where o.org_id = ${orgId} and o.status in ${owed} and (b.h / 23) % 10 = 0`,
    sql`insert into customer_credit (org_id, customer_id, limit_fen, term_days, updated_by)
        select ${orgId}, id, (5000 + abs(hashtext(id::text)) % 200000)::bigint * 100,
               (array[30, 30, 60, 90])[1 + abs(hashtext(id::text)) % 4], ${org.financeId}::uuid
          from bench_customers where rn % 7 = 3 order by rn limit ${CREDIT_LIMITS}`,
    sql`insert into expenses (org_id, id, employee_id, category, amount_fen, spent_on, customer_id, description, status,
                              decided_at, created_at, updated_at)
        select ${orgId}, gen_random_uuid(), c.owner_id, (array['travel', 'meals', 'gifts', 'samples', 'other'])[1 + h % 5],
               2000 + h % 200000, (now() at time zone ${tz})::date - (h / 5) % 540, c.id, '客户拜访费用', 'approved',
               now() - make_interval(days => (h / 5) % 540) + interval '2 days',
               now() - make_interval(days => (h / 5) % 540), now() - make_interval(days => (h / 5) % 540)
          from bench_customers c cross join lateral (select abs(hashtext(c.id::text || ':e')) as h) r
         where c.rn % 3 = 1 order by c.rn limit ${EXPENSES}`,
    sql`insert into org_sequences (org_id, name, prefix, next_value)
        values (${orgId}, 'order', ${prefix}, ${base} + (select count(*) from bench_orders))
        on conflict (org_id, name) do update set next_value = excluded.next_value`,
  ]);
  await database.db.execute(
    sql`vacuum (analyze) products, stock_levels, orders, order_lines, payments, payment_plans, customer_credit, expenses`,
  );
  return { added: true, seconds: (performance.now() - started) / 1000 };
}

async function sizes(database: Database, orgId: string): Promise<Record<string, number>> {
  const [row] = await queryRows<Record<string, number>>(
    database.db,
    sql`select (select count(*) from customers where org_id = ${orgId})::int as customers,
               (select count(*) from products where org_id = ${orgId})::int as products,
               (select count(*) from orders where org_id = ${orgId})::int as orders,
               (select count(distinct customer_id) from orders where org_id = ${orgId})::int as "orderCustomers",
               (select count(*) from order_lines where org_id = ${orgId})::int as "orderLines",
               (select count(*) from payments where org_id = ${orgId})::int as payments,
               (select count(*) from payment_plans where org_id = ${orgId})::int as "paymentPlans",
               (select count(*) from customer_credit where org_id = ${orgId})::int as "creditLimits",
               (select count(*) from expenses where org_id = ${orgId})::int as expenses,
               (select count(*) from customer_values where org_id = ${orgId})::int as "customerValues"`,
  );
  return row ?? {};
}

// ---------------------------------------------------------------------------------------------
// HTTP sampling

interface Settings {
  iterations: number;
  maxSeconds: number;
}

/** Serial samples of one GET over HTTP (keep-alive) after a warm-up; fewer when one call is slow. */
async function sample(
  port: number,
  cookie: string,
  path: string,
  settings: Settings,
): Promise<Latency & { bytes: number }> {
  const call = async () => {
    const t = performance.now();
    const res = await request(port, 'GET', path, { cookie });
    if (res.status !== 200) throw new Error(`GET ${path}: ${res.status} ${res.body.slice(0, 300)}`);
    return { ms: performance.now() - t, bytes: res.body.length };
  };
  const first = await call();
  const warmup = first.ms > 1000 ? 1 : first.ms > 100 ? 2 : 5;
  for (let i = 0; i < warmup; i++) await call();
  const minimum = first.ms > 1000 ? 5 : 20;
  const samples: number[] = [];
  const until = performance.now() + settings.maxSeconds * 1000;
  while (samples.length < settings.iterations && (samples.length < minimum || performance.now() < until)) {
    samples.push((await call()).ms);
  }
  return { ...summarize(samples), bytes: first.bytes };
}

async function send(port: number, cookie: string, method: 'POST', path: string, body: unknown, expected: number) {
  const t = performance.now();
  const res = await request(port, method, path, { cookie, 'content-type': 'application/json' }, JSON.stringify(body));
  const elapsed = performance.now() - t;
  if (res.status !== expected) throw new Error(`${method} ${path}: ${res.status} ${res.body.slice(0, 300)}`);
  return { elapsed, body: JSON.parse(res.body) as Record<string, unknown> };
}

/** Follows `pages` pages of a list and answers the cursor there (null when the list ends before). */
async function deepCursor(port: number, cookie: string, path: string, pages: number): Promise<string | null> {
  let cursor: string | null = null;
  for (let page = 0; page < pages; page++) {
    const res = await request(port, 'GET', `${path}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, {
      cookie,
    });
    const next = (JSON.parse(res.body) as { nextCursor: string | null }).nextCursor;
    if (!next) return cursor;
    cursor = next;
  }
  return cursor;
}

interface Ids {
  repOrderId: string;
  repCreditCustomerId: string;
  writeCustomerIds: string[];
  productIds: string[];
  today: string;
}

async function idsFor(database: Database, orgId: string): Promise<Ids> {
  const [rep] = await queryRows<{ id: string }>(
    database.db,
    sql`select id from users where org_id = ${orgId} and username = 'east.rep1'`,
  );
  if (!rep) throw new Error('no east.rep1');
  const [order] = await queryRows<{ id: string }>(
    database.db,
    sql`select o.id from orders o where o.org_id = ${orgId} and o.owner_id = ${rep.id} and o.status = 'completed'
         and o.deleted_at is null order by o.created_at desc limit 1`,
  );
  const [credit] = await queryRows<{ id: string }>(
    database.db,
    sql`select cc.customer_id as id from customer_credit cc join customers c on c.org_id = cc.org_id and c.id = cc.customer_id
         where cc.org_id = ${orgId} and c.owner_id = ${rep.id} and c.deleted_at is null
           and exists (select 1 from orders o where o.org_id = cc.org_id and o.customer_id = cc.customer_id) limit 1`,
  );
  const writers = await queryRows<{ id: string }>(
    database.db,
    sql`select c.id from customers c where c.org_id = ${orgId} and c.owner_id = ${rep.id} and c.deleted_at is null
         and not exists (select 1 from customer_credit cc where cc.org_id = c.org_id and cc.customer_id = c.id)
         order by c.customer_no limit 20`,
  );
  const products = await queryRows<{ id: string }>(
    database.db,
    sql`select id from products where org_id = ${orgId} and code like ${`${PRODUCT_PREFIX}%`} order by code limit 10`,
  );
  const [today] = await queryRows<{ d: string }>(
    database.db,
    sql`select to_char((now() at time zone time_zone)::date, 'YYYY-MM-DD') as d from organizations where id = ${orgId}`,
  );
  if (!order || !credit || writers.length === 0 || products.length < 2 || !today)
    throw new Error('bench data incomplete');
  return {
    repOrderId: order.id,
    repCreditCustomerId: credit.id,
    writeCustomerIds: writers.map((r) => r.id),
    productIds: products.map((r) => r.id),
    today: today.d,
  };
}

// ---------------------------------------------------------------------------------------------

interface ReadResult extends Latency {
  id: string;
  as: string;
  path: string;
  bytes: number;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      ...TARGET_OPTIONS,
      iterations: { type: 'string' },
      'max-seconds': { type: 'string' },
      'write-iterations': { type: 'string' },
    },
  });
  const target = targetFrom(values);
  const settings: Settings = {
    iterations: parseCount(values.iterations as string | undefined, 200),
    maxSeconds: parseCount(values['max-seconds'] as string | undefined, 5),
  };
  const writeIterations = parseCount(values['write-iterations'] as string | undefined, 100);
  const loadBefore = os.loadavg();
  const results: Record<string, unknown> = {
    target: target.kind,
    at: new Date().toISOString(),
    machine: {
      cpus: os.cpus().length,
      cpu: os.cpus()[0]?.model,
      loadAverageAtStart: loadBefore.map((l) => Number(l.toFixed(2))),
    },
  };

  const store = await openStore(configFor(target));
  let ids: Ids;
  try {
    const db = store.database.db;
    const [org] = await queryRows<{ id: string }>(db, sql`select id from organizations where name = ${DEMO_ORG_NAME}`);
    if (!org) throw new Error('no demo organization: generate the data set first');
    const supplement = await supplementOrders(store.database, org.id);
    log(
      supplement.added ? `orders supplement: ${supplement.seconds.toFixed(1)} s` : 'orders supplement: already present',
    );
    results.supplement = supplement;

    // Nightly jobs, in-process, on the whole organization.
    const jobs: Record<string, unknown> = {};
    const valueRuns: number[] = [];
    let written = 0;
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      written = await computeCustomerValues(db, new Date(), org.id);
      valueRuns.push(performance.now() - t);
    }
    jobs.customerValueCompute = { customersWritten: written, runsMs: valueRuns.map((v) => Math.round(v)) };
    log(
      `customerValue.compute: ${written.toLocaleString('en')} customers, ${valueRuns.map((v) => `${ms(v)} ms`).join(' / ')}`,
    );
    const overdueRuns: { marked: number; ms: number }[] = [];
    for (let i = 0; i < 2; i++) {
      const t = performance.now();
      const marked = await markOverdueInstallments(db, new Date(), org.id);
      overdueRuns.push({ marked, ms: Math.round(performance.now() - t) });
    }
    jobs.paymentsMarkOverdue = overdueRuns;
    log(`payments.markOverdue: ${overdueRuns.map((r) => `${r.marked} marked in ${ms(r.ms)} ms`).join('; then ')}`);
    results.jobs = jobs;
    // What autovacuum would do after the nightly replacement (PGlite has none): without it the
    // pyramid's planner sees a never-analyzed customer_values.
    await db.execute(sql`vacuum (analyze) customer_values, payment_plans`);
    results.sizes = await sizes(store.database, org.id);
    log(`sizes: ${JSON.stringify(results.sizes)}`);
    ids = await idsFor(store.database, org.id);
    await store.database.checkpoint();
  } finally {
    await store.database.close();
    store.release();
  }

  const server = await startServer(target);
  log(`server answered after ${ms(server.coldStartMs)} ms`);
  const reads: ReadResult[] = [];
  const failures: { id: string; as: string; path: string; error: string }[] = [];
  const writes: Record<string, Latency> = {};
  try {
    const cookies = {
      rep: await login(server.port, 'east.rep1'),
      manager: await login(server.port, 'east.manager'),
      admin: await login(server.port, 'admin'),
      finance: await login(server.port, 'finance'),
      warehouse: await login(server.port, 'warehouse'),
    };
    type Who = keyof typeof cookies;
    const read = async (id: string, as: Who, path: string) => {
      let latency: Latency & { bytes: number };
      try {
        latency = await sample(server.port, cookies[as], path, settings);
      } catch (error) {
        // One failing endpoint (e.g. a dropped connection on a huge answer) must not lose the rest of the run.
        const message = error instanceof Error ? error.message : String(error);
        failures.push({ id, as, path, error: message });
        log(`  ${id.padEnd(28)} ${as.padEnd(8)} FAILED: ${message.slice(0, 200)}`);
        return;
      }
      reads.push({ id, as, path, ...latency });
      log(
        `  ${id.padEnd(28)} ${as.padEnd(8)} p50 ${ms(latency.p50).padStart(6)}  p95 ${ms(latency.p95).padStart(6)} ms  (n ${latency.n}, ${latency.bytes} B)`,
      );
    };
    const ordersList = `${API}/orders?limit=50`;
    for (const as of ['rep', 'admin'] as const) {
      await read('orders list', as, ordersList);
      const cursor = await deepCursor(server.port, cookies[as], ordersList, 200);
      if (cursor) await read('orders list, 10k in', as, `${ordersList}&cursor=${encodeURIComponent(cursor)}`);
      await read('order detail', as, `${API}/orders/${ids.repOrderId}`);
      await read('credit report', as, `${API}/reports/credit?limit=50`);
      await read('payments list', as, `${API}/payments?limit=50`);
      await read('stock list', as, `${API}/stock?limit=50`);
      await read('customer credit', as, `${API}/customers/${ids.repCreditCustomerId}/credit`);
      await read('approvals todo', as, `${API}/approvals?box=todo`);
      await read('rfm matrix', as, `${API}/reports/rfm`);
      await read('customers by rfm segment', as, `${API}/customers?limit=50&rfmSegment=general_winback`);
    }
    for (const as of ['manager', 'admin'] as const) {
      await read('receivables ageing', as, `${API}/reports/receivables-ageing`);
      await read('profit contribution', as, `${API}/reports/profit-contribution?limit=50`);
      await read('customer pyramid', as, `${API}/reports/customer-pyramid`);
    }

    // Writes: create (east.rep1) → submit → confirm (finance) → ship (warehouse), then a payment (finance).
    const steps: Record<string, number[]> = { create: [], submit: [], confirm: [], ship: [], payment: [] };
    for (let i = 0; i < writeIterations; i++) {
      const created = await send(
        server.port,
        cookies.rep,
        'POST',
        `${API}/orders`,
        {
          customerId: ids.writeCustomerIds[i % ids.writeCustomerIds.length],
          lines: [
            { productId: ids.productIds[i % ids.productIds.length], quantity: 1 + (i % 5) },
            { productId: ids.productIds[(i + 3) % ids.productIds.length], quantity: 2 },
          ],
        },
        201,
      );
      steps.create!.push(created.elapsed);
      const id = String(created.body.id);
      const submitted = await send(server.port, cookies.rep, 'POST', `${API}/orders/${id}/submit`, {}, 200);
      steps.submit!.push(submitted.elapsed);
      if (submitted.body.status !== 'submitted')
        throw new Error(`submit answered status ${String(submitted.body.status)}`);
      const confirmed = await send(server.port, cookies.finance, 'POST', `${API}/orders/${id}/confirm`, {}, 200);
      steps.confirm!.push(confirmed.elapsed);
      const shipped = await send(server.port, cookies.warehouse, 'POST', `${API}/orders/${id}/ship`, {}, 200);
      steps.ship!.push(shipped.elapsed);
      const paid = await send(
        server.port,
        cookies.finance,
        'POST',
        `${API}/payments`,
        {
          orderId: id,
          amountFen: Math.max(1, Math.floor(Number(shipped.body.totalFen) / 2)),
          method: 'bank_transfer',
          receivedOn: ids.today,
        },
        201,
      );
      steps.payment!.push(paid.elapsed);
    }
    for (const [step, samples] of Object.entries(steps)) {
      const latency = summarize(samples);
      writes[step] = latency;
      log(
        `  write ${step.padEnd(22)} p50 ${ms(latency.p50).padStart(6)}  p95 ${ms(latency.p95).padStart(6)} ms  (n ${samples.length})`,
      );
    }
    results.serverMemoryMb = rssMb(server.child.pid);
  } finally {
    await stopServer(server.child);
  }
  results.reads = reads;
  results.failures = failures;
  results.writes = writes;
  (results.machine as Record<string, unknown>).loadAverageAtEnd = os.loadavg().map((l) => Number(l.toFixed(2)));

  const file = `bench/results-orders-${target.kind}.json`;
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  log('');
  log('| workload | as | p50 ms | p95 ms | p99 ms | n |');
  log('|---|---|---|---|---|---|');
  for (const r of reads) log(`| ${r.id} | ${r.as} | ${ms(r.p50)} | ${ms(r.p95)} | ${ms(r.p99)} | ${r.n} |`);
  for (const [step, l] of Object.entries(writes))
    log(
      `| write: ${step} | ${step === 'create' || step === 'submit' ? 'rep' : step === 'ship' ? 'warehouse' : 'finance'} | ${ms(l.p50)} | ${ms(l.p95)} | ${ms(l.p99)} | ${l.n} |`,
    );
  log(
    `load average: start ${loadBefore.map((l) => l.toFixed(2)).join(' ')}, end ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  log(`written: ${file}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
