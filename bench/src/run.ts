/**
 * `npm run bench -- [--db URL | --pglite DIR] [--customers N] [--duration S] [--connections 10,50]`
 *
 * For each workload: floor (the service in-process, same driver, serial), api (one HTTP client
 * through the real server, serial) and load (autocannon in a separate process), then a Markdown
 * table in bench/results.md. PGlite allows one process, so the floor runs first, the store is
 * closed, and only then the server starts.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { CreateCustomerBody, CustomerListQuery, CustomerPage } from '@guanxi/contract';
import { openStore } from '../../apps/server/src/server.js';
import { REPO_ROOT } from '../../apps/server/src/platform/config/config.js';
import type { Actor } from '../../apps/server/src/platform/auth/actor.js';
import type { Database } from '../../apps/server/src/platform/db/client.js';
import { queryRows } from '../../apps/server/src/platform/db/query.js';
import { DEMO_ORG_NAME } from '../../apps/server/src/modules/demo/demo-seed.js';
import { createCustomersService } from '../../apps/server/src/modules/customers/index.js';
import { customerListRepository } from '../../apps/server/src/modules/customers/customer-list.repository.js';
import { createContactsService } from '../../apps/server/src/modules/contacts/index.js';
import { createStageTransitionsService } from '../../apps/server/src/modules/lifecycle/index.js';
import { createLifecycleBoardService } from '../../apps/server/src/modules/lifecycle/board.service.js';
import { createPoolCustomersService } from '../../apps/server/src/modules/pools/pool-customers.service.js';
import { EXACT_TOTAL_LIMIT } from '../../apps/server/src/platform/pagination.js';
import { subscribeLifecycleRules } from '../../apps/server/src/modules/lifecycle/index.js';
import { createEventBus } from '../../apps/server/src/platform/events/index.js';
import { countCustomers, generateInto } from './generate.js';
import { actorFor } from './actors.js';
import { supplementIssue3 } from './supplement.js';
import { TARGET_OPTIONS, configFor, ms, parseArgs, parseCount, summarize, targetFrom, type Latency } from './common.js';
import type { LoadResult } from './load.js';
import { API, drain, login, request, rssMb, runLoad, startServer, stopServer } from './server-control.js';
import {
  engineTable,
  resultPath,
  writePlans,
  writeReport,
  type EngineResult,
  type PlanCheck,
  type WorkloadResult,
} from './report.js';

/** One HTTP request of a workload; a workload of several is a composite (a page's calls, serial). */
interface Call {
  method: 'GET' | 'POST';
  path: string;
  body?: string;
  expected: number;
}

interface Workload {
  id: string;
  name: string;
  as: 'salesperson' | 'admin';
  /** The in-process call(s): what the API handler(s) run, through the same driver. */
  floor: (actor: Actor) => Promise<unknown>;
  /** "items of total" for list pages, from the floor's answer. */
  rows?: (answer: unknown) => string;
  /** The API request(s); none = floor only (a part of a request that has no endpoint of its own). */
  calls: Call[];
  /** Also the items a list answer must hold over HTTP (compared with the floor's). */
  list?: CustomerListQuery;
  note?: string;
}

interface Settings {
  iterations: number;
  maxSeconds: number;
  durationSeconds: number;
  connections: number[];
  only: Set<string> | null;
  skipLoad: boolean;
}

const log = (line: string) => console.log(line);

// ---------------------------------------------------------------------------------------------
// Floor: the service in-process

async function timeSerial(fn: () => Promise<unknown>, settings: Settings): Promise<Latency> {
  const first = performance.now();
  await fn();
  const once = performance.now() - first;
  // Warm-up: a few runs, fewer when one run is slow.
  const warmup = once > 200 ? 1 : once > 20 ? 3 : 10;
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  const deadline = performance.now() + settings.maxSeconds * 1000;
  const minimum = once > 1000 ? 5 : 20;
  while (samples.length < settings.iterations && (samples.length < minimum || performance.now() < deadline)) {
    const t = performance.now();
    await fn();
    samples.push(performance.now() - t);
  }
  return summarize(samples);
}

type QueryFn = (...args: unknown[]) => Promise<{ rows: Record<string, unknown>[] }>;
/** The driver handle: a pg Pool (query, connect) or a PGlite instance (query, transaction). */
interface Capturable {
  query: QueryFn;
  connect?: (...args: unknown[]) => Promise<unknown>;
  transaction?: (...args: unknown[]) => Promise<unknown>;
}

/** Tables an interactive workload must never read whole (bench.md: customers, follow-ups, and the logs beside them). */
const LARGE_TABLES = /Seq Scan on (customers|stage_transitions|contacts|follow_ups|ownership_events)\b/;

/**
 * Records the statements one call sends through the driver, then runs each SELECT again under
 * EXPLAIN (ANALYZE, BUFFERS): the plan and what it actually cost (read-only statements only).
 */
async function explainCall(database: Database, fn: () => Promise<unknown>): Promise<PlanCheck> {
  const client = (database.db as unknown as { $client: Capturable }).$client;
  const captured: { text: string; values: unknown[] }[] = [];
  const record = (args: unknown[]) => {
    const [a, b] = args;
    const text = typeof a === 'string' ? a : (a as { text: string }).text;
    const values = Array.isArray(b) ? b : ((a as { values?: unknown[] }).values ?? []);
    captured.push({ text, values });
  };
  /** Wraps `target.query` to record every statement; answers the undo. */
  const tap = (target: { query: QueryFn }) => {
    const original = target.query;
    target.query = function (this: unknown, ...args: unknown[]) {
      record(args);
      return original.apply(this, args);
    } as QueryFn;
    return () => {
      target.query = original;
    };
  };
  const undo: (() => void)[] = [tap(client)];
  // Statements inside a transaction go through a pooled client (pg) or the transaction's handle (PGlite).
  if (database.kind === 'postgres' && client.connect) {
    const connect = client.connect;
    client.connect = async function (this: unknown, ...args: unknown[]) {
      // pool.query() itself checks out a client with a callback: that path is already tapped.
      if (typeof args[0] === 'function') return connect.apply(this, args);
      const pooled = (await connect.apply(this, args)) as { query: QueryFn; release: (...a: unknown[]) => unknown };
      const untap = tap(pooled);
      const release = pooled.release;
      pooled.release = function (this: unknown, ...a: unknown[]) {
        untap();
        pooled.release = release;
        return release.apply(this, a);
      };
      return pooled;
    };
    undo.push(() => (client.connect = connect));
  }
  if (database.kind === 'pglite' && client.transaction) {
    const transaction = client.transaction;
    client.transaction = function (this: unknown, ...args: unknown[]) {
      const [callback, ...rest] = args as [(tx: { query: QueryFn }) => Promise<unknown>, ...unknown[]];
      return transaction.apply(this, [
        async (tx: { query: QueryFn }) => {
          const untap = tap(tx);
          try {
            return await callback(tx);
          } finally {
            untap();
          }
        },
        ...rest,
      ]);
    };
    undo.push(() => (client.transaction = transaction));
  }
  try {
    await fn();
  } finally {
    for (const u of undo.reverse()) u();
  }
  const statements: PlanCheck['statements'] = [];
  for (const { text, values } of captured) {
    if (!/^\s*(select|with)\b/i.test(text)) continue;
    if (/pg_advisory/i.test(text)) continue;
    const result = await client.query(`explain (analyze, buffers) ${text}`, values);
    const plan = result.rows.map((r) => String(r['QUERY PLAN']));
    const executed = plan.map((l) => /Execution Time: ([\d.]+) ms/.exec(l)?.[1]).find((v) => v !== undefined);
    const flat = text.replace(/\s+/g, ' ');
    statements.push({
      sql: flat.length > 420 ? `${flat.slice(0, 110)} … ${flat.slice(-300)}` : flat,
      plan,
      ...(executed ? { ms: Number(executed) } : {}),
    });
  }
  const lines = statements.flatMap((s) => s.plan);
  const seqScans = [...new Set(lines.flatMap((l) => LARGE_TABLES.exec(l)?.[1] ?? []))];
  const used = new Set<string>();
  const warnings = new Set<string>();
  let walking: string | null = null;
  for (const l of lines) {
    const index = /(?:Index Only Scan|Index Scan|Bitmap Index Scan)(?: Backward)? (?:using|on) (customers_\w+)/.exec(l);
    if (index) used.add(index[1]!);
    if (/Seq Scan on customers\b/.test(l)) used.add('seq scan');
    // A walk along a sort index that tests the search condition row by row reads the whole
    // table when matches are rare: as bad as a sequential scan (bench.md, "search plus sort").
    if (l.includes('->') || /^\S/.test(l))
      walking = /Index Scan(?: Backward)? using (customers_\w+) on customers/.exec(l)?.[1] ?? null;
    if (walking && /Filter: .*search_tokens @@/.test(l)) warnings.add(`walks ${walking} testing search_tokens per row`);
  }
  const slowest = statements.reduce<(typeof statements)[number] | null>(
    (a, b) => ((b.ms ?? 0) > (a?.ms ?? -1) ? b : a),
    null,
  );
  return {
    seqScan: seqScans.includes('customers'),
    seqScans,
    warnings: [...warnings],
    summary: [...used].join(', ') || 'no customers index',
    statements,
    ...(slowest?.ms !== undefined ? { slowestMs: slowest.ms } : {}),
  };
}

/** W10 bodies carry this where a fresh number goes: a create blocks on an existing phone (409 duplicate). */
const UNIQUE = '{{n}}';
let uniqueNext = (Math.floor(Date.now() / 3) % 9_000_000) + 1;
const uniqueDigits = () => String(1_000_000 + (uniqueNext++ % 9_000_000));
const fresh = (body: string) => body.replaceAll(UNIQUE, uniqueDigits());

const pageRows = (answer: unknown) => {
  const page = answer as CustomerPage;
  return `${page.items.length} of ${page.total === undefined ? '–' : `${page.totalIsEstimate ? '~' : ''}${page.total.toLocaleString('en')}`}`;
};

const listPath = (query: CustomerListQuery): string => {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined) params.set(k, String(v));
  return `${API}/customers?${params.toString()}`;
};

// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      ...TARGET_OPTIONS,
      duration: { type: 'string' },
      connections: { type: 'string' },
      iterations: { type: 'string' },
      'max-seconds': { type: 'string' },
      only: { type: 'string' },
      'skip-load': { type: 'boolean' },
    },
  });
  const target = targetFrom(values);
  const settings: Settings = {
    iterations: parseCount(values.iterations, 200),
    maxSeconds: Number(values['max-seconds'] ?? 5),
    durationSeconds: parseCount(values.duration, 10),
    connections: (values.connections ?? '10,50').split(',').map((c) => parseCount(c.trim(), 10)),
    only: values.only ? new Set(values.only.split(',').map((s) => s.trim())) : null,
    skipLoad: values['skip-load'] ?? false,
  };
  log(`Guanxi bench → ${target.kind} ${target.label}`);

  // 1. Data set and floor, in this process. Opening runs the app's pending migrations.
  const opening = performance.now();
  const { database, release } = await openStore(configFor(target));
  const openMs = performance.now() - opening;
  log(`store opened (incl. pending migrations) in ${(openMs / 1000).toFixed(1)} s`);
  let engine: string;
  let customers: EngineResult['customers'];
  let related: EngineResult['related'];
  let workloads: Workload[];
  const floors = new Map<Workload, { floor: Latency; plan: PlanCheck | null; rows: string }>();
  try {
    let orgs = await queryRows<{ id: string }>(
      database.db,
      sql`select id from organizations where name = ${DEMO_ORG_NAME}`,
    );
    if (orgs.length === 0) {
      const n = parseCount(values.customers, 10_000);
      log(`empty database: generating ${n.toLocaleString('en')} customers first`);
      await generateInto(target, database, { customers: n });
      orgs = await queryRows<{ id: string }>(
        database.db,
        sql`select id from organizations where name = ${DEMO_ORG_NAME}`,
      );
    } else if (values.customers) {
      const have = await countCustomers(database);
      log(`database already holds ${have.toLocaleString('en')} customers; --customers ignored`);
    }
    // Issue 3 data the new workloads read (idempotent; quick once done).
    await supplementIssue3(database, orgs[0]!.id, log);
    const versionRows = await queryRows<{ v: string }>(database.db, sql`select version() as v`);
    const version = (versionRows[0]?.v ?? '').split(' on ')[0]!.split(',')[0]!;
    engine = target.kind === 'pglite' ? `PGlite ${pgliteVersion()} (${version})` : version;
    const counts = await queryRows<{ total: number; live: number }>(
      database.db,
      sql`select count(*)::int as total, count(*) filter (where deleted_at is null)::int as live from customers`,
    );
    customers = { total: counts[0]?.total ?? 0, live: counts[0]?.live ?? 0 };
    const relatedRows = await queryRows<{ transitions: number; contacts: number; counters: number }>(
      database.db,
      sql`select (select count(*)::int from stage_transitions) as transitions, (select count(*)::int from contacts) as contacts,
                 (select count(*)::int from customer_stage_counts) as counters`,
    );
    related = {
      stageTransitions: Number(relatedRows[0]?.transitions ?? 0),
      contacts: Number(relatedRows[0]?.contacts ?? 0),
      stageCounterRows: Number(relatedRows[0]?.counters ?? 0),
    };
    log(
      `${customers.total.toLocaleString('en')} customers (${customers.live.toLocaleString('en')} live), ${related.stageTransitions.toLocaleString('en')} stage transitions, ${related.contacts.toLocaleString('en')} contacts · ${engine}`,
    );

    const sales = await actorFor(database, 'east.rep1');
    const admin = await actorFor(database, 'admin');
    const actorOf = (w: Workload) => (w.as === 'admin' ? admin : sales);
    // The same event wiring as the server, so a create also writes its first stage transition.
    const events = createEventBus();
    subscribeLifecycleRules(events);
    const db = database.db;
    const service = createCustomersService({ db, events });
    const contacts = createContactsService({ db });
    const transitions = createStageTransitionsService({ db });
    const ownership = createPoolCustomersService({ db });
    const board = createLifecycleBoardService({ db });

    // Parameters taken from the data: a phone of one of the salesperson's own live customers.
    const phones = await queryRows<{ phone: string }>(
      db,
      sql`select phone from customers where org_id = ${sales.orgId} and owner_id = ${sales.userId} and deleted_at is null
            and phone is not null order by customer_no limit 1 offset 100`,
    );
    const suffix = (phones[0]?.phone ?? '13800138000').slice(-4);
    // W4: a customer of the salesperson with contacts and a stage move (the 1st of those with contacts).
    const details = await queryRows<{ id: string; contacts: number; transitions: number }>(
      db,
      sql`select c.id,
                 (select count(*)::int from contacts k where k.org_id = c.org_id and k.customer_id = c.id and k.deleted_at is null) as contacts,
                 (select count(*)::int from stage_transitions t where t.org_id = c.org_id and t.customer_id = c.id) as transitions
            from customers c
           where c.org_id = ${sales.orgId} and c.owner_id = ${sales.userId} and c.deleted_at is null and c.stage <> 'prospect'
           order by (exists (select 1 from contacts k where k.org_id = c.org_id and k.customer_id = c.id)) desc, c.customer_no
           limit 1`,
    );
    const detail = details[0];
    if (!detail) throw new Error('no customer of east.rep1 for W4');

    // W2: follow ~200 pages of 50 to a cursor 10k rows in.
    const deepCursor = async (actor: Actor, query: CustomerListQuery) => {
      let cursor: string | undefined;
      let depth = 0;
      for (let page = 0; page < 200; page++) {
        const result = await service.list(actor, {
          ...query,
          ...(cursor ? { cursor } : {}),
        });
        if (!result.nextCursor) break;
        cursor = result.nextCursor;
        depth += result.items.length;
      }
      return { cursor, depth };
    };
    const interested: CustomerListQuery = { limit: 50, stage: 'interested' };
    const wanted = (id: string) => !settings.only || settings.only.has(id);
    const deepSales = wanted('W2') ? await deepCursor(sales, interested) : { cursor: undefined, depth: 0 };
    const deepAdmin = wanted('W2') ? await deepCursor(admin, interested) : { cursor: undefined, depth: 0 };
    const deep = (d: { cursor: string | undefined; depth: number }): CustomerListQuery => ({
      ...interested,
      ...(d.cursor ? { cursor: d.cursor } : {}),
    });

    const listWorkload = (
      id: string,
      name: string,
      as: Workload['as'],
      list: CustomerListQuery,
      note?: string,
    ): Workload => ({
      id,
      name,
      as,
      list,
      floor: (actor) => service.list(actor, list),
      rows: pageRows,
      calls: [{ method: 'GET', path: listPath(list), expected: 200 }],
      ...(note ? { note } : {}),
    });
    // W3: the total alone, as the list computes it on a first page: exact up to 10,000, then the planner's estimate.
    const totalOnly = async (actor: Actor) => {
      const scope = { actor, withTeamMemberships: await customerListRepository.hasTeamMemberships(db, actor) };
      const exact = await customerListRepository.countUpTo(db, scope, { filters: {}, cap: EXACT_TOTAL_LIMIT });
      return exact === null ? { estimate: await customerListRepository.estimateCount(db, scope, {}) } : { exact };
    };
    const totalRows = (answer: unknown) => {
      const t = answer as { exact?: number; estimate?: number };
      return t.exact !== undefined
        ? `${t.exact.toLocaleString('en')}`
        : `~${Math.max(t.estimate ?? 0, EXACT_TOTAL_LIMIT + 1).toLocaleString('en')}`;
    };
    const detailPath = `${API}/customers/${detail.id}`;
    const detailPage = async (actor: Actor) => {
      await service.get(actor, detail.id);
      await contacts.listForCustomer(actor, detail.id);
      await transitions.list(actor, detail.id);
      await ownership.getOwnership(actor, detail.id);
    };
    const detailCalls: Call[] = ['', '/contacts', '/stage-transitions', '/ownership'].map((suffixPath) => ({
      method: 'GET',
      path: `${detailPath}${suffixPath}`,
      expected: 200,
    }));
    const boardRows = (answer: unknown) => {
      const b = answer as { stages: { count: number }[] };
      return `${b.stages.length} stages, ${b.stages.reduce((sum, s) => sum + s.count, 0).toLocaleString('en')} customers`;
    };
    const create: CreateCustomerBody = {
      kind: 'company',
      name: '上海丰田汽车销售有限公司',
      phone: `1660${UNIQUE}`,
      city: '上海',
      stage: 'prospect',
    };

    const all: Workload[] = [
      listWorkload('W1', 'list stage=interested, -updatedAt', 'salesperson', interested),
      listWorkload('W1', 'list stage=interested, -updatedAt', 'admin', interested),
      listWorkload(
        'W2',
        'same, deep cursor',
        'salesperson',
        deep(deepSales),
        `${deepSales.depth.toLocaleString('en')} rows in`,
      ),
      listWorkload(
        'W2',
        'same, deep cursor',
        'admin',
        deep(deepAdmin),
        `${deepAdmin.depth.toLocaleString('en')} rows in`,
      ),
      listWorkload('W3', 'list first page, no filter (with total)', 'salesperson', { limit: 50 }),
      listWorkload('W3', 'list first page, no filter (with total)', 'admin', { limit: 50 }),
      ...(['salesperson', 'admin'] as const).map((as): Workload => ({
        id: 'W3',
        name: 'total alone: countUpTo(10,000) → estimate',
        as,
        floor: totalOnly,
        rows: totalRows,
        calls: [],
        note: 'floor only',
      })),
      ...(['salesperson', 'admin'] as const).map((as): Workload => ({
        id: 'W4',
        name: 'customer detail GET',
        as,
        floor: (actor) => service.get(actor, detail.id),
        rows: () => '1',
        calls: [detailCalls[0]!],
      })),
      ...(['salesperson', 'admin'] as const).map((as): Workload => ({
        id: 'W4',
        name: 'detail page: detail + contacts + stage transitions + ownership',
        as,
        floor: detailPage,
        rows: () => `${detail.contacts} contacts, ${detail.transitions} transitions`,
        calls: detailCalls,
        note: '4 calls, serial',
      })),
      listWorkload('W6', 'search q=huawei', 'salesperson', { limit: 50, q: 'huawei' }),
      listWorkload('W6', 'search q=huawei', 'admin', { limit: 50, q: 'huawei' }),
      listWorkload('W6', 'search q=hw (initials)', 'salesperson', { limit: 50, q: 'hw' }),
      listWorkload('W6', 'search q=hw (initials)', 'admin', { limit: 50, q: 'hw' }),
      listWorkload('W7', 'search q=华为', 'salesperson', { limit: 50, q: '华为' }),
      listWorkload('W7', 'search q=华为', 'admin', { limit: 50, q: '华为' }),
      listWorkload('W7', 'search q=丰田', 'admin', { limit: 50, q: '丰田' }),
      listWorkload('W8', `phone suffix q=${suffix}`, 'salesperson', { limit: 50, q: suffix }),
      listWorkload('W8', `phone suffix q=${suffix}`, 'admin', { limit: 50, q: suffix }),
      ...(['salesperson', 'admin'] as const).map((as): Workload => ({
        id: 'W9',
        name: 'lifecycle board (last 30 days)',
        as,
        floor: (actor) => board.get(actor, {}),
        rows: boardRows,
        calls: [{ method: 'GET', path: `${API}/lifecycle/board`, expected: 200 }],
      })),
      {
        id: 'W10',
        name: 'create customer (POST)',
        as: 'salesperson',
        floor: (actor) => service.create(actor, { ...create, phone: fresh(create.phone!) }),
        calls: [{ method: 'POST', path: `${API}/customers`, body: JSON.stringify(create), expected: 201 }],
      },
    ];
    workloads = all.filter((w) => wanted(w.id));

    log('\nfloor (in-process, serial):');
    for (const w of workloads) {
      const actor = actorOf(w);
      const call = () => w.floor(actor);
      const answer = await call();
      const rows = w.rows ? w.rows(answer) : '1';
      const plan = await explainCall(database, call);
      const floor = await timeSerial(call, settings);
      floors.set(w, { floor, plan, rows });
      const flags = [...plan.seqScans.map((t) => `SEQ SCAN ${t}`), ...plan.warnings];
      log(
        `  ${w.id.padEnd(4)} ${w.as.padEnd(11)} ${w.name.slice(0, 44).padEnd(44)} ${rows.padEnd(22)} p50 ${ms(floor.p50)}  p95 ${ms(floor.p95)}  p99 ${ms(floor.p99)} ms${flags.length ? `  ⚠ ${flags.join('; ')}` : ''}`,
      );
    }
  } finally {
    await database.checkpoint();
    await database.close();
    release();
  }

  // 2. The real server in a child process.
  log('\nstarting the server…');
  const server = await startServer(target);
  log(`  answered after ${Math.round(server.coldStartMs)} ms on port ${server.port}`);
  const results: WorkloadResult[] = [];
  let memory = { rss: 0, peak: 0 };
  try {
    const cookies = {
      salesperson: await login(server.port, 'east.rep1'),
      admin: await login(server.port, 'admin'),
    };
    log('\napi (one client, serial) and load (autocannon):');
    for (const w of workloads) {
      const f = floors.get(w)!;
      const headersOf = (c: Call): Record<string, string> => ({
        cookie: cookies[w.as],
        ...(c.body !== undefined ? { 'content-type': 'application/json' } : {}),
      });
      const send = async (c: Call) => {
        const res = await request(
          server.port,
          c.method,
          c.path,
          headersOf(c),
          c.body === undefined ? undefined : fresh(c.body),
        );
        if (res.status !== c.expected)
          throw new Error(`${w.id} ${w.name}: ${c.method} ${c.path} HTTP ${res.status} ${res.body.slice(0, 300)}`);
        return res;
      };
      let api: Latency | null = null;
      const load: LoadResult[] = [];
      let loadSkipped: string | undefined;
      if (w.calls.length > 0) {
        const probe = await send(w.calls[0]!);
        if (w.list) {
          const rows = pageRows(JSON.parse(probe.body));
          if (rows.split(' of ')[0] !== f.rows.split(' of ')[0])
            log(`  note: ${w.id} floor answered ${f.rows}, api ${rows}`);
        }
        for (const c of w.calls.slice(1)) await send(c);
        api = await timeSerial(async () => {
          for (const c of w.calls) await send(c);
        }, settings);
        // A request slower than a second serially would only queue up under load and delay every
        // later measurement; it is reported as skipped. Composites are measured serially only.
        if (w.calls.length > 1) loadSkipped = 'composite: serial only';
        else if (api.p50 > 1000) loadSkipped = 'api p50 > 1 s';
        if (!settings.skipLoad && !loadSkipped) {
          const c = w.calls[0]!;
          for (const connections of settings.connections) {
            load.push(
              await runLoad({
                url: `http://127.0.0.1:${server.port}${c.path}`,
                method: c.method,
                headers: headersOf(c),
                ...(c.body === undefined ? {} : { body: c.body, uniquePlaceholder: UNIQUE }),
                connections,
                durationSeconds: settings.durationSeconds,
              }),
            );
            await drain(server.port);
          }
        }
      } else {
        loadSkipped = 'floor only';
      }
      results.push({
        id: w.id,
        name: w.name,
        as: w.as,
        method: w.calls[0]?.method ?? 'GET',
        path: w.calls.map((c) => `${c.method} ${c.path}`).join(' + ') || '(in-process only)',
        rows: f.rows,
        floor: f.floor,
        api,
        load,
        plan: f.plan,
        ...(loadSkipped && !settings.skipLoad ? { loadSkipped } : {}),
        ...(w.note ? { note: w.note } : {}),
      });
      const loads = load
        .map(
          (l) =>
            `c=${l.connections}: p95 ${ms(l.p95)} ms ${Math.round(l.requestsPerSecond)} req/s${l.errors + l.non2xx ? ` ${l.errors + l.non2xx} errors` : ''}`,
        )
        .join('  ');
      log(
        `  ${w.id.padEnd(4)} ${w.as.padEnd(11)} ${w.name.slice(0, 44).padEnd(44)} ${api ? `api p50 ${ms(api.p50)} p95 ${ms(api.p95)} ms (×${(api.p50 / f.floor.p50).toFixed(2)})` : 'api –'}  ${loads}`,
      );
    }
    memory = rssMb(server.child.pid);
  } finally {
    await stopServer(server.child);
  }

  const result: EngineResult = {
    kind: target.kind,
    target: target.label,
    date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
    machine: `${os.cpus().length} cores (${os.cpus()[0]?.model.trim() ?? 'cpu'}), ${Math.round(os.totalmem() / 2 ** 30)} GB, ${os.type()} ${os.release()}`,
    node: process.versions.node,
    engine,
    customers,
    related,
    openMs,
    coldStartMs: server.coldStartMs,
    serverRssMb: { afterLoad: memory.rss, peak: memory.peak },
    durationSeconds: settings.durationSeconds,
    connections: settings.connections,
    workloads: results,
  };
  writeFileSync(resultPath(target.kind), `${JSON.stringify(result, null, 2)}\n`);
  writePlans(result);
  writeReport();
  log(
    `\n${engineTable(result)}\n\nwritten: bench/results.md, bench/results-${target.kind}.json, bench/plans-${target.kind}.txt`,
  );
}

function pgliteVersion(): string {
  try {
    const pkg = path.join(REPO_ROOT, 'node_modules/@electric-sql/pglite/package.json');
    return (JSON.parse(readFileSync(pkg, 'utf8')) as { version: string }).version;
  } catch {
    return '?';
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
