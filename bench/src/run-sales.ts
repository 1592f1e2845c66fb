/**
 * Issue 4 workloads (bench.md): W5 — a customer's follow-up timeline with 10,000 follow-ups, 50
 * per page (first page and 100 pages in, serial, over HTTP); W13 — the mixed load (70 % W1/W2,
 * 10 % W4, 8 % W6/W7, 5 % W5, 5 % W10, 2 % W9) as one salesperson's session at c = 10 and 50.
 * The data set must exist (generate.ts) and hold follow-ups (follow-ups.ts).
 *
 * `tsx bench/src/run-sales.ts --db URL | --pglite DIR [--duration S] [--connections 10,50]`
 */
import { writeFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { openStore } from '../../apps/server/src/server.js';
import { queryRows } from '../../apps/server/src/platform/db/query.js';
import { DEMO_ORG_NAME } from '../../apps/server/src/modules/demo/demo-seed.js';
import { TARGET_OPTIONS, configFor, ms, parseArgs, parseCount, summarize, targetFrom, type Latency } from './common.js';
import { supplementFollowUps } from './follow-ups.js';
import type { LoadJob, LoadResult } from './load.js';
import { API, drain, login, request, rssMb, runLoad, startServer, stopServer } from './server-control.js';

const log = (line: string) => console.log(line);
const UNIQUE = '{{n}}';

interface Step {
  method: 'GET' | 'POST';
  path: string;
  body?: string;
}

/** Serial samples of one request over HTTP (keep-alive), after a warm-up. */
async function sample(port: number, cookie: string, path: string, seconds = 5, max = 200): Promise<Latency> {
  const samples: number[] = [];
  for (let i = 0; i < 3; i++) await request(port, 'GET', path, { cookie });
  const until = performance.now() + seconds * 1000;
  while (samples.length < max && (samples.length < 20 || performance.now() < until)) {
    const t = performance.now();
    const res = await request(port, 'GET', path, { cookie });
    if (res.status !== 200) throw new Error(`GET ${path}: ${res.status} ${res.body.slice(0, 200)}`);
    samples.push(performance.now() - t);
  }
  return summarize(samples);
}

/** Deterministic shuffle, so every run sends the same interleaving. */
function shuffled<T>(items: T[]): T[] {
  const out = [...items];
  let seed = 42;
  for (let i = out.length - 1; i > 0; i--) {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    const j = seed % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** 100 steps in the proportions of bench.md W13. */
function mixedSequence(paths: {
  list: string;
  deep: string;
  detail: string;
  search: string[];
  timeline: string;
  board: string;
}): Step[] {
  const create = JSON.stringify({
    kind: 'company',
    name: '上海丰田汽车销售有限公司',
    phone: `1660${UNIQUE}`,
    city: '上海',
  });
  const steps: Step[] = [];
  const add = (n: number, step: (i: number) => Step) => {
    for (let i = 0; i < n; i++) steps.push(step(i));
  };
  add(35, () => ({ method: 'GET', path: paths.list }));
  add(35, () => ({ method: 'GET', path: paths.deep }));
  add(10, () => ({ method: 'GET', path: paths.detail }));
  add(8, (i) => ({ method: 'GET', path: paths.search[i % paths.search.length]! }));
  add(5, () => ({ method: 'GET', path: paths.timeline }));
  add(5, () => ({ method: 'POST', path: `${API}/customers`, body: create }));
  add(2, () => ({ method: 'GET', path: paths.board }));
  return shuffled(steps);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      ...TARGET_OPTIONS,
      duration: { type: 'string' },
      connections: { type: 'string' },
      'follow-ups': { type: 'string' },
    },
  });
  const target = targetFrom(values);
  const durationSeconds = parseCount(values.duration as string | undefined, 10);
  const connections = String(values.connections ?? '10,50')
    .split(',')
    .map((c) => parseCount(c, 10));

  const store = await openStore(configFor(target));
  let timelineCustomerId: string;
  let followUps: number;
  try {
    const [org] = await queryRows<{ id: string }>(
      store.database.db,
      sql`select id from organizations where name = ${DEMO_ORG_NAME}`,
    );
    if (!org) throw new Error('no demo organization: generate the data set first');
    const total = values['follow-ups'] === undefined ? null : parseCount(String(values['follow-ups']), 0);
    const supplement = await supplementFollowUps(store.database, org.id, { total, log });
    timelineCustomerId = supplement.timelineCustomerId;
    followUps = supplement.total;
    await store.database.checkpoint();
  } finally {
    await store.database.close();
    store.release();
  }

  const server = await startServer(target);
  log(`server answered after ${ms(server.coldStartMs)} ms; ${followUps.toLocaleString('en')} follow-ups`);
  const results: Record<string, unknown> = {
    target: target.databaseUrl ? 'postgres' : 'pglite',
    followUps,
    durationSeconds,
  };
  try {
    const cookie = await login(server.port, 'east.rep1');
    const timeline = `${API}/follow-ups?customerId=${timelineCustomerId}&limit=50`;
    const first = await sample(server.port, cookie, timeline);
    let cursor: string | null = null;
    for (let page = 0; page < 100; page++) {
      const res = await request(
        server.port,
        'GET',
        `${timeline}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        { cookie },
      );
      cursor = (JSON.parse(res.body) as { nextCursor: string | null }).nextCursor;
      if (!cursor) break;
    }
    const deep = cursor ? await sample(server.port, cookie, `${timeline}&cursor=${encodeURIComponent(cursor)}`) : null;
    log(
      `W5 timeline (10,000 follow-ups): first page p50 ${ms(first.p50)} p95 ${ms(first.p95)} ms` +
        (deep ? `; 5,000 in p50 ${ms(deep.p50)} p95 ${ms(deep.p95)} ms` : ''),
    );
    results.W5 = { first, deep };

    const list = `${API}/customers?stage=interested&sort=-updatedAt&limit=50`;
    let listCursor: string | null = null;
    for (let page = 0; page < 200; page++) {
      const res = await request(
        server.port,
        'GET',
        `${list}${listCursor ? `&cursor=${encodeURIComponent(listCursor)}` : ''}`,
        { cookie },
      );
      const next = (JSON.parse(res.body) as { nextCursor: string | null }).nextCursor;
      if (!next) break;
      listCursor = next;
    }
    const sequence = mixedSequence({
      list,
      deep: listCursor ? `${list}&cursor=${encodeURIComponent(listCursor)}` : list,
      detail: `${API}/customers/${timelineCustomerId}`,
      search: [`${API}/customers?q=huawei&limit=50`, `${API}/customers?q=${encodeURIComponent('华为')}&limit=50`],
      timeline,
      board: `${API}/lifecycle/board`,
    });
    const load: LoadResult[] = [];
    for (const c of connections) {
      const job: LoadJob = {
        url: `http://127.0.0.1:${server.port}${list}`,
        method: 'GET',
        headers: { cookie },
        uniquePlaceholder: UNIQUE,
        connections: c,
        durationSeconds,
        sequence,
      };
      const result = await runLoad(job);
      await drain(server.port);
      load.push(result);
      log(
        `W13 mixed c=${c}: ${Math.round(result.requestsPerSecond)} req/s, p50 ${ms(result.p50)} p95 ${ms(result.p95)} p99 ${ms(result.p99)} ms, ` +
          `${result.errors} errors, ${result.non2xx} non-2xx`,
      );
    }
    results.W13 = load;
    results.serverMemoryMb = rssMb(server.child.pid);
  } finally {
    await stopServer(server.child);
  }
  const file = `bench/results-sales-${results.target as string}.json`;
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  log(`written: ${file}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
