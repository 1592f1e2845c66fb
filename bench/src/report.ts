import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { BENCH_DIR, ms, readLoadTimes, readMigrationTimes, type Latency, type Target } from './common.js';
import type { LoadResult } from './load.js';

export interface PlanCheck {
  /** A sequential scan of customers. */
  seqScan: boolean;
  /** Large tables read by a sequential scan (customers, stage_transitions, contacts, …). */
  seqScans: string[];
  /** Plans that are as bad as a sequential scan without being one. */
  warnings: string[];
  /** Indexes the statements use on customers, or the scan kinds. */
  summary: string;
  /** Each SELECT with its EXPLAIN (ANALYZE, BUFFERS) and execution time. */
  statements: { sql: string; plan: string[]; ms?: number }[];
  /** Execution time of the slowest statement, ms. */
  slowestMs?: number;
}

export interface WorkloadResult {
  id: string;
  name: string;
  as: 'salesperson' | 'admin';
  method: 'GET' | 'POST';
  path: string;
  /** Items on the page and the total the API reports (estimates marked ~). */
  rows: string;
  floor: Latency;
  /** Null when the workload has no endpoint of its own (floor only). */
  api: Latency | null;
  load: LoadResult[];
  plan: PlanCheck | null;
  note?: string;
  loadSkipped?: string;
}

export interface EngineResult {
  kind: Target['kind'];
  target: string;
  date: string;
  machine: string;
  node: string;
  engine: string;
  customers: { total: number; live: number };
  /** Rows of the issue 3 tables the new workloads read. */
  related?: { stageTransitions: number; contacts: number; stageCounterRows: number };
  /** Opening the store in the bench process, incl. pending migrations. */
  openMs?: number;
  coldStartMs: number;
  serverRssMb: { afterLoad: number; peak: number };
  durationSeconds: number;
  connections: number[];
  workloads: WorkloadResult[];
}

export const resultPath = (kind: Target['kind']) => path.join(BENCH_DIR, `results-${kind}.json`);

const trio = (l: Latency | null) => (l ? `${ms(l.p50)} / ${ms(l.p95)} / ${ms(l.p99)}` : '–');
const rate = (n: number) => (n >= 100 ? Math.round(n).toLocaleString('en') : n.toFixed(1));
const ratio = (a: number, b: number) =>
  Number.isFinite(a) && Number.isFinite(b) && b > 0 ? `${(a / b).toFixed(2)}×` : '–';

function planCell(plan: PlanCheck | null): string {
  if (!plan) return '–';
  const seqScans = plan.seqScans ?? (plan.seqScan ? ['customers'] : []);
  const flags = [...seqScans.map((t) => `Seq Scan on ${t}`), ...plan.warnings];
  const slow =
    plan.slowestMs !== undefined && plan.slowestMs >= 20 ? ` · slowest statement ${ms(plan.slowestMs)} ms` : '';
  return flags.length ? `**⚠ ${flags.join('; ')}** (${plan.summary})${slow}` : `${plan.summary}${slow}`;
}

export function engineTable(result: EngineResult): string {
  const loadHeads = result.connections.map((c) => `c=${c} p50 / p95 / p99 · req/s`);
  const lines = [
    `| # | workload | as | rows | floor p50 / p95 / p99 ms | api c=1 p50 / p95 / p99 ms | api/floor p50 | ${loadHeads.join(' | ')} | errors | plan |`,
    `|---|---|---|---|---|---|---|${result.connections.map(() => '---|').join('')}---|---|`,
  ];
  for (const w of result.workloads) {
    const loads = result.connections.map((c) => {
      const l = w.load.find((x) => x.connections === c);
      if (w.loadSkipped) return `skipped (${w.loadSkipped})`;
      return l ? `${ms(l.p50)} / ${ms(l.p95)} / ${ms(l.p99)} · ${rate(l.requestsPerSecond)}` : '–';
    });
    const errors = w.load.reduce((s, l) => s + l.errors + l.non2xx, 0);
    lines.push(
      `| ${w.id} | ${w.name}${w.note ? ` (${w.note})` : ''} | ${w.as} | ${w.rows} | ${trio(w.floor)} | ${trio(w.api)} | ${w.api ? ratio(w.api.p50, w.floor.p50) : '–'} | ${loads.join(' | ')} | ${errors} | ${planCell(w.plan)} |`,
    );
  }
  return lines.join('\n');
}

function header(result: EngineResult): string {
  const load = readLoadTimes().find(
    (r) => r.kind === result.kind && Math.abs(r.customers - result.customers.total) / Math.max(1, r.customers) < 0.05,
  );
  const loadLine = load
    ? `load: ${load.customers.toLocaleString('en')} customers in ${load.seconds} s (${load.rowsPerSecond.toLocaleString('en')} rows/s) + ${load.finishSeconds} s vacuum/analyze`
    : 'load: not recorded';
  const migration = readMigrationTimes()
    .filter(
      (r) => r.kind === result.kind && Math.abs(r.customers - result.customers.total) / Math.max(1, r.customers) < 0.05,
    )
    .at(-1);
  const migrationLine = migration
    ? `migrations on the loaded data: ${migration.migrations} applied in ${migration.seconds} s at ${migration.customers.toLocaleString('en')} customers (load average ${migration.loadAverage})`
    : 'migrations on the loaded data: not recorded';
  const related = result.related
    ? ` · ${result.related.stageTransitions.toLocaleString('en')} stage transitions, ${result.related.contacts.toLocaleString('en')} contacts, ${result.related.stageCounterRows.toLocaleString('en')} stage counter rows`
    : '';
  return [
    `### ${result.kind === 'postgres' ? 'PostgreSQL' : 'PGlite'} — ${result.customers.total.toLocaleString('en')} customers (${result.customers.live.toLocaleString('en')} live)${related}`,
    '',
    `${result.date} · ${result.machine} · Node ${result.node} · ${result.engine}`,
    `${loadLine} · ${migrationLine} · cold start to first answer ${Math.round(result.coldStartMs)} ms · server RSS after load ${result.serverRssMb.afterLoad} MB (peak ${result.serverRssMb.peak} MB) · load runs ${result.durationSeconds} s each`,
  ].join('\n');
}

function comparison(pg: EngineResult, lite: EngineResult): string {
  const c = pg.connections.find((x) => lite.connections.includes(x)) ?? 10;
  const lines = [
    `| # | workload | as | floor p50 PG / PGlite | ratio | api p50 PG / PGlite | ratio | req/s c=${c} PG / PGlite | ratio |`,
    '|---|---|---|---|---|---|---|---|---|',
  ];
  for (const w of pg.workloads) {
    const o = lite.workloads.find((x) => x.id === w.id && x.name === w.name && x.as === w.as);
    if (!o) continue;
    const lp = w.load.find((l) => l.connections === c);
    const ll = o.load.find((l) => l.connections === c);
    lines.push(
      `| ${w.id} | ${w.name} | ${w.as} | ${ms(w.floor.p50)} / ${ms(o.floor.p50)} | ${ratio(o.floor.p50, w.floor.p50)} | ${w.api ? ms(w.api.p50) : '–'} / ${o.api ? ms(o.api.p50) : '–'} | ${w.api && o.api ? ratio(o.api.p50, w.api.p50) : '–'} | ${lp ? rate(lp.requestsPerSecond) : '–'} / ${ll ? rate(ll.requestsPerSecond) : '–'} | ${lp && ll ? ratio(ll.requestsPerSecond, lp.requestsPerSecond) : '–'} |`,
    );
  }
  return lines.join('\n');
}

const LEGEND = `Columns: **floor** = the service(s) the route handler(s) call, in-process through the same driver (the exact SQL the API runs, incl. the capped count), serial, warm; **api c=1** = one HTTP client through the real server (session lookup, scope, validation, serialization), serial; **api/floor** = overhead at p50; **c=N** = autocannon from a separate process for the stated duration with N connections: latency p50 / p95 / p99 in ms and requests/s (2xx only); **errors** = socket errors + timeouts + non-2xx over all load runs; **plan** = indexes used on customers by the floor statements (EXPLAIN ANALYZE, incl. statements inside the write transaction), flagged (⚠) when a statement sequentially scans customers, stage_transitions, contacts or ownership_events, or walks a sort index testing \`search_tokens\` row by row (equally unbounded); the slowest statement's execution time when ≥ 20 ms; **composite** = the calls of one page in a row, over one connection. Raw numbers: \`bench/results-*.json\`, plans: \`bench/plans-*.txt\`.`;

/** Writes bench/results.md from the engines measured so far; returns the Markdown. */
export function writeReport(): string {
  const engines: EngineResult[] = [];
  for (const kind of ['postgres', 'pglite'] as const) {
    if (existsSync(resultPath(kind))) engines.push(JSON.parse(readFileSync(resultPath(kind), 'utf8')) as EngineResult);
  }
  const parts = [
    '# Guanxi benchmark results',
    '',
    'Generated by `npm run bench`; how to run and what the columns mean: `bench/README.md`.',
    '',
    LEGEND,
    '',
  ];
  // Hand-written notes on the run (what changed since the previous one), kept across regenerations.
  const changes = path.join(BENCH_DIR, 'changes.md');
  if (existsSync(changes)) parts.push(readFileSync(changes, 'utf8').trim(), '');
  for (const e of engines) parts.push(header(e), '', engineTable(e), '');
  const pg = engines.find((e) => e.kind === 'postgres');
  const lite = engines.find((e) => e.kind === 'pglite');
  if (pg && lite) {
    parts.push(
      `### PGlite / PostgreSQL (PostgreSQL at ${pg.customers.total.toLocaleString('en')}, PGlite at ${lite.customers.total.toLocaleString('en')} customers)`,
      '',
      comparison(pg, lite),
      '',
    );
  }
  parts.push(...salesSection());
  // Issue 5 (`run-orders.ts`): hand-written figures and findings, kept across regenerations.
  const orders = path.join(BENCH_DIR, 'results-orders.md');
  if (existsSync(orders)) parts.push(readFileSync(orders, 'utf8').trim(), '');
  const markdown = parts.join('\n');
  writeFileSync(path.join(BENCH_DIR, 'results.md'), markdown);
  return markdown;
}

interface SalesResult {
  target: 'postgres' | 'pglite';
  followUps: number;
  durationSeconds: number;
  W5: { first: Latency; deep: Latency | null };
  W13: {
    connections: number;
    requestsPerSecond: number;
    p50: number;
    p95: number;
    p99: number;
    errors: number;
    non2xx: number;
  }[];
  serverMemoryMb?: { rss: number; peak: number };
}

/** W5 and W13 from `run-sales.ts` (results-sales-*.json), when present. */
function salesSection(): string[] {
  const rows: string[] = [];
  for (const kind of ['postgres', 'pglite'] as const) {
    const file = path.join(BENCH_DIR, `results-sales-${kind}.json`);
    if (!existsSync(file)) continue;
    const r = JSON.parse(readFileSync(file, 'utf8')) as SalesResult;
    const w5 =
      `first page ${ms(r.W5.first.p50)} / ${ms(r.W5.first.p95)}` +
      (r.W5.deep ? ` · 5,000 in ${ms(r.W5.deep.p50)} / ${ms(r.W5.deep.p95)}` : '');
    const w13 = r.W13.map(
      (l) =>
        `c=${l.connections}: ${rate(l.requestsPerSecond)} req/s, p50 ${ms(l.p50)} p95 ${ms(l.p95)} p99 ${ms(l.p99)}, ${l.errors + l.non2xx} errors`,
    ).join(' · ');
    rows.push(
      `| ${kind === 'postgres' ? 'PostgreSQL' : 'PGlite'} | ${r.followUps.toLocaleString('en')} | ${w5} | ${w13} | ${r.serverMemoryMb ? `${r.serverMemoryMb.rss} MB` : '–'} |`,
    );
  }
  if (rows.length === 0) return [];
  return [
    '### Issue 4 workloads (`npm run bench:sales`): W5 timeline and W13 mixed load, as `east.rep1` over HTTP',
    '',
    '| engine | follow-ups | W5 p50 / p95 ms (10,000-follow-up customer, 50 per page) | W13 mix (autocannon) | server RSS after |',
    '|---|---|---|---|---|',
    ...rows,
    '',
  ];
}

export function writePlans(result: EngineResult): void {
  const out: string[] = [];
  for (const w of result.workloads) {
    if (!w.plan) continue;
    out.push(`== ${w.id} ${w.name} as ${w.as}: ${w.path}`);
    for (const s of w.plan.statements) out.push(`-- ${s.sql}`, ...s.plan, '');
  }
  writeFileSync(path.join(BENCH_DIR, `plans-${result.kind}.txt`), out.join('\n'));
}

/** Before → after for the workloads both runs measured (same id, name and role), for changes.md. */
export function beforeAfterTable(before: EngineResult, after: EngineResult, c = 10): string {
  const lines = [
    `| # | workload | as | floor p50 before → after | floor p95 before → after | api p50 before → after | req/s c=${c} before → after |`,
    '|---|---|---|---|---|---|---|',
  ];
  const key = (w: WorkloadResult) => `${w.id}|${w.name.replace(/q=\d{4}$/, 'q=####')}|${w.as}`;
  for (const w of after.workloads) {
    const b = before.workloads.find((x) => key(x) === key(w));
    if (!b) continue;
    const rps = (x: WorkloadResult) => {
      const l = x.load.find((y) => y.connections === c);
      return l ? rate(l.requestsPerSecond) : x.loadSkipped ? 'skipped' : '–';
    };
    lines.push(
      `| ${w.id} | ${w.name} | ${w.as} | ${ms(b.floor.p50)} → ${ms(w.floor.p50)} | ${ms(b.floor.p95)} → ${ms(w.floor.p95)} | ${b.api ? ms(b.api.p50) : '–'} → ${w.api ? ms(w.api.p50) : '–'} | ${rps(b)} → ${rps(w)} |`,
    );
  }
  return lines.join('\n');
}
