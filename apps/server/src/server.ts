import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';
import type { Config } from './platform/config/config.js';
import { openDatabase, type Database } from './platform/db/client.js';
import { acquireDataDirLock } from './platform/db/data-dir-lock.js';
import { migrateDatabase } from './platform/db/migrate.js';
import { describeDatabaseFailure } from './platform/db/database-errors.js';
import { countOrganizations, syncBuiltInRoles, type RoleSyncChange } from './modules/org/index.js';
import { createDomainEventBus, createJobCatalog } from './modules/registry.js';
import { createImportWorker, importWorkerSignal } from './modules/imports/index.js';
import { createJobRunner } from './platform/jobs/job-runner.js';
import { BACKUP_JOB } from './modules/archive/index.js';
import { DEMO_LOGINS, DEMO_PASSWORD, seedDemoOrganization } from './modules/demo/demo-seed.js';

export interface OpenedStore {
  database: Database;
  release: () => void;
}

/** The request that used a broken connection answers 503 on its own; this only leaves a trace. */
function reportConnectionError(error: Error): void {
  console.warn(`  PostgreSQL connection lost: ${describeDatabaseFailure(error)}`);
}

/** Opens the configured database (PGlite under dataDir unless DATABASE_URL is set) and migrates it. */
export async function openStore(config: Config): Promise<OpenedStore> {
  let release = () => undefined as void;
  if (!config.databaseUrl) {
    const dir = path.join(config.dataDir, 'pglite');
    release = acquireDataDirLock(dir);
  }
  try {
    const database = await openDatabase({
      databaseUrl: config.databaseUrl,
      pgliteDir: path.join(config.dataDir, 'pglite'),
      poolSize: config.pgPoolSize,
      statementTimeoutMs: config.statementTimeoutMs,
      onConnectionError: reportConnectionError,
    });
    if (config.databaseUrl) {
      // A migration may rewrite a large table (backfills at 1M rows take minutes): it runs on its
      // own connection without the statement timeout that protects requests.
      const migrator = await openDatabase({
        databaseUrl: config.databaseUrl,
        poolSize: 1,
        statementTimeoutMs: 0,
        onConnectionError: reportConnectionError,
      });
      try {
        await migrateDatabase(migrator);
      } finally {
        await migrator.close();
      }
    } else {
      await migrateDatabase(database);
    }
    return { database, release };
  } catch (error) {
    release();
    throw error;
  }
}

/** `npm start`: database, demo organization on first start of an empty embedded store, HTTP. */
export async function startServer(config: Config): Promise<FastifyInstance> {
  const startedAt = Date.now();
  const { database, release } = await openStore(config);
  // After the migrations, before the first request: users get what this release's templates grant.
  printRoleSync(await syncBuiltInRoles(database.db));
  // One catalog for the runner and the jobs screen's "run now".
  const jobs = createJobCatalog();
  const app = await buildApp({ config, database, jobs });
  if (database.kind === 'pglite' && (await countOrganizations(database.db)) === 0) {
    console.log('  Empty embedded database: creating the demo organization…');
    await seedDemoOrganization(database.db);
    printDemoLogins();
  }
  // Durable jobs (design §6) run in the server process only, never in tests' buildApp.
  const jobRunner = createJobRunner({
    db: database.db,
    registry: jobs,
    installation: { database, config },
    onError: (error) => app.log.error({ err: error }, 'job runner failed'),
  });
  jobRunner.start();
  // `guanxi backup` while this server owns the PGlite directory: the CLI cannot open it, so it
  // signals this process, which takes the backup itself (recorded in the job's run history).
  if (database.kind === 'pglite') {
    process.on('SIGUSR2', () => {
      jobRunner
        .runNow({ name: BACKUP_JOB, orgId: null })
        .catch((error: unknown) => app.log.error({ err: error }, 'backup on request failed'));
    });
  }
  // Imports run in their own durable worker loop: batches in short transactions, resumed after a restart.
  const importWorker = createImportWorker({
    db: database.db,
    // PGlite answers one query at a time: a batch's transaction holds up every other request, so
    // batches stay short there. PostgreSQL serves readers beside a batch, but the batch's own work
    // (tokens, matching) runs on this thread between its queries: 250 rows keep that under ~50 ms.
    batchSize: database.kind === 'pglite' ? 100 : 250,
    // …and each batch waits until no request is in flight (two seconds at most, so that a long
    // export or upload does not stop the import).
    ...(database.kind === 'pglite' ? { beforeBatch: () => app.whenQuiet(2000) } : {}),
    events: createDomainEventBus(),
    dataDir: config.dataDir,
    onError: (error) => app.log.error({ err: error }, 'import worker failed'),
  });
  importWorker.start();
  importWorkerSignal.notify = () => importWorker.notify();
  // A promise nobody awaited must not end a server that is otherwise fine; say where it came from.
  process.on('unhandledRejection', (reason) => app.log.error({ err: reason }, 'unhandled promise rejection'));
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    console.log(`  ${signal}: answering new requests 503, finishing in-flight ones, then closing the database…`);
    try {
      // In-flight requests end within the request timeout (past it they are answered 503 themselves).
      await app.drain(config.requestTimeoutMs + 1000);
      await app.close();
      await jobRunner.stop();
      await importWorker.stop();
      await database.checkpoint();
      await database.close();
    } finally {
      release();
    }
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));

  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  console.log(
    `\n  关系 Guanxi CRM is running: http://localhost:${port}  (${database.kind}, ready in ${Date.now() - startedAt} ms)\n`,
  );
  return app;
}

function printDemoLogins(): void {
  console.log(`\n  Demo organization created. Logins (password for all: ${DEMO_PASSWORD}, demo only):`);
  for (const [username, role] of DEMO_LOGINS) console.log(`    ${username.padEnd(14)} ${role}`);
}

/** One line per built-in role the sync changed (nothing when the roles were already current). */
export function printRoleSync(changes: readonly RoleSyncChange[]): void {
  if (changes.length === 0) return;
  console.log(`  Built-in roles brought to this release's templates: ${changes.length}`);
  // A hosted install may change thousands of roles at once; the audit log holds every one.
  for (const change of changes.slice(0, 20)) {
    const parts = [...change.added.map((p) => `+${p}`), ...change.removed.map((p) => `-${p}`)];
    console.log(`    org ${change.orgId} ${change.code}: ${parts.join(' ')}`);
  }
  if (changes.length > 20) console.log(`    … and ${changes.length - 20} more (see each organization's audit log)`);
}
