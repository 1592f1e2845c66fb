import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import { ResilientPool } from './resilient-pool.js';
import * as schema from './schema/index.js';

export type Schema = typeof schema;
/** The one database handle type both drivers satisfy; repositories take this or a transaction. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type Executor = Db | Tx;
export type DbKind = 'pglite' | 'postgres';

export interface Database {
  db: Db;
  kind: DbKind;
  /** Flushes PGlite to disk; a no-op on PostgreSQL. */
  checkpoint(): Promise<void>;
  /**
   * PGlite only: the whole data directory as a gzipped tar, consistent — no transaction runs while it
   * is taken (the server's requests wait the seconds it takes).
   */
  snapshot?: () => Promise<Blob>;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  databaseUrl?: string | undefined;
  /** PGlite data directory; `memory://` keeps it in memory (tests). */
  pgliteDir?: string;
  /**
   * A dumped PGlite data directory (`dumpDataDir`) to start from instead of an empty one: tests load
   * one already migrated rather than running every migration again for each file.
   */
  pgliteTemplate?: Blob;
  poolSize?: number;
  statementTimeoutMs?: number;
  /** Told about every PostgreSQL connection that breaks (terminated backend, restart, network). */
  onConnectionError?: (error: Error) => void;
}

export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options);
  return openPglite(options.pgliteDir ?? 'memory://', options.pgliteTemplate);
}

async function openPglite(dataDir: string, template: Blob | undefined): Promise<Database> {
  if (!dataDir.startsWith('memory://')) mkdirSync(path.dirname(dataDir), { recursive: true });
  const client = await PGlite.create(dataDir, {
    extensions: { pg_trgm },
    ...(template ? { loadDataDir: template } : {}),
  });
  // Both drivers build the same pg-core query objects; only their result HKT differs.
  const db = drizzlePglite({ client, schema }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    checkpoint: async () => {
      await client.query('CHECKPOINT');
    },
    // Inside a transaction PGlite runs nothing else; the checkpoint writes every committed page
    // to the files the dump copies.
    snapshot: () =>
      client.transaction(async (tx) => {
        await tx.query('CHECKPOINT');
        return client.dumpDataDir('gzip');
      }),
    close: () => client.close(),
  };
}

async function openPostgres(url: string, options: OpenDatabaseOptions): Promise<Database> {
  const pool = new ResilientPool({
    connectionString: url,
    max: options.poolSize ?? 20,
    statement_timeout: options.statementTimeoutMs ?? 15000,
    idle_in_transaction_session_timeout: 30000,
    connectionTimeoutMillis: 5000,
    // TCP keep-alive notices a silently cut path (failover to another host) instead of waiting forever.
    keepAlive: true,
    // JIT compilation pays off for long analytical scans, not for this app's requests: on report
    // queries whose row estimates run high (profit contribution, customer value) it added ≈ 1.5 s
    // of compiling per statement at 1M customers (bench/results-orders.md).
    options: '-c jit=off',
  });
  // A connection that breaks (terminated backend, idle-in-transaction timeout, restart, failover)
  // makes its client emit 'error'. The pool listens only while a client is idle; a client checked
  // out by a query or a transaction has no listener, and an unheard 'error' ends the process. So
  // every client gets one for its whole life: the query in flight fails on its own (503), the
  // broken client goes back to the pool at once (resilient-pool.ts), which closes it and opens a
  // new connection on demand.
  const reportConnectionError = (error: Error) => options.onConnectionError?.(error);
  pool.on('connect', (client) => client.on('error', reportConnectionError));
  pool.on('error', reportConnectionError);
  const db = drizzlePostgres({ client: pool, schema }) as unknown as Db;
  return {
    db,
    kind: 'postgres',
    checkpoint: async () => undefined,
    close: () => pool.end(),
  };
}
