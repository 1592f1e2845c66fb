import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { BENCH_DIR, ms, readLoadTimes, type Latency, type Target } from './common.js';
import type { LoadResult } from './load.js';

export interface PlanCheck {
  seqScan: boolean;
  /** Plans that are as bad as a sequential scan without being one. */
  warnings: string[];
  /** Indexes the statements use on customers, or the scan kinds. */
  summary: string;
  statements: { sql: string; plan: string[] }[];
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
  api: Latency;
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
  coldStartMs: number;
  serverRssMb: { afterLoad: number; peak: number };
  durationSeconds: number;
  connections: number[];
  workloads: WorkloadResult[];
}

export const resultPath = (kind: Target['kind']) => path.join(BENCH_DIR, `results-${kind}.json`);

const trio = (l: Latency) => `${ms(l.p50)} / ${ms(l.p95)} / ${ms(l.p99)}`;
const rate = (n: number) => (n >= 100 ? Math.round(n).toLocaleString('en') : n.toFixed(1));
const ratio = (a: number, b: number) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? `${(a / b).toFixed(2)}×` : '–');

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
    const flags = w.plan ? [...(w.plan.seqScan ? ['Seq Scan on customers'] : []), ...w.plan.warnings] : [];
    const plan = w.plan ? (flags.length ? `**⚠ ${flags.join('; ')}** (${w.plan.summary})` : w.plan.summary) : '–';
    lines.push(
      `| ${w.id} | ${w.name}${w.note ? ` (${w.note})` : ''} | ${w.as} | ${w.rows} | ${trio(w.floor)} | ${trio(w.api)} | ${ratio(w.api.p50, w.floor.p50)} | ${loads.join(' | ')} | ${errors} | ${plan} |`,
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
  return [
    `### ${result.kind === 'postgres' ? 'PostgreSQL' : 'PGlite'} — ${result.customers.total.toLocaleString('en')} customers (${result.customers.live.toLocaleString('en')} live)`,
    '',
    `${result.date} · ${result.machine} · Node ${result.node} · ${result.engine}`,
    `${loadLine} · cold start to first answer ${Math.round(result.coldStartMs)} ms · server RSS after load ${result.serverRssMb.afterLoad} MB (peak ${result.serverRssMb.peak} MB) · load runs ${result.durationSeconds} s each`,
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
      `| ${w.id} | ${w.name} | ${w.as} | ${ms(w.floor.p50)} / ${ms(o.floor.p50)} | ${ratio(o.floor.p50, w.floor.p50)} | ${ms(w.api.p50)} / ${ms(o.api.p50)} | ${ratio(o.api.p50, w.api.p50)} | ${lp ? rate(lp.requestsPerSecond) : '–'} / ${ll ? rate(ll.requestsPerSecond) : '–'} | ${lp && ll ? ratio(ll.requestsPerSecond, lp.requestsPerSecond) : '–'} |`,
    );
  }
  return lines.join('\n');
}

const LEGEND = `Columns: **floor** = the service's list/create called in-process through the same driver (the exact SQL the API runs, incl. the capped count), serial, warm; **api c=1** = one HTTP client through the real server (session lookup, scope, validation, serialization), serial; **api/floor** = overhead at p50; **c=N** = autocannon from a separate process for the stated duration with N connections: latency p50 / p95 / p99 in ms and requests/s (2xx only); **errors** = socket errors + timeouts + non-2xx over all load runs; **plan** = indexes used on customers by the floor statements (EXPLAIN), flagged (⚠) when a statement sequentially scans customers or walks a sort index testing \`search_tokens\` row by row (equally unbounded). Raw numbers: \`bench/results-*.json\`, plans: \`bench/plans-*.txt\`.`;

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
  const markdown = parts.join('\n');
  writeFileSync(path.join(BENCH_DIR, 'results.md'), markdown);
  return markdown;
}

export function writePlans(result: EngineResult): void {
  const out: string[] = [];
  for (const w of result.workloads) {
    if (!w.plan) continue;
    out.push(`== ${w.id} ${w.name} as ${w.as}: ${w.method} ${w.path}`);
    for (const s of w.plan.statements) out.push(`-- ${s.sql}`, ...s.plan, '');
  }
  writeFileSync(path.join(BENCH_DIR, `plans-${result.kind}.txt`), out.join('\n'));
}
