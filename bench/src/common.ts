import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig, REPO_ROOT, type Config } from '../../apps/server/src/platform/config/config.js';

export const BENCH_DIR = path.join(REPO_ROOT, 'bench');

/** Where the data lives: a PostgreSQL URL or a PGlite data directory (as GUANXI_DATA_DIR). */
export interface Target {
  kind: 'postgres' | 'pglite';
  databaseUrl?: string;
  /** GUANXI_DATA_DIR; PGlite files are under `<dataDir>/pglite`, as the server keeps them. */
  dataDir: string;
  label: string;
}

export const TARGET_OPTIONS = {
  db: { type: 'string' },
  pglite: { type: 'string' },
  customers: { type: 'string' },
} as const;

export function targetFrom(values: { db?: string | undefined; pglite?: string | undefined }): Target {
  if (values.db && values.pglite) throw new Error('give either --db URL or --pglite DIR, not both');
  if (values.db)
    return {
      kind: 'postgres',
      databaseUrl: values.db,
      dataDir: '/tmp/guanxi-bench-unused',
      label: redactUrl(values.db),
    };
  const dataDir = path.resolve(values.pglite ?? '/tmp/guanxi-bench-pglite');
  if (path.resolve(dataDir).startsWith(path.join(REPO_ROOT, 'data'))) {
    throw new Error(`refusing to use ${dataDir}: the benchmark never touches the app's own data directory`);
  }
  return { kind: 'pglite', dataDir, label: path.join(dataDir, 'pglite') };
}

const redactUrl = (url: string): string => url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');

export function configFor(target: Target): Config {
  return loadConfig(process.env, {
    databaseUrl: target.databaseUrl,
    dataDir: target.dataDir,
    logLevel: 'warn',
  });
}

/** The environment a child server process gets for the same target. */
export function serverEnv(target: Target, port: number): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    // Load runs send hundreds of searches a second as one user: the per-user search limit is off.
    SEARCH_RATE_LIMIT_PER_MINUTE: '0',
  };
  delete env.DATABASE_URL;
  delete env.GUANXI_DATA_DIR;
  if (target.databaseUrl) env.DATABASE_URL = target.databaseUrl;
  else env.GUANXI_DATA_DIR = target.dataDir;
  return env;
}

export const parseCount = (raw: string | undefined, fallback: number): number => {
  if (raw === undefined) return fallback;
  const n = Number(raw.replace(/[_,]/g, '').replace(/k$/i, '000').replace(/m$/i, '000000'));
  if (!Number.isInteger(n) || n < 0) throw new Error(`not a count: ${raw}`);
  return n;
};

export { parseArgs };

/** Nearest-rank percentile of an ascending array. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1]!;
}

export interface Latency {
  n: number;
  p50: number;
  p95: number;
  p99: number;
}

export function summarize(samples: number[]): Latency {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    n: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
  };
}

export const ms = (value: number): string => {
  if (!Number.isFinite(value)) return '–';
  if (value >= 100) return value.toFixed(0);
  if (value >= 10) return value.toFixed(1);
  return value.toFixed(2);
};

/** Load times recorded by the generator, by target kind, read back into the report. */
export interface LoadRecord {
  kind: Target['kind'];
  customers: number;
  seconds: number;
  rowsPerSecond: number;
  finishSeconds: number;
  at: string;
}

const LOAD_TIMES = path.join(BENCH_DIR, 'load-times.json');

export function recordLoadTime(record: LoadRecord): void {
  const all = readLoadTimes().filter((r) => !(r.kind === record.kind && r.customers === record.customers));
  all.push(record);
  writeFileSync(LOAD_TIMES, `${JSON.stringify(all, null, 2)}\n`);
}

export function readLoadTimes(): LoadRecord[] {
  if (!existsSync(LOAD_TIMES)) return [];
  return JSON.parse(readFileSync(LOAD_TIMES, 'utf8')) as LoadRecord[];
}

/** Time the app's migrations took on an existing bench database (src/migrate.ts). */
export interface MigrationRecord {
  kind: Target['kind'];
  customers: number;
  migrations: number;
  seconds: number;
  loadAverage: number;
  at: string;
}

const MIGRATION_TIMES = path.join(BENCH_DIR, 'migration-times.json');

export function recordMigrationTime(record: MigrationRecord): void {
  const all = readMigrationTimes();
  all.push(record);
  writeFileSync(MIGRATION_TIMES, `${JSON.stringify(all, null, 2)}\n`);
}

export function readMigrationTimes(): MigrationRecord[] {
  if (!existsSync(MIGRATION_TIMES)) return [];
  return JSON.parse(readFileSync(MIGRATION_TIMES, 'utf8')) as MigrationRecord[];
}
