/**
 * `npm run bench -- [--db URL | --pglite DIR] [--customers N] [--duration S] [--connections 10,50]`
 *
 * For each workload: floor (the service in-process, same driver, serial), api (one HTTP client
 * through the real server, serial) and load (autocannon in a separate process), then a Markdown
 * table in bench/results.md. PGlite allows one process, so the floor runs first, the store is
 * closed, and only then the server starts.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { CreateCustomerBody, CustomerListQuery, CustomerPage } from '@guanxi/contract';
import { openStore } from '../../apps/server/src/server.js';
import { REPO_ROOT } from '../../apps/server/src/platform/config/config.js';
import type { Actor } from '../../apps/server/src/platform/auth/actor.js';
import { actorFromPrincipal } from '../../apps/server/src/platform/auth/principal.js';
import { credentialsRepository } from '../../apps/server/src/platform/auth/credentials.repository.js';
import { hashSecret, newSecret } from '../../apps/server/src/platform/auth/secrets.js';
import type { Database } from '../../apps/server/src/platform/db/client.js';
import { queryRows } from '../../apps/server/src/platform/db/query.js';
import { DEMO_ORG_NAME, DEMO_PASSWORD } from '../../apps/server/src/modules/demo/demo-seed.js';
import { createCustomersService } from '../../apps/server/src/modules/customers/index.js';
import { subscribeLifecycleRules } from '../../apps/server/src/modules/lifecycle/index.js';
import { createEventBus } from '../../apps/server/src/platform/events/index.js';
import { countCustomers, generateInto } from './generate.js';
import {
  TARGET_OPTIONS,
  configFor,
  ms,
  parseArgs,
  parseCount,
  serverEnv,
  summarize,
  targetFrom,
  type Latency,
  type Target,
} from './common.js';
import type { LoadJob, LoadResult } from './load.js';
import { engineTable, resultPath, writePlans, writeReport, type EngineResult, type PlanCheck, type WorkloadResult } from './report.js';

const API = '/api/v1';

interface Workload {
  id: string;
  name: string;
  as: 'salesperson' | 'admin';
  list?: CustomerListQuery;
  create?: CreateCustomerBody;
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

/** The actor the server would build for this login: a throwaway session read back the app's way. */
async function actorFor(database: Database, username: string): Promise<Actor> {
  const users = await queryRows<{ id: string; org_id: string }>(
    database.db,
    sql`select id, org_id from users where lower(username) = lower(${username})`,
  );
  const user = users[0];
  if (!user) throw new Error(`user ${username} not found`);
  const tokenHash = hashSecret(newSecret());
  await credentialsRepository.createSession(database.db, {
    tokenHash,
    orgId: user.org_id,
    userId: user.id,
    expiresAt: new Date(Date.now() + 3600_000),
    ip: null,
    userAgent: 'bench',
  });
  const principal = await credentialsRepository.getPrincipalBySession(database.db, tokenHash, 60);
  await credentialsRepository.deleteSession(database.db, tokenHash);
  if (!principal) throw new Error(`no principal for ${username}`);
  return actorFromPrincipal(principal, { ip: null, requestId: null });
}

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

/** Records the statements one call sends through the driver, then EXPLAINs each SELECT. */
async function explainCall(database: Database, fn: () => Promise<unknown>): Promise<PlanCheck> {
  const client = (database.db as unknown as { $client: { query: QueryFn } }).$client;
  const original = client.query;
  const captured: { text: string; values: unknown[] }[] = [];
  client.query = function (this: unknown, ...args: unknown[]) {
    const [a, b] = args;
    const text = typeof a === 'string' ? a : (a as { text: string }).text;
    const values = Array.isArray(b) ? b : ((a as { values?: unknown[] }).values ?? []);
    captured.push({ text, values });
    return original.apply(this, args);
  } as QueryFn;
  try {
    await fn();
  } finally {
    delete (client as { query?: QueryFn }).query;
    if (client.query !== original) client.query = original;
  }
  const statements: PlanCheck['statements'] = [];
  for (const { text, values } of captured) {
    if (!/^\s*(select|with)\b/i.test(text)) continue;
    const result = await client.query(`explain ${text}`, values);
    const plan = result.rows.map((r) => String(r['QUERY PLAN']));
    const flat = text.replace(/\s+/g, ' ');
    statements.push({ sql: flat.length > 420 ? `${flat.slice(0, 110)} … ${flat.slice(-300)}` : flat, plan });
  }
  const lines = statements.flatMap((s) => s.plan);
  const seqScan = lines.some((l) => /Seq Scan on customers\b/.test(l));
  const used = new Set<string>();
  const warnings = new Set<string>();
  let walking: string | null = null;
  for (const l of lines) {
    const index = /(?:Index Only Scan|Index Scan|Bitmap Index Scan)(?: Backward)? (?:using|on) (customers_\w+)/.exec(l);
    if (index) used.add(index[1]!);
    if (/Seq Scan on customers\b/.test(l)) used.add('seq scan');
    // A walk along a sort index that tests the search condition row by row reads the whole
    // table when matches are rare: as bad as a sequential scan (bench.md, "search plus sort").
    if (l.includes('->') || /^\S/.test(l)) walking = /Index Scan(?: Backward)? using (customers_\w+) on customers/.exec(l)?.[1] ?? null;
    if (walking && /Filter: .*search_tokens @@/.test(l)) warnings.add(`walks ${walking} testing search_tokens per row`);
  }
  return {
    seqScan,
    warnings: [...warnings],
    summary: [...used].join(', ') || 'no customers scan',
    statements,
  };
}

// ---------------------------------------------------------------------------------------------
// HTTP

const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

function request(port: number, method: string, urlPath: string, headers: Record<string, string>, body?: string) {
  return new Promise<{
    status: number;
    body: string;
    headers: http.IncomingHttpHeaders;
  }>((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method, path: urlPath, headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          body: Buffer.concat(chunks).toString('utf8'),
          headers: res.headers,
        }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

async function startServer(target: Target): Promise<{
  child: ChildProcess;
  port: number;
  coldStartMs: number;
  output: string[];
}> {
  const port = await freePort();
  const started = performance.now();
  const output: string[] = [];
  const child = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/cli.ts', 'serve'], {
    cwd: REPO_ROOT,
    env: serverEnv(target, port),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d: Buffer) => output.push(d.toString()));
  child.stderr?.on('data', (d: Buffer) => {
    output.push(d.toString());
    process.stderr.write(`  [server] ${d.toString()}`);
  });
  let exited = false;
  child.once('exit', () => (exited = true));
  for (;;) {
    if (exited) throw new Error(`server exited during start:\n${output.join('')}`);
    if (performance.now() - started > 180_000) throw new Error('server did not answer within 180 s');
    try {
      const res = await request(port, 'GET', `${API}/health`, {});
      if (res.status === 200) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  return { child, port, coldStartMs: performance.now() - started, output };
}

async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
  await exited;
  clearTimeout(timer);
}

function rssMb(pid: number | undefined): { rss: number; peak: number } {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
    return {
      rss: Math.round(kb('VmRSS') / 1024),
      peak: Math.round(kb('VmHWM') / 1024),
    };
  } catch {
    return { rss: 0, peak: 0 };
  }
}

/** After a load run, waits until queued requests are done (a health check answers quickly again). */
async function drain(port: number): Promise<void> {
  const until = performance.now() + 60_000;
  while (performance.now() < until) {
    const t = performance.now();
    await request(port, 'GET', `${API}/health`, {});
    if (performance.now() - t < 20) return;
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function login(port: number, username: string): Promise<string> {
  const res = await request(
    port,
    'POST',
    `${API}/auth/login`,
    { 'content-type': 'application/json' },
    JSON.stringify({ username, password: DEMO_PASSWORD }),
  );
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${res.body}`);
  const raw = res.headers['set-cookie'] ?? [];
  const cookie = raw.map((c) => c.split(';')[0]!).find((c) => c.startsWith('guanxi_session='));
  if (!cookie) throw new Error(`login ${username}: no session cookie`);
  return cookie;
}

function runLoad(job: LoadJob): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join('bench', 'src', 'load.ts'), JSON.stringify(job)], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.once('exit', (code) => {
      if (code !== 0) reject(new Error(`load process exited with ${code}`));
      else resolve(JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as LoadResult);
    });
  });
}

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

  // 1. Data set and floor, in this process.
  const { database, release } = await openStore(configFor(target));
  let engine: string;
  let customers: EngineResult['customers'];
  let workloads: Workload[];
  const floors = new Map<Workload, { floor: Latency; plan: PlanCheck | null; rows: string }>();
  try {
    const orgs = await queryRows<{ id: string }>(database.db, sql`select id from organizations where name = ${DEMO_ORG_NAME}`);
    if (orgs.length === 0) {
      const n = parseCount(values.customers, 10_000);
      log(`empty database: generating ${n.toLocaleString('en')} customers first`);
      await generateInto(target, database, { customers: n });
    } else if (values.customers) {
      const have = await countCustomers(database);
      log(`database already holds ${have.toLocaleString('en')} customers; --customers ignored`);
    }
    const versionRows = await queryRows<{ v: string }>(database.db, sql`select version() as v`);
    const version = (versionRows[0]?.v ?? '').split(' on ')[0]!.split(',')[0]!;
    engine = target.kind === 'pglite' ? `PGlite ${pgliteVersion()} (${version})` : version;
    const counts = await queryRows<{ total: number; live: number }>(
      database.db,
      sql`select count(*)::int as total, count(*) filter (where deleted_at is null)::int as live from customers`,
    );
    customers = { total: counts[0]?.total ?? 0, live: counts[0]?.live ?? 0 };
    log(`${customers.total.toLocaleString('en')} customers (${customers.live.toLocaleString('en')} live) · ${engine}`);

    const sales = await actorFor(database, 'east.rep1');
    const admin = await actorFor(database, 'admin');
    const actorOf = (w: Workload) => (w.as === 'admin' ? admin : sales);
    // The same event wiring as the server, so a create also writes its first stage transition.
    const events = createEventBus();
    subscribeLifecycleRules(events);
    const service = createCustomersService({ db: database.db, events });

    // Parameters taken from the data: a phone of one of the salesperson's own live customers.
    const phones = await queryRows<{ phone: string }>(
      database.db,
      sql`select phone from customers where org_id = ${sales.orgId} and owner_id = ${sales.userId} and deleted_at is null
            and phone is not null order by customer_no limit 1 offset 100`,
    );
    const suffix = (phones[0]?.phone ?? '13800138000').slice(-4);

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
    const deepSales = await deepCursor(sales, interested);
    const deepAdmin = await deepCursor(admin, interested);
    const deep = (d: { cursor: string | undefined; depth: number }): CustomerListQuery => ({
      ...interested,
      ...(d.cursor ? { cursor: d.cursor } : {}),
    });

    workloads = [
      {
        id: 'W1',
        name: 'list stage=interested, -updatedAt',
        as: 'salesperson',
        list: interested,
      },
      {
        id: 'W1',
        name: 'list stage=interested, -updatedAt',
        as: 'admin',
        list: interested,
      },
      {
        id: 'W2',
        name: 'same, deep cursor',
        as: 'salesperson',
        list: deep(deepSales),
        note: `${deepSales.depth.toLocaleString('en')} rows in`,
      },
      {
        id: 'W2',
        name: 'same, deep cursor',
        as: 'admin',
        list: deep(deepAdmin),
        note: `${deepAdmin.depth.toLocaleString('en')} rows in`,
      },
      {
        id: 'W6',
        name: 'search q=huawei',
        as: 'salesperson',
        list: { limit: 50, q: 'huawei' },
      },
      {
        id: 'W6',
        name: 'search q=huawei',
        as: 'admin',
        list: { limit: 50, q: 'huawei' },
      },
      {
        id: 'W6',
        name: 'search q=hw (initials)',
        as: 'salesperson',
        list: { limit: 50, q: 'hw' },
      },
      {
        id: 'W6',
        name: 'search q=hw (initials)',
        as: 'admin',
        list: { limit: 50, q: 'hw' },
      },
      {
        id: 'W7',
        name: 'search q=华为',
        as: 'salesperson',
        list: { limit: 50, q: '华为' },
      },
      {
        id: 'W7',
        name: 'search q=华为',
        as: 'admin',
        list: { limit: 50, q: '华为' },
      },
      {
        id: 'W7',
        name: 'search q=丰田',
        as: 'admin',
        list: { limit: 50, q: '丰田' },
      },
      {
        id: 'W8',
        name: `phone suffix q=${suffix}`,
        as: 'salesperson',
        list: { limit: 50, q: suffix },
      },
      {
        id: 'W8',
        name: `phone suffix q=${suffix}`,
        as: 'admin',
        list: { limit: 50, q: suffix },
      },
      {
        id: 'W10',
        name: 'create customer (POST)',
        as: 'salesperson',
        create: {
          kind: 'company',
          name: '上海丰田汽车销售有限公司',
          phone: '13800138000',
          city: '上海',
          stage: 'prospect',
        },
      },
    ].filter((w) => !settings.only || settings.only.has(w.id)) as Workload[];

    log('\nfloor (in-process, serial):');
    for (const w of workloads) {
      const actor = actorOf(w);
      const call = w.list ? () => service.list(actor, w.list!) : () => service.create(actor, w.create!);
      let rows = '1';
      let plan: PlanCheck | null = null;
      if (w.list) {
        const page = await service.list(actor, w.list);
        rows = `${page.items.length} of ${page.totalIsEstimate ? '~' : ''}${(page.total ?? 0).toLocaleString('en')}`;
        plan = await explainCall(database, call);
      }
      const floor = await timeSerial(call, settings);
      floors.set(w, { floor, plan, rows });
      log(
        `  ${w.id.padEnd(4)} ${w.as.padEnd(11)} ${w.name.padEnd(36)} ${rows.padEnd(16)} p50 ${ms(floor.p50)}  p95 ${ms(floor.p95)}  p99 ${ms(floor.p99)} ms${plan?.seqScan ? '  ⚠ SEQ SCAN' : ''}${plan?.warnings.length ? `  ⚠ ${plan.warnings.join('; ')}` : ''}`,
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
      const cookie = cookies[w.as];
      const method = w.create ? 'POST' : 'GET';
      const urlPath = w.create ? `${API}/customers` : listPath(w.list!);
      const headers: Record<string, string> = {
        cookie,
        ...(w.create ? { 'content-type': 'application/json' } : {}),
      };
      const body = w.create ? JSON.stringify(w.create) : undefined;
      const expected = w.create ? 201 : 200;
      const probe = await request(server.port, method, urlPath, headers, body);
      if (probe.status !== expected) throw new Error(`${w.id} ${w.name}: HTTP ${probe.status} ${probe.body.slice(0, 300)}`);
      const f = floors.get(w)!;
      if (w.list) {
        const page = JSON.parse(probe.body) as CustomerPage;
        const rows = `${page.items.length} of ${page.totalIsEstimate ? '~' : ''}${(page.total ?? 0).toLocaleString('en')}`;
        if (rows.split(' of ')[0] !== f.rows.split(' of ')[0]) log(`  note: ${w.id} floor answered ${f.rows}, api ${rows}`);
      }
      const api = await timeSerial(async () => {
        const res = await request(server.port, method, urlPath, headers, body);
        if (res.status !== expected) throw new Error(`${w.id}: HTTP ${res.status}`);
      }, settings);
      const load: LoadResult[] = [];
      // A request slower than a second serially would only queue up under load and delay every
      // later measurement; it is reported as skipped.
      const tooSlow = api.p50 > 1000;
      if (!settings.skipLoad && !tooSlow) {
        for (const connections of settings.connections) {
          load.push(
            await runLoad({
              url: `http://127.0.0.1:${server.port}${urlPath}`,
              method,
              headers,
              ...(body === undefined ? {} : { body }),
              connections,
              durationSeconds: settings.durationSeconds,
            }),
          );
          await drain(server.port);
        }
      }
      results.push({
        id: w.id,
        name: w.name,
        as: w.as,
        method,
        path: urlPath,
        rows: f.rows,
        floor: f.floor,
        api,
        load,
        plan: f.plan,
        ...(tooSlow && !settings.skipLoad ? { loadSkipped: 'api p50 > 1 s' } : {}),
        ...(w.note ? { note: w.note } : {}),
      });
      const loads = load
        .map(
          (l) =>
            `c=${l.connections}: p95 ${ms(l.p95)} ms ${Math.round(l.requestsPerSecond)} req/s${l.errors + l.non2xx ? ` ${l.errors + l.non2xx} errors` : ''}`,
        )
        .join('  ');
      log(
        `  ${w.id.padEnd(4)} ${w.as.padEnd(11)} ${w.name.padEnd(36)} api p50 ${ms(api.p50)} p95 ${ms(api.p95)} ms (×${(api.p50 / f.floor.p50).toFixed(2)})  ${loads}`,
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
    coldStartMs: server.coldStartMs,
    serverRssMb: { afterLoad: memory.rss, peak: memory.peak },
    durationSeconds: settings.durationSeconds,
    connections: settings.connections,
    workloads: results,
  };
  writeFileSync(resultPath(target.kind), `${JSON.stringify(result, null, 2)}\n`);
  writePlans(result);
  writeReport();
  log(`\n${engineTable(result)}\n\nwritten: bench/results.md, bench/results-${target.kind}.json, bench/plans-${target.kind}.txt`);
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
